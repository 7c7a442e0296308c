"""Users and their roles, as an administrator manages them (the API's /users and the admin pages); each
user's own account (login, password, tokens); and the system's `missiongate user` commands.

The checks a caller would otherwise have to remember run inside: a change of role or status is refused
when it would leave the workspace without an active administrator, in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from missiongate.errors import MissionGateError
from missiongate.services.workspace import Workspace
from missiongate.store import accounts
from missiongate.store.accounts import Actor, LoginOutcome
from missiongate.store.db import Database
from missiongate.store.models import ApiToken, LoginSession, Role, User, utcnow
from missiongate.store.throttle import LoginLimits


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


def get_user(ws: Workspace, user_id: int) -> User:
    with ws.db.read() as session:
        return accounts.get_user(session, user_id)


def list_users(ws: Workspace) -> list[User]:
    """Every user, by username."""
    with ws.db.read() as session:
        return accounts.list_users(session)


@dataclass(frozen=True)
class UsersOverview:
    users: list[User]
    last_logins: dict[int, dt.datetime]


def users_overview(ws: Workspace) -> UsersOverview:
    """Every user with their last login, for the administrator's list."""
    with ws.db.read() as session:
        return UsersOverview(accounts.list_users(session), accounts.last_logins(session))


@dataclass(frozen=True)
class Account:
    user: User
    tokens: list[ApiToken]
    last_login: dt.datetime | None


def account(ws: Workspace, user_id: int) -> Account:
    """A user with their API tokens and last login (their own account page, or an administrator's view)."""
    with ws.db.read() as session:
        user = accounts.get_user(session, user_id)
        tokens = accounts.list_tokens(session, user)
        return Account(user, tokens, accounts.last_logins(session, [user.id]).get(user.id))


def list_tokens(ws: Workspace, user_id: int) -> list[ApiToken]:
    with ws.db.read() as session:
        return accounts.list_tokens(session, accounts.get_user(session, user_id))


@dataclass(frozen=True)
class Login:
    outcome: LoginOutcome
    session: LoginSession | None  # the new login session, when the password was right
    raw: str | None  # its raw id, for the session cookie


def login(ws: Workspace, username: str, password: str, *, client: str | None, device: str | None) -> Login:
    """A password login through the throttle (the API's and the login page's); a failure is recorded too:
    the transaction commits whatever the outcome."""
    with ws.db.write() as session:
        outcome = accounts.login(
            session,
            username,
            password,
            client=client,
            limits=LoginLimits.from_settings(ws.settings),
            device=device,
        )
        if outcome.user is None:
            return Login(outcome, None, None)
        started, raw = accounts.start_session(session, outcome.user, ws.settings.session_hours)
        return Login(outcome, started, raw)


def resolve_session(ws: Workspace, raw: str) -> tuple[User, LoginSession] | None:
    """The user and login session of a raw session id, or None once it has ended."""
    with ws.db.read() as session:
        return accounts.resolve_session(session, raw)


def end_session(ws: Workspace, actor: Actor, raw: str) -> None:
    """Log out: the login session with this raw id ends."""
    with ws.db.write() as session:
        accounts.end_session(session, accounts.get_user(session, actor.id), raw)


def change_own_password(
    ws: Workspace, actor: Actor, current: str, new: str, *, client: str | None, keep_session: str | None
) -> LoginOutcome:
    """The caller's own password; the current one is checked through the login throttle, and a wrong one
    is counted (the transaction commits whatever the outcome). Other sessions than `keep_session` end."""
    with ws.db.write() as session:
        return accounts.change_own_password(
            session,
            accounts.get_user(session, actor.id),
            current,
            new,
            client=client,
            limits=LoginLimits.from_settings(ws.settings),
            keep_session=keep_session,
        )


def add_user(
    db: Database,
    actor: str,
    username: str,
    role: Role,
    *,
    password: str,
    display_name: str = "",
    if_missing: bool = False,
) -> User | None:
    """`missiongate user add`: a user created by the system (no acting user yet); None when `if_missing`
    and the username is taken."""
    with db.write() as session:
        if if_missing and accounts.user_by_name(session, username) is not None:
            return None
        return accounts.create_user(
            session, actor, username, role, password=password, display_name=display_name
        )


def token_for(db: Database, actor: str, username: str, name: str) -> str:
    """`missiongate user token`: a new API token for a user by name; the raw value, shown once."""
    with db.write() as session:
        user = accounts.user_by_name(session, username)
        if user is None:
            raise MissionGateError(f"no user {username!r}")
        return accounts.issue_token(session, actor, user, name)[1]


def generate_password() -> str:
    return accounts.generate_password()


def actor_named(ws: Workspace, username: str) -> Actor:
    """The user `username` acting from the command line (read commands see what that user may see)."""
    with ws.db.read() as session:
        user = accounts.user_by_name(session, username)
        if user is None:
            raise MissionGateError(f"no user {username!r}; create it with 'missiongate user add'")
        return Actor.of(user)
