"""The evaluator: a doctrine's rules against what is known of a mission, in three-valued logic.

Each rule comes out satisfied, violated, undetermined or not applicable; its kind says what that does to
the verdict (docs/semantics.md): a violated red line, requirement, condition or deciding consideration
declines; an undetermined rule that could decide asks first; an adverse consideration at the ministerial
level goes to the minister; conditions, met or still to be secured, make participation conditional.
Every verdict is sound for every completion of the unknown facts (tests/test_semantics.py proves it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from missiongate.catalogue import Fact, FactType, FactValue
from missiongate.doctrine.conditions import Condition, Leaf, Not, Truth
from missiongate.doctrine.model import Doctrine, Level, Rule, RuleKind
from missiongate.mission import Mission


class RuleStatus(StrEnum):
    SATISFIED = "satisfied"
    VIOLATED = "violated"
    UNDETERMINED = "undetermined"
    NOT_APPLICABLE = "not_applicable"


class Verdict(StrEnum):
    DECLINE = "DECLINE"
    WITHDRAW = "WITHDRAW"  # a decline for a contingent already deployed
    MINISTERIAL_DECISION = "MINISTERIAL_DECISION"
    CLARIFICATION_REQUIRED = "CLARIFICATION_REQUIRED"
    ACCEPTABLE_WITH_CONDITIONS = "ACCEPTABLE_WITH_CONDITIONS"
    ACCEPTABLE = "ACCEPTABLE"
    NOT_COVERED = "NOT_COVERED"


# How good a verdict is for participation (docs/semantics.md): bad news never raises it. NOT_COVERED ranks
# with ACCEPTABLE: nothing in the doctrine stands against participation (nor speaks for it).
VERDICT_RANK = {
    Verdict.DECLINE: 0,
    Verdict.WITHDRAW: 0,
    Verdict.MINISTERIAL_DECISION: 1,
    Verdict.CLARIFICATION_REQUIRED: 2,
    Verdict.ACCEPTABLE_WITH_CONDITIONS: 3,
    Verdict.ACCEPTABLE: 4,
    Verdict.NOT_COVERED: 4,
}


class Effect(StrEnum):
    """What one rule's status does to the verdict."""

    DECLINES = "declines"  # violated red line, requirement, condition or deciding consideration
    MINISTERIAL = "ministerial"  # adverse consideration at the ministerial level
    OPEN = "open"  # undetermined and could decide: ask first
    TO_SECURE = "to_secure"  # a condition not yet accepted by the lead
    SECURED = "secured"  # a condition the lead has accepted
    RISK = "risk"  # refused desirable condition or adverse weighing consideration: a stated risk
    PENDING = "pending"  # undetermined weighing consideration: a question, the verdict provisional
    MET = "met"
    NONE = "none"  # not applicable


DECIDING_KINDS = frozenset({RuleKind.RED_LINE, RuleKind.REQUIREMENT})
_CONDITION, _CONSIDERATION = RuleKind.CONDITION, RuleKind.CONSIDERATION
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


def rule_effect(rule: Rule, status: RuleStatus) -> Effect:
    """The table of docs/semantics.md: a rule's kind and status give its effect on the verdict."""
    return effect_of(rule.kind, rule.decides, rule.desirable, status)


def effect_of(kind: RuleKind, decides: Level | None, desirable: bool, status: RuleStatus) -> Effect:
    if status is _NOT_APPLICABLE:
        return Effect.NONE
    if kind is _CONDITION:
        if status is _SATISFIED:
            return Effect.SECURED
        if status is _UNDETERMINED:
            return Effect.TO_SECURE
        return Effect.RISK if desirable else Effect.DECLINES
    if kind is _CONSIDERATION and decides is None:
        if status is _VIOLATED:
            return Effect.RISK
        return Effect.PENDING if status is _UNDETERMINED else Effect.MET
    if status is _SATISFIED:
        return Effect.MET
    if status is _UNDETERMINED:
        return Effect.OPEN
    return Effect.MINISTERIAL if decides is Level.MINISTERIAL_DECISION else Effect.DECLINES


