"""The questionnaire for the Gaza inquiry: more than 20 relevant questions, ranked, grouped, numbered."""

from __future__ import annotations

from pathlib import Path

from missiongate import Doctrine, build_questionnaire, load_mission
from missiongate.questionnaire.build import KIND_WEIGHT


def test_bare_inquiry_has_more_than_twenty_grouped_questions(
    azerbaijan: Doctrine, examples_dir: Path
) -> None:
    questionnaire = build_questionnaire(azerbaijan, load_mission(examples_dir / "gaza-isf-inquiry.yaml"))
    assert len(questionnaire.questions) > 20
    assert [q.number for q in questionnaire.questions] == list(range(1, len(questionnaire.questions) + 1))
    groups = questionnaire.groups()
    assert len(groups) >= 8
    numbers = [q.number for _, questions in groups for q in questions]
    assert numbers == sorted(numbers)  # numbering follows the grouping
    known = {"request.requesting_party", "mandate.instrument", "mandate.authority"}
    assert not known & set(questionnaire.facts)


def test_ranking_puts_red_line_questions_first(azerbaijan: Doctrine) -> None:
    questionnaire = build_questionnaire(azerbaijan, {})
    first = questionnaire.questions[0]
    assert first.could_decline
    assert first.impact >= KIND_WEIGHT[azerbaijan.rules_by_id["A1"].kind]
    impacts = [q.impact for q in questionnaire.questions if q.theme_label == first.theme_label]
    assert impacts == sorted(impacts, reverse=True)


def test_internal_facts_are_not_put_to_the_requesting_party(catalogue) -> None:  # type: ignore[no-untyped-def]
    from tests.strategies import make_doctrine

    doctrine = make_doctrine(
        [{"kind": "requirement", "require": {"fact": "position.consent_given", "is": True}}]
    )
    questionnaire = build_questionnaire(doctrine, {})
    assert questionnaire.questions == ()
    assert [f.id for f in questionnaire.internal] == ["position.consent_given"]


def test_answers_shrink_the_questionnaire(azerbaijan: Doctrine) -> None:
    before = build_questionnaire(azerbaijan, {})
    after = build_questionnaire(
        azerbaijan, {"operation.type": "stabilization", "contingent.combat_operations": False}
    )
    assert len(after.questions) < len(before.questions)
    assert "operation.type" not in after.facts


def test_unreviewed_proposals_never_change_the_questions() -> None:
    """Facts proposed by document analysis count only once an analyst accepts them."""
    from missiongate.doctrine import load_doctrine
    from missiongate.mission import FactRecord, FactStatus, Mission

    doctrine = load_doctrine("azerbaijan")
    bare = Mission(id="m", title="m")
    proposed = Mission(
        id="m",
        title="m",
        facts={"operation.type": FactRecord(value="stabilization", status=FactStatus.PROPOSED)},
    )
    accepted = Mission(id="m", title="m", facts={"operation.type": FactRecord(value="stabilization")})
    assert build_questionnaire(doctrine, proposed).facts == build_questionnaire(doctrine, bare).facts
    assert "operation.type" not in build_questionnaire(doctrine, accepted).facts
