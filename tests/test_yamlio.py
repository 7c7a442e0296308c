"""read_yaml: values written out are bounded by the file size alone, values added by aliases by a count."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate.errors import MissionGateError
from missiongate.yamlio import MAX_EXPANDED_NODES, read_yaml


def test_a_large_file_without_aliases_is_read(tmp_path: Path) -> None:
    """A labelled set holds more values than the alias limit, none of them added by an alias."""
    path = tmp_path / "large.yaml"
    rows = MAX_EXPANDED_NODES // 4 + 1
    path.write_text("items:\n" + "".join(f"- {{id: i{n}, v: {n}}}\n" for n in range(rows)))
    assert len(read_yaml(path).data["items"]) == rows


def test_aliases_that_add_more_than_the_limit_are_refused_even_in_a_large_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    rows = "".join(f"- {{id: i{n}}}\n" for n in range(MAX_EXPANDED_NODES // 3))
    block = "big: &big [" + ",".join(["x"] * 1000) + "]\n"
    aliases = "many: [" + ",".join(["*big"] * (MAX_EXPANDED_NODES // 1000 + 1)) + "]\n"
    path.write_text(block + aliases + "items:\n" + rows)
    with pytest.raises(MissionGateError, match="expands to more than"):
        read_yaml(path)
