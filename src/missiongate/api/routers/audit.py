"""The audit log (admin only): read it, and verify its hash chain."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import AuditEntryOut, AuditVerifyOut, Page
from missiongate.server.deps import WS, Admin, PageParams
from missiongate.services import audit

router = APIRouter(prefix="/audit", tags=["audit"], responses=PROBLEM_RESPONSES)
Anchor = Annotated[
    str | None,
    Query(
        max_length=64,
        pattern=r"^[0-9A-Fa-f]{64}$",
        description="a head hash printed earlier by `missiongate audit anchor` (or this endpoint's "
        "head_hash); the check fails if it is no longer in the chain",
    ),
]


@router.get("", response_model=Page[AuditEntryOut], summary="Audit entries, newest first")
def list_entries(
    actor: Admin,
    ws: WS,
    page: PageParams,
    target: Annotated[str | None, Query(max_length=100, description="e.g. case:12")] = None,
    action: Annotated[str | None, Query(max_length=64, description="e.g. facts.set")] = None,
) -> Page[AuditEntryOut]:
    rows, total = audit.list_entries(ws, target=target, action=action, limit=page.limit, offset=page.offset)
    return Page(
        items=[present.audit_entry(r) for r in rows], total=total, limit=page.limit, offset=page.offset
    )


@router.get(
    "/verify",
    response_model=AuditVerifyOut,
    summary="Check the whole hash chain (and, with ?anchor=HASH, that a kept head hash is still in it)",
)
def verify(actor: Admin, ws: WS, anchor: Anchor = None) -> AuditVerifyOut:
    report = audit.verify(ws.db, anchor)
    return AuditVerifyOut(
        ok=report.ok, entries=report.entries, head_hash=report.head_hash, problems=report.problems
    )
