"""The application factory: one workspace, the REST API under /api, the web pages beside it, the middleware.

The only module that imports both `missiongate.api` and `missiongate.web`; neither imports the other.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import missiongate
from missiongate.api.middleware import AccessLog, RequestGuard
from missiongate.api.routers import ROUTERS as API_ROUTERS
from missiongate.server import docs, errors
from missiongate.services import Workspace
from missiongate.settings import Settings, get_settings
from missiongate.store.db import Database
from missiongate.web import error_page
from missiongate.web import install as install_web_pages

MAX_JSON_BYTES = 1024 * 1024
UPLOAD_PATHS = re.compile(r"^/api/cases/[^/]+/(documents|answers/import|claims/check/file)$")


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """Build the app. Without a `database`, one is opened from the settings (migrated if `auto_migrate`).

    The doctrines are read here, once: the built-in ones plus the files in `settings.doctrines_dir`. A bad
    file is logged and skipped; a doctrines directory that cannot be read stops the start.
    """
    workspace = Workspace.open(settings or get_settings(), database)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if database is None:
            workspace.db.dispose()

    app = FastAPI(
        title="MissionGate case workspace",
        version=missiongate.__version__,
        description="Cases, facts with provenance, questionnaires, answers, immutable assessments, sign-offs "
        "and official positions, with role-based access and a hash-chained audit log. Errors are RFC 9457 "
        "problem documents; edits need If-Match with the ETag last read.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # server/docs.py serves it from the package
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workspace = workspace
    app.state.settings, app.state.db, app.state.doctrines = (
        workspace.settings,
        workspace.db,
        workspace.doctrines,
    )
    errors.install(app, error_page)
    for router in API_ROUTERS:
        app.include_router(router, prefix="/api")
    docs.install(app)
    install_web_pages(app)
    app.add_middleware(
        RequestGuard,
        max_upload=workspace.settings.max_upload_bytes + 64 * 1024,  # room for the multipart envelope
        max_json=MAX_JSON_BYTES,
        upload_paths=UPLOAD_PATHS,
    )
    app.add_middleware(AccessLog)
    return app
