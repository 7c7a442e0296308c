"""Questionnaire outputs: a note in Markdown and text, JSON, and an XLSForm that pyxform converts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from missiongate import Doctrine, Questionnaire, build_questionnaire, load_mission
from missiongate.questionnaire import render
from missiongate.questionnaire.xlsform import fact_id_from_field, field_name, write_xlsform


@pytest.fixture
def questionnaire(azerbaijan: Doctrine, examples_dir: Path) -> Questionnaire:
    return build_questionnaire(azerbaijan, load_mission(examples_dir / "gaza-isf-inquiry.yaml"))


def test_markdown_note_is_numbered_by_theme(questionnaire: Questionnaire) -> None:
    text = render.to_markdown(questionnaire, date=dt.date(2026, 1, 10))
    assert text.startswith("# Request for clarification: International Stabilization Force")
    for theme, questions in questionnaire.groups():
        assert f"## {theme}" in text
        for q in questions:
            assert f"{q.number}. {q.text}" in text
    assert "no decision on participation will be taken" in text.lower()


def test_text_note_wraps_and_keeps_every_question(questionnaire: Questionnaire) -> None:
    text = render.to_text(questionnaire, date=dt.date(2026, 1, 10), width=70)
    assert all(len(line) <= 70 for line in text.splitlines())
    assert text.count("(Answer:") == len(questionnaire.questions)


def test_json_lists_choices(questionnaire: Questionnaire) -> None:
    data = render.to_json(questionnaire)
    by_fact = {q["fact"]: q for q in data["questions"]}
    assert {c["id"] for c in by_fact["operation.type"]["choices"]} >= {"peace_enforcement", "stabilization"}
    assert len(data["questions"]) == len(questionnaire.questions)


def test_xlsform_sheets_read_back_and_convert_to_xform(questionnaire: Questionnaire, tmp_path: Path) -> None:
    path = tmp_path / "questionnaire.xlsx"
    write_xlsform(questionnaire, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["survey", "choices", "settings"]
    names = [
        row[1]
        for row in workbook["survey"].iter_rows(min_row=2, values_only=True)
        if row[0] not in ("begin_group", "end_group")
    ]
    assert [fact_id_from_field(n) for n in names] == questionnaire.facts
    result = convert(str(path), validate=False)
    assert "<h:title>Clarification questionnaire" in result.xform
    assert field_name("operation.type") in result.xform


def test_field_names_round_trip() -> None:
    for fact_id in ("operation.type", "contingent.caveats_accepted"):
        assert fact_id_from_field("theme_1/" + field_name(fact_id)) == fact_id
