"""Alembic environment: runs against the engine handed over by `missiongate.store.db.upgrade`,
or the configured database when Alembic's own CLI is used."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from missiongate.settings import get_settings
from missiongate.store.db import make_engine
from missiongate.store.models import Base


def _engine() -> Engine:
    engine = context.config.attributes.get("engine")
    if isinstance(engine, Engine):
        return engine
    return make_engine(get_settings().resolved_database_url)


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
