"""Withdrawal alert rows: kept (the database refuses to delete one), acknowledged once, visible only with
their case, and created by revision 0009 on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from missiongate.errors import ConflictError, NotFoundError
from missiongate.store import alerts, cases, decisions
from missiongate.store.accounts import Actor
from missiongate.store.db import Database, current_revision, downgrade, upgrade
from missiongate.store.models import CaseAlert, Role


def _alert(database: Database, analyst: Actor, *, restricted: bool = False) -> tuple[int, int]:
    with database.write() as session:
        case = cases.create_case(session, analyst, cases.CaseInput(title="Deployed", restricted=restricted))
        first = decisions.create_assessment(session, analyst, case.id)
        second = decisions.create_assessment(session, analyst, case.id)
        alert = alerts.record_alert(
            session,
            analyst,
            text="Withdrawal required: Consent of the host state: no",
            facts=["consent.host_state"],
            rules=["Consent of the host state"],
            assessment=second,
            previous=first,
        )
        return case.id, alert.id


def test_an_alert_is_kept_and_acknowledged_once(database: Database, actors: dict[Role, Actor]) -> None:
    analyst = actors[Role.ANALYST]
    case_id, alert_id = _alert(database, analyst)
    with pytest.raises(DBAPIError, match=r"kept|append-only"), database.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM case_alerts")
    with database.write() as session:
        done = alerts.acknowledge(session, analyst, case_id, alert_id, "seen")
        assert (done.acknowledged_by, done.note) == (analyst.id, "seen")
    with database.write() as session, pytest.raises(ConflictError):
        alerts.acknowledge(session, analyst, case_id, alert_id)
    with database.read() as session:
        assert [a.id for a in alerts.list_alerts(session, analyst, case_id)] == [alert_id]
        assert alerts.alerted_cases(session, analyst) == []


def test_alerts_of_a_restricted_case_stay_hidden(database: Database, actors: dict[Role, Actor]) -> None:
    analyst, viewer = actors[Role.ANALYST], actors[Role.VIEWER]
    case_id, _ = _alert(database, analyst, restricted=True)
    with database.read() as session:
        assert alerts.alerted_cases(session, analyst) == [(case_id, "Deployed", 1)]
        assert alerts.alerted_cases(session, viewer) == []
        with pytest.raises(NotFoundError):
            alerts.list_alerts(session, viewer, case_id)


def test_revision_0009_comes_and_goes(database: Database, analyst: Actor) -> None:
    try:
        downgrade(database.engine, "0007")
        assert CaseAlert.__tablename__ not in inspect(database.engine).get_table_names()
        assert current_revision(database.engine) == "0007"
    finally:
        upgrade(database.engine)  # the PostgreSQL test database is shared by the session: leave it current
    assert CaseAlert.__tablename__ in inspect(database.engine).get_table_names()
    _alert(database, analyst)
