"""Service tests: each business rule once, without HTTP, on SQLite and PostgreSQL (the `database` fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate.doctrine import builtin_registry
from missiongate.services import Workspace
from missiongate.settings import Settings
from missiongate.store import accounts
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import Role

ROOT = Path(__file__).resolve().parents[2]
RESOLUTION = ROOT / "data" / "unsc-resolutions" / "S_RES_0872_1993_EN_GOLD.txt"
EXAMPLE = ROOT / "examples" / "gaza-isf-inquiry.yaml"


@pytest.fixture
def ws(database: Database, tmp_path: Path) -> Workspace:
    settings = Settings(
        data_dir=tmp_path, database_url=database.url, auto_migrate=False, max_upload_bytes=64 * 1024
    )
    return Workspace(database, builtin_registry(), settings)


@pytest.fixture
def actors(database: Database) -> dict[Role, Actor]:
    with database.write() as session:
        return {role: Actor.of(accounts.create_user(session, "setup", role.value, role)) for role in Role}


@pytest.fixture
def analyst(actors: dict[Role, Actor]) -> Actor:
    return actors[Role.ANALYST]
