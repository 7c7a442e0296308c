"""The examples shipped in the repository give the verdicts the core issue promises."""

from __future__ import annotations

from pathlib import Path

from missiongate import Doctrine, Verdict, assess, load_mission


def test_first_inquiry_asks_more_than_twenty_questions(azerbaijan: Doctrine, examples_dir: Path) -> None:
    assessment, questionnaire = assess(azerbaijan, load_mission(examples_dir / "gaza-isf-inquiry.yaml"))
    assert assessment.verdict is Verdict.CLARIFICATION_REQUIRED
    assert len(questionnaire.questions) > 20


def test_peace_enforcement_is_declined_citing_the_red_line(azerbaijan: Doctrine, examples_dir: Path) -> None:
    assessment, _ = assess(azerbaijan, load_mission(examples_dir / "gaza-isf-peace-enforcement.yaml"))
    assert assessment.verdict is Verdict.DECLINE
    assert [o.rule.id for o in assessment.deciding] == ["A1"]
    assert assessment.deciding[0].rule.kind == "red_line"


def test_site_protection_with_caveats_is_not_declined(azerbaijan: Doctrine, examples_dir: Path) -> None:
    assessment, _ = assess(azerbaijan, load_mission(examples_dir / "site-protection-chapter7.yaml"))
    assert assessment.verdict is not Verdict.DECLINE
    assert assessment.verdict is Verdict.ACCEPTABLE_WITH_CONDITIONS


def test_consent_based_observer_mission_passes_the_un_baseline(examples_dir: Path) -> None:
    from missiongate import load_builtin

    assessment, _ = assess(
        load_builtin("un-principles"), load_mission(examples_dir / "observer-mission-consent.yaml")
    )
    assert assessment.verdict is Verdict.ACCEPTABLE
