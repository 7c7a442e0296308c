"""Our conditions on a case through the REST API: viewers read, analysts record, refusals are problems."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from missiongate.store.models import Role

H = dict[str, str]
PROBLEM = "application/problem+json"
ACCEPTED = {
    "state": "accepted",
    "counterpart": "the lead nation",
    "on": "2026-03-02",
    "channel": "letter",
    "reference": "letter of 2 March 2026",
}


def test_viewers_read_analysts_record(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}/conditions"
    listed = client.get(url, headers=tokens[Role.VIEWER])
    assert listed.status_code == 200 and listed.headers["etag"] == '"v1"'
    body = listed.json()
    assert body["doctrine"] == "azerbaijan" and body["verdict"] == "CLARIFICATION_REQUIRED"
    c1 = next(c for c in body["conditions"] if c["rule_id"] == "C1")
    assert (c1["state"], c1["status"], c1["history"]) == ("not_stated", "to_secure", [])
    refused = client.post(f"{url}/C1", json=ACCEPTED, headers=tokens[Role.VIEWER])
    assert refused.status_code == 403 and refused.headers["content-type"] == PROBLEM
    done = client.post(f"{url}/C1", json=ACCEPTED, headers={**tokens[Role.ANALYST], "If-Match": '"v1"'})
    assert done.status_code == 201, done.text
    assert done.headers["etag"] == '"v2"'
    condition = done.json()["condition"]
    assert (condition["state"], condition["status"], condition["agrees"]) == ("accepted", "secured", True)
    assert condition["current"]["facts"] == {"contingent.caveats_accepted": True}
    assert condition["current"]["recorded_by"] == "analyst" and condition["current"]["channel"] == "letter"
    facts = client.get(f"/api/cases/{example_case['id']}/facts", headers=tokens[Role.VIEWER]).json()
    assert "contingent.caveats_accepted" in str(facts)


def test_refusals_are_problem_documents_and_record_nothing(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}/conditions"
    cases = [
        (f"{url}/A1", ACCEPTED, 404, "no condition 'A1'"),
        ("/api/cases/999/conditions/C1", ACCEPTED, 404, "no case 999"),
        (f"{url}/C9", {**ACCEPTED, "state": "refused"}, 422, "can be refused in several ways"),
        (f"{url}/C6", {**ACCEPTED, "state": "amended", "terms": "by road", "values": {
            "risk.medical_evacuation": False}}, 422, "the doctrine refuses this"),
        (f"{url}/C1", {**ACCEPTED, "state": "perhaps"}, 422, "state"),
        (f"{url}/C1", {**ACCEPTED, "values": {"contingent.caveats_accepted": "maybe"}}, 422, "is not yes/no"),
    ]  # fmt: skip
    for target, body, status, words in cases:
        answer = client.post(target, json=body, headers=analyst)
        assert answer.status_code == status, (target, answer.text)
        assert answer.headers["content-type"] == PROBLEM and words in answer.json()["detail"], answer.text
    stale = client.post(f"{url}/C1", json=ACCEPTED, headers={**analyst, "If-Match": '"v9"'})
    assert stale.status_code == 409 and stale.headers["etag"] == '"v1"'
    listed = client.get(url, headers=analyst)
    assert listed.headers["etag"] == '"v1"' and all(c["history"] == [] for c in listed.json()["conditions"])


def test_answers_contradicting_an_accepted_condition_are_refused(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    case_url = f"/api/cases/{example_case['id']}"
    assert client.post(f"{case_url}/conditions/C1", json=ACCEPTED, headers=analyst).status_code == 201
    answers = {
        "received_on": "2026-03-05",
        "answered_by": "Embassy",
        "channel": "note verbale",
        "facts": {"consent.host_state": True, "contingent.caveats_accepted": False},
    }
    refused = client.post(f"{case_url}/answers", json=answers, headers=analyst)
    assert refused.status_code == 422 and refused.headers["content-type"] == PROBLEM
    assert "contradicts condition C1" in refused.json()["detail"]
    assert client.get(f"{case_url}/answers", headers=analyst).json() == []
