"""Shared fixtures: the core's catalogue and doctrines, the storage backends (SQLite and PostgreSQL), and
one headless Chromium for every browser test (Debian's, through Playwright)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from missiongate import Catalogue, Doctrine, load_builtin, load_catalogue
from missiongate.store.db import Database
from tests.support import backends as testing
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

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
