"""Assessments, sign-off, positions and comparisons through the services."""

from __future__ import annotations

import datetime as dt

import missiongate
from missiongate.services import Workspace, cases, decisions
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
    rows = decisions.compare_case(ws, analyst, case.id)
    assert {row.doctrine.id for row in rows} == set(ws.doctrines.ids)
    assert all(row.report["verdict"] == row.assessment.verdict.value for row in rows)
