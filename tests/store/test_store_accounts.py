"""Users, passwords, API tokens and sessions: only hashes are stored; revoked and expired ones fail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from missiongate.errors import MissionGateError
from missiongate.store import accounts
from missiongate.store.db import Database
from missiongate.store.errors import ConflictError
from missiongate.store.models import ApiToken, LoginSession, Role, User, utcnow


def _user(database: Database, name: str = "ana", password: str | None = "a long passphrase") -> User:
    with database.write() as session:
        return accounts.create_user(session, "admin", name, Role.ANALYST, password=password)


def test_password_login(database: Database) -> None:
    _user(database)
    with database.read() as session:
        assert accounts.authenticate(session, "ana", "a long passphrase") is not None
        assert accounts.authenticate(session, "ana", "wrong passphrase") is None
        assert accounts.authenticate(session, "nobody", "a long passphrase") is None
        stored = session.scalar(select(User.password_hash).where(User.username == "ana"))
    assert stored is not None and "a long passphrase" not in stored and stored.startswith("scrypt$")


def test_bad_usernames_passwords_and_duplicates(database: Database) -> None:
    _user(database)
    with pytest.raises(ConflictError), database.write() as session:
        accounts.create_user(session, "admin", "ana", Role.VIEWER)
    with pytest.raises(MissionGateError, match="invalid username"), database.write() as session:
        accounts.create_user(session, "admin", "Ana Smith", Role.VIEWER)
    with pytest.raises(MissionGateError, match="at least"), database.write() as session:
        accounts.create_user(session, "admin", "bob", Role.VIEWER, password="short")


def test_tokens_are_hashed_at_rest_and_can_be_revoked_or_expire(database: Database) -> None:
    user = _user(database, password=None)
    with database.write() as session:
        token, raw = accounts.issue_token(session, "ana", user, "laptop")
        _, expired = accounts.issue_token(
            session, "ana", user, "old", expires_at=utcnow() - dt.timedelta(days=1)
        )
    with database.read() as session:
        assert accounts.user_for_token(session, raw) is not None
        assert accounts.user_for_token(session, expired) is None
        assert accounts.user_for_token(session, raw + "x") is None
        hashes = list(session.scalars(select(ApiToken.token_hash)))
    assert raw not in hashes and accounts.token_digest(raw) in hashes
    with database.write() as session:
        accounts.revoke_token(session, "ana", user, token.id)
    with database.read() as session:
        assert accounts.user_for_token(session, raw) is None


def test_sessions_end_on_logout_and_on_deactivation(database: Database) -> None:
    user = _user(database)
    with database.write() as session:
        _, first = accounts.start_session(session, user, hours=1)
        _, second = accounts.start_session(session, user, hours=1)
        accounts.end_session(session, user, first)
    with database.read() as session:
        assert accounts.resolve_session(session, first) is None
        assert accounts.resolve_session(session, second) is not None
        assert session.scalar(select(LoginSession.token_hash)) == accounts.token_digest(second)
    with database.write() as session:
        accounts.update_user(session, "admin", accounts.get_user(session, user.id), active=False)
    with database.read() as session:
        assert accounts.resolve_session(session, second) is None
        assert accounts.authenticate(session, "ana", "a long passphrase") is None
