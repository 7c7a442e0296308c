"""Errors the user can act on. Faces turn them into one line (CLI, exit 2) or a problem document (API)."""

from __future__ import annotations

from pathlib import Path


class MissionGateError(Exception):
    """A problem with the user's input, named precisely enough to fix it."""

    def __init__(self, message: str, *, source: str | Path | None = None, line: int | None = None) -> None:
        self.message = message
        self.source = str(source) if source is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}:{self.line}: " if self.line else f"{self.source}: "
        return f"{where}{self.message}"


class UnknownFactError(MissionGateError):
    """A fact id that the catalogue does not define."""
