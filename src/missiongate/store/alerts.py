"""Withdrawal alerts on a case: recorded when a reassessment finds that a deployed contingent must now
withdraw, acknowledged (who, when, a note) by an analyst; never deleted. Each write is audited."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from missiongate.errors import ConflictError
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.cases import _visible, get_case, record_of_case
from missiongate.store.models import AssessmentRecord, Case, CaseAlert, utcnow

WITHDRAWAL = "withdrawal"


def record_alert(
    session: Session,
    actor: Actor,
    *,
    text: str,
    facts: Sequence[str],
    rules: Sequence[str],
    assessment: AssessmentRecord,
    previous: AssessmentRecord,
) -> CaseAlert:
    """Keep an alert raised by `assessment` (compared with `previous`), in the caller's transaction."""
    alert = CaseAlert(
        case_id=assessment.case_id,
        kind=WITHDRAWAL,
        text=text,
        facts=list(facts),
        rules=list(rules),
        assessment_id=assessment.id,
        previous_assessment_id=previous.id,
        raised_by=actor.id,
        note="",
    )
    session.add(alert)
    session.flush()
    details = {"alert": alert.id, "kind": alert.kind, "assessment": assessment.id, "facts": alert.facts}
    audit.append(session, actor.username, "alert.raise", f"case:{assessment.case_id}", details)
    return alert


def list_alerts(session: Session, actor: Actor, case_id: int) -> list[CaseAlert]:
    """The case's alerts, newest first, acknowledged ones included."""
    case = get_case(session, actor, case_id)
    query = select(CaseAlert).where(CaseAlert.case_id == case.id).order_by(CaseAlert.id.desc())
    return list(session.scalars(query))


def acknowledge(session: Session, actor: Actor, case_id: int, alert_id: int, note: str = "") -> CaseAlert:
    alert = record_of_case(session, CaseAlert, get_case(session, actor, case_id), alert_id, "alert")
    if alert.acknowledged_at is not None:
        raise ConflictError(f"alert {alert_id} of case {case_id} is already acknowledged")
    alert.acknowledged_at, alert.acknowledged_by, alert.note = utcnow(), actor.id, note
    session.flush()
    details = {"alert": alert.id, "note": note}
    audit.append(session, actor.username, "alert.acknowledge", f"case:{case_id}", details)
    return alert


def alerted_cases(session: Session, actor: Actor) -> list[tuple[int, str, int]]:
    """(case id, title, alerts not yet acknowledged) of the cases the actor may see, most alerts first."""
    count = func.count(CaseAlert.id)
    query = (
        select(Case.id, Case.title, count)
        .join(CaseAlert, CaseAlert.case_id == Case.id)
        .where(CaseAlert.acknowledged_at.is_(None), Case.id.in_(_visible(select(Case.id), actor)))
        .group_by(Case.id, Case.title)
        .order_by(count.desc(), Case.id)
    )
    return [(case_id, title, n) for case_id, title, n in session.execute(query)]
