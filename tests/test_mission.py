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


PARTIES = """id: m
title: m
parties:
  - {id: gov, name: Government, role: host_authority, consent: {status: given, source: letter}}
  - {id: front, name: Liberation Front, role: main_party, consent: {status: partial, scope: ceasefire only}}
  - {id: militia, name: A militia, role: other_party, consent: {status: withheld, reported: true}}
"""


def test_consent_is_derived_per_party(tmp_path: Path) -> None:
    mission = load_mission(write(tmp_path, PARTIES))
    assert mission.values["consent.host_state"] is True
    assert mission.values["consent.main_parties"] is False  # partial consent is not consent to the whole
    assert mission.values["consent.all_parties"] is False
    assert "ceasefire only" in (mission.record("consent.main_parties").source or "")
    assert "consent.all_parties" not in mission.unsettled_facts()  # decided by the front, not the report
    assert "facts" not in save_and_reload(tmp_path, mission).get("parties", [{}])[0]


def save_and_reload(tmp_path: Path, mission: object) -> dict[str, object]:
    import yaml

    path = tmp_path / "saved.yaml"
    save_mission(mission, path)  # type: ignore[arg-type]
    data: dict[str, object] = yaml.safe_load(path.read_text())
    assert load_mission(path).values == load_mission(path).values
    return data


def test_several_host_authorities_and_unknown_consent(tmp_path: Path) -> None:
    text = PARTIES.replace("role: main_party", "role: host_authority").replace(
        "status: partial, scope: ceasefire only", "status: unknown"
    )
    mission = load_mission(write(tmp_path, text))
    assert "consent.host_state" not in mission.values  # one host authority given, the other unknown


def test_consent_set_directly_against_the_parties_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, PARTIES + "facts:\n  consent.host_state: false\n")
    with pytest.raises(MissionGateError) as caught:
        load_mission(path)
    assert caught.value.line == 8 and "record consent per party only" in str(caught.value)


def test_a_party_recorded_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="party 'gov' is recorded twice"):
        load_mission(
            write(tmp_path, PARTIES + PARTIES.split("parties:\n")[1].splitlines()[0].join(["", "\n"]))
        )


def test_a_deprecated_fact_is_read_under_its_new_id_with_a_warning(tmp_path: Path) -> None:
    mission = load_mission(write(tmp_path, "id: m\ntitle: m\nfacts:\n  request.received: 2026-01-03\n"))
    assert str(mission.values["request.date"]) == "2026-01-03" and "request.received" not in mission.facts
    assert len(mission.warnings) == 1 and "read as request.date" in mission.warnings[0]
    assert ":4:" in mission.warnings[0]


def test_consent_of_a_wider_group_implies_the_narrower(tmp_path: Path) -> None:
    """All parties consenting means the main parties and the host do; the host refusing, that they do not."""
    mission = load_mission(
        write(tmp_path, "id: m\ntitle: m\nfacts:\n  consent.all_parties: {value: true, status: proposed}\n")
    )
    assert mission.values["consent.main_parties"] is True and mission.values["consent.host_state"] is True
    assert {
        "consent.main_parties",
        "consent.host_state",
    } <= mission.unsettled_facts()  # as proposed as its premise
    refused = load_mission(write(tmp_path, "id: m\ntitle: m\nfacts:\n  consent.host_state: false\n"))
    assert refused.values["consent.main_parties"] is False and refused.values["consent.all_parties"] is False
    assert (
        "consent.main_parties" not in refused.facts
    )  # implied, not recorded: saving writes only what was given
