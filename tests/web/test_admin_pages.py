"""User administration and the own account page, through the forms (TestClient): what each action does.

Creating a user who then logs in, role changes taking effect, self-demotion and the last administrator
refused, API tokens that work with `Authorization: Bearer` until revoked, password changes and resets
(the login throttle forgets a reset username), deactivation, and the audit entries each action writes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from missiongate.store import accounts
from missiongate.store.db import Database
from missiongate.store.models import AuditEntry, Role, User
from tests.web.helpers import PASSWORD, form_login, login

NEW_PASSWORD = re.compile(r'<code id="new-password">([^<]+)</code>')
NEW_TOKEN = re.compile(r'<code id="new-token">([^<]+)</code>')
ALERT = re.compile(r'<div class="notice error" role="alert"><p>(.*?)</p></div>', re.S)
Client = Callable[[str], tuple[TestClient, str]]


@pytest.fixture
def signed_in(app: FastAPI) -> Iterator[Client]:
    """Logs a fresh client in as the given user (password `PASSWORD`); returns it with its CSRF token."""
    made: list[TestClient] = []

    def make(username: str) -> tuple[TestClient, str]:
        client = TestClient(app, base_url="https://testserver")
        made.append(client)
        return client, login(client, username)

    yield make
    for client in made:
        client.close()


def user_id(database: Database, username: str) -> int:
    with database.read() as session:
        user = accounts.user_by_name(session, username)
        assert user is not None
        return user.id


def stored_user(database: Database, username: str) -> User:
    with database.read() as session:
        user = accounts.user_by_name(session, username)
        assert user is not None
        return user


def audit_entries(database: Database, action: str) -> list[tuple[str, str, dict[str, object]]]:
    with database.read() as session:
        rows = session.execute(
            select(AuditEntry.actor, AuditEntry.target, AuditEntry.details)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.seq)
        ).all()
    return [(actor, target, json.loads(details)) for actor, target, details in rows]


def alert(response: httpx.Response) -> str:
    found = ALERT.findall(response.text)
    assert found, response.text[:500]
    return html.unescape(" ".join(found))


def test_admin_creates_a_user_who_then_logs_in(signed_in: Client, app: FastAPI, database: Database) -> None:
    admin, csrf = signed_in("admin")
    listing = admin.get("/admin/users")
    assert listing.status_code == 200
    assert all(name in listing.text for name in ("viewer", "analyst", "approver", "admin"))
    created = admin.post(
        "/admin/users",
        data={"csrf_token": csrf, "username": "nadia", "display_name": "Nadia K.", "role": "analyst"},
    )
    assert created.status_code == 200, created.text[:500]
    shown = NEW_PASSWORD.search(created.text)
    assert shown is not None and "shown only this once" in created.text
    assert 'hx-history="false"' in created.text  # htmx must not keep the password in its history cache
    password = shown.group(1)
    assert password not in admin.get("/admin/users").text  # once only
    nadia = stored_user(database, "nadia")
    assert (nadia.role, nadia.display_name, nadia.active) == ("analyst", "Nadia K.", True)
    assert audit_entries(database, "user.create")[-1] == (
        "admin",
        f"user:{nadia.id}",
        {"username": "nadia", "role": "analyst"},
    )

    with TestClient(app, base_url="https://testserver") as browser:
        assert form_login(browser, "nadia", password).status_code == 303
        assert browser.get("/cases/new").status_code == 200  # an analyst
        assert browser.get("/admin/users").status_code == 403
        account = browser.get("/account")
        assert "Nadia K." in account.text and "analyst" in account.text
    assert re.search(r"nadia</a>.*?\d{4}-\d\d-\d\d \d\d:\d\d UTC", admin.get("/admin/users").text, re.S)

    # A password the administrator chose is not shown back.
    chosen = admin.post(
        "/admin/users",
        data={"csrf_token": csrf, "username": "omar", "role": "viewer", "password": "chosen by the admin"},
    )
    assert chosen.status_code == 200 and NEW_PASSWORD.search(chosen.text) is None
    with TestClient(app, base_url="https://testserver") as browser:
        assert form_login(browser, "omar", "chosen by the admin").status_code == 303


def test_bad_new_users_are_refused_with_a_reason(signed_in: Client, database: Database) -> None:
    admin, csrf = signed_in("admin")
    for data, status, words in (
        ({"username": "analyst", "role": "viewer"}, 409, "already exists"),
        ({"username": "Nadia K", "role": "viewer"}, 422, "Invalid username"),
        ({"username": "", "role": "viewer"}, 422, "Give the username"),
        ({"username": "nadia", "role": "superuser"}, 422, "Unknown role"),
        ({"username": "nadia", "role": "viewer", "password": "short"}, 422, "at least 10 characters"),
        ({"username": "nadia", "role": "viewer", "display_name": "a\x00b"}, 422, "control character U+0000"),
    ):
        response = admin.post("/admin/users", data={"csrf_token": csrf, **data})
        assert response.status_code == status, (data, response.text[:300])
        assert words in alert(response) and "Traceback" not in response.text
    assert stored_user(database, "analyst").role == "analyst"
    with database.read() as session:
        assert accounts.user_by_name(session, "nadia") is None
    forged = admin.post("/admin/users", data={"username": "nadia", "role": "admin"}, follow_redirects=False)
    assert forged.status_code == 403 and "CSRF" in forged.text


def test_a_role_change_takes_effect_at_once(signed_in: Client, database: Database) -> None:
    admin, csrf = signed_in("admin")
    viewer, _ = signed_in("viewer")
    assert viewer.get("/cases/new").status_code == 403
    target = user_id(database, "viewer")
    changed = admin.post(
        f"/admin/users/{target}/role", data={"csrf_token": csrf, "role": "analyst"}, follow_redirects=False
    )
    assert changed.status_code == 303 and changed.headers["location"] == f"/admin/users/{target}?done=role"
    assert "Role saved" in admin.get(changed.headers["location"]).text
    assert viewer.get("/cases/new").status_code == 200  # the same session, its new role
    assert audit_entries(database, "user.update")[-1] == ("admin", f"user:{target}", {"role": "analyst"})
    promoted = admin.post(f"/admin/users/{target}/role", data={"csrf_token": csrf, "role": "admin"})
    assert promoted.status_code == 200
    assert 'href="/admin/users"' in viewer.get("/cases").text  # the Users link appears for admins only


def test_an_admin_cannot_demote_or_deactivate_themself(signed_in: Client, database: Database) -> None:
    admin, csrf = signed_in("admin")
    me = user_id(database, "admin")
    page = admin.get(f"/admin/users/{me}")
    assert "This is you" in page.text and f"/admin/users/{me}/role" not in page.text  # no such forms
    before = len(audit_entries(database, "user.update"))
    demoted = admin.post(f"/admin/users/{me}/role", data={"csrf_token": csrf, "role": "viewer"})
    assert demoted.status_code == 422 and "You cannot demote yourself" in alert(demoted)
    off = admin.post(
        f"/admin/users/{me}/active", data={"csrf_token": csrf, "active": "false", "confirmed": "yes"}
    )
    assert off.status_code == 422 and "You cannot deactivate yourself" in alert(off)
    reset = admin.post(f"/admin/users/{me}/password", data={"csrf_token": csrf, "confirmed": "yes"})
    assert reset.status_code == 422 and "your account page" in alert(reset)
    assert (stored_user(database, "admin").role, stored_user(database, "admin").active) == ("admin", True)
    assert len(audit_entries(database, "user.update")) == before
    assert admin.get("/admin/users").status_code == 200  # still an administrator


def test_the_last_active_admin_cannot_be_removed(signed_in: Client, database: Database) -> None:
    with database.write() as session:
        accounts.create_user(session, "setup", "chief", Role.ADMIN, password=PASSWORD)
    admin, csrf = signed_in("admin")
    chief = user_id(database, "chief")
    # Another worker process demoted "admin" a moment ago; this process still trusts its cached session.
    with database.write() as session:
        session.execute(update(User).where(User.username == "admin").values(role=Role.ANALYST.value))
    for field, value, words in (("role", "approver", "demote"), ("active", "false", "deactivate")):
        data = {"csrf_token": csrf, field: value, "confirmed": "yes"}
        refused = admin.post(f"/admin/users/{chief}/{field}", data=data)
        assert refused.status_code == 409, refused.text[:300]
        assert "User 'chief' is the last active administrator" in alert(refused), words
    assert (stored_user(database, "chief").role, stored_user(database, "chief").active) == ("admin", True)

    # With two administrators, one may demote the other.
    with database.write() as session:
        session.execute(update(User).where(User.username == "admin").values(role=Role.ADMIN.value))
    done = admin.post(
        f"/admin/users/{chief}/role", data={"csrf_token": csrf, "role": "viewer"}, follow_redirects=False
    )
    assert done.status_code == 303 and stored_user(database, "chief").role == "viewer"


def test_a_token_works_against_the_api_until_revoked(signed_in: Client, client: TestClient) -> None:
    viewer, csrf = signed_in("viewer")
    made = viewer.post(
        "/account/tokens", data={"csrf_token": csrf, "name": "my script", "expires_in_days": "30"}
    )
    assert made.status_code == 200
    shown = NEW_TOKEN.search(made.text)
    assert shown is not None and 'hx-history="false"' in made.text
    raw = shown.group(1)
    assert made.headers["HX-Push-Url"] == "/account"  # the address bar never shows the form's action
    assert raw not in viewer.get("/account").text and raw[:10] in viewer.get("/account").text
    bearer = {"Authorization": f"Bearer {raw}"}
    me = client.get("/api/me", headers=bearer)
    assert me.status_code == 200 and me.json()["username"] == "viewer"

    token_id = re.search(r'action="/account/tokens/(\d+)/revoke"', viewer.get("/account").text)
    assert token_id is not None
    fragment = viewer.post(
        f"/account/tokens/{token_id.group(1)}/revoke",
        data={"csrf_token": csrf, "confirmed": "yes"},
        headers={"HX-Request": "true", "HX-Target": "tokens"},
    )
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'id="tokens"' in fragment.text and "revoked" in fragment.text
    assert client.get("/api/me", headers=bearer).status_code == 401
    again = viewer.post(
        f"/account/tokens/{token_id.group(1)}/revoke", data={"csrf_token": csrf, "confirmed": "yes"}
    )
    assert again.status_code == 200  # revoking twice is harmless: back to the page


def test_bad_tokens_and_other_users_tokens(signed_in: Client, database: Database) -> None:
    viewer, csrf = signed_in("viewer")
    for data, words in (
        ({"name": "  "}, "Give the token's name"),
        ({"name": "ok", "expires_in_days": "0"}, "from 1 to 3650"),
        ({"name": "ok", "expires_in_days": "many"}, "from 1 to 3650"),
    ):
        refused = viewer.post("/account/tokens", data={"csrf_token": csrf, **data})
        assert refused.status_code == 422 and words in alert(refused)
    with database.write() as session:
        analyst = accounts.user_by_name(session, "analyst")
        assert analyst is not None
        token, raw = accounts.issue_token(session, "analyst", analyst, "theirs")
    for confirmed in ("", "yes"):
        stolen = viewer.post(
            f"/account/tokens/{token.id}/revoke", data={"csrf_token": csrf, "confirmed": confirmed}
        )
        assert stolen.status_code == 404  # another user's token is not theirs to revoke
    with database.read() as session:
        assert accounts.user_for_token(session, raw) is not None


def test_admins_see_and_revoke_any_users_tokens(
    signed_in: Client, client: TestClient, database: Database
) -> None:
    with database.write() as session:
        analyst = accounts.user_by_name(session, "analyst")
        assert analyst is not None
        token, raw = accounts.issue_token(session, "analyst", analyst, "analysis notebook")
        target = analyst.id
    admin, csrf = signed_in("admin")
    page = admin.get(f"/admin/users/{target}")
    assert "analysis notebook" in page.text and raw[:10] in page.text and raw not in page.text
    url = f"/admin/users/{target}/tokens/{token.id}/revoke"
    asked = admin.post(url, data={"csrf_token": csrf})  # without JavaScript: asks first
    assert asked.status_code == 200 and "Revoke the token “analysis notebook”?" in asked.text
    assert 'name="confirmed" value="yes"' in asked.text
    assert client.get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 200
    revoked = admin.post(url, data={"csrf_token": csrf, "confirmed": "yes"}, follow_redirects=False)
    assert revoked.status_code == 303
    assert client.get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    assert audit_entries(database, "token.revoke")[-1] == ("admin", f"token:{token.id}", {"user": target})
    other = user_id(database, "viewer")
    assert (
        admin.post(
            f"/admin/users/{other}/tokens/{token.id}/revoke", data={"csrf_token": csrf, "confirmed": "yes"}
        ).status_code
        == 404
    )


def test_changing_ones_password_needs_the_current_one(
    signed_in: Client, app: FastAPI, database: Database
) -> None:
    analyst, csrf = signed_in("analyst")
    elsewhere, _ = signed_in("analyst")  # the same user on another machine
    new = "a new and longer passphrase"

    def change(current: str, password: str, again: str | None = None) -> httpx.Response:
        data = {
            "current_password": current,
            "new_password": password,
            "new_password_again": again or password,
        }
        return analyst.post("/account/password", data={"csrf_token": csrf, **data}, follow_redirects=False)

    for response, words in (
        (change("not my password", new), "The current password is wrong"),
        (change("", new), "Give your current password"),
        (change(PASSWORD, new, "something else entirely"), "The two new passwords differ"),
        (change(PASSWORD, "short"), "at least 10 characters"),
    ):
        assert response.status_code == 422 and words in alert(response)
    assert audit_entries(database, "session.login_failed")[-1][1] == f"user:{user_id(database, 'analyst')}"
    with TestClient(app, base_url="https://testserver") as browser:
        assert form_login(browser, "analyst", PASSWORD).status_code == 303  # unchanged so far

    done = change(PASSWORD, new)
    assert done.status_code == 303 and done.headers["location"] == "/account?done=password"
    assert "Your password was changed" in analyst.get(done.headers["location"]).text
    assert analyst.get("/cases", follow_redirects=False).status_code == 200  # this session stays
    assert elsewhere.get("/cases", follow_redirects=False).status_code == 303  # the other one ended
    assert audit_entries(database, "user.update")[-1][2] == {"password": "changed"}
    with TestClient(app, base_url="https://testserver") as browser:
        assert "Wrong username or password" in form_login(browser, "analyst", PASSWORD).text
        assert form_login(browser, "analyst", new).status_code == 303


def test_a_wrong_current_password_counts_for_the_login_throttle(signed_in: Client) -> None:
    viewer, csrf = signed_in("viewer")
    data = {"csrf_token": csrf, "new_password": "a new passphrase", "new_password_again": "a new passphrase"}
    for _ in range(5):
        viewer.post("/account/password", data={**data, "current_password": "a guess at it"})
    refused = viewer.post("/account/password", data={**data, "current_password": PASSWORD})
    assert refused.status_code == 422 and "Too many failed attempts" in alert(refused)


def test_a_reset_password_is_shown_once_ends_sessions_and_unlocks_the_login(
    signed_in: Client, app: FastAPI, database: Database
) -> None:
    admin, csrf = signed_in("admin")
    approver, _ = signed_in("approver")
    with TestClient(app, base_url="https://testserver") as browser:
        for _ in range(5):
            form_login(browser, "approver", "wrong password!")
        assert form_login(browser, "approver", PASSWORD).status_code == 429  # locked out
        target = user_id(database, "approver")
        asked = admin.post(f"/admin/users/{target}/password", data={"csrf_token": csrf})
        assert "Reset the password of approver?" in asked.text and NEW_PASSWORD.search(asked.text) is None
        reset = admin.post(f"/admin/users/{target}/password", data={"csrf_token": csrf, "confirmed": "yes"})
        assert reset.status_code == 200 and 'hx-history="false"' in reset.text
        shown = NEW_PASSWORD.search(reset.text)
        assert shown is not None
        assert approver.get("/cases", follow_redirects=False).status_code == 303  # the session ended
        assert form_login(browser, "approver", shown.group(1)).status_code == 303  # and no longer locked
    assert audit_entries(database, "user.update")[-1] == ("admin", f"user:{target}", {"password": "changed"})


def test_deactivating_and_reactivating_a_user(
    signed_in: Client, app: FastAPI, client: TestClient, database: Database
) -> None:
    with database.write() as session:
        analyst = accounts.user_by_name(session, "analyst")
        assert analyst is not None
        _, raw = accounts.issue_token(session, "analyst", analyst, "script")
        target = analyst.id
    admin, csrf = signed_in("admin")
    working, _ = signed_in("analyst")
    asked = admin.post(f"/admin/users/{target}/active", data={"csrf_token": csrf, "active": "false"})
    assert asked.status_code == 200 and "Deactivate analyst?" in asked.text
    assert stored_user(database, "analyst").active  # nothing done yet
    off = admin.post(
        f"/admin/users/{target}/active",
        data={"csrf_token": csrf, "active": "false", "confirmed": "yes"},
        follow_redirects=False,
    )
    assert off.status_code == 303
    assert "deactivated" in admin.get(off.headers["location"]).text
    assert working.get("/cases", follow_redirects=False).status_code == 303  # signed out
    assert client.get("/api/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    with TestClient(app, base_url="https://testserver") as browser:
        assert "Wrong username or password" in form_login(browser, "analyst", PASSWORD).text
    on = admin.post(
        f"/admin/users/{target}/active", data={"csrf_token": csrf, "active": "true"}, follow_redirects=False
    )
    assert on.status_code == 303
    with TestClient(app, base_url="https://testserver") as browser:
        assert form_login(browser, "analyst", PASSWORD).status_code == 303
    assert [d for _, t, d in audit_entries(database, "user.update") if t == f"user:{target}"] == [
        {"active": False},
        {"active": True},
    ]
    bad = admin.post(f"/admin/users/{target}/active", data={"csrf_token": csrf, "active": "maybe"})
    assert bad.status_code == 422 and "deactivate or reactivate" in alert(bad)
    assert admin.get("/admin/users/99999").status_code == 404


def test_navigation_links(signed_in: Client) -> None:
    admin, _ = signed_in("admin")
    approver, _ = signed_in("approver")
    assert 'href="/admin/users"' in admin.get("/cases").text
    page = approver.get("/cases").text
    assert 'href="/admin/users"' not in page and 'href="/account"' in page
    assert approver.get("/admin/users").status_code == 403
