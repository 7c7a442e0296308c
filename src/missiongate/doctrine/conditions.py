"""Conditions of doctrine rules: a structured tree, evaluated in three-valued (Kleene) logic.

A condition on a fact that is not known is *undetermined* (None), never false; so every operator is
monotone: learning a fact can settle an undetermined condition but never flip a settled one. That is what
lets a DECLINE decided by known facts survive any later answer, and what makes a question relevant.

True, False and None stand for satisfied, violated and undetermined.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, PrivateAttr, Tag, model_validator

from missiongate.catalogue import Catalogue, Fact, FactType, FactValue

Truth = bool | None
Values = Mapping[str, FactValue]

COMPARISONS = ("is", "in", "contains_any", "contains_all", "within", "at_least", "at_most")
_ORDERED_TYPES = {FactType.ORDERED_ENUM, FactType.INTEGER, FactType.DATE}
_OPERATOR_TYPES: dict[str, set[FactType]] = {
    "is": set(FactType),
    "in": {FactType.ENUM, FactType.ORDERED_ENUM, FactType.INTEGER, FactType.TEXT, FactType.DATE},
    "contains_any": {FactType.SET},
    "contains_all": {FactType.SET},
    "within": {FactType.SET},
    "at_least": _ORDERED_TYPES,
    "at_most": _ORDERED_TYPES,
}


class DoctrineBindingError(ValueError):
    """A condition that does not fit the fact catalogue; `path` locates it in the doctrine file."""

    def __init__(self, message: str, path: list[str | int]) -> None:
        super().__init__(message)
        self.path = path


Evaluator = Callable[[Values], Truth]


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def evaluate(self, values: Values) -> Truth:
        return self.evaluator(values)

    @cached_property
    def evaluator(self) -> Evaluator:
        """The condition compiled to plain closures (built once, after binding): the evaluation hot path."""
        return self._compile()

    def _compile(self) -> Evaluator:
        raise NotImplementedError

    def children(self) -> tuple[Condition, ...]:
        return ()

    def bind(self, catalogue: Catalogue, path: list[str | int]) -> None:
        for index, child in enumerate(self.children()):
            child.bind(catalogue, [*path, *self._child_path(index)])

    def _child_path(self, index: int) -> list[str | int]:
        return []

    def leaves(self) -> Iterator[Leaf]:
        for child in self.children():
            yield from child.leaves()

    def facts(self) -> frozenset[str]:
        return self.fact_set

    @cached_property
    def fact_set(self) -> frozenset[str]:
        return frozenset(leaf.fact_id for leaf in self.leaves())


class AllOf(_Node):
    all: list[Condition] = Field(min_length=1, description="Every sub-condition holds.")

    def children(self) -> tuple[Condition, ...]:
        return tuple(self.all)

    def _child_path(self, index: int) -> list[str | int]:
        return ["all", index]

    def _compile(self) -> Evaluator:
        parts = tuple(child.evaluator for child in self.all)

        def all_of(values: Values) -> Truth:
            result: Truth = True
            for part in parts:
                value = part(values)
                if value is False:
                    return False
                if value is None:
                    result = None
            return result

        return all_of


class AnyOf(_Node):
    any: list[Condition] = Field(min_length=1, description="At least one sub-condition holds.")

    def children(self) -> tuple[Condition, ...]:
        return tuple(self.any)

    def _child_path(self, index: int) -> list[str | int]:
        return ["any", index]

    def _compile(self) -> Evaluator:
        parts = tuple(child.evaluator for child in self.any)

        def any_of(values: Values) -> Truth:
            result: Truth = False
            for part in parts:
                value = part(values)
                if value is True:
                    return True
                if value is None:
                    result = None
            return result

        return any_of


class Not(_Node):
    not_: Condition = Field(alias="not", description="The sub-condition does not hold.")

    def children(self) -> tuple[Condition, ...]:
        return (self.not_,)

    def _child_path(self, index: int) -> list[str | int]:
        return ["not"]

    def _compile(self) -> Evaluator:
        inner = self.not_.evaluator

        def negation(values: Values) -> Truth:
            value = inner(values)
            return None if value is None else not value

        return negation


class Leaf(_Node):
    """A test on one fact."""

    _meta: Fact | None = PrivateAttr(default=None)

    @property
    def meta(self) -> Fact:
        if self._meta is None:
            raise RuntimeError("condition not bound to a catalogue")
        return self._meta

    @property
    def fact_id(self) -> str:
        raise NotImplementedError

    def leaves(self) -> Iterator[Leaf]:
        yield self

    def can_be(self, outcome: bool) -> bool:
        """Whether some value of the fact makes this test come out `outcome`."""
        raise NotImplementedError


class Known(Leaf):
    known: str = Field(description="The fact must be established. Undetermined until it is, then satisfied.")

    @property
    def fact_id(self) -> str:
        return self.known

    def bind(self, catalogue: Catalogue, path: list[str | int]) -> None:
        if self.known not in catalogue:
            raise DoctrineBindingError(f"condition refers to unknown fact {self.known!r}", [*path, "known"])
        self._meta = catalogue.fact(self.known)

    def _compile(self) -> Evaluator:
        fact_id = self.known
        return lambda values: True if fact_id in values else None

    def can_be(self, outcome: bool) -> bool:
        return outcome


class FactTest(Leaf):
    """Compare one fact with operand(s): exactly one of the comparison keys is given."""

    fact: str = Field(description="Fact id from the catalogue.")
    is_: Any = Field(default=None, alias="is", description="The fact has exactly this value.")
    in_: list[Any] | None = Field(default=None, alias="in", description="The fact's value is one of these.")
    contains_any: list[str] | None = Field(
        default=None, description="Set fact contains at least one of these."
    )
    contains_all: list[str] | None = Field(default=None, description="Set fact contains all of these.")
    within: list[str] | None = Field(default=None, description="Set fact contains nothing but these.")
    at_least: Any = Field(default=None, description="Ordered fact is at least this value.")
    at_most: Any = Field(default=None, description="Ordered fact is at most this value.")

    _test: Callable[[Any], bool] = PrivateAttr()
    _possible: tuple[bool, bool] = PrivateAttr(default=(True, True))

    @model_validator(mode="after")
    def _exactly_one(self) -> FactTest:
        given = [op for op in COMPARISONS if self.operand_of(op) is not None]
        if len(given) != 1:
            raise ValueError(
                f"a test on fact {self.fact!r} needs exactly one of: {', '.join(COMPARISONS)}"
                + (f" (found {', '.join(given)})" if given else "")
            )
        return self

    def operand_of(self, op: str) -> Any:
        return getattr(self, {"is": "is_", "in": "in_"}.get(op, op))

    @property
    def operator(self) -> str:
        return next(op for op in COMPARISONS if self.operand_of(op) is not None)

    @property
    def operand(self) -> Any:
        return self.operand_of(self.operator)

    @property
    def fact_id(self) -> str:
        return self.fact

    def _compile(self) -> Evaluator:
        fact_id, test = self.fact, self._test
        if self.operator == "is":  # the commonest test, inlined: one call per leaf instead of two
            expected = self.meta.coerce(self.operand)

            def fact_is(values: Values) -> Truth:
                value = values.get(fact_id)
                return None if value is None else value == expected

            return fact_is

        def fact_test(values: Values) -> Truth:
            value = values.get(fact_id)
            return None if value is None else test(value)

        return fact_test

    def can_be(self, outcome: bool) -> bool:
        return self._possible[0 if outcome else 1]

    def bind(self, catalogue: Catalogue, path: list[str | int]) -> None:
        if self.fact not in catalogue:
            raise DoctrineBindingError(f"condition refers to unknown fact {self.fact!r}", [*path, "fact"])
        fact = catalogue.fact(self.fact)
        op = self.operator
        if fact.type not in _OPERATOR_TYPES[op]:
            raise DoctrineBindingError(f"'{op}' cannot be used on {fact.type} fact {fact.id}", [*path, op])
        try:
            self._meta = fact
            self._test, self._possible = _compile(fact, op, self.operand)
        except ValueError as exc:
            raise DoctrineBindingError(f"{fact.id} {op}: {exc}", [*path, op]) from None


def _compile(fact: Fact, op: str, operand: Any) -> tuple[Callable[[Any], bool], tuple[bool, bool]]:
    """A fast predicate for one comparison, and whether it can come out true / false at all."""
    if op in {"contains_any", "contains_all", "within"}:
        coerced = fact.coerce(operand)
        assert isinstance(coerced, frozenset)
        items: frozenset[str] = coerced
        if not items:
            raise ValueError("needs at least one value")
        if op == "contains_any":
            return (lambda v: not v.isdisjoint(items)), (True, True)
        if op == "contains_all":
            return (lambda v: items <= v), (True, True)
        return (lambda v: v <= items), (True, items != frozenset(fact.value_ids))
    if op == "in":
        if not isinstance(operand, list) or not operand:
            raise ValueError("needs a non-empty list of values")
        options = frozenset(fact.coerce(item) for item in operand)
        complete = fact.type in {FactType.ENUM, FactType.ORDERED_ENUM} and options >= set(fact.value_ids)
        return (lambda v: v in options), (True, not complete)
    expected = fact.coerce(operand)
    if op == "is":
        return (lambda v: v == expected), (True, True)
    key = _order_key(fact)
    bound = key(expected)
    if op == "at_least":
        return (lambda v: key(v) >= bound), (True, bound > key(_lowest(fact)))
    return (lambda v: key(v) <= bound), (True, bound < key(_highest(fact)))


def _order_key(fact: Fact) -> Callable[[Any], Any]:
    if fact.type is FactType.ORDERED_ENUM:
        return fact.rank.__getitem__
    return lambda v: v


def _lowest(fact: Fact) -> Any:
    if fact.type is FactType.ORDERED_ENUM:
        return fact.value_ids[0]
    return dt.date.min if fact.type is FactType.DATE else -(2**63)


def _highest(fact: Fact) -> Any:
    if fact.type is FactType.ORDERED_ENUM:
        return fact.value_ids[-1]
    return dt.date.max if fact.type is FactType.DATE else 2**63


def _condition_kind(raw: Any) -> str | None:
    if isinstance(raw, _Node):
        return {AllOf: "all", AnyOf: "any", Not: "not", Known: "known", FactTest: "fact"}.get(type(raw))
    if not isinstance(raw, dict):
        return None
    keys = [key for key in ("all", "any", "not", "known", "fact") if key in raw]
    return keys[0] if len(keys) == 1 else None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[Known, Tag("known")]
    | Annotated[FactTest, Tag("fact")],
    Discriminator(
        _condition_kind,
        custom_error_type="invalid_condition",
        custom_error_message="a condition needs exactly one of the keys all, any, not, known or fact",
    ),
]

for _model in (AllOf, AnyOf, Not):
    _model.model_rebuild()
