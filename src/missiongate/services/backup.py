"""Backup and restore of the workspace database (`missiongate backup`, `missiongate restore`)."""

from __future__ import annotations

from pathlib import Path

from missiongate.store import backup as store_backup
from missiongate.store.audit import ChainReport
from missiongate.store.db import Database


def backup(db: Database, destination: Path) -> None:
    """A consistent online copy: SQLite's backup API, or pg_dump for PostgreSQL."""
    store_backup.backup(db, destination)


def restore(db: Database, source: Path, *, force: bool = False) -> ChainReport:
    """Replace the database with a backup, only if its integrity, schema version and audit chain check out
    (and, without `force`, only an empty database); the chain as checked."""
    return store_backup.restore(db, source, force=force)
