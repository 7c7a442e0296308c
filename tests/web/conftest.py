"""Web test fixtures: the app over a migrated database (SQLite, and PostgreSQL when
`MISSIONGATE_TEST_POSTGRES_URL` is set or under CI); a live uvicorn server and Debian's Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from missiongate.store.db import Database
from tests.support import backends as testing
from tests.web.helpers import CHROMIUM, CHROMIUM_ARGS, LiveServer, make_app, make_database

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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if shutil.which(CHROMIUM) is None:
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _unavailable(reason: str) -> None:
    if testing.in_ci():
        pytest.fail(f"CI=true: browser tests must run, but {reason} (run .ci/chromium.sh)")
    pytest.skip(reason)
