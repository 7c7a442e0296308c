"""Questionnaires as sent, and answers as received (typed in, or from a file)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import (
    MAX_ID,
    AnswerOut,
    AnswersIn,
    CaseId,
    QuestionnaireCreate,
    QuestionnaireOut,
    QuestionnaireSend,
    RecordId,
)
from missiongate.server.deps import WS, Analyst, OptionalVersion, Viewer
from missiongate.services import questionnaires
from missiongate.services.queries import Names
from missiongate.services.types import AnswersInput

router = APIRouter(prefix="/cases/{case_id}", responses=PROBLEM_RESPONSES)


@router.post(
    "/questionnaires",
    response_model=QuestionnaireOut,
    status_code=201,
    tags=["questionnaires"],
    summary="Freeze the questionnaire the current facts call for, as the next version",
)
def create_questionnaire(
    case_id: CaseId, body: QuestionnaireCreate, actor: Analyst, ws: WS
) -> QuestionnaireOut:
    record = questionnaires.create_questionnaire(ws, actor, case_id, body.doctrine)
    return present.questionnaire(record, Names(ws.db))


@router.get(
    "/questionnaires",
    response_model=list[QuestionnaireOut],
    tags=["questionnaires"],
    summary="Every questionnaire version of the case",
)
def list_questionnaires(case_id: CaseId, actor: Viewer, ws: WS) -> list[QuestionnaireOut]:
    return present.each(present.questionnaire, questionnaires.list_questionnaires(ws, actor, case_id), ws.db)


@router.get(
    "/questionnaires/{number}",
    response_model=QuestionnaireOut,
    tags=["questionnaires"],
    summary="One questionnaire version",
)
def get_questionnaire(case_id: CaseId, number: RecordId, actor: Viewer, ws: WS) -> QuestionnaireOut:
    record = questionnaires.get_questionnaire(ws, actor, case_id, number)
    return present.questionnaire(record, Names(ws.db))


@router.post(
    "/questionnaires/{number}/send",
    response_model=QuestionnaireOut,
    tags=["questionnaires"],
    summary="Record that this version was sent; it is frozen from then on",
)
def send_questionnaire(
    case_id: CaseId, number: RecordId, body: QuestionnaireSend, actor: Analyst, ws: WS
) -> QuestionnaireOut:
    dispatch = questionnaires.Dispatch(body.channel, body.recipient)
    record = questionnaires.send_questionnaire(ws, actor, case_id, number, dispatch)
    return present.questionnaire(record, Names(ws.db))


@router.post(
    "/answers",
    response_model=AnswerOut,
    status_code=201,
    tags=["answers"],
    summary="Record answers received and apply them to the facts (If-Match optional)",
)
def record_answers(
    case_id: CaseId, body: AnswersIn, actor: Analyst, expected: OptionalVersion, ws: WS
) -> AnswerOut:
    answers = AnswersInput(
        received_on=body.received_on,
        answered_by=body.answered_by,
        channel=body.channel,
        facts=body.facts,
        questionnaire=body.questionnaire,
        document_id=body.document,
        note=body.note,
        source=body.source,
    )
    record = questionnaires.record_answers(ws, actor, case_id, answers, expected)
    return present.answer(record, Names(ws.db))


@router.post(
    "/answers/import",
    response_model=AnswerOut,
    status_code=201,
    tags=["answers"],
    summary="Record answers from a file as received (YAML/JSON, CSV or a filled XLSForm export)",
)
def import_answers(
    case_id: CaseId,
    actor: Analyst,
    expected: OptionalVersion,
    ws: WS,
    file: Annotated[UploadFile, File(description="the answers file; it is kept as a document of the case")],
    answered_by: Annotated[str | None, Form(max_length=300)] = None,
    channel: Annotated[str | None, Form(max_length=200)] = None,
    received_on: Annotated[dt.date | None, Form()] = None,
    questionnaire: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
) -> AnswerOut:
    upload = questionnaires.AnswersFile(
        file.filename, file.file, answered_by, channel, received_on, questionnaire
    )
    record = questionnaires.import_answers(ws, actor, case_id, upload, expected)
    return present.answer(record, Names(ws.db))


@router.get("/answers", response_model=list[AnswerOut], tags=["answers"], summary="Answers as received")
def list_answers(case_id: CaseId, actor: Viewer, ws: WS) -> list[AnswerOut]:
    return present.each(present.answer, questionnaires.list_answers(ws, actor, case_id), ws.db)
