"""Typed FastAPI dependencies: database, doctrines, the caller (token or session), roles, If-Match, paging.

Web pages (issue 5) use the same dependencies: `Viewer`, `Analyst`, `Approver`, `Admin` give the acting
user after authentication, the role check and, for cookie sessions on unsafe methods, the CSRF check.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from missiongate.doctrine import DoctrineRegistry
from missiongate.server.errors import ProblemError
from missiongate.services.workspace import Workspace
from missiongate.settings import Settings
from missiongate.store import accounts
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import Role
from missiongate.store.throttle import DEVICE_DAYS

SESSION_COOKIE = "missiongate_session"
DEVICE_COOKIE = "missiongate_device"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_ETAG = re.compile(r'^\s*(?:W/)?"v(\d{1,9})"\s*$')
# How long a verified token or session is trusted without asking the database again. Revocation,
# logout and user changes clear the cache of this process at once; other worker processes (if any)
# notice within this time.
CREDENTIAL_CACHE_SECONDS = 5.0


async def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_doctrines(request: Request) -> DoctrineRegistry:
    """The doctrines this app offers: built in, plus the settings' `doctrines_dir`, read once at start-up."""
    doctrines: DoctrineRegistry = request.app.state.doctrines
    return doctrines


DB = Annotated[Database, Depends(get_db)]
AppSettings = Annotated[Settings, Depends(get_settings)]
Doctrines = Annotated[DoctrineRegistry, Depends(get_doctrines)]


@dataclass(frozen=True, slots=True)
class Principal:
    actor: Actor
    via: str  # "token" or "session"
    csrf_token: str | None = None
    session_token: str | None = None
    display_name: str = ""  # shown on the pages; the username is what identifies


def cookie_secure(request: Request, settings: Settings) -> bool:
    """Cookies are `Secure` over HTTPS, or as `MISSIONGATE_COOKIE_SECURE` says."""
    return settings.cookie_secure if settings.cookie_secure is not None else request.url.scheme == "https"


def set_session_cookie(
    response: Response, request: Request, settings: Settings, raw: str, device: str | None = None
) -> None:
    """The login session cookie, the same for the API login and the web login form; with `device` (a new
    device token from the login), the device cookie that exempts this client from the address limit."""
    response.set_cookie(
        SESSION_COOKIE,
        raw,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=cookie_secure(request, settings),
        path="/",
    )
    if device is not None:
        response.set_cookie(
            DEVICE_COOKIE,
            device,
            max_age=DEVICE_DAYS * 86400,
            httponly=True,
            samesite="strict",
            secure=cookie_secure(request, settings),
            path="/",
        )


def device_cookie(request: Request) -> str | None:
    return request.cookies.get(DEVICE_COOKIE)


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


def client_address(request: Request) -> str | None:
    """The caller's IP address (uvicorn puts the proxy's `X-Forwarded-For` here when it trusts the proxy)."""
    return request.client.host if request.client else None


