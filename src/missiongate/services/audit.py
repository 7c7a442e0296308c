"""The audit log as an administrator reads it: its entries, and the check of its hash chain."""

from __future__ import annotations

from missiongate.services.workspace import Workspace
from missiongate.store import audit
from missiongate.store.db import Database
from missiongate.store.models import AuditEntry


def list_entries(
    ws: Workspace, *, target: str | None = None, action: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[AuditEntry], int]:
    """Entries, newest first (only those for `target` and of `action` when given), and how many match."""
    with ws.db.read() as session:
        return audit.list_entries(session, target=target, action=action, limit=limit, offset=offset)


def verify(db: Database, anchor: str | None = None) -> audit.ChainReport:
    """Walk the whole chain and the rows it covers; with `anchor` (a head hash kept outside the database,
    as `missiongate audit anchor` prints it), also report it when it is no longer in the chain. The CLI's
    `audit verify --anchor` and the API's `GET /api/audit/verify?anchor=` both come here."""
    with db.read() as session:
        return audit.verify(session, anchor=anchor.strip().lower() if anchor else None)
