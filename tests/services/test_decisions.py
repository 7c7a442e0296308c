"""Assessments, sign-off, positions and comparisons through the services."""

from __future__ import annotations

import datetime as dt

import pytest

import missiongate
from missiongate.errors import MissionGateError
from missiongate.services import Workspace, cases, decisions, exports, questionnaires
from missiongate.store import decisions as store_decisions
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.models import Decision, Position, Role
from tests.services.conftest import EXAMPLE


def test_assess_sign_off_and_state_the_position(ws: Workspace, actors: dict[Role, Actor]) -> None:
    analyst, approver = actors[Role.ANALYST], actors[Role.APPROVER]
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="azerbaijan"))
    record = decisions.assess(ws, analyst, case.id, "japan")
    assert record.doctrine_id == "japan"
    signed = decisions.sign_off(ws, approver, case.id, record.id, Decision.DECLINE, "no")
    assert signed.assessment_id == record.id
    given = decisions.PositionInput(Position.DECLINED, dt.date(2026, 2, 3), "We will not take part.")
    assert decisions.record_position(ws, approver, case.id, given).position == "declined"


def test_compare_gives_every_doctrine(ws: Workspace, analyst: Actor) -> None:
    mission = missiongate.load_mission(EXAMPLE)
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", facts=mission.to_data()["facts"]))
    found = decisions.case_comparison(ws, analyst, case.id)
    rows = found.rows
    assert found.case.id == case.id
    assert {row.doctrine.id for row in rows} == set(ws.doctrines.ids)
    assert all(row.report["verdict"] == row.assessment.verdict.value for row in rows)


def test_exports_render_the_kept_records(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="azerbaijan"))
    questionnaires.create_questionnaire(ws, analyst, case.id)
    with pytest.raises(MissionGateError, match="the note needs an addressee"):
        exports.note(ws, analyst, case.id, 1, "docx")  # a note verbale is addressed to someone
    cases.update_case(ws, analyst, case.id, None, {"requesting_party": "United Nations"})
    note = exports.note(ws, analyst, case.id, 1, "docx")
    assert note.data.startswith(b"PK") and note.filename == f"note-case-{case.id}-q1.docx"
    with pytest.raises(MissionGateError, match="docx or pdf"):
        exports.note(ws, analyst, case.id, 1, "odt")
    with ws.db.read() as session:
        latest = store_decisions.list_assessments(session, analyst, case.id, limit=1)[0][0]
    brief = exports.brief(ws, analyst, case.id, latest.id)
    assert brief.data.startswith(b"%PDF") and brief.media_type == "application/pdf"