class RuleOutcome(NamedTuple):
    rule: Rule
    status: RuleStatus
    values: Mapping[str, FactValue]  # what was known when the rule was evaluated
    effect: Effect

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
    unsettled_facts_used: frozenset[str]  # proposed or only reported facts the verdict rests on

    @property
    def pending(self) -> tuple[RuleOutcome, ...]:
        """Weighing considerations still unknown: asked, and a verdict that is otherwise settled (neither a
        decline nor "ask first") is provisional until they are answered."""
        if self.verdict in (Verdict.DECLINE, Verdict.WITHDRAW, Verdict.CLARIFICATION_REQUIRED):
            return ()
        return tuple(o for o in self.outcomes if o.effect is Effect.PENDING)

    @property
    def proposed_facts_used(self) -> frozenset[str]:
        return self.unsettled_facts_used

    @property
    def provisional(self) -> bool:
        return bool(self.unsettled_facts_used or self.pending)

    def outcome(self, rule_id: str) -> RuleOutcome:
        return next(o for o in self.outcomes if o.rule.id == rule_id)

    def with_status(self, *statuses: RuleStatus) -> list[RuleOutcome]:
        return [o for o in self.outcomes if o.status in statuses]

    def with_effect(self, *effects: Effect) -> list[RuleOutcome]:
        return [o for o in self.outcomes if o.effect in effects]

    @property
    def conditions(self) -> list[RuleOutcome]:
        """Applicable conditions: secured, to be secured, or refused."""
        return [o for o in self.outcomes if o.rule.kind is _CONDITION and o.effect is not Effect.NONE]

    @property
    def risks(self) -> list[RuleOutcome]:
        return self.with_effect(Effect.RISK)


def decide(
    outcomes: tuple[RuleOutcome, ...], deployed: bool = False
) -> tuple[Verdict, tuple[RuleOutcome, ...]]:
    """The verdict and the rules that decide it, from the rules' effects (docs/semantics.md)."""
    effects = {outcome.effect for outcome in outcomes}

    def having(effect: Effect) -> tuple[RuleOutcome, ...]:
        return tuple(o for o in outcomes if o.effect is effect)

    if Effect.DECLINES in effects:
        return (Verdict.WITHDRAW if deployed else Verdict.DECLINE), having(Effect.DECLINES)
    if Effect.MINISTERIAL in effects:  # whatever is still open, no answer can make it acceptable
        return Verdict.MINISTERIAL_DECISION, having(Effect.MINISTERIAL)
    if Effect.OPEN in effects:
        return Verdict.CLARIFICATION_REQUIRED, having(Effect.OPEN)
    conditions = tuple(o for o in outcomes if o.rule.kind is _CONDITION and o.effect is not Effect.NONE)
    if conditions:
        return Verdict.ACCEPTABLE_WITH_CONDITIONS, conditions
    if effects <= {Effect.NONE}:
        return Verdict.NOT_COVERED, ()
    return Verdict.ACCEPTABLE, tuple(
        o for o in outcomes if o.effect is Effect.MET and o.rule.kind is not _CONSIDERATION
    )


def evaluate(
    doctrine: Doctrine, facts: Mission | Mapping[str, FactValue], proposed: Iterable[str] = ()
) -> Assessment:
    """Assess what is known against a doctrine. `proposed` names unsettled facts (taken from a Mission)."""
    if isinstance(facts, Mission):
        values: Mapping[str, FactValue] = facts.values
        proposed = facts.unsettled_facts()
    else:
        values = facts
    outcomes = tuple(
        [
            RuleOutcome(rule, status, values, rule_effect(rule, status))
            for rule in doctrine.rules
            for status in (rule_status(rule, values),)
        ]
    )
    verdict, deciding = decide(outcomes, values.get("contingent.deployed") is True)
    unsettled = frozenset(proposed).intersection(values)
    rests_on = deciding if verdict in (Verdict.DECLINE, Verdict.WITHDRAW) else outcomes
    used = (
        frozenset(f for o in rests_on for f in o.rule.facts if f in unsettled) if unsettled else frozenset()
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
