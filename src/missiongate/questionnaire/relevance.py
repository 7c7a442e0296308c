"""Which unknown facts are worth asking about.

A fact is *relevant* when some answer to it, possibly together with answers to other open questions,
changes a rule's status: formally, there are answers E to other unknown facts and a value v such that the
rule is undetermined given what is known plus E, and settled once f = v is added. Facts that can no longer
matter, whatever else is learnt, are not asked.

The analysis is structural: a test on an unknown fact matters if its outcome can travel up to the rule,
which needs every sibling on the way to be able to take the neutral value (true under `all`, false under
`any`). It is exact for rules that mention each fact once; rules that test a fact in several places are
checked exhaustively over representative values. Property tests compare both against brute force.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Any

from missiongate.catalogue import FactType, FactValue
from missiongate.doctrine.conditions import AllOf, Condition, FactTest, Leaf, Not
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
    candidates = _structural_relevant(rule, values)
    if not candidates or is_read_once(rule):
        return candidates
    exact = exact_relevant_facts(rule, values, candidates)
    return candidates if exact is None else exact


def _structural_relevant(rule: Rule, values: Mapping[str, FactValue]) -> set[str]:
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


# --- exact search for rules that test one fact in several places -------------------------------------
# Correlated tests defeat the structural analysis (a `when` on x and a `require` on x can make another
# fact moot). Conditions tell values apart only through the operands they name, so a few representative
# values per fact stand for the whole domain and an exhaustive search stays small.

SEARCH_LIMIT = 20_000  # rule evaluations; beyond it the structural answer (a superset) is kept


def representatives(fact_id: str, leaves: list[Leaf]) -> list[FactValue]:
    """Values of a fact that together behave like its whole domain for these tests."""
    tests = [leaf for leaf in leaves if leaf.fact_id == fact_id]
    fact = tests[0].meta
    named = [item for leaf in tests if isinstance(leaf, FactTest) for item in _operands(leaf)]
    if fact.type is FactType.BOOL:
        return [True, False]
    if fact.type in (FactType.ENUM, FactType.ORDERED_ENUM):
        return list(fact.value_ids)
    if fact.type is FactType.SET:
        members = sorted({str(item) for item in named})
        spare = next((v for v in fact.value_ids if v not in members), None)
        pool = members + ([spare] if spare else [])
        subsets = itertools.chain.from_iterable(itertools.combinations(pool, n) for n in range(len(pool) + 1))
        return [frozenset(s) for s in subsets]
    points = sorted({fact.coerce(item) for item in named}, key=str)
    if fact.type is FactType.INTEGER:
        return sorted({p + d for p in points for d in (-1, 0, 1) if isinstance(p, int)}) or [0]
    if fact.type is FactType.DATE:
        return sorted(
            {p + dt.timedelta(days=d) for p in points for d in (-1, 0, 1) if isinstance(p, dt.date)}
        ) or [dt.date(2000, 1, 1)]
    return [*points, "\u2063other"]  # text: the named strings and one that matches none


def _operands(leaf: FactTest) -> list[Any]:
    operand = leaf.operand
    return list(operand) if isinstance(operand, list) else [operand]


def is_read_once(rule: Rule) -> bool:
    leaves = [*(rule.when.leaves() if rule.when is not None else ()), *rule.require.leaves()]
    return len({leaf.fact_id for leaf in leaves}) == len(leaves)


def exact_relevant_facts(
    rule: Rule, values: Mapping[str, FactValue], candidates: set[str]
) -> set[str] | None:
    """Exhaustive check of each candidate; None when the search would be too large."""
    leaves = [*(rule.when.leaves() if rule.when is not None else ()), *rule.require.leaves()]
    unknown = sorted({leaf.fact_id for leaf in leaves} - set(values))
    domains = {fact_id: representatives(fact_id, leaves) for fact_id in unknown}
    size = 1
    for fact_id in unknown:
        size *= len(domains[fact_id]) + 1
    if size * len(candidates) > SEARCH_LIMIT:
        return None
    return {fact_id for fact_id in candidates if _has_witness(rule, values, fact_id, unknown, domains)}


def _has_witness(
    rule: Rule,
    values: Mapping[str, FactValue],
    fact_id: str,
    unknown: list[str],
    domains: dict[str, list[FactValue]],
) -> bool:
    from missiongate.evaluator import RuleStatus, rule_status

    others = [f for f in unknown if f != fact_id]
    for combo in itertools.product(*([None, *domains[f]] for f in others)):
        extended = dict(values)
        extended.update({f: v for f, v in zip(others, combo, strict=True) if v is not None})
        if rule_status(rule, extended) is not RuleStatus.UNDETERMINED:
            continue
        if any(
            rule_status(rule, {**extended, fact_id: v}) is not RuleStatus.UNDETERMINED
            for v in domains[fact_id]
        ):
            return True
    return False
