"""Migrations: the schema is created by Alembic from the package, on both backends."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from missiongate.store.db import Database, current_revision, downgrade, head, upgrade
from missiongate.store.models import Base


def test_migrations_create_every_table(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    assert current_revision(database.engine) == head()
    assert database.is_current()


def test_upgrade_is_idempotent(database: Database) -> None:
    database.upgrade()
    assert current_revision(database.engine) == head()


def test_sqlite_file_is_created_on_first_run_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "missiongate.db"
    database = Database(f"sqlite:///{path}")
    assert not database.is_current()
    database.upgrade()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert path.exists()
    database.dispose()


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'm.db'}")
    database.upgrade()
    downgrade(database.engine, "base")
    assert "cases" not in inspect(database.engine).get_table_names()
    database.upgrade()
    assert database.is_current()
    database.dispose()


def test_login_failures_migration_downgrades_and_upgrades(database: Database) -> None:
    """Revision 0003 (the login throttle's table) comes and goes on its own, on both backends."""
    assert "login_failures" in inspect(database.engine).get_table_names()
    try:
        downgrade(database.engine, "0002")
        tables = set(inspect(database.engine).get_table_names())
        assert "login_failures" not in tables and {"claims", "users", "audit_log"} <= tables
        assert current_revision(database.engine) == "0002"
    finally:
        upgrade(database.engine)  # the PostgreSQL test database is shared by the session: leave it current
    assert "login_failures" in inspect(database.engine).get_table_names()
    assert database.is_current()


def test_models_and_migrations_agree(database: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
