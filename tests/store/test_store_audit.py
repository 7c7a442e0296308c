"""The audit log: every write is chained; editing, deleting or cutting entries is detected."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def raw_edit(database: Database) -> Iterator[Connection]:
    """A connection that bypasses every append-only trigger, for editing data rows directly."""
    with database.engine.begin() as connection:
        if database.is_sqlite:
            triggers = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            for (name,) in list(triggers):
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            connection.exec_driver_sql("SET session_replication_role = replica")  # no triggers, no FKs
        yield connection


def _problems(database: Database) -> list[str]:
    return _verify(database).problems


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        (
            "UPDATE case_facts SET status = 'proposed'",
            "row case_facts:{case}/operation.type was edited",
        ),
        ("UPDATE assessments SET verdict = 'ACCEPTABLE'", "row assessments:1 was edited"),
        ("UPDATE users SET role = 'admin' WHERE username = 'analyst'", "was edited"),
        ("UPDATE cases SET status = 'decided'", "row cases:{case} was edited"),
        ("DELETE FROM assessments", "row assessments:1 was deleted"),
        ("DELETE FROM fact_revisions", "was deleted"),
        (
            "INSERT INTO users (username, display_name, role, active, created_at) "
            "VALUES ('mallory', 'M', 'admin', true, '2026-01-01 00:00:00')",
            "row users:",
        ),
    ],
)
def test_data_changed_outside_the_application_is_detected(
    database: Database, analyst: Actor, statement: str, found: str
) -> None:
    case_id = _history(database, analyst)
    assert _problems(database) == []
    with raw_edit(database) as connection:
        connection.exec_driver_sql(statement)
    problems = _problems(database)
    assert any(found.format(case=case_id) in problem for problem in problems), problems
    assert all("outside the application" in problem for problem in problems)


def test_a_wholesale_deletion_is_caught_by_the_data_and_by_an_anchor(
    database: Database, analyst: Actor
) -> None:
    _history(database, analyst)
    anchor = _verify(database).head_hash
    with raw_edit(database) as connection:
        connection.exec_driver_sql("DELETE FROM audit_log")
        connection.exec_driver_sql(f"UPDATE audit_head SET seq = 0, hash = '{audit.GENESIS_HASH}'")
    assert any("inserted outside the application" in p for p in _problems(database))
    with raw_edit(database) as connection:  # the data gone too: only the anchor still tells
        for table in ("claims", "signoffs", "positions", "assessments", "answers", "questionnaires",
                      "documents", "fact_revisions", "case_facts", "case_members", "cases", "api_tokens",
                      "login_sessions", "login_failures", "users"):  # fmt: skip
            connection.exec_driver_sql(f"DELETE FROM {table}")
    assert _problems(database) == []
    with database.read() as session:
        report = audit.verify(session, anchor=anchor)
    assert report.problems == [f"the anchor {anchor} is not in the chain: the log was replaced or cut"]


def test_writes_through_the_application_keep_the_data_covered(database: Database, analyst: Actor) -> None:
    case_id = _history(database, analyst)
    with database.write() as session:
        cases.update_case(session, analyst, case_id, 2, {"restricted": True, "members": ["analyst"]})
    with database.write() as session:
        cases.set_facts(session, analyst, case_id, 3, {"operation.type": None})
    assert _problems(database) == []
    with database.read() as session:
        anchor = audit.verify(session).head_hash
        assert audit.verify(session, anchor=anchor).ok


def test_upgrading_a_database_with_data_records_a_baseline(tmp_path: Path) -> None:
    older = Database(f"sqlite:///{tmp_path / 'older.db'}")
    older.upgrade("0003")
    with older.engine.begin() as connection:  # rows as the earlier code wrote them: times, JSON, dates
        for statement in (
            "INSERT INTO users (username, display_name, role, active, created_at) "
            "VALUES ('ana', 'Ana', 'analyst', 1, '2026-01-01 00:00:00.000000')",
            "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) "
            "VALUES (1, 'ci', 'ab', 'mgt_ab', '2026-01-01 00:00:00.000000')",
            "INSERT INTO cases (mission_ref, title, description, received_on, doctrine_id, status, example, "
            "restricted, position, version, created_at, created_by, updated_at) VALUES ('m', 'T', '', "
            "'2026-01-02', 'azerbaijan', 'open', 0, 0, 'no_consent_given', 1, "
            "'2026-01-01 00:00:00.000000', 1, '2026-01-01 00:00:00.000000')",
            "INSERT INTO case_facts (case_id, fact_id, record, status, updated_at, updated_by) VALUES "
            '(1, \'operation.type\', \'{"value": "stabilization", "status": "confirmed"}\', \'confirmed\', '
            "'2026-01-01 00:00:00.000000', 1)",
        ):
            connection.exec_driver_sql(statement)
    older.upgrade()
    with older.read() as session:
        report = audit.verify(session)
        entries = session.query(audit.AuditEntry).all()
    older.dispose()
    assert report.ok and [(e.action, e.actor) for e in entries] == [("audit.baseline", "migration")]
