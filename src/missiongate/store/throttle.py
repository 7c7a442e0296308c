"""The login throttle: failed password logins are counted per username and per client address.

After `per_username` failures for one username within `window`, every further attempt for that username is
refused, without checking the password, until enough of those failures are older than the window; the same
after `per_client` failures from one address (IPv6 counted per /64, the usual allocation of one subscriber).
Unknown usernames are counted exactly like known ones, so a refusal says nothing about who exists.

Failures live in the `login_failures` table, so the limits hold across worker processes and restarts. Rows
older than the window are deleted whenever a failure is recorded, and a successful login deletes its
username's rows, so the table holds at most the failures of one window. Usernames are stored as their
SHA-256 only: a password typed into the username field is not kept.

Concurrent attempts on the same username or address are serialised (SQLite: write transactions already run
one at a time; PostgreSQL: transaction-scoped advisory locks), so parallel requests cannot overshoot a limit.
`accounts.login` is the entry point; the API and the web login both go through it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import math
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import delete, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from missiongate.store.models import LoginDevice, LoginFailure

if TYPE_CHECKING:
    from missiongate.settings import Settings

UNKNOWN_CLIENT = "unknown"
DEVICE_DAYS = 90
Limit = Literal["username", "client"]


@dataclass(frozen=True, slots=True)
class LoginLimits:
    per_username: int = 5
    per_client: int = 20
    window: dt.timedelta = dt.timedelta(minutes=15)

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginLimits:
        return cls(
            per_username=settings.login_max_failures,
            per_client=settings.login_max_failures_per_client,
            window=dt.timedelta(minutes=settings.login_window_minutes),
        )


@dataclass(frozen=True, slots=True)
class Refusal:
    retry_after: int  # whole seconds until an attempt will be checked again
    by: Limit  # which limit refused it (for the audit log, never for the caller)


def username_key(username: str) -> str:
    normalised = username.strip().lower()
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def client_key(address: str | None) -> str:
    """The address the client limit counts: IPv4 as is, IPv6 by its /64, anything else as given."""
    if not address:
        return UNKNOWN_CLIENT
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def serialise(session: Session, user_key: str, client: str) -> None:
    """Hold the username's and then the address's lock until the transaction ends (PostgreSQL only)."""
    if session.get_bind().dialect.name != "postgresql":
        return  # SQLite: `Database.write` transactions already run one at a time
    for namespace, key in (("username", user_key), ("client", client)):
        digest = hashlib.sha256(f"missiongate.login.{namespace}:{key}".encode()).digest()
        lock = int.from_bytes(digest[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(CAST(:lock AS bigint))"), {"lock": lock})


def check(
    session: Session,
    user_key: str,
    client: str,
    limits: LoginLimits,
    now: dt.datetime,
    *,
    known: bool = False,
) -> Refusal | None:
    """A refusal if either limit is reached, with the time until the older failures leave the window.

    `known`: the attempt comes from a device that logged in as this user before (`trusted_device`), so the
    address limit does not apply to it; the username limit always does.
    """
    since = now - limits.window
    waits: list[tuple[int, Limit]] = []
    counted: tuple[tuple[InstrumentedAttribute[str], str, int, Limit], ...] = (
        (LoginFailure.username_key, user_key, limits.per_username, "username"),
        *(() if known else ((LoginFailure.client, client, limits.per_client, "client"),)),
    )
    for column, key, limit, by in counted:
        # The limit-th most recent failure: while it is inside the window, the limit is reached.
        oldest_that_counts = session.scalar(
            select(LoginFailure.at)
            .where(column == key, LoginFailure.at > since, LoginFailure.refused.is_(False))
            .order_by(LoginFailure.at.desc())
            .offset(limit - 1)
            .limit(1)
        )
        if oldest_that_counts is not None:
            seconds = (oldest_that_counts + limits.window - now).total_seconds()
            waits.append((max(1, math.ceil(seconds)), by))
    if not waits:
        return None
    retry_after, by = max(waits)
    return Refusal(retry_after, by)


def first_refusal(
    session: Session, refusal: Refusal, user_key: str, client: str, limits: LoginLimits, now: dt.datetime
) -> bool:
    """True (and noted) for the first refused attempt on this username or address within the window.

    Lets the audit log record a lock-out once instead of every refused attempt, which an attacker could
    repeat without end.
    """
    column, key = (
        (LoginFailure.username_key, user_key) if refusal.by == "username" else (LoginFailure.client, client)
    )
    seen = session.scalar(
        select(LoginFailure.id)
        .where(column == key, LoginFailure.refused.is_(True), LoginFailure.at > now - limits.window)
        .limit(1)
    )
    if seen is not None:
        return False
    prune(session, limits, now)
    session.add(LoginFailure(username_key=user_key, client=client, at=now, refused=True))
    return True


def record_failure(
    session: Session, user_key: str, client: str, limits: LoginLimits, now: dt.datetime
) -> None:
    prune(session, limits, now)
    session.add(LoginFailure(username_key=user_key, client=client, at=now, refused=False))


def prune(session: Session, limits: LoginLimits, now: dt.datetime) -> None:
    """Delete what has left the window: the table never holds more than one window of failures."""
    session.execute(delete(LoginFailure).where(LoginFailure.at <= now - limits.window))


def clear(session: Session, user_key: str) -> None:
    """Forget a username's failures (after a successful login or a password reset)."""
    session.execute(delete(LoginFailure).where(LoginFailure.username_key == user_key))


def wait_in_words(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def trusted_device(session: Session, raw: str | None, user_key: str, now: dt.datetime) -> bool:
    """True when `raw` (the device cookie) is a device that logged in as this username within DEVICE_DAYS."""
    if not raw:
        return False
    found = session.scalar(
        select(LoginDevice.id).where(
            LoginDevice.token_hash == hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(),
            LoginDevice.username_key == user_key,
            LoginDevice.created_at > now - dt.timedelta(days=DEVICE_DAYS),
        )
    )
    return found is not None


def remember_device(session: Session, user_key: str, now: dt.datetime) -> str:
    """A new device token for this username (the raw value, for the cookie); expired ones are deleted."""
    session.execute(delete(LoginDevice).where(LoginDevice.created_at <= now - dt.timedelta(days=DEVICE_DAYS)))
    raw = secrets.token_urlsafe(32)
    session.add(
        LoginDevice(
            token_hash=hashlib.sha256(raw.encode()).hexdigest(), username_key=user_key, created_at=now
        )
    )
    return raw
