"""Domestic steps, the mandate's dates and the withdrawal watch through the services, on SQLite and
PostgreSQL: a deployed contingent whose host withdraws consent is reassessed WITHDRAW and alerted; an
analyst acknowledges the alert and it stays in the history; the audit chain covers the alert rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

import missiongate
from missiongate.doctrine import load_registry
from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.services import Workspace, alerts, cases, watch
from missiongate.store import audit
from missiongate.store import cases as store_cases
from missiongate.store import decisions as store_decisions
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.models import AuditEntry, Role
from tests.doctrine.files import PARLIAMENT, RENEWAL, doctrine_with_steps

ROOT = Path(__file__).resolve().parents[2]
KFOR_LIKE = ROOT / "examples" / "site-protection-chapter7.yaml"
NO_CONSENT = {"consent.host_state": {"value": False, "source": "note of the host government"}}


def _deployed(ws: Workspace, analyst: Actor, *, deployed: bool = True) -> int:
    facts = missiongate.load_mission(KFOR_LIKE).to_data()["facts"]
    data = CaseInput(
        title="KFOR-like", doctrine_id="azerbaijan", facts={**facts, "contingent.deployed": deployed}
    )
    return cases.create_case(ws, analyst, data).id


def _latest_verdict(ws: Workspace, actor: Actor, case_id: int) -> str:
    with ws.db.read() as session:
        rows, _ = store_decisions.list_assessments(session, actor, case_id, limit=1)
    return rows[0].verdict


def test_a_deployed_case_whose_host_withdraws_consent_is_alerted(ws: Workspace, analyst: Actor) -> None:
    case_id = _deployed(ws, analyst)
    assert _latest_verdict(ws, analyst, case_id) != "WITHDRAW"
    cases.set_facts(ws, analyst, case_id, None, NO_CONSENT)
    assert _latest_verdict(ws, analyst, case_id) == "WITHDRAW"
    (alert,) = alerts.list_alerts(ws, analyst, case_id)
    assert alert.open and alert.raised_by == "analyst"
    assert alert.alert.facts == ["consent.host_state"]
    assert alert.alert.text.startswith("Withdrawal required: Consent of the host state: no")
    assert alert.alert.rules  # the rules that now require withdrawal, by title
    cases.set_facts(ws, analyst, case_id, None, {"contingent.size": 40})  # still WITHDRAW: no new alert
    assert len(alerts.list_alerts(ws, analyst, case_id)) == 1
    assert [a.id for a in alerts.alerted_cases(ws, analyst)] == [case_id]


def test_a_case_not_deployed_raises_no_alert(ws: Workspace, analyst: Actor) -> None:
    case_id = _deployed(ws, analyst, deployed=False)
    cases.set_facts(ws, analyst, case_id, None, NO_CONSENT)
    assert _latest_verdict(ws, analyst, case_id) != "WITHDRAW"
    assert alerts.list_alerts(ws, analyst, case_id) == ()
    assert alerts.alerted_cases(ws, analyst) == []


def test_acknowledging_keeps_the_alert_with_who_and_when(ws: Workspace, actors: dict[Role, Actor]) -> None:
    analyst, viewer = actors[Role.ANALYST], actors[Role.VIEWER]
    case_id = _deployed(ws, analyst)
    cases.set_facts(ws, analyst, case_id, None, NO_CONSENT)
    (raised,) = alerts.open_alerts(ws, viewer, case_id)
    done = alerts.acknowledge(ws, analyst, case_id, raised.alert.id, "  Lead informed on 3 March.  ")
    assert (
        not done.open and done.acknowledged_by == "analyst" and done.alert.note == "Lead informed on 3 March."
    )
    assert done.alert.acknowledged_at is not None
    assert alerts.open_alerts(ws, viewer, case_id) == ()
    assert [a.alert.id for a in alerts.list_alerts(ws, viewer, case_id)] == [raised.alert.id]  # kept
    assert alerts.alerted_cases(ws, viewer) == []
    with pytest.raises(ConflictError, match="already acknowledged"):
        alerts.acknowledge(ws, analyst, case_id, raised.alert.id)
    other = cases.create_case(ws, analyst, CaseInput(title="Another inquiry")).id
    with pytest.raises(NotFoundError):
        alerts.acknowledge(ws, analyst, other, raised.alert.id)


def test_the_audit_chain_covers_alerts_raised_and_acknowledged(ws: Workspace, analyst: Actor) -> None:
    case_id = _deployed(ws, analyst)
    cases.set_facts(ws, analyst, case_id, None, NO_CONSENT)
    (raised,) = alerts.list_alerts(ws, analyst, case_id)
    alerts.acknowledge(ws, analyst, case_id, raised.alert.id, "seen")
    with ws.db.read() as session:
        report = audit.verify(session)
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert report.ok, report.problems
    assert "alert.raise" in actions and actions[-1] == "alert.acknowledge"
    with ws.db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE case_alerts SET note = 'rewritten'")
    with ws.db.read() as session:
        assert (
            f"row case_alerts:{raised.alert.id} was edited outside the application"
            in audit.verify(session).problems
        )


# --- domestic steps and the mandate ---------------------------------------------------------------------


@pytest.fixture
def ruritania(ws: Workspace, tmp_path: Path) -> Workspace:
    """The workspace offering a ministry's doctrine with deadlines: Azerbaijan's rules under another id."""
    path = tmp_path / "doctrines" / "ruritania.yaml"
    doctrine_with_steps(path, [PARLIAMENT, RENEWAL], id="ruritania", country="RUR")
    return Workspace(ws.db, load_registry(path.parent), ws.settings)


def _case(ws: Workspace, analyst: Actor, facts: dict[str, Any]) -> int:
    return cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="ruritania", facts=facts)).id


def test_steps_stand_against_a_fixed_today(ruritania: Workspace, analyst: Actor) -> None:
    case_id = _case(ruritania, analyst, {"request.date": "2025-11-20", "mandate.end_date": "2027-12-31"})
    found = watch.case_steps(ruritania, analyst, case_id, dt.date(2026, 1, 5))
    parliament, renewal = found.steps
    assert (parliament.status, parliament.due, parliament.fact) == (
        "overdue",
        dt.date(2025, 12, 20),
        "domestic.parliamentary_approval",
    )
    assert parliament.deadline == "within 30 days of the request (by 20 December 2025)"
    assert (renewal.status, renewal.due) == ("not recorded", dt.date(2027, 11, 1))
    assert (
        watch.case_steps(ruritania, analyst, case_id, dt.date(2025, 12, 1)).steps[0].status == "not yet taken"
    )
    assert (found.mandate.state, found.mandate.days_left, found.mandate.end_date) == (
        "running",
        725,
        dt.date(2027, 12, 31),
    )
    assert found.mandate.lines[0].startswith("The mandate ends on 31 December 2027 (725 days from today)")
    ended = watch.case_steps(ruritania, analyst, case_id, dt.date(2028, 1, 2)).mandate
    assert (ended.state, ended.days_left) == ("ended", -2)


def test_recording_a_step_sets_its_fact(ruritania: Workspace, analyst: Actor) -> None:
    case_id = _case(ruritania, analyst, {"request.date": "2025-11-20"})
    case = watch.record_step_taken(ruritania, analyst, case_id, "milli-majlis", 1)
    assert case.version == 2
    step = watch.case_steps(ruritania, analyst, case_id, dt.date(2026, 1, 5)).steps[0]
    assert step.status == "taken"
    with ruritania.db.read() as session:
        record = store_cases.case_facts(session, store_cases.get_case(session, analyst, case_id))[
            step.fact or ""
        ]
    assert record.record["value"] is True
    assert record.record["source"] == "recorded by analyst on the case timeline: Approval by the Milli Majlis"
    with pytest.raises(ConflictError):
        watch.record_step_taken(ruritania, analyst, case_id, "milli-majlis", 1)  # stale version
    with pytest.raises(NotFoundError, match="no domestic step 'senate'"):
        watch.record_step_taken(ruritania, analyst, case_id, "senate", 2)
    with pytest.raises(MissionGateError, match="names no fact"):
        watch.record_step_taken(ruritania, analyst, case_id, "renewal", 2)


def test_the_mandate_is_open_ended_or_not_yet_known(ruritania: Workspace, analyst: Actor) -> None:
    unknown = _case(ruritania, analyst, {"mandate.review_mechanism": False})
    mandate = watch.case_steps(ruritania, analyst, unknown, dt.date(2026, 1, 5)).mandate
    assert (mandate.state, mandate.days_left, mandate.review) == ("unknown", None, False)
    open_ended = _case(ruritania, analyst, {"mandate.open_ended": True})
    assert watch.case_steps(ruritania, analyst, open_ended).mandate.state == "open_ended"


def test_the_example_cases_doctrine_lists_its_step(ws: Workspace, analyst: Actor) -> None:
    case_id = _deployed(ws, analyst)
    (step,) = watch.case_steps(ws, analyst, case_id).steps
    assert (step.id, step.status, step.authority) == ("parliament", "not yet taken", "the Milli Majlis")
    assert "Ministry of Foreign Affairs" in step.source
    found = watch.case_watch(ws, analyst, case_id)
    assert found.deployed and not found.requires_withdrawal
    assert "Consent of the host state: no longer the case" in [t.text for t in found.triggers]


@given(
    end=st.dates(dt.date(2000, 1, 1), dt.date(2060, 1, 1)),
    today=st.dates(dt.date(2000, 1, 1), dt.date(2060, 1, 1)),
)
def test_the_mandate_end_is_flagged_by_days_left(end: dt.date, today: dt.date) -> None:
    mission = missiongate.mission_from_data({"id": "m", "title": "m", "facts": {"mandate.end_date": end}})
    status = watch.mandate_status(mission, today)
    assert status.days_left == (end - today).days
    assert (status.state == "running") == (end >= today) and status.state in {"running", "ended"}
    assert ("days from today" in status.lines[0]) == (end >= today)


def test_an_unreadable_earlier_record_counts_as_nothing_known() -> None:
    """An old assessment whose inputs the catalogue no longer reads never blocks a write."""
    assert alerts.recorded_values({"id": "old", "title": "old", "facts": {"no.such_fact": True}}) == {}
    assert alerts.recorded_values({"id": "m", "title": "m", "facts": {"contingent.size": 40}}) == {
        "contingent.size": 40
    }
