"""Helpers of the web tests: databases with one user per role, logging in, a live server, page checks."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from missiongate.server.app import create_app
from missiongate.settings import Settings
from missiongate.store import accounts, cases
from missiongate.store import decisions as store_decisions
from missiongate.store.db import Database
from missiongate.store.models import Case, CaseFact, FactRevision, Role
from tests.support import backends as testing
from tests.support.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
RESOLUTION = ROOT / "data" / "unsc-resolutions" / "S_RES_0872_1993_EN_GOLD.txt"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
PASSWORD = "correct horse battery staple"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION_FIELD = re.compile(r'name="version" value="(\d+)"')


def make_database(backends: testing.Backends, backend: str, directory: Path) -> Database:
    """An empty migrated database (`backend` is "sqlite" or "postgresql") with one user per role, named
    after the role."""
    database = backends.sqlite(directory) if backend == "sqlite" else backends.postgres()
    with database.write() as session:
        for role in Role:
            accounts.create_user(session, "setup", role.value, role, password=PASSWORD)
    return database


def make_app(database: Database, directory: Path, **settings: Any) -> FastAPI:
    """The web app on `database`, its data in `directory`; `settings` override the tests' defaults."""
    chosen: dict[str, Any] = {
        "data_dir": directory,
        "database_url": database.url,
        "auto_migrate": False,
        "log_json": False,
        "log_level": "WARNING",
        "max_upload_bytes": 256 * 1024,
    }
    return create_app(Settings(**chosen | settings), database)


def seed_case(
    database: Database, title: str = "Observer mission, example", doctrine: str = "un-principles"
) -> int:
    """A case opened by the analyst, with its first assessment recorded."""
    with database.write() as session:
        actor = accounts.Actor.of(accounts.user_by_name(session, "analyst"))  # type: ignore[arg-type]
        case = cases.create_case(
            session,
            actor,
            cases.CaseInput(title=title, doctrine_id=doctrine, requesting_party="United Nations"),
        )
        store_decisions.create_assessment(session, actor, case.id)
        return case.id


# -- fast tests: TestClient --------------------------------------------------------------------------------


def stored_facts(database: Database, case_id: int) -> dict[str, CaseFact]:
    with database.read() as session:
        return cases.case_facts(session, _case(session, case_id))


def stored_history(database: Database, case_id: int) -> list[FactRevision]:
    with database.read() as session:
        return cases.fact_history(session, _case(session, case_id))


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    assert case is not None
    return case


def form_login(client: TestClient, username: str, password: str = PASSWORD) -> httpx.Response:
    """Post the login form as a browser does (with the form's CSRF token); the response as it comes."""
    token = CSRF_FIELD.search(client.get("/login").text)
    assert token is not None
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token.group(1)},
        follow_redirects=False,
    )


def login(client: TestClient, username: str) -> str:
    """Log in through the form; returns the session's CSRF token."""
    response = form_login(client, username)
    assert response.status_code == 303, response.text
    found = CSRF_FIELD.search(client.get("/cases").text)
    assert found is not None
    return found.group(1)


def upload_resolution(client: TestClient, csrf: str, case_id: int, **fields: str) -> str:
    """Upload the UNSC resolution through the documents form; returns the review page it redirects to."""
    response = client.post(
        f"/cases/{case_id}/documents",
        data={"csrf_token": csrf, **fields},
        files={"file": (RESOLUTION.name, RESOLUTION.read_bytes(), "text/plain")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def form_version(page: str) -> str:
    """The case version a page's form posts back (its If-Match)."""
    found = VERSION_FIELD.search(page)
    assert found is not None
    return found.group(1)


# -- end-to-end: a live server and Chromium ----------------------------------------------------------------


class LiveServer:
    def __init__(self, app: FastAPI, database: Database) -> None:
        self.database = database
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class Watch:
    """Console errors, failed requests and error responses seen by a page since the last check."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        page.on(
            "console",
            lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", self._failed)
        page.on(
            "response",
            lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )

    def _failed(self, request: Any) -> None:
        # ERR_ABORTED is a request the browser cancelled itself (the test navigated on, or htmx replaced
        # it with a newer one): its doing, not the server's. A server that fails answers with a status
        # (recorded below) or drops the connection (another error).
        if "ERR_ABORTED" in (request.failure or ""):
            return
        self.problems.append(f"request failed: {request.method} {request.url} {request.failure}")

    def clean(self, what: str) -> None:
        problems, self.problems = self.problems, []
        assert not problems, f"{what}: {problems}"

    def forget(self) -> None:
        self.problems = []


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def browser_login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/cases")


PDF_TOOLBAR = "document.querySelector('pdf-viewer')?.shadowRoot?.querySelector('viewer-toolbar')"


def pdf_viewer(page: Any) -> Any:
    """Chromium's PDF viewer: the extension frame it opens for a PDF response."""
    for _ in range(100):
        frame = next((f for f in page.frames if f.url.startswith("chrome-extension://")), None)
        if frame is not None:
            return frame
        page.wait_for_timeout(100)
    raise AssertionError("Chromium opened no PDF viewer")


def poll(page: Any, read: Any) -> Any:
    """The first non-empty value `read` gives within 10 s (the viewer's page forbids wait_for_function)."""
    value = read()
    for _ in range(100):
        if value:
            break
        page.wait_for_timeout(100)
        value = read()
    return value
