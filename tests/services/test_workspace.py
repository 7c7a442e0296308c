"""The workspace a process opens: its settings' database (created and migrated) and doctrines."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate.errors import MissionGateError
from missiongate.services import Workspace
from missiongate.settings import Settings


def test_open_creates_and_migrates_the_sqlite_database(tmp_path: Path) -> None:
    workspace = Workspace.open(Settings(data_dir=tmp_path / "data", database_url=""))
    try:
        assert workspace.db.is_current() and (tmp_path / "data" / "missiongate.db").exists()
        assert "azerbaijan" in workspace.doctrines.ids
    finally:
        workspace.db.dispose()


def test_a_doctrines_directory_that_cannot_be_read_stops_the_open(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, database_url="", doctrines_dir=tmp_path / "missing")
    with pytest.raises(MissionGateError):
        Workspace.open(settings)
