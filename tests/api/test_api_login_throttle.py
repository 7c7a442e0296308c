"""The login throttle through the API: 429 problem documents with Retry-After, per username and address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from missiongate.server.app import create_app
from missiongate.settings import Settings
from missiongate.store import accounts
from missiongate.store.db import Database
from missiongate.store.models import Role

PASSWORD = "correct horse battery staple"
WINDOW = 15 * 60


@pytest.fixture(autouse=True)
def users(database: Database) -> None:
    with database.write() as session:
        for name in ("ana", "bob"):
            accounts.create_user(session, "setup", name, Role.ANALYST, password=PASSWORD)


@pytest.fixture
def elsewhere(client: TestClient) -> Iterator[TestClient]:
    """The same app, called from another address."""
    app = client.app
    assert isinstance(app, FastAPI)
    with TestClient(app, client=("198.51.100.7", 40000)) as other:
        yield other


def login(client: TestClient, username: str, password: str = PASSWORD) -> int:
    return client.post("/api/session", json={"username": username, "password": password}).status_code


def test_five_failures_then_even_the_right_password_is_refused(client: TestClient) -> None:
    for _ in range(5):
        assert login(client, "ana", "wrong password") == 401
    refused = client.post("/api/session", json={"username": "ana", "password": PASSWORD})
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 0 < int(refused.headers["retry-after"]) <= WINDOW
    body = refused.json()
    assert body["type"] == "urn:missiongate:problem:too-many-attempts" and body["status"] == 429
    assert body["detail"] == "Too many failed attempts; try again in 15 minutes."
    assert "missiongate_session" not in refused.headers.get("set-cookie", "")
    assert client.get("/api/me").status_code == 401
    assert login(client, "bob") == 200  # another username is unaffected


def test_the_refusal_does_not_tell_whether_the_username_exists(client: TestClient) -> None:
    for name in ("ana", "nobody"):
        for _ in range(5):
            assert login(client, name, "wrong password") == 401
    known = client.post("/api/session", json={"username": "ana", "password": PASSWORD})
    unknown = client.post("/api/session", json={"username": "nobody", "password": PASSWORD})
    assert known.status_code == unknown.status_code == 429
    assert known.json()["detail"] == unknown.json()["detail"]
    assert known.json() == unknown.json()


def test_a_success_clears_the_failures(client: TestClient) -> None:
    for _ in range(4):
        assert login(client, "ana", "wrong password") == 401
    assert login(client, "ana") == 200
    client.cookies.clear()
    for _ in range(4):
        assert login(client, "ana", "wrong password") == 401
    assert login(client, "ana") == 200


def test_one_address_is_limited_across_usernames(client: TestClient, elsewhere: TestClient) -> None:
    for i in range(20):
        assert login(client, f"guess{i}", "wrong password") == 401
    refused = client.post("/api/session", json={"username": "ana", "password": PASSWORD})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert login(elsewhere, "ana") == 200  # ana herself is not locked: only that address is


def test_the_limits_come_from_the_settings(database: Database, tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path,
        database_url=database.url,
        auto_migrate=False,
        log_json=False,
        login_max_failures=2,
        login_window_minutes=1,
    )
    with TestClient(create_app(settings, database)) as strict:
        assert login(strict, "ana", "wrong password") == 401
        assert login(strict, "ana", "wrong password") == 401
        refused = strict.post("/api/session", json={"username": "ana", "password": PASSWORD})
    assert refused.status_code == 429 and 0 < int(refused.headers["retry-after"]) <= 60
    assert refused.json()["detail"] == "Too many failed attempts; try again in 1 minute."


def test_openapi_documents_the_429(client: TestClient) -> None:
    operation = client.get("/api/openapi.json").json()["paths"]["/api/session"]["post"]
    assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_the_device_cookie_spares_a_known_client_its_offices_lock_out(client: TestClient) -> None:
    first = client.post("/api/session", json={"username": "ana", "password": PASSWORD})
    device = [c for c in first.headers.get_list("set-cookie") if c.startswith("missiongate_device=")]
    assert len(device) == 1 and "HttpOnly" in device[0] and "SameSite=strict" in device[0]
    app = client.app
    assert isinstance(app, FastAPI)
    with TestClient(app) as sprayer:  # same address, no cookies
        for i in range(20):
            login(sprayer, f"user{i}", "wrong password")
        assert login(sprayer, "bob") == 429
    client.cookies.delete("missiongate_session")
    assert login(client, "ana") == 200
