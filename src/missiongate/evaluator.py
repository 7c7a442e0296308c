"""The evaluator: a doctrine's rules against what is known of a mission, in three-valued logic.

Each rule comes out satisfied, violated, undetermined or not applicable; the verdict follows from the
rule kinds in a fixed order: DECLINE > CLARIFICATION_REQUIRED > ACCEPTABLE_WITH_CONDITIONS > ACCEPTABLE,
and NOT_COVERED when no rule applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from missiongate.catalogue import Fact, FactType, FactValue
from missiongate.doctrine.conditions import Condition, Leaf, Not, Truth
from missiongate.doctrine.model import Doctrine, Rule, RuleKind
from missiongate.mission import Mission


class RuleStatus(StrEnum):
    SATISFIED = "satisfied"
    VIOLATED = "violated"
    UNDETERMINED = "undetermined"
    NOT_APPLICABLE = "not_applicable"


class Verdict(StrEnum):
    DECLINE = "DECLINE"
    CLARIFICATION_REQUIRED = "CLARIFICATION_REQUIRED"
    ACCEPTABLE_WITH_CONDITIONS = "ACCEPTABLE_WITH_CONDITIONS"
    ACCEPTABLE = "ACCEPTABLE"
    NOT_COVERED = "NOT_COVERED"


DECIDING_KINDS = frozenset({RuleKind.RED_LINE, RuleKind.REQUIREMENT})
_CONDITION = RuleKind.CONDITION


_SATISFIED, _VIOLATED = RuleStatus.SATISFIED, RuleStatus.VIOLATED
_UNDETERMINED, _NOT_APPLICABLE = RuleStatus.UNDETERMINED, RuleStatus.NOT_APPLICABLE


def rule_status(rule: Rule, values: Mapping[str, FactValue]) -> RuleStatus:
    """A rule's status. Its applicability (`when`) must be settled before the rule is."""
    if rule.when is not None:
        applies = rule.when.evaluator(values)
        if applies is False:
            return _NOT_APPLICABLE
        if applies is None:
            return _UNDETERMINED
    held = rule.require.evaluator(values)
    if held is None:
        return _UNDETERMINED
    return _SATISFIED if held else _VIOLATED


class RuleOutcome(NamedTuple):
    rule: Rule
    status: RuleStatus
    values: Mapping[str, FactValue]  # what was known when the rule was evaluated

    @property
    def facts_read(self) -> frozenset[str]:
        """Facts the rule reads that are known."""
        return frozenset(f for f in self.rule.facts if f in self.values)

    @property
    def facts_missing(self) -> frozenset[str]:
        """Facts the rule reads that are unknown."""
        return frozenset(f for f in self.rule.facts if f not in self.values)


@dataclass(frozen=True, slots=True)
class Assessment:
    doctrine: Doctrine
    values: Mapping[str, FactValue]
    outcomes: tuple[RuleOutcome, ...]
    verdict: Verdict
    deciding: tuple[RuleOutcome, ...]
    proposed_facts_used: frozenset[str]  # unconfirmed facts the verdict rests on

    @property
    def provisional(self) -> bool:
        return bool(self.proposed_facts_used)

    def outcome(self, rule_id: str) -> RuleOutcome:
        return next(o for o in self.outcomes if o.rule.id == rule_id)

    def with_status(self, *statuses: RuleStatus) -> list[RuleOutcome]:
        return [o for o in self.outcomes if o.status in statuses]


def _verdict(outcomes: tuple[RuleOutcome, ...]) -> tuple[Verdict, tuple[RuleOutcome, ...]]:
    # One pass sorts outcomes into the buckets the verdict order looks at.
    declined: list[RuleOutcome] = []
    open_rules: list[RuleOutcome] = []
    conditions: list[RuleOutcome] = []
    settled: list[RuleOutcome] = []
    for outcome in outcomes:
        status, kind = outcome.status, outcome.rule.kind
        if status is _NOT_APPLICABLE:
            continue
        if status is _UNDETERMINED:
            open_rules.append(outcome)
        elif kind is _CONDITION:
            conditions.append(outcome)
        elif kind in DECIDING_KINDS:
            (declined if status is _VIOLATED else settled).append(outcome)
        else:
            settled.append(outcome)  # considerations are reported, never decide
    if declined:
        return Verdict.DECLINE, tuple(declined)
    if open_rules:
        return Verdict.CLARIFICATION_REQUIRED, tuple(open_rules)
    if conditions:
        return Verdict.ACCEPTABLE_WITH_CONDITIONS, tuple(conditions)
    if not settled:
        return Verdict.NOT_COVERED, ()
    return Verdict.ACCEPTABLE, tuple(o for o in settled if o.rule.kind in DECIDING_KINDS)


