"""Session login for the web, the caller's own account, and API tokens."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request, Response

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES, TOO_MANY_REQUESTS
from missiongate.api.schemas import (
    LoginIn,
    RecordId,
    SessionOut,
    TokenCreate,
    TokenCreated,
    TokenOut,
    UserOut,
)
from missiongate.server.deps import (
    DB,
    AppSettings,
    CurrentPrincipal,
    Viewer,
    bearer_token,
    clear_session_cookie,
    client_address,
    device_cookie,
    set_session_cookie,
)
from missiongate.server.errors import ProblemError
from missiongate.store import accounts
from missiongate.store.models import utcnow
from missiongate.store.throttle import LoginLimits

router = APIRouter(tags=["auth"], responses=PROBLEM_RESPONSES)


@router.post(
    "/session",
    response_model=SessionOut,
    summary="Log in; sets the HttpOnly session cookie",
    description="Too many failed logins for a username, or from one address, within the throttle window "
    "answer 429 with `Retry-After` (seconds) without checking the password.",
    responses=TOO_MANY_REQUESTS,
)
def login(body: LoginIn, request: Request, response: Response, db: DB, settings: AppSettings) -> SessionOut:
    # The transaction commits whatever the outcome: a failed attempt is recorded for the throttle.
    with db.write() as session:
        outcome = accounts.login(
            session,
            body.username,
            body.password,
            client=client_address(request),
            limits=LoginLimits.from_settings(settings),
            device=device_cookie(request),
        )
        user = outcome.user
        started = accounts.start_session(session, user, settings.session_hours) if user else None
    if outcome.retry_after is not None:
        raise ProblemError(
            429,
            outcome.refusal_message,
            slug="too-many-attempts",
            headers={"Retry-After": str(outcome.retry_after)},
        )
    if user is None or started is None:
        raise ProblemError(401, "wrong username or password", slug="unauthenticated")
    login_session, raw = started
    set_session_cookie(response, request, settings, raw, outcome.device)
    return SessionOut(
        user=present.user(user), csrf_token=login_session.csrf_token, expires_at=login_session.expires_at
    )


@router.get("/session", response_model=SessionOut, summary="The current login session")
def current_session(principal: CurrentPrincipal, db: DB) -> SessionOut:
    if principal.session_token is None:
        raise ProblemError(
            404, "this request is authenticated by an API token, not a session", slug="not-found"
        )
    with db.read() as session:
        found = accounts.resolve_session(session, principal.session_token)
    if found is None:
        raise ProblemError(401, "the session has ended", slug="unauthenticated")
    user, login_session = found
    return SessionOut(
        user=present.user(user), csrf_token=login_session.csrf_token, expires_at=login_session.expires_at
    )


@router.delete("/session", status_code=204, summary="Log out")
def logout(principal: CurrentPrincipal, db: DB, response: Response) -> Response:
    if principal.session_token is not None:
        with db.write() as session:
            user = accounts.get_user(session, principal.actor.id)
            accounts.end_session(session, user, principal.session_token)
    response.status_code = 204
    clear_session_cookie(response)
    return response


@router.get("/me", response_model=UserOut, summary="Who is calling")
def me(actor: Viewer, db: DB) -> UserOut:
    with db.read() as session:
        return present.user(accounts.get_user(session, actor.id))


@router.get("/me/tokens", response_model=list[TokenOut], summary="The caller's API tokens")
def my_tokens(actor: Viewer, db: DB) -> list[TokenOut]:
    with db.read() as session:
        return [present.token(t) for t in accounts.list_tokens(session, accounts.get_user(session, actor.id))]


@router.post("/me/tokens", response_model=TokenCreated, status_code=201, summary="Create an API token")
def create_token(body: TokenCreate, request: Request, actor: Viewer, db: DB) -> TokenCreated:
    expires = utcnow() + dt.timedelta(days=body.expires_in_days) if body.expires_in_days else None
    with db.write() as session:
        token, raw = accounts.issue_token(
            session,
            actor.username,
            accounts.get_user(session, actor.id),
            body.name,
            expires_at=expires,
            parent=bearer_token(request),  # a token made with a token ends with it
        )
    return TokenCreated(**present.token(token).model_dump(), token=raw)


@router.delete("/me/tokens/{token_id}", status_code=204, summary="Revoke an API token")
def revoke_token(token_id: RecordId, actor: Viewer, db: DB) -> Response:
    with db.write() as session:
        accounts.revoke_token(session, actor.username, accounts.get_user(session, actor.id), token_id)
    return Response(status_code=204)
