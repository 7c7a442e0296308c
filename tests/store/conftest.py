"""Storage tests run on SQLite and PostgreSQL (see tests/support/backends.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import missiongate
from missiongate.store.accounts import Actor, create_user
from missiongate.store.db import Database
from missiongate.store.models import Role

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gaza-isf-inquiry.yaml"


@pytest.fixture
def actors(database: Database) -> dict[Role, Actor]:
    """One user per role, named after it."""
    with database.write() as session:
        return {role: Actor.of(create_user(session, "setup", role.value, role)) for role in Role}


@pytest.fixture
def analyst(actors: dict[Role, Actor]) -> Actor:
    return actors[Role.ANALYST]


@pytest.fixture
def example_facts() -> dict[str, Any]:
    facts: dict[str, Any] = missiongate.load_mission(EXAMPLE).to_data()["facts"]
    return facts
