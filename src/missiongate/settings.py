"""Workspace settings: environment variables (`MISSIONGATE_*`) over a TOML settings file over defaults.

The settings file is `MISSIONGATE_SETTINGS_FILE`, else `missiongate.toml` in the working directory if present.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from missiongate.errors import MissionGateError


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "missiongate"


def settings_file() -> Path:
    explicit = os.environ.get("MISSIONGATE_SETTINGS_FILE")
    return Path(explicit) if explicit else Path("missiongate.toml")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MISSIONGATE_", extra="forbid")

    data_dir: Path = Field(default_factory=_default_data_dir)
    # Empty means SQLite in the data directory: `<data_dir>/missiongate.db`.
    database_url: str = ""
    # SQLite durability: FULL survives power loss; NORMAL (in WAL) survives process crashes only.
    sqlite_synchronous: Literal["FULL", "NORMAL"] = "FULL"
    auto_migrate: bool = True
    max_upload_bytes: int = 20 * 1024 * 1024
    session_hours: int = 12
    # Login throttle: after this many failed logins for one username within the window, that username
    # is refused until the window has passed; likewise for one client address (IPv6: its /64).
    login_max_failures: int = Field(default=5, ge=1)
    login_max_failures_per_client: int = Field(default=20, ge=1)
    login_window_minutes: int = Field(default=15, ge=1, le=24 * 60)
    # None: Secure cookies exactly when the request came over HTTPS.
    cookie_secure: bool | None = None
    templates_dir: Path | None = None  # a ministry's own document templates, overriding the built-in ones
    # A ministry's own doctrine files (*.yaml, *.yml), offered beside the built-in doctrines; read at start.
    doctrines_dir: Path | None = None
    sender: str = "Ministry of Foreign Affairs"
    log_level: str = "INFO"
    log_json: bool = True

    @field_validator("doctrines_dir", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=settings_file())
        return (init_settings, env_settings, toml)

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'missiongate.db'}"

    @property
    def chosen_sender(self) -> str | None:
        """The sender a ministry set (environment or settings file); None when left at the default, for the
        decision documents to name the ministry of the doctrine's country."""
        return self.sender if "sender" in self.model_fields_set else None

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    def ensure_data_dir(self) -> Path:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise MissionGateError(
            f"invalid setting {where!r} (MISSIONGATE_{where.upper()} or {settings_file()}): {error['msg']}"
        ) from None
