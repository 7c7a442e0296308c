"""The pages answer a refused upload with the same status as the API (one mapping, server/errors.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from missiongate.store.db import Database
from tests.web.helpers import login, seed_case


def test_refused_uploads_get_the_apis_statuses_as_pages(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    csrf = login(client, "analyst")
    url = f"/cases/{case_id}/documents"
    wrong_type = client.post(
        url, data={"csrf_token": csrf}, files={"file": ("a.exe", b"MZ", "application/x-msdownload")}
    )
    assert wrong_type.status_code == 415
    assert "text/html" in wrong_type.headers["content-type"]
    assert "not accepted" in wrong_type.text
    too_big = client.post(
        url, data={"csrf_token": csrf}, files={"file": ("big.txt", b"x" * (300 * 1024), "text/plain")}
    )
    assert too_big.status_code == 413
    assert "limit" in too_big.text
    empty = client.post(url, data={"csrf_token": csrf}, files={"file": ("empty.txt", b"", "text/plain")})
    assert empty.status_code == 422
