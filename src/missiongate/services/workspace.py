"""The workspace every face works on: one database, the doctrines offered, the settings. Built once per
process (`Workspace.open`), by the server at start-up and by each workspace command."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import text

from missiongate.doctrine import DoctrineRegistry, load_registry
from missiongate.errors import MissionGateError
from missiongate.settings import Settings
from missiongate.store.db import Database, current_revision, head

log = logging.getLogger("missiongate.doctrines")


@dataclass(frozen=True)
class Workspace:
    db: Database
    doctrines: DoctrineRegistry
    settings: Settings

    @classmethod
    def open(cls, settings: Settings, database: Database | None = None, *, migrate: bool = True) -> Workspace:
        """The doctrines of the settings (bad files logged and skipped) and the database: the one given,
        else the settings' one, migrated when `migrate` and `settings.auto_migrate` say so."""
        doctrines = open_doctrines(settings)
        return cls(database or open_database(settings, migrate=migrate), doctrines, settings)


def open_doctrines(settings: Settings) -> DoctrineRegistry:
    """The registry of the settings' doctrines, each rejected file logged as a warning. A doctrines
    directory that cannot be read raises (and stops the start)."""
    doctrines = load_registry(settings.doctrines_dir)
    for rejected in doctrines.rejected:
        log.warning(
            "doctrine file rejected: %s",
            rejected,
            extra={"doctrines_dir": str(settings.doctrines_dir), "file": rejected.file},
        )
    if settings.doctrines_dir is not None:
        log.info(
            "doctrines: %d built in, %d from files, %d files rejected",
            sum(entry.builtin for entry in doctrines),
            sum(not entry.builtin for entry in doctrines),
            len(doctrines.rejected),
            extra={"doctrines_dir": str(settings.doctrines_dir)},
        )
    return doctrines


def open_database(settings: Settings, *, migrate: bool = True) -> Database:
    if settings.is_sqlite:
        settings.ensure_data_dir()
    db = Database(settings.resolved_database_url, sqlite_synchronous=settings.sqlite_synchronous)
    if migrate and settings.auto_migrate and not db.is_current():
        db.upgrade()
    return db


def open_existing(settings: Settings) -> Workspace:
    """The workspace of the settings for a command that must not create or migrate the database."""
    if settings.is_sqlite and not (settings.data_dir / "missiongate.db").exists():
        raise MissionGateError(f"no workspace database in {settings.data_dir}; run 'missiongate db upgrade'")
    db = open_database(settings, migrate=False)
    if not db.is_current():
        db.dispose()
        raise MissionGateError("the workspace database is not up to date; run 'missiongate db upgrade'")
    return Workspace(db, open_doctrines(settings), settings)


def migrate(db: Database) -> str | None:
    """Create the database or bring its schema up to date; the revision it is at now."""
    if not db.is_current():
        db.upgrade()
    return current_revision(db.engine)


@dataclass(frozen=True)
class Health:
    database: str  # the dialect: sqlite or postgresql
    revision: str | None
    current: bool  # the schema is the one this version expects


def health(db: Database) -> Health:
    """One query and the schema revision; a database that cannot answer raises what its driver raises."""
    with db.read() as session:
        session.execute(text("SELECT 1"))
    revision = current_revision(db.engine)
    return Health(db.engine.dialect.name, revision, revision == head())
