"""Doctrines whose levels or conditions contradict each other are refused, with the rule that does.

Three contradictions are caught, each by a bounded search over representative values of the facts
involved (the same representatives the questionnaire uses):
- two rules test exactly the same thing but say different things about it (a condition and a red line, a
  consideration that declines and one that goes to the minister);
- a condition we would demand that can never be met without crossing one of our own red lines or
  requirements: the offer would contradict the doctrine;
- a consideration at the ministerial level that can never decide because, whenever it is adverse, a
  consideration at the decline level on the same facts is adverse too.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

from missiongate.catalogue import FactValue
from missiongate.doctrine.conditions import Leaf
from missiongate.doctrine.model import Doctrine, Level, Rule, RuleKind
from missiongate.evaluator import RuleStatus, rule_effect, rule_status

SEARCH_LIMIT = 20_000  # assignments tried per check; larger checks are skipped, never guessed


class ContradictionError(ValueError):
    def __init__(self, message: str, rule_index: int) -> None:
        super().__init__(message)
        self.rule_index = rule_index


def check_consistency(doctrine: Doctrine) -> None:
    """Raise ContradictionError naming the first rule that contradicts another."""
    _same_test_different_meaning(doctrine)
    _conditions_that_cannot_be_met(doctrine)
    _levels_that_never_decide(doctrine)


def _test_key(rule: Rule) -> str:
    data = rule.model_dump(mode="json", by_alias=True, include={"when", "require"}, exclude_none=True)
    return json.dumps(data, sort_keys=True)


def _meaning(rule: Rule) -> tuple[str, str]:
    """What the rule does when its test fails and when it is unknown (a red line and a requirement agree)."""
    return (
        rule_effect(rule, RuleStatus.VIOLATED).value,
        rule_effect(rule, RuleStatus.UNDETERMINED).value,
    )


def _same_test_different_meaning(doctrine: Doctrine) -> None:
    seen: dict[str, Rule] = {}
    for index, rule in enumerate(doctrine.rules):
        key = _test_key(rule)
        other = seen.get(key)
        if other is not None and _meaning(other) != _meaning(rule):
            raise ContradictionError(
                f"rule {rule.id} tests exactly what rule {other.id} tests but gives it another meaning "
                f"({_describe(rule)} vs {_describe(other)})",
                index,
            )
        seen.setdefault(key, rule)


def _describe(rule: Rule) -> str:
    if rule.decides is not None:
        return f"{rule.kind.value} deciding {rule.decides.value}"
    return f"desirable {rule.kind.value}" if rule.desirable else rule.kind.value


def _declining(rule: Rule) -> bool:
    """A rule whose violation declines."""
    return rule_effect(rule, RuleStatus.VIOLATED).value == "declines"


def _conditions_that_cannot_be_met(doctrine: Doctrine) -> None:
    deciding = [r for r in doctrine.rules if r.kind is not RuleKind.CONDITION and _declining(r)]
    for index, condition in enumerate(doctrine.rules):
        if condition.kind is not RuleKind.CONDITION or condition.desirable:
            continue
        related = [r for r in deciding if r.facts & condition.facts]
        if not related:
            continue
        assignments = _assignments([condition, *related])
        if assignments is None:
            continue
        if not any(
            rule_status(condition, values) is RuleStatus.SATISFIED
            and all(rule_status(r, values) is not RuleStatus.VIOLATED for r in related)
            for values in assignments
        ):
            names = ", ".join(r.id for r in related)
            raise ContradictionError(
                f"condition {condition.id} can never be met without crossing rule(s) {names}", index
            )


def _levels_that_never_decide(doctrine: Doctrine) -> None:
    considerations = [r for r in doctrine.rules if r.kind is RuleKind.CONSIDERATION]
    declining = [r for r in considerations if r.decides is Level.DECLINE]
    for index, rule in enumerate(doctrine.rules):
        if rule.kind is not RuleKind.CONSIDERATION or rule.decides is not Level.MINISTERIAL_DECISION:
            continue
        for stronger in declining:
            if not rule.facts <= stronger.facts:
                continue
            assignments = _assignments([rule, stronger])
            if assignments is None:
                continue
            adverse = [v for v in assignments if rule_status(rule, v) is RuleStatus.VIOLATED]
            if adverse and all(rule_status(stronger, v) is RuleStatus.VIOLATED for v in adverse):
                raise ContradictionError(
                    f"consideration {rule.id} (ministerial decision) can never decide: whenever it is "
                    f"adverse, {stronger.id} already declines",
                    index,
                )


def _assignments(rules: list[Rule]) -> list[dict[str, FactValue]] | None:
    """Every complete assignment of the rules' facts over representative values; None if too many."""
    from missiongate.questionnaire.relevance import representatives

    leaves: list[Leaf] = [
        leaf
        for rule in rules
        for part in (rule.when, rule.require)
        if part is not None
        for leaf in part.leaves()
    ]
    facts = sorted({leaf.fact_id for leaf in leaves})
    domains = [representatives(fact, leaves) for fact in facts]
    size = 1
    for domain in domains:
        size *= len(domain)
        if size > SEARCH_LIMIT:
            return None
    return list(_combine(facts, domains))


def _combine(facts: list[str], domains: list[list[FactValue]]) -> Iterator[dict[str, FactValue]]:
    for combo in itertools.product(*domains):
        yield dict(zip(facts, combo, strict=True))
