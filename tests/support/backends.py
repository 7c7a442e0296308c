"""Test support: a fresh, migrated database per test on SQLite and on PostgreSQL.

Used by the project's own test suites (store, API, documents, web). PostgreSQL comes from
`MISSIONGATE_TEST_POSTGRES_URL` (`.ci/run` starts a throwaway server); without it the PostgreSQL half is
skipped, except under CI=true where a missing server fails the run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

from missiongate.store.audit import GENESIS_HASH
from missiongate.store.db import Database, make_engine, upgrade
from missiongate.store.models import Base

POSTGRES_ENV = "MISSIONGATE_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")
_ran: dict[str, int] = {"sqlite": 0, "postgresql": 0}
_reported = False


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


def worker_postgres_url(url: str) -> str:
    """Under pytest-xdist each worker empties and migrates its own database (`<name>_gw0`, ...), created
    on first use beside the one `MISSIONGATE_TEST_POSTGRES_URL` names; a single process uses that one."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name})
        if exists.first() is None:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


class Backends:
    """Migrates each backend once per test session; hands out an empty database per test."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._sqlite_template: Path | None = None
        self._postgres_url: str | None = None

    def sqlite(self, directory: Path) -> Database:
        if self._sqlite_template is None:
            template = self.workdir / "template.db"
            engine = make_engine(f"sqlite:///{template}")
            upgrade(engine)
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            engine.dispose()
            self._sqlite_template = template
        path = directory / "missiongate.db"
        shutil.copyfile(self._sqlite_template, path)
        return Database(f"sqlite:///{path}")

    def postgres(self) -> Database:
        url = postgres_url()
        if url is None:
            if in_ci():
                pytest.fail(f"CI=true but {POSTGRES_ENV} is not set: PostgreSQL tests must run in CI")
            pytest.skip(f"PostgreSQL half skipped: set {POSTGRES_ENV} (e.g. via .ci/run) to run it")
        if self._postgres_url is None:
            self._postgres_url = worker_postgres_url(url)
            reset_postgres_schema(self._postgres_url)
        database = Database(self._postgres_url)
        empty_postgres(database)
        return database


def reset_postgres_schema(url: str) -> None:
    """Drop everything in the test database and migrate it from scratch."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    upgrade(engine)
    engine.dispose()


def empty_postgres(database: Database) -> None:
    # TRUNCATE, unlike DELETE, is not refused by the append-only row triggers.
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        connection.execute(
            text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :hash)"), {"hash": GENESIS_HASH}
        )


def database_fixture(request: Any, backends: Backends, tmp_path: Path) -> Iterator[Database]:
    """Body of the parametrised `database` fixture the test suites define."""
    backend: str = request.param
    database = backends.sqlite(tmp_path) if backend == "sqlite" else backends.postgres()
    _ran[backend] += 1
    try:
        yield database
    finally:
        database.dispose()


def report(terminalreporter: Any) -> None:
    """Say plainly in the summary whether the PostgreSQL half ran."""
    global _reported
    if _reported or not (_ran["sqlite"] or _ran["postgresql"] or postgres_url()):
        return
    _reported = True
    if postgres_url() is None:
        terminalreporter.write_sep(
            "=",
            f"storage tests ran on SQLite only; PostgreSQL half skipped ({POSTGRES_ENV} not set)",
            yellow=True,
        )
    else:
        terminalreporter.write_sep("=", "storage tests ran on SQLite and PostgreSQL", green=True)
