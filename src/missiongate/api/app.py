"""The FastAPI application factory: the REST API under /api, the web pages (`missiongate.web`) beside it."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import missiongate
from missiongate.api.middleware import AccessLog, RequestGuard
from missiongate.api.routers import audit, auth, cases, claims, exports, records, system, users
from missiongate.doctrine import DoctrineRegistry, load_registry
from missiongate.server import errors as problems
from missiongate.settings import Settings, get_settings
from missiongate.store.db import Database

log = logging.getLogger("missiongate.doctrines")
MAX_JSON_BYTES = 1024 * 1024
UPLOAD_PATHS = re.compile(r"^/api/cases/[^/]+/(documents|answers/import|claims/check/file)$")


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """Build the app. Without a `database`, one is opened from the settings (migrated if `auto_migrate`).

    The doctrines are read here, once: the built-in ones plus the files in `settings.doctrines_dir`. A bad
    file is logged and skipped; a doctrines directory that cannot be read stops the start.
    """
    settings = settings or get_settings()
    doctrines = open_doctrines(settings)
    db = database or open_database(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if database is None:
            db.dispose()

    app = FastAPI(
        title="MissionGate case workspace",
        version=missiongate.__version__,
        description="Cases, facts with provenance, questionnaires, answers, immutable assessments, sign-offs "
        "and official positions, with role-based access and a hash-chained audit log. Errors are RFC 9457 "
        "problem documents; edits need If-Match with the ETag last read.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.doctrines = doctrines
    problems.install(app)
    for module in (system, auth, users, cases, records, claims, exports, audit):
        app.include_router(module.router, prefix="/api")
    from missiongate.web import install as install_web_pages  # imports the API itself, hence here

    install_web_pages(app)
    app.add_middleware(
        RequestGuard,
        max_upload=settings.max_upload_bytes + 64 * 1024,  # room for the multipart envelope
        max_json=MAX_JSON_BYTES,
        upload_paths=UPLOAD_PATHS,
    )
    app.add_middleware(AccessLog)
    return app


def open_doctrines(settings: Settings) -> DoctrineRegistry:
    """The registry of the settings' doctrines, each rejected file logged as a warning."""
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


def open_database(settings: Settings) -> Database:
    if settings.is_sqlite:
        settings.ensure_data_dir()
    db = Database(settings.resolved_database_url, sqlite_synchronous=settings.sqlite_synchronous)
    if settings.auto_migrate and not db.is_current():
        db.upgrade()
    return db
