"""Storage tests run on SQLite and PostgreSQL (see missiongate.store.testing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import missiongate
from missiongate.store import testing
from missiongate.store.accounts import Actor, create_user
from missiongate.store.db import Database
from missiongate.store.models import Role

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gaza-isf-inquiry.yaml"


@pytest.fixture(scope="session")
def backends(tmp_path_factory: pytest.TempPathFactory) -> testing.Backends:
    return testing.Backends(tmp_path_factory.mktemp("backends"))


@pytest.fixture(params=testing.BACKENDS)
def database(
    request: pytest.FixtureRequest, backends: testing.Backends, tmp_path: Path
) -> Iterator[Database]:
    yield from testing.database_fixture(request, backends, tmp_path)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    testing.report(terminalreporter)


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
