"""The evaluator: rule statuses, verdict order, provisional verdicts, findings and counterfactuals."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate import Doctrine, RuleStatus, Verdict, evaluate
from missiongate.evaluator import rule_findings, satisfying_changes
from missiongate.mission import FactRecord, FactStatus, Mission
from tests.strategies import FACTS, domain, make_doctrine, partial_facts, rules_data

RED = {"kind": "red_line", "require": {"not": {"fact": "operation.type", "is": "peace_enforcement"}}}
REQ = {"kind": "requirement", "require": {"fact": "consent.all_parties", "is": True}}
COND = {
    "kind": "condition",
    "statement": "withdrawal",
    "require": {"fact": "contingent.withdrawal_right", "is": True},
}
CONSIDER = {"kind": "consideration", "require": {"fact": "risk.threat_level", "at_most": "moderate"}}


def verdict(rules: list[dict[str, Any]], values: dict[str, Any]) -> Verdict:
    return evaluate(make_doctrine(rules), values).verdict


def test_red_line_declines_while_other_facts_are_unknown() -> None:
    result = evaluate(make_doctrine([RED, REQ, COND]), {"operation.type": "peace_enforcement"})
    assert result.verdict is Verdict.DECLINE
    assert [o.rule.id for o in result.deciding] == ["R0"]
    assert result.outcome("R1").status is RuleStatus.UNDETERMINED


def test_verdict_order() -> None:
    rules = [RED, REQ, COND, CONSIDER]
    known = {"operation.type": "stabilization", "consent.all_parties": True, "risk.threat_level": "low"}
    # the condition's fact is unknown: to be secured, not a question
    assert verdict(rules, known) is Verdict.ACCEPTABLE_WITH_CONDITIONS
    assert (
        verdict(rules, {**known, "contingent.withdrawal_right": True}) is Verdict.ACCEPTABLE_WITH_CONDITIONS
    )
    assert verdict(rules, {**known, "contingent.withdrawal_right": False}) is Verdict.DECLINE  # refused
    assert verdict([RED, REQ, CONSIDER], known) is Verdict.ACCEPTABLE
    assert verdict(rules, {**known, "consent.all_parties": False}) is Verdict.DECLINE
    assert verdict(rules, {k: v for k, v in known.items() if k != "consent.all_parties"}) is (
        Verdict.CLARIFICATION_REQUIRED
    )


def test_desirable_condition_refused_is_a_stated_risk() -> None:
    result = evaluate(
        make_doctrine([REQ, COND | {"desirable": True}]),
        {"consent.all_parties": True, "contingent.withdrawal_right": False},
    )
    assert result.verdict is Verdict.ACCEPTABLE_WITH_CONDITIONS
    assert [o.rule.id for o in result.risks] == ["R1"]


def test_weighing_consideration_states_a_risk_and_never_decides() -> None:
    values = {"operation.type": "stabilization", "consent.all_parties": True, "risk.threat_level": "severe"}
    result = evaluate(make_doctrine([RED, REQ, CONSIDER]), values)
    assert result.outcome("R2").status is RuleStatus.VIOLATED
    assert result.verdict is Verdict.ACCEPTABLE and [o.rule.id for o in result.risks] == ["R2"]


def test_unknown_weighing_consideration_makes_the_verdict_provisional() -> None:
    values = {"operation.type": "stabilization", "consent.all_parties": True}
    result = evaluate(make_doctrine([RED, REQ, CONSIDER]), values)
    assert result.verdict is Verdict.ACCEPTABLE and result.provisional
    assert [o.rule.id for o in result.pending] == ["R2"]


def test_consideration_levels_decide() -> None:
    values = {"operation.type": "stabilization", "consent.all_parties": True, "risk.threat_level": "severe"}
    declines = CONSIDER | {"decides": "decline"}
    ministerial = CONSIDER | {"decides": "ministerial_decision"}
    assert verdict([RED, REQ, declines], values) is Verdict.DECLINE
    assert verdict([RED, REQ, ministerial], values) is Verdict.MINISTERIAL_DECISION
    without_threat = {k: v for k, v in values.items() if k != "risk.threat_level"}
    assert verdict([RED, REQ, declines], without_threat) is Verdict.CLARIFICATION_REQUIRED
    assert verdict([RED, REQ, ministerial], without_threat) is Verdict.CLARIFICATION_REQUIRED


def test_a_decline_with_the_contingent_deployed_says_withdraw() -> None:
    values = {"operation.type": "stabilization", "consent.all_parties": False, "contingent.deployed": True}
    assert verdict([RED, REQ], values) is Verdict.WITHDRAW
    assert verdict([RED, REQ], {**values, "contingent.deployed": False}) is Verdict.DECLINE


def test_not_covered_when_no_rule_applies() -> None:
    rule = {**REQ, "when": {"fact": "operation.host_region", "is": "arab_world"}}
    assert verdict([rule], {"operation.host_region": "europe"}) is Verdict.NOT_COVERED
    assert verdict([rule], {}) is Verdict.CLARIFICATION_REQUIRED


def test_provisional_when_resting_on_proposed_fact() -> None:
    doctrine = make_doctrine([RED])
    proposed = FactRecord(value="peace_enforcement", status=FactStatus.PROPOSED, source="analyzer")
    mission = Mission(id="m", title="m", facts={"operation.type": proposed})
    result = evaluate(doctrine, mission)
    assert result.verdict is Verdict.DECLINE and result.provisional
    assert result.proposed_facts_used == {"operation.type"}
    confirmed = Mission(id="m", title="m", facts={"operation.type": FactRecord(value="peace_enforcement")})
    assert not evaluate(doctrine, confirmed).provisional


def test_findings_name_the_failing_test_and_alternatives() -> None:
    doctrine = make_doctrine(
        [REQ | {"require": {"all": [REQ["require"], {"fact": "consent.host_state", "is": True}]}}]
    )
    values = {"consent.all_parties": False, "consent.host_state": True}
    rule = doctrine.rules[0]
    findings = rule_findings(rule, values)
    assert [(f.leaf.fact_id, f.truth) for f in findings] == [("consent.all_parties", False)]
    assert satisfying_changes(rule, values) == {"consent.all_parties": [(True, RuleStatus.SATISFIED)]}


def test_alternatives_for_sets_remove_the_offending_member() -> None:
    doctrine = make_doctrine(
        [
            {
                "kind": "red_line",
                "require": {"not": {"fact": "contingent.roles", "contains_any": ["combat_infantry"]}},
            }
        ]
    )
    values = {"contingent.roles": frozenset({"combat_infantry", "medical"})}
    assert satisfying_changes(doctrine.rules[0], values) == {
        "contingent.roles": [(frozenset({"medical"}), RuleStatus.SATISFIED)]
    }


def _decline_rules(doctrine: Doctrine, values: dict[str, Any]) -> set[str]:
    return {o.rule.id for o in evaluate(doctrine, values).deciding}


@settings(max_examples=150, deadline=None)
@given(rules=st.lists(rules_data(), min_size=1, max_size=4), values=partial_facts(), data=st.data())
def test_decline_by_known_facts_survives_any_answer(
    rules: list[dict[str, Any]], values: dict[str, Any], data: st.DataObject
) -> None:
    doctrine = make_doctrine(rules)
    before = evaluate(doctrine, values)
    answered = dict(values)
    for fact in FACTS:
        if fact not in answered and data.draw(st.booleans()):
            answered[fact] = data.draw(st.sampled_from(domain(fact)))
    after = evaluate(doctrine, answered)
    if before.verdict is Verdict.DECLINE:
        assert after.verdict in (Verdict.DECLINE, Verdict.WITHDRAW)
        assert _decline_rules(doctrine, values) <= _decline_rules(doctrine, answered)
    for old, new in zip(before.outcomes, after.outcomes, strict=True):
        if old.status is not RuleStatus.UNDETERMINED:
            assert new.status is old.status


def test_rule_reports_facts_read_and_missing() -> None:
    result = evaluate(
        make_doctrine([REQ | {"require": {"all": [REQ["require"], {"known": "operation.type"}]}}]), {}
    )
    outcome = result.outcomes[0]
    assert outcome.facts_missing == {"consent.all_parties", "operation.type"}
    assert outcome.facts_read == frozenset()
