"""Control characters through the services: refused in every text a face passes on, named in one line,
and nothing written; a file's own control characters (a PDF's page breaks) are dropped instead."""

from __future__ import annotations

import datetime as dt
import io

import pytest

import missiongate
from missiongate.errors import MissionGateError
from missiongate.mission import mission_from_data
from missiongate.services import Workspace, cases, claims, decisions, queries, questionnaires
from missiongate.services.types import Actor, AnswersInput, CaseInput, Position, Role
from tests.services.conftest import EXAMPLE

ARTICLE = "Azerbaijan has agreed to send troops to the stabilization force in Gaza, a US envoy said."


def _case(ws: Workspace, actor: Actor) -> int:
    return cases.create_case(ws, actor, CaseInput(title="Gaza", doctrine_id="azerbaijan")).id


def test_a_mission_file_with_a_control_character_opens_no_case(ws: Workspace, analyst: Actor) -> None:
    mission = missiongate.load_mission(EXAMPLE)
    data = mission.to_data()
    data["facts"]["request.requesting_party"]["value"] = "United States\x1b[2J of America"
    bad = mission_from_data(data)
    with pytest.raises(MissionGateError, match=r"requesting.party: .*U\+001B"):
        cases.import_mission(ws, "analyst", bad)
    assert cases.list_cases(ws, analyst)[1] == 0


def test_a_recipient_on_two_lines_sends_nothing(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    send = questionnaires.Dispatch("note verbale", "Embassy\nof Example")
    with pytest.raises(MissionGateError, match=r"^recipient: must be one line"):
        questionnaires.create_questionnaire(ws, analyst, case_id, send=send)
    assert questionnaires.list_questionnaires(ws, analyst, case_id) == []


def test_a_position_statement_may_have_lines_but_no_control_characters(
    ws: Workspace, actors: dict[Role, Actor]
) -> None:
    approver = actors[Role.APPROVER]
    case_id = _case(ws, approver)
    day = dt.date(2026, 1, 5)
    bad = decisions.PositionInput(Position.DECLINED, day, "We decline.\x07", "press release")
    with pytest.raises(MissionGateError, match=r"^statement: contains the control character U\+0007"):
        decisions.record_position(ws, approver, case_id, bad)
    good = decisions.PositionInput(Position.DECLINED, day, "We decline.\nFull stop.", "press release")
    decisions.record_position(ws, approver, case_id, good)
    assert [p.statement for p in decisions.list_positions(ws, approver, case_id)] == [
        "We decline.\nFull stop."
    ]


def test_who_answered_is_checked(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    answers = AnswersInput(
        received_on=dt.date(2026, 2, 1),
        answered_by="Embassy\x00",
        channel="note",
        facts={"consent.host_state": True},
    )
    with pytest.raises(MissionGateError, match=r"contains the control character U\+0000"):
        questionnaires.record_answers(ws, analyst, case_id, answers, None)
    assert questionnaires.list_answers(ws, analyst, case_id) == []


def test_control_characters_refused_in_pasted_claims_dropped_from_files(
    ws: Workspace, analyst: Actor
) -> None:
    case_id = _case(ws, analyst)
    with pytest.raises(MissionGateError, match=r"U\+0007"):
        claims.check_text(ws, analyst, case_id, ARTICLE.replace("troops", "troops\x07"), country="aze")
    assert claims.list_claims(ws, analyst, case_id)[1] == 0
    paged = ARTICLE.replace("troops", "troops\x0c")  # a form feed, as PDF text extraction gives
    upload = claims.ClaimFile("article.txt", "text/plain", io.BytesIO(paged.encode()))
    found = claims.check_file(ws, analyst, case_id, upload, country="aze")
    assert found and all("\x0c" not in r.text for r in found)


def test_nothing_refused_reaches_the_timeline(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    with pytest.raises(MissionGateError):
        cases.update_case(ws, analyst, case_id, None, {"title": "Renamed\x7f"})
    records = queries.case_records(ws, analyst, case_id)
    assert records.case.title == "Gaza" and len(records.assessments) == 1
