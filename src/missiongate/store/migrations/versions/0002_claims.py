"""Claims monitor: public claims checked against a case's official position (append-only).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(length=300), nullable=True),
        sa.Column("speaker_role", sa.String(length=300), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("mission", sa.String(length=100), nullable=True),
        sa.Column("stance", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("position", sa.String(length=32), nullable=True),
        sa.Column("position_date", sa.Date(), nullable=True),
        sa.Column("mission_assumed", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("rebuttal_note", sa.Text(), nullable=True),
        sa.Column("rebuttal_public_line", sa.Text(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.ForeignKeyConstraint(["checked_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claims_case_id", "claims", ["case_id"])
    op.create_index("ix_claims_verdict", "claims", ["verdict"])
    # Append-only like the other records (the PostgreSQL function comes from revision 0001).
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER claims_no_{event.lower()} BEFORE {event} ON claims "
                "BEGIN SELECT RAISE(ABORT, 'claims is append-only'); END"
            )
    else:
        op.execute(
            "CREATE TRIGGER claims_append_only BEFORE UPDATE OR DELETE ON claims "
            "FOR EACH ROW EXECUTE FUNCTION missiongate_refuse_change()"
        )


def downgrade() -> None:
    op.drop_table("claims")  # its triggers go with it
