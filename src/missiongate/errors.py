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


class NotFoundError(MissionGateError):
    """No such record, or one the user may not see (the two are deliberately indistinguishable)."""


class ConflictError(MissionGateError):
    """The write was based on a stale version, or clashes with an existing record; nothing was written. Also:
    the case as it stands does not allow what was asked (an offer for a declined case)."""

    def __init__(self, message: str, *, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version


class TooLargeError(MissionGateError):
    """An upload over the configured size limit; nothing was kept."""


class UnsupportedTypeError(MissionGateError):
    """A file of a type the workspace does not take; nothing was kept."""

    def __init__(self, message: str, *, accepted: list[str]) -> None:
        super().__init__(message)
        self.accepted = accepted


class NotAnalysableError(MissionGateError):
    """A document the mandate analyzer cannot read (a scan, an unknown format); the case is unchanged."""
