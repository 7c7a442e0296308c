"""The records of a case: documents, questionnaires as sent, answers, assessments, sign-offs, positions.

All of them are appended, never rewritten: an assessment keeps its inputs, the doctrine's id, version and
content hash, and the full decision report, so it can be shown exactly as it was decided years later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

import missiongate
from missiongate.doctrine import DoctrineRegistry
from missiongate.errors import (
    ConflictError,
    MissionGateError,
    NotFoundError,
    TooLargeError,
    UnsupportedTypeError,
)
from missiongate.inputs import header_text
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.cases import bump_version, case_mission, get_case, registry, set_facts
from missiongate.store.models import (
    AnswerRecord,
    AssessmentRecord,
    Base,
    Case,
    CaseStatus,
    Decision,
    Document,
    FactRevision,
    Position,
    PositionRecord,
    QuestionnaireRecord,
    SignOff,
    utcnow,
)

DOCUMENT_KINDS = ("mandate", "inquiry", "answer", "correspondence", "statement", "other")
Record = TypeVar("Record", bound=Base)


def _of_case(session: Session, model: type[Record], case: Case, record_id: int, what: str) -> Record:
    record = session.get(model, record_id)
    if record is None or getattr(record, "case_id", None) != case.id:
        raise NotFoundError(f"case {case.id} has no {what} {record_id}")
    return record


def _list(session: Session, model: type[Record], case: Case) -> list[Record]:
    stmt = select(model).where(model.case_id == case.id).order_by(model.id)  # type: ignore[attr-defined]
    return list(session.scalars(stmt))


# -- documents -------------------------------------------------------------------------------------------


def clean_filename(name: str | None, fallback: str) -> str:
    """A client-supplied file name as stored: no control characters (they would break the download's
    header), at most its last 300 characters."""
    return header_text(name or fallback).strip()[-300:] or fallback


# What a ministry receives: texts, PDFs, office documents, e-mails, scans.
DOCUMENT_TYPES = {
    "text/plain",
    "text/markdown",
    "text/html",
    "text/csv",
    "application/pdf",
    "application/xml",  # Akoma Ntoso, under any of the names it is sent with
    "text/xml",
    "application/akn+xml",
    "application/json",
    "application/yaml",
    "application/rtf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "message/rfc822",
    "image/png",
    "image/jpeg",
    "image/tiff",
}


def read_upload(stream: IO[bytes], limit: int) -> bytes:
    """An upload's bytes, refused when over `limit` (read no further than one byte past it)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"the file exceeds the limit of {limit} bytes")
    return data


def document_type(header: str | None) -> str:
    """The media type of a Content-Type header ("text/plain; charset=utf-8" -> "text/plain"), if kept."""
    content_type = (header or "").split(";")[0].strip().lower()
    if content_type not in DOCUMENT_TYPES:
        raise UnsupportedTypeError(
            f"documents of type {content_type or '(none)'!r} are not accepted",
            accepted=sorted(DOCUMENT_TYPES),
        )
    return content_type


def add_document(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    filename: str,
    content_type: str,
    data: bytes,
    kind: str = "other",
    note: str = "",
) -> Document:
    case = get_case(session, actor, case_id)
    content_type = document_type(content_type)
    if kind not in DOCUMENT_KINDS:
        raise MissionGateError(f"unknown document kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})")
    if not data:
        raise MissionGateError("the file is empty")
    if "\x00" in note:
        raise MissionGateError("the note contains a NUL character")
    filename = clean_filename(filename, "document")
    document = Document(
        case_id=case.id,
        filename=filename,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        kind=kind,
        note=note,
        data=data,
        uploaded_by=actor.id,
    )
    session.add(document)
    session.flush()
    details = {"document": document.id, "filename": filename, "sha256": document.sha256, "size": len(data)}
    audit.append(session, actor.username, "document.add", f"case:{case.id}", details)
    return document


def list_documents(session: Session, actor: Actor, case_id: int) -> list[Document]:
    return _list(session, Document, get_case(session, actor, case_id))


def get_document(
    session: Session, actor: Actor, case_id: int, document_id: int, *, with_data: bool = False
) -> Document:
    case = get_case(session, actor, case_id)
    if with_data:
        document = session.scalar(
            select(Document).where(Document.id == document_id).options(undefer(Document.data))
        )
        if document is not None and document.case_id == case.id:
            return document
    return _of_case(session, Document, case, document_id, "document")


# -- questionnaires --------------------------------------------------------------------------------------


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
    return _list(session, QuestionnaireRecord, get_case(session, actor, case_id))


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


