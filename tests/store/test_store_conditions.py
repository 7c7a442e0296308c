"""The records of our conditions on a case: appended with their audit entry, never changed, chained."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError
from tests.store.test_store_audit import raw_edit

from missiongate.decision.tracking import ConditionChange
from missiongate.store import audit, cases
from missiongate.store import conditions as stored
from missiongate.store.accounts import Actor
from missiongate.store.db import Database, current_revision, downgrade, upgrade


def _recorded(database: Database, analyst: Actor) -> int:
    """A case whose condition C1 was stated, then accepted; returns the case id."""
    with database.write() as session:
        case = cases.create_case(session, analyst, cases.CaseInput(title="T", doctrine_id="azerbaijan"))
        for state, facts in (("stated", {}), ("accepted", {"contingent.caveats_accepted": True})):
            change = ConditionChange(state, "the lead nation", dt.date(2026, 3, 1), "meeting", reference="r")
            stored.add_record(session, analyst, case, "azerbaijan", "C1", change, facts)
        return case.id


def test_each_change_is_appended_and_the_latest_is_current(database: Database, analyst: Actor) -> None:
    case_id = _recorded(database, analyst)
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        history = stored.records(session, case)
        current = stored.current(session, case)
        report = audit.verify(session)
    assert [(r.state, r.facts) for r in history] == [
        ("stated", {}),
        ("accepted", {"contingent.caveats_accepted": True}),
    ]
    assert current["C1"].id == history[-1].id and current["C1"].occurred_on == dt.date(2026, 3, 1)
    assert report.ok, report.problems


def test_the_database_refuses_to_change_them(database: Database, analyst: Actor) -> None:
    _recorded(database, analyst)
    for statement in ("UPDATE case_conditions SET state = 'refused'", "DELETE FROM case_conditions"):
        with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as connection:
            connection.exec_driver_sql(statement)


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        ("UPDATE case_conditions SET state = 'refused' WHERE id = 2", "row case_conditions:2 was edited"),
        ("DELETE FROM case_conditions WHERE id = 1", "row case_conditions:1 was deleted"),
    ],
)
def test_audit_verify_covers_them(database: Database, analyst: Actor, statement: str, found: str) -> None:
    _recorded(database, analyst)
    with raw_edit(database) as connection:
        connection.exec_driver_sql(statement)
    with database.read() as session:
        problems = audit.verify(session).problems
    assert any(found in problem for problem in problems), problems


def test_the_migration_comes_and_goes(database: Database) -> None:
    try:
        downgrade(database.engine, "0007")
        assert "case_conditions" not in inspect(database.engine).get_table_names()
        assert current_revision(database.engine) == "0007"
    finally:
        upgrade(database.engine)  # the PostgreSQL test database is shared by the session: leave it current
    assert "case_conditions" in inspect(database.engine).get_table_names()
