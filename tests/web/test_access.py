"""Without a browser: every page and fragment checked for every role, CSRF refusals, cookies, fragments."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from missiongate.store import accounts
from missiongate.store import documents as store_documents
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.db import Database
from missiongate.store.models import Role
from missiongate.web.routes import ROUTERS
from tests.web.helpers import (
    CSRF_FIELD,
    PASSWORD,
    RESOLUTION,
    form_version,
    login,
    seed_case,
    stored_facts,
    upload_resolution,
)

FACT = "operation.impartial"
# Every web route with the least role that may use it. A route missing here fails `test_table_is_complete`.
ROUTES: dict[tuple[str, str], Role | None] = {
    ("GET", "/"): None,
    ("GET", "/login"): None,
    ("POST", "/login"): None,
    ("POST", "/logout"): Role.VIEWER,
    ("GET", "/cases"): Role.VIEWER,
    ("GET", "/cases/new"): Role.ANALYST,
    ("POST", "/cases"): Role.ANALYST,
    ("GET", "/cases/{case_id}"): Role.VIEWER,
    ("POST", "/cases/{case_id}/assessments"): Role.ANALYST,
    ("GET", "/cases/{case_id}/timeline"): Role.VIEWER,
    ("GET", "/cases/{case_id}/assessments/{assessment_id}"): Role.VIEWER,
    ("GET", "/cases/{case_id}/assessments/{assessment_id}/brief.pdf"): Role.VIEWER,
    ("POST", "/cases/{case_id}/assessments/{assessment_id}/signoff"): Role.APPROVER,
    ("GET", "/cases/{case_id}/position"): Role.VIEWER,
    ("POST", "/cases/{case_id}/position"): Role.APPROVER,
    ("GET", "/cases/{case_id}/compare"): Role.VIEWER,
    ("GET", "/cases/{case_id}/paths"): Role.VIEWER,
    ("GET", "/cases/{case_id}/forcegen"): Role.VIEWER,
    ("GET", "/cases/{case_id}/decision"): Role.VIEWER,
    ("GET", "/cases/{case_id}/decision/memo.{format}"): Role.VIEWER,
    ("GET", "/cases/{case_id}/decision/note.{format}"): Role.VIEWER,
    ("GET", "/cases/{case_id}/decision/offer.{format}"): Role.VIEWER,
    ("GET", "/cases/{case_id}/facts"): Role.VIEWER,
    ("GET", "/cases/{case_id}/facts/{fact_id}/edit"): Role.ANALYST,
    ("POST", "/cases/{case_id}/facts/{fact_id}"): Role.ANALYST,
    ("POST", "/cases/{case_id}/facts/{fact_id}/accept"): Role.ANALYST,
    ("POST", "/cases/{case_id}/facts/{fact_id}/clear"): Role.ANALYST,
    ("GET", "/cases/{case_id}/documents"): Role.VIEWER,
    ("POST", "/cases/{case_id}/documents"): Role.ANALYST,
    ("GET", "/cases/{case_id}/documents/{document_id}/content"): Role.VIEWER,
    ("GET", "/cases/{case_id}/documents/{document_id}"): Role.VIEWER,
    ("POST", "/cases/{case_id}/documents/{document_id}/proposals/{fact_id}/accept"): Role.ANALYST,
    ("POST", "/cases/{case_id}/documents/{document_id}/proposals/{fact_id}/reject"): Role.ANALYST,
    ("GET", "/cases/{case_id}/questionnaire"): Role.VIEWER,
    ("GET", "/cases/{case_id}/questionnaire/export"): Role.VIEWER,
    ("POST", "/cases/{case_id}/questionnaires"): Role.ANALYST,
    ("GET", "/cases/{case_id}/questionnaires/{number}/note.{kind}"): Role.VIEWER,
    ("POST", "/cases/{case_id}/answers"): Role.ANALYST,
    ("GET", "/cases/{case_id}/conditions"): Role.VIEWER,
    ("POST", "/cases/{case_id}/conditions/{rule_id}"): Role.ANALYST,
    ("GET", "/cases/{case_id}/claims"): Role.VIEWER,
    ("POST", "/cases/{case_id}/claims"): Role.ANALYST,
    ("GET", "/cases/{case_id}/claims/claimreview.jsonld"): Role.VIEWER,
    ("POST", "/cases/{case_id}/steps/{step_id}/taken"): Role.ANALYST,
    ("POST", "/cases/{case_id}/alerts/{alert_id}/acknowledge"): Role.ANALYST,
    ("GET", "/doctrines"): Role.VIEWER,
    ("GET", "/doctrines/{doctrine_id}"): Role.VIEWER,
    ("GET", "/compare"): Role.VIEWER,
    ("GET", "/account"): Role.VIEWER,
    ("POST", "/account/password"): Role.VIEWER,
    ("POST", "/account/tokens"): Role.VIEWER,
    ("POST", "/account/tokens/{token_id}/revoke"): Role.VIEWER,
    ("GET", "/admin/users"): Role.ADMIN,
    ("POST", "/admin/users"): Role.ADMIN,
    ("GET", "/admin/users/{user_id}"): Role.ADMIN,
    ("POST", "/admin/users/{user_id}/role"): Role.ADMIN,
    ("POST", "/admin/users/{user_id}/active"): Role.ADMIN,
    ("POST", "/admin/users/{user_id}/password"): Role.ADMIN,
    ("POST", "/admin/users/{user_id}/tokens/{token_id}/revoke"): Role.ADMIN,
}
PROTECTED = sorted((key for key, role in ROUTES.items() if role is not None), key=lambda k: k[1] == "/logout")


@pytest.fixture
def ids(database: Database) -> dict[str, str]:
    """A case with an assessment, an uploaded resolution, a user with a token: every path resolves."""
    case_id = seed_case(database)
    with database.write() as session:
        actor = accounts.Actor.of(accounts.user_by_name(session, "analyst"))  # type: ignore[arg-type]
        subject = accounts.create_user(session, "setup", "subject", Role.VIEWER, password=PASSWORD)
        token, _ = accounts.issue_token(session, "setup", subject, "script")
        store_questionnaires.create_questionnaire(session, actor, case_id)
        document = store_documents.add_document(
            session,
            actor,
            case_id,
            filename="res.txt",
            content_type="text/plain",
            data=RESOLUTION.read_bytes(),
            kind="mandate",
        )
    return {
        "case_id": str(case_id),
        "document_id": str(document.id),
        "assessment_id": "1",
        "fact_id": FACT,
        "doctrine_id": "azerbaijan",
        "number": "1",
        "kind": "docx",
        "format": "md",
        "user_id": str(subject.id),
        "token_id": str(token.id),
        "rule_id": "C1",
        "step_id": "parliament",
        "alert_id": "1",
    }


def _url(template: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], template)


@pytest.fixture
def clients(app: FastAPI) -> Iterator[dict[Role, tuple[TestClient, str]]]:
    """One logged-in client per role, with its CSRF token."""
    made = {role: TestClient(app, base_url="https://testserver") for role in Role}
    yield {role: (client, login(client, role.value)) for role, client in made.items()}
    for client in made.values():
        client.close()


def test_table_is_complete() -> None:
    mounted = {
        (m, r.path) for router in ROUTERS for r in router.routes if isinstance(r, APIRoute) for m in r.methods
    }
    assert mounted == set(ROUTES)


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_anonymous_is_sent_to_log_in(client: TestClient, ids: dict[str, str], method: str, path: str) -> None:
    response = client.request(method, _url(path, ids), follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")
    fragment = client.request(method, _url(path, ids), headers={"HX-Request": "true"}, follow_redirects=False)
    assert fragment.status_code == 401
    assert fragment.headers["HX-Redirect"].startswith("/login")


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_each_role_gets_what_its_rank_allows(
    clients: dict[Role, tuple[TestClient, str]], ids: dict[str, str], method: str, path: str
) -> None:
    least = ROUTES[(method, path)]
    assert least is not None
    for role, (client, csrf) in clients.items():
        data = {"csrf_token": csrf} if method == "POST" else None
        response = client.request(method, _url(path, ids), data=data, follow_redirects=False)
        if role.at_least(least):
            assert response.status_code not in (401, 403), (role, response.text[:300])
            if path == "/logout":  # logging out ends the session and goes to the login page
                assert 'missiongate_session=""' in response.headers["set-cookie"]
            else:
                assert not response.headers.get("location", "").startswith("/login")
        else:
            assert response.status_code == 403, (role, response.status_code)
            assert "Not allowed" in response.text


def test_forms_without_the_csrf_token_are_refused(clients: dict[Role, tuple[TestClient, str]]) -> None:
    client, csrf = clients[Role.ANALYST]
    form = {"title": "Should not exist", "doctrine": "japan"}
    for token in (None, "forged"):
        data = form | ({"csrf_token": token} if token else {})
        response = client.post("/cases", data=data, follow_redirects=False)
        assert response.status_code == 403
        assert "CSRF" in response.text
    assert "Should not exist" not in client.get("/cases").text
    created = client.post("/cases", data=form, headers={"X-CSRF-Token": csrf}, follow_redirects=False)
    assert created.status_code == 303


def test_login_form_needs_its_own_token_and_sets_safe_cookies(app: FastAPI) -> None:
    with TestClient(app, base_url="https://testserver") as client:
        refused = client.post(
            "/login", data={"username": "viewer", "password": PASSWORD}, follow_redirects=False
        )
        assert refused.status_code == 200 and "The form had expired" in refused.text
        assert "missiongate_session" not in refused.headers.get("set-cookie", "")
        token = CSRF_FIELD.search(client.get("/login").text)
        assert token is not None
        response = client.post(
            "/login",
            data={
                "username": "viewer",
                "password": PASSWORD,
                "csrf_token": token.group(1),
                "next": "//evil.example/",
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == "/cases"  # no open redirect
        cookie = next(
            c for c in response.headers.get_list("set-cookie") if c.startswith("missiongate_session=")
        )
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" in cookie


def test_wrong_password_logs_nobody_in(client: TestClient) -> None:
    token = CSRF_FIELD.search(client.get("/login").text)
    assert token is not None
    response = client.post(
        "/login",
        data={"username": "analyst", "password": "wrong password!", "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert "Wrong username or password" in response.text
    assert client.get("/cases", follow_redirects=False).status_code == 303


def test_pages_send_security_headers_and_the_api_still_answers_json(
    clients: dict[Role, tuple[TestClient, str]], client: TestClient
) -> None:
    page = clients[Role.VIEWER][0].get("/cases")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    api = client.get("/api/cases")
    assert api.status_code == 401 and api.headers["content-type"] == "application/problem+json"


def test_case_list_fragment_and_filters(
    clients: dict[Role, tuple[TestClient, str]], ids: dict[str, str]
) -> None:
    client, _ = clients[Role.VIEWER]
    fragment = client.get("/cases?q=observer", headers={"HX-Request": "true", "HX-Target": "case-results"})
    assert "<html" not in fragment.text and "Observer mission, example" in fragment.text
    empty = client.get("/cases?q=nothing-like-this")
    assert "No case matches these filters" in empty.text


def test_review_fragment_accepts_and_swaps_the_verdict(
    clients: dict[Role, tuple[TestClient, str]], ids: dict[str, str], database: Database
) -> None:
    client, csrf = clients[Role.ANALYST]
    review = upload_resolution(client, csrf, int(ids["case_id"]), kind="mandate")
    fragment = client.post(
        f"{review}/proposals/consent.all_parties/accept",
        headers={"HX-Request": "true"},
        data={"csrf_token": csrf, "version": form_version(client.get(review).text)},
    )
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'id="verdict"' in fragment.text and 'hx-swap-oob="true"' in fragment.text
    assert stored_facts(database, int(ids["case_id"]))["consent.all_parties"].status == "confirmed"


def test_reject_asks_first_then_removes(
    clients: dict[Role, tuple[TestClient, str]], ids: dict[str, str], database: Database
) -> None:
    client, csrf = clients[Role.ANALYST]
    review = upload_resolution(client, csrf, int(ids["case_id"]))
    version = form_version(client.get(review).text)
    target = f"{review}/proposals/operation.type/reject"
    asked = client.post(target, data={"csrf_token": csrf, "version": version})
    assert "Yes, reject it" in asked.text
    assert stored_facts(database, int(ids["case_id"]))["operation.type"].status == "proposed"
    client.post(target, data={"csrf_token": csrf, "version": version, "confirmed": "yes"})
    assert "operation.type" not in stored_facts(database, int(ids["case_id"]))
