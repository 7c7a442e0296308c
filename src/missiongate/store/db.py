"""Engines, sessions and migrations for SQLite (default, one file in the data directory) and PostgreSQL.

SQLite runs in WAL mode so readers never wait for the writer. Write transactions start with
`BEGIN IMMEDIATE`: they take the write lock up front, so two writers queue instead of failing with
"database is locked" when a read lock would have to be upgraded. Before that, writers take an exclusive
`flock` on `<database>.writelock`: the kernel hands it to the next waiter the moment it is released,
where SQLite's own busy handler polls with growing sleeps (which shows as tail latency when several
server processes write). The lock dies with its process, so a killed writer never leaves it held.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic_core
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 30_000
_WRITE_OPTION = "missiongate_write"


def _to_json(value: Any) -> str:
    # pydantic-core's encoder (Rust) is several times faster than json.dumps on decision reports.
    return pydantic_core.to_json(value).decode()


def make_engine(url: str, *, sqlite_synchronous: str = "FULL") -> Engine:
    parsed = make_url(url)
    json_options: dict[str, Any] = {"json_serializer": _to_json, "json_deserializer": pydantic_core.from_json}
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10, **json_options)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        pool_size=10,
        max_overflow=10,
        **json_options,
    )
    _configure_sqlite(engine, sqlite_synchronous)
    return engine


def _configure_sqlite(engine: Engine, synchronous: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (pysqlite's own handling defers it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Database:
    """One engine with two session factories: plain reads, and writes that serialise on SQLite."""

    def __init__(self, url: str, *, sqlite_synchronous: str = "FULL") -> None:
        self.url = url
        self.engine = make_engine(url, sqlite_synchronous=sqlite_synchronous)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )
        database = make_url(url).database
        self._lock_path = (
            f"{database}.writelock" if self.is_sqlite and database not in (None, "", ":memory:") else None
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any exception."""
        with self.write_turn(), self._writer() as session, session.begin():
            yield session

    @contextmanager
    def write_turn(self) -> Iterator[None]:
        """This process's turn to write (SQLite: the flock every writer takes first); a no-op elsewhere."""
        if self._lock_path is None:
            yield
            return
        # A descriptor of its own per writer: flock is held per open file, so threads queue too.
        descriptor = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # releases the lock

    def upgrade(self, revision: str = "head") -> None:
        upgrade(self.engine, revision)

    def is_current(self) -> bool:
        return inspect(self.engine).has_table("alembic_version") and current_revision(self.engine) == head()

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config(engine: Engine | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("missiongate.store") / "migrations"))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations shipped inside the package (works from an installed wheel)."""
    from alembic import command

    command.upgrade(_alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(_alembic_config(engine), revision)


@lru_cache(maxsize=1)
def head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every schema revision this version of MissionGate can open or upgrade from."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
