"""Settings: defaults, the TOML file, environment variables over it, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate.errors import MissionGateError
from missiongate.settings import Settings, get_settings


def test_file_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings_file = tmp_path / "workspace.toml"
    settings_file.write_text(
        f'data_dir = "{tmp_path / "data"}"\nsender = "Royal Ministry"\nsession_hours = 4\n'
    )
    monkeypatch.setenv("MISSIONGATE_SETTINGS_FILE", str(settings_file))
    monkeypatch.setenv("MISSIONGATE_SESSION_HOURS", "8")
    monkeypatch.delenv("MISSIONGATE_DATABASE_URL", raising=False)
    settings = Settings()
    assert settings.sender == "Royal Ministry" and settings.session_hours == 8
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'missiongate.db'}"
    assert settings.is_sqlite and settings.sqlite_synchronous == "FULL"


def test_invalid_setting_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISSIONGATE_MAX_UPLOAD_BYTES", "lots")
    get_settings.cache_clear()
    with pytest.raises(MissionGateError, match="MISSIONGATE_MAX_UPLOAD_BYTES"):
        get_settings()
    get_settings.cache_clear()


def test_doctrines_dir_from_the_environment_or_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISSIONGATE_SETTINGS_FILE", str(tmp_path / "absent.toml"))
    monkeypatch.delenv("MISSIONGATE_DOCTRINES_DIR", raising=False)
    assert Settings().doctrines_dir is None
    monkeypatch.setenv("MISSIONGATE_DOCTRINES_DIR", str(tmp_path / "doctrines"))
    assert Settings().doctrines_dir == tmp_path / "doctrines"
    monkeypatch.setenv("MISSIONGATE_DOCTRINES_DIR", "")  # set but empty: no directory
    assert Settings().doctrines_dir is None
    monkeypatch.delenv("MISSIONGATE_DOCTRINES_DIR")
    settings_file = tmp_path / "workspace.toml"
    settings_file.write_text(f'doctrines_dir = "{tmp_path / "ministry"}"\n')
    monkeypatch.setenv("MISSIONGATE_SETTINGS_FILE", str(settings_file))
    assert Settings().doctrines_dir == tmp_path / "ministry"
