"""Cases, facts and records through the REST API, as a client sees them."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from missiongate.store.models import Role

H = dict[str, str]


def test_create_read_and_list_cases(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    case_id = example_case["id"]
    assert example_case["etag"] == '"v1"' and example_case["example"] is True
    response = client.get(f"/api/cases/{case_id}", headers=analyst)
    assert response.status_code == 200 and response.headers["etag"] == '"v1"'
    assert response.json()["title"].startswith("International Stabilization Force")
    client.post("/api/cases", json={"title": "Observer mission"}, headers=analyst)
    listing = client.get("/api/cases", params={"limit": 1}, headers=analyst).json()
    assert listing["total"] == 2 and len(listing["items"]) == 1 and listing["limit"] == 1
    assert client.get("/api/cases", params={"status": "closed"}, headers=analyst).json()["total"] == 0
    assert client.get("/api/cases", params={"status": "open"}, headers=analyst).json()["total"] == 2
    unknown = client.get("/api/cases", params={"status": "shut"}, headers=analyst)
    assert unknown.status_code == 422 and unknown.headers["content-type"] == "application/problem+json"
    assert unknown.json()["detail"] == (
        "query.status: Input should be 'open', 'awaiting_answers', 'decided' or 'closed'"
    )
    assert client.get("/api/cases", params={"q": "observer"}, headers=analyst).json()["total"] == 1


def test_fact_edits_use_etags(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    url = f"/api/cases/{example_case['id']}/facts"
    facts = client.get(url, headers=analyst)
    etag = facts.headers["etag"]
    assert {f["fact"] for f in facts.json()["facts"]} >= {"mandate.authority", "mandate.instrument"}
    body = {"value": "peace_enforcement", "source": "answer of the requesting party", "date": "2026-02-01"}
    first = client.put(f"{url}/operation.type", json=body, headers={**analyst, "If-Match": etag})
    assert first.status_code == 200 and first.headers["etag"] == '"v2"'
    stale = client.put(
        f"{url}/operation.type", json={"value": "stabilization"}, headers={**analyst, "If-Match": etag}
    )
    assert stale.status_code == 409
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["current_version"] == 2 and stale.headers["etag"] == '"v2"'
    current = {f["fact"]: f for f in client.get(url, headers=analyst).json()["facts"]}
    assert current["operation.type"]["value"] == "peace_enforcement"
    assert current["operation.type"]["record"]["source"] == "answer of the requesting party"
    assert current["operation.type"]["updated_by"] == "analyst"
    missing = client.put(f"{url}/operation.type", json={"value": "stabilization"}, headers=analyst)
    assert missing.status_code == 428
    removed = client.delete(f"{url}/operation.type", headers={**analyst, "If-Match": '"v2"'})
    assert removed.status_code == 200 and "operation.type" not in {f["fact"] for f in removed.json()["facts"]}
    history = client.get(f"{url}/operation.type/history", headers=analyst).json()
    assert [h["action"] for h in history] == ["set", "remove"]


def test_patch_case_and_facts(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    case_url = f"/api/cases/{example_case['id']}"
    patched = client.patch(
        case_url,
        json={"status": "closed", "channel": "note verbale"},
        headers={**analyst, "If-Match": '"v1"'},
    )
    assert (
        patched.status_code == 200 and patched.json()["status"] == "closed" and patched.json()["version"] == 2
    )
    body = {"facts": {"consent.host_state": {"value": True}, "mandate.authority": None}}
    facts = client.patch(f"{case_url}/facts", json=body, headers={**analyst, "If-Match": '"v2"'})
    assert facts.status_code == 200
    names = {f["fact"] for f in facts.json()["facts"]}
    assert "consent.host_state" in names and "mandate.authority" not in names
    null_title = client.patch(case_url, json={"title": None}, headers={**analyst, "If-Match": "*"})
    assert null_title.status_code == 422


def test_assessment_flow_to_signed_decision(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    analyst, approver = tokens[Role.ANALYST], tokens[Role.APPROVER]
    case_url = f"/api/cases/{example_case['id']}"
    first = client.post(f"{case_url}/assessments", json={}, headers=analyst)
    assert first.status_code == 201 and first.json()["verdict"] == "CLARIFICATION_REQUIRED"
    assert len(first.json()["report"]["questions"]) > 20
    questionnaire = client.post(f"{case_url}/questionnaires", json={}, headers=analyst).json()
    sent = client.post(
        f"{case_url}/questionnaires/{questionnaire['number']}/send",
        json={"channel": "note verbale", "recipient": "Embassy of the USA"},
        headers=analyst,
    )
    assert sent.status_code == 200 and sent.json()["sent_by"] == "analyst"
    answers = {
        "received_on": "2026-02-01",
        "answered_by": "Embassy of the USA",
        "channel": "note verbale",
        "questionnaire": 1,
        "facts": {"operation.type": "peace_enforcement"},
    }
    assert client.post(f"{case_url}/answers", json=answers, headers=analyst).status_code == 201
    second = client.post(f"{case_url}/assessments", json={}, headers=analyst).json()
    assert second["verdict"] == "DECLINE" and "A1" in second["report"]["deciding_rules"]
    assert second["doctrine_hash"] == first.json()["doctrine_hash"]
    stale = client.post(
        f"{case_url}/assessments/{first.json()['id']}/signoff", json={"decision": "decline"}, headers=approver
    )
    assert stale.status_code == 409
    signed = client.post(
        f"{case_url}/assessments/{second['id']}/signoff",
        json={"decision": "decline", "note": "red line A1"},
        headers=approver,
    )
    assert signed.status_code == 201 and signed.json()["signed_by"] == "approver"
    listing = client.get(f"{case_url}/assessments", headers=analyst).json()
    # Newest first: the one asked for, the one the answers recorded, the one asked for, the one at opening.
    verdicts = [a["verdict"] for a in listing["items"]]
    assert verdicts == ["DECLINE", "DECLINE", "CLARIFICATION_REQUIRED", "CLARIFICATION_REQUIRED"]
    case = client.get(case_url, headers=analyst).json()
    assert case["status"] == "decided" and case["latest_verdict"] == "DECLINE"
    position = {"position": "declined", "stated_on": "2026-02-03", "statement": "We will not take part."}
    assert client.post(f"{case_url}/positions", json=position, headers=approver).status_code == 201
    assert client.get(case_url, headers=analyst).json()["position"] == "declined"
    compare = client.get(f"{case_url}/compare", headers=analyst).json()
    assert {row["doctrine"] for row in compare} >= {"azerbaijan"}


def test_documents_round_trip(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    url = f"/api/cases/{example_case['id']}/documents"
    text = b"S/RES/2803 (2025)\nActing under ..."
    uploaded = client.post(
        url,
        files={"file": ("S_RES_2803.txt", text, "text/plain")},
        data={"kind": "mandate", "note": "as received"},
        headers=analyst,
    )
    assert uploaded.status_code == 201, uploaded.text
    document = uploaded.json()
    assert document["size"] == len(text) and document["kind"] == "mandate"
    content = client.get(f"{url}/{document['id']}/content", headers=analyst)
    assert content.content == text and content.headers["content-type"].startswith("text/plain")
    assert "attachment" in content.headers["content-disposition"]
    assert [d["id"] for d in client.get(url, headers=analyst).json()] == [document["id"]]


def test_audit_log_and_verify(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    admin = tokens[Role.ADMIN]
    entries = client.get("/api/audit", params={"target": f"case:{example_case['id']}"}, headers=admin).json()
    # Newest first: opening a case records its first assessment in the same transaction.
    assert [e["action"] for e in entries["items"]] == ["assessment.create", "case.create"]
    verified = client.get("/api/audit/verify", headers=admin).json()
    assert verified["ok"] is True and verified["entries"] >= 9


def test_health_and_openapi(client: TestClient) -> None:
    health = client.get("/api/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    schema = client.get("/api/openapi.json").json()
    assert "/api/cases" in schema["paths"] and "/api/cases/{case_id}/facts/{fact_id}" in schema["paths"]
