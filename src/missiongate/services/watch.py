"""Before and after deployment: where the domestic approval steps stand, the mandate's end and renewal,
and what would require a deployed contingent to withdraw (with the alerts `services.alerts` keeps)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import missiongate
from missiongate.decision.steps import domestic_steps, mandate_timeline
from missiongate.decision.triggers import DEPLOYED, Trigger, withdrawal_triggers
from missiongate.doctrine import Doctrine
from missiongate.errors import MissionGateError, NotFoundError
from missiongate.evaluator import Verdict
from missiongate.mission import Mission
from missiongate.services import cases as case_service
from missiongate.services.alerts import AlertView, alert_views
from missiongate.services.workspace import Workspace
from missiongate.store import alerts as store_alerts
from missiongate.store import cases
from missiongate.store.accounts import Actor
from missiongate.store.models import Case


@dataclass(frozen=True)
class StepStatus:
    """One domestic step and where the case stands on it."""

    id: str
    title: str
    authority: str
    when: str  # in words: "before the contingent deploys"
    deadline: str  # in words, "" when the doctrine sets none
    due: dt.date | None  # the deadline's date, when its anchor (request date, mandate end) is known
    status: str  # "taken", "not yet taken", "overdue", "not recorded"
    fact: str | None  # the yes/no fact that records it as taken
    source: str


@dataclass(frozen=True)
class MandateStatus:
    end_date: dt.date | None
    days_left: int | None  # negative once the mandate has ended
    state: str  # "running", "ended", "open_ended", "unknown"
    review: bool | None  # periodic review provided for (None: not known)
    lines: tuple[str, ...]  # the same flags in words, as the memo gives them


@dataclass(frozen=True)
class CaseSteps:
    case: Case
    as_of: dt.date
    steps: tuple[StepStatus, ...]
    mandate: MandateStatus


def case_steps(ws: Workspace, actor: Actor, case_id: int, today: dt.date | None = None) -> CaseSteps:
    """The case's domestic steps under its doctrine and its mandate's dates, as of `today`."""
    today = today or dt.date.today()
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        mission = cases.case_mission(session, case)
    doctrine = ws.doctrines.get(case.doctrine_id)
    return CaseSteps(case, today, step_statuses(doctrine, mission, today), mandate_status(mission, today))


def step_statuses(doctrine: Doctrine, mission: Mission, today: dt.date) -> tuple[StepStatus, ...]:
    """Each step of the doctrine with where the mission stands on it (`decision.steps`), overdue apart."""
    return tuple(
        StepStatus(
            id=line.id,
            title=line.title,
            authority=line.authority,
            when=line.when,
            deadline=line.deadline,
            due=line.due,
            status="overdue" if line.overdue else line.status,
            fact=line.fact,
            source=line.source,
        )
        for line in domestic_steps(doctrine, mission, today)
    )


def mandate_status(mission: Mission, today: dt.date) -> MandateStatus:
    """The mandate's end flagged against `today` (days left, ended, open-ended) and its periodic review."""
    values = mission.values
    lines = tuple(mandate_timeline(mission, today))
    end = values.get("mandate.end_date")
    review = values.get("mandate.review_mechanism")
    review = review if isinstance(review, bool) else None
    if isinstance(end, dt.date):
        left = (end - today).days
        return MandateStatus(end, left, "running" if left >= 0 else "ended", review, lines)
    state = "open_ended" if values.get("mandate.open_ended") is True else "unknown"
    return MandateStatus(None, None, state, review, lines)


def record_step_taken(ws: Workspace, actor: Actor, case_id: int, step_id: str, expected: int | None) -> Case:
    """Record a domestic step as taken: its yes/no fact is set through the fact service (and reassessed)."""
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
    doctrine = ws.doctrines.get(case.doctrine_id)
    step = next((s for s in doctrine.domestic_steps if s.id == step_id), None)
    if step is None:
        raise NotFoundError(f"the doctrine {doctrine.id!r} declares no domestic step {step_id!r}")
    if step.done_when is None:
        raise MissionGateError(f"the step {step.title!r} names no fact that records it as taken")
    record = {
        "value": True,
        "source": f"recorded by {actor.username} on the case timeline: {step.title}",
        "date": dt.date.today().isoformat(),
    }
    return case_service.set_facts(ws, actor, case_id, expected, {step.done_when: record})


@dataclass(frozen=True)
class CaseWatch:
    """What would require withdrawal, and the alerts raised so far (newest first)."""

    deployed: bool
    requires_withdrawal: bool  # the case already does: no single change is listed then
    triggers: tuple[Trigger, ...]
    alerts: tuple[AlertView, ...]


def case_watch(ws: Workspace, actor: Actor, case_id: int) -> CaseWatch:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        values = cases.case_mission(session, case).values
        alerts = alert_views(session, store_alerts.list_alerts(session, actor, case_id))
    doctrine = ws.doctrines.get(case.doctrine_id)
    triggers = withdrawal_triggers(doctrine, values, missiongate.load_catalogue())
    withdraw = missiongate.evaluate(doctrine, {**values, DEPLOYED: True}).verdict is Verdict.WITHDRAW
    return CaseWatch(values.get(DEPLOYED) is True, withdraw, tuple(triggers), alerts)
