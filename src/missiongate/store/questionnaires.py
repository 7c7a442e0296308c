"""Questionnaires as sent and answers as received: numbered, frozen versions of the questions, and each
answer kept as it came (who, when, how) beside the facts it set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import missiongate
from missiongate.doctrine import DoctrineRegistry
from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.cases import bump_version, case_mission, case_records, get_case, registry, set_facts
from missiongate.store.documents import get_document
from missiongate.store.models import AnswerRecord, CaseStatus, QuestionnaireRecord, utcnow


def create_questionnaire(
    session: Session,
    actor: Actor,
    case_id: int,
    doctrine_id: str | None = None,
    *,
    doctrines: DoctrineRegistry | None = None,
) -> QuestionnaireRecord:
    """Freeze the questionnaire the case's current facts call for, as the next numbered version."""
    case = get_case(session, actor, case_id)
    doctrine = registry(doctrines).get(doctrine_id or case.doctrine_id)
    mission = case_mission(session, case)
    assessment, questionnaire = missiongate.assess(doctrine, mission)
    report = missiongate.report_data(assessment, questionnaire, mission)
    number = (
        session.scalar(
            select(func.max(QuestionnaireRecord.number)).where(QuestionnaireRecord.case_id == case.id)
        )
        or 0
    ) + 1
    record = QuestionnaireRecord(
        case_id=case.id,
        number=number,
        doctrine_id=doctrine.id,
        doctrine_version=doctrine.version,
        doctrine_hash=doctrine.content_hash,
        questions=report["questions"],
        case_version=case.version,
        created_by=actor.id,
    )
    session.add(record)
    session.flush()
    details = {"questionnaire": number, "doctrine": doctrine.id, "questions": len(record.questions)}
    audit.append(session, actor.username, "questionnaire.create", f"case:{case.id}", details)
    return record


def list_questionnaires(session: Session, actor: Actor, case_id: int) -> list[QuestionnaireRecord]:
    return case_records(session, QuestionnaireRecord, get_case(session, actor, case_id))


def get_questionnaire(session: Session, actor: Actor, case_id: int, number: int) -> QuestionnaireRecord:
    case = get_case(session, actor, case_id)
    stmt = select(QuestionnaireRecord).where(
        QuestionnaireRecord.case_id == case.id, QuestionnaireRecord.number == number
    )
    record = session.scalar(stmt)
    if record is None:
        raise NotFoundError(f"case {case.id} has no questionnaire {number}")
    return record


def send_questionnaire(
    session: Session, actor: Actor, case_id: int, number: int, *, channel: str, recipient: str
) -> QuestionnaireRecord:
    """Record that this version went out; from then on it is frozen and the case awaits answers."""
    record = get_questionnaire(session, actor, case_id, number)
    if record.sent_at is not None:
        raise ConflictError(f"questionnaire {number} was already sent on {record.sent_at:%Y-%m-%d}")
    record.sent_at, record.sent_by = utcnow(), actor.id
    record.sent_channel, record.recipient = channel, recipient
    case = get_case(session, actor, case_id)
    case.status = CaseStatus.AWAITING_ANSWERS.value
    bump_version(session, case, None)
    details = {"questionnaire": number, "channel": channel, "recipient": recipient}
    audit.append(session, actor.username, "questionnaire.send", f"case:{case.id}", details)
    return record


@dataclass
class AnswersInput:
    received_on: dt.date
    answered_by: str
    channel: str
    facts: dict[str, Any]
    questionnaire: int | None = None
    document_id: int | None = None
    note: str = ""
    source: str | None = None
    unrecognised: list[str] = field(default_factory=list)


def record_answers(
    session: Session, actor: Actor, case_id: int, answers: AnswersInput, expected: int | None = None
) -> AnswerRecord:
    """Keep the answers as received and apply them to the case's facts, with who answered, when and how."""
    case = get_case(session, actor, case_id)
    if not answers.facts:
        raise MissionGateError("an answer must give at least one fact")
    questionnaire = (
        get_questionnaire(session, actor, case_id, answers.questionnaire) if answers.questionnaire else None
    )
    if answers.document_id is not None:
        get_document(session, actor, case_id, answers.document_id)
    source = answers.source or (
        f"answer to questionnaire {questionnaire.number}"
        if questionnaire
        else "answer from the requesting party"
    )
    provenance = {
        "source": source,
        "date": answers.received_on.isoformat(),
        "answered_by": answers.answered_by,
        "channel": answers.channel,
    }
    changes = {fact_id: _with_provenance(raw, provenance) for fact_id, raw in answers.facts.items()}
    set_facts(session, actor, case.id, expected, changes, action="answer")
    record = AnswerRecord(
        case_id=case.id,
        questionnaire_id=questionnaire.id if questionnaire else None,
        received_on=answers.received_on,
        answered_by=answers.answered_by,
        channel=answers.channel,
        facts=answers.facts,
        document_id=answers.document_id,
        note=answers.note,
        recorded_by=actor.id,
    )
    session.add(record)
    session.flush()
    return record


def _with_provenance(raw: Any, provenance: dict[str, Any]) -> dict[str, Any]:
    if isinstance(raw, dict) and "value" in raw:
        return {**provenance, **raw, "status": "confirmed"}
    return {**provenance, "value": raw}


def list_answers(session: Session, actor: Actor, case_id: int) -> list[AnswerRecord]:
    return case_records(session, AnswerRecord, get_case(session, actor, case_id))
