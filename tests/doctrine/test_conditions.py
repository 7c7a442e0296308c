"""Kleene logic of condition trees: truth tables, laws and monotonicity."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.doctrine.conditions import Condition, Truth
from missiongate.doctrine.model import Rule
from tests.strategies import FACTS, condition_trees, domain, make_doctrine, partial_facts

A, B = "consent.host_state", "consent.all_parties"
TRUTHS: list[Truth] = [True, False, None]


def bound(tree: dict[str, Any]) -> Condition:
    rule: Rule = make_doctrine([{"kind": "requirement", "require": tree}]).rules[0]
    return rule.require


def facts_for(a: Truth, b: Truth) -> dict[str, bool]:
    return {k: v for k, v in ((A, a), (B, b)) if v is not None}


def kleene_and(a: Truth, b: Truth) -> Truth:
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def kleene_or(a: Truth, b: Truth) -> Truth:
    if a is True or b is True:
        return True
    return None if a is None or b is None else False


LEAF_A, LEAF_B = {"fact": A, "is": True}, {"fact": B, "is": True}


def test_truth_tables_match_kleene() -> None:
    conj, disj, neg = (
        bound({"all": [LEAF_A, LEAF_B]}),
        bound({"any": [LEAF_A, LEAF_B]}),
        bound({"not": LEAF_A}),
    )
    for a in TRUTHS:
        for b in TRUTHS:
            values = facts_for(a, b)
            assert conj.evaluate(values) is kleene_and(a, b)
            assert disj.evaluate(values) is kleene_or(a, b)
        assert neg.evaluate(facts_for(a, None)) is (None if a is None else not a)


def test_unknown_fact_is_undetermined_not_false() -> None:
    assert bound({"fact": "operation.type", "is": "peace_enforcement"}).evaluate({}) is None
    assert bound({"known": "operation.type"}).evaluate({}) is None
    assert bound({"known": "operation.type"}).evaluate({"operation.type": "stabilization"}) is True


@settings(max_examples=150, deadline=None)
@given(tree=condition_trees(), values=partial_facts())
def test_de_morgan_and_double_negation(tree: dict[str, Any], values: dict[str, Any]) -> None:
    if "all" in tree or "any" in tree:
        op, dual = ("all", "any") if "all" in tree else ("any", "all")
        negated = bound({"not": tree}).evaluate(values)
        assert negated == bound({dual: [{"not": child} for child in tree[op]]}).evaluate(values)
    assert bound({"not": {"not": tree}}).evaluate(values) == bound(tree).evaluate(values)


@settings(max_examples=150, deadline=None)
@given(x=condition_trees(), y=condition_trees(), values=partial_facts())
def test_commutative_and_idempotent(x: dict[str, Any], y: dict[str, Any], values: dict[str, Any]) -> None:
    for op in ("all", "any"):
        assert bound({op: [x, y]}).evaluate(values) == bound({op: [y, x]}).evaluate(values)
        assert bound({op: [x, x]}).evaluate(values) == bound(x).evaluate(values)


@settings(max_examples=200, deadline=None)
@given(tree=condition_trees(), values=partial_facts(), data=st.data())
def test_monotone_learning_never_flips_a_settled_condition(
    tree: dict[str, Any], values: dict[str, Any], data: st.DataObject
) -> None:
    condition = bound(tree)
    before = condition.evaluate(values)
    learnt = dict(values)
    for fact in FACTS:
        if fact not in learnt and data.draw(st.booleans()):
            learnt[fact] = data.draw(st.sampled_from(domain(fact)))
    after = condition.evaluate(learnt)
    if before is not None:
        assert after is before


def test_complete_knowledge_gives_two_values() -> None:
    condition = bound({"all": [{"fact": "risk.threat_level", "at_most": "moderate"}, {"not": LEAF_A}]})
    for threat in domain("risk.threat_level"):
        for a in (True, False):
            assert condition.evaluate({"risk.threat_level": threat, A: a}) in (True, False)


def test_ordered_and_set_operators() -> None:
    at_most = bound({"fact": "risk.threat_level", "at_most": "moderate"})
    assert at_most.evaluate({"risk.threat_level": "low"}) is True
    assert at_most.evaluate({"risk.threat_level": "high"}) is False
    within = bound({"fact": "contingent.roles", "within": ["medical", "logistics"]})
    assert within.evaluate({"contingent.roles": frozenset({"medical"})}) is True
    assert within.evaluate({"contingent.roles": frozenset({"medical", "combat_infantry"})}) is False
    contains_all = bound({"fact": "regional.endorsements", "contains_all": ["arab_league", "oic"]})
    assert contains_all.evaluate({"regional.endorsements": frozenset({"oic"})}) is False
    integer = bound({"fact": "contingent.size", "at_least": 100})
    assert integer.evaluate({"contingent.size": 150}) is True
    dates = bound({"fact": "mandate.end_date", "at_most": "2027-12-31"})
    import datetime as dt

    assert dates.evaluate({"mandate.end_date": dt.date(2028, 1, 1)}) is False
