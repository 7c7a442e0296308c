"""Compiled doctrines equal the interpreter: statuses and verdict, over random and built-in doctrines."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate import evaluate
from missiongate.catalogue import FactType, FactValue, load_catalogue
from missiongate.doctrine import Doctrine, load_builtin
from missiongate.doctrine.cases import case_mission
from missiongate.doctrine.compiled import MAX_INLINE_DEPTH, compile_doctrine
from missiongate.doctrine.loader import builtin_ids
from missiongate.doctrine.model import RuleKind
from missiongate.evaluator import RuleStatus, Verdict
from missiongate.questionnaire.relevance import representatives
from tests.strategies import make_doctrine, partial_facts, rules_data

DEPLOYED = "contingent.deployed"


def assert_equal(doctrine: Doctrine, values: dict[str, FactValue]) -> None:
    reference = evaluate(doctrine, values)
    compiled = compile_doctrine(doctrine)
    assert compiled.statuses(values) == tuple(outcome.status for outcome in reference.outcomes)
    assert compiled.verdict(values) is reference.verdict


def with_deployment(values: st.SearchStrategy[dict[str, FactValue]]) -> st.SearchStrategy[Any]:
    """Values, sometimes with the contingent already deployed (a decline is then a WITHDRAW)."""
    deployed = st.fixed_dictionaries({}, optional={DEPLOYED: st.booleans()})
    return st.tuples(values, deployed).map(lambda parts: {**parts[0], **parts[1]})


@settings(max_examples=1000, deadline=None)
@given(
    rules=st.lists(rules_data(), min_size=1, max_size=6),
    samples=st.lists(with_deployment(partial_facts()), min_size=1, max_size=4),
)
def test_random_doctrines_equal_the_interpreter(
    rules: list[dict[str, Any]], samples: list[dict[str, FactValue]]
) -> None:
    doctrine = make_doctrine(rules)
    for values in samples:
        assert_equal(doctrine, values)


# Integers, dates and text: the random doctrines above test bool, enum, ordered enum and set facts.
SIZE, END, INSTRUMENT = "contingent.size", "mandate.end_date", "mandate.instrument"
SIZES = st.integers(min_value=0, max_value=4)
DATES = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 1, 4))
TEXTS = st.sampled_from(["S/RES/2803 (2025)", "S/RES/1244 (1999)", "x'); import os; ('"])
OPERANDS = {SIZE: SIZES, END: DATES, INSTRUMENT: TEXTS}


def scalar_leaf(fact: str) -> st.SearchStrategy[dict[str, Any]]:
    ops = ["is", "in"] + (["at_least", "at_most"] if fact != INSTRUMENT else [])
    operand = OPERANDS[fact]
    as_data = (lambda x: x.isoformat()) if fact == END else (lambda x: x)
    return st.sampled_from(ops).flatmap(
        lambda op: (
            st.lists(operand.map(as_data), min_size=1, max_size=3, unique=True)
            if op == "in"
            else operand.map(as_data)
        ).map(lambda value: {"fact": fact, op: value})
    )


def scalar_trees() -> st.SearchStrategy[dict[str, Any]]:
    leaves = st.one_of(
        st.sampled_from(list(OPERANDS)).flatmap(scalar_leaf),
        st.sampled_from(list(OPERANDS)).map(lambda fact: {"known": fact}),
    )
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, min_size=1, max_size=3).map(lambda c: {"all": c}),
            st.lists(children, min_size=1, max_size=3).map(lambda c: {"any": c}),
            children.map(lambda c: {"not": c}),
        ),
        max_leaves=5,
    )


scalar_rules = st.fixed_dictionaries(
    {"kind": st.sampled_from(["red_line", "requirement", "condition", "consideration"])},
    optional={"when": scalar_trees()},
).flatmap(lambda rule: scalar_trees().map(lambda tree: {**rule, "require": tree}))
scalar_values = st.fixed_dictionaries({}, optional=OPERANDS)


@settings(max_examples=300, deadline=None)
@given(
    rules=st.lists(scalar_rules, min_size=1, max_size=4),
    samples=st.lists(with_deployment(scalar_values), min_size=1, max_size=4),
)
def test_integer_date_and_text_facts_equal_the_interpreter(
    rules: list[dict[str, Any]], samples: list[dict[str, FactValue]]
) -> None:
    doctrine = make_doctrine(rules)
    for values in samples:
        assert_equal(doctrine, values)


def sample_values(fact_id: str, doctrine: Doctrine) -> list[FactValue]:
    """Every value of a choice fact; for sets, integers, dates and text, values straddling the tests."""
    fact = load_catalogue().fact(fact_id)
    if fact.type in (FactType.ENUM, FactType.ORDERED_ENUM):
        return list(fact.value_ids)
    conditions = [c for rule in doctrine.rules for c in (rule.when, rule.require) if c is not None]
    return representatives(fact_id, [leaf for c in conditions for leaf in c.leaves()])


@st.composite
def builtin_values(draw: st.DrawFn) -> tuple[Doctrine, dict[str, FactValue]]:
    """A built-in doctrine and random partial values of the facts it reads."""
    doctrine = load_builtin(draw(st.sampled_from(builtin_ids())))
    facts = sorted({fact for rule in doctrine.rules for fact in rule.facts} | {DEPLOYED})
    known = draw(st.lists(st.sampled_from(facts), unique=True, max_size=len(facts)))
    values = {
        fact: draw(st.booleans() if fact == DEPLOYED else st.sampled_from(sample_values(fact, doctrine)))
        for fact in known
    }
    return doctrine, values


@settings(max_examples=1000, deadline=None)
@given(case=builtin_values())
def test_builtin_doctrines_equal_the_interpreter(case: tuple[Doctrine, dict[str, FactValue]]) -> None:
    assert_equal(*case)


def test_builtin_cases_equal_the_interpreter() -> None:
    checked = 0
    for doctrine_id in builtin_ids():
        doctrine = load_builtin(doctrine_id)
        for case in doctrine.cases:
            assert_equal(doctrine, dict(case_mission(case, load_catalogue()).values))
            checked += 1
    assert checked > 10


RED = {"kind": "red_line", "require": {"not": {"fact": "operation.type", "is": "peace_enforcement"}}}


def test_a_decline_of_a_deployed_contingent_is_a_withdrawal() -> None:
    compiled = compile_doctrine(make_doctrine([RED]))
    enforcement: dict[str, FactValue] = {"operation.type": "peace_enforcement"}
    assert compiled.verdict(enforcement) is Verdict.DECLINE
    assert compiled.verdict({**enforcement, DEPLOYED: True}) is Verdict.WITHDRAW
    assert compiled.verdict({**enforcement, DEPLOYED: False}) is Verdict.DECLINE
    assert compiled.statuses(enforcement) == (RuleStatus.VIOLATED,)


def test_operands_never_become_source_text() -> None:
    payload = "x'); import os; os.remove('f'); ('"
    rule = {"kind": "requirement", "require": {"fact": INSTRUMENT, "in": [payload, "S/RES/2803 (2025)"]}}
    compiled = compile_doctrine(make_doctrine([rule]))
    assert "import" not in compiled.source and "S/RES" not in compiled.source
    assert compiled.statuses({INSTRUMENT: payload}) == (RuleStatus.SATISFIED,)
    assert compiled.statuses({INSTRUMENT: "S/RES/1"}) == (RuleStatus.VIOLATED,)


def test_conditions_deeper_than_the_inline_limit_still_equal_the_interpreter() -> None:
    host, parties = "consent.host_state", "consent.all_parties"
    condition: dict[str, Any] = {"fact": host, "is": True}
    for depth in range(MAX_INLINE_DEPTH + 20):
        condition = {"not": condition} if depth % 2 else {"all": [condition, {"known": parties}]}
    doctrine = make_doctrine([{"kind": "requirement", "require": condition}, RED])
    for host_value, parties_value in itertools.product([None, True, False], repeat=2):
        values = {fact: v for fact, v in ((host, host_value), (parties, parties_value)) if v is not None}
        assert_equal(doctrine, values)


def test_compiled_once_per_content() -> None:
    first = load_builtin(builtin_ids()[0])
    again = first.model_copy()  # another object, same content and bound facts
    assert compile_doctrine(first) is compile_doctrine(first)
    assert compile_doctrine(again) is compile_doctrine(first)
    other = make_doctrine([RED, RED | {"kind": "requirement"}])
    assert compile_doctrine(other) is not compile_doctrine(first)


def test_a_modified_copy_is_compiled_anew() -> None:
    """model_copy keeps the original's cached content_hash; the compiled code must follow the rules."""
    doctrine = make_doctrine([RED])
    assert doctrine.content_hash
    consideration = doctrine.rules[0].model_copy(update={"kind": RuleKind.CONSIDERATION})
    weighed = doctrine.model_copy(update={"rules": [consideration]})
    enforcement: dict[str, FactValue] = {"operation.type": "peace_enforcement"}
    assert compile_doctrine(doctrine).verdict(enforcement) is Verdict.DECLINE
    assert compile_doctrine(weighed).verdict(enforcement) is Verdict.ACCEPTABLE
    assert_equal(weighed, enforcement)


def test_a_doctrine_without_rules_is_not_covered() -> None:
    """The model requires rules, but a copy can drop them; the compiled code still agrees."""
    empty = make_doctrine([RED]).model_copy(update={"rules": []})
    assert compile_doctrine(empty).statuses({}) == ()
    assert compile_doctrine(empty).verdict({}) is Verdict.NOT_COVERED
    assert_equal(empty, {})


def test_a_thousand_rules_compile_and_agree() -> None:
    rules = [RED | {"kind": kind} for kind in ("red_line", "requirement", "condition")] * 334
    doctrine = make_doctrine(rules)
    assert_equal(doctrine, {"operation.type": "stabilization"})
    assert_equal(doctrine, {"operation.type": "peace_enforcement", DEPLOYED: True})