class CredentialCache:
    """Recently verified credentials by the SHA-256 of their raw value; saves a query per request."""

    def __init__(self, seconds: float = CREDENTIAL_CACHE_SECONDS, size: int = 10_000) -> None:
        self.seconds, self.size = seconds, size
        self._entries: dict[str, tuple[float, int, Principal]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Principal | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, generation, principal = entry
        if expires < time.monotonic() or generation != accounts.credentials_generation():
            return None
        return principal

    def put(self, key: str, principal: Principal) -> None:
        with self._lock:
            if len(self._entries) >= self.size:
                self._entries.clear()
            entry = (time.monotonic() + self.seconds, accounts.credentials_generation(), principal)
            self._entries[key] = entry


def _cache(request: Request) -> CredentialCache:
    cache: CredentialCache | None = getattr(request.app.state, "credentials", None)
    if cache is None:
        cache = request.app.state.credentials = CredentialCache()
    return cache


def bearer_token(request: Request) -> str | None:
    """The raw API token the request came with, if it came with one."""
    credential = _credential(request)
    return credential[1] if credential is not None and credential[0] == "token" else None


def _credential(request: Request) -> tuple[str, str] | None:
    """("token" | "session", raw value) as sent, or None; a malformed Authorization header is refused."""
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, raw = header.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            raise _unauthorized("use 'Authorization: Bearer <API token>'")
        return "token", raw.strip()
    cookie = request.cookies.get(SESSION_COOKIE)
    return ("session", cookie) if cookie else None


def _unauthorized(detail: str) -> ProblemError:
    return ProblemError(401, detail, slug="unauthenticated", headers={"WWW-Authenticate": "Bearer"})


def authenticate(request: Request, db: Database) -> Principal | None:
    """The caller from an `Authorization: Bearer` API token or the session cookie; None if neither."""
    credential = _credential(request)
    if credential is None:
        return None
    kind, raw = credential
    key = f"{kind}:{accounts.token_digest(raw)}"
    cached = _cache(request).get(key)
    if cached is not None:
        return cached
    principal = _lookup(db, kind, raw)
    if principal is not None:
        _cache(request).put(key, principal)
    elif kind == "token":
        raise _unauthorized("the API token is unknown, revoked or expired")
    return principal


def _lookup(db: Database, kind: str, raw: str) -> Principal | None:
    with db.read() as session:
        if kind == "token":
            user = accounts.user_for_token(session, raw)
            return Principal(Actor.of(user), "token", display_name=user.display_name) if user else None
        found = accounts.resolve_session(session, raw)
    if found is None:
        return None
    user, login = found
    return Principal(Actor.of(user), "session", login.csrf_token, raw, user.display_name)


def check_csrf(principal: Principal, token: str | None) -> None:
    """Cookie sessions must prove on unsafe requests that the page making them is ours."""
    if principal.via == "session" and (not token or token != principal.csrf_token):
        raise ProblemError(403, f"missing or wrong CSRF token (send the {CSRF_HEADER} header)", slug="csrf")


async def current_principal(request: Request, db: DB) -> Principal:
    credential = _credential(request)
    cached = (
        _cache(request).get(f"{credential[0]}:{accounts.token_digest(credential[1])}") if credential else None
    )
    # A cache hit answers on the event loop; only a miss costs a trip to the database in a worker thread.
    principal = cached or await run_in_threadpool(authenticate, request, db)
    if principal is None:
        raise _unauthorized("log in or send an API token")
    if request.method not in SAFE_METHODS:
        check_csrf(principal, request.headers.get(CSRF_HEADER))
    request.state.user = principal.actor.username
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require(role: Role) -> object:
    async def dependency(principal: CurrentPrincipal) -> Actor:
        if not principal.actor.role.at_least(role):
            raise ProblemError(403, f"this needs the {role.value} role or higher", slug="forbidden")
        return principal.actor

    return Depends(dependency)


Viewer = Annotated[Actor, require(Role.VIEWER)]
Analyst = Annotated[Actor, require(Role.ANALYST)]
Approver = Annotated[Actor, require(Role.APPROVER)]
Admin = Annotated[Actor, require(Role.ADMIN)]


def _parse_if_match(value: str) -> int | None:
    if value.strip() == "*":
        return None  # explicitly: write whatever the current version is
    match = _ETAG.match(value)
    if match is None:
        raise ProblemError(
            400, 'If-Match must be an ETag returned by this API, such as "v3"', slug="bad-request"
        )
    return int(match.group(1))


async def if_match(request: Request) -> int | None:
    value = request.headers.get("if-match")
    if value is None:
        raise ProblemError(
            428,
            "send If-Match with the ETag you last read, so that a concurrent change is not overwritten",
            slug="precondition-required",
        )
    return _parse_if_match(value)


async def optional_if_match(request: Request) -> int | None:
    value = request.headers.get("if-match")
    return None if value is None else _parse_if_match(value)


ExpectedVersion = Annotated[int | None, Depends(if_match)]
OptionalVersion = Annotated[int | None, Depends(optional_if_match)]


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


async def paging(
    limit: Annotated[int, Query(ge=1, le=200, description="page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit, offset)


PageParams = Annotated[Paging, Depends(paging)]


async def get_workspace(request: Request) -> Workspace:
    """The workspace the app was built with (`server.app.create_app`): what every service call takes."""
    workspace: Workspace = request.app.state.workspace
    return workspace


WS = Annotated[Workspace, Depends(get_workspace)]
