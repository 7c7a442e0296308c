"""Which unknown facts are worth asking about: those whose answer can change the verdict.

The *question outcome* of what is known (K) is the verdict on the doctrine's rules other than conditions
(our conditions are stated to the requesting party, never asked), together with the status of each
weighing consideration unless the verdict declines (then nothing else matters). A case already declined
by known facts (one of our conditions refused included) asks nothing. A fact f is *relevant* when
there are answers E to other unknown facts and a value v such that outcome(K + E) != outcome(K + E + f=v).
docs/semantics.md states it; tests/questionnaire/test_relevance.py checks it against brute force.

How it is computed exactly without trying every completion:
- settled rules stay settled whatever is learnt (Kleene monotonicity), so only undetermined rules move;
- undetermined rules form *components* linked by the unknown facts they share; components are
  independent, so what f's component can do combines with the flags every other component can reach;
- inside a component, *linking* facts (read by two leaves) are tried over representative values (unknown
  included); once they are fixed, the subtrees of each rule are independent and its reachable
  (before, after) statuses follow structurally from its `when` and `require` (`truth_pairs`).
The linking assignments are bounded by SEARCH_LIMIT; beyond it each rule is taken on its own, which gives
a superset (a question too many, never one too few).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from missiongate.catalogue import FactType, FactValue
from missiongate.doctrine.conditions import AllOf, Condition, FactTest, Leaf, Not
from missiongate.doctrine.model import Doctrine, Level, Rule, RuleKind
from missiongate.evaluator import Effect, RuleStatus, effect_of, rule_effect, rule_status

SEARCH_LIMIT = 4_096  # combinations tried per linking enumeration before falling back to a superset
UNKNOWN = None

_S, _V, _U, _NA = (
    RuleStatus.SATISFIED,
    RuleStatus.VIOLATED,
    RuleStatus.UNDETERMINED,
    RuleStatus.NOT_APPLICABLE,
)


# --- three-valued reachability on condition trees ---------------------------------------------------


def can_reach(
    condition: Condition, values: Mapping[str, FactValue], outcome: bool, frozen: frozenset[str] = frozenset()
) -> bool:
    """Whether answers to unknown facts (not `frozen` ones) could make `condition` come out `outcome`."""
    current = condition.evaluate(values)
    if current is not None:
        return current is outcome
    if isinstance(condition, Leaf):
        return condition.fact_id not in frozen and condition.can_be(outcome)
    if isinstance(condition, Not):
        return can_reach(condition.not_, values, not outcome, frozen)
    children = condition.children()
    needs_every = isinstance(condition, AllOf) == outcome  # all→true and any→false need every child
    if needs_every:
        return all(can_reach(child, values, outcome, frozen) for child in children)
    return any(can_reach(child, values, outcome, frozen) for child in children)


# --- representative values --------------------------------------------------------------------------
# Conditions tell values apart only through the operands they name, so a few values per fact behave like
# the whole domain. For sets, named items that appear in the same operands are interchangeable: each such
# class is absent, partly present or fully present, and one unnamed item may be added.


def representatives(fact_id: str, leaves: Iterable[Leaf]) -> list[FactValue]:
    """Values of a fact that together behave like its whole domain for these tests."""
    tests = [leaf for leaf in leaves if leaf.fact_id == fact_id]
    fact = tests[0].meta
    operands = [_operands(leaf) for leaf in tests if isinstance(leaf, FactTest)]
    if fact.type is FactType.BOOL:
        return [True, False]
    if fact.type in (FactType.ENUM, FactType.ORDERED_ENUM):
        named = {str(item) for group in operands for item in group}
        return _choice_representatives(fact.value_ids, named)
    if fact.type is FactType.SET:
        return _set_representatives(fact.value_ids, operands)
    points = sorted({fact.coerce(item) for group in operands for item in group}, key=str)
    if fact.type is FactType.INTEGER:
        return sorted({p + d for p in points for d in (-1, 0, 1) if isinstance(p, int)}) or [0]
    if fact.type is FactType.DATE:
        return sorted(
            {p + dt.timedelta(days=d) for p in points for d in (-1, 0, 1) if isinstance(p, dt.date)}
        ) or [dt.date(2000, 1, 1)]
    return [*points, "\u2063other"]  # text: the named strings and one that matches none


def _choice_representatives(domain: tuple[str, ...], named: set[str]) -> list[FactValue]:
    """Each named value, and one value of each run of unnamed ones between them (the order's intervals)."""
    chosen: list[FactValue] = []
    in_run = False
    for value in domain:
        if value in named:
            chosen.append(value)
            in_run = False
        elif not in_run:
            chosen.append(value)
            in_run = True
    return chosen


def _set_representatives(domain: tuple[str, ...], operands: list[list[Any]]) -> list[FactValue]:
    groups = [frozenset(str(item) for item in group) for group in operands]
    named = sorted(set().union(*groups)) if groups else []
    classes: dict[tuple[bool, ...], list[str]] = {}
    for item in named:
        classes.setdefault(tuple(item in group for group in groups), []).append(item)
    choices = [_class_choices(members) for members in classes.values()]
    spare = next((v for v in domain if v not in named), None)
    found: set[frozenset[str]] = set(groups)  # `is` tests compare with the exact operand set
    for combo in itertools.product(*choices):
        base = frozenset(itertools.chain.from_iterable(combo))
        found.add(base)
        if spare is not None:
            found.add(base | {spare})
    return [*sorted(found, key=lambda items: (len(items), sorted(items)))]


def _class_choices(members: list[str]) -> list[tuple[str, ...]]:
    if len(members) == 1:
        return [(), (members[0],)]
    return [(), (members[0],), tuple(members)]


def _operands(leaf: FactTest) -> list[Any]:
    operand = leaf.operand
    if isinstance(operand, list | tuple | set | frozenset):
        return list(operand)
    return [operand]


# --- the question outcome, as flags -----------------------------------------------------------------


# Flags are (mask, weighed): the mask ORs what the rules contribute to the level, `weighed` holds the
# status of each weighing consideration. Plain tuples: this is the search's inner loop.
DECLINES, OPEN, MINISTERIAL, APPLICABLE = 1, 2, 4, 8
LEVEL_BITS = DECLINES | OPEN | MINISTERIAL | APPLICABLE
Flags = tuple[int, frozenset[tuple[str, RuleStatus]]]
NO_FLAGS: Flags = (0, frozenset())
_EFFECT_BITS = {
    Effect.DECLINES: DECLINES | APPLICABLE,
    Effect.OPEN: OPEN | APPLICABLE,
    Effect.MINISTERIAL: MINISTERIAL | APPLICABLE,
    Effect.NONE: 0,
}


def join(x: Flags, y: Flags) -> Flags:
    return (x[0] | y[0], x[1] | y[1] if y[1] else x[1])


def outcome(flags: Flags) -> tuple[Any, ...]:
    """The question outcome: a decline hides everything else."""
    mask = flags[0]
    if mask & DECLINES:
        return ("DECLINE",)
    if mask & MINISTERIAL:
        return ("MINISTERIAL_DECISION", flags[1])
    if mask & OPEN:
        return ("CLARIFICATION_REQUIRED", flags[1])
    return ("ACCEPTABLE" if mask & APPLICABLE else "NOT_COVERED", flags[1])


def flags_of(rule: Rule, status: RuleStatus) -> Flags:
    return _flags(rule.id, rule.kind, rule.decides, rule.desirable, status)


@functools.lru_cache(maxsize=4096)
def _flags(rule_id: str, kind: RuleKind, decides: Level | None, desirable: bool, status: RuleStatus) -> Flags:
    effect = effect_of(kind, decides, desirable, status)
    weighs = kind is RuleKind.CONSIDERATION and decides is None
    mask = _EFFECT_BITS.get(effect, APPLICABLE)
    return (mask, frozenset({(rule_id, status)}) if weighs else frozenset())


def question_rules(doctrine: Doctrine) -> list[Rule]:
    """The rules whose outcome questions can change: every rule but our own conditions."""
    return [rule for rule in doctrine.rules if rule.kind is not RuleKind.CONDITION]


# --- per rule: reachable statuses and (before, after) pairs -----------------------------------------


def _status(when: bool | None, require: bool | None) -> RuleStatus:
    if when is False:
        return _NA
    if when is None or require is None:
        return _U
    return _S if require else _V


Memo = dict[int, set[bool | None]]  # reachable truths per condition node, for one set of known values


def _reachable(
    condition: Condition | None,
    values: Mapping[str, FactValue],
    memo: Memo | None = None,
    frozen: frozenset[str] = frozenset(),
) -> set[bool | None]:
    if condition is None:
        return {True}
    if memo is not None and id(condition) in memo:
        return memo[id(condition)]
    current = condition.evaluate(values)
    found: set[bool | None] = {current}
    if current is None:
        found |= {o for o in (True, False) if can_reach(condition, values, o, frozen)}
    if memo is not None:
        memo[id(condition)] = found
    return found


def reachable_statuses(
    rule: Rule,
    values: Mapping[str, FactValue],
    frozen: frozenset[str] = frozenset(),
    memo: Memo | None = None,
) -> set[RuleStatus]:
    """Statuses a rule can take once some of its unknown facts (not the `frozen` ones) are answered."""
    return {
        _status(w, q)
        for w in _reachable(rule.when, values, memo, frozen)
        for q in _reachable(rule.require, values, memo, frozen)
    }


Truths = set[tuple[bool | None, bool | None]]


def truth_pairs(
    condition: Condition,
    values: Mapping[str, FactValue],
    fact_id: str,
    value: FactValue,
    memo: Memo | None = None,
    frozen: frozenset[str] = frozenset(),
) -> Truths:
    """(before, after) truths of a condition when `fact_id` becomes `value`, over answers to its other
    unknown facts. Exact when no other unknown fact is read twice: the subtrees are then independent."""
    current = condition.evaluate(values)
    if current is not None:
        return {(current, current)}
    if isinstance(condition, Leaf):
        if condition.fact_id == fact_id:
            return {(None, condition.evaluate({fact_id: value}))}
        if condition.fact_id in frozen:
            return {(None, None)}
        return {(None, None)} | {(o, o) for o in (True, False) if condition.can_be(o)}
    if isinstance(condition, Not):
        return {
            (_negate(b), _negate(a))
            for b, a in truth_pairs(condition.not_, values, fact_id, value, memo, frozen)
        }
    combine = _and if isinstance(condition, AllOf) else _or
    result: Truths | None = None
    for child in condition.children():
        pairs = (
            truth_pairs(child, values, fact_id, value, memo, frozen)
            if fact_id in child.facts()
            else {(t, t) for t in _reachable(child, values, memo, frozen)}
        )
        result = (
            pairs
            if result is None
            else {(combine(b1, b2), combine(a1, a2)) for b1, a1 in result for b2, a2 in pairs}
        )
    return result or set()


def _negate(truth: bool | None) -> bool | None:
    return None if truth is None else not truth


def _and(x: bool | None, y: bool | None) -> bool | None:
    if x is False or y is False:
        return False
    return None if x is None or y is None else True


def _or(x: bool | None, y: bool | None) -> bool | None:
    if x is True or y is True:
        return True
    return None if x is None or y is None else False


def status_pairs(
    rule: Rule,
    values: Mapping[str, FactValue],
    fact_id: str,
    value: FactValue,
    memo: Memo | None = None,
    frozen: frozenset[str] = frozenset(),
) -> set[tuple[RuleStatus, RuleStatus]]:
    """(before, after) statuses of a rule when `fact_id` becomes `value` (others may be answered too)."""
    parts: list[Truths] = []
    for condition in (rule.when, rule.require):
        if condition is None:
            parts.append({(True, True)})
        elif fact_id in condition.facts():
            parts.append(truth_pairs(condition, values, fact_id, value, memo, frozen))
        else:
            parts.append({(t, t) for t in _reachable(condition, values, memo, frozen)})
    return {(_status(wb, qb), _status(wa, qa)) for (wb, wa) in parts[0] for (qb, qa) in parts[1]}


def _product_size(options: list[list[Any]]) -> int:
    size = 1
    for option in options:
        size *= len(option)
        if size > SEARCH_LIMIT:
            break
    return size


# --- components ---------------------------------------------------------------------------------------


@dataclass
class Component:
    rules: list[Rule]
    facts: set[str]  # unknown facts its rules read
    linking: list[str]  # unknown facts read by more than one leaf
    domains: dict[str, list[FactValue]]
    cache: dict[tuple[Any, ...], set[tuple[Flags, Flags]]] = field(default_factory=dict)
    reads_linking: dict[str, list[str]] = field(default_factory=dict)
    memos: dict[Any, Memo] = field(default_factory=dict)  # per rule and linking values it sees
    unions: dict[Any, set[tuple[Flags, Flags]]] = field(default_factory=dict)

    def linking_of(self, rule: Rule) -> list[str]:
        """The linking facts a rule reads: what its statuses depend on among the fixed ones."""
        found = self.reads_linking.get(rule.id)
        if found is None:
            found = self.reads_linking[rule.id] = [f for f in self.linking if f in rule.facts]
        return found

    def assignments(self, over: list[str]) -> Iterator[tuple[dict[str, FactValue], frozenset[str]]]:
        """Every assignment of these linking facts, with those it leaves unknown (frozen so: no answer
        may settle them). Beyond SEARCH_LIMIT, one assignment that fixes nothing and freezes nothing:
        each rule then moves on its own, a superset of what the rules can do together."""
        options = [[UNKNOWN, *self.domains[f]] for f in over]
        if _product_size(options) > SEARCH_LIMIT:
            yield {}, frozenset()
            return
        for combo in itertools.product(*options):
            fixed = {f: v for f, v in zip(over, combo, strict=True) if v is not UNKNOWN}
            yield fixed, frozenset(over) - set(fixed)

    def rest(
        self,
        rules: list[Rule],
        over: list[str],
        values: Mapping[str, FactValue],
        assignment: tuple[dict[str, FactValue], frozenset[str]],
    ) -> set[tuple[Flags, Flags]]:
        """What rules the answer leaves alone can do together, over every assignment of the linking
        facts `over` (the others being fixed by `assignment`): one union, shared by every fact they do
        not read."""
        fixed, frozen = assignment
        seen = {f for rule in rules for f in self.linking_of(rule)}  # all the rules' statuses depend on
        key = (
            tuple(r.id for r in rules),
            tuple(sorted((f, v) for f, v in fixed.items() if f in seen)),
            frozen & seen,
        )
        found = self.unions.get(key)
        if found is None:
            found = set()
            for more, also in self.assignments(over):
                merged = ({**fixed, **more}, frozen | also)
                known = {**values, **merged[0]}
                found |= _fold_pairs(
                    [_rule_flag_pairs(self, rule, known, merged, "", None) for rule in rules]
                )
            self.unions[key] = found
        return found


def _leaves(rule: Rule) -> list[Leaf]:
    return [*(rule.when.leaves() if rule.when is not None else ()), *rule.require.leaves()]


def components(rules: list[Rule], values: Mapping[str, FactValue]) -> list[Component]:
    """Undetermined rules grouped by the unknown facts they share."""
    groups: list[Component] = []
    for rule in rules:
        facts = {leaf.fact_id for leaf in _leaves(rule) if leaf.fact_id not in values}
        joined = [c for c in groups if c.facts & facts]
        merged = Component([rule], set(facts), [], {})
        for component in joined:
            merged.rules = component.rules + merged.rules
            merged.facts |= component.facts
            groups.remove(component)
        groups.append(merged)
    for component in groups:
        leaves = [leaf for rule in component.rules for leaf in _leaves(rule) if leaf.fact_id not in values]
        counts: dict[str, int] = {}
        for leaf in leaves:
            counts[leaf.fact_id] = counts.get(leaf.fact_id, 0) + 1
        component.linking = sorted(f for f, n in counts.items() if n > 1)
        component.domains = {f: representatives(f, leaves) for f in component.facts}
    return groups


def reachable_flags(component: Component, values: Mapping[str, FactValue]) -> set[int]:
    """The level flags the component's rules can reach together."""
    together = component.rest(component.rules, component.linking, values, ({}, frozenset()))
    return {before[0] for before, _ in together}


def _component_pairs(
    component: Component, values: Mapping[str, FactValue], fact_id: str
) -> Iterator[set[tuple[Flags, Flags]]]:
    """(before, after) flags of a component when `fact_id` is answered, one assignment of the linking
    facts its rules read and one value at a time (the caller stops as soon as it knows enough). The rules
    that do not read the fact are folded over every other linking assignment at once (`Component.rest`)."""
    reading = [rule for rule in component.rules if fact_id in rule.facts]
    still = [rule for rule in component.rules if fact_id not in rule.facts]
    keys = sorted({f for rule in reading for f in component.linking_of(rule)} - {fact_id})
    others = [f for f in component.linking if f not in keys and f != fact_id]
    for fixed, frozen in component.assignments(keys):
        known = {**values, **fixed}
        rest = component.rest(still, others, values, (fixed, frozen))
        for value in component.domains[fact_id]:
            yield _fold_pairs(
                [rest]
                + [
                    _rule_flag_pairs(component, rule, known, (fixed, frozen), fact_id, value)
                    for rule in reading
                ]
            )


def _rule_flag_pairs(
    component: Component,
    rule: Rule,
    known: Mapping[str, FactValue],
    assignment: tuple[Mapping[str, FactValue], frozenset[str]],
    fact_id: str,
    value: FactValue | None,
) -> set[tuple[Flags, Flags]]:
    """Cached on what the rule reads: the linking values it sees, and the fact answered if it reads it."""
    fixed, frozen = assignment
    seen = tuple((f, fixed.get(f), f in frozen) for f in component.linking_of(rule))
    reads = fact_id in rule.facts
    key = (rule.id, seen, fact_id, value) if reads else (rule.id, seen)
    cached = component.cache.get(key)
    if cached is None:
        memo = component.memos.setdefault((rule.id, seen), {})
        statuses = (
            status_pairs(rule, known, fact_id, value, memo, frozen)
            if reads and value is not None
            else {(s, s) for s in reachable_statuses(rule, known, frozen, memo)}
        )
        cached = {(flags_of(rule, b), flags_of(rule, a)) for b, a in statuses}
        component.cache[key] = cached
    return cached


def _fold_pairs(options: list[set[tuple[Flags, Flags]]]) -> set[tuple[Flags, Flags]]:
    result = {(NO_FLAGS, NO_FLAGS)}
    for option in options:
        result = {(join(b1, b2), join(a1, a2)) for b1, a1 in result for b2, a2 in option}
    return result


# --- relevance ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Relevance:
    """Why a fact is worth asking: the rules its answer can settle, and whether it could decline."""

    fact: str
    rules: tuple[str, ...]
    could_decline: bool


def relevant(doctrine: Doctrine, values: Mapping[str, FactValue]) -> dict[str, Relevance]:
    """Every unknown fact whose answer can change the question outcome, with why."""
    rules = question_rules(doctrine)
    statuses = {rule.id: rule_status(rule, values) for rule in rules}
    settled = 0
    for rule in rules:
        if statuses[rule.id] is not _U:
            settled |= flags_of(rule, statuses[rule.id])[0]
    if settled & DECLINES or _condition_refused(doctrine, values):
        return {}  # a decline decided by known facts survives any answer: nothing left to ask
    groups = components([r for r in rules if statuses[r.id] is _U], values)
    reach = [reachable_flags(group, values) for group in groups]
    found: dict[str, Relevance] = {}
    for index, group in enumerate(groups):
        others = {settled}
        for i, masks in enumerate(reach):
            if i != index:
                others = {a | b for a in others for b in masks}
        for fact_id in sorted(group.facts):
            changes = declines = False
            may_decline = _may_decline(group, values, fact_id)
            checked: set[tuple[Flags, Flags]] = set()
            for pairs in _component_pairs(group, values, fact_id):
                for before, after in pairs - checked:
                    checked.add((before, after))
                    if any(
                        outcome((before[0] | o, before[1])) != outcome((after[0] | o, after[1]))
                        for o in others
                    ):
                        changes = True
                        declines = declines or bool(after[0] & ~before[0] & DECLINES)
                if changes and (declines or not may_decline):
                    break
            if changes:
                found[fact_id] = Relevance(
                    fact_id, tuple(r.id for r in group.rules if fact_id in r.facts), declines
                )
    return found


def _may_decline(component: Component, values: Mapping[str, FactValue], fact_id: str) -> bool:
    """Whether some rule reading the fact could ever decline (a cheap bound: `known` tests never fail)."""
    return any(
        fact_id in rule.facts
        and flags_of(rule, RuleStatus.VIOLATED)[0] & DECLINES
        and can_reach(rule.require, values, False)
        and (rule.when is None or can_reach(rule.when, values, True))
        for rule in component.rules
    )


def _condition_refused(doctrine: Doctrine, values: Mapping[str, FactValue]) -> bool:
    return any(
        rule.kind is RuleKind.CONDITION and rule_effect(rule, rule_status(rule, values)) is Effect.DECLINES
        for rule in doctrine.rules
    )


def relevant_facts(rule: Rule, values: Mapping[str, FactValue]) -> set[str]:
    """Unknown facts whose answer, possibly with others, could change this rule's status."""
    if rule_status(rule, values) is not _U:
        return set()
    group = components([rule], values)[0]
    found = set()
    for fact_id in group.facts:
        for fixed, frozen in group.assignments([f for f in group.linking if f != fact_id]):
            known = {**values, **fixed}
            if any(
                b is _U and a is not _U
                for value in group.domains[fact_id]
                for b, a in status_pairs(rule, known, fact_id, value, None, frozen)
            ):
                found.add(fact_id)
                break
    return found


__all__ = ["Relevance", "can_reach", "relevant", "relevant_facts", "representatives"]
