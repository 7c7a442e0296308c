"""What each fact could become on a path to yes: who may change it, and its distinct candidate values.

Conditions tell values apart only through their leaves, so two values with the same *signature* (the truth
of every leaf of the doctrine on that fact) are interchangeable everywhere: one option stands for each
signature, the others are its alternatives. Candidates come from `questionnaire.relevance.representatives`
(each named operand, one value of each run between them), plus, for sets, the small edits of the current
value an adviser would propose first (drop the offending item, add a named one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from missiongate.catalogue import ControlledBy, Fact, FactType, FactValue, SettledBy
from missiongate.doctrine.conditions import FactTest, Leaf
from missiongate.doctrine.model import Doctrine
from missiongate.questionnaire.relevance import representatives

ANY_TEXT = "(any answer)"  # a text value that matches no named operand
_INVISIBLE_OTHER = "\u2063other"  # relevance's unnamed text representative


@dataclass(frozen=True, slots=True)
class Option:
    """One value a fact can change to, with the other values that have exactly the same effect."""

    value: FactValue
    alternatives: tuple[FactValue, ...] = ()
    any_value: bool = False  # every value has this effect: only whether the fact is known matters
    other_than: tuple[FactValue, ...] = ()  # for a text placeholder: any value but these named ones


# The inquiry's premise: the contingent would serve abroad (staying home is no path to participation).
PREMISES: dict[str, FactValue] = {"contingent.outside_territory": True}
HISTORY = frozenset({"contingent.deployed"})  # whether the contingent is already deployed is not undone


def fixed(fact: Fact, known: bool) -> bool:
    """Whether no path may change this fact: once known, what the public record says changes only by the
    Council, what the record or the analyst settles and nobody controls (the instrument, the host region,
    the framework) is a given, and so are the premise and the history. Unknown facts can be answered."""
    if not known:
        return False
    if fact.id in PREMISES or fact.id in HISTORY:
        return True
    if fact.settled_by is SettledBy.PUBLIC_RECORD:
        return fact.controlled_by is not ControlledBy.COUNCIL
    return fact.settled_by is SettledBy.ANALYST and fact.controlled_by is ControlledBy.NOBODY


def doctrine_leaves(doctrines: Iterable[Doctrine]) -> dict[str, list[Leaf]]:
    """Every leaf of these doctrines, by the fact it tests, in doctrine order."""
    found: dict[str, list[Leaf]] = {}
    for doctrine in doctrines:
        for rule in doctrine.rules:
            for condition in (rule.when, rule.require):
                for leaf in condition.leaves() if condition is not None else ():
                    found.setdefault(leaf.fact_id, []).append(leaf)
    return found


def fact_options(leaves: list[Leaf], current: FactValue | None) -> list[Option]:
    """The distinct values a fact can change to (never its current signature), preferred value first."""
    fact = leaves[0].meta
    candidates = _candidates(fact, leaves, current)
    groups: dict[tuple[bool | None, ...], list[FactValue]] = {}
    for value in candidates:
        groups.setdefault(_signature(leaves, value), []).append(value)
    if current is not None:
        groups.pop(_signature(leaves, current), None)
    if fact.id in PREMISES:  # answered only as the premise has it
        groups = {k: v for k, v in groups.items() if PREMISES[fact.id] in v}
    order = _mention_order(leaves)
    options = []
    for values in groups.values():
        ranked = sorted(dict.fromkeys(values), key=lambda v: _preference(fact, v, current, order))
        any_value = current is None and len(groups) == 1
        listed = fact.type in (FactType.ENUM, FactType.ORDERED_ENUM) and not any_value
        other_than = tuple(order) if ranked[0] == ANY_TEXT and not any_value else ()
        options.append(Option(ranked[0], tuple(ranked[1:]) if listed else (), any_value, other_than))
    return sorted(options, key=lambda o: _preference(fact, o.value, current, order))


def _signature(leaves: list[Leaf], value: FactValue) -> tuple[bool | None, ...]:
    return tuple(leaf.evaluate({leaf.fact_id: value}) for leaf in leaves)


def _candidates(fact: Fact, leaves: list[Leaf], current: FactValue | None) -> list[FactValue]:
    found = [ANY_TEXT if v == _INVISIBLE_OTHER else v for v in representatives(fact.id, leaves)]
    if fact.type in (FactType.ENUM, FactType.ORDERED_ENUM):
        return list(fact.value_ids)  # small domains: list them all, so alternatives are complete
    if fact.type is FactType.SET:
        found += _set_edits(current if isinstance(current, frozenset) else frozenset(), _named(leaves))
    return found


def _named(leaves: list[Leaf]) -> list[str]:
    return list(_mention_order(leaves))


def _set_edits(current: frozenset[str], named: list[str]) -> list[FactValue]:
    """The current set with one named item dropped or added, or its named items swapped for one other."""
    edits: list[FactValue] = [current - {item} for item in current]
    edits += [current | {item} for item in named]
    kept = current - set(named)
    edits += [kept | {item} for item in named]
    return edits


def _mention_order(leaves: list[Leaf]) -> dict[str, int]:
    """Each named operand item, in the order the doctrine first names it (its reference value first)."""
    order: dict[str, int] = {}
    for leaf in leaves:
        if isinstance(leaf, FactTest):
            operand = leaf.operand
            items = operand if isinstance(operand, list | tuple | set | frozenset) else [operand]
            for item in items:
                order.setdefault(str(item), len(order))
    return order


def _preference(
    fact: Fact, value: FactValue, current: FactValue | None, order: Mapping[str, int]
) -> tuple[object, ...]:
    """How an adviser would pick among equivalent values: the smallest edit of what is there, a value
    the doctrine names, then the catalogue's order."""
    if isinstance(value, frozenset):
        base = current if isinstance(current, frozenset) else frozenset()
        added = sorted(order.get(item, len(order)) for item in value - base)
        return (not value, len(value ^ base), added, sorted(value))
    if fact.type is FactType.ORDERED_ENUM and isinstance(value, str):
        distance = abs(fact.rank[value] - fact.rank[current]) if isinstance(current, str) else 0
        return (distance, fact.rank[value])
    if isinstance(value, str) and fact.values:
        return (0, fact.rank.get(value, 0))
    if isinstance(value, bool):
        return (0, not value)
    if isinstance(value, int | dt.date):
        return (_distance(value, current), str(value) not in order, str(value))
    return (value == ANY_TEXT, str(value))


def _distance(value: int | dt.date, current: FactValue | None) -> int:
    if isinstance(value, int) and isinstance(current, int) and not isinstance(current, bool):
        return abs(value - current)
    if isinstance(value, dt.date) and isinstance(current, dt.date):
        return abs((value - current).days)
    return 0
