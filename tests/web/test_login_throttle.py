"""The login throttle on the login page, and the session cookie both faces set the same way."""

from __future__ import annotations

import re

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.helpers import CSRF_FIELD, PASSWORD, form_login, login

MESSAGE = "Too many failed attempts; try again in 15 minutes."


def test_the_login_page_says_when_to_try_again(client: TestClient) -> None:
    for _ in range(5):
        wrong = form_login(client, "analyst", "wrong password!")
        assert wrong.status_code == 200 and "Wrong username or password" in wrong.text
    refused = form_login(client, "analyst", PASSWORD)  # the right password, refused unchecked
    assert refused.status_code == 429
    assert MESSAGE in refused.text and 'role="alert"' in refused.text
    assert 0 < int(refused.headers["retry-after"]) <= 15 * 60
    assert "missiongate_session" not in refused.headers.get("set-cookie", "")
    assert client.get("/cases", follow_redirects=False).status_code == 303  # still logged out
    login(client, "viewer")  # another username logs in as usual


def test_unknown_usernames_get_the_same_page(client: TestClient) -> None:
    for name in ("analyst", "nobody"):
        for _ in range(5):
            form_login(client, name, "wrong password!")
    known, unknown = form_login(client, "analyst", PASSWORD), form_login(client, "nobody", PASSWORD)
    assert known.status_code == unknown.status_code == 429
    alert = re.compile(r'<div class="notice error" role="alert">(.*?)</div>', re.S)
    assert alert.findall(known.text) == alert.findall(unknown.text) == [f"<p>{MESSAGE}</p>"]


def test_the_web_form_and_the_api_share_one_throttle(client: TestClient) -> None:
    for _ in range(3):
        form_login(client, "analyst", "wrong password!")
    for _ in range(2):
        api = client.post("/api/session", json={"username": "analyst", "password": "wrong password!"})
        assert api.status_code == 401
    assert form_login(client, "analyst", PASSWORD).status_code == 429
    assert client.post("/api/session", json={"username": "analyst", "password": PASSWORD}).status_code == 429


def _session_cookie(response: httpx.Response) -> list[str]:
    """The attributes of the session cookie a response sets (its value, and the clock time in `expires`
    that follows from Max-Age, left out: the two responses may come seconds apart)."""
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("missiongate_session="))
    parts = (part.strip() for part in cookie.split(";")[1:])
    return sorted(part for part in parts if not part.lower().startswith("expires="))


def test_both_faces_set_and_clear_the_same_session_cookie(app: FastAPI) -> None:
    with (
        TestClient(app, base_url="https://testserver") as web,
        TestClient(app, base_url="https://testserver") as api,
    ):
        form = form_login(web, "viewer", PASSWORD)
        json = api.post("/api/session", json={"username": "analyst", "password": PASSWORD})
        assert form.status_code == 303 and json.status_code == 200
        assert _session_cookie(form) == _session_cookie(json)
        assert {"HttpOnly", "Path=/", "SameSite=lax", "Secure", "Max-Age=43200"} <= set(_session_cookie(form))
        csrf = CSRF_FIELD.search(web.get("/cases").text)
        assert csrf is not None
        web_out = web.post("/logout", data={"csrf_token": csrf.group(1)}, follow_redirects=False)
        api_out = api.delete("/api/session", headers={"X-CSRF-Token": json.json()["csrf_token"]})
        assert web_out.status_code == 303 and api_out.status_code == 204
        assert _session_cookie(web_out) == _session_cookie(api_out)
