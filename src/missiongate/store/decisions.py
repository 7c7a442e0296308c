"""Decision records: assessments, sign-offs and official positions, all appended, never rewritten.

An assessment keeps its inputs, the doctrine's id, version and content hash, and the full decision
report, so it can be shown exactly as it was decided years later.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import missiongate
from missiongate.doctrine import DoctrineRegistry
from missiongate.errors import ConflictError
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.cases import (
    bump_version,
    case_mission,
    case_records,
    get_case,
    record_of_case,
    registry,
)
from missiongate.store.models import (
    AssessmentRecord,
    CaseStatus,
    Decision,
    FactRevision,
    Position,
    PositionRecord,
    SignOff,
)


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
    return record_of_case(
        session, AssessmentRecord, get_case(session, actor, case_id), assessment_id, "assessment"
    )


def sign_off(
    session: Session, actor: Actor, case_id: int, assessment_id: int, decision: Decision, note: str = ""
) -> SignOff:
    """An approver signs an assessment off as the decision; only one made on the facts as they stand."""
    case = get_case(session, actor, case_id)
    assessment = record_of_case(session, AssessmentRecord, case, assessment_id, "assessment")
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
    return case_records(session, SignOff, get_case(session, actor, case_id))


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
    return case_records(session, PositionRecord, get_case(session, actor, case_id))
