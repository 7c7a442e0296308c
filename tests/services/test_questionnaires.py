"""Questionnaires and answers through the services: answers apply from a version and reassess."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from missiongate.errors import ConflictError, MissionGateError, UnsupportedTypeError
from missiongate.services import Workspace, cases, questionnaires
from missiongate.store import decisions as store_decisions
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.questionnaires import AnswersInput

ANSWERS_YAML = b"""answered_by: Embassy
channel: note verbale
date: 2026-02-01
answers:
  operation.type: peace_enforcement
"""


def _answers(facts: dict[str, object], who: str = "Embassy") -> AnswersInput:
    return AnswersInput(received_on=dt.date(2026, 2, 1), answered_by=who, channel="note", facts=facts)


def test_freeze_send_and_answer(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="azerbaijan"))
    sent = questionnaires.create_questionnaire(
        ws, analyst, case.id, send=questionnaires.Dispatch("note verbale", "Embassy")
    )
    assert sent.number == 1 and sent.sent_at is not None
    kept = questionnaires.create_questionnaire(ws, analyst, case.id)
    assert kept.sent_at is None
    kept = questionnaires.send_questionnaire(
        ws, analyst, case.id, 2, questionnaires.Dispatch("e-mail", "Desk")
    )
    assert kept.recipient == "Desk"
    with ws.db.read() as session:
        version = store_questionnaires.get_questionnaire(session, analyst, case.id, 2).case_version + 1
    answer = questionnaires.record_answers(
        ws, analyst, case.id, _answers({"consent.host_state": True}), version
    )
    assert answer.facts == {"consent.host_state": True}
    with pytest.raises(ConflictError):
        questionnaires.record_answers(ws, analyst, case.id, _answers({"consent.host_state": False}), version)
    with ws.db.read() as session:
        assert store_decisions.list_assessments(session, analyst, case.id)[1] == 2


def test_answers_say_who_and_how(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    with pytest.raises(MissionGateError, match="say who answered"):
        questionnaires.record_answers(ws, analyst, case.id, _answers({"consent.host_state": True}, " "), None)


def test_import_keeps_the_file_and_applies_it(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="azerbaijan"))
    upload = questionnaires.AnswersFile("answers.yaml", io.BytesIO(ANSWERS_YAML))
    answer = questionnaires.import_answers(ws, analyst, case.id, upload, None)
    assert answer.document_id is not None and answer.answered_by == "Embassy"
    with ws.db.read() as session:
        latest, total = store_decisions.list_assessments(session, analyst, case.id, limit=1)
    assert (latest[0].verdict, total) == ("DECLINE", 2)


def test_import_refuses_what_it_cannot_read(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    with pytest.raises(UnsupportedTypeError):
        questionnaires.import_answers(
            ws, analyst, case.id, questionnaires.AnswersFile("a.exe", io.BytesIO(b"x")), None
        )
    bare = questionnaires.AnswersFile("a.yaml", io.BytesIO(b"answers:\n  consent.host_state: true\n"))
    with pytest.raises(MissionGateError, match="say who answered, through which channel and when"):
        questionnaires.import_answers(ws, analyst, case.id, bare, None)
    broken = questionnaires.AnswersFile("a.yaml", io.BytesIO(b"answers: [unclosed"))
    with pytest.raises(MissionGateError) as raised:
        questionnaires.import_answers(ws, analyst, case.id, broken, None)
    assert "/tmp" not in str(raised.value)  # the temporary file's path never shows
