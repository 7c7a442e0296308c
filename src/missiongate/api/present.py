"""ORM rows to response bodies. User ids become usernames; ETags come from case versions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TypeVar

from missiongate.analyzer.analysis import Analysis
from missiongate.analyzer.render import to_json
from missiongate.api import schemas
from missiongate.mission import FactRecord
from missiongate.server.errors import etag
from missiongate.services.queries import Names
from missiongate.services.types import (
    AnswerRecord,
    ApiToken,
    AssessmentRecord,
    AuditEntry,
    Case,
    CaseFact,
    Database,
    Document,
    FactRevision,
    PositionRecord,
    Proposed,
    QuestionnaireRecord,
    SignOff,
    User,
)

Row = TypeVar("Row")
Body = TypeVar("Body")


def each(show: Callable[[Row, Names], Body], rows: Iterable[Row], db: Database) -> list[Body]:
    """Every row presented by `show`, with one username lookup shared by all of them."""
    names = Names(db)
    return [show(row, names) for row in rows]


def user(row: User) -> schemas.UserOut:
    return schemas.UserOut(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role_enum,
        active=row.active,
        created_at=row.created_at,
    )


def token(row: ApiToken) -> schemas.TokenOut:
    return schemas.TokenOut(
        id=row.id,
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
    )


def case(row: Case) -> schemas.CaseOut:
    return schemas.CaseOut(**_case_fields(row))


def case_detail(row: Case, members: list[str]) -> schemas.CaseDetail:
    return schemas.CaseDetail(**_case_fields(row), members=members)


def _case_fields(row: Case) -> dict[str, object]:
    return {
        "id": row.id,
        "mission_ref": row.mission_ref,
        "title": row.title,
        "description": row.description,
        "requesting_party": row.requesting_party,
        "received_on": row.received_on,
        "channel": row.channel,
        "operation": row.operation,
        "doctrine": row.doctrine_id,
        "status": row.status,
        "example": row.example,
        "restricted": row.restricted,
        "latest_verdict": row.latest_verdict,
        "position": row.position,
        "version": row.version,
        "etag": etag(row.version),
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def facts(row: Case, rows: dict[str, CaseFact], names: Names) -> schemas.FactsOut:
    items = [
        schemas.FactOut(
            fact=fact_id,
            value=fact.record.get("value"),
            status=fact.status,
            record=fact.record,
            updated_at=fact.updated_at,
            updated_by=names(fact.updated_by),
        )
        for fact_id, fact in sorted(rows.items())
    ]
    return schemas.FactsOut(case=row.id, version=row.version, etag=etag(row.version), facts=items)


def revision(row: FactRevision, names: Names) -> schemas.FactRevisionOut:
    return schemas.FactRevisionOut(
        id=row.id,
        fact=row.fact_id,
        action=row.action,
        record=row.record,
        case_version=row.case_version,
        at=row.at,
        by=names(row.by),
    )


def analysis(row: Document, found: Analysis, proposed: dict[str, FactRecord]) -> schemas.DocumentAnalysisOut:
    """The analyzer's own JSON rendering (as `missiongate analyze --format json`), with the ids added."""
    data = json.loads(to_json(found, proposed))
    return schemas.DocumentAnalysisOut.model_validate({"case": row.case_id, "document": row.id, **data})


def proposed(row: Document, result: Proposed) -> schemas.ProposalsOut:
    return schemas.ProposalsOut(
        case=result.case.id,
        document=row.id,
        version=result.case.version,
        etag=etag(result.case.version),
        added=result.added,
        kept_confirmed=result.kept_confirmed,
        unchanged=result.unchanged,
    )


def document(row: Document, names: Names) -> schemas.DocumentOut:
    return schemas.DocumentOut(
        id=row.id,
        case=row.case_id,
        filename=row.filename,
        content_type=row.content_type,
        size=row.size,
        sha256=row.sha256,
        kind=row.kind,
        note=row.note,
        uploaded_at=row.uploaded_at,
        uploaded_by=names(row.uploaded_by),
    )


def questionnaire(row: QuestionnaireRecord, names: Names) -> schemas.QuestionnaireOut:
    return schemas.QuestionnaireOut(
        id=row.id,
        case=row.case_id,
        number=row.number,
        doctrine=row.doctrine_id,
        doctrine_version=row.doctrine_version,
        doctrine_hash=row.doctrine_hash,
        questions=row.questions,
        case_version=row.case_version,
        created_at=row.created_at,
        created_by=names(row.created_by),
        sent_at=row.sent_at,
        sent_by=names(row.sent_by) or None,
        sent_channel=row.sent_channel,
        recipient=row.recipient,
    )


def answer(row: AnswerRecord, names: Names) -> schemas.AnswerOut:
    return schemas.AnswerOut(
        id=row.id,
        case=row.case_id,
        questionnaire_id=row.questionnaire_id,
        received_on=row.received_on,
        answered_by=row.answered_by,
        channel=row.channel,
        facts=row.facts,
        document=row.document_id,
        note=row.note,
        recorded_at=row.recorded_at,
        recorded_by=names(row.recorded_by),
    )


def assessment_summary(row: AssessmentRecord, names: Names) -> schemas.AssessmentSummary:
    return schemas.AssessmentSummary(**_assessment_fields(row, names))


def assessment(row: AssessmentRecord, names: Names) -> schemas.AssessmentOut:
    return schemas.AssessmentOut(**_assessment_fields(row, names), inputs=row.inputs, report=row.report)


def _assessment_fields(row: AssessmentRecord, names: Names) -> dict[str, object]:
    return {
        "id": row.id,
        "case": row.case_id,
        "doctrine": row.doctrine_id,
        "doctrine_version": row.doctrine_version,
        "doctrine_hash": row.doctrine_hash,
        "verdict": row.verdict,
        "provisional": row.provisional,
        "case_version": row.case_version,
        "created_at": row.created_at,
        "created_by": names(row.created_by),
    }


def signoff(row: SignOff, names: Names) -> schemas.SignOffOut:
    return schemas.SignOffOut(
        id=row.id,
        case=row.case_id,
        assessment=row.assessment_id,
        decision=row.decision,
        note=row.note,
        signed_at=row.signed_at,
        signed_by=names(row.signed_by),
    )


def position(row: PositionRecord, names: Names) -> schemas.PositionOut:
    return schemas.PositionOut(
        id=row.id,
        case=row.case_id,
        position=row.position,
        stated_on=row.stated_on,
        statement=row.statement,
        source=row.source,
        recorded_at=row.recorded_at,
        recorded_by=names(row.recorded_by),
    )


def audit_entry(row: AuditEntry) -> schemas.AuditEntryOut:
    return schemas.AuditEntryOut(
        seq=row.seq,
        at=row.at,
        actor=row.actor,
        action=row.action,
        target=row.target,
        details=json.loads(row.details),
        hash=row.hash,
    )
