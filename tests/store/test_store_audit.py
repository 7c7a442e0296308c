"""The audit log: every write is chained; editing, deleting or cutting entries is detected."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from missiongate.store import audit, cases
from missiongate.store import decisions as store_decisions
from missiongate.store.accounts import Actor
from missiongate.store.db import Database


def _history(database: Database, analyst: Actor) -> int:
    with database.write() as session:
        case_id = cases.create_case(session, analyst, cases.CaseInput(title="ISF")).id
    with database.write() as session:
        cases.set_facts(session, analyst, case_id, 1, {"operation.type": "stabilization"})
    with database.write() as session:
        store_decisions.create_assessment(session, analyst, case_id)
    return case_id


@contextmanager
def tampering(database: Database) -> Iterator[Connection]:
    """A connection that bypasses the append-only triggers, as someone with file or superuser access could."""
    with database.engine.begin() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER ALL")
        yield connection


def _verify(database: Database) -> audit.ChainReport:
    with database.read() as session:
        return audit.verify(session)


def test_every_write_is_logged_in_an_intact_chain(database: Database, analyst: Actor) -> None:
    case_id = _history(database, analyst)
    report = _verify(database)
    assert report.ok, report.problems
    with database.read() as session:
        entries = session.query(audit.AuditEntry).order_by(audit.AuditEntry.seq).all()
    actions = [e.action for e in entries]
    assert actions[-3:] == ["case.create", "facts.set", "assessment.create"]
    assert {e.target for e in entries[-3:]} == {f"case:{case_id}"}
    assert all(e.prev_hash == p.hash for p, e in itertools.pairwise(entries))
    assert report.head_hash == entries[-1].hash


def test_the_database_refuses_to_change_audit_entries(database: Database, analyst: Actor) -> None:
    _history(database, analyst)
    for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log WHERE seq = 2"):
        with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as connection:
            connection.exec_driver_sql(statement)
    assert _verify(database).ok


def test_an_edited_entry_is_detected(database: Database, analyst: Actor) -> None:
    _history(database, analyst)
    with tampering(database) as connection:
        connection.exec_driver_sql("UPDATE audit_log SET details = '{}' WHERE seq = 6")
    assert any("entry 6" in p and "altered" in p for p in _verify(database).problems)


def test_a_deleted_entry_is_detected(database: Database, analyst: Actor) -> None:
    _history(database, analyst)
    with tampering(database) as connection:
        connection.exec_driver_sql("DELETE FROM audit_log WHERE seq = 6")
    problems = _verify(database).problems
    assert any("missing" in p for p in problems) and any("does not link" in p for p in problems)


def test_a_cut_off_tail_is_detected(database: Database, analyst: Actor) -> None:
    _history(database, analyst)
    with tampering(database) as connection:
        connection.exec_driver_sql("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)")
    assert any("head records" in p for p in _verify(database).problems)


def test_a_rewritten_entry_with_fresh_hash_breaks_the_next_link(database: Database, analyst: Actor) -> None:
    _history(database, analyst)
    with database.read() as session:
        entry = session.get(audit.AuditEntry, 5)
        assert entry is not None
        entry.actor = "mallory"
        forged = audit.entry_hash(entry)
    with tampering(database) as connection:
        connection.exec_driver_sql(f"UPDATE audit_log SET actor = 'mallory', hash = '{forged}' WHERE seq = 5")
    assert any("entry 6 does not link" in p for p in _verify(database).problems)


def test_decision_records_cannot_be_changed(database: Database, analyst: Actor) -> None:
    case_id = _history(database, analyst)
    for table in ("assessments", "fact_revisions"):
        with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as connection:
            connection.exec_driver_sql(f"UPDATE {table} SET case_version = 99")
    with database.write() as session:
        assessment = store_decisions.list_assessments(session, analyst, case_id)[0][0]
    assert assessment.case_version == 2
