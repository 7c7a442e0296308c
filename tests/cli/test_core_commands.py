"""The CLI as a user runs it: real processes, exit codes, files written or left untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from missiongate.doctrine.loader import builtin_ids
from tests.doctrine.files import ministry_directory
from tests.support.processes import ROOT, run

EXAMPLES = ROOT / "examples"


def test_assess_json_has_the_documented_fields() -> None:
    result = run(
        "assess", str(EXAMPLES / "gaza-isf-inquiry.yaml"), "--doctrine", "azerbaijan", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "CLARIFICATION_REQUIRED" and data["provisional"] is False
    assert {"id", "kind", "status"} <= set(data["rules"][0])
    assert {"fact", "question", "theme"} <= set(data["questions"][0])
    assert len(data["questions"]) > 20


def test_assess_text_and_markdown() -> None:
    text = run("assess", str(EXAMPLES / "gaza-isf-peace-enforcement.yaml"), "-d", "azerbaijan")
    assert text.returncode == 0 and "Decline" in text.stdout and "A1" in text.stdout
    md = run("assess", str(EXAMPLES / "gaza-isf-peace-enforcement.yaml"), "-d", "azerbaijan", "-f", "md")
    assert "## Verdict: Decline" in md.stdout and "**Source (stated by the source):** President" in md.stdout


def test_questions_xlsform_written(tmp_path: Path) -> None:
    out = tmp_path / "q.xlsx"
    result = run(
        "questions",
        str(EXAMPLES / "gaza-isf-inquiry.yaml"),
        "-d",
        "azerbaijan",
        "-f",
        "xlsform",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).sheetnames == ["survey", "choices", "settings"]


def test_answer_merges_and_reports_the_new_verdict(tmp_path: Path) -> None:
    mission = Path(shutil.copy(EXAMPLES / "gaza-isf-inquiry.yaml", tmp_path / "m.yaml"))
    result = run(
        "answer", str(mission), str(EXAMPLES / "answers" / "gaza-first-answers.yaml"), "-d", "azerbaijan"
    )
    assert result.returncode == 0, result.stderr
    assert "CLARIFICATION_REQUIRED -> DECLINE" in result.stdout
    assert "peace_enforcement" in mission.read_text()


def test_answer_metadata_from_options_for_form_exports(tmp_path: Path) -> None:
    mission = Path(shutil.copy(EXAMPLES / "gaza-isf-inquiry.yaml", tmp_path / "m.yaml"))
    answers = tmp_path / "export.csv"
    answers.write_text("start,theme_1/operation__type\n2026-02-01T10:00,stabilization\n")
    result = run(
        "answer",
        str(mission),
        str(answers),
        "--answered-by",
        "Embassy",
        "--channel",
        "note verbale",
        "--received",
        "2026-02-03",
    )
    assert result.returncode == 0, result.stderr
    text = mission.read_text()
    assert "answered_by: Embassy" in text and "channel: note verbale" in text and "2026-02-03" in text


def test_bad_answers_leave_the_mission_untouched(tmp_path: Path) -> None:
    mission = Path(shutil.copy(EXAMPLES / "gaza-isf-inquiry.yaml", tmp_path / "m.yaml"))
    before = mission.read_bytes()
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  operation.type: war\n")
    result = run("answer", str(mission), str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert mission.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id: x\ntitle: t\nfacts:\n  operation.kind: war\n", ":4: unknown fact id 'operation.kind'"),
        ("id: x\ntitle: [\n", "malformed YAML"),
        ("id: x\ntitle: t\nfacts:\n  contingent.size: many\n", "not a whole number"),
    ],
)
def test_bad_mission_gives_one_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    mission = tmp_path / "m.yaml"
    mission.write_text(content)
    result = run("assess", str(mission), "-d", "azerbaijan")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_unknown_doctrine_and_missing_file(tmp_path: Path) -> None:
    assert run("assess", str(EXAMPLES / "gaza-isf-inquiry.yaml"), "-d", "atlantis").returncode == 2
    assert run("assess", str(tmp_path / "none.yaml"), "-d", "azerbaijan").returncode == 2


def test_doctrine_subcommands(tmp_path: Path) -> None:
    listed = run("doctrine", "list")
    assert listed.returncode == 0 and "azerbaijan" in listed.stdout and "japan" in listed.stdout
    tested = run("doctrine", "test")
    assert tested.returncode == 0 and " 0 failed" in tested.stdout
    schema = json.loads(run("doctrine", "schema").stdout)
    assert schema["title"] == "Doctrine" and "rules" in schema["properties"]
    shown = run("doctrine", "show", "japan")
    assert "Five Principles" in shown.stdout and "Article 9" in shown.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\n")
    validated = run("doctrine", "validate", str(bad))
    assert validated.returncode == 2 and "bad.yaml" in validated.stderr


def test_doctrine_list_with_a_directory_shows_origins_and_rejected_files(tmp_path: Path) -> None:
    directory = ministry_directory(tmp_path / "doctrines")
    result = run("doctrine", "list", "--dir", str(directory))
    assert result.returncode == 0, result.stderr  # bad files are reported, not fatal
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [*builtin_ids(), "ruritania"]
    assert lines[1].endswith("[builtin]") and lines[-1].startswith("ruritania ")
    assert "2026.1" in lines[-1]
    assert lines[-1].endswith("[ruritania.yaml]")
    assert "rejected: broken.yaml:14: rule R1: condition refers to unknown fact 'operation.flavour'" in (
        result.stderr
    )
    assert "rejected: japan-2027.yaml: doctrine id 'japan' is taken by a built-in doctrine" in result.stderr
    assert f"{directory}: 1 loaded, 2 rejected" in result.stderr
    plain = run("doctrine", "list")
    assert plain.returncode == 0 and "ruritania" not in plain.stdout and "[" not in plain.stdout


def test_doctrine_list_refuses_an_unusable_directory(tmp_path: Path) -> None:
    missing = run("doctrine", "list", "--dir", str(tmp_path / "missing"))
    assert missing.returncode == 2 and "missing: doctrines directory does not exist" in missing.stderr
    (tmp_path / "file.yaml").write_text("id: x\n")
    not_a_dir = run("doctrine", "list", "--dir", str(tmp_path / "file.yaml"))
    assert not_a_dir.returncode == 2 and "is not a directory" in not_a_dir.stderr
    assert not missing.stdout and not not_a_dir.stdout


def test_doctrine_test_fails_on_a_wrong_case(tmp_path: Path) -> None:
    source = (ROOT / "src/missiongate/doctrine/builtin/un-principles.yaml").read_text()
    broken = tmp_path / "un.yaml"
    broken.write_text(source.replace("expect: {verdict: ACCEPTABLE,", "expect: {verdict: DECLINE,"))
    result = run("doctrine", "test", str(broken))
    assert result.returncode == 1 and "FAIL" in result.stdout


def test_compare_matrix() -> None:
    result = run("compare", str(EXAMPLES / "observer-mission-consent.yaml"), "-f", "json")
    rows = {r["doctrine"]: r["verdict"] for r in json.loads(result.stdout)["results"]}
    assert set(rows) == set(builtin_ids())
    # a fully specified, consent-based observer mission: never "ask first" for the doctrines that cover it
    assert rows["un-principles"] == "ACCEPTABLE"
    assert rows["azerbaijan"] == "ACCEPTABLE_WITH_CONDITIONS"
    assert rows["japan"] == "ACCEPTABLE"  # withdrawal is a statutory prerequisite (J4), not a condition


CONTRADICTORY = """id: contradictory
title: Contradictory
version: "1"
effective: 2026-01-01
sources: [{id: s, citation: a law, kind: law}]
rules:
  - id: R1
    kind: red_line
    title: No combat roles
    rationale: test
    source: {document: s, pinpoint: Art. 1}
    require: {not: {fact: contingent.roles, contains_any: [combat_infantry]}}
  - id: C1
    kind: condition
    title: A combat role
    rationale: test
    source: {document: s, pinpoint: Art. 2}
    require: {fact: contingent.roles, contains_all: [combat_infantry]}