def evaluate(
    doctrine: Doctrine, facts: Mission | Mapping[str, FactValue], proposed: Iterable[str] = ()
) -> Assessment:
    """Assess what is known against a doctrine. `proposed` names unconfirmed facts (taken from a Mission)."""
    if isinstance(facts, Mission):
        values: Mapping[str, FactValue] = facts.values
        proposed = facts.proposed_facts()
    else:
        values = facts
    outcomes = tuple([RuleOutcome(rule, rule_status(rule, values), values) for rule in doctrine.rules])
    verdict, deciding = _verdict(outcomes)
    unconfirmed = frozenset(proposed).intersection(values)
    rests_on = deciding if verdict is Verdict.DECLINE else outcomes
    used = (
        frozenset(f for o in rests_on for f in o.rule.facts if f in unconfirmed)
        if unconfirmed
        else frozenset()
    )
    return Assessment(doctrine, values, outcomes, verdict, deciding, used)


@dataclass(frozen=True, slots=True)
class Finding:
    """A test on one fact that decided a rule: the test, its truth, and whether the rule negates it."""

    leaf: Leaf
    truth: Truth
    negated: bool


def deciding_tests(
    condition: Condition, values: Mapping[str, FactValue], negated: bool = False
) -> list[Finding]:
    """The fact tests that determine a condition's value (all when it holds, the failing ones when not)."""
    if isinstance(condition, Leaf):
        return [Finding(condition, condition.evaluate(values), negated)]
    if isinstance(condition, Not):
        return deciding_tests(condition.not_, values, not negated)
    outcome = condition.evaluate(values)
    children = condition.children()
    # The children with the node's own value decide it: every part when all held, the failing ones when not.
    decisive = [c for c in children if c.evaluate(values) is outcome]
    return [finding for child in decisive for finding in deciding_tests(child, values, negated)]


def rule_findings(rule: Rule, values: Mapping[str, FactValue]) -> list[Finding]:
    findings: list[Finding] = []
    if rule.when is not None:
        findings += deciding_tests(rule.when, values)
        if rule.when.evaluate(values) is False:
            return findings
    return findings + deciding_tests(rule.require, values)


def _candidates(fact: Fact, current: FactValue | None) -> list[FactValue]:
    """Values worth trying for one fact when looking for what would satisfy a rule."""
    if fact.type is FactType.BOOL:
        return [True, False]
    if fact.type in {FactType.ENUM, FactType.ORDERED_ENUM}:
        return list(fact.value_ids)
    if fact.type is FactType.SET:
        present: frozenset[str] = current if isinstance(current, frozenset) else frozenset()
        fewer: list[FactValue] = [present - {v} for v in present]
        return fewer + [present | {v} for v in fact.value_ids if v not in present]
    return []  # integers, dates and text: no finite list to try


def satisfying_changes(
    rule: Rule, values: Mapping[str, FactValue]
) -> dict[str, list[tuple[FactValue, RuleStatus]]]:
    """For a violated rule: each fact it reads, with the values that alone would lift the violation and
    the status the rule would then have (satisfied, not applicable, or undetermined pending other facts)."""
    changes: dict[str, list[tuple[FactValue, RuleStatus]]] = {}
    for leaf in _leaves(rule):
        fact = leaf.meta
        current = values.get(fact.id)
        if fact.id in changes or current is None:
            continue
        lifted: list[tuple[FactValue, RuleStatus]] = [
            (candidate, status)
            for candidate in _candidates(fact, current)
            if candidate != current
            and (status := rule_status(rule, {**values, fact.id: candidate})) is not RuleStatus.VIOLATED
        ]
        if lifted:
            changes[fact.id] = lifted
    return changes


def _leaves(rule: Rule) -> list[Leaf]:
    leaves = list(rule.when.leaves()) if rule.when is not None else []
    return leaves + list(rule.require.leaves())
