"""`missiongate paths` and `missiongate forcegen` as a user runs them: real processes, exit codes, shapes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import yaml

from missiongate import evaluate, load_builtin, load_mission
from tests.conftest import EXAMPLES
from tests.support.processes import run

SITE = str(EXAMPLES / "site-protection-chapter7.yaml")
CHANGE_KEYS = {"fact", "from", "to", "controlled_by"}


def test_paths_json_has_the_documented_shape() -> None:
    result = run(
        "paths", str(EXAMPLES / "realistic" / "unifil-2006-hard-terms.yaml"), "-d", "japan", "-f", "json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "DECLINE" and data["complete"] is True and data["blocked"] == []
    best = data["paths"][0]
    assert best["verdict"] in {"ACCEPTABLE", "ACCEPTABLE_WITH_CONDITIONS", "NOT_COVERED"}
    assert all(set(c) >= CHANGE_KEYS for c in best["changes"])
    changes = {c["fact"]: c for c in best["changes"]}
    assert changes["contingent.withdrawal_right"] == {
        "fact": "contingent.withdrawal_right",
        "from": False,
        "to": True,
        "controlled_by": "requesting_party",
    }
    assert changes["consent.to_contributor"]["from"] is None
    assert "only if consent to this country's participation" in best["only_if"]


def test_paths_markdown_groups_changes_by_who_controls_them() -> None:
    result = run("paths", str(EXAMPLES / "gaza-isf-inquiry.yaml"), "-d", "azerbaijan", "-f", "md", "-n", "1")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Path to yes: ")
    for heading in ("we decide:", "the requesting party or lead:", "the Security Council:", "nobody"):
        assert heading in text
    assert "Roles requested of the contingent: Protection of strategic sites" in text
    assert re.search(r"\(showing the best 1 of [2-9]\)", text)


def test_forcegen_json_and_csv() -> None:
    result = run("forcegen", SITE, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    rows = {d["doctrine"]: d for d in data["doctrines"]}
    assert rows["azerbaijan"]["verdict"] == "ACCEPTABLE_WITH_CONDITIONS"
    assert rows["azerbaijan"]["best_path"]["changes"] == []
    expected = evaluate(load_builtin("azerbaijan"), load_mission(SITE)).conditions
    assert [c["rule"] for c in rows["azerbaijan"]["conditions"]] == [o.rule.id for o in expected]
    for change in data["mandate_changes"]:
        assert set(change) == {"changes", "gains", "losses"}
        assert all(c["controlled_by"] == "council" for c in change["changes"])
    assert any(c["losses"] == ["azerbaijan"] for c in data["mandate_changes"])
    table = list(csv.DictReader(io.StringIO(run("forcegen", SITE, "-f", "csv").stdout)))
    assert [r["doctrine"] for r in table] == [d["doctrine"] for d in data["doctrines"]]


def test_a_doctrine_with_no_path_says_so_plainly(tmp_path: Path) -> None:
    doctrine = {
        "id": "no-arab-world",
        "title": "No deployments to the Arab world",
        "version": "1",
        "effective": "2026-01-01",
        "sources": [{"id": "s", "citation": "test"}],
        "rules": [
            {
                "id": "R1",
                "kind": "red_line",
                "title": "Not in the Arab world",
                "rationale": "test",
                "source": {"document": "s"},
                "require": {"not": {"fact": "operation.host_region", "is": "arab_world"}},
            }
        ],
    }
    mission = {"id": "m", "title": "An operation", "facts": {"operation.host_region": "arab_world"}}
    (tmp_path / "d.yaml").write_text(yaml.safe_dump(doctrine))
    (tmp_path / "m.yaml").write_text(yaml.safe_dump(mission))
    result = run("paths", str(tmp_path / "m.yaml"), "-d", str(tmp_path / "d.yaml"))
    assert result.returncode == 0, result.stderr
    assert "No path to yes: R1 (Not in the Arab world): it turns on facts no one can change" in result.stdout


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    for args in (
        ("paths", SITE, "-d", "atlantis"),
        ("paths", str(tmp_path / "missing.yaml"), "-d", "japan"),
        ("forcegen", str(tmp_path / "missing.yaml")),
        ("paths", SITE, "-d", "japan", "--limit", "0"),
    ):
        result = run(*args)
        assert result.returncode == 2, (args, result.stdout)
        assert "Traceback" not in result.stderr and result.stdout == ""