"""


def test_a_contradictory_doctrine_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "contradictory.yaml"
    path.write_text(CONTRADICTORY)
    result = run("doctrine", "validate", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: {path}:13: condition C1 can never be met without crossing rule(s) R1"
    )


def test_consent_answered_for_an_unknown_party_records_nothing(tmp_path: Path) -> None:
    mission = tmp_path / "case.yaml"
    mission.write_text("id: m\ntitle: m\nparties:\n  - {id: gov, name: Government, role: host_authority}\n")
    before = mission.read_text()
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n  consent.party.rebels: withheld\n")
    result = run("answer", str(mission), str(answers), "-d", "azerbaijan")
    assert result.returncode == 2 and "no party 'rebels' in the case" in result.stderr
    assert "Traceback" not in result.stderr and mission.read_text() == before
    answers.write_text("answers:\n  consent.party.gov: withdrawn\n  contingent.deployed: true\n")
    recorded = run("answer", str(mission), str(answers), "-d", "azerbaijan")
    assert recorded.returncode == 0, recorded.stderr
    assert "WITHDRAW" in recorded.stdout


@pytest.mark.parametrize("command", ["assess", "analyze", "claims-extract"])
def test_devices_and_fifos_give_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "input.yaml"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo)):
        args = {"assess": ["assess", target, "-d", "azerbaijan"], "analyze": ["analyze", target]}
        result = run(*args.get(command, ["claims", "extract", target]))
        assert result.returncode == 2, result.stderr
        assert "not a regular file" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_yaml_alias_bomb_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join([*lines, "answers:", "  operation.type: *l8", ""]))
    mission = Path(shutil.copy(EXAMPLES / "gaza-isf-inquiry.yaml", tmp_path / "mission.yaml"))
    before = mission.read_bytes()
    result = run("answer", str(mission), str(bomb), "-d", "azerbaijan")
    assert result.returncode == 2 and "expands to more than" in result.stderr
    assert mission.read_bytes() == before


def test_malformed_pdf_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    from tests.analyzer.helpers import TEXT_STREAM, raw_pdf

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(raw_pdf("/Filter /NoSuchDecode", TEXT_STREAM))
    result = run("analyze", str(broken))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "PDF" in result.stderr


def test_a_corrupt_database_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    corrupt = tmp_path / "missiongate.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    env = {
        **os.environ,
        "MISSIONGATE_DATABASE_URL": f"sqlite:///{corrupt}",
        "MISSIONGATE_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "missiongate.cli.app", "audit", "verify"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, env=env,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert (
        result.stderr.startswith("error: the database cannot be used")
        and len(result.stderr.splitlines()) == 1
    )
