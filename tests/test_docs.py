"""The docs match the code: the README's figures table is the results files rendered; the workspace's
Settings and Commands tables name exactly the settings and the workspace commands that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer

from missiongate.cli import workspace_commands
from missiongate.settings import Settings
from tests.support.bench import BENCH, bench_module

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE_DOC = ROOT / "docs" / "workspace.md"


def _section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n#", 1)[0]


def test_readme_figures_are_the_results_files() -> None:
    table = bench_module("readme_table")
    readme = (ROOT / "README.md").read_text()
    assert table.updated(readme) == readme, "run .venv/bin/python bench/readme_table.py"


def test_results_rows_are_complete_and_ordered() -> None:
    rows = bench_module("results").load_rows()
    assert [row["order"] for row in rows] == list(range(1, len(rows) + 1))
    for row in rows:
        assert all(row[key].strip() for key in ("id", "what", "bar", "measured", "script")), row


def test_recording_a_run_updates_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    results = bench_module("results")
    source = json.loads((BENCH / "results" / "bench_core.json").read_text())
    (tmp_path / "bench_core.json").write_text(json.dumps(source))
    monkeypatch.setattr(results, "RESULTS", tmp_path)
    results.record("bench_core", "questionnaire", "1.0 ms", {"s": 0.001}, "2 cores")
    row = next(r for r in results.load_rows() if r["id"] == "questionnaire")
    assert (row["measured"], row["figures"], row["conditions"]) == ("1.0 ms", {"s": 0.001}, "2 cores")
    assert row["what"] == source["rows"][1]["what"]


def test_a_hand_edit_of_the_table_is_caught() -> None:
    table = bench_module("readme_table")
    readme = (ROOT / "README.md").read_text()
    edited = readme.replace("| <= 100 µs |", "| <= 99 µs |", 1)
    assert edited != readme and table.updated(edited) != edited


def test_settings_table_names_every_setting() -> None:
    section = _section(WORKSPACE_DOC.read_text(), "### Settings")
    documented = set(re.findall(r"`MISSIONGATE_([A-Z_]+)`", section)) - {"SETTINGS_FILE"}
    assert documented == {name.upper() for name in Settings.model_fields}


def _commands(app: typer.Typer, prefix: str = "") -> set[str]:
    names = {
        f"{prefix}{c.name or (c.callback.__name__ if c.callback else '')}" for c in app.registered_commands
    }
    for group in app.registered_groups:
        assert group.typer_instance is not None
        names |= _commands(group.typer_instance, f"{prefix}{group.name} ")
    return names


def test_commands_table_names_every_workspace_command() -> None:
    app = typer.Typer()
    workspace_commands.register(app)
    section = _section(WORKSPACE_DOC.read_text(), "### Commands")
    documented = set(re.findall(r"^\| `missiongate ([a-z]+(?: [a-z]+)?)", section, re.MULTILINE))
    assert documented == {name.replace("_", "-") for name in _commands(app)}
