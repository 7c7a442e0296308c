"""Backup and restore: SQLite's online backup API (consistent while the server runs), pg_dump/pg_restore.

Backups are written to a temporary file first and renamed into place, so a failed backup never
leaves a truncated file under the destination name.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from missiongate.errors import MissionGateError
from missiongate.store import audit
from missiongate.store.db import Database, current_revision, head, known_revisions
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


def restore(database: Database, source: Path, *, force: bool = False) -> audit.ChainReport:
    """Replace the database with a backup, only once the backup is known to be sound.

    The backup is restored into a scratch copy first (SQLite: a temporary file beside the database;
    PostgreSQL: a scratch database), whose integrity, schema version and audit chain are checked. Only
    then is it swapped in: SQLite renames the file into place, PostgreSQL restores in one transaction.
    On any failure the live database is untouched and the error is one line. Returns the chain report.
    """
    head = _file_head(source)
    if not force and _holds_data(database):
        raise MissionGateError(
            "the database already holds data; stop the server and use --force to replace it"
        )
    if database.is_sqlite:
        if head != SQLITE_MAGIC:
            raise MissionGateError(f"{source} is not a SQLite backup")
        return _restore_sqlite(database, source)
    if not head.startswith(PGDUMP_MAGIC):
        raise MissionGateError(f"{source} is not a pg_dump backup (custom format)")
    return _restore_postgres(database, source)


def _file_head(source: Path) -> bytes:
    if not source.is_file():
        raise MissionGateError(f"no backup file {source}")
    try:
        with source.open("rb") as handle:
            return handle.read(16)
    except OSError as exc:
        raise MissionGateError(f"cannot read {source}: {exc.strerror}") from None


def _checked(candidate: Database, source: Path) -> audit.ChainReport:
    """Schema version (upgraded when older) and audit chain of a restored copy; raises on any problem."""
    try:
        revision = (
            current_revision(candidate.engine)
            if inspect(candidate.engine).has_table("alembic_version")
            else None
        )
        if revision is None:
            raise MissionGateError(f"{source} is not a MissionGate backup (no schema version)")
        if revision not in known_revisions():
            raise MissionGateError(
                f"{source} has schema version {revision}, unknown to this MissionGate (newer?)"
            )
        if revision != head():
            candidate.upgrade()
        with candidate.read() as session:
            report = audit.verify(session)
    except SQLAlchemyError as exc:
        raise MissionGateError(
            f"{source} is not a readable MissionGate database: {_first_line(exc)}"
        ) from None
    if not report.ok:
        more = f" (and {len(report.problems) - 1} more problems)" if len(report.problems) > 1 else ""
        raise MissionGateError(f"{source} fails the audit check: {report.problems[0]}{more}")
    return report


def _restore_sqlite(database: Database, source: Path) -> audit.ChainReport:
    live = _sqlite_path(database)
    live.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=live.parent, prefix=f".{live.name}.restore-", suffix=".db")
    os.close(descriptor)
    scratch = Path(name)
    try:
        _copy_sqlite(source, scratch)
        candidate = Database(f"sqlite:///{scratch}")
        try:
            report = _checked(candidate, source)
        finally:
            candidate.dispose()  # the last connection closing folds the scratch copy's WAL into it
        database.dispose()
        with database.write_turn():
            _quiesce(live)
            _fsync(scratch)
            os.replace(scratch, live)
            _fsync(live.parent)
        return report
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)


def _copy_sqlite(source: Path, target: Path) -> None:
    try:
        backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        copy = sqlite3.connect(target)
        try:
            backup_db.backup(copy)
            verdict = copy.execute("PRAGMA integrity_check").fetchone()
        finally:
            copy.close()
            backup_db.close()
    except sqlite3.DatabaseError as exc:
        raise MissionGateError(f"{source} is not a readable SQLite database: {exc}") from None
    if verdict is None or verdict[0] != "ok":
        raise MissionGateError(f"{source} fails SQLite's integrity check: {verdict[0] if verdict else '?'}")


def _quiesce(live: Path) -> None:
    """Fold the live database's WAL into it, so no stale log is left to be replayed onto the backup."""
    if not live.exists():
        return
    connection = sqlite3.connect(live)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    wal = Path(f"{live}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise MissionGateError("the database is open in another process; stop the server first")
    for leftover in (wal, Path(f"{live}-shm")):
        leftover.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _restore_postgres(database: Database, source: Path) -> audit.ChainReport:
    live = make_url(database.url)
    scratch_name = f"{live.database}_restore_check"
    admin = create_engine(live, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{scratch_name}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{scratch_name}"')
        scratch = Database(live.set(database=scratch_name).render_as_string(hide_password=False))
        try:
            _run(
                [
                    _tool("pg_restore"),
                    "--no-owner",
                    "--single-transaction",
                    f"--dbname={_libpq_url(scratch)}",
                    str(source),
                ]
            )
            report = _checked(scratch, source)
        finally:
            scratch.dispose()
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{scratch_name}" WITH (FORCE)')
    finally:
        admin.dispose()
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
    if not database.is_current():
        database.upgrade()
    return report


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split("\n", 1)[0].split())[:300]


def _holds_data(database: Database) -> bool:
    if not inspect(database.engine).has_table("audit_head"):
        return False
    with database.read() as session:
        seq = session.scalar(select(AuditHead.seq).where(AuditHead.id == 1))
    return bool(seq)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if "error" in line.lower()] or [result.stderr]
        raise MissionGateError(f"{Path(command[0]).name} failed: {' '.join(errors[0].split())[:300]}")
