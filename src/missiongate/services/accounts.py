"""Users and their roles, as an administrator manages them (the API's /users and the admin pages).

The checks a caller would otherwise have to remember run inside: a change of role or status is refused
when it would leave the workspace without an active administrator, in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from missiongate.services.workspace import Workspace
from missiongate.store import accounts
from missiongate.store.accounts import Actor
from missiongate.store.models import ApiToken, Role, User, utcnow


@dataclass(frozen=True)
class NewUser:
    user: User
    password: str | None  # the generated password, shown once; None when the administrator chose one


def create_user(
    ws: Workspace, actor: Actor, username: str, role: Role, *, password: str = "", display_name: str = ""
) -> NewUser:
    """A new account; without a password, one is generated and returned once."""
    chosen = password or accounts.generate_password()
    with ws.db.write() as session:
        user = accounts.create_user(
            session, actor.username, username, role, password=chosen, display_name=display_name
        )
    return NewUser(user, None if password else chosen)


def update_user(
    ws: Workspace,
    actor: Actor,
    user_id: int,
    *,
    role: Role | None = None,
    active: bool | None = None,
    display_name: str | None = None,
    password: str | None = None,
) -> User:
    with ws.db.write() as session:
        user = accounts.get_user(session, user_id)
        accounts.check_user_change(session, actor, user, role=role, active=active)
        return accounts.update_user(
            session,
            actor.username,
            user,
            role=role,
            active=active,
            display_name=display_name,
            password=password,
        )


def reset_password(ws: Workspace, actor: Actor, user_id: int) -> str:
    """A new generated password for another user, returned once; their sessions end."""
    with ws.db.write() as session:
        return accounts.reset_password(session, actor, accounts.get_user(session, user_id))


def issue_token(
    ws: Workspace,
    actor: Actor,
    user_id: int,
    name: str,
    *,
    expires_in_days: int | None = None,
    parent: str | None = None,
) -> tuple[ApiToken, str]:
    """A new API token for a user (e.g. a service account); the raw value is returned once. `parent`:
    the raw token the request came with, if any; the new token ends with it."""
    expires = utcnow() + dt.timedelta(days=expires_in_days) if expires_in_days else None
    with ws.db.write() as session:
        user = accounts.get_user(session, user_id)
        return accounts.issue_token(session, actor.username, user, name, expires_at=expires, parent=parent)


def revoke_token(ws: Workspace, actor: Actor, user_id: int, token_id: int) -> None:
    with ws.db.write() as session:
        accounts.revoke_token(session, actor.username, accounts.get_user(session, user_id), token_id)
