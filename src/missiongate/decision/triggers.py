"""Withdrawal triggers: the facts whose change would require a deployed contingent to withdraw.

Computed exactly from the doctrine: with the contingent deployed, every value of every fact the doctrine
reads that the contributor does not control (consent, the ceasefire, the threat, the mandate, what the lead
accepts) is tried; a value is a trigger when it alone turns the verdict into WITHDRAW. Integer, date and
text facts have no finite list of values and are not tried.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from missiongate.catalogue import Catalogue, ControlledBy, Fact, FactType, FactValue
from missiongate.doctrine.model import Doctrine
from missiongate.evaluator import Verdict, evaluate

DEPLOYED = "contingent.deployed"


@dataclass(frozen=True, slots=True)
class Trigger:
    fact: str
    values: tuple[FactValue, ...]  # each alone would require withdrawal
    text: str
    rules: tuple[str, ...]  # titles of the rules that would then require it


@dataclass(frozen=True, slots=True)
class Alert:
    """A change on a deployed case that requires withdrawal."""

    text: str
    facts: tuple[str, ...]
    rules: tuple[str, ...]


def _candidates(fact: Fact, current: FactValue | None) -> list[FactValue]:
    if fact.type is FactType.BOOL:
        return [True, False]
    if fact.type in {FactType.ENUM, FactType.ORDERED_ENUM}:
        return list(fact.value_ids)
    if fact.type is FactType.SET:
        present = current if isinstance(current, frozenset) else frozenset()
        fewer: list[FactValue] = [present - {v} for v in sorted(present)]
        return fewer + [present | {v} for v in fact.value_ids if v not in present]
    return []


def withdrawal_triggers(
    doctrine: Doctrine, values: Mapping[str, FactValue], catalogue: Catalogue
) -> list[Trigger]:
    """The single changes that would require withdrawal of a deployed contingent; none when the case
    already requires it."""
    deployed = {**values, DEPLOYED: True}
    if evaluate(doctrine, deployed).verdict is Verdict.WITHDRAW:
        return []
    read = set().union(*(rule.facts for rule in doctrine.rules))
    triggers = []
    for fact in catalogue.facts:
        if fact.id not in read or fact.controlled_by is ControlledBy.CONTRIBUTOR:
            continue
        current = values.get(fact.id)
        found: list[FactValue] = []
        rules: dict[str, None] = {}
        for value in _candidates(fact, current):
            if value == current:
                continue
            result = evaluate(doctrine, {**deployed, fact.id: value})
            if result.verdict is Verdict.WITHDRAW:
                found.append(value)
                rules.update(dict.fromkeys(o.rule.title for o in result.deciding))
        if found:
            triggers.append(Trigger(fact.id, tuple(found), trigger_text(fact, current, found), tuple(rules)))
    return triggers


def trigger_text(fact: Fact, current: FactValue | None, values: list[FactValue]) -> str:
    if fact.type is FactType.BOOL and current is not None:
        return f"{fact.label}: no longer the case" if current else f"{fact.label}: becomes the case"
    if fact.type is FactType.SET and isinstance(current, frozenset):
        added = [
            fact.value_label(v) for value in values if isinstance(value, frozenset) for v in value - current
        ]
        removed = [
            fact.value_label(v) for value in values if isinstance(value, frozenset) for v in current - value
        ]
        parts = [f"adds {a}" for a in added] + [f"drops {r}" for r in removed]
        return f"{fact.label}: " + " or ".join(parts)
    return f"{fact.label}: " + " or ".join(fact.describe(value) for value in values)


def withdrawal_alert(
    doctrine: Doctrine,
    before: Mapping[str, FactValue],
    after: Mapping[str, FactValue],
    catalogue: Catalogue,
) -> Alert | None:
    """For a deployed contingent: an alert when a change of facts now requires withdrawal."""
    if after.get(DEPLOYED) is not True:
        return None
    was = evaluate(doctrine, before).verdict
    now = evaluate(doctrine, after)
    if now.verdict is not Verdict.WITHDRAW or was is Verdict.WITHDRAW:
        return None
    changed = tuple(f for f in dict.fromkeys([*before, *after]) if before.get(f) != after.get(f))
    described = [
        f"{catalogue.fact(f).label}: {catalogue.fact(f).describe(after[f]) if f in after else 'unknown'}"
        for f in changed
        if f != DEPLOYED
    ]
    rules = tuple(o.rule.title for o in now.deciding)
    text = "Withdrawal required: " + "; ".join(described) + " (" + "; ".join(rules) + ")"
    return Alert(text, changed, rules)
