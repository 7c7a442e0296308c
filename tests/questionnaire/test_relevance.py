"""The questionnaire asks exactly the facts whose answer can change the verdict (checked by brute force).

The question outcome is the verdict on every rule but our conditions (stated, never asked), with the status
of each weighing consideration unless the verdict declines (docs/semantics.md).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate import evaluate
from missiongate.catalogue import FactValue
from missiongate.doctrine import Doctrine
from missiongate.doctrine.model import RuleKind
from missiongate.evaluator import Verdict, decide
from missiongate.questionnaire.build import build_questionnaire
from missiongate.questionnaire.relevance import relevant, relevant_facts, representatives
from tests.strategies import FACTS, domain, extensions, make_doctrine, partial_facts, rules_data


def question_outcome(doctrine: Doctrine, values: dict[str, FactValue]) -> tuple[Any, ...]:
    outcomes = tuple(o for o in evaluate(doctrine, values).outcomes if o.rule.kind is not RuleKind.CONDITION)
    verdict, _ = decide(outcomes)
    if verdict in (Verdict.DECLINE, Verdict.WITHDRAW):
        return ("DECLINE",)
    weighed = frozenset(
        (o.rule.id, o.status)
        for o in outcomes
        if o.rule.kind is RuleKind.CONSIDERATION and o.rule.decides is None
    )
    return (verdict, weighed)


def brute_force_relevant(doctrine: Doctrine, values: dict[str, FactValue], fact: str) -> bool:
    """Are there answers to other questions after which some answer to `fact` changes the outcome?"""
    read = {f for rule in doctrine.rules if rule.kind is not RuleKind.CONDITION for f in rule.facts}
    others = [f for f in FACTS if f not in values and f != fact and f in read]
    for extended in extensions(values, others):
        before = question_outcome(doctrine, extended)
        if any(question_outcome(doctrine, {**extended, fact: v}) != before for v in domain(fact)):
            return True
    return False


def assert_asked_iff_relevant(rules: list[dict[str, Any]], values: dict[str, FactValue]) -> None:
    doctrine = make_doctrine(rules)
    asked = set(relevant(doctrine, values))
    assert not asked & set(values)
    if evaluate(doctrine, values).verdict in (Verdict.DECLINE, Verdict.WITHDRAW):
        assert not asked  # declined by known facts, a condition refused included: nothing to ask
        return
    for fact in set(FACTS) - set(values):
        assert (fact in asked) == brute_force_relevant(doctrine, values, fact), fact


@settings(max_examples=400, deadline=None)
@given(rules=st.lists(rules_data(), min_size=1, max_size=3), values=partial_facts())
def test_a_question_is_asked_iff_its_answer_can_change_the_verdict(
    rules: list[dict[str, Any]], values: dict[str, FactValue]
) -> None:
    assert_asked_iff_relevant(rules, values)


@settings(max_examples=200, deadline=None)
@given(rules=st.lists(rules_data(read_once=True), min_size=1, max_size=4), values=partial_facts())
def test_exact_for_independent_read_once_rules(rules: list[dict[str, Any]], values: dict[str, Any]) -> None:
    assert_asked_iff_relevant(rules, values)


@settings(max_examples=100, deadline=None)
@given(rules=st.lists(rules_data(), min_size=1, max_size=4), values=partial_facts())
def test_clarification_always_comes_with_questions(
    rules: list[dict[str, Any]], values: dict[str, Any]
) -> None:
    doctrine = make_doctrine(rules)
    result = evaluate(doctrine, values)
    if result.verdict is Verdict.CLARIFICATION_REQUIRED:
        assert relevant(doctrine, values)
    if result.verdict in (Verdict.DECLINE, Verdict.WITHDRAW):
        assert not relevant(doctrine, values)


def test_a_declined_case_asks_nothing() -> None:
    doctrine = make_doctrine(
        [
            {"kind": "red_line", "require": {"fact": "operation.offensive_operations", "is": False}},
            {"kind": "requirement", "require": {"fact": "consent.host_state", "is": True}},
        ]
    )
    assert set(relevant(doctrine, {})) == {"operation.offensive_operations", "consent.host_state"}
    assert relevant(doctrine, {"operation.offensive_operations": True}) == {}


def test_conditions_are_stated_not_asked() -> None:
    doctrine = make_doctrine(
        [
            {"kind": "requirement", "require": {"fact": "consent.host_state", "is": True}},
            {
                "kind": "condition",
                "statement": "caveats",
                "require": {"fact": "contingent.caveats_accepted", "is": True},
            },
        ]
    )
    questionnaire = build_questionnaire(doctrine, {})
    assert questionnaire.facts == ["consent.host_state"]
    assert [rule.id for rule in questionnaire.conditions] == ["R1"]


def test_a_set_with_twenty_named_values_stays_small() -> None:
    """Representatives grow with the classes of named values, not with every subset of them."""
    values = ["TransJustice", "CivProtect", "HumanRights", "ChildRights", "SGBViolence", "PoliceReform",
              "MilitaryReform", "Demil", "OffensOper", "JusticeReform", "CorrectionsReform", "BorderControl",
              "Demining", "Resources", "StateAuthority", "Democratization", "ElectSec", "ElectAssist",
              "VoterEducation", "PolPartyAssist"]  # fmt: skip
    doctrine = make_doctrine(
        [{"kind": "requirement", "require": {"fact": "operation.tasks", "within": values}}]
    )
    leaves = list(doctrine.rules[0].require.leaves())
    assert len(representatives("operation.tasks", leaves)) <= 8
    assert set(relevant(doctrine, {})) == {"operation.tasks"}


def test_settled_rules_ask_nothing() -> None:
    doctrine = make_doctrine(
        [
            {
                "kind": "red_line",
                "require": {
                    "any": [
                        {"fact": "consent.host_state", "is": True},
                        {"fact": "consent.all_parties", "is": True},
                    ]
                },
            }
        ]
    )
    assert relevant_facts(doctrine.rules[0], {"consent.host_state": True}) == set()
    assert relevant_facts(doctrine.rules[0], {"consent.host_state": False}) == {"consent.all_parties"}


def test_known_only_leaf_that_cannot_fail_is_not_asked_when_sibling_can_never_hold() -> None:
    # all(known a, not(known b)): the rule can only ever fail, through b; a's answer never matters.
    doctrine = make_doctrine(
        [
            {
                "kind": "requirement",
                "require": {
                    "all": [{"known": "consent.host_state"}, {"not": {"known": "consent.all_parties"}}]
                },
            }
        ]
    )
    assert relevant_facts(doctrine.rules[0], {}) == {"consent.all_parties"}
