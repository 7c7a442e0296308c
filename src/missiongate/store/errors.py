"""Storage outcomes the caller must handle: faces map them to 404 and 409 (CLI: one line, exit 2)."""

from __future__ import annotations

from missiongate.errors import MissionGateError


class NotFoundError(MissionGateError):
    """No such record, or one the user may not see (the two are deliberately indistinguishable)."""


class UnsupportedTypeError(MissionGateError):
    """A document of a media type the workspace does not keep."""

    def __init__(self, message: str, *, accepted: list[str]) -> None:
        super().__init__(message)
        self.accepted = accepted


class TooLargeError(MissionGateError):
    """An upload over the configured size limit; nothing was kept."""


class ConflictError(MissionGateError):
    """The write was based on a stale version, or clashes with an existing record; nothing was written."""

    def __init__(self, message: str, *, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version
