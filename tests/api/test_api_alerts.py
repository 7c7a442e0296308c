"""The domestic steps, the withdrawal triggers and the alerts in the API: roles, problem documents, and a
step recorded as taken through the facts endpoint like any other fact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import missiongate
from missiongate.store.models import Role

H = dict[str, str]
PROBLEM = "application/problem+json"
KFOR_LIKE = Path(__file__).resolve().parents[2] / "examples" / "site-protection-chapter7.yaml"


def _deployed_case(client: TestClient, analyst: H) -> str:
    facts = missiongate.load_mission(KFOR_LIKE).to_data()["facts"]
    body = {"title": "KFOR-like", "doctrine": "azerbaijan", "facts": {**facts, "contingent.deployed": True}}
    created = client.post("/api/cases", json=body, headers=analyst)
    assert created.status_code == 201, created.text
    return f"/api/cases/{created.json()['id']}"


def _withdraw_consent(client: TestClient, url: str, analyst: H) -> None:
    body = {"value": False, "source": "note of the host government"}
    changed = client.put(f"{url}/facts/consent.host_state", json=body, headers={**analyst, "If-Match": "*"})
    assert changed.status_code == 200, changed.text


def test_an_alert_is_listed_and_acknowledged_by_an_analyst(
    client: TestClient, tokens: dict[Role, H], analyst: H
) -> None:
    url = _deployed_case(client, analyst)
    assert client.get(f"{url}/alerts", headers=tokens[Role.VIEWER]).json() == []
    _withdraw_consent(client, url, analyst)
    (alert,) = client.get(f"{url}/alerts", headers=tokens[Role.VIEWER]).json()
    assert alert["facts"] == ["consent.host_state"] and not alert["acknowledged"]
    assert (
        alert["text"].startswith("Withdrawal required: Consent of the host state")
        and alert["raised_by"] == "analyst"
    )
    ack = f"{url}/alerts/{alert['id']}/acknowledge"
    refused = client.post(ack, json={"note": "seen"}, headers=tokens[Role.VIEWER])
    assert refused.status_code == 403 and refused.headers["content-type"] == PROBLEM
    done = client.post(ack, json={"note": "Lead informed"}, headers=analyst)
    assert done.status_code == 200, done.text
    assert done.json()["acknowledged"] and done.json()["acknowledged_by"] == "analyst"
    assert done.json()["note"] == "Lead informed" and done.json()["acknowledged_at"]
    again = client.post(ack, headers=analyst)
    assert again.status_code == 409 and again.headers["content-type"] == PROBLEM
    assert client.get(f"{url}/alerts", headers=analyst).json()[0]["acknowledged"]  # kept in the history


def test_unknown_alerts_and_bad_input_are_problems(client: TestClient, analyst: H) -> None:
    url = _deployed_case(client, analyst)
    missing = client.post(f"{url}/alerts/999/acknowledge", headers=analyst)
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    nobody = client.get("/api/cases/999/alerts", headers=analyst)
    assert nobody.status_code == 404 and nobody.headers["content-type"] == PROBLEM
    extra = client.post(f"{url}/alerts/1/acknowledge", json={"note": "x", "by": "me"}, headers=analyst)
    assert extra.status_code == 422 and extra.headers["content-type"] == PROBLEM
    bad_day = client.get(f"{url}/steps", params={"as_of": "tomorrow"}, headers=analyst)
    assert bad_day.status_code == 422 and bad_day.headers["content-type"] == PROBLEM
    assert client.get(f"{url}/steps").status_code == 401


def test_steps_and_triggers_of_a_deployed_case(client: TestClient, tokens: dict[Role, H], analyst: H) -> None:
    url = _deployed_case(client, analyst)
    viewer = tokens[Role.VIEWER]
    steps: dict[str, Any] = client.get(f"{url}/steps", params={"as_of": "2026-01-05"}, headers=viewer).json()
    assert steps["as_of"] == "2026-01-05" and steps["doctrine"] == "azerbaijan"
    (step,) = steps["steps"]
    assert (step["id"], step["status"], step["fact"]) == (
        "parliament",
        "not yet taken",
        "domestic.parliamentary_approval",
    )
    assert steps["mandate"] == {
        "end_date": "2027-12-31",
        "days_left": 725,
        "state": "running",
        "review": True,
        "lines": steps["mandate"]["lines"],
    }
    assert steps["mandate"]["lines"][-1] == "The mandate provides for periodic review."
    taken = client.put(
        f"{url}/facts/{step['fact']}", json={"value": True}, headers={**analyst, "If-Match": "*"}
    )
    assert taken.status_code == 200
    assert client.get(f"{url}/steps", headers=viewer).json()["steps"][0]["status"] == "taken"
    triggers = client.get(f"{url}/triggers", headers=viewer).json()
    assert triggers["deployed"] and not triggers["requires_withdrawal"]
    consent = next(t for t in triggers["triggers"] if t["fact"] == "consent.host_state")
    assert consent["values"] == [False] and consent["text"] == "Consent of the host state: no longer the case"
    _withdraw_consent(client, url, analyst)
    after = client.get(f"{url}/triggers", headers=viewer).json()
    assert after["requires_withdrawal"] and after["triggers"] == []
