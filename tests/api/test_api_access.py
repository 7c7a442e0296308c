"""Access control: every endpoint by every role and anonymously; restricted cases; sessions and CSRF."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from missiongate.store import accounts
from missiongate.store.db import Database
from missiongate.store.models import Role

H = dict[str, str]
PASSWORD = "correct horse battery staple"
ANY = {"If-Match": "*"}
ANSWER = {
    "received_on": "2026-02-01",
    "answered_by": "Embassy",
    "channel": "note",
    "facts": {"consent.host_state": True},
}

# (method, path, least role allowed, JSON body). Ids in braces are filled in from a prepared case.
ENDPOINTS: list[tuple[str, str, Role, Any]] = [
    ("GET", "/api/cases", Role.VIEWER, None),
    ("POST", "/api/cases", Role.ANALYST, {"title": "New inquiry"}),
    ("GET", "/api/cases/{case}", Role.VIEWER, None),
    ("PATCH", "/api/cases/{case}", Role.ANALYST, {"channel": "note verbale"}),
    ("GET", "/api/cases/{case}/mission", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/facts", Role.VIEWER, None),
    ("PATCH", "/api/cases/{case}/facts", Role.ANALYST, {"facts": {"consent.host_state": {"value": True}}}),
    ("PUT", "/api/cases/{case}/facts/operation.type", Role.ANALYST, {"value": "stabilization"}),
    ("POST", "/api/cases/{case}/facts/mandate.charter_basis/accept", Role.ANALYST, None),
    ("DELETE", "/api/cases/{case}/facts/regional.endorsements", Role.ANALYST, None),
    ("GET", "/api/cases/{case}/facts/operation.type/history", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/history", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/documents", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/documents/{document}", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/documents/{document}/content", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/documents/{document}/analysis", Role.VIEWER, None),
    ("POST", "/api/cases/{case}/documents/{document}/proposals", Role.ANALYST, None),
    ("POST", "/api/cases/{case}/questionnaires", Role.ANALYST, {}),
    ("GET", "/api/cases/{case}/questionnaires", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/questionnaires/1", Role.VIEWER, None),
    (
        "POST",
        "/api/cases/{case}/questionnaires/1/send",
        Role.ANALYST,
        {"channel": "note", "recipient": "Embassy"},
    ),
    ("POST", "/api/cases/{case}/answers", Role.ANALYST, ANSWER),
    ("GET", "/api/cases/{case}/answers", Role.VIEWER, None),
    ("POST", "/api/cases/{case}/assessments", Role.ANALYST, {}),
    ("GET", "/api/cases/{case}/assessments", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/assessments/{assessment}", Role.VIEWER, None),
    (
        "POST",
        "/api/cases/{case}/assessments/{assessment}/signoff",
        Role.APPROVER,
        {"decision": "seek_clarification"},
    ),
    ("GET", "/api/cases/{case}/signoffs", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/compare", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/conditions", Role.VIEWER, None),
    (
        "POST",
        "/api/cases/{case}/conditions/C1",
        Role.ANALYST,
        {"state": "stated", "counterpart": "Embassy", "on": "2026-02-01", "channel": "note_verbale"},
    ),
    ("GET", "/api/cases/{case}/paths", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/forcegen", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/memo", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/note", Role.VIEWER, None),
    ("GET", "/api/cases/{case}/offer", Role.VIEWER, None),
    (
        "POST",
        "/api/cases/{case}/positions",
        Role.APPROVER,
        {"position": "considering", "stated_on": "2026-01-05", "statement": "Under consideration."},
    ),
    ("GET", "/api/cases/{case}/positions", Role.VIEWER, None),
    ("GET", "/api/doctrines", Role.VIEWER, None),
    ("GET", "/api/doctrines/azerbaijan", Role.VIEWER, None),
    ("GET", "/api/facts", Role.VIEWER, None),
    ("GET", "/api/me", Role.VIEWER, None),
    ("GET", "/api/me/tokens", Role.VIEWER, None),
    ("POST", "/api/me/tokens", Role.VIEWER, {"name": "script"}),
    ("GET", "/api/users", Role.ADMIN, None),
    ("POST", "/api/users", Role.ADMIN, {"username": "newcomer", "role": "viewer"}),
    ("GET", "/api/users/{user}", Role.ADMIN, None),
    ("PATCH", "/api/users/{user}", Role.ADMIN, {"display_name": "Service account"}),
    ("POST", "/api/users/{user}/tokens", Role.ADMIN, {"name": "service"}),
    ("GET", "/api/audit", Role.ADMIN, None),
    ("GET", "/api/audit/verify", Role.ADMIN, None),
]
# Multipart uploads, both for analysts and up.
UPLOADS = [
    ("/api/cases/{case}/documents", ("b.txt", b"x", "text/plain")),
    (
        "/api/cases/{case}/answers/import",
        (
            "a.yaml",
            b"answered_by: x\nchannel: y\ndate: 2026-02-01\nanswers:\n  consent.host_state: true\n",
            "application/yaml",
        ),
    ),
]


@pytest.fixture
def ids(client: TestClient, tokens: dict[Role, H], database: Database) -> dict[str, int]:
    analyst = tokens[Role.ANALYST]
    facts = {
        "mandate.charter_basis": {"value": "chapter_vii", "status": "proposed"},
        "regional.endorsements": ["arab_league"],
    }
    case = client.post("/api/cases", json={"title": "ISF", "facts": facts}, headers=analyst).json()
    url = f"/api/cases/{case['id']}"
    document = client.post(
        f"{url}/documents", files={"file": ("a.txt", b"text", "text/plain")}, headers=analyst
    )
    client.post(f"{url}/questionnaires", json={}, headers=analyst)
    assessment = client.post(f"{url}/assessments", json={}, headers=analyst).json()
    with database.write() as session:
        service = accounts.create_user(session, "setup", "service", Role.VIEWER)
    return {
        "case": case["id"],
        "document": document.json()["id"],
        "assessment": assessment["id"],
        "user": service.id,
    }


def _call(client: TestClient, method: str, path: str, body: Any, headers: H) -> int:
    return client.request(method, path, json=body, headers={**headers, **ANY}).status_code


@pytest.mark.parametrize("role", list(Role))
def test_every_endpoint_checks_the_role(
    client: TestClient, tokens: dict[Role, H], ids: dict[str, int], role: Role
) -> None:
    for method, template, least, body in ENDPOINTS:
        path = template.format(**ids)
        status = _call(client, method, path, body, tokens[role])
        if role.at_least(least):
            assert status not in (401, 403) and status < 500, (method, path, role, status)
        else:
            assert status == 403, (method, path, role, status)
    for template, file in UPLOADS:
        upload = client.post(template.format(**ids), files={"file": file}, headers=tokens[role])
        assert upload.status_code == (201 if role.at_least(Role.ANALYST) else 403), (template, role)


def test_anonymous_callers_get_401_everywhere_but_health(client: TestClient, ids: dict[str, int]) -> None:
    for method, template, _, body in ENDPOINTS:
        response = client.request(method, template.format(**ids), json=body)
        assert response.status_code == 401, (method, template)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"] == "Bearer"
    for template, file in UPLOADS:
        assert client.post(template.format(**ids), files={"file": file}).status_code == 401
    assert client.get("/api/health").status_code == 200
    bad = client.get("/api/cases", headers={"Authorization": "Bearer mgt_forged"})
    assert bad.status_code == 401


def test_restricted_case_is_hidden_from_non_members(client: TestClient, tokens: dict[Role, H]) -> None:
    analyst, approver, viewer = tokens[Role.ANALYST], tokens[Role.APPROVER], tokens[Role.VIEWER]
    body = {"title": "Sensitive inquiry", "restricted": True, "members": ["viewer"]}
    case = client.post("/api/cases", json=body, headers=analyst).json()
    assert case["members"] == ["analyst", "viewer"]
    url = f"/api/cases/{case['id']}"
    assert client.get(url, headers=viewer).status_code == 200
    assert client.get(url, headers=tokens[Role.ADMIN]).status_code == 200
    hidden = client.get(url, headers=approver)
    assert hidden.status_code == 404 and hidden.json()["type"] == "urn:missiongate:problem:not-found"
    assert client.post(f"{url}/assessments", json={}, headers=approver).status_code == 404
    assert client.get("/api/cases", headers=approver).json()["total"] == 0


def test_session_login_cookie_and_csrf(client: TestClient, database: Database) -> None:
    with database.write() as session:
        accounts.create_user(session, "setup", "ana", Role.ANALYST, password=PASSWORD)
    wrong = client.post("/api/session", json={"username": "ana", "password": "wrong password"})
    assert wrong.status_code == 401
    login = client.post("/api/session", json={"username": "ana", "password": PASSWORD})
    assert login.status_code == 200
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    csrf = login.json()["csrf_token"]
    assert client.get("/api/me").json()["username"] == "ana"
    refused = client.post("/api/cases", json={"title": "x"})
    assert refused.status_code == 403 and refused.json()["type"] == "urn:missiongate:problem:csrf"
    assert client.post("/api/cases", json={"title": "x"}, headers={"X-CSRF-Token": csrf}).status_code == 201
    assert client.get("/api/session").json()["csrf_token"] == csrf
    assert client.delete("/api/session", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/me").status_code == 401


def test_tokens_can_be_created_listed_and_revoked(client: TestClient, tokens: dict[Role, H]) -> None:
    viewer = tokens[Role.VIEWER]
    created = client.post(
        "/api/me/tokens", json={"name": "laptop", "expires_in_days": 30}, headers=viewer
    ).json()
    own = {"Authorization": f"Bearer {created['token']}"}
    assert client.get("/api/me", headers=own).json()["username"] == "viewer"
    listed = client.get("/api/me/tokens", headers=viewer).json()
    assert "token" not in listed[0] and {t["name"] for t in listed} == {"tests", "laptop"}
    assert client.delete(f"/api/me/tokens/{created['id']}", headers=viewer).status_code == 204
    assert client.get("/api/me", headers=own).status_code == 401


def test_admin_manages_users(client: TestClient, tokens: dict[Role, H]) -> None:
    admin = tokens[Role.ADMIN]
    created = client.post("/api/users", json={"username": "bea", "role": "viewer"}, headers=admin).json()
    assert len(created["password"]) >= 12
    login = client.post("/api/session", json={"username": "bea", "password": created["password"]})
    assert login.status_code == 200
    client.cookies.clear()
    promoted = client.patch(f"/api/users/{created['id']}", json={"role": "approver"}, headers=admin).json()
    assert promoted["role"] == "approver"
    duplicate = client.post("/api/users", json={"username": "bea", "role": "viewer"}, headers=admin)
    assert duplicate.status_code == 409
    # the administrator cannot demote or deactivate themself (the same check as the web pages)
    me = client.get("/api/me", headers=admin).json()
    for change in ({"role": "viewer"}, {"active": False}):
        refused = client.patch(f"/api/users/{me['id']}", json=change, headers=admin)
        assert refused.status_code == 422 and "yourself" in refused.json()["detail"]
    assert client.get("/api/me", headers=admin).json()["role"] == "admin"


def test_a_token_made_with_a_token_ends_with_it(client: TestClient, tokens: dict[Role, H]) -> None:
    viewer = tokens[Role.VIEWER]
    parent = client.post("/api/me/tokens", json={"name": "ci", "expires_in_days": 2}, headers=viewer).json()
    parent_auth = {"Authorization": f"Bearer {parent['token']}"}
    child = client.post("/api/me/tokens", json={"name": "job", "expires_in_days": 365}, headers=parent_auth)
    assert child.status_code == 201 and child.json()["expires_at"] <= parent["expires_at"]
    grandchild = client.post(
        "/api/me/tokens", json={"name": "step"}, headers={"Authorization": f"Bearer {child.json()['token']}"}
    ).json()
    assert client.delete(f"/api/me/tokens/{parent['id']}", headers=viewer).status_code == 204
    for raw in (child.json()["token"], grandchild["token"]):
        assert client.get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    assert client.get("/api/me", headers=viewer).status_code == 200
