"""Mission files: provenance in the long form, unknown = absent, and clear errors with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate import FactStatus, MissionGateError, load_mission, save_mission
from missiongate.mission import mission_from_data

GOOD = """\
id: test-mission
title: Test
facts:
  operation.type: stabilization
  consent.host_state:
    value: true
    status: proposed
    source: S/RES/9999 (2030)
    date: 2030-01-01
    evidence: {quote: "with the consent of the Government", paragraph: "3", start: 10, end: 45}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mission.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_short_and_long_forms(tmp_path: Path) -> None:
    mission = load_mission(write(tmp_path, GOOD))
    assert mission.values == {"operation.type": "stabilization", "consent.host_state": True}
    record = mission.facts["consent.host_state"]
    assert record.status is FactStatus.PROPOSED and record.evidence and record.evidence.start == 10
    assert mission.proposed_facts() == {"consent.host_state"}
    assert "proposed" in record.provenance()


def test_round_trip_keeps_provenance(tmp_path: Path) -> None:
    mission = load_mission(write(tmp_path, GOOD))
    out = tmp_path / "out.yaml"
    save_mission(mission, out)
    again = load_mission(out)
    assert again == mission


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("id: x\ntitle: t\nfacts:\n  operation.kind: war\n", 4, "unknown fact id 'operation.kind'"),
        ("id: x\ntitle: t\nfacts:\n  operation.type: war\n", 4, "'war' is not one of"),
        ("id: x\ntitle: t\nfacts:\n  contingent.size:\n    value: lots\n", 5, "not a whole number"),
        ("id: x\ntitle: t\nfacts:\n  consent.host_state: {value: true, status: maybe}\n", 4, "status"),
        ("id: x\ntitle: t\nfacts: [1, 2]\n", 3, "'facts' must be a mapping"),
        ("id: x\ntitle: t\nfacts:\n  a: [unclosed\n", 5, "malformed YAML"),
        ("title: t\n", 1, "has no 'id'"),
        ("id: x\ntitle: t\ncolour: red\n", 3, "unknown key 'colour'"),
    ],
)
def test_bad_mission_files_name_file_line_and_problem(
    tmp_path: Path, text: str, line: int | None, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(MissionGateError) as caught:
        load_mission(path)
    assert message in caught.value.message
    assert caught.value.source == str(path)
    assert caught.value.line == line


def test_not_utf8_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(MissionGateError, match="UTF-8"):
        load_mission(binary)
    with pytest.raises(MissionGateError, match="cannot read"):
        load_mission(tmp_path / "missing.yaml")


def test_data_from_the_api_is_validated_the_same_way() -> None:
    with pytest.raises(MissionGateError, match=r"contingent\.size"):
        mission_from_data({"id": "x", "title": "t", "facts": {"contingent.size": "many"}}, "<api>")
