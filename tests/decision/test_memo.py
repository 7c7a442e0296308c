"""The minister's memo: the recommendation an adviser would give, the options with conditions, risks and
the path to yes, facts with their origins, plain language; withdrawal triggers computed exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from missiongate import Doctrine, evaluate, load_catalogue, load_doctrine
from missiongate.catalogue import ControlledBy
from missiongate.decision import build_memo, path_to_yes, withdrawal_alert, withdrawal_triggers
from missiongate.decision.markdown import memo_markdown
from missiongate.decision.memo import Memo, short_citation
from missiongate.decision.triggers import DEPLOYED
from missiongate.errors import MissionGateError
from missiongate.evaluator import Verdict
from missiongate.mission import Mission
from tests.decision.support import example, fact_ids_in, variant
from tests.doctrine.files import PARLIAMENT, RENEWAL, doctrine_with_steps

DAY = dt.date(2026, 1, 9)


def _memo(doctrine: Doctrine, mission: Mission) -> Memo:
    return build_memo(doctrine, mission, country="Azerbaijan", date=DAY)


def _body(memo: Memo) -> str:
    """The memo before its annex: what the minister reads."""
    return memo_markdown(memo).split("# Annex")[0]


def _options(memo: Memo) -> dict[str, object]:
    return {option.key: option for option in memo.options}


def test_bare_inquiry_recommends_asking_first(azerbaijan: Doctrine) -> None:
    memo = _memo(azerbaijan, example("gaza-isf-inquiry"))
    assert memo.verdict is Verdict.CLARIFICATION_REQUIRED
    assert memo.recommendation.startswith("Make no commitment yet. Send the note verbale")
    assert f"{memo.questions} questions" in memo.recommendation
    offer = next(o for o in memo.options if o.key == "conditions")
    assert offer.recommended and offer.conditions and offer.path
    assert [o.key for o in memo.options] == ["decline", "conditions", "role"]


def test_peace_enforcement_recommends_declining_with_what_would_change_it(azerbaijan: Doctrine) -> None:
    memo = _memo(azerbaijan, example("gaza-isf-peace-enforcement"))
    assert memo.verdict is Verdict.DECLINE
    assert memo.recommendation.startswith("Decline.")
    assert (
        "no participation in peace enforcement (type of operation: Peace enforcement)" in memo.recommendation
    )
    assert "courteous note" in memo.recommendation
    decline = next(o for o in memo.options if o.key == "decline")
    offer = next(o for o in memo.options if o.key == "conditions")
    assert decline.recommended and not offer.recommended
    council = next(line for line in offer.path if line.startswith("The Security Council (the mandate): "))
    assert "type of operation: Observer mission" in council and "(now Peace enforcement)" in council


def test_a_combat_role_declines_and_another_role_is_offered(azerbaijan: Doctrine) -> None:
    mission = variant("site-protection-chapter7", contingent__roles=["combat_infantry"])
    memo = _memo(azerbaijan, mission)
    assert memo.verdict is Verdict.DECLINE
    role = next(o for o in memo.options if o.key == "role")
    assert role.available and role.recommended
    assert "the role of protection of strategic sites" in role.summary
    assert "Another role would change this" in memo.recommendation


def test_site_protection_on_accepted_terms_recommends_offering(azerbaijan: Doctrine) -> None:
    memo = _memo(azerbaijan, example("site-protection-chapter7"))
    assert memo.verdict is Verdict.ACCEPTABLE_WITH_CONDITIONS
    assert memo.recommendation.startswith("Offer a contribution")
    role = next(o for o in memo.options if o.key == "role")
    assert not role.available
    facts = [fact for group in memo.facts for fact in group.facts]
    assert "National caveats accepted: yes" in facts and "Consent of the host state: yes" not in facts


def test_the_memo_body_is_plain_language(azerbaijan: Doctrine) -> None:
    for name in ("gaza-isf-inquiry", "gaza-isf-peace-enforcement", "site-protection-chapter7"):
        body = _body(_memo(azerbaijan, example(name)))
        assert fact_ids_in(body) == set(), name
        assert "Requires:" not in body and " and (" not in body, name


def test_facts_carry_their_origin(azerbaijan: Doctrine) -> None:
    memo = _memo(azerbaijan, example("gaza-isf-peace-enforcement"))
    group = next(g for g in memo.facts if "Type of operation: Peace enforcement" in g.facts)
    assert "Requesting government (example)" in group.origin and "10 February 2026" in group.origin
    assert group.settled


def test_unconfirmed_facts_come_first_and_say_so(azerbaijan: Doctrine) -> None:
    memo = _memo(azerbaijan, example("gaza-isf-2803"))
    assert memo.provisional
    assert not memo.facts[0].settled and "public reporting" in memo.facts[0].origin


@pytest.mark.parametrize("name", ["gaza-isf-peace-enforcement", "realistic/unifil-2006-hard-terms"])
def test_stated_positions_and_interpretations_are_told_apart(azerbaijan: Doctrine, name: str) -> None:
    memo = _memo(azerbaijan, example(name))
    stated = {rule: g.source for g in memo.stated for rule in g.rules}
    read = {rule: g.source for g in memo.interpretations for rule in g.rules}
    deciding = {o.rule.title for o in evaluate(azerbaijan, example(name)).deciding}
    assert deciding <= set(stated) | set(read)
    for rule in azerbaijan.rules:
        if rule.title in stated:
            assert rule.basis.value == "stated"
            assert stated[rule.title].startswith(azerbaijan.sources_by_id[rule.source.document].citation[:20])
        if rule.title in read:
            assert rule.basis.value == "interpretation"
            if rule.informed_by:
                cited = azerbaijan.sources_by_id[rule.informed_by.document].citation
                assert read[rule.title] == "reading of " + short_citation(
                    azerbaijan.sources_by_id[rule.informed_by.document]
                )
                assert cited.startswith(read[rule.title].removeprefix("reading of ").split(",")[0])
            else:
                assert read[rule.title] == "the ministry's own reading, of no public statement"
    assert "No participation in peace enforcement" in stated or name != "gaza-isf-peace-enforcement"


def test_the_annex_is_the_rule_by_rule_report(azerbaijan: Doctrine) -> None:
    text = memo_markdown(_memo(azerbaijan, example("gaza-isf-inquiry")))
    annex = text.split("# Annex B: the rule-by-rule report")[1]
    assert all(rule.title in annex for rule in azerbaijan.rules)
    assert "#### A1 — No participation in peace enforcement" in annex


# --- withdrawal triggers -------------------------------------------------------------------------------


def test_withdrawal_triggers_are_exactly_the_single_changes_that_require_withdrawal(
    azerbaijan: Doctrine,
) -> None:
    catalogue = load_catalogue()
    values = {**example("site-protection-chapter7").values, DEPLOYED: True}
    triggers = {t.fact: set(t.values) for t in withdrawal_triggers(azerbaijan, values, catalogue)}
    assert {"consent.host_state", "consent.all_parties", "operation.type"} <= set(triggers)
    read = set().union(*(rule.facts for rule in azerbaijan.rules))
    for fact in catalogue.facts:
        if fact.id not in read or fact.controlled_by is ControlledBy.CONTRIBUTOR or not fact.values:
            continue
        for value in fact.value_ids:
            if fact.type.value == "set" or value == values.get(fact.id):
                continue
            withdraws = evaluate(azerbaijan, {**values, fact.id: value}).verdict is Verdict.WITHDRAW
            assert withdraws == (value in triggers.get(fact.id, set())), (fact.id, value)
    for fact_id in ("consent.host_state", "legal.sofa"):
        assert (False in triggers.get(fact_id, set())) == (
            evaluate(azerbaijan, {**values, fact_id: False}).verdict is Verdict.WITHDRAW
        )


def test_a_case_that_already_requires_withdrawal_has_no_triggers(azerbaijan: Doctrine) -> None:
    values = {**example("site-protection-chapter7").values, DEPLOYED: True, "consent.host_state": False}
    assert withdrawal_triggers(azerbaijan, values, load_catalogue()) == []


def test_the_memo_lists_the_withdrawal_triggers(azerbaijan: Doctrine) -> None:
    memo = _memo(azerbaijan, example("site-protection-chapter7"))
    assert "Consent of the host state: no longer the case" in memo.triggers
    assert "Type of operation: Peace enforcement" in memo.triggers


def test_a_change_on_a_deployed_case_raises_an_alert(azerbaijan: Doctrine) -> None:
    before = {**example("site-protection-chapter7").values, DEPLOYED: True}
    catalogue = load_catalogue()
    alert = withdrawal_alert(azerbaijan, before, {**before, "consent.host_state": False}, catalogue)
    assert alert is not None and alert.facts == ("consent.host_state",)
    assert alert.text.startswith("Withdrawal required: Consent of the host state: no")
    assert withdrawal_alert(azerbaijan, before, {**before, "contingent.size": 40}, catalogue) is None
    undeployed = {**before, DEPLOYED: False}
    assert (
        withdrawal_alert(azerbaijan, undeployed, {**undeployed, "consent.host_state": False}, catalogue)
        is None
    )


def test_path_to_yes_says_who_would_make_each_change(azerbaijan: Doctrine) -> None:
    way = path_to_yes(azerbaijan, example("realistic/unifil-2006-hard-terms"))
    assert not way.by_terms and way.changes > 0
    lead, world = way.lines
    assert lead.startswith("The requesting party or the lead: national control retained: yes (now no)")
    assert world == (
        "Circumstances no one controls: threat level in the area of operations: Moderate or Low (now Severe)"
    )
    assert path_to_yes(azerbaijan, example("site-protection-chapter7")).lines == ()


# --- domestic steps and the timeline ---------------------------------------------------------------------


def test_domestic_steps_show_where_the_case_stands(tmp_path: Path) -> None:
    doctrine = load_doctrine(doctrine_with_steps(tmp_path / "doctrine.yaml", [PARLIAMENT, RENEWAL]))
    mission = variant(
        "site-protection-chapter7", request__date="2025-11-20", domestic__parliamentary_approval=False
    )
    memo = _memo(doctrine, mission)
    parliament, renewal = memo.steps
    assert parliament.status == "not yet taken" and parliament.overdue
    assert parliament.deadline == "within 30 days of the request (by 20 December 2025)"
    assert renewal.deadline == "60 days before the mandate ends (by 1 November 2027)"
    assert renewal.status == "not recorded" and not renewal.overdue
    assert memo.timeline[0].startswith("The mandate ends on 31 December 2027 (721 days from today)")
    assert (
        "- Approval by the Milli Majlis — the Milli Majlis, before the contingent deploys; within 30 days of "
        "the request (by 20 December 2025): not yet taken **overdue** (President of the Republic"
    ) in memo_markdown(memo)
    taken = _memo(doctrine, variant("site-protection-chapter7", domestic__parliamentary_approval=True))
    assert taken.steps[0].status == "taken" and not taken.steps[0].overdue


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"done_when": "no.such_fact"}, "unknown fact 'no.such_fact'"),
        ({"done_when": "contingent.size"}, "is not a yes/no fact"),
        ({"when": "someday"}, "domestic_steps.0.when"),
        ({"source": {"document": "nowhere"}}, "source 'nowhere' is not listed"),
    ],
)
def test_bad_domestic_steps_are_refused_with_one_line(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    with pytest.raises(MissionGateError, match=message):
        load_doctrine(doctrine_with_steps(tmp_path / "doctrine.yaml", [{**PARLIAMENT, **change}]))


def test_duplicate_domestic_step_ids_are_refused(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="duplicate domestic step id"):
        load_doctrine(doctrine_with_steps(tmp_path / "doctrine.yaml", [PARLIAMENT, PARLIAMENT]))
