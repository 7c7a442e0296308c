"""The audit log (admin only): read it, and verify its hash chain."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import AuditEntryOut, AuditVerifyOut, Page
from missiongate.server.deps import DB, Admin, PageParams
from missiongate.store import audit
from missiongate.store.models import AuditEntry

router = APIRouter(prefix="/audit", tags=["audit"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=Page[AuditEntryOut], summary="Audit entries, newest first")
def list_entries(
    actor: Admin,
    db: DB,
    page: PageParams,
    target: Annotated[str | None, Query(max_length=100, description="e.g. case:12")] = None,
    action: Annotated[str | None, Query(max_length=64, description="e.g. facts.set")] = None,
) -> Page[AuditEntryOut]:
    stmt = select(AuditEntry)
    if target:
        stmt = stmt.where(AuditEntry.target == target)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    with db.read() as session:
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        rows = session.scalars(stmt.order_by(AuditEntry.seq.desc()).limit(page.limit).offset(page.offset))
        return Page(
            items=[present.audit_entry(r) for r in rows], total=total, limit=page.limit, offset=page.offset
        )


@router.get("/verify", response_model=AuditVerifyOut, summary="Check the whole hash chain")
def verify(actor: Admin, db: DB) -> AuditVerifyOut:
    with db.read() as session:
        report = audit.verify(session)
    return AuditVerifyOut(
        ok=report.ok, entries=report.entries, head_hash=report.head_hash, problems=report.problems
    )
