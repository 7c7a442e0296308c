"""Document tests render from real records on both backends (they reuse the storage fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from missiongate.store import testing
from missiongate.store.db import Database


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
