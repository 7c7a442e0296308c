"""User administration (admin): list and add users, change a role, deactivate or reactivate, reset a
password, and see and revoke a user's API tokens.

Thin pages over `services.accounts`, as the API's /users: the same audit entries (`user.create`,
`user.update`, `token.revoke`). As with the API and the CLI, a new user gets the password the administrator
typed or, left empty, a generated one shown once; a reset always generates one, shown once, and ends the
user's sessions. The service refuses demoting or deactivating oneself and the last active administrator.
Refusals show the page again with the reason; nothing is written. Deactivating, resetting a password and
revoking a token ask first (a confirmation page without JavaScript, `hx-confirm` with it).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request, Response

from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.server.deps import WS
from missiongate.services import accounts as service
from missiongate.services.types import MIN_PASSWORD, Actor, Role
from missiongate.services.workspace import Workspace
from missiongate.web.auth import AdminForm, AdminPage
from missiongate.web.render import is_htmx, page
from missiongate.web.routes.account import confirm_revoke, token_rows, tokens_fragment
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
ROLES = {
    Role.VIEWER: "Viewer: reads cases",
    Role.ANALYST: "Analyst: also edits facts, uploads, records answers and assessments",
    Role.APPROVER: "Approver: also signs off and records the official position",
    Role.ADMIN: "Admin: also manages users and reads the audit log",
}
NOTICES = {
    "role": "Role saved; a change applies to the user's next request.",
    "deactivated": "The user was deactivated: their sessions have ended and their API tokens are refused.",
    "reactivated": "The user was reactivated: they can log in again, and their unrevoked tokens work again.",
    "revoked": "The token was revoked: requests sending it are refused from now on.",
}


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise MissionGateError(f"unknown role {value[:20]!r}: choose one of the list") from None


def _status(exc: MissionGateError) -> int:
    return 409 if isinstance(exc, ConflictError) else 422


@router.get("/admin/users")
def users_page(request: Request, actor: AdminPage, ws: WS) -> Response:
    return _users_page(request, ws)


def _users_page(
    request: Request,
    ws: Workspace,
    *,
    status: int = 200,
    error: str | None = None,
    form: dict[str, str] | None = None,
    created: tuple[str, int, str | None] | None = None,
) -> Response:
    found = service.users_overview(ws)
    response = page(
        request,
        "admin/users.html",
        status,
        nav="admin",
        users=found.users,
        logins=found.last_logins,
        roles=ROLES,
        error=error,
        form=form or {"role": Role.VIEWER.value},
        created=created,
        min_password=MIN_PASSWORD,
    )
    return pushed(response, "/admin/users")


@router.post("/admin/users")
def create_user(
    request: Request,
    actor: AdminForm,
    ws: WS,
    username: Annotated[str, Form(max_length=64)] = "",
    display_name: Annotated[str, Form(max_length=300)] = "",
    role: Annotated[str, Form(max_length=16)] = Role.VIEWER.value,
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """The password typed, or a generated one shown once (as `POST /api/users` and `missiongate user add`)."""
    form = {"username": username, "display_name": display_name, "role": role}
    try:
        name = one_line(username, "username", required=True)
        new = service.create_user(
            ws,
            actor,
            name,
            _role(role),
            password=password,
            display_name=one_line(display_name, "display name"),
        )
        made = (new.user.username, new.user.id, new.password)
    except MissionGateError as exc:
        return _users_page(request, ws, status=_status(exc), error=sentence(exc.message), form=form)
    return _users_page(request, ws, created=made)


@router.get("/admin/users/{user_id}")
def user_page(request: Request, user_id: int, actor: AdminPage, ws: WS, done: str | None = None) -> Response:
    return _user_page(request, actor, ws, user_id, notice=NOTICES.get(done or ""))


def _user_page(
    request: Request,
    actor: Actor,
    ws: Workspace,
    user_id: int,
    *,
    status: int = 200,
    notice: str | None = None,
    error: str | None = None,
    password: str | None = None,
) -> Response:
    found = service.account(ws, user_id)
    user, tokens, last_login = found.user, token_rows(found.tokens), found.last_login
    response = page(
        request,
        "admin/user.html",
        status,
        nav="admin",
        title=f"User {user.username}",
        user=user,
        is_self=user.id == actor.id,
        last_login=last_login,
        tokens=tokens,
        revoke_base=f"/admin/users/{user.id}/tokens",
        roles=ROLES,
        notice=notice,
        error=error,
        password=password,
    )
    return pushed(response, f"/admin/users/{user.id}")


def _username(ws: Workspace, user_id: int) -> str:
    return service.get_user(ws, user_id).username


def _change(
    request: Request, actor: Actor, ws: Workspace, user_id: int, *, role: Role | None, active: bool | None
) -> Response:
    try:
        service.update_user(ws, actor, user_id, role=role, active=active)
    except NotFoundError:
        raise
    except MissionGateError as exc:
        return _user_page(request, actor, ws, user_id, status=_status(exc), error=sentence(exc.message))
    done = "role" if role is not None else ("reactivated" if active else "deactivated")
    return see_other(f"/admin/users/{user_id}?done={done}")


@router.post("/admin/users/{user_id}/role")
def change_role(
    request: Request,
    user_id: int,
    actor: AdminForm,
    ws: WS,
    role: Annotated[str, Form(max_length=16)],
) -> Response:
    try:
        chosen = _role(role)
    except MissionGateError as exc:
        return _user_page(request, actor, ws, user_id, status=422, error=sentence(exc.message))
    return _change(request, actor, ws, user_id, role=chosen, active=None)


@router.post("/admin/users/{user_id}/active")
def change_active(
    request: Request,
    user_id: int,
    actor: AdminForm,
    ws: WS,
    active: Annotated[str, Form(max_length=5)],
    confirmed: Confirmed = "",
) -> Response:
    if active not in ("true", "false"):
        return _user_page(
            request, actor, ws, user_id, status=422, error="Choose to deactivate or reactivate."
        )
    if active == "false" and confirmed != "yes":
        return confirm_page(
            request,
            question=f"Deactivate {_username(ws, user_id)}?",
            detail="Their sessions end and their API tokens are refused until they are reactivated; "
            "their records stay.",
            action=f"/admin/users/{user_id}/active",
            fields={"active": "false"},
            button="Yes, deactivate",
            cancel=f"/admin/users/{user_id}",
            nav="admin",
        )
    return _change(request, actor, ws, user_id, role=None, active=active == "true")


@router.post("/admin/users/{user_id}/password")
def reset_password(
    request: Request, user_id: int, actor: AdminForm, ws: WS, confirmed: Confirmed = ""
) -> Response:
    """A new generated password, shown once on the page that answers; the user's sessions end."""
    if confirmed != "yes":
        name = _username(ws, user_id)
        return confirm_page(
            request,
            question=f"Reset the password of {name}?",
            detail="A new password is generated and shown once; the current one stops working and their "
            "sessions end.",
            action=f"/admin/users/{user_id}/password",
            button="Yes, reset it",
            cancel=f"/admin/users/{user_id}",
            nav="admin",
        )
    try:
        password = service.reset_password(ws, actor, user_id)
    except NotFoundError:
        raise
    except MissionGateError as exc:
        return _user_page(request, actor, ws, user_id, status=_status(exc), error=sentence(exc.message))
    return _user_page(request, actor, ws, user_id, password=password)


@router.post("/admin/users/{user_id}/tokens/{token_id}/revoke")
def revoke_token(
    request: Request, user_id: int, token_id: int, actor: AdminForm, ws: WS, confirmed: Confirmed = ""
) -> Response:
    base = f"/admin/users/{user_id}/tokens"
    if confirmed != "yes":
        return confirm_revoke(request, ws, user_id, token_id, base, f"/admin/users/{user_id}#tokens", "admin")
    service.revoke_token(ws, actor, user_id, token_id)
    if is_htmx(request) and request.headers.get("hx-target") == "tokens":
        return tokens_fragment(request, ws, user_id, base)
    return see_other(f"/admin/users/{user_id}?done=revoked#tokens")
