"""Users, passwords, API tokens and sessions: only hashes are stored; revoked and expired ones fail."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from missiongate.errors import ConflictError, MissionGateError
from missiongate.store import accounts
from missiongate.store.db import Database
from missiongate.store.models import ApiToken, AuditEntry, LoginFailure, LoginSession, Role, User, utcnow


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


def _admins(database: Database) -> tuple[accounts.Actor, User, User]:
    """Two administrators ("amir" acting, "bea") and an analyst ("ana")."""
    with database.write() as session:
        amir = accounts.create_user(session, "setup", "amir", Role.ADMIN)
        bea = accounts.create_user(session, "setup", "bea", Role.ADMIN)
        ana = accounts.create_user(session, "setup", "ana", Role.ANALYST)
    return accounts.Actor.of(amir), bea, ana


def test_admins_cannot_demote_or_deactivate_themselves_nor_the_last_admin(database: Database) -> None:
    amir, bea, ana = _admins(database)
    with database.write() as session:
        me = accounts.get_user(session, amir.id)
        with pytest.raises(MissionGateError, match="cannot demote yourself"):
            accounts.check_user_change(session, amir, me, role=Role.APPROVER)
        with pytest.raises(MissionGateError, match="cannot deactivate yourself"):
            accounts.check_user_change(session, amir, me, active=False)
        accounts.check_user_change(session, amir, me, role=Role.ADMIN, active=True)  # no change: fine
        accounts.check_user_change(session, amir, accounts.get_user(session, ana.id), role=Role.VIEWER)
        accounts.check_user_change(session, amir, accounts.get_user(session, ana.id), active=False)
        other = accounts.get_user(session, bea.id)
        accounts.check_user_change(session, amir, other, role=Role.VIEWER)  # two admins: allowed
        accounts.update_user(session, amir.username, other, role=Role.VIEWER)
    # amir is now the last active admin: nobody may take that away, e.g. an admin whose account was
    # deactivated meanwhile but whose credential another process still trusts.
    stale = accounts.Actor(id=bea.id, username="bea", role=Role.ADMIN)
    with database.write() as session:
        me = accounts.get_user(session, amir.id)
        for change in ({"role": Role.ANALYST}, {"active": False}):
            with pytest.raises(ConflictError, match="'amir' is the last active administrator"):
                accounts.check_user_change(session, stale, me, **change)  # type: ignore[arg-type]
    # An inactive administrator is not counted and may be changed freely.
    with database.write() as session:
        other = accounts.get_user(session, bea.id)
        accounts.update_user(session, "amir", other, role=Role.ADMIN, active=False)
    with database.write() as session:
        accounts.check_user_change(session, amir, accounts.get_user(session, bea.id), role=Role.VIEWER)


def test_a_reset_password_is_new_ends_sessions_and_clears_the_throttle(database: Database) -> None:
    amir, _, ana = _admins(database)
    with database.write() as session:
        user = accounts.get_user(session, ana.id)
        _, raw = accounts.start_session(session, user, hours=1)
        for _ in range(3):
            accounts.login(session, "ana", "wrong passphrase", client="192.0.2.1")
    with database.write() as session:
        with pytest.raises(MissionGateError, match="your account page"):
            accounts.reset_password(session, amir, accounts.get_user(session, amir.id))
        password = accounts.reset_password(session, amir, accounts.get_user(session, ana.id))
    assert len(password) >= accounts.MIN_PASSWORD
    with database.read() as session:
        assert accounts.resolve_session(session, raw) is None
        assert session.scalar(select(LoginFailure.id).where(LoginFailure.refused.is_(False))) is None
        assert accounts.authenticate(session, "ana", password) is not None
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and (last.actor, last.action, last.target) == (
        "amir",
        "user.update",
        f"user:{ana.id}",
    )
    assert password not in last.details


def test_changing_ones_own_password_needs_the_current_one(database: Database) -> None:
    user = _user(database)
    with database.write() as session:
        _, here = accounts.start_session(session, user, hours=1)
        _, there = accounts.start_session(session, user, hours=1)
    with pytest.raises(MissionGateError, match="at least"), database.write() as session:
        accounts.change_own_password(session, user, "a long passphrase", "short", client=None)
    with database.write() as session:
        wrong = accounts.change_own_password(
            session, accounts.get_user(session, user.id), "a wrong guess", "a new passphrase", client=None
        )
    assert wrong.user is None and wrong.retry_after is None
    with database.read() as session:
        assert session.scalar(select(LoginFailure.id)) is not None  # counted like a failed login
        assert accounts.authenticate(session, "ana", "a long passphrase") is not None
        assert accounts.resolve_session(session, there) is not None
    with database.write() as session:
        done = accounts.change_own_password(
            session,
            accounts.get_user(session, user.id),
            "a long passphrase",
            "a new passphrase",
            client=None,
            keep_session=here,
        )
    assert done.user is not None
    with database.read() as session:
        assert accounts.authenticate(session, "ana", "a new passphrase") is not None
        assert accounts.authenticate(session, "ana", "a long passphrase") is None
        assert accounts.resolve_session(session, here) is not None
        assert accounts.resolve_session(session, there) is None
        assert session.scalar(select(LoginFailure.id)) is None


def test_users_are_listed_with_their_last_login(database: Database) -> None:
    _admins(database)
    with database.read() as session:
        assert [u.username for u in accounts.list_users(session)] == ["amir", "ana", "bea"]
        assert accounts.last_logins(session) == {}
    with database.write() as session:
        ana = accounts.user_by_name(session, "ana")
        assert ana is not None
        before = utcnow()
        accounts.start_session(session, ana, hours=1)
        accounts.start_session(session, ana, hours=1)
    with database.read() as session:
        logins = accounts.last_logins(session)
        assert list(logins) == [ana.id] and before <= logins[ana.id] <= utcnow()
        assert accounts.last_logins(session, [ana.id + 100]) == {}
        assert accounts.last_logins(session, [ana.id]) == logins


def _demote(
    database: Database, actor: accounts.Actor, target: int, start: threading.Barrier, results: list[str]
) -> None:
    start.wait()
    try:
        with database.write() as session:
            user = accounts.get_user(session, target)
            accounts.check_user_change(session, actor, user, role=Role.VIEWER)
            accounts.update_user(session, actor.username, user, role=Role.VIEWER)
        results.append("demoted")
    except ConflictError:
        results.append("refused")


def test_two_admins_demoting_each_other_at_once_leave_one_admin(database: Database) -> None:
    amir, bea, _ = _admins(database)
    other = accounts.Actor.of(bea)
    for _ in range(5):
        with database.write() as session:
            for user_id in (amir.id, other.id):
                accounts.update_user(session, "setup", accounts.get_user(session, user_id), role=Role.ADMIN)
        start, results = threading.Barrier(2), []
        threads = [
            threading.Thread(target=_demote, args=(database, amir, other.id, start, results)),
            threading.Thread(target=_demote, args=(database, other, amir.id, start, results)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results) == ["demoted", "refused"]
        with database.read() as session:
            admins = session.scalars(select(User.username).where(User.role == Role.ADMIN.value)).all()
        assert len(admins) == 1


def test_any_new_password_ends_sessions_and_revokes_tokens(database: Database) -> None:
    """The API's PATCH /users/{id} sets a password through update_user: it must cut off the old ones too."""
    user = _user(database)
    with database.write() as session:
        ana = accounts.get_user(session, user.id)
        _, old_session = accounts.start_session(session, ana, hours=1)
        _, token = accounts.issue_token(session, "ana", ana, "scripts")
        accounts.update_user(session, "admin", ana, password="a different passphrase")
    with database.read() as session:
        assert accounts.resolve_session(session, old_session) is None
        assert accounts.user_for_token(session, token) is None
        actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    assert actions[-2:] == ["user.update", "token.revoke"]


