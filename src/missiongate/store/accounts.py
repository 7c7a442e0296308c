"""Users, roles, API tokens and login sessions.

Passwords are hashed with scrypt; tokens and session ids are 256-bit random strings of which only the
SHA-256 is stored, so a copy of the database gives no working credential.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.store import audit, throttle
from missiongate.store.models import ApiToken, AuditEntry, LoginSession, Role, User, utcnow
from missiongate.store.throttle import LoginLimits

# Bumped whenever a credential may have lost its power (revoked, logged out, user changed), so that
# caches of verified credentials in this process drop what they hold.
_credentials_generation = 0


def credentials_generation() -> int:
    return _credentials_generation


def _credentials_changed() -> None:
    global _credentials_generation
    _credentials_generation += 1


USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
TOKEN_PREFIX = "mgt_"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 10
# zxcvbn's 0-4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash scenario".
MIN_PASSWORD_SCORE = 3
_ZXCVBN_MAX = 72  # zxcvbn's own limit; its work grows quickly with length, and 72 characters are plenty


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: what every store function that reads or writes case data is given."""

    id: int
    username: str
    role: Role

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(id=user.id, username=user.username, role=Role(user.role))

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    encoded = [base64.b64encode(part).decode() for part in (salt, digest)]
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${encoded[0]}${encoded[1]}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))  # equalises timing for unknown usernames


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def generate_password() -> str:
    return secrets.token_urlsafe(15)


def create_user(
    session: Session,
    actor: str,
    username: str,
    role: Role,
    *,
    password: str | None = None,
    display_name: str = "",
) -> User:
    if not USERNAME.match(username):
        raise MissionGateError(
            f"invalid username {username!r}: 2-64 lowercase letters, digits, '.', '_' or '-'"
        )
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ConflictError(f"user {username!r} already exists")
    user = User(username=username, role=role.value, display_name=display_name or username)
    if password is not None:
        user.password_hash = _checked_hash(password, user.username, user.display_name)
    session.add(user)
    session.flush()
    audit.append(session, actor, "user.create", f"user:{user.id}", {"username": username, "role": role.value})
    return user


def _checked_hash(password: str, *hints: str) -> str:
    check_password_strength(password, *hints)
    return hash_password(password)


def check_password_strength(password: str, *hints: str) -> None:
    """Refuse a short, blank or easily guessed password; `hints` (username, display name) are guessable."""
    if len(password) < MIN_PASSWORD:
        raise MissionGateError(f"the password must have at least {MIN_PASSWORD} characters")
    if not password.strip():
        raise MissionGateError("the password must not be only spaces")
    from zxcvbn import zxcvbn  # imported here: it loads its word lists, which only password changes need

    found = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=[hint for hint in hints if hint])
    if found["score"] < MIN_PASSWORD_SCORE:
        advice = found["feedback"]["warning"] or "add more words or characters"
        raise MissionGateError(f"the password is too easy to guess ({advice.rstrip('.')}); choose another")


def update_user(
    session: Session,
    actor: str,
    user: User,
    *,
    role: Role | None = None,
    active: bool | None = None,
    display_name: str | None = None,
    password: str | None = None,
    keep_session: str | None = None,
) -> User:
    """Change a user. A new password ends their login sessions (all but `keep_session`, the raw id of
    the session changing its own password) and revokes their API tokens."""
    changes: dict[str, object] = {}
    if role is not None and role.value != user.role:
        user.role = changes["role"] = role.value
    if active is not None and active != user.active:
        user.active = changes["active"] = active
    if display_name is not None and display_name != user.display_name:
        user.display_name = changes["display_name"] = display_name
    if password is not None:
        user.password_hash = _checked_hash(password, user.username, user.display_name)
        changes["password"] = "changed"
        throttle.clear(session, throttle.username_key(user.username))  # a reset password unlocks the login
    if changes:
        audit.append(session, actor, "user.update", f"user:{user.id}", changes)
        _credentials_changed()
    if active is False:
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    if password is not None:  # whoever knew the old password may hold a session or a token made with it
        end_sessions(session, user, keep=keep_session)
        revoke_tokens(session, actor, user)
    return user


