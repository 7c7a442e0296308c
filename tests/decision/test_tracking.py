"""What answering one of our conditions sets: the values that accept or refuse it, amendments the doctrine
refuses, and later values that contradict a condition on record (decision/tracking.py)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from missiongate import Catalogue, Doctrine
from missiongate.catalogue import FactValue
from missiongate.decision.tracking import (
    ConditionState,
    assignments,
    check_amendment,
    coerce_values,
    condition_rule,
    contradicted,
    settling_values,
)
from missiongate.errors import MissionGateError, NotFoundError
from missiongate.evaluator import VERDICT_RANK, RuleStatus, evaluate, rule_status
from tests.strategies import make_doctrine, partial_facts, rules_data

ACCEPTED, REFUSED, AMENDED, STATED = (
    ConditionState.ACCEPTED,
    ConditionState.REFUSED,
    ConditionState.AMENDED,
    ConditionState.STATED,
)


def test_a_yes_no_condition_has_one_way_to_be_accepted_and_one_to_be_refused(
    azerbaijan: Doctrine, catalogue: Catalogue
) -> None:
    caveats = condition_rule(azerbaijan, "C1")
    assert settling_values(caveats, ACCEPTED, {}, {}, catalogue) == {"contingent.caveats_accepted": True}
    assert settling_values(caveats, REFUSED, {}, {}, catalogue) == {"contingent.caveats_accepted": False}
    detention = condition_rule(azerbaijan, "C8")  # demands that the operation detains no one
    assert settling_values(detention, REFUSED, {}, {}, catalogue) == {"operation.detention": True}
    assert settling_values(caveats, STATED, {}, {}, catalogue) == {}


def test_a_composite_condition_is_accepted_whole_but_its_refusal_needs_the_values(
    azerbaijan: Doctrine, catalogue: Catalogue
) -> None:
    exit_and_review = condition_rule(azerbaijan, "C9")  # all: exit strategy defined, review mechanism
    accepted = settling_values(exit_and_review, ACCEPTED, {}, {}, catalogue)
    assert accepted == {"exit.strategy_defined": True, "mandate.review_mechanism": True}
    assert len(assignments(exit_and_review, False, catalogue)) == 3
    with pytest.raises(MissionGateError, match="can be refused in several ways: give the value"):
        settling_values(exit_and_review, REFUSED, {}, {}, catalogue)
    refused = settling_values(exit_and_review, REFUSED, {}, {"exit.strategy_defined": False}, catalogue)
    assert refused == {"exit.strategy_defined": False}
    with pytest.raises(MissionGateError, match="do not leave condition C9 refused"):
        settling_values(exit_and_review, REFUSED, {}, {"exit.strategy_defined": True}, catalogue)


def test_values_already_meeting_a_condition_are_recorded_again(
    azerbaijan: Doctrine, catalogue: Catalogue
) -> None:
    rule = condition_rule(azerbaijan, "C9")
    known: dict[str, FactValue] = {"exit.strategy_defined": False, "mandate.review_mechanism": True}
    assert settling_values(rule, REFUSED, known, {}, catalogue) == known


def test_an_answer_keeps_what_is_known_where_it_can(azerbaijan: Doctrine, catalogue: Catalogue) -> None:
    rule = condition_rule(azerbaijan, "C9")
    exit_known: dict[str, FactValue] = {"exit.strategy_defined": True}
    refused = settling_values(rule, REFUSED, exit_known, {}, catalogue)
    assert refused == {"exit.strategy_defined": True, "mandate.review_mechanism": False}
    exit_missing: dict[str, FactValue] = {"exit.strategy_defined": False}
    accepted = settling_values(rule, ACCEPTED, exit_missing, {}, catalogue)  # changes what it must
    assert accepted == {"exit.strategy_defined": True, "mandate.review_mechanism": True}


def test_bad_values_and_states_are_refused(azerbaijan: Doctrine, catalogue: Catalogue) -> None:
    rule = condition_rule(azerbaijan, "C1")
    with pytest.raises(NotFoundError, match="no condition 'A1'"):
        condition_rule(azerbaijan, "A1")  # a red line, not a condition
    with pytest.raises(MissionGateError, match=r"reads contingent\.caveats_accepted, not 'legal\.sofa'"):
        coerce_values(rule, {"legal.sofa": True}, catalogue)
    with pytest.raises(MissionGateError, match=r"contingent\.caveats_accepted: 'perhaps' is not yes/no"):
        coerce_values(rule, {"contingent.caveats_accepted": "perhaps"}, catalogue)
    assert coerce_values(rule, {"contingent.caveats_accepted": "yes"}, catalogue) == {
        "contingent.caveats_accepted": True
    }
    with pytest.raises(MissionGateError, match="stating a condition sets no fact"):
        settling_values(rule, STATED, {}, {"contingent.caveats_accepted": True}, catalogue)
    with pytest.raises(MissionGateError, match="give the amended terms as values"):
        settling_values(rule, AMENDED, {}, {}, catalogue)


def test_an_amendment_failing_the_condition_is_refused(azerbaijan: Doctrine) -> None:
    rule = condition_rule(azerbaijan, "C6")
    before: dict[str, FactValue] = {}
    with pytest.raises(
        MissionGateError, match=r"fail condition C6 .*the doctrine refuses this: record it as"
    ):
        check_amendment(azerbaijan, rule, before, {"risk.medical_evacuation": False})
    check_amendment(azerbaijan, rule, before, {"risk.medical_evacuation": True})


def test_a_later_value_contradicts_a_condition_on_record_only_if_it_makes_it_fail(
    azerbaijan: Doctrine,
) -> None:
    before: dict[str, FactValue] = {"contingent.caveats_accepted": True}
    after: dict[str, FactValue] = {"contingent.caveats_accepted": False}
    for state in ("stated", "accepted", "amended"):
        assert [r.id for r in contradicted(azerbaijan, {"C1": state}, before, after)] == ["C1"]
    assert contradicted(azerbaijan, {"C1": "refused"}, before, after) == []
    assert contradicted(azerbaijan, {"C1": "accepted"}, after, after) == []  # failing already
    assert contradicted(azerbaijan, {"C1": "accepted"}, before, {}) == []  # removed: undetermined
    assert contradicted(azerbaijan, {"C1": "accepted"}, before, after, skip=["C1"]) == []
    assert contradicted(azerbaijan, {"A1": "accepted", "gone": "stated"}, before, after) == []


def _alone(doctrine: Doctrine, rule_id: str) -> bool:
    """The condition's demand reads facts no other rule (nor its own `when`) reads."""
    rule = doctrine.rules_by_id[rule_id]
    demand = rule.require.facts()
    others = [r.facts for r in doctrine.rules if r.id != rule_id]
    when = rule.when.facts() if rule.when is not None else frozenset()
    return not demand & when and not any(demand & facts for facts in others)


CONDITION = rules_data().map(
    lambda r: {**{k: v for k, v in r.items() if k != "decides"}, "kind": "condition"}
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(condition=CONDITION, others=st.lists(rules_data(), max_size=3), values=partial_facts())
def test_accepting_never_worsens_the_verdict_and_refusing_never_improves_it(
    condition: dict[str, Any],
    others: list[dict[str, Any]],
    values: dict[str, FactValue],
    catalogue: Catalogue,
) -> None:
    doctrine = make_doctrine([condition, *others])
    rule = doctrine.rules[0]
    assume(_alone(doctrine, rule.id) and rule_status(rule, values) is not RuleStatus.NOT_APPLICABLE)
    before = VERDICT_RANK[evaluate(doctrine, values).verdict]
    tried = 0
    for state, better in ((ACCEPTED, True), (REFUSED, False)):
        try:
            settled = settling_values(rule, state, values, {}, catalogue)
        except MissionGateError:
            continue  # several ways, or values not from a list: the user is asked for them
        tried += 1
        after_values = {**values, **settled}
        assert rule.require.evaluate(after_values) is better
        after = VERDICT_RANK[evaluate(doctrine, after_values).verdict]
        assert after >= before if better else after <= before
    assume(tried)
