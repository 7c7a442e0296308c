from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from missiongate.analyzer.analysis import analyze_file
from missiongate.analyzer.mandate_eval import Summary, evaluate_mandates, same_value
from missiongate.analyzer.mandate_labels import FIELDS, TaskLabel, load_labels, paragraph_id, read_label
from missiongate.analyzer.summary import summarise
from missiongate.errors import MissionGateError
from tests.analyzer.helpers import DATA

TEXT = DATA / "pema" / "texts" / "S_RES_2147_2014.txt"  # a development text (MONUSCO)
FIELDS_2147: dict[str, Any] = {
    "chapter_vii": True, "chapter_vii_scope": "whole_resolution", "force_authorised": True,
    "force_addressee": "un_operation", "force_for": [], "consent_host_state": None, "consent_parties": None,
    "operation_action": "extend", "operation_name": "MONUSCO", "end_date": "2015-03-31",
    "ceiling_military": 20575, "ceiling_police": 1441, "operation_type": "peace_enforcement",
    "protection_of_civilians": True, "peace_agreements": [],
}  # fmt: skip


def _label(directory: Path, split: str = "dev", **changes: Any) -> Path:
    data = {
        "resolution": "S/RES/2147 (2014)", "file": TEXT.name, "mission": "MONUSCO", "split": split,
        "fields": {**FIELDS_2147, **changes},
        "tasks": [{"task": "CivProtect", "modality": "Security", "paragraph": "4(a)(i)"},
                  {"task": "Gender", "modality": "Assist", "paragraph": "27"}],
    }  # fmt: skip
    path = directory / f"S_RES_2147_2014_{split}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_labels_are_read_and_normalised(tmp_path: Path) -> None:
    label = read_label(_label(tmp_path))
    assert label.fields["end_date"] == "2015-03-31" and label.fields["force_for"] == ()
    assert TaskLabel("CivProtect", "Security", "4ai") in label.tasks


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"chapter_vii": "yes"}, "chapter_vii"), ({"ceiling_military": "many"}, "ceiling_military"),
     ({"end_date": "soon"}, "end_date"), ({"operation_action": "pause"}, "operation_action")],
)  # fmt: skip
def test_bad_labels_are_one_clear_error(tmp_path: Path, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(MissionGateError, match=message):
        read_label(_label(tmp_path, **changes))


def test_each_split_is_its_original_labels_and_the_added_ones(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    labels.mkdir()
    data = yaml.safe_load(_label(labels).read_text(encoding="utf-8"))
    added = {**data, "resolution": "S/RES/9999 (2025)", "file": "S_RES_9999_2025.txt"}
    (labels / "S_RES_9999_2025.yaml").write_text(yaml.safe_dump(added), encoding="utf-8")
    fresh = {**data, "resolution": "S/RES/9998 (2025)", "file": "S_RES_9998_2025.txt", "split": "test"}
    (labels / "S_RES_9998_2025.yaml").write_text(yaml.safe_dump(fresh), encoding="utf-8")
    old = {**data, "resolution": "S/RES/9997 (2025)", "file": "S_RES_9997_2025.txt", "split": "test"}
    (labels / "S_RES_9997_2025.yaml").write_text(yaml.safe_dump(old), encoding="utf-8")
    listed = {
        "added_dev": [{"file": "S_RES_9999_2025.txt", "mission": "X", "split": "dev"}],
        "added_test": [{"file": "S_RES_9998_2025.txt", "mission": "Y", "split": "test"}],
    }
    (tmp_path / "split.yaml").write_text(yaml.safe_dump(listed), encoding="utf-8")

    def files(split: str) -> list[str]:
        return [label.file for label in load_labels(labels, split)]

    assert files("dev-added") == ["S_RES_9999_2025.txt"]
    assert files("dev-original") == [TEXT.name]
    assert sorted(files("dev")) == sorted([TEXT.name, "S_RES_9999_2025.txt"])
    assert files("test-added") == ["S_RES_9998_2025.txt"]
    assert files("test-original") == ["S_RES_9997_2025.txt"]
    assert files("test") == ["S_RES_9997_2025.txt", "S_RES_9998_2025.txt"]
    (tmp_path / "split.yaml").unlink()  # nothing added: an empty part is refused, not scored 0.0
    with pytest.raises(MissionGateError, match="no label of the dev-added split"):
        load_labels(labels, "dev-added")


def test_scoring_fields_tasks_and_modalities(tmp_path: Path) -> None:
    _label(tmp_path)
    [label] = load_labels(tmp_path, "dev")
    perfect = Summary(dict(label.fields), label.tasks)
    assert evaluate_mandates([label], lambda _: perfect, "dev").field_accuracy == 1.0
    wrong = Summary(
        {**label.fields, "ceiling_police": 1050},
        (TaskLabel("CivProtect", "Assist", "4ai"), TaskLabel("HumanRights", "Monitor", "5d")),
    )
    report = evaluate_mandates([label], lambda _: wrong, "dev")
    assert report.field_accuracy == pytest.approx(14 / 15)
    assert (report.tasks.tp, report.tasks.fp, report.tasks.fn) == (1, 1, 1)
    assert (report.pairs, report.modality_hits) == (1, 0)
    assert "ceiling_police: gold 1441 predicted 1050" in report.rows[0]["errors"]


def test_the_analyzer_on_a_development_text(tmp_path: Path) -> None:
    _label(tmp_path)
    report = evaluate_mandates(load_labels(tmp_path), lambda label: summarise(analyze_file(TEXT)), "dev")
    assert report.field_hits["operation_name"] == report.field_hits["ceiling_police"] == 1


def test_agreement_names_match_by_words() -> None:
    gold = ("Revitalized Agreement on the Resolution of the Conflict in the Republic of South Sudan",)
    cited = ("the Revitalized Agreement on the Resolution of the Conflict in the Republic of South Sudan",)
    assert same_value("peace_agreements", gold, cited)
    assert not same_value("peace_agreements", gold, ("Comprehensive Peace Agreement",))
    assert not same_value("peace_agreements", gold, ())


@given(st.from_regex(r"[1-9][0-9]?(\([a-h]\))?(\((i|ii|iii|iv)\))?", fullmatch=True))
def test_paragraph_ids_compare_as_the_analyzer_writes_them(printed: str) -> None:
    normalised = paragraph_id(printed)
    assert "(" not in normalised and paragraph_id(normalised) == normalised
    assert normalised.startswith(printed.split("(")[0])


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "missiongate.cli.app", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=DATA.parent)


def test_cli_dev_details_and_test_aggregates_only(tmp_path: Path) -> None:
    labels, texts = tmp_path / "labels", tmp_path / "texts"
    labels.mkdir()
    texts.mkdir()
    shutil.copy(TEXT, texts)
    _label(labels, "dev")
    _label(labels, "test")
    common = ("--labels", str(labels), "--texts", str(texts), "--format", "json")
    dev = json.loads(_run("eval", "mandates", "--split", "dev", *common).stdout)
    test = json.loads(_run("eval", "mandates", "--split", "test", *common).stdout)
    assert dev["n_resolutions"] == test["n_resolutions"] == 1 and "resolutions" in dev
    assert "resolutions" not in test and set(test["per_field"]) == set(FIELDS)
    for part, added in (("test-original", []), ("test-added", [{"file": TEXT.name}])):
        (tmp_path / "split.yaml").write_text(yaml.safe_dump({"added_test": added}), encoding="utf-8")
        scored = json.loads(_run("eval", "mandates", "--split", part, *common).stdout)
        assert scored["n_resolutions"] == 1 and "resolutions" not in scored  # held out: aggregates only
    missing = _run("eval", "mandates", "--labels", str(tmp_path / "none"), "--texts", str(texts))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def test_cli_scores_a_second_coder_on_the_resolutions_it_labelled(tmp_path: Path) -> None:
    labels, coder, elsewhere = tmp_path / "labels", tmp_path / "coder", tmp_path / "elsewhere"
    for directory in (labels, coder, elsewhere):
        directory.mkdir()
    _label(labels, "dev")
    _label(labels, "test")
    gold = yaml.safe_load(_label(tmp_path).read_text(encoding="utf-8"))
    unlabelled = {**gold, "file": "S_RES_9999_2025.txt"}
    (labels / "S_RES_9999_2025.yaml").write_text(yaml.safe_dump(unlabelled), encoding="utf-8")
    _label(coder, "dev", ceiling_police=1050)
    (elsewhere / "S_RES_9999_2025.yaml").write_text(yaml.safe_dump(unlabelled), encoding="utf-8")
    common = ("--labels", str(labels), "--texts", str(tmp_path / "no-texts"), "--format", "json")
    dev = json.loads(_run("eval", "mandates", "--split", "dev", "--coder", str(coder), *common).stdout)
    assert dev["n_resolutions"] == 1 and dev["field_accuracy"] == round(14 / 15, 4)
    assert dev["task_f1"] == dev["modality_accuracy"] == 1.0
    assert dev["resolutions"][0]["errors"] == ["ceiling_police: gold 1441 predicted 1050"]
    test = json.loads(_run("eval", "mandates", "--split", "test", "--coder", str(coder), *common).stdout)
    assert test["n_resolutions"] == 1 and "resolutions" not in test
    apart = _run("eval", "mandates", "--split", "test", "--coder", str(elsewhere), *common)
    assert apart.returncode == 2 and "share no resolution" in apart.stderr and apart.stderr.count("\n") == 1


def test_the_dev_labels_rescored() -> None:
    """The dev split's figures in docs/analyzer.md (round 8: 0.99 / 0.90 / 0.96 on the 78 dev resolutions,
    the 26 original and the 52 added in two rounds; the decision fields 0.992), less a margin: a change
    that loses more than that fails here."""
    labels = load_labels(DATA / "modern" / "labels", "dev")
    texts = DATA / "modern" / "texts"
    report = evaluate_mandates(labels, lambda label: summarise(analyze_file(texts / label.file)), "dev")
    assert report.n_resolutions >= 78
    assert report.field_accuracy >= 0.985
    assert report.tasks.f1 >= 0.89
    assert report.modality_accuracy >= 0.95