def check_user_change(
    session: Session, actor: Actor, user: User, *, role: Role | None = None, active: bool | None = None
) -> None:
    """Refuse a change of `user`'s role or status that would leave the workspace without its administrators.

    An administrator cannot demote or deactivate themself, and the last active administrator cannot be
    demoted or deactivated by anyone. Call it in the write transaction that makes the change, before
    `update_user`: it locks the active administrators' rows (PostgreSQL; SQLite's write transactions run one
    at a time), so two administrators demoting each other at once cannot both succeed.
    """
    if role in (None, Role.ADMIN) and active is not False:
        return
    admins = session.scalars(
        select(User.id)
        .where(User.role == Role.ADMIN.value, User.active.is_(True))
        .order_by(User.id)
        .with_for_update()
    ).all()
    if user.id not in admins:
        return  # not an active administrator: nothing is taken away
    change = "deactivate" if active is False else "demote"
    if user.id == actor.id:
        raise MissionGateError(f"you cannot {change} yourself; another administrator has to do it")
    if len(admins) == 1:
        raise ConflictError(
            f"user {user.username!r} is the last active administrator; "
            "make another user an administrator first"
        )


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def last_logins(session: Session, user_ids: Iterable[int] | None = None) -> dict[int, dt.datetime]:
    """When each user last logged in (web or API), from the audit log's `session.login` entries.

    Users who never logged in are absent. Logins are not recorded anywhere else.
    """
    query = (
        select(AuditEntry.target, func.max(AuditEntry.at))
        .where(AuditEntry.action == "session.login")
        .group_by(AuditEntry.target)
    )
    if user_ids is not None:
        query = query.where(AuditEntry.target.in_([f"user:{i}" for i in user_ids]))
    found: dict[int, dt.datetime] = {}
    for target, at in session.execute(query):
        _, _, user_id = target.partition(":")
        if user_id.isdigit() and at:
            found[int(user_id)] = dt.datetime.fromisoformat(at)
    return found


def reset_password(session: Session, actor: Actor, user: User) -> str:
    """A new generated password for `user`, returned once; their login sessions end, their tokens are revoked.

    As with any password change, the throttle's failures for the username are cleared. An administrator's
    own password is changed with `change_own_password`, which asks for the current one.
    """
    if user.id == actor.id:
        raise MissionGateError("change your own password on your account page: it asks for the current one")
    password = generate_password()
    update_user(session, actor.username, user, password=password)
    return password


def change_own_password(
    session: Session,
    user: User,
    current: str,
    new: str,
    *,
    client: str | None,
    limits: LoginLimits | None = None,
    keep_session: str | None = None,
) -> LoginOutcome:
    """Change the caller's own password; the current one must be given.

    The current password is checked through `login`, so the login throttle applies (a session left open
    cannot be used to guess the password) and a wrong one is counted and audited as a failed login: call it
    in a write transaction and commit that whatever the outcome. On success the password is changed (audited
    as `user.update`) and the user's other sessions end; `keep_session` (the raw session id) stays. The
    outcome's `user` is None when the current password was wrong or the throttle refused.
    """
    check_password_strength(new, user.username, user.display_name)  # before anything is counted
    outcome = login(session, user.username, current, client=client, limits=limits)
    if outcome.user is None:
        return outcome
    update_user(session, user.username, user, password=new, keep_session=keep_session)
    return outcome


def end_sessions(session: Session, user: User, *, keep: str | None = None) -> int:
    """End the user's login sessions, all of them or all but `keep` (a raw session id); how many ended."""
    query = delete(LoginSession).where(LoginSession.user_id == user.id)
    if keep is not None:
        query = query.where(LoginSession.token_hash != token_digest(keep))
    ended: int = session.execute(query).rowcount  # type: ignore[attr-defined]
    _credentials_changed()
    return ended


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"no user {user_id}")
    return user


