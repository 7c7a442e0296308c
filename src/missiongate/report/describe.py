"""Conditions and findings in plain words, for a legal adviser rather than a programmer."""

from __future__ import annotations

from missiongate.catalogue import Fact, FactType
from missiongate.doctrine.conditions import AllOf, AnyOf, Condition, FactTest, Known, Leaf, Not

# (positive, negated) phrasing per operator; {label} and {values} are filled in.
_PHRASES = {
    "is": ("{label} is {values}", "{label} is not {values}"),
    "in": ("{label} is one of: {values}", "{label} is none of: {values}"),
    "contains_any": ("{label} include at least one of: {values}", "{label} include none of: {values}"),
    "contains_all": ("{label} include all of: {values}", "{label} do not include all of: {values}"),
    "within": ("{label} include only: {values}", "{label} include something other than: {values}"),
    "at_least": ("{label} is at least {values}", "{label} is below {values}"),
    "at_most": ("{label} is at most {values}", "{label} is above {values}"),
}


def _values(fact: Fact, operand: object) -> str:
    items = operand if isinstance(operand, list) else [operand]
    return ", ".join(_value(fact, item) for item in items)


def _value(fact: Fact, item: object) -> str:
    if fact.type is FactType.BOOL:
        return "yes" if item in (True, "yes", "true") else "no"
    return f"“{fact.value_label(str(item))}”" if fact.values else str(item)


def describe_leaf(leaf: Leaf, negated: bool = False) -> str:
    fact = leaf.meta
    if isinstance(leaf, Known):
        return f"{fact.label} is {'not ' if negated else ''}established"
    assert isinstance(leaf, FactTest)
    if fact.type is FactType.BOOL and leaf.operator == "is":
        expected = bool(fact.coerce(leaf.operand)) != negated
        return f"{fact.label}: {'yes' if expected else 'no'}"
    positive, negative = _PHRASES[leaf.operator]
    return (negative if negated else positive).format(label=fact.label, values=_values(fact, leaf.operand))


def describe(condition: Condition, negated: bool = False) -> str:
    """A whole condition tree as one sentence-like phrase."""
    if isinstance(condition, Not):
        return describe(condition.not_, not negated)
    if isinstance(condition, Leaf):
        return describe_leaf(condition, negated)
    assert isinstance(condition, AllOf | AnyOf)
    joiner = "and" if isinstance(condition, AllOf) != negated else "or"
    parts = [describe(child, negated) for child in condition.children()]
    if len(parts) == 1:
        return parts[0]
    return "(" + f" {joiner} ".join(parts) + ")"
