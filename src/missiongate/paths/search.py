"""The exact search for minimal repairs: the sets of fact changes that put every rule where a yes needs it.

A yes (ACCEPTABLE, ACCEPTABLE_WITH_CONDITIONS, or NOT_COVERED: nothing in the doctrine stands against
it) needs every red line, requirement and deciding consideration satisfied or not applicable and no
condition refused (a desirable one may be). Weighing considerations never block. So the search is a
conjunction over rules:

- rules are grouped into *components* by the changeable facts they share; components are independent, so
  a set of changes is minimal iff its part in each component is;
- inside a component, *linking* facts (read by two leaves) are tried over their options, "unchanged"
  first; with them fixed, every other fact is read by one leaf only, so the minimal repairs of each
  condition tree follow structurally from its children's (`_Repairs`: for a target set of truth values,
  the minimal sets of changes that give one of them) — exact in three-valued logic;
- a repair is a set of (fact, option index); minimality is over the facts changed: a set is dropped when
  another repair changes a proper subset of its facts (equal fact sets keep the first, preferred, option).

Bounds: at most LINK_LIMIT linking assignments per component (beyond it the options of the linking fact
with the most are cut to its preferred ones: what is found stays exact and minimal, but some paths may be
missing) and at most PRODUCT_LIMIT repairs in any intermediate product (beyond it the component is given
up and the search says so). Time and memory are bounded by both.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from missiongate.catalogue import FactValue
from missiongate.doctrine.conditions import AllOf, Condition, Leaf, Not, Truth
from missiongate.doctrine.model import Rule, RuleKind
from missiongate.paths.options import Option

LINK_LIMIT = 4_096
PRODUCT_LIMIT = 20_000

Repair = frozenset[tuple[str, int]]  # (fact, index of its option)
EMPTY: Repair = frozenset()


class SearchBoundError(Exception):
    """A component whose repairs exceed PRODUCT_LIMIT: given up, said so in the result."""


def facts_of(repair: Repair) -> frozenset[str]:
    return frozenset(fact for fact, _ in repair)


def minimal(repairs: Iterable[Repair]) -> list[Repair]:
    """Repairs whose changed facts include no other repair's (first of equal fact sets kept)."""
    unique = set(repairs)
    if len(unique) <= 1:
        return list(unique)
    if len(unique) > PRODUCT_LIMIT:
        raise SearchBoundError
    kept: list[Repair] = []
    seen: set[frozenset[str]] = set()
    by_first: dict[str, list[frozenset[str]]] = {}  # smaller kept sets under their least fact
    pending: list[frozenset[str]] = []  # kept sets of the current size: equal ones are caught by `seen`
    size = -1
    for repair in sorted(unique, key=lambda r: (len(r), sorted(r))):
        changed = facts_of(repair)
        if not changed:
            return [repair]  # nothing to change: every other repair is redundant
        if len(changed) != size:
            for facts in pending:
                by_first.setdefault(min(facts), []).append(facts)
            pending, size = [], len(changed)
        if changed in seen or any(k <= changed for fact in changed for k in by_first.get(fact, ())):
            continue
        kept.append(repair)
        seen.add(changed)
        pending.append(changed)
    return kept


def product(tables: Sequence[list[Repair]]) -> list[Repair]:
    """Unions of one repair from each list. The lists touch disjoint facts, so unions of minimal lists
    are minimal (a smaller union would need a smaller part)."""
    result = [EMPTY]
    for table in tables:
        if len(result) * len(table) > PRODUCT_LIMIT:
            raise SearchBoundError
        result = [a | b for a in result for b in table]
    return result


# --- one condition tree, linking facts fixed ----------------------------------------------------------


T, F, N = frozenset({True}), frozenset({False}), frozenset({None})
Truths = frozenset[Truth]


class _Repairs:
    """Minimal repairs (of private facts) that give a condition a truth in a target set, computed on
    demand and memoised: an all-of of many unknown facts is never asked how to stay undetermined."""

    def __init__(self, known: Mapping[str, FactValue], private: Mapping[str, list[Option]]) -> None:
        self.known = known
        self.private = private
        self.memo: dict[tuple[int, Truths], list[Repair]] = {}

    def __call__(self, node: Condition, target: Truths) -> list[Repair]:
        key = (id(node), target)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._compute(node, target)
        return found

    def _compute(self, node: Condition, target: Truths) -> list[Repair]:
        if node.fact_set.isdisjoint(self.private):  # nothing under it may change
            return [EMPTY] if node.evaluate(self.known) in target else []
        if isinstance(node, Leaf):
            return self._leaf(node, target)
        if isinstance(node, Not):
            return self(node.not_, _swap(target))
        # any-of is the negation of an all-of of the negated children
        negate = not isinstance(node, AllOf)
        return self._all(node.children(), _swap(target) if negate else target, negate)

    def _leaf(self, leaf: Leaf, target: Truths) -> list[Repair]:
        if leaf.evaluate(self.known) in target:
            return [EMPTY]
        fact = leaf.fact_id
        for index, option in enumerate(self.private[fact]):  # the first (preferred) option that does
            if leaf.evaluate({fact: option.value}) in target:
                return [frozenset({(fact, index)})]
        return []

    def _all(self, children: tuple[Condition, ...], target: Truths, negate: bool) -> list[Repair]:
        """All-of in Kleene logic: False needs one child False, True every child True, undetermined
        every child not False and one undetermined. With `negate`, of the children's negations."""

        def child(node: Condition, truths: Truths) -> list[Repair]:
            return self(node, _swap(truths) if negate else truths)

        if len(target) == 3:
            return [EMPTY]
        if target == T | N:  # no child False
            return product([child(c, T | N) for c in children])
        if len(target) == 2:
            return minimal(r for t in target for r in self._all(children, frozenset({t}), negate))
        if target == T:
            return product([child(c, T) for c in children])
        if target == F:
            return minimal(r for c in children for r in child(c, F))
        not_false = [child(c, T | N) for c in children]
        parts = (
            product([child(c, N), *(x for j, x in enumerate(not_false) if j != i)])
            for i, c in enumerate(children)
        )
        return minimal(r for part in parts for r in part)


