"""Failures are HTML pages on the web and problem documents under /api, with the same status (one mapping,
server/errors.py): refused uploads, unknown paths, ids that name nothing."""

from __future__ import annotations

import pytest
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
    assert "Choose the file again" in wrong_type.text  # the upload form, shown again with the reason
    too_big = client.post(
        url, data={"csrf_token": csrf}, files={"file": ("big.txt", b"x" * (300 * 1024), "text/plain")}
    )
    assert too_big.status_code == 413
    assert "limit" in too_big.text
    empty = client.post(url, data={"csrf_token": csrf}, files={"file": ("empty.txt", b"", "text/plain")})
    assert empty.status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/nowhere",
        "/cases/abc",
        "/doctrines/narnia",
        "/cases/99999999999999999999999",
        "/cases/1/assessments/99999999999999999999999",
        "/cases/１２",  # full-width digits are not an id either
    ],
)
def test_paths_that_name_nothing_are_404_pages(client: TestClient, database: Database, path: str) -> None:
    seed_case(database)
    login(client, "analyst")
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no such page" in response.text or "No doctrine is called" in response.text
    if path in ("/nowhere", "/cases/abc", "/doctrines/narnia"):  # ids no record can have: the request guard's
        assert "<h1>Not found</h1>" in response.text
        assert 'href="/cases"' in response.text  # a way on


def test_api_paths_keep_problem_documents(client: TestClient) -> None:
    response = client.get("/api/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
