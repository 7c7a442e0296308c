"""Backup and restore: SQLite's online backup API (consistent while the server runs), pg_dump/pg_restore.

Backups are written to a temporary file first and renamed into place, so a failed backup never
leaves a truncated file under the destination name.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url

from missiongate.errors import MissionGateError
from missiongate.store.db import Database
from missiongate.store.models import AuditHead

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


def _sqlite_path(database: Database) -> Path:
    name = make_url(database.url).database
    if not name or name == ":memory:":
        raise MissionGateError("an in-memory database cannot be backed up")
    return Path(name)


def _libpq_url(database: Database) -> str:
    """The SQLAlchemy URL in the form pg_dump understands (no '+driver')."""
    url = make_url(database.url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise MissionGateError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def backup(database: Database, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    if database.is_sqlite:
        source = sqlite3.connect(_sqlite_path(database))
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}", _libpq_url(database)])
    os.replace(partial, destination)


def restore(database: Database, source: Path, *, force: bool = False) -> None:
    if not source.is_file():
        raise MissionGateError(f"no backup file {source}")
    head = source.read_bytes()[:16]
    if not force and _holds_data(database):
        raise MissionGateError(
            "the database already holds data; stop the server and use --force to replace it"
        )
    if database.is_sqlite:
        if head != SQLITE_MAGIC:
            raise MissionGateError(f"{source} is not a SQLite backup")
        _restore_sqlite(database, source)
    else:
        if not head.startswith(PGDUMP_MAGIC):
            raise MissionGateError(f"{source} is not a pg_dump backup (custom format)")
        database.dispose()
        _run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={_libpq_url(database)}",
                str(source),
            ]
        )


def _restore_sqlite(database: Database, source: Path) -> None:
    database.dispose()
    path = _sqlite_path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    backup_db = sqlite3.connect(source)
    target = sqlite3.connect(path)
    try:
        backup_db.backup(target)  # page by page into the live file, WAL included: no torn state
    finally:
        target.close()
        backup_db.close()


def _holds_data(database: Database) -> bool:
    if not inspect(database.engine).has_table("audit_head"):
        return False
    with database.read() as session:
        seq = session.scalar(select(AuditHead.seq).where(AuditHead.id == 1))
    return bool(seq)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise MissionGateError(f"{Path(command[0]).name} failed: {result.stderr.strip()[:2000]}")