def user_by_name(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user if the password is right; no throttle (logins from outside go through `login`)."""
    return _verified(user_by_name(session, username), password)


def _verified(user: User | None, password: str) -> User | None:
    stored = user.password_hash if user and user.password_hash else _DUMMY_HASH
    if check_password(password, stored) and user is not None and user.active and user.password_hash:
        return user
    return None


@dataclass(frozen=True, slots=True)
class LoginOutcome:
    """What a password login came to: a user, a wrong username or password, or a throttle refusal."""

    user: User | None = None
    retry_after: int | None = None  # seconds; set when the throttle refused without checking the password
    device: str | None = None  # a new device token for the `missiongate_device` cookie, after a login

    @property
    def refusal_message(self) -> str:
        """The same words for every refusal: they must not tell whether the username exists."""
        wait = throttle.wait_in_words(self.retry_after or 0)
        return f"Too many failed attempts; try again in {wait}."


def login(
    session: Session,
    username: str,
    password: str,
    *,
    client: str | None,
    limits: LoginLimits | None = None,
    now: dt.datetime | None = None,
    device: str | None = None,
) -> LoginOutcome:
    """A password login through the login throttle (see `store/throttle.py`), for the API and the web.

    Call it in a write transaction and commit that whatever the outcome: failures are recorded and audited.
    `client` is the caller's IP address; `device` the raw device cookie, if sent (a device that logged in as
    this user before is exempt from the address limit); `now` is for tests. A successful login from a
    device not yet known returns a new device token in `device`.
    """
    limits = limits or LoginLimits()
    now = now or utcnow()
    user_key, address = throttle.username_key(username), throttle.client_key(client)
    throttle.serialise(session, user_key, address)
    user = user_by_name(session, username)
    known = throttle.trusted_device(session, device, user_key, now)
    refusal = throttle.check(session, user_key, address, limits, now, known=known)
    if refusal is not None:
        if throttle.first_refusal(session, refusal, user_key, address, limits, now):
            details = {"client": address, "limit": refusal.by, "retry_after": refusal.retry_after}
            _audit_attempt(session, "session.login_refused", user, details)
        return LoginOutcome(retry_after=refusal.retry_after)
    verified = _verified(user, password)
    if verified is None:
        throttle.record_failure(session, user_key, address, limits, now)
        _audit_attempt(session, "session.login_failed", user, {"client": address})
        return LoginOutcome()
    throttle.clear(session, user_key)
    return LoginOutcome(
        user=verified, device=None if known else throttle.remember_device(session, user_key, now)
    )


def _audit_attempt(session: Session, action: str, user: User | None, details: dict[str, object]) -> None:
    # A username that names nobody is not written down: it may be a password typed in the wrong field.
    if user is None:
        audit.append(session, "anonymous", action, "user:unknown", details)
    else:
        audit.append(session, user.username, action, f"user:{user.id}", details)


def issue_token(
    session: Session,
    actor: str,
    user: User,
    name: str,
    *,
    expires_at: dt.datetime | None = None,
    parent: str | None = None,
) -> tuple[ApiToken, str]:
    """A new API token for `user`; the raw value is returned once and never stored.

    `parent` is the raw token the request creating it came with, if any: the new token expires no later
    than that one and is revoked with it, so a token cannot outlive its own revocation through a child.
    """
    found = _token(session, parent) if parent is not None else None
    if found is not None and found.expires_at is not None:
        expires_at = min(expires_at or found.expires_at, found.expires_at)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=token_digest(raw),
        prefix=raw[:10],
        expires_at=expires_at,
        parent_id=found.id if found is not None else None,
    )
    session.add(token)
    session.flush()
    audit.append(session, actor, "token.create", f"token:{token.id}", {"name": name, "user": user.id})
    return token, raw


def user_for_token(session: Session, raw: str) -> User | None:
    row = session.execute(
        select(User, ApiToken)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == token_digest(raw), ApiToken.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    user, token = row
    if not user.active or (token.expires_at is not None and token.expires_at <= utcnow()):
        return None
    return user


def list_tokens(session: Session, user: User) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)))


def revoke_token(session: Session, actor: str, user: User, token_id: int) -> ApiToken:
    """Revoke a token of `user` and every token created with it (and with those, ...)."""
    token = session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFoundError(f"no token {token_id}")
    pending = [token]
    while pending:
        current = pending.pop()
        if current.revoked_at is None:
            current.revoked_at = utcnow()
            _credentials_changed()
            audit.append(session, actor, "token.revoke", f"token:{current.id}", {"user": user.id})
        pending.extend(session.scalars(select(ApiToken).where(ApiToken.parent_id == current.id)))
    return token


def _token(session: Session, raw: str) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(raw)))


def revoke_tokens(session: Session, actor: str, user: User) -> int:
    """Revoke every API token of `user` still in force; how many were revoked (each audited)."""
    tokens = session.scalars(
        select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    ).all()
    for token in tokens:
        token.revoked_at = utcnow()
        audit.append(session, actor, "token.revoke", f"token:{token.id}", {"user": user.id})
    if tokens:
        _credentials_changed()
    return len(tokens)


def start_session(session: Session, user: User, hours: int) -> tuple[LoginSession, str]:
    raw = secrets.token_urlsafe(32)
    login = LoginSession(
        token_hash=token_digest(raw),
        csrf_token=secrets.token_urlsafe(32),
        user_id=user.id,
        expires_at=utcnow() + dt.timedelta(hours=hours),
    )
    session.add(login)
    session.flush()
    audit.append(session, user.username, "session.login", f"user:{user.id}", {})
    return login, raw


def resolve_session(session: Session, raw: str) -> tuple[User, LoginSession] | None:
    row = session.execute(
        select(User, LoginSession)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(LoginSession.token_hash == token_digest(raw))
    ).first()
    if row is None:
        return None
    user, login = row
    if not user.active or login.expires_at <= utcnow():
        return None
    return user, login


def end_session(session: Session, user: User, raw: str) -> None:
    session.execute(delete(LoginSession).where(LoginSession.token_hash == token_digest(raw)))
    _credentials_changed()
    audit.append(session, user.username, "session.logout", f"user:{user.id}", {})
