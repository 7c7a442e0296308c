"""Backup and restore on both backends: the restored database holds exactly the backed-up state."""

from __future__ import annotations

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
