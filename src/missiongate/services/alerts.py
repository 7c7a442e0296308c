"""Withdrawal alerts on a case: raised by the reassessment rule, listed, acknowledged by an analyst.

`raise_alert` runs inside `services.decisions.reassess`: when a change leaves a deployed contingent's case
requiring withdrawal, an alert is recorded in the same transaction. An acknowledged alert stays in the
case's history with who acknowledged it, when, and the analyst's note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

import missiongate
from missiongate.catalogue import FactValue
from missiongate.decision.triggers import withdrawal_alert
from missiongate.errors import MissionGateError
from missiongate.evaluator import Verdict
from missiongate.services.queries import Names
from missiongate.services.workspace import Workspace
from missiongate.store import alerts as store_alerts
from missiongate.store.accounts import Actor
from missiongate.store.models import AssessmentRecord, Case, CaseAlert


@dataclass(frozen=True)
class AlertView:
    alert: CaseAlert
    raised_by: str
    acknowledged_by: str  # "" while open

    @property
    def open(self) -> bool:
        return self.alert.acknowledged_at is None


def list_alerts(ws: Workspace, actor: Actor, case_id: int) -> tuple[AlertView, ...]:
    """Every alert of the case, newest first, acknowledged ones included."""
    with ws.db.read() as session:
        return alert_views(session, store_alerts.list_alerts(session, actor, case_id))


def open_alerts(ws: Workspace, actor: Actor, case_id: int) -> tuple[AlertView, ...]:
    """The alerts no one has acknowledged yet: the banner on every case page."""
    return tuple(view for view in list_alerts(ws, actor, case_id) if view.open)


def acknowledge(ws: Workspace, actor: Actor, case_id: int, alert_id: int, note: str = "") -> AlertView:
    with ws.db.write() as session:
        alert = store_alerts.acknowledge(session, actor, case_id, alert_id, note.strip())
        return alert_views(session, [alert])[0]


@dataclass(frozen=True)
class AlertedCase:
    id: int
    title: str
    open: int  # alerts not yet acknowledged


def alerted_cases(ws: Workspace, actor: Actor) -> list[AlertedCase]:
    """The cases the actor may see with alerts no one has acknowledged yet (the case list's banner)."""
    with ws.db.read() as session:
        return [AlertedCase(*row) for row in store_alerts.alerted_cases(session, actor)]


def alert_views(session: Session, alerts: list[CaseAlert]) -> tuple[AlertView, ...]:
    names = Names(session)
    return tuple(AlertView(a, names(a.raised_by), names(a.acknowledged_by)) for a in alerts)


def raise_alert(
    session: Session,
    ws: Workspace,
    actor: Actor,
    case: Case,
    previous: AssessmentRecord | None,
    record: AssessmentRecord,
) -> CaseAlert | None:
    """Inside the reassessment: an alert when `record` (a deployed contingent, the case's doctrine) requires
    withdrawal and the facts of `previous` did not. A case's first assessment has nothing to compare with."""
    if previous is None or record.verdict != Verdict.WITHDRAW.value:
        return None
    doctrine = ws.doctrines.get(case.doctrine_id)
    before, after = recorded_values(previous.inputs), recorded_values(record.inputs)
    alert = withdrawal_alert(doctrine, before, after, missiongate.load_catalogue())
    if alert is None:
        return None
    return store_alerts.record_alert(
        session,
        actor,
        text=alert.text,
        facts=alert.facts,
        rules=alert.rules,
        assessment=record,
        previous=previous,
    )


def recorded_values(inputs: dict[str, Any]) -> dict[str, FactValue]:
    """The fact values an assessment was made on. Inputs the catalogue no longer reads count as unknown,
    so an old record never blocks a write (the alert then names every fact as changed)."""
    try:
        return missiongate.mission_from_data(inputs, source="assessment inputs").values
    except MissionGateError:
        return {}
