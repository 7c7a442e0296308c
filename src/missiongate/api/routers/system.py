"""Health, the doctrines and the fact catalogue: what clients need before they touch a case."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path

import missiongate
from missiongate.api.schemas import HealthOut
from missiongate.doctrine import RegisteredDoctrine
from missiongate.server.deps import WS, Doctrines, Viewer
from missiongate.server.errors import ProblemError
from missiongate.services.workspace import health as check_health

router = APIRouter(tags=["system"])


@router.get("/health", response_model=HealthOut, summary="Liveness and database check (no login needed)")
def health(ws: WS) -> HealthOut:
    try:
        found = check_health(ws.db)
    except Exception as exc:  # the health check reports any database failure instead of raising it
        raise ProblemError(503, f"database unavailable: {type(exc).__name__}", slug="unavailable") from exc
    return HealthOut(
        status="ok" if found.current else "schema-outdated",
        version=missiongate.__version__,
        database=found.database,
        schema_revision=found.revision,
    )


@router.get("/doctrines", summary="The doctrines cases can be assessed against, built in and from files")
def list_doctrines(actor: Viewer, doctrines: Doctrines) -> list[dict[str, Any]]:
    return [_doctrine_summary(entry) for entry in doctrines]


@router.get("/doctrines/{doctrine_id}", summary="One doctrine with its rules and sources")
def get_doctrine(
    actor: Viewer, doctrines: Doctrines, doctrine_id: str = Path(max_length=100)
) -> dict[str, Any]:
    if doctrine_id not in doctrines:
        raise ProblemError(404, f"no doctrine {doctrine_id!r}", slug="not-found")
    entry = doctrines.entry(doctrine_id)
    doctrine = entry.doctrine
    return {
        **doctrine.model_dump(mode="json", exclude={"cases"}),
        "content_hash": doctrine.content_hash,
        "origin": entry.origin,
    }


def _doctrine_summary(entry: RegisteredDoctrine) -> dict[str, Any]:
    doctrine = entry.doctrine
    return {
        "id": doctrine.id,
        "title": doctrine.title,
        "country": doctrine.country,
        "version": doctrine.version,
        "content_hash": doctrine.content_hash,
        "rules": len(doctrine.rules),
        "origin": entry.origin,
    }


@router.get("/facts", summary="The fact catalogue: every fact id with its type, values and question")
def fact_catalogue(actor: Viewer) -> list[dict[str, Any]]:
    return [fact.model_dump(mode="json") for fact in missiongate.load_catalogue().facts]
