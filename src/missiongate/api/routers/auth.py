"""Session login for the web, the caller's own account, and API tokens."""

from __future__ import annotations

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
    WS,
    CurrentPrincipal,
    Viewer,
    bearer_token,
    clear_session_cookie,
    client_address,
    device_cookie,
    set_session_cookie,
)
from missiongate.server.errors import ProblemError
from missiongate.services import accounts

router = APIRouter(tags=["auth"], responses=PROBLEM_RESPONSES)


@router.post(
    "/session",
    response_model=SessionOut,
    summary="Log in; sets the HttpOnly session cookie",
    description="Too many failed logins for a username, or from one address, within the throttle window "
    "answer 429 with `Retry-After` (seconds) without checking the password.",
    responses=TOO_MANY_REQUESTS,
)
def login(body: LoginIn, request: Request, response: Response, ws: WS) -> SessionOut:
    done = accounts.login(
        ws, body.username, body.password, client=client_address(request), device=device_cookie(request)
    )
    outcome = done.outcome
    if outcome.retry_after is not None:
        raise ProblemError(
            429,
            outcome.refusal_message,
            slug="too-many-attempts",
            headers={"Retry-After": str(outcome.retry_after)},
        )
    if outcome.user is None or done.session is None or done.raw is None:
        raise ProblemError(401, "wrong username or password", slug="unauthenticated")
    set_session_cookie(response, request, ws.settings, done.raw, outcome.device)
    return SessionOut(
        user=present.user(outcome.user),
        csrf_token=done.session.csrf_token,
        expires_at=done.session.expires_at,
    )


@router.get("/session", response_model=SessionOut, summary="The current login session")
def current_session(principal: CurrentPrincipal, ws: WS) -> SessionOut:
    if principal.session_token is None:
        raise ProblemError(
            404, "this request is authenticated by an API token, not a session", slug="not-found"
        )
    found = accounts.resolve_session(ws, principal.session_token)
    if found is None:
        raise ProblemError(401, "the session has ended", slug="unauthenticated")
    user, login_session = found
    return SessionOut(
        user=present.user(user), csrf_token=login_session.csrf_token, expires_at=login_session.expires_at
    )


@router.delete("/session", status_code=204, summary="Log out")
def logout(principal: CurrentPrincipal, ws: WS, response: Response) -> Response:
    if principal.session_token is not None:
        accounts.end_session(ws, principal.actor, principal.session_token)
    response.status_code = 204
    clear_session_cookie(response)
    return response


@router.get("/me", response_model=UserOut, summary="Who is calling")
def me(actor: Viewer, ws: WS) -> UserOut:
    return present.user(accounts.get_user(ws, actor.id))


@router.get("/me/tokens", response_model=list[TokenOut], summary="The caller's API tokens")
def my_tokens(actor: Viewer, ws: WS) -> list[TokenOut]:
    return [present.token(t) for t in accounts.list_tokens(ws, actor.id)]


@router.post("/me/tokens", response_model=TokenCreated, status_code=201, summary="Create an API token")
def create_token(body: TokenCreate, request: Request, actor: Viewer, ws: WS) -> TokenCreated:
    token, raw = accounts.issue_token(
        ws,
        actor,
        actor.id,
        body.name,
        expires_in_days=body.expires_in_days,
        parent=bearer_token(request),  # a token made with a token ends with it
    )
    return TokenCreated(**present.token(token).model_dump(), token=raw)


@router.delete("/me/tokens/{token_id}", status_code=204, summary="Revoke an API token")
def revoke_token(token_id: RecordId, actor: Viewer, ws: WS) -> Response:
    accounts.revoke_token(ws, actor, actor.id, token_id)
    return Response(status_code=204)
