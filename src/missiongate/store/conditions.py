"""Our conditions on a case as stated and answered: one appended row per change, the latest per rule current.

The rows only record; what a change does to the facts and the verdict is the service's
(`services/conditions.py`), in the same transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from missiongate.decision.tracking import ConditionChange
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.models import Case, ConditionRecord


def add_record(
    session: Session,
    actor: Actor,
    case: Case,
    doctrine_id: str,
    rule_id: str,
    change: ConditionChange,
    facts: dict[str, Any],
) -> ConditionRecord:
    """Append the change (`facts`: the plain fact values it set) and its audit entry."""
    record = ConditionRecord(
        case_id=case.id,
        doctrine_id=doctrine_id,
        rule_id=rule_id,
        state=change.state,
        counterpart=change.counterpart,
        channel=change.channel,
        reference=change.reference,
        occurred_on=change.occurred_on,
        terms=change.terms,
        facts=facts,
        note=change.note,
        case_version=case.version,
        recorded_by=actor.id,
    )
    session.add(record)
    session.flush()
    details = {
        "condition": rule_id,
        "doctrine": doctrine_id,
        "state": change.state,
        "counterpart": change.counterpart,
        "on": change.occurred_on.isoformat(),
        "channel": change.channel,
        "facts": facts,
    }
    audit.append(session, actor.username, "condition.record", f"case:{case.id}", details)
    return record


def records(session: Session, case: Case) -> list[ConditionRecord]:
    """Every change of every condition of the case, oldest first."""
    stmt = select(ConditionRecord).where(ConditionRecord.case_id == case.id)
    return list(session.scalars(stmt.order_by(ConditionRecord.id)))


def current(session: Session, case: Case) -> dict[str, ConditionRecord]:
    """Rule id -> its latest record."""
    return {record.rule_id: record for record in records(session, case)}
