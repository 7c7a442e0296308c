"""The doctrines a workspace offers: the built-in ones plus the doctrine files of one directory.

A ministry keeps its own doctrines as code: YAML files in a directory under version control, reviewed like
code and deployed to the workspace (`MISSIONGATE_DOCTRINES_DIR`). The registry reads them once, when it is
built, and validates each with the same loader as `missiongate doctrine validate`. A file that fails is
reported (file name and a one-line reason) and skipped; the others still load. An id already taken, by a
built-in doctrine or by another file, is never resolved by shadowing: the file (for two files, both) is
reported and skipped, so nothing is assessed against a doctrine nobody chose.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from missiongate.catalogue import Catalogue
from missiongate.doctrine.loader import builtin_ids, doctrine_from_document, load_builtin
from missiongate.doctrine.model import Doctrine
from missiongate.errors import MissionGateError
from missiongate.yamlio import read_yaml

BUILTIN = "builtin"
DOCTRINE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class RegisteredDoctrine:
    """A doctrine the workspace offers, and where it came from: `builtin` or its file's name."""

    doctrine: Doctrine
    origin: str

    @property
    def id(self) -> str:
        return self.doctrine.id

    @property
    def builtin(self) -> bool:
        return self.origin == BUILTIN


@dataclass(frozen=True, slots=True)
class RejectedFile:
    """A doctrine file that was not loaded: its name in the directory, the line at fault and why."""

    file: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


class DoctrineRegistry:
    """Doctrines by id, fixed once built: the built-in ones first, then the file ones (each sorted by id)."""

    def __init__(
        self,
        entries: Iterable[RegisteredDoctrine],
        rejected: Iterable[RejectedFile] = (),
        directory: Path | None = None,
    ) -> None:
        ordered = sorted(entries, key=lambda e: (not e.builtin, e.id))
        self._entries = {entry.id: entry for entry in ordered}
        if len(self._entries) != len(ordered):
            raise ValueError("a doctrine registry cannot hold two doctrines with the same id")
        self.rejected: tuple[RejectedFile, ...] = tuple(rejected)
        self.directory = directory

    def __contains__(self, doctrine_id: object) -> bool:
        return doctrine_id in self._entries

    def __iter__(self) -> Iterator[RegisteredDoctrine]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def ids(self) -> list[str]:
        return list(self._entries)

    @property
    def entries(self) -> list[RegisteredDoctrine]:
        return list(self._entries.values())

    def doctrines(self) -> list[Doctrine]:
        return [entry.doctrine for entry in self._entries.values()]

    @property
    def default_id(self) -> str:
        """The doctrine a new case gets when none is named: the first built-in one."""
        return next(iter(self._entries))

    def check(self, doctrine_id: str) -> str:
        """The id itself if the registry holds it; otherwise an error naming the ids it does hold."""
        if doctrine_id not in self._entries:
            known = ", ".join(self._entries)
            raise MissionGateError(f"unknown doctrine {doctrine_id!r} (known: {known})")
        return doctrine_id

    def entry(self, doctrine_id: str) -> RegisteredDoctrine:
        return self._entries[self.check(doctrine_id)]

    def get(self, doctrine_id: str) -> Doctrine:
        return self.entry(doctrine_id).doctrine

    def origin(self, doctrine_id: str) -> str:
        return self.entry(doctrine_id).origin


@cache
def builtin_registry() -> DoctrineRegistry:
    """The built-in doctrines only (what a workspace offers without a doctrines directory)."""
    return DoctrineRegistry(RegisteredDoctrine(load_builtin(d), BUILTIN) for d in builtin_ids())


def load_registry(
    directory: str | Path | None = None, catalogue: Catalogue | None = None
) -> DoctrineRegistry:
    """The built-in doctrines plus every doctrine file (`*.yaml`, `*.yml`) directly in `directory`.

    Files are read now and never again: build the registry once (at start-up) and keep it. Bad files and
    clashing ids end up in `rejected`; only a directory that cannot be listed at all raises
    `MissionGateError`. Names starting with a dot (editor and lock files) are ignored.
    """
    builtins = builtin_registry()
    if directory is None:
        return builtins
    folder = Path(directory)
    loaded: list[tuple[str, Doctrine]] = []
    rejected: list[RejectedFile] = []
    for path in _doctrine_files(folder):
        try:
            if not path.is_file():
                raise MissionGateError("not a regular file")
            loaded.append((path.name, doctrine_from_document(read_yaml(path), catalogue)))
        except MissionGateError as exc:
            rejected.append(RejectedFile(path.name, _one_line(exc.message), exc.line))
    files_by_id: dict[str, list[str]] = defaultdict(list)
    for name, doctrine in loaded:
        files_by_id[doctrine.id].append(name)
    entries = list(builtins)
    for name, doctrine in loaded:
        others = ", ".join(other for other in files_by_id[doctrine.id] if other != name)
        if doctrine.id in builtins:
            reason = f"doctrine id {doctrine.id!r} is taken by a built-in doctrine; give this one its own id"
            rejected.append(RejectedFile(name, reason))
        elif others:
            reason = f"doctrine id {doctrine.id!r} is also the id in {others}; no file with it is loaded"
            rejected.append(RejectedFile(name, reason))
        else:
            entries.append(RegisteredDoctrine(doctrine, name))
    rejected.sort(key=lambda r: r.file)
    return DoctrineRegistry(entries, rejected, folder)


def _doctrine_files(folder: Path) -> list[Path]:
    try:
        if not folder.is_dir():
            problem = "does not exist" if not folder.exists() else "is not a directory"
            raise MissionGateError(f"doctrines directory {problem}", source=folder)
        names = sorted(p for p in folder.iterdir() if p.suffix in DOCTRINE_SUFFIXES)
    except OSError as exc:
        raise MissionGateError(
            f"cannot read the doctrines directory: {exc.strerror}", source=folder
        ) from None
    return [path for path in names if not path.name.startswith(".")]


def _one_line(message: str) -> str:
    return " ".join(part.strip() for part in message.splitlines() if part.strip())
