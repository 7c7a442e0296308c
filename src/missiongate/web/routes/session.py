"""Log in and out. The login form is protected by a double-submit token, since there is no session yet."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import Form, Request, Response
from starlette.responses import RedirectResponse

from missiongate.server.deps import (
    DB,
    SESSION_COOKIE,
    WS,
    AppSettings,
    authenticate,
    clear_session_cookie,
    client_address,
    cookie_secure,
    device_cookie,
    set_session_cookie,
)
from missiongate.services import accounts
from missiongate.settings import Settings
from missiongate.web.auth import ViewerForm
from missiongate.web.render import page
from missiongate.web.routes.base import page_router, see_other

router = page_router()
LOGIN_CSRF_COOKIE = "missiongate_login_csrf"


def _safe_next(target: str | None) -> str:
    """Only paths on this site: never an absolute or scheme-relative URL (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/cases"


@router.get("/")
def home() -> RedirectResponse:
    return see_other("/cases")


@router.get("/login")
def login_form(request: Request, db: DB, settings: AppSettings, next: str | None = None) -> Response:
    if authenticate(request, db) is not None:
        return see_other(_safe_next(next))
    return _login_page(request, settings, next, error=None)


def _login_page(
    request: Request,
    settings: Settings,
    target: str | None,
    error: str | None,
    username: str = "",
    status: int = 200,
) -> Response:
    token = secrets.token_urlsafe(32)
    response = page(
        request,
        "login.html",
        status=status,
        error=error,
        next=_safe_next(target),
        login_csrf=token,
        username=username,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        samesite="strict",
        secure=cookie_secure(request, settings),
        path="/login",
    )
    return response


@router.post("/login")
def login(
    request: Request,
    ws: WS,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=200)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/cases",
) -> Response:
    settings = ws.settings
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(expected, csrf_token):
        return _login_page(request, settings, next, "The form had expired. Please log in again.", username)
    done = accounts.login(
        ws, username.strip(), password, client=client_address(request), device=device_cookie(request)
    )
    outcome = done.outcome
    if outcome.retry_after is not None:
        refused = _login_page(request, settings, next, outcome.refusal_message, username, status=429)
        refused.headers["Retry-After"] = str(outcome.retry_after)
        return refused
    if done.raw is None:
        return _login_page(request, settings, next, "Wrong username or password.", username)
    response = see_other(_safe_next(next))
    set_session_cookie(response, request, settings, done.raw, outcome.device)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, actor: ViewerForm, ws: WS) -> Response:
    raw = request.cookies.get(SESSION_COOKIE)
    if raw:
        accounts.end_session(ws, actor, raw)
    response = see_other("/login")
    clear_session_cookie(response)
    return response
