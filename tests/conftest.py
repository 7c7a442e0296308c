"""Shared fixtures: the core's catalogue and doctrines, and the storage backends (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from missiongate import Catalogue, Doctrine, load_builtin, load_catalogue
from missiongate.store.db import Database
from tests.support import backends as testing

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def azerbaijan() -> Doctrine:
    return load_builtin("azerbaijan")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


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
