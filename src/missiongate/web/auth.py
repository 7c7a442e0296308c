"""Who is calling a page, and may they: the API's session authentication, CSRF check and role ranks.

Pages use the API's building blocks (`authenticate`, `check_csrf`, `Role.at_least`) rather than the
`Viewer`/`Analyst` dependencies themselves for one reason: a form posted without JavaScript carries its
CSRF token as the `csrf_token` field, not as the `X-CSRF-Token` header those dependencies read.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Form, Request

from missiongate.server.deps import CSRF_HEADER, DB, Principal, authenticate, check_csrf
from missiongate.server.errors import ProblemError
from missiongate.services.types import Actor, Database, Role

CsrfField = Annotated[str | None, Form(max_length=200)]


def _principal(request: Request, db: Database) -> Principal:
    principal = authenticate(request, db)
    if principal is None:
        raise ProblemError(401, "log in to continue", slug="unauthenticated")
    request.state.principal = principal
    request.state.user = principal.actor.username
    return principal


def _with_role(principal: Principal, role: Role) -> Actor:
    if not principal.actor.role.at_least(role):
        raise ProblemError(
            403,
            f"this needs the {role.value} role or higher; you are signed in as {principal.actor.role.value}",
            slug="forbidden",
        )
    return principal.actor


def reader(role: Role) -> Any:
    """For pages and fragments fetched with GET."""

    def dependency(request: Request, db: DB) -> Actor:
        return _with_role(_principal(request, db), role)

    return Depends(dependency)


def writer(role: Role) -> Any:
    """For forms: CSRF token from the header (htmx) or the form field (plain HTML), then the role."""

    def dependency(request: Request, db: DB, csrf_token: CsrfField = None) -> Actor:
        principal = _principal(request, db)
        check_csrf(principal, request.headers.get(CSRF_HEADER) or csrf_token)
        return _with_role(principal, role)

    return Depends(dependency)


ViewerPage = Annotated[Actor, reader(Role.VIEWER)]
ViewerForm = Annotated[Actor, writer(Role.VIEWER)]
AnalystPage = Annotated[Actor, reader(Role.ANALYST)]
AnalystForm = Annotated[Actor, writer(Role.ANALYST)]
ApproverForm = Annotated[Actor, writer(Role.APPROVER)]
AdminPage = Annotated[Actor, reader(Role.ADMIN)]
AdminForm = Annotated[Actor, writer(Role.ADMIN)]
