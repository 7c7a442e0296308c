"""API tests: the real app over a real database (SQLite file and PostgreSQL), called with API tokens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import missiongate
from missiongate.server.app import create_app
from missiongate.settings import Settings
from missiongate.store import accounts
from missiongate.store.db import Database
from missiongate.store.models import Role

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gaza-isf-inquiry.yaml"


@pytest.fixture
def settings(tmp_path: Path, database: Database) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=database.url,
        auto_migrate=False,
        log_json=False,
        max_upload_bytes=64 * 1024,
    )


@pytest.fixture
def client(settings: Settings, database: Database) -> Iterator[TestClient]:
    with TestClient(create_app(settings, database)) as test_client:
        yield test_client


@pytest.fixture
def tokens(database: Database) -> dict[Role, dict[str, str]]:
    """Authorization headers of one user per role (the users are named after their role)."""
    headers = {}
    with database.write() as session:
        for role in Role:
            user = accounts.create_user(session, "setup", role.value, role)
            _, raw = accounts.issue_token(session, "setup", user, "tests")
            headers[role] = {"Authorization": f"Bearer {raw}"}
    return headers


@pytest.fixture
def analyst(tokens: dict[Role, dict[str, str]]) -> dict[str, str]:
    return tokens[Role.ANALYST]


@pytest.fixture
def example_case(client: TestClient, analyst: dict[str, str]) -> dict[str, Any]:
    mission = missiongate.load_mission(EXAMPLE).to_data()
    body = {
        "title": mission["title"],
        "mission_ref": mission["id"],
        "example": True,
        "facts": mission["facts"],
        "requesting_party": "United States of America",
        "operation": "International Stabilization Force",
    }
    response = client.post("/api/cases", json=body, headers=analyst)
    assert response.status_code == 201, response.text
    case: dict[str, Any] = response.json()
    return case