def _swap(target: Truths) -> Truths:
    return frozenset(None if t is None else not t for t in target)


# --- rules --------------------------------------------------------------------------------------------


def blocks(rule: Rule) -> bool:
    """Whether the rule can stand in the way of a yes (weighing considerations and desirable conditions
    never do)."""
    if rule.kind is RuleKind.CONDITION:
        return not rule.desirable
    return not (rule.kind is RuleKind.CONSIDERATION and rule.decides is None)


def rule_repairs(
    rule: Rule, known: Mapping[str, FactValue], private: Mapping[str, list[Option]]
) -> list[Repair]:
    """Minimal repairs that leave the rule where a yes needs it."""
    repairs = _Repairs(known, private)

    def when(target: Truths) -> list[Repair]:
        return ([EMPTY] if True in target else []) if rule.when is None else repairs(rule.when, target)

    if not blocks(rule):
        return [EMPTY]
    if rule.kind is RuleKind.CONDITION:  # not refused: satisfied, still to be secured or not applicable
        return minimal(when(F | N) + product([when(T), repairs(rule.require, T | N)]))
    return minimal(when(F) + product([when(T), repairs(rule.require, T)]))  # satisfied or not applicable


# --- components ---------------------------------------------------------------------------------------


@dataclass
class Component:
    rules: list[Rule]
    facts: set[str]  # changeable facts its rules read
    linking: list[str] = field(default_factory=list)
    complete: bool = True  # False when the linking options had to be cut to LINK_LIMIT

    def assignments(self, options: Mapping[str, list[Option]]) -> Iterator[dict[str, int]]:
        """Each way of leaving or changing the linking facts, fewest changes first (a bounded number)."""
        counts = {f: len(options[f]) for f in self.linking}
        while _size(counts) > LINK_LIMIT:  # keep the preferred options; at 0 the fact stays as it is
            widest = max(counts, key=lambda f: counts[f])
            counts[widest] //= 2
            self.complete = False
        choices = [[None, *range(counts[f])] for f in self.linking]
        combos = sorted(itertools.product(*choices), key=lambda c: sum(i is not None for i in c))
        for combo in combos:
            yield {f: i for f, i in zip(self.linking, combo, strict=True) if i is not None}


def _size(counts: Mapping[str, int]) -> int:
    size = 1
    for count in counts.values():
        size *= count + 1
    return size


def components(rules: list[Rule], changeable: set[str]) -> list[Component]:
    """Rules grouped by the changeable facts they share, with their linking facts."""
    groups: list[Component] = []
    for rule in rules:
        facts = set(rule.facts) & changeable
        joined = [c for c in groups if c.facts & facts]
        merged = Component([rule], facts)
        for component in joined:
            merged.rules = component.rules + merged.rules
            merged.facts |= component.facts
            groups.remove(component)
        groups.append(merged)
    for component in groups:
        reads: dict[str, int] = {}
        for rule in component.rules:
            for condition in (rule.when, rule.require):
                for leaf in condition.leaves() if condition is not None else ():
                    if leaf.fact_id in changeable:
                        reads[leaf.fact_id] = reads.get(leaf.fact_id, 0) + 1
        component.linking = sorted(f for f, n in reads.items() if n > 1)
    return groups


def component_repairs(
    component: Component,
    values: Mapping[str, FactValue],
    options: Mapping[str, list[Option]],
) -> list[Repair]:
    """Every minimal repair of one component (exact within its bounds)."""
    private = {f: options[f] for f in component.facts if f not in component.linking}
    cache: dict[tuple[object, ...], list[Repair]] = {}
    found: list[Repair] = []
    for assignment in component.assignments(options):
        known = dict(values)
        known.update({f: options[f][i].value for f, i in assignment.items()})
        tables = []
        for rule in component.rules:
            key = (rule.id, *((f, assignment.get(f)) for f in component.linking if f in rule.facts))
            if key not in cache:
                cache[key] = rule_repairs(rule, known, private)
            tables.append(cache[key])
        base: Repair = frozenset(assignment.items())
        found += [base | r for r in product(tables)]
        if len(found) > PRODUCT_LIMIT // 2:
            found = minimal(found)
    return minimal(found)
