"""Bad input gets a clean 4xx problem document, never a 500 and never a partial write."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

H = dict[str, str]
PROBLEM = "application/problem+json"


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and "type" in body
    return body


@pytest.mark.parametrize(
    ("facts", "fragment"),
    [
        ({"operation.type": "invasion"}, "operation.type"),
        ({"operation.typo": True}, "unknown fact id"),
        ({"contingent.size": "a battalion"}, "contingent.size"),
        ({"mandate.end_date": "someday"}, "mandate.end_date"),
    ],
)
def test_invalid_fact_values_are_422(
    client: TestClient, analyst: H, facts: dict[str, Any], fragment: str
) -> None:
    body = _problem(client.post("/api/cases", json={"title": "x", "facts": facts}, headers=analyst), 422)
    assert fragment in body["detail"]
    assert client.get("/api/cases", headers=analyst).json()["total"] == 0


def test_unknown_ids_are_404(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    case_url = f"/api/cases/{example_case['id']}"
    for path in (
        "/api/cases/999999",
        f"{case_url}/assessments/999",
        f"{case_url}/documents/5",
        f"{case_url}/questionnaires/3",
        "/api/doctrines/narnia",
        f"{case_url}/facts/no.such/history",
    ):
        _problem(client.get(path, headers=analyst), 404)
    _problem(
        client.put(f"{case_url}/facts/no.such", json={"value": 1}, headers={**analyst, "If-Match": "*"}), 404
    )
    _problem(client.get("/api/cases/99999999999999999999", headers=analyst), 422)
    _problem(client.get("/api/cases/abc", headers=analyst), 422)
    _problem(client.get("/api/nowhere", headers=analyst), 404)


def test_wrong_content_types_are_415(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    _problem(
        client.post("/api/cases", content=b"title=x", headers={**analyst, "Content-Type": "text/plain"}), 415
    )
    _problem(client.post("/api/cases", files={"file": ("a.txt", b"x")}, headers=analyst), 415)
    url = f"/api/cases/{example_case['id']}/documents"
    exe = client.post(url, files={"file": ("tool.exe", b"MZ", "application/x-msdownload")}, headers=analyst)
    assert "accepted" in _problem(exe, 415)
    _problem(client.post(url, json={"file": "x"}, headers=analyst), 415)


def test_oversized_bodies_are_413(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    url = f"/api/cases/{example_case['id']}/documents"
    big = b"x" * (200 * 1024)  # the test settings allow 64 KiB
    _problem(client.post(url, files={"file": ("big.txt", big, "text/plain")}, headers=analyst), 413)
    huge_json = b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    _problem(
        client.post("/api/cases", content=huge_json, headers={**analyst, "Content-Type": "application/json"}),
        413,
    )
    assert client.get(url, headers=analyst).json() == []


def test_malformed_and_unstorable_json_is_422(client: TestClient, analyst: H) -> None:
    json_headers = {**analyst, "Content-Type": "application/json"}
    _problem(client.post("/api/cases", content=b'{"title": ', headers=json_headers), 422)
    _problem(client.post("/api/cases", content=b'{"title": "a\\u0000b"}', headers=json_headers), 422)
    _problem(client.post("/api/cases", content=b'{"title": "\\ud800"}', headers=json_headers), 422)
    _problem(client.post("/api/cases", json={"title": "x", "unknown": 1}, headers=analyst), 422)
    _problem(client.get("/api/cases", params={"q": "a\x00b"}, headers=analyst), 400)
    _problem(client.get("/api/cases", params={"limit": 10_000}, headers=analyst), 422)


def test_if_match_must_be_an_etag(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    url = f"/api/cases/{example_case['id']}"
    _problem(client.patch(url, json={"channel": "x"}, headers={**analyst, "If-Match": "yesterday"}), 400)
    _problem(client.patch(url, json={"channel": "x"}, headers=analyst), 428)
    _problem(client.patch(url, json={"channel": "x"}, headers={**analyst, "If-Match": '"v7"'}), 409)
    assert client.get(url, headers=analyst).json()["channel"] is None


def test_longest_accepted_values_fit_the_columns(client: TestClient, tokens: dict[Any, H]) -> None:
    from missiongate.store.models import Role

    admin = tokens[Role.ADMIN]
    long = "é" * 300
    user = client.post(
        "/api/users", json={"username": "u" * 64, "role": "viewer", "display_name": long}, headers=admin
    )
    assert user.status_code == 201, user.text
    case = {
        "title": long,
        "mission_ref": "m" * 100,
        "requesting_party": long,
        "channel": long,
        "operation": long,
        "description": "d" * 20_000,
    }
    created = client.post("/api/cases", json=case, headers=admin)
    assert created.status_code == 201, created.text
    url = f"/api/cases/{created.json()['id']}"
    answer = {
        "received_on": "2026-02-01",
        "answered_by": long,
        "channel": "c" * 200,
        "source": long,
        "facts": {"request.requesting_party": long},
    }
    assert client.post(f"{url}/answers", json=answer, headers=admin).status_code == 201
    client.post(f"{url}/questionnaires", json={}, headers=admin)
    sent = client.post(
        f"{url}/questionnaires/1/send", json={"channel": "c" * 200, "recipient": long}, headers=admin
    )
    assert sent.status_code == 200, sent.text
    position = {"position": "considering", "stated_on": "2026-01-05", "statement": long, "source": "s" * 500}
    assert client.post(f"{url}/positions", json=position, headers=admin).status_code == 201
    assert client.post("/api/me/tokens", json={"name": "n" * 100}, headers=admin).status_code == 201


def test_null_for_a_required_field_is_422(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}"
    for field in ("title", "description", "doctrine", "status", "restricted"):
        _problem(client.patch(url, json={field: None}, headers={**analyst, "If-Match": "*"}), 422)
    assert client.patch(url, json={"channel": None}, headers={**analyst, "If-Match": "*"}).status_code == 200


def test_control_characters_are_refused_or_cleaned(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    for title in ("bell\x07", "escape\x1b[31m", "delete\x7f"):
        _problem(client.post("/api/cases", json={"title": title}, headers=analyst), 422)
    multi = {"title": "One line", "description": "two\tcolumns\nand a line"}
    assert client.post("/api/cases", json=multi, headers=analyst).status_code == 201
    broken = client.post("/api/cases", json={"title": "two\nlines"}, headers=analyst)
    assert "title: must be one line" in _problem(broken, 422)["detail"]
    url = f"/api/cases/{example_case['id']}/documents"
    body = (  # written by hand: HTTP clients escape such names, an attacker does not
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="note\x07\x1b\x0bname.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\nsome text\r\n--b--\r\n"
    )
    multipart = {**analyst, "Content-Type": "multipart/form-data; boundary=b"}
    uploaded = client.post(url, content=body, headers=multipart)
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["filename"] == "notename.txt"
    content = client.get(f"{url}/{uploaded.json()['id']}/content", headers=analyst)
    assert content.status_code == 200 and "notename.txt" in content.headers["content-disposition"]
