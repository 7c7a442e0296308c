"""Answers in every supported form are merged with provenance; bad answer files change nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from missiongate import FactStatus, MissionGateError, evaluate, load_builtin, load_mission
from missiongate.questionnaire.answers import merge_answers, read_answers
from missiongate.questionnaire.xlsform import field_name


@pytest.fixture
def mission_path(tmp_path: Path, examples_dir: Path) -> Path:
    return Path(shutil.copy(examples_dir / "gaza-isf-inquiry.yaml", tmp_path / "mission.yaml"))


def test_yaml_answers_merge_with_who_and_when(mission_path: Path, examples_dir: Path) -> None:
    mission = load_mission(mission_path)
    answers = read_answers(examples_dir / "answers" / "gaza-first-answers.yaml")
    updated, changes = merge_answers(mission, answers)
    record = updated.facts["operation.type"]
    assert record.value == "peace_enforcement" and record.status is FactStatus.CONFIRMED
    assert record.answered_by == "Requesting government (example)" and record.date == dt.date(2026, 2, 10)
    assert record.channel == "diplomatic note"
    assert updated.facts["consent.host_state"].note
    assert {c.fact for c in changes} == {
        "operation.type",
        "operation.lead",
        "operation.command",
        "consent.host_state",
    }
    assert updated.answers_log[-1].facts == [c.fact for c in changes]
    doctrine = load_builtin("azerbaijan")
    assert evaluate(doctrine, mission).verdict.value == "CLARIFICATION_REQUIRED"
    assert evaluate(doctrine, updated).verdict.value == "DECLINE"


def test_json_and_long_csv(tmp_path: Path) -> None:
    json_file = tmp_path / "a.json"
    json_file.write_text('{"answered_by": "Embassy", "answers": {"contingent.size": 120}}')
    assert read_answers(json_file).answers == {"contingent.size": 120}
    csv_file = tmp_path / "a.csv"
    csv_file.write_text(
        "fact,value,answered_by,date\nconsent.all_parties,no,Embassy,2026-02-01\n"
        "contingent.roles,medical logistics,,\n"
    )
    answers = read_answers(csv_file)
    assert answers.answers == {
        "consent.all_parties": False,
        "contingent.roles": frozenset({"medical", "logistics"}),
    }
    assert answers.answered_by == "Embassy" and answers.date == dt.date(2026, 2, 1)


def test_filled_xlsform_export(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "start",
            "theme_1/" + field_name("operation.type"),
            field_name("regional.endorsements"),
            field_name("mandate.end_date"),
            "_uuid",
        ]
    )
    sheet.append(["2026-02-01T10:00", "stabilization", "arab_league oic", dt.datetime(2027, 12, 31), "abc"])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    answers = read_answers(path)
    assert answers.answers == {
        "operation.type": "stabilization",
        "regional.endorsements": frozenset({"arab_league", "oic"}),
        "mandate.end_date": dt.date(2027, 12, 31),
    }


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "a.yaml",
            "answers:\n  operation.type: war\n  nothing.here: 1\n",
            r"2 problem\(s\), nothing recorded",
        ),
        ("a.yaml", "just text\n", "expected a mapping with 'answers'"),
        ("a.json", "{broken", "malformed JSON"),
        ("a.csv", "fact,value\n", "no answers"),
        ("a.xlsx", "not a workbook", "not a readable .xlsx"),
        ("a.txt", "x", "answers must be"),
        ("a.yaml", "", "empty"),
    ],
)
def test_bad_answer_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(MissionGateError, match=message):
        read_answers(path)


def test_same_confirmed_value_is_not_a_change(mission_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "same.yaml"
    path.write_text("answers:\n  mandate.authority: un_security_council\n")
    _, changes = merge_answers(load_mission(mission_path), read_answers(path))
    assert changes == []
