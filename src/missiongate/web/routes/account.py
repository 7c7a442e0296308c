"""The signed-in user's own account: profile, password change and API tokens (any role).

Thin pages over `services.accounts`, with the API's audit entries. A new token is shown once, on the page that
answers the form (never in a URL); that page carries `hx-history="false"` so htmx does not keep it in its
history cache. Revoking a token asks first (a confirmation page without JavaScript, `hx-confirm` with it)
and swaps the token table in place for htmx, or redirects back without it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Form, Request, Response

from missiongate.errors import MissionGateError, NotFoundError
from missiongate.server.deps import SESSION_COOKIE, WS, client_address
from missiongate.services import accounts
from missiongate.services.types import MIN_PASSWORD, Actor, ApiToken, utcnow
from missiongate.services.workspace import Workspace
from missiongate.web.auth import ViewerForm, ViewerPage
from missiongate.web.render import is_htmx, page
from missiongate.web.routes.base import (
    Confirmed,
    confirm_page,
    one_line,
    page_router,
    pushed,
    see_other,
    sentence,
)

router = page_router()
Password = Annotated[str, Form(max_length=200)]
NOTICES = {
    "password": "Your password was changed. Your other sessions have ended.",
    "revoked": "The token was revoked: requests sending it are refused from now on.",
}
TOKEN_DAYS_MAX = 3650  # as the API (`TokenCreate.expires_in_days`)


@dataclass(frozen=True)
class TokenRow:
    token: ApiToken
    state: str  # "active", "expired" or "revoked"


def token_rows(tokens: list[ApiToken], now: dt.datetime | None = None) -> list[TokenRow]:
    now = now or utcnow()
    rows = []
    for token in tokens:
        if token.revoked_at is not None:
            state = "revoked"
        elif token.expires_at is not None and token.expires_at <= now:
            state = "expired"
        else:
            state = "active"
        rows.append(TokenRow(token, state))
    return rows


@router.get("/account")
def account_page(request: Request, actor: ViewerPage, ws: WS, done: str | None = None) -> Response:
    return _account_page(request, actor, ws, notice=NOTICES.get(done or ""))


def _account_page(
    request: Request,
    actor: Actor,
    ws: Workspace,
    *,
    status: int = 200,
    notice: str | None = None,
    error: str | None = None,
    error_in: str = "",
    new_token: tuple[ApiToken, str] | None = None,
    token_form: dict[str, str] | None = None,
) -> Response:
    found = accounts.account(ws, actor.id)
    response = page(
        request,
        "account.html",
        status,
        nav="account",
        user=found.user,
        last_login=found.last_login,
        tokens=token_rows(found.tokens),
        revoke_base="/account/tokens",
        notice=notice,
        error=error,
        error_in=error_in,
        new_token=new_token,
        token_form=token_form or {},
        min_password=MIN_PASSWORD,
        token_days_max=TOKEN_DAYS_MAX,
    )
    return pushed(response, "/account")


@router.post("/account/password")
def change_password(
    request: Request,
    actor: ViewerForm,
    ws: WS,
    current_password: Password = "",
    new_password: Password = "",
    new_password_again: Password = "",
) -> Response:
    def refused(message: str) -> Response:
        return _account_page(request, actor, ws, status=422, error=message, error_in="password")

    if not current_password:
        return refused("Give your current password.")
    if new_password != new_password_again:
        return refused("The two new passwords differ; type the same one twice.")
    if new_password == current_password:
        return refused("The new password is the same as the current one.")
    try:
        # Commits whatever the outcome: a wrong current password is counted by the login throttle.
        outcome = accounts.change_own_password(
            ws,
            actor,
            current_password,
            new_password,
            client=client_address(request),
            keep_session=request.cookies.get(SESSION_COOKIE),
        )
    except NotFoundError:
        raise
    except MissionGateError as exc:
        return refused(sentence(exc.message))
    if outcome.retry_after is not None:
        return refused(outcome.refusal_message)
    if outcome.user is None:
        return refused("The current password is wrong; nothing was changed.")
    return see_other("/account?done=password")


@router.post("/account/tokens")
def create_token(
    request: Request,
    actor: ViewerForm,
    ws: WS,
    name: Annotated[str, Form(max_length=100)] = "",
    expires_in_days: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    form = {"name": name, "expires_in_days": expires_in_days}
    try:
        label = one_line(name, "token's name", required=True)
        created = accounts.issue_token(ws, actor, actor.id, label, expires_in_days=_days(expires_in_days))
    except NotFoundError:
        raise
    except MissionGateError as exc:
        return _account_page(
            request, actor, ws, status=422, error=sentence(exc.message), error_in="token", token_form=form
        )
    return _account_page(request, actor, ws, new_token=created)


def _days(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= TOKEN_DAYS_MAX:
        raise MissionGateError(f"the validity must be a whole number of days from 1 to {TOKEN_DAYS_MAX}")
    return int(value)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(
    request: Request, token_id: int, actor: ViewerForm, ws: WS, confirmed: Confirmed = ""
) -> Response:
    if confirmed != "yes":
        return confirm_revoke(
            request, ws, actor.id, token_id, "/account/tokens", "/account#tokens", "account"
        )
    accounts.revoke_token(ws, actor, actor.id, token_id)
    if is_htmx(request) and request.headers.get("hx-target") == "tokens":
        return tokens_fragment(request, ws, actor.id, "/account/tokens")
    return see_other("/account?done=revoked#tokens")


def confirm_revoke(
    request: Request, ws: Workspace, user_id: int, token_id: int, revoke_base: str, cancel: str, nav: str
) -> Response:
    theirs = {t.id: t for t in accounts.list_tokens(ws, user_id)}
    token = theirs.get(token_id)
    if token is None:
        raise NotFoundError(f"no token {token_id}")
    return confirm_page(
        request,
        question=f"Revoke the token “{token.name}”?",
        detail="Programs sending it are refused from now on. A revoked token cannot be used again.",
        action=f"{revoke_base}/{token_id}/revoke",
        button="Yes, revoke it",
        cancel=cancel,
        nav=nav,
    )


def tokens_fragment(request: Request, ws: Workspace, user_id: int, revoke_base: str) -> Response:
    """The token table alone, for htmx to swap in place after a revocation."""
    tokens = token_rows(accounts.list_tokens(ws, user_id))
    return page(
        request,
        "_tokens.html",
        tokens=tokens,
        revoke_base=revoke_base,
        tokens_notice=NOTICES["revoked"],
    )
