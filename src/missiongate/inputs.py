"""Reading an input file with a size limit: only regular files, never more than the limit into memory.
And text no record may hold (`text_problem`: control characters, unpaired surrogates), which the store
refuses whichever face wrote it (`store/texts.py`).

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
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f]")


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


def text_problem(value: Any, *, one_line: bool) -> str | None:
    """Why `value` (a string, or JSON data whose strings are checked) cannot be kept as text, or None.

    Refused: ASCII control characters (exports and download headers cannot hold them, and PostgreSQL
    refuses NUL), tabs and line breaks too in `one_line` text, and unpaired surrogates (not Unicode text).
    """
    if isinstance(value, dict):
        items = [*value.keys(), *value.values()]
        return next((p for p in (text_problem(v, one_line=one_line) for v in items) if p), None)
    if isinstance(value, list | tuple):
        return next((p for p in (text_problem(v, one_line=one_line) for v in value) if p), None)
    if not isinstance(value, str):
        return None
    found = (_ANY_CONTROL if one_line else _CONTROLS).search(value)
    if found is not None:
        if found.group() in "\t\n\r":
            return "must be one line: it contains a line break or a tab"
        where = "" if one_line else " (only tabs and line breaks are allowed)"
        return f"contains the control character U+{ord(found.group()):04X}{where}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an unpaired surrogate, which is not Unicode text"
    return None


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