# -- answers ---------------------------------------------------------------------------------------------


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
    return _list(session, AnswerRecord, get_case(session, actor, case_id))


# -- assessments and sign-off ----------------------------------------------------------------------------


def create_assessment(
    session: Session,
    actor: Actor,
    case_id: int,
    doctrine_id: str | None = None,
    *,
    doctrines: DoctrineRegistry | None = None,
) -> AssessmentRecord:
    """Assess the case as it stands and keep the decision record, with the doctrine's id, version and
    content hash: an edited doctrine file shows as a new version and hash in the records made after it."""
    case = get_case(session, actor, case_id)
    doctrine = registry(doctrines).get(doctrine_id or case.doctrine_id)
    mission = case_mission(session, case)
    assessment, questionnaire = missiongate.assess(doctrine, mission)
    report = missiongate.report_data(assessment, questionnaire, mission)
    record = AssessmentRecord(
        case_id=case.id,
        doctrine_id=doctrine.id,
        doctrine_version=doctrine.version,
        doctrine_hash=doctrine.content_hash,
        inputs=mission.to_data(),
        report=report,
        verdict=report["verdict"],
        provisional=report["provisional"],
        case_version=case.version,
        created_by=actor.id,
    )
    session.add(record)
    if doctrine.id == case.doctrine_id:
        case.latest_verdict = record.verdict  # a summary for listings; not part of the versioned state
    session.flush()
    details = {
        "assessment": record.id,
        "doctrine": doctrine.id,
        "doctrine_version": doctrine.version,
        "doctrine_hash": doctrine.content_hash,
        "verdict": record.verdict,
        "case_version": case.version,
    }
    audit.append(session, actor.username, "assessment.create", f"case:{case.id}", details)
    return record


def list_assessments(
    session: Session, actor: Actor, case_id: int, *, limit: int = 50, offset: int = 0
) -> tuple[list[AssessmentRecord], int]:
    case = get_case(session, actor, case_id)
    base = select(AssessmentRecord).where(AssessmentRecord.case_id == case.id)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.scalars(base.order_by(AssessmentRecord.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def get_assessment(session: Session, actor: Actor, case_id: int, assessment_id: int) -> AssessmentRecord:
    return _of_case(session, AssessmentRecord, get_case(session, actor, case_id), assessment_id, "assessment")


def sign_off(
    session: Session, actor: Actor, case_id: int, assessment_id: int, decision: Decision, note: str = ""
) -> SignOff:
    """An approver signs an assessment off as the decision; only one made on the facts as they stand."""
    case = get_case(session, actor, case_id)
    assessment = _of_case(session, AssessmentRecord, case, assessment_id, "assessment")
    changed = select(FactRevision.id).where(
        FactRevision.case_id == case.id, FactRevision.case_version > assessment.case_version
    )
    if session.scalar(changed.limit(1)) is not None:
        raise ConflictError(
            f"the facts of case {case.id} have changed since assessment {assessment_id} was made; "
            "assess again and sign off the new assessment",
            current_version=case.version,
        )
    if session.scalar(select(SignOff.id).where(SignOff.assessment_id == assessment.id)) is not None:
        raise ConflictError(f"assessment {assessment_id} is already signed off")
    signoff = SignOff(
        case_id=case.id, assessment_id=assessment.id, decision=decision.value, note=note, signed_by=actor.id
    )
    session.add(signoff)
    case.status = CaseStatus.DECIDED.value
    bump_version(session, case, None)
    details = {"assessment": assessment.id, "decision": decision.value, "verdict": assessment.verdict}
    audit.append(session, actor.username, "decision.signoff", f"case:{case.id}", details)
    return signoff


def list_signoffs(session: Session, actor: Actor, case_id: int) -> list[SignOff]:
    return _list(session, SignOff, get_case(session, actor, case_id))


# -- official position -----------------------------------------------------------------------------------


def record_position(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    position: Position,
    stated_on: dt.date,
    statement: str,
    source: str = "",
) -> PositionRecord:
    case = get_case(session, actor, case_id)
    record = PositionRecord(
        case_id=case.id,
        position=position.value,
        stated_on=stated_on,
        statement=statement,
        source=source,
        recorded_by=actor.id,
    )
    session.add(record)
    case.position = position.value  # the latest statement; the records keep all of them
    session.flush()
    details = {"position": position.value, "stated_on": stated_on.isoformat(), "statement": statement}
    audit.append(session, actor.username, "position.record", f"case:{case.id}", details)
    return record


def list_positions(session: Session, actor: Actor, case_id: int) -> list[PositionRecord]:
    return _list(session, PositionRecord, get_case(session, actor, case_id))
