"""Claims API on a case: check pasted or uploaded text, list, ClaimReview; roles and bad input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.analyzer.helpers import TEXT_STREAM, raw_pdf

from missiongate.server.app import create_app
from missiongate.settings import Settings
from missiongate.store.db import Database
from missiongate.store.models import Role

ARTICLE = (
    "Azerbaijan has agreed to send troops to the International Stabilization Force in Gaza, "
    "a US envoy told reporters on Monday. "
    "Azerbaijan is still studying the request, Foreign Minister Jeyhun Bayramov said."
)


@pytest.fixture
def client(settings: Settings, database: Database) -> Iterator[TestClient]:
    with TestClient(create_app(settings, database)) as test_client:
        yield test_client


def _case(client: TestClient, headers: dict[str, str]) -> int:
    body = {"title": "International Stabilization Force, Gaza", "doctrine": "azerbaijan"}
    response = client.post("/api/cases", json=body, headers=headers)
    assert response.status_code == 201, response.text
    case_id: int = response.json()["id"]
    return case_id


def test_check_list_and_review(client: TestClient, tokens: dict[Role, dict[str, str]]) -> None:
    analyst, viewer = tokens[Role.ANALYST], tokens[Role.VIEWER]
    case_id = _case(client, analyst)
    url = f"/api/cases/{case_id}/claims"
    assert client.post(f"{url}/check", json={"text": ARTICLE}, headers=viewer).status_code == 403
    response = client.post(f"{url}/check", json={"text": ARTICLE, "source": "wire"}, headers=analyst)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    assert body["contradicts"] == 1
    bad = next(c for c in body["items"] if c["verdict"] == "contradicts")
    assert bad["country"] == "AZE" and bad["stance"] == "agreed" and bad["rebuttal"]["note"]
    assert ARTICLE[bad["start"] : bad["end"]] == bad["text"]
    assert all(c["rebuttal"] is None for c in body["items"] if c["verdict"] != "contradicts")

    listed = client.get(url, params={"verdict": "contradicts"}, headers=viewer)
    assert listed.status_code == 200 and listed.json()["total"] == 1
    assert client.get(url, params={"limit": 1}, headers=viewer).json()["total"] == len(body["items"])
    assert client.get(url, params={"verdict": "maybe"}, headers=viewer).status_code == 422

    review = client.get(f"{url}/{bad['id']}/claimreview", headers=viewer)
    assert review.status_code == 200 and review.headers["content-type"].startswith("application/ld+json")
    assert review.json()["@type"] == "ClaimReview" and review.json()["reviewRating"]["ratingValue"] == 1
    assert client.get(f"{url}/999999/claimreview", headers=viewer).status_code == 404
    assert client.get(url).status_code == 401


def test_upload_and_bad_input(client: TestClient, tokens: dict[Role, dict[str, str]]) -> None:
    analyst = tokens[Role.ANALYST]
    case_id = _case(client, analyst)
    url = f"/api/cases/{case_id}/claims/check"
    html = f"<html><body><script>alert(1)</script><p>{ARTICLE}</p></body></html>".encode()
    uploaded = client.post(f"{url}/file", files={"file": ("a.html", html, "text/html")}, headers=analyst)
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["contradicts"] == 1 and uploaded.json()["items"][0]["source"] == "a.html"

    def problem(response: Any, status: int) -> None:
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == "application/problem+json"

    problem(client.post(url, json={"text": "   "}, headers=analyst), 422)
    problem(client.post(url, json={"text": ""}, headers=analyst), 422)
    problem(client.post(f"{url}/file", files={"file": ("e.txt", b"", "text/plain")}, headers=analyst), 422)
    binary = bytes(range(256)) * 20
    problem(client.post(f"{url}/file", files={"file": ("b.txt", binary, "text/plain")}, headers=analyst), 422)
    problem(
        client.post(f"{url}/file", files={"file": ("x.png", b"\x89PNG", "image/png")}, headers=analyst), 415
    )
    broken = raw_pdf("/Filter /NoSuchDecode", TEXT_STREAM)
    problem(
        client.post(f"{url}/file", files={"file": ("b.pdf", broken, "application/pdf")}, headers=analyst), 422
    )
    big = b"Azerbaijan agreed. " * 5000  # over the 64 KiB test limit
    problem(client.post(f"{url}/file", files={"file": ("big.txt", big, "text/plain")}, headers=analyst), 413)
    problem(client.post("/api/cases/999999/claims/check", json={"text": ARTICLE}, headers=analyst), 404)
