"""Consent per party on a case, through the REST API: recorded, derived into the consent facts, reassessed."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

H = dict[str, str]

PARTIES = [
    {"id": "host", "name": "Host Government", "role": "host_authority", "consent": {"status": "given"}},
    {
        "id": "front",
        "name": "Liberation Front",
        "role": "main_party",
        "consent": {
            "status": "partial",
            "scope": "accepts the ceasefire, rejects disarmament",
            "reported": True,
        },
    },
]


def test_consent_per_party_is_recorded_and_decides(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}"
    put = client.put(f"{url}/parties", json={"parties": PARTIES}, headers={**analyst, "If-Match": '"v1"'})
    assert put.status_code == 200 and put.headers["etag"] == '"v2"'
    read = client.get(f"{url}/parties", headers=analyst).json()["parties"]
    assert [p["id"] for p in read] == ["host", "front"] and read[1]["consent"]["scope"].startswith("accepts")
    mission = client.get(f"{url}/mission", headers=analyst).json()
    assert mission["parties"][1]["consent"]["status"] == "partial"
    latest = client.get(f"{url}/assessments", headers=analyst).json()["items"][0]
    report = client.get(f"{url}/assessments/{latest['id']}", headers=analyst).json()["report"]
    rule = next(r for r in report["rules"] if r["id"] == "A5")
    assert rule["status"] == "violated"  # the front's partial consent is not consent to the operation
    assert [p["name"] for p in report["parties"]] == ["Host Government", "Liberation Front"]


def test_bad_parties_are_refused_and_nothing_is_recorded(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}"
    wrong_role = [{**PARTIES[0], "role": "spoiler"}]
    refused = client.put(
        f"{url}/parties", json={"parties": wrong_role}, headers={**analyst, "If-Match": '"v1"'}
    )
    assert refused.status_code == 422 and refused.headers["content-type"] == "application/problem+json"
    twice = client.put(
        f"{url}/parties", json={"parties": [PARTIES[0], PARTIES[0]]}, headers={**analyst, "If-Match": '"v1"'}
    )
    assert twice.status_code == 422 and "recorded twice" in twice.json()["detail"]
    facts = client.patch(
        f"{url}/facts",
        json={"facts": {"consent.host_state": {"value": False}}},
        headers={**analyst, "If-Match": '"v1"'},
    )
    assert facts.status_code == 200
    against = client.put(f"{url}/parties", json={"parties": PARTIES}, headers={**analyst, "If-Match": '"v2"'})
    assert against.status_code == 422 and "record consent per party only" in against.json()["detail"]
    assert client.get(f"{url}/parties", headers=analyst).json()["parties"] == []
