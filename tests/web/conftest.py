"""Web test fixtures: the app over a migrated database (SQLite, and PostgreSQL when
`MISSIONGATE_TEST_POSTGRES_URL` is set or under CI); a live uvicorn server (Chromium: `browser`, in
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from missiongate.store.db import Database
from tests.support import backends as testing
from tests.web.helpers import LiveServer, make_app, make_database

# PostgreSQL joins when a server is given, and is required under CI (the backends fail the test without one).
WEB_BACKENDS = testing.BACKENDS if testing.postgres_url() or testing.in_ci() else ("sqlite",)


@pytest.fixture(params=WEB_BACKENDS)
def database(
    request: pytest.FixtureRequest, backends: testing.Backends, tmp_path: Path
) -> Iterator[Database]:
    database = make_database(backends, request.param, tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def app(database: Database, tmp_path: Path) -> FastAPI:
    return make_app(database, tmp_path)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def live(database: Database, tmp_path: Path) -> Iterator[LiveServer]:
    with LiveServer(make_app(database, tmp_path), database) as server:
        yield server
