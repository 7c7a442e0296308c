"""YAML reading with line numbers for error messages, and atomic writing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from missiongate.errors import MissionGateError
from missiongate.inputs import read_input

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_YAML_BYTES = 5 * 1024 * 1024
# Values that aliases add once expanded (beyond the values written out): far above any mission, doctrine or
# answers file, far below what an alias bomb expands to (a few hundred bytes can stand for billions of values
# in every later str() or copy). Values written out are bounded by MAX_YAML_BYTES alone: a labelled set of
# several megabytes holds more than this many without a single alias.
MAX_EXPANDED_NODES = 200_000


class YamlDocument:
    """Parsed YAML plus the node tree, so a validation error can point at a line."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.node: yaml.Node | None
        if len(text) > MAX_YAML_BYTES:
            raise MissionGateError(f"YAML text over the limit of {MAX_YAML_BYTES} characters", source=source)
        try:
            self.node = yaml.compose(text, Loader=_Loader)
            _check_expansion(self.node, source)
            self.data: Any = yaml.load(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise MissionGateError(
                f"malformed YAML: {problem}", source=source, line=mark.line + 1 if mark else None
            ) from None

    @classmethod
    def from_data(cls, data: Any, source: str) -> YamlDocument:
        """Wrap already-parsed data (JSON from the API, say); errors then carry no line numbers."""
        document = cls.__new__(cls)
        document.source, document.node, document.data = source, None, data
        return document

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """1-based line of the value at `path` (keys and list indexes), or of its nearest ancestor."""
        node = self.node
        if node is None:
            return None
        line = node.start_mark.line + 1
        for key in path:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == str(key)), None)
                key_node = next((k for k, _ in node.value if k.value == str(key)), None)
                if match is None or key_node is None:
                    break
                node, line = match, key_node.start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def error(self, message: str, path: Sequence[str | int] = ()) -> MissionGateError:
        return MissionGateError(message, source=self.source, line=self.line_of(path))


def _check_expansion(root: yaml.Node | None, source: str) -> None:
    """Refuse YAML whose aliases add more than MAX_EXPANDED_NODES values or refer to themselves.

    Counts without expanding: each node's expanded size is computed once (depth-first, without recursion,
    since libyaml allows nesting deeper than Python's recursion limit) and reused wherever it is aliased. A
    subtree holds at most as many distinct nodes as have been sized so far, so what its size exceeds that by
    is at least what aliases add.
    """
    sizes: dict[int, int] = {}
    started: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)] if root is not None else []
    while stack:
        node, finished = stack.pop()
        children = _children(node)
        if finished:
            size = 1 + sum(sizes[id(child)] for child in children)
            if size - len(sizes) - 1 > MAX_EXPANDED_NODES:
                raise MissionGateError(
                    f"YAML expands to more than {MAX_EXPANDED_NODES} values (aliases repeated too often)",
                    source=source,
                )
            sizes[id(node)] = size
            continue
        if id(node) in sizes:
            continue
        if id(node) in started:
            raise MissionGateError("YAML alias refers to a value containing itself", source=source)
        started.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []


def read_yaml(path: str | Path) -> YamlDocument:
    """Read a YAML file; missing, unreadable, oversized or non-UTF-8 files raise MissionGateError."""
    path = Path(path)
    raw = read_input(path, MAX_YAML_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MissionGateError("not a UTF-8 text file", source=path) from None
    return YamlDocument(text, str(path))


def parse_yaml(text: str, source: str = "<input>") -> YamlDocument:
    return YamlDocument(text, source)


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write via a temporary file and rename, so a crash never leaves a half-written file."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise MissionGateError(f"cannot write file: {exc.strerror}", source=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
