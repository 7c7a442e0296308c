"""The exact search for minimal repairs: the sets of fact changes that put every rule where a yes needs it.

A yes (ACCEPTABLE or ACCEPTABLE_WITH_CONDITIONS) needs every red line, requirement and deciding
consideration satisfied or not applicable, no condition refused (a desirable one may be), and some rule
applicable. Weighing considerations never block. So the search is a conjunction over rules:

- rules are grouped into *components* by the changeable facts they share; components are independent, so
  a set of changes is minimal iff its part in each component is;
- inside a component, *linking* facts (read by two leaves) are tried over their options, "unchanged"
  first; with them fixed, every other fact is read by one leaf only, so the minimal repairs of each
  condition tree follow structurally from its children's (`_table`: for each truth value the node can
  take, the minimal sets of changes that give it) — exact in three-valued logic;
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
PRODUCT_LIMIT = 50_000

Repair = frozenset[tuple[str, int]]  # (fact, index of its option)
Table = dict[Truth, list[Repair]]
EMPTY: Repair = frozenset()
_ANY: list[Repair] = [EMPTY]


class SearchBoundError(Exception):
    """A component whose repairs exceed PRODUCT_LIMIT: given up, said so in the result."""


def facts_of(repair: Repair) -> frozenset[str]:
    return frozenset(fact for fact, _ in repair)


def minimal(repairs: Iterable[Repair]) -> list[Repair]:
    """Repairs whose changed facts include no other repair's (first of equal fact sets kept)."""
    unique = set(repairs)
    if len(unique) <= 1:
        return list(unique)
    kept: list[Repair] = []
    kept_facts: list[frozenset[str]] = []
    for repair in sorted(unique, key=lambda r: (len(r), sorted(r))):
        changed = facts_of(repair)
        if not any(k <= changed for k in kept_facts):
            kept.append(repair)
            kept_facts.append(changed)
    return kept


def product(tables: Sequence[list[Repair]]) -> list[Repair]:
    """Minimal unions of one repair from each list (the lists touch disjoint facts)."""
    result = [EMPTY]
    for table in tables:
        if not table:
            return []
        combined = [a | b for a in result for b in table]
        if len(combined) > PRODUCT_LIMIT:
            raise SearchBoundError
        result = minimal(combined)
    return result


# --- one condition tree, linking facts fixed ----------------------------------------------------------


def _table(node: Condition, known: Mapping[str, FactValue], private: Mapping[str, list[Option]]) -> Table:
    """For each truth value the node can take: the minimal repairs (of private facts) that give it."""
    if node.fact_set.isdisjoint(private):  # nothing under it may change
        return {node.evaluate(known): [EMPTY]}
    if isinstance(node, Leaf):
        return _leaf_table(node, known, private.get(node.fact_id, ()))
    if isinstance(node, Not):
        inner = _table(node.not_, known, private)
        return {None if t is None else not t: repairs for t, repairs in inner.items()}
    children = [_table(child, known, private) for child in node.children()]
    strong = isinstance(node, AllOf)  # all-of: one False decides; any-of: one True decides
    return _combine(children, decisive=not strong)


def _leaf_table(leaf: Leaf, known: Mapping[str, FactValue], options: Sequence[Option]) -> Table:
    table: Table = {leaf.evaluate(known): [EMPTY]}
    for index, option in enumerate(options):
        truth = leaf.evaluate({leaf.fact_id: option.value})
        table.setdefault(truth, []).append(frozenset({(leaf.fact_id, index)}))
    return {truth: minimal(repairs) for truth, repairs in table.items()}


def _combine(children: list[Table], decisive: bool) -> Table:
    """All-of (decisive False) or any-of (decisive True) in Kleene logic: the decisive value needs one child
    with it; the other value needs every child; undetermined needs one child undetermined, none decisive."""
    other = not decisive
    some = minimal(r for child in children for r in child.get(decisive, []))
    every = product([child.get(other, []) for child in children])
    undetermined: list[Repair] = []
    for i, child in enumerate(children):
        rest = [c.get(other, []) + c.get(None, []) for j, c in enumerate(children) if j != i]
        undetermined += product([child.get(None, []), *rest])
    return {decisive: some, other: every, None: minimal(undetermined)}


# --- rules --------------------------------------------------------------------------------------------


def blocks(rule: Rule) -> bool:
    """Whether the rule can stand in the way of a yes (weighing considerations and desirable conditions
    never do)."""
    if rule.kind is RuleKind.CONDITION:
        return not rule.desirable
    return not (rule.kind is RuleKind.CONSIDERATION and rule.decides is None)


def rule_tables(
    rule: Rule, known: Mapping[str, FactValue], private: Mapping[str, list[Option]]
) -> tuple[list[Repair], list[Repair]]:
    """Minimal repairs that leave the rule where a yes needs it, and those that also make it apply."""
    when: Table = {True: _ANY} if rule.when is None else _table(rule.when, known, private)
    require = _table(rule.require, known, private)

    def with_require(*truths: Truth) -> list[Repair]:
        return product([when.get(True, []), minimal(r for t in truths for r in require.get(t, []))])

    if not blocks(rule):
        applies = minimal(when.get(True, []) + when.get(None, []))
        return minimal(applies + when.get(False, [])), applies
    if rule.kind is RuleKind.CONDITION:  # not refused: satisfied, still to be secured or not applicable
        applies = minimal(when.get(None, []) + with_require(True, None))
    else:  # satisfied or not applicable
        applies = with_require(True)
    return minimal(applies + when.get(False, [])), applies


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
        while _size(counts) > LINK_LIMIT:
            widest = max(counts, key=lambda f: counts[f])
            counts[widest] = max(1, counts[widest] // 2)
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


def components(rules: list[Rule], changeable: set[str], merge: bool = False) -> list[Component]:
    """Rules grouped by the changeable facts they share (all in one when `merge`), with linking facts."""
    groups: list[Component] = []
    for rule in rules:
        facts = set(rule.facts) & changeable
        joined = [c for c in groups if merge or c.facts & facts]
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
    need_applicable: bool,
) -> list[Repair]:
    """Every minimal repair of one component (exact within its bounds)."""
    private = {f: options[f] for f in component.facts if f not in component.linking}
    cache: dict[tuple[object, ...], tuple[list[Repair], list[Repair]]] = {}
    found: list[Repair] = []
    for assignment in component.assignments(options):
        known = dict(values)
        known.update({f: options[f][i].value for f, i in assignment.items()})
        tables = []
        for rule in component.rules:
            key = (rule.id, *((f, assignment.get(f)) for f in component.linking if f in rule.facts))
            if key not in cache:
                cache[key] = rule_tables(rule, known, private)
            tables.append(cache[key])
        base: Repair = frozenset(assignment.items())
        found += [base | r for r in _all_rules(tables, need_applicable)]
    return minimal(found)


def _all_rules(tables: list[tuple[list[Repair], list[Repair]]], need_applicable: bool) -> list[Repair]:
    if not need_applicable:
        return product([ok for ok, _ in tables])
    found: list[Repair] = []
    for i, (_, applies) in enumerate(tables):
        found += product([applies, *(ok for j, (ok, _) in enumerate(tables) if j != i)])
    return minimal(found)
