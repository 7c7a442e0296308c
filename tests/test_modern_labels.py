"""The blind labels of modern mandates (data/modern) keep their hashes, schema, split and citations.

Failure messages name the file and the field only, never a label's value: the test split stays unread.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

MODERN = Path(__file__).resolve().parent.parent / "data" / "modern"
LABELS = sorted((MODERN / "labels").glob("*.yaml"))
# A second coder's blind labels of some dev resolutions, to measure agreement: same schema, own hashes.
SECOND = sorted((MODERN / "second-coder").glob("*.yaml"))
# A second coder's blind labels of some held-out resolutions: the lead scores them, aggregates only.
SECOND_TEST = sorted((MODERN / "second-coder-test").glob("*.yaml"))

FIELDS = {
    "chapter_vii",
    "chapter_vii_scope",
    "force_authorised",
    "force_addressee",
    "force_for",
    "consent_host_state",
    "consent_parties",
    "operation_action",
    "operation_name",
    "end_date",
    "ceiling_military",
    "ceiling_police",
    "operation_type",
    "protection_of_civilians",
    "peace_agreements",
}
ENUMS: dict[str, set[str | None]] = {
    "chapter_vii_scope": {"whole_resolution", "section_only", "not_applicable"},
    "force_addressee": {"un_operation", "member_states", "regional_force", None},
    "operation_action": {"establish", "extend", "revise", "terminate", "none"},
    "operation_type": {
        "observer_mission",
        "traditional_peacekeeping",
        "multidimensional_peacekeeping",
        "robust_peacekeeping",
        "peace_enforcement",
        "stabilization",
        "training_mission",
        "humanitarian_support",
        None,
    },
}
FORCE_FOR = {
    "mandate",
    "protection_of_civilians",
    "self_defence",
    "defence_of_mandate",
    "area_security",
    "protection_of_infrastructure",
    "humanitarian_access",
    "airspace_control",
}
# The PEMA task codes of the project's domain notes, section 6.
PEMA_CODES = """
DisarmDemob Reintegration ControlSALW ArmsEmbargo CivProtect HumanRights ChildRights SGBViolence PoliceReform
MilitaryReform Demil OffensOper JusticeReform TransJustice CorrectionsReform BorderControl Demining Resources
StateAuthority Democratization ElectSec ElectAssist VoterEducation PolPartyAssist CivilSociety Media
PublicInfo PowerSharing Reconcil LocalReconcil RegReconcil EcDevelop HumanRelief PublicHealth RefugeeIDPs
Gender LegalReform Ceasefire PeaceProcess CulturalHeritage UseOfForce
"""
TASKS = set(PEMA_CODES.split())
MODALITIES = {"Monitor", "Assist", "Security", "Encouraged"}
CITATION = re.compile(r"(\d+)((?:\([a-z]+\))*)")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path.name
    return data


def _split_entries() -> dict[str, dict[str, str]]:
    split = _load(MODERN / "split.yaml")
    entries = [*split["resolutions"], *split.get("added_dev", []), *split.get("added_test", [])]
    by_file = {entry["file"]: entry for entry in entries}
    assert len(by_file) == len(entries), "a resolution is listed twice in split.yaml"
    return by_file


def test_every_label_file_has_its_recorded_hash() -> None:
    recorded: dict[str, str] = {}
    lines = (MODERN / "labels.sha256").read_text(encoding="utf-8").splitlines()
    for line in lines:
        digest, name = line.split("  ", 1)
        recorded[name] = digest
    assert [line.split("  ", 1)[1] for line in lines] == sorted(recorded), "labels.sha256 is not sorted"
    on_disk = {f"labels/{path.name}": path for path in LABELS}
    assert set(recorded) == set(on_disk)
    for name, path in on_disk.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[name], name


def test_every_second_coder_file_has_its_recorded_hash() -> None:
    lines = (MODERN / "second-coder" / "labels.sha256").read_text(encoding="utf-8").splitlines()
    recorded = dict(reversed(line.split("  ", 1)) for line in lines)
    assert set(recorded) == {path.name for path in SECOND} and SECOND
    for path in SECOND:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[path.name], path.name
        assert _load(path)["split"] == "dev", path.name  # the held-out ones live in second-coder-test/


def test_every_second_coder_test_file_has_its_recorded_hash() -> None:
    lines = (MODERN / "second-coder-test" / "labels.sha256").read_text(encoding="utf-8").splitlines()
    recorded = {
        name.removeprefix("data/modern/second-coder-test/"): digest
        for digest, name in (line.split("  ", 1) for line in lines)
    }
    assert set(recorded) == {path.name for path in SECOND_TEST} and SECOND_TEST
    for path in SECOND_TEST:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[path.name], path.name
        assert _load(path)["split"] == "test", path.name


def test_split_lists_each_labelled_text_once_and_no_group_falls_on_both_sides() -> None:
    split = _load(MODERN / "split.yaml")
    entries = _split_entries()
    assert {path.stem + ".txt" for path in LABELS} == set(entries)
    for entry in split["resolutions"]:
        assert split["missions"][entry["mission"]] == entry["split"], entry["file"]
    sides: dict[str, set[str]] = {}
    for entry in entries.values():
        sides.setdefault(entry["mission"], set()).add(entry["split"])
    assert all(len(side) == 1 for side in sides.values()), "a group has resolutions in dev and in test"
    for key, side in (("added_dev", "dev"), ("added_test", "test")):
        for entry in split.get(key, []):
            assert entry["split"] == side, entry["file"]
    for name in entries:
        assert (MODERN / "texts" / name).is_file(), name
        assert (MODERN / "texts" / name).with_suffix(".json").is_file(), name


@pytest.mark.parametrize(
    "path",
    LABELS + SECOND + SECOND_TEST,
    ids=[f"{p.parent.name}/{p.stem}" for p in LABELS + SECOND + SECOND_TEST],
)
def test_label_follows_the_schema(path: Path) -> None:
    label = _load(path)
    entry = _split_entries()[path.stem + ".txt"]
    assert label["file"] == entry["file"]
    assert (label["mission"], label["split"]) == (entry["mission"], entry["split"])
    number, year = path.stem.removeprefix("S_RES_").split("_")
    assert label["resolution"] == f"S/RES/{int(number)} ({year})"
    fields = label["fields"]
    assert set(fields) == FIELDS
    for name, allowed in ENUMS.items():
        assert fields[name] in allowed, name
    for name in ("chapter_vii", "force_authorised", "protection_of_civilians"):
        assert isinstance(fields[name], bool), name
    for name in ("consent_host_state", "consent_parties"):
        assert fields[name] in (True, False, None), name
    assert set(fields["force_for"]) <= FORCE_FOR, "force_for"
    if label["split"] == "dev":
        assert fields["force_authorised"] == bool(fields["force_for"]), "force_for"
        assert (fields["chapter_vii_scope"] == "not_applicable") == (not fields["chapter_vii"]), "scope"
    assert isinstance(label["notes"], str) and label["notes"].strip(), "notes"
    for task in label["tasks"]:
        assert task["task"] in TASKS and task["modality"] in MODALITIES, "task"


def _cited(text: str, citation: str) -> bool:
    """Whether paragraph N and its sub-paragraph markers, in order, are printed in the text."""
    match = CITATION.fullmatch(citation)
    if match is None:
        return False
    number, subs = int(match.group(1)), re.findall(r"\(([a-z]+)\)", match.group(2))
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(f"{number}. ")]
    if not starts:
        return False
    ends = [i for i, line in enumerate(lines) if i > starts[0] and line.startswith(f"{number + 1}. ")]
    position, end = starts[0], (ends[0] if ends else len(lines))
    for sub in subs:
        markers = (f"({sub}) ", f"{sub}. ", f"{sub}) ")
        found = [i for i in range(position + 1, end) if lines[i].startswith(markers)]
        if not found:
            return False
        position = found[0]
    return True


@pytest.mark.parametrize(
    "path",
    LABELS + SECOND + SECOND_TEST,
    ids=[f"{p.parent.name}/{p.stem}" for p in LABELS + SECOND + SECOND_TEST],
)
def test_cited_paragraphs_exist_in_the_text(path: Path) -> None:
    text = (MODERN / "texts" / f"{path.stem}.txt").read_text(encoding="utf-8")
    for task in _load(path)["tasks"]:
        assert _cited(text, task["paragraph"]), path.name


def test_citation_check_rejects_a_missing_sub_paragraph() -> None:
    text = "1. Decides:\n(a) first;\n(i) one;\n2. Requests:\n(b) second;\n"
    assert _cited(text, "1(a)(i)")
    assert not _cited(text, "1(b)")
    assert not _cited(text, "3")
    assert not _cited(text, "para 1")
