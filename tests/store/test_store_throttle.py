"""The login throttle: failures counted per username and per address in the database, on both backends."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import func, select

from missiongate.store import accounts, audit, throttle
from missiongate.store.accounts import LoginOutcome
from missiongate.store.db import Database
from missiongate.store.models import AuditEntry, LoginFailure, Role
from missiongate.store.throttle import LoginLimits

PASSWORD = "a long passphrase"
WRONG = "not the passphrase"
LIMITS = LoginLimits(per_username=5, per_client=20, window=dt.timedelta(minutes=15))
T0 = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.UTC)
HERE = "192.0.2.10"


@pytest.fixture(autouse=True)
def users(database: Database) -> None:
    with database.write() as session:
        for name in ("ana", "bob"):
            accounts.create_user(session, "admin", name, Role.ANALYST, password=PASSWORD)


def attempt(
    database: Database,
    username: str,
    password: str,
    *,
    at: dt.datetime,
    client: str | None = HERE,
    limits: LoginLimits = LIMITS,
    device: str | None = None,
) -> LoginOutcome:
    with database.write() as session:
        return accounts.login(
            session, username, password, client=client, limits=limits, now=at, device=device
        )


def fail(
    database: Database, username: str, times: int, *, start: dt.datetime = T0, client: str = HERE
) -> None:
    for i in range(times):
        outcome = attempt(database, username, WRONG, at=start + dt.timedelta(seconds=i), client=client)
        assert outcome.user is None and outcome.retry_after is None


def rows(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(LoginFailure)) or 0


def test_five_failures_lock_the_username_even_against_the_right_password(database: Database) -> None:
    fail(database, "ana", 5)
    later = T0 + dt.timedelta(minutes=1)
    refused = attempt(database, "ana", PASSWORD, at=later)
    assert refused.user is None
    # The first failure (at T0) leaves the window at T0 + 15 min: 14 minutes from now.
    assert refused.retry_after == 14 * 60
    assert refused.refusal_message == "Too many failed attempts; try again in 14 minutes."
    assert attempt(database, "bob", PASSWORD, at=later).user is not None  # another username: unaffected


def test_the_lock_ends_with_the_window_and_a_success_clears_the_failures(database: Database) -> None:
    fail(database, "ana", 5)
    just_before = T0 + LIMITS.window - dt.timedelta(seconds=1)
    assert attempt(database, "ana", PASSWORD, at=just_before).retry_after == 1
    after = T0 + LIMITS.window + dt.timedelta(seconds=1)  # failures 1 (T0) and 2 (T0+1s) have left the window
    assert attempt(database, "ana", PASSWORD, at=after).user is not None
    # The success forgot every failure: four more are allowed before the fifth locks again.
    fail(database, "ana", 4, start=after + dt.timedelta(seconds=1))
    assert attempt(database, "ana", PASSWORD, at=after + dt.timedelta(seconds=10)).user is not None


def test_a_success_before_the_limit_resets_the_count(database: Database) -> None:
    fail(database, "ana", 4)
    assert attempt(database, "ana", PASSWORD, at=T0 + dt.timedelta(seconds=5)).user is not None
    fail(database, "ana", 4, start=T0 + dt.timedelta(seconds=6))
    assert attempt(database, "ana", PASSWORD, at=T0 + dt.timedelta(seconds=20)).user is not None


def test_unknown_usernames_are_counted_and_refused_alike(database: Database) -> None:
    fail(database, "nobody", 5)
    fail(database, "ana", 5)
    later = T0 + dt.timedelta(minutes=2)
    unknown = attempt(database, "nobody", PASSWORD, at=later)
    known = attempt(database, "ana", PASSWORD, at=later)
    assert unknown == known == LoginOutcome(retry_after=13 * 60)
    # Case and surrounding blanks do not make another username.
    assert attempt(database, " ANA ", WRONG, at=later).retry_after == 13 * 60


def test_one_address_cannot_spray_many_usernames(database: Database) -> None:
    for i in range(20):  # one failure for each of 20 usernames: no username limit is reached
        outcome = attempt(database, f"user{i}", WRONG, at=T0 + dt.timedelta(seconds=i))
        assert outcome.retry_after is None
    later = T0 + dt.timedelta(minutes=5)
    refused = attempt(database, "ana", PASSWORD, at=later)
    assert refused.user is None and refused.retry_after == 10 * 60
    assert attempt(database, "ana", PASSWORD, at=later, client="198.51.100.7").user is not None


def test_ipv6_addresses_count_per_64_block() -> None:
    assert throttle.client_key("2001:db8:1:2::1") == throttle.client_key("2001:db8:1:2:ffff::9")
    assert throttle.client_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert throttle.client_key("2001:db8:1:3::1") != throttle.client_key("2001:db8:1:2::1")
    assert throttle.client_key("::ffff:192.0.2.1") == "192.0.2.1"
    assert throttle.client_key(None) == "unknown"
    assert throttle.client_key("testclient") == "testclient"


def test_rows_stay_bounded_and_usernames_are_not_stored(database: Database) -> None:
    fail(database, "ana", 5)
    fail(database, "mistyped password in the username field", 3)
    assert rows(database) == 8
    with database.read() as session:
        stored = set(session.scalars(select(LoginFailure.username_key)))
    assert stored == {
        throttle.username_key("ana"),
        throttle.username_key("mistyped password in the username field"),
    }
    # A failure after the window has passed deletes everything older than the window.
    fail(database, "bob", 1, start=T0 + LIMITS.window + dt.timedelta(minutes=1))
    assert rows(database) == 1


def test_failures_and_lockouts_are_audited_once_and_the_chain_verifies(database: Database) -> None:
    fail(database, "ana", 5)
    fail(database, "nobody", 1)
    for minute in range(1, 4):  # three refused attempts: one audit entry for the lock-out
        assert attempt(database, "ana", PASSWORD, at=T0 + dt.timedelta(minutes=minute)).retry_after
    with database.read() as session:
        entries = list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action.like("session.login%")).order_by(AuditEntry.seq)
            )
        )
        report = audit.verify(session)
    assert report.ok, report.problems
    actions = [(e.actor, e.action, e.target) for e in entries]
    assert actions.count(("ana", "session.login_failed", "user:1")) == 5
    assert ("anonymous", "session.login_failed", "user:unknown") in actions
    refused = [e for e in entries if e.action == "session.login_refused"]
    assert len(refused) == 1
    assert json.loads(refused[0].details) == {"client": HERE, "limit": "username", "retry_after": 14 * 60}
    assert all("nobody" not in e.details for e in entries)


def test_an_admin_password_reset_unlocks_the_login(database: Database) -> None:
    fail(database, "ana", 5)
    with database.write() as session:
        user = accounts.user_by_name(session, "ana")
        assert user is not None
        accounts.update_user(session, "admin", user, password="a brand new passphrase")
    assert (
        attempt(database, "ana", "a brand new passphrase", at=T0 + dt.timedelta(minutes=1)).user is not None
    )


def test_concurrent_attempts_cannot_overshoot_the_limit(database: Database) -> None:
    limits = LoginLimits(per_username=3, per_client=100, window=dt.timedelta(minutes=15))
    outcomes: list[LoginOutcome] = []
    lock = threading.Lock()

    def one() -> None:
        outcome = attempt(database, "ana", WRONG, at=accounts.utcnow(), limits=limits)
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(o.retry_after is None for o in outcomes) == 3  # exactly three passwords were checked
    assert sum(o.retry_after is not None for o in outcomes) == 5
    with database.read() as session:
        failures = session.scalar(select(func.count()).where(LoginFailure.refused.is_(False)))
    assert failures == 3


def test_a_device_that_logged_in_before_is_not_locked_out_with_its_office(database: Database) -> None:
    """Colleagues behind one address: someone there sprays 20 usernames; those who logged in from their
    browser before keep logging in; a new browser, or a device of another user, is still refused."""
    first = attempt(database, "ana", PASSWORD, at=T0 - dt.timedelta(days=1))
    assert first.user is not None and first.device is not None
    again = attempt(database, "ana", PASSWORD, at=T0 - dt.timedelta(hours=1), device=first.device)
    assert again.user is not None and again.device is None  # known: no new token
    for i in range(20):
        attempt(database, f"user{i}", WRONG, at=T0 + dt.timedelta(seconds=i))
    later = T0 + dt.timedelta(minutes=5)
    assert attempt(database, "ana", PASSWORD, at=later, device=first.device).user is not None
    assert attempt(database, "ana", PASSWORD, at=later).retry_after is not None
    assert attempt(database, "bob", PASSWORD, at=later, device=first.device).retry_after is not None
    expired = T0 + dt.timedelta(days=throttle.DEVICE_DAYS)
    for i in range(20):
        attempt(database, f"user{i}", WRONG, at=expired + dt.timedelta(seconds=i))
    assert attempt(
        database, "ana", PASSWORD, at=expired + dt.timedelta(minutes=1), device=first.device
    ).retry_after


def test_a_known_device_still_meets_the_username_limit(database: Database) -> None:
    device = attempt(database, "ana", PASSWORD, at=T0 - dt.timedelta(days=1)).device
    for i in range(5):
        attempt(database, "ana", WRONG, at=T0 + dt.timedelta(seconds=i), device=device)
    refused = attempt(database, "ana", PASSWORD, at=T0 + dt.timedelta(minutes=1), device=device)
    assert refused.user is None and refused.retry_after is not None
