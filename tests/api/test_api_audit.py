"""GET /api/audit/verify?anchor=: the same check as `missiongate audit verify --anchor`."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from missiongate.store.models import Role

H = dict[str, str]


def test_verify_checks_the_anchor(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    admin = tokens[Role.ADMIN]
    head = client.get("/api/audit/verify", headers=admin).json()["head_hash"]
    assessed = client.post(
        f"/api/cases/{example_case['id']}/assessments", json={}, headers=tokens[Role.ANALYST]
    )
    assert assessed.status_code == 201
    kept = client.get("/api/audit/verify", params={"anchor": head}, headers=admin).json()
    assert kept["ok"] is True and kept["head_hash"] != head
    gone = client.get("/api/audit/verify", params={"anchor": "e" * 64}, headers=admin).json()
    assert gone["ok"] is False
    assert gone["problems"] == [f"the anchor {'e' * 64} is not in the chain: the log was replaced or cut"]


def test_a_malformed_anchor_is_a_bad_request(client: TestClient, tokens: dict[Role, H]) -> None:
    response = client.get("/api/audit/verify", params={"anchor": "not-a-hash"}, headers=tokens[Role.ADMIN])
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "anchor" in response.json()["detail"]
