"""Questionnaires as sent and answers as received: freeze and send a version, record answers (typed in or
from a file), each answer applied to the facts from the caller's version and reassessed."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import missiongate
from missiongate.errors import MissionGateError, UnsupportedTypeError
from missiongate.questionnaire.answers import AnswerSet, read_answers
from missiongate.services.conditions import kept
from missiongate.services.decisions import reassess
from missiongate.services.queries import CaseView, load_case
from missiongate.services.workspace import Workspace
from missiongate.store import documents as store_documents
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.models import AnswerRecord, QuestionnaireRecord
from missiongate.store.questionnaires import AnswersInput

ANSWER_FILE_TYPES = {
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".json": "application/json",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Dispatch:
    channel: str
    recipient: str


def create_questionnaire(
    ws: Workspace,
    actor: Actor,
    case_id: int,
    doctrine_id: str | None = None,
    *,
    send: Dispatch | None = None,
) -> QuestionnaireRecord:
    """Freeze the questionnaire the current facts call for; with `send`, record that it went out too."""
    with ws.db.write() as session:
        record = store_questionnaires.create_questionnaire(
            session, actor, case_id, doctrine_id, doctrines=ws.doctrines
        )
        if send is not None:
            record = store_questionnaires.send_questionnaire(
                session, actor, case_id, record.number, channel=send.channel, recipient=send.recipient
            )
        return record


def send_questionnaire(
    ws: Workspace, actor: Actor, case_id: int, number: int, send: Dispatch
) -> QuestionnaireRecord:
    with ws.db.write() as session:
        return store_questionnaires.send_questionnaire(
            session, actor, case_id, number, channel=send.channel, recipient=send.recipient
        )


def record_answers(
    ws: Workspace, actor: Actor, case_id: int, answers: AnswersInput, expected: int | None
) -> AnswerRecord:
    """Keep the answers as received and apply them to the facts, with who answered, when and how."""
    if not answers.answered_by.strip() or not answers.channel.strip():
        raise MissionGateError("say who answered and through which channel")
    with ws.db.write() as session:
        with kept(session, ws, actor, case_id):
            record = store_questionnaires.record_answers(session, actor, case_id, answers, expected)
        reassess(session, ws, actor, case_id)
        return record


@dataclass(frozen=True)
class AnswersFile:
    """An answers file as uploaded, and what the form said beside it (each overrides the file's own)."""

    filename: str | None
    stream: IO[bytes]
    answered_by: str | None = None
    channel: str | None = None
    received_on: dt.date | None = None
    questionnaire: int | None = None


def answers_file_type(filename: str | None) -> tuple[str, str]:
    """The kept file name and its media type, refused unless it is a kind of answers file we read."""
    name = store_documents.clean_filename(filename, "answers")
    suffix = Path(name).suffix.lower()
    if suffix not in ANSWER_FILE_TYPES:
        raise UnsupportedTypeError(
            "answers must be a .yaml, .yml, .json, .csv or .xlsx file", accepted=sorted(ANSWER_FILE_TYPES)
        )
    return name, ANSWER_FILE_TYPES[suffix]


def import_answers(
    ws: Workspace, actor: Actor, case_id: int, upload: AnswersFile, expected: int | None
) -> AnswerRecord:
    """Record answers from a file (YAML/JSON, CSV or a filled XLSForm export); the file is kept as a
    document of the case, in the same transaction."""
    filename, content_type = answers_file_type(upload.filename)  # before reading the body
    data = store_documents.read_upload(upload.stream, ws.settings.max_upload_bytes)
    answer_set = _parse_answers(data, Path(filename).suffix.lower())
    who = upload.answered_by or answer_set.answered_by
    how = upload.channel or answer_set.channel
    when = upload.received_on or answer_set.date
    if not (who and how and when):
        raise MissionGateError(
            "say who answered, through which channel and when (in the file or as form "
            "fields answered_by, channel, received_on)"
        )
    facts = {
        fact_id: missiongate.FactRecord(value=value).to_data()
        for fact_id, value in answer_set.answers.items()
    }
    with ws.db.write() as session:
        document = store_documents.add_document(
            session, actor, case_id, filename=filename, content_type=content_type, data=data, kind="answer"
        )
        answers = AnswersInput(
            received_on=when,
            answered_by=who,
            channel=how,
            facts=facts,
            questionnaire=upload.questionnaire,
            document_id=document.id,
            source=f"answers file {filename}",
        )
        with kept(session, ws, actor, case_id):
            record = store_questionnaires.record_answers(session, actor, case_id, answers, expected)
        reassess(session, ws, actor, case_id)
        return record


def _parse_answers(data: bytes, suffix: str) -> AnswerSet:
    """The core reader works on files: hand it a temporary one with the uploaded name's suffix."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"answers{suffix}"
        path.write_bytes(data)
        try:
            return read_answers(path)
        except MissionGateError as exc:
            raise MissionGateError(exc.message) from None  # without the temporary path


def list_questionnaires(ws: Workspace, actor: Actor, case_id: int) -> list[QuestionnaireRecord]:
    """Every kept version of the case's questionnaire, first to last."""
    with ws.db.read() as session:
        return store_questionnaires.list_questionnaires(session, actor, case_id)


def get_questionnaire(ws: Workspace, actor: Actor, case_id: int, number: int) -> QuestionnaireRecord:
    with ws.db.read() as session:
        return store_questionnaires.get_questionnaire(session, actor, case_id, number)


def list_answers(ws: Workspace, actor: Actor, case_id: int) -> list[AnswerRecord]:
    """Answers as received, first to last."""
    with ws.db.read() as session:
        return store_questionnaires.list_answers(session, actor, case_id)


@dataclass(frozen=True)
class QuestionnaireView:
    """The questionnaire page: the case as the verdict sees it (its live questionnaire), the versions kept
    and the answers received, in one snapshot."""

    view: CaseView
    versions: list[QuestionnaireRecord]
    answers: list[AnswerRecord]


def questionnaire_view(ws: Workspace, actor: Actor, case_id: int) -> QuestionnaireView:
    with ws.db.read() as session:
        return QuestionnaireView(
            load_case(session, actor, case_id, ws.doctrines),
            store_questionnaires.list_questionnaires(session, actor, case_id),
            store_questionnaires.list_answers(session, actor, case_id),
        )
