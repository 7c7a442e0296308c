"""The doctrine registry: the built-in doctrines plus a directory of doctrine files; bad files reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import missiongate
from missiongate import MissionGateError, builtin_ids, load_builtin, load_doctrine
from missiongate.doctrine import BUILTIN, DoctrineRegistry, builtin_registry, load_registry
from tests.doctrine.files import ministry_directory, write_doctrine


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    return ministry_directory(tmp_path / "doctrines")


def test_without_a_directory_only_the_builtin_doctrines(directory: Path) -> None:
    registry = load_registry()
    assert registry is builtin_registry() and registry.ids == builtin_ids()
    assert {entry.origin for entry in registry} == {BUILTIN} and registry.rejected == ()
    assert registry.directory is None and registry.default_id == builtin_ids()[0]


def test_valid_files_load_beside_the_builtin_ones(directory: Path) -> None:
    registry = load_registry(directory)
    assert registry.ids == [*builtin_ids(), "ruritania"]
    entry = registry.entry("ruritania")
    assert entry.origin == "ruritania.yaml" and not entry.builtin
    doctrine = registry.get("ruritania")
    assert (doctrine.country, doctrine.version) == ("RUR", "2026.1")
    assert doctrine.content_hash == load_doctrine(directory / "ruritania.yaml").content_hash
    baseline = load_builtin("un-principles")
    assert [r.model_dump() for r in doctrine.rules] == [r.model_dump() for r in baseline.rules]
    assert registry.directory == directory and len(registry) == len(builtin_ids()) + 1


def test_bad_files_are_reported_with_file_line_and_reason_and_skipped(directory: Path) -> None:
    registry = load_registry(directory)
    reported = {rejected.file: rejected for rejected in registry.rejected}
    assert sorted(reported) == [
        "broken.yaml",
        "japan-2027.yaml",
    ]  # notes.txt, .draft.yaml: not doctrine files
    broken = reported["broken.yaml"]
    assert broken.line == 14 and "unknown fact 'operation.flavour'" in broken.reason
    assert str(broken) == "broken.yaml:14: rule R1: condition refers to unknown fact 'operation.flavour'"
    assert "broken" not in registry and "\n" not in str(broken)


def test_an_id_of_a_builtin_doctrine_never_shadows_it(directory: Path) -> None:
    registry = load_registry(directory)
    clash = next(r for r in registry.rejected if r.file == "japan-2027.yaml")
    assert "'japan' is taken by a built-in doctrine" in clash.reason and clash.line is None
    assert registry.origin("japan") == BUILTIN
    assert registry.get("japan").content_hash == load_builtin("japan").content_hash


def test_two_files_with_one_id_are_both_skipped(tmp_path: Path) -> None:
    write_doctrine(tmp_path, "ruritania.yaml", "ruritania", version="2026.1")
    write_doctrine(tmp_path, "ruritania-draft.yml", "ruritania", version="2027.1")
    write_doctrine(tmp_path, "freedonia.yaml", "freedonia")
    registry = load_registry(tmp_path)
    assert registry.ids == [*builtin_ids(), "freedonia"]
    clash = "doctrine id 'ruritania' is also the id in {}; no file with it is loaded"
    assert {r.file: r.reason for r in registry.rejected} == {
        "ruritania-draft.yml": clash.format("ruritania.yaml"),
        "ruritania.yaml": clash.format("ruritania-draft.yml"),
    }


def test_a_batch_goes_on_past_files_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "syntax.yaml").write_text("id: [ruritania\n  title: : x\n", encoding="utf-8")
    (tmp_path / "latin1.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    (tmp_path / "list.yml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    write_doctrine(tmp_path, "zz-last.yaml", "freedonia")
    registry = load_registry(tmp_path)
    assert "freedonia" in registry
    reasons = {r.file: str(r) for r in registry.rejected}
    assert reasons["syntax.yaml"].startswith("syntax.yaml:2: malformed YAML")
    assert reasons["latin1.yaml"] == "latin1.yaml: not a UTF-8 text file"
    assert reasons["list.yml"].startswith("list.yml:1: a doctrine file must be a mapping")
    assert reasons["folder.yaml"] == "folder.yaml: not a regular file"


def test_files_are_read_once_when_the_registry_is_built(directory: Path) -> None:
    registry = load_registry(directory)
    before = registry.get("ruritania")
    write_doctrine(directory, "ruritania.yaml", "ruritania", version="2026.2", country="RUR")
    assert registry.get("ruritania") is before and before.version == "2026.1"
    reloaded = load_registry(directory).get("ruritania")
    assert reloaded.version == "2026.2" and reloaded.content_hash != before.content_hash


def test_unknown_ids_name_what_is_offered(directory: Path) -> None:
    registry = load_registry(directory)
    with pytest.raises(
        MissionGateError, match=r"unknown doctrine 'atlantis' \(known: .*un-principles, ruritania\)"
    ):
        registry.get("atlantis")
    with pytest.raises(MissionGateError, match="unknown doctrine 'broken'"):
        registry.check("broken")
    assert registry.check("ruritania") == "ruritania"


def test_the_default_doctrine_stays_the_first_builtin_one(tmp_path: Path) -> None:
    write_doctrine(tmp_path, "aardvark.yaml", "aardvark")
    registry = load_registry(tmp_path)
    assert registry.default_id == builtin_ids()[0] and registry.ids[-1] == "aardvark"


def test_an_empty_directory_offers_the_builtin_doctrines(tmp_path: Path) -> None:
    registry = load_registry(tmp_path)
    assert registry.ids == builtin_ids() and registry.rejected == () and registry.directory == tmp_path


@pytest.mark.parametrize(("make", "problem"), [(None, "does not exist"), ("file", "is not a directory")])
def test_an_unusable_directory_is_an_error(tmp_path: Path, make: str | None, problem: str) -> None:
    target = tmp_path / "doctrines"
    if make == "file":
        target.write_text("x", encoding="utf-8")
    with pytest.raises(MissionGateError, match=f"doctrines directory {problem}") as raised:
        load_registry(target)
    assert raised.value.source == str(target)


def test_a_registry_never_holds_one_id_twice() -> None:
    entries = list(builtin_registry())
    with pytest.raises(ValueError, match="same id"):
        DoctrineRegistry([*entries, entries[0]])


def test_the_registry_is_part_of_the_public_core_api() -> None:
    assert missiongate.load_registry is load_registry and missiongate.DoctrineRegistry is DoctrineRegistry
