"""The workspace every face works on: one database, the doctrines offered, the settings. Built once per
process (`Workspace.open`), by the server at start-up and by each workspace command."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from missiongate.doctrine import DoctrineRegistry, load_registry
from missiongate.settings import Settings
from missiongate.store.db import Database

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
