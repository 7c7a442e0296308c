"""Backup and restore on both backends: the restored database holds exactly the backed-up state."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from missiongate.errors import MissionGateError
from missiongate.store import audit, backup, cases
from missiongate.store.accounts import Actor
from missiongate.store.db import Database


def _titles(database: Database, actor: Actor) -> list[str]:
    with database.read() as session:
        return sorted(c.title for c in cases.list_cases(session, actor)[0])


def test_backup_then_restore(database: Database, analyst: Actor, tmp_path: Path) -> None:
    with database.write() as session:
        cases.create_case(session, analyst, cases.CaseInput(title="Kept", facts={"consent.host_state": True}))
    target = tmp_path / "backups" / "workspace.backup"
    backup.backup(database, target)
    with database.write() as session:
        cases.create_case(session, analyst, cases.CaseInput(title="After the backup"))
    with pytest.raises(MissionGateError, match="--force"):
        backup.restore(database, target)
    backup.restore(database, target, force=True)
    assert _titles(database, analyst) == ["Kept"]
    with database.read() as session:
        report = audit.verify(session)
    assert report.ok and report.entries == 5  # four users and the case
    with database.write() as session:  # and the restored database takes writes (triggers, sequences)
        cases.create_case(session, analyst, cases.CaseInput(title="After the restore"))
    assert _titles(database, analyst) == ["After the restore", "Kept"]


def test_restore_refuses_other_files(database: Database, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    with pytest.raises(MissionGateError, match="not a"):
        backup.restore(database, bogus, force=True)
    with pytest.raises(MissionGateError, match="no backup file"):
        backup.restore(database, tmp_path / "missing", force=True)


def _state(database: Database, analyst: Actor) -> tuple[list[str], bool, int]:
    with database.read() as session:
        report = audit.verify(session)
    return _titles(database, analyst), report.ok, report.entries


def _refused(database: Database, analyst: Actor, bad: Path, message: str) -> None:
    """The restore fails with one line naming the problem, and the live database is as it was."""
    before = _state(database, analyst)
    with pytest.raises(MissionGateError, match=message) as refused:
        backup.restore(database, bad, force=True)
    assert "\n" not in str(refused.value)
    assert _state(database, analyst) == before and before[1]


def _with_case(database: Database, analyst: Actor, tmp_path: Path) -> Path:
    with database.write() as session:
        cases.create_case(session, analyst, cases.CaseInput(title="Live"))
    target = tmp_path / "workspace.backup"
    backup.backup(database, target)
    return target


def test_a_truncated_backup_leaves_the_database_untouched(
    database: Database, analyst: Actor, tmp_path: Path
) -> None:
    good = _with_case(database, analyst, tmp_path)
    cut = tmp_path / "cut.backup"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(database, analyst, cut, "not a readable|integrity|failed")


def test_a_foreign_sqlite_file_is_refused(database: Database, analyst: Actor, tmp_path: Path) -> None:
    if not database.is_sqlite:
        pytest.skip("a SQLite file is refused by its header on PostgreSQL")
    _with_case(database, analyst, tmp_path)
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('hello')")
    connection.close()
    _refused(database, analyst, foreign, "not a MissionGate backup")


def _tampered(good: Path, tmp_path: Path, *statements: str) -> Path:
    bad = tmp_path / "tampered.backup"
    shutil.copy(good, bad)
    connection = sqlite3.connect(bad)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()
    return bad


def test_a_backup_with_a_broken_chain_or_unknown_schema_is_refused(
    database: Database, analyst: Actor, tmp_path: Path
) -> None:
    if not database.is_sqlite:
        pytest.skip("the backup file is edited with sqlite3")
    good = _with_case(database, analyst, tmp_path)
    edited = _tampered(
        good,
        tmp_path,
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2",
    )
    _refused(database, analyst, edited, "fails the audit check: entry 2")
    newer = _tampered(good, tmp_path, "UPDATE alembic_version SET version_num = 'ffff9999'")
    _refused(database, analyst, newer, "unknown to this MissionGate")


def test_restore_into_a_missing_database_file(tmp_path: Path, database: Database, analyst: Actor) -> None:
    if not database.is_sqlite:
        pytest.skip("SQLite files only")
    good = _with_case(database, analyst, tmp_path)
    fresh = Database(f"sqlite:///{tmp_path / 'new' / 'missiongate.db'}")
    report = backup.restore(fresh, good)
    assert report.ok and _titles(fresh, analyst) == ["Live"]
    fresh.dispose()
    assert sorted(p.name for p in (tmp_path / "new").iterdir() if "restore" in p.name) == []