def test_own_password_change_keeps_this_session_only(database: Database) -> None:
    user = _user(database)
    with database.write() as session:
        ana = accounts.get_user(session, user.id)
        _, this = accounts.start_session(session, ana, hours=1)
        _, other = accounts.start_session(session, ana, hours=1)
        _, token = accounts.issue_token(session, "ana", ana, "scripts")
        done = accounts.change_own_password(
            session, ana, "a long passphrase", "a different passphrase", client=None, keep_session=this
        )
    assert done.user is not None
    with database.read() as session:
        assert accounts.resolve_session(session, this) is not None
        assert accounts.resolve_session(session, other) is None
        assert accounts.user_for_token(session, token) is None


@pytest.mark.parametrize(
    ("password", "message"),
    [
        (" " * 10, "only spaces"),
        ("\t \n" * 5, "only spaces"),
        ("password123456", "too easy to guess"),
        ("aaaaaaaaaaaaaaa", "too easy to guess"),
        ("ana-analyst-ana", "too easy to guess"),
    ],
)
def test_weak_passwords_are_refused(database: Database, password: str, message: str) -> None:
    with database.write() as session, pytest.raises(MissionGateError, match=message):
        accounts.create_user(session, "admin", "ana-analyst", Role.ANALYST, password=password)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=" \t\n\r\u00a0\u2003\u3000", min_size=10, max_size=80))
def test_whitespace_only_passwords_never_pass(password: str) -> None:
    with pytest.raises(MissionGateError):
        accounts.check_password_strength(password)


def test_long_passwords_are_checked_quickly() -> None:
    started = time.perf_counter()
    accounts.check_password_strength("correct horse battery staple " * 400)
    assert time.perf_counter() - started < 1
