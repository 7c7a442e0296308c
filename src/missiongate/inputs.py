"""Reading an input file with a size limit: only regular files, never more than the limit into memory.

`/dev/zero` would fill memory and a FIFO without a writer would block forever, so both are refused before
anything is read.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from missiongate.errors import MissionGateError

MAX_INPUT_BYTES = 20 * 1024 * 1024
# ASCII controls other than tab, line feed and carriage return: XML 1.0 (DOCX, XLSX) cannot hold them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_CONTROLS = re.compile("[\t\n\r]")


def read_input(path: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; anything else raises MissionGateError."""
    try:
        # O_NONBLOCK: opening a FIFO that has no writer would otherwise wait for one.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise MissionGateError(f"cannot read file: {exc.strerror or exc}", source=path) from None
    info = os.fstat(descriptor)
    problem = _refusal(info, max_bytes)
    if problem is not None:
        os.close(descriptor)
        raise MissionGateError(problem, source=path)
    with os.fdopen(descriptor, "rb") as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise MissionGateError(f"cannot read file: {exc.strerror or exc}", source=path) from None
    if len(data) > max_bytes:  # the file grew while it was read
        raise MissionGateError(f"file is over the {max_bytes}-byte limit", source=path)
    return data


def _refusal(info: os.stat_result, max_bytes: int) -> str | None:
    if stat.S_ISDIR(info.st_mode):
        return "is a directory, expected a file"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a device, pipe or socket)"
    if info.st_size > max_bytes:
        return f"file is {info.st_size} bytes, over the {max_bytes}-byte limit"
    return None


def has_controls(text: str) -> bool:
    """True when `text` holds an ASCII control character other than tab, line feed or carriage return."""
    return _CONTROLS.search(text) is not None


def without_controls(value: Any) -> Any:
    """`value` with those control characters removed from every string in it (dicts and lists walked), for
    writing records stored before they were refused into DOCX and XLSX, which cannot hold them."""
    if isinstance(value, str):
        return _CONTROLS.sub("", value)
    if isinstance(value, dict):
        return {key: without_controls(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [without_controls(item) for item in value]
    return value


def header_text(text: str) -> str:
    """`text` fit for one HTTP header line: every control character removed, line breaks made spaces."""
    return _CONTROLS.sub("", _LINE_CONTROLS.sub(" ", text))
