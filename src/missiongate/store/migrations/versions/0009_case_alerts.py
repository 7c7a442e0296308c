"""Withdrawal alerts on a case: raised by a reassessment of a deployed contingent, acknowledged by an analyst.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "case_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("previous_assessment_id", sa.Integer(), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raised_by", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"]),
        sa.ForeignKeyConstraint(["previous_assessment_id"], ["assessments.id"]),
        sa.ForeignKeyConstraint(["raised_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["acknowledged_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_case_alerts_case_id", "case_alerts", ["case_id"])
    # Alerts stay in the case's history: deleting one is refused (acknowledging updates it).
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER case_alerts_no_delete BEFORE DELETE ON case_alerts "
            "BEGIN SELECT RAISE(ABORT, 'case_alerts are kept'); END"
        )
    else:
        op.execute(
            "CREATE TRIGGER case_alerts_kept BEFORE DELETE ON case_alerts "
            "FOR EACH ROW EXECUTE FUNCTION missiongate_refuse_change()"
        )


def downgrade() -> None:
    op.drop_table("case_alerts")  # its trigger goes with it
