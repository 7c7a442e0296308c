"""GET /api/cases/{id}/paths and /forcegen: one happy and one unhappy path each."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

H = dict[str, str]


def test_paths_of_a_case(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    url = f"/api/cases/{example_case['id']}/paths"
    response = client.get(url, params={"doctrine": "azerbaijan", "limit": 2}, headers=analyst)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["doctrine"] == "azerbaijan" and data["verdict"] == "CLARIFICATION_REQUIRED"
    assert len(data["paths"]) == 2 and data["total"] >= 2 and data["complete"] is True
    change = next(c for c in data["paths"][0]["changes"] if c["fact"] == "contingent.roles")
    assert change["from"] is None and change["to"] == ["protection_of_strategic_sites"]
    assert change["controlled_by"] == "contributor"


def test_paths_refuse_an_unknown_doctrine_or_limit(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}/paths"
    for params in ({"doctrine": "atlantis"}, {"limit": 0}):
        response = client.get(url, params=params, headers=analyst)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"
    assert client.get("/api/cases/99999/paths", headers=analyst).status_code == 404


def test_forcegen_of_a_case(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    response = client.get(f"/api/cases/{example_case['id']}/forcegen", headers=analyst)
    assert response.status_code == 200, response.text
    data = response.json()
    assert {row["doctrine"] for row in data["doctrines"]} >= {"azerbaijan", "japan", "un-principles"}
    assert all(set(row) >= {"verdict", "conditions", "best_path"} for row in data["doctrines"])
    assert isinstance(data["mandate_changes"], list)
    assert client.get("/api/cases/99999/forcegen", headers=analyst).status_code == 404
