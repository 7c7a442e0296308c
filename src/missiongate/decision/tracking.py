"""Our conditions as the other side answers them: which fact values accepting, refusing or amending a
condition records, whether the doctrine lets an amendment stand, and which later fact values contradict a
condition on record (docs/decision-documents.md, "Conditions on a case").

A condition rule's demand is its `require` tree. Accepting it sets the facts of that tree to values that
meet it, refusing it to values that fail it: the values given; else the current values when they already
do; else the only assignment that does so, among those keeping the known values if any does. Amended terms
are fact values too, refused when they fail the condition or decline the case.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from missiongate.catalogue import Catalogue, FactType, FactValue
from missiongate.decision.wording import joined
from missiongate.doctrine.model import Doctrine, Rule, RuleKind
from missiongate.errors import MissionGateError, NotFoundError
from missiongate.evaluator import RuleStatus, Verdict, evaluate, rule_status

Values = Mapping[str, FactValue]
MAX_ASSIGNMENTS = 4096  # assignments tried when looking for the one that accepts or refuses a condition


class ConditionState(StrEnum):
    STATED = "stated"  # we communicated it
    ACCEPTED = "accepted"  # the other side accepted it as stated
    REFUSED = "refused"
    AMENDED = "amended"  # the other side accepted it in other terms


# States a later fact value must not contradict: the condition stands, as stated or as agreed.
BINDING = frozenset({ConditionState.STATED, ConditionState.ACCEPTED, ConditionState.AMENDED})


class Channel(StrEnum):
    NOTE_VERBALE = "note_verbale"
    LETTER = "letter"
    MEETING = "meeting"
    EMAIL = "email"
    PHONE = "phone"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"note_verbale": "note verbale", "email": "e-mail"}.get(self.value, self.value)


@dataclass(frozen=True)
class ConditionChange:
    """A change of one condition's state as the user reports it."""

    state: str
    counterpart: str  # who on the other side (to whom we stated it, or who answered)
    occurred_on: dt.date
    channel: str
    reference: str = ""
    terms: str = ""  # the amended terms in words
    note: str = ""
    values: dict[str, Any] = field(default_factory=dict)  # fact id -> raw value, as given


def condition_rule(doctrine: Doctrine, rule_id: str) -> Rule:
    rule = doctrine.rules_by_id.get(rule_id)
    if rule is None or rule.kind is not RuleKind.CONDITION:
        raise NotFoundError(f"doctrine {doctrine.id} has no condition {rule_id!r}")
    return rule


def demand_facts(rule: Rule) -> list[str]:
    """The facts the condition's demand reads: the ones an answer to it settles."""
    return sorted(rule.require.facts())


def coerce_values(rule: Rule, raw: Mapping[str, Any], catalogue: Catalogue) -> dict[str, FactValue]:
    """Values given for the condition's facts, checked against the catalogue."""
    facts = demand_facts(rule)
    coerced: dict[str, FactValue] = {}
    for fact_id, value in raw.items():
        if fact_id not in facts:
            raise MissionGateError(f"condition {rule.id} reads {joined(facts)}, not {fact_id!r}")
        try:
            coerced[fact_id] = catalogue.fact(fact_id).coerce(value)
        except ValueError as exc:
            raise MissionGateError(f"{fact_id}: {exc}") from None
    return coerced


def settling_values(
    rule: Rule, state: ConditionState, values: Values, given: Values, catalogue: Catalogue
) -> dict[str, FactValue]:
    """The fact values recording `state` sets (none for a stated condition). `values`: the case's now."""
    if state is ConditionState.STATED:
        if given:
            raise MissionGateError("stating a condition sets no fact: give values only when it is answered")
        return {}
    if state is ConditionState.AMENDED:
        if not given:
            raise MissionGateError(
                f"give the amended terms as values of {joined(demand_facts(rule))}, "
                "so the doctrine can judge them"
            )
        return dict(given)
    wanted = state is ConditionState.ACCEPTED
    verb = "accepted" if wanted else "refused"
    if given:
        if rule.require.evaluate({**values, **given}) is not wanted:
            raise MissionGateError(
                f"these values do not leave condition {rule.id} {verb}: "
                + ("record them as amended terms" if wanted else "record the answer as accepted or amended")
            )
        return dict(given)
    if rule.require.evaluate(values) is wanted:
        return {fact_id: values[fact_id] for fact_id in demand_facts(rule) if fact_id in values}
    found = assignments(rule, wanted, catalogue)
    keeping = [a for a in found if all(values.get(f, v) == v for f, v in a.items())]
    found = keeping or found  # an answer changes what it must, and keeps what is known where it can
    if len(found) != 1:
        how = "in several ways" if found else "only with values that are not a choice from a list"
        raise MissionGateError(
            f"condition {rule.id} can be {verb} {how}: "
            f"give the value(s) the other side {verb} for {joined(demand_facts(rule))}"
        )
    return found[0]


def assignments(rule: Rule, outcome: bool, catalogue: Catalogue) -> list[dict[str, FactValue]]:
    """Every assignment of the demand's facts that makes it come out `outcome`; none when a fact has no
    finite list of values (numbers, dates, text, sets) or there are too many to try."""
    facts = demand_facts(rule)
    options: list[list[FactValue]] = []
    for fact_id in facts:
        fact = catalogue.fact(fact_id)
        if fact.type is FactType.BOOL:
            options.append([True, False])
        elif fact.type in {FactType.ENUM, FactType.ORDERED_ENUM}:
            options.append(list(fact.value_ids))
        else:
            return []
    total = 1
    for option in options:
        total *= len(option)
    if total > MAX_ASSIGNMENTS:
        return []
    combos = (dict(zip(facts, combo, strict=True)) for combo in itertools.product(*options))
    return [combo for combo in combos if rule.require.evaluate(combo) is outcome]


def check_amendment(doctrine: Doctrine, rule: Rule, before: Values, after: Values) -> None:
    """Amended terms stand only if they meet the condition (or leave it open) and decline nothing."""
    refuse = "the doctrine refuses this: record it as a refusal if the other side insists"
    if rule_status(rule, after) is RuleStatus.VIOLATED:
        raise MissionGateError(f"the amended terms fail condition {rule.id} ({rule.title}); {refuse}")
    declined = {Verdict.DECLINE, Verdict.WITHDRAW}
    now = evaluate(doctrine, after)
    if now.verdict in declined and evaluate(doctrine, before).verdict not in declined:
        reasons = joined([f"{o.rule.id} ({o.rule.title})" for o in now.deciding])
        raise MissionGateError(
            f"the amended terms of {rule.id} would decline the case under {reasons}; {refuse}"
        )


def contradicted(
    doctrine: Doctrine, states: Mapping[str, str], before: Values, after: Values, skip: Iterable[str] = ()
) -> list[Rule]:
    """Conditions on record as stated, accepted or amended that a change of facts makes fail: violated now,
    not before (a condition already failing is not contradicted again)."""
    found, skipped = [], set(skip)
    for rule_id, state in states.items():
        rule = doctrine.rules_by_id.get(rule_id)
        if rule is None or rule.kind is not RuleKind.CONDITION or rule_id in skipped:
            continue
        failing = rule_status(rule, after) is RuleStatus.VIOLATED
        if state in BINDING and failing and rule_status(rule, before) is not RuleStatus.VIOLATED:
            found.append(rule)
    return found
