"""Persistence for the case workspace: SQLAlchemy models, Alembic migrations, repository functions, audit."""

from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import CaseStatus, Decision, Position, Role

__all__ = [
    "Actor",
    "CaseStatus",
    "Database",
    "Decision",
    "Position",
    "Role",
]
