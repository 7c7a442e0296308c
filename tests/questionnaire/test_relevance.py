"""A question is asked iff some answer to it can change a rule's status (checked by brute force)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate import RuleStatus, evaluate
from missiongate.catalogue import FactValue
from missiongate.doctrine.model import Rule
from missiongate.evaluator import Verdict, rule_status
from missiongate.questionnaire.build import open_questions
from missiongate.questionnaire.relevance import relevant_facts
from tests.strategies import FACTS, domain, extensions, make_doctrine, partial_facts, rules_data


def brute_force_relevant(rule: Rule, values: dict[str, FactValue], fact: str) -> bool:
    """Is there a way of answering other questions after which some answer to `fact` settles the rule?"""
    others = [f for f in FACTS if f not in values and f != fact and f in rule.facts]
    for extended in extensions(values, others):
        if rule_status(rule, extended) is not RuleStatus.UNDETERMINED:
            continue
        for value in domain(fact):
            if rule_status(rule, {**extended, fact: value}) is not RuleStatus.UNDETERMINED:
                return True
    return False


def assert_asked_iff_relevant(rule: dict[str, Any], values: dict[str, FactValue]) -> None:
    parsed = make_doctrine([rule]).rules[0]
    asked = relevant_facts(parsed, values)
    assert not asked & set(values)
    for fact in parsed.facts - set(values):
        assert (fact in asked) == brute_force_relevant(parsed, values, fact), fact


@settings(max_examples=150, deadline=None)
@given(rule=rules_data(), values=partial_facts())
def test_a_question_is_asked_iff_some_answer_can_change_the_rule(
    rule: dict[str, Any], values: dict[str, FactValue]
) -> None:
    assert_asked_iff_relevant(rule, values)


@settings(max_examples=150, deadline=None)
@given(rule=rules_data(read_once=True), values=partial_facts())
def test_structural_analysis_is_exact_for_read_once_rules(
    rule: dict[str, Any], values: dict[str, Any]
) -> None:
    assert_asked_iff_relevant(rule, values)


@settings(max_examples=100, deadline=None)
@given(rules=st.lists(rules_data(), min_size=1, max_size=4), values=partial_facts())
def test_clarification_always_comes_with_questions(
    rules: list[dict[str, Any]], values: dict[str, Any]
) -> None:
    doctrine = make_doctrine(rules)
    result = evaluate(doctrine, values)
    questions = open_questions(doctrine, values)
    if result.verdict is Verdict.CLARIFICATION_REQUIRED:
        assert questions
    undetermined = {o.rule.id for o in result.outcomes if o.status is RuleStatus.UNDETERMINED}
    asked_rules = {rule_id for rules_, _, _ in questions.values() for rule_id in rules_}
    assert asked_rules == undetermined


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
