"""Which unknown facts are worth asking about.

A fact is *relevant* when some answer to it, possibly together with answers to other open questions,
changes a rule's status: formally, there are answers E to other unknown facts and a value v such that the
rule is undetermined given what is known plus E, and settled once f = v is added. Facts that can no longer
matter, whatever else is learnt, are not asked.

The analysis is structural: a test on an unknown fact matters if its outcome can travel up to the rule,
which needs every sibling on the way to be able to take the neutral value (true under `all`, false under
`any`). It is exact for rules that mention each fact once (all shipped doctrines); property tests check it
against brute force.
"""

from __future__ import annotations

from collections.abc import Mapping

from missiongate.catalogue import FactValue
from missiongate.doctrine.conditions import AllOf, Condition, Leaf, Not
from missiongate.doctrine.model import Rule


def can_reach(condition: Condition, values: Mapping[str, FactValue], outcome: bool) -> bool:
    """Whether answers to unknown facts could make `condition` come out `outcome`."""
    current = condition.evaluate(values)
    if current is not None:
        return current is outcome
    if isinstance(condition, Leaf):
        return condition.can_be(outcome)
    if isinstance(condition, Not):
        return can_reach(condition.not_, values, not outcome)
    children = condition.children()
    needs_every = isinstance(condition, AllOf) == outcome  # all→true and any→false need every child
    if needs_every:
        return all(can_reach(child, values, outcome) for child in children)
    return any(can_reach(child, values, outcome) for child in children)


def facts_towards(condition: Condition, values: Mapping[str, FactValue], outcome: bool) -> set[str]:
    """Unknown facts whose answer can help settle an undetermined `condition` as `outcome`."""
    if condition.evaluate(values) is not None:
        return set()
    if isinstance(condition, Leaf):
        return {condition.fact_id} if condition.can_be(outcome) else set()
    if isinstance(condition, Not):
        return facts_towards(condition.not_, values, not outcome)
    children = condition.children()
    needs_every = isinstance(condition, AllOf) == outcome
    if needs_every and not all(can_reach(child, values, outcome) for child in children):
        return set()
    found: set[str] = set()
    for child in children:
        found |= facts_towards(child, values, outcome)
    return found


def _open_facts(condition: Condition, values: Mapping[str, FactValue]) -> set[str]:
    return facts_towards(condition, values, True) | facts_towards(condition, values, False)


def relevant_facts(rule: Rule, values: Mapping[str, FactValue]) -> set[str]:
    """Unknown facts whose answer could change this rule's status."""
    if rule.when is not None:
        applies = rule.when.evaluate(values)
        if applies is False:
            return set()
        if applies is None:
            found = _open_facts(rule.when, values)
            if can_reach(rule.when, values, True):
                found |= _open_facts(rule.require, values)
            return found
    return _open_facts(rule.require, values)


def facts_that_could_violate(rule: Rule, values: Mapping[str, FactValue]) -> set[str]:
    """Unknown facts whose answer could make this rule violated (for red lines: could decide DECLINE)."""
    if rule.when is not None and not can_reach(rule.when, values, True):
        return set()
    return facts_towards(rule.require, values, False)


__all__ = ["can_reach", "facts_that_could_violate", "facts_towards", "relevant_facts"]
