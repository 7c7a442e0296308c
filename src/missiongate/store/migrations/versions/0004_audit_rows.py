"""Audit rows: each audit entry carries the hashes of the rows its write changed; a baseline entry
covers the rows already there.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("rows", sa.Text(), nullable=True))
    from missiongate.store import audit

    # The tables as they are at this revision: the models may already have columns added later.
    metadata = sa.MetaData()
    # Tables covered later (created by later revisions) are not there yet.
    covered = {model.__tablename__ for model in audit.COVERED}
    metadata.reflect(op.get_bind(), only=lambda name, _: name in covered)
    audit.baseline(Session(bind=op.get_bind()), "migration", dict(metadata.tables))


def downgrade() -> None:
    op.drop_column("audit_log", "rows")
