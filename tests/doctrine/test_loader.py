"""Doctrine files: schema, references to the catalogue, and one clear error per problem."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from missiongate import MissionGateError, builtin_ids, load_doctrine
from missiongate.doctrine import doctrine_json_schema
from missiongate.doctrine.loader import BUILTIN_DIR, load_builtin

HEADER = """\
id: test
title: Test doctrine
version: "1"
effective: 2026-01-01
sources:
  - {id: s, citation: A statute}
rules:
"""
RULE = """\
  - id: R1
    kind: red_line
    title: No peace enforcement
    rationale: because
    source: {document: s}
    require:
      not: {fact: operation.type, is: peace_enforcement}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doctrine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_doctrine_file_loads(tmp_path: Path) -> None:
    doctrine = load_doctrine(write(tmp_path, HEADER + RULE))
    assert doctrine.rules[0].facts == {"operation.type"}
    assert len(doctrine.content_hash) == 64


@pytest.mark.parametrize(
    ("rules", "line", "message"),
    [
        (RULE + RULE, None, "duplicate rule id 'R1'"),
        (
            RULE.replace("not: {fact: operation.type, is: peace_enforcement}", "all: []"),
            14,
            "at least 1 item",
        ),
        (RULE.replace("operation.type", "operation.kind"), 14, "unknown fact 'operation.kind'"),
        (RULE.replace("peace_enforcement", "war"), 14, "'war' is not one of"),
        (
            RULE.replace("is: peace_enforcement", "at_least: peace_enforcement"),
            14,
            "'at_least' cannot be used",
        ),
        (
            RULE.replace("{fact: operation.type, is: peace_enforcement}", "{fact: operation.type}"),
            14,
            "needs exactly one of",
        ),
        (RULE.replace("not: {fact", "nor: {fact"), 13, "needs exactly one of the keys all, any, not, known"),
        (RULE.replace("kind: red_line", "kind: wish"), 9, "red_line"),
        (RULE.replace("{document: s}", "{document: nowhere}"), None, "source 'nowhere' is not listed"),
        (
            RULE.replace("{fact: operation.type, is: peace_enforcement}", "{known: nothing.here}"),
            14,
            "unknown fact 'nothing.here'",
        ),
        (
            RULE.replace("    require:\n      not: {fact: operation.type, is: peace_enforcement}\n", ""),
            8,
            "require",
        ),
    ],
)
def test_bad_doctrines_give_one_clear_error(
    tmp_path: Path, rules: str, line: int | None, message: str
) -> None:
    path = write(tmp_path, HEADER + rules)
    with pytest.raises(MissionGateError) as caught:
        load_doctrine(path)
    assert message in caught.value.message
    assert caught.value.source == str(path)
    if line is not None:
        assert caught.value.line == line


def test_malformed_yaml_and_wrong_country(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="malformed YAML"):
        load_doctrine(write(tmp_path, HEADER + "  - id: [\n"))
    with pytest.raises(MissionGateError, match="country"):
        load_doctrine(write(tmp_path, HEADER.replace("title:", "country: Azerbaijan\ntitle:") + RULE))


def test_unknown_builtin_lists_the_known_ones() -> None:
    with pytest.raises(MissionGateError, match="azerbaijan"):
        load_doctrine("atlantis")


def _as_json(data: object) -> object:
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("doctrine_id", builtin_ids())
def test_builtin_doctrines_validate_against_the_published_schema(doctrine_id: str) -> None:
    text = (BUILTIN_DIR / f"{doctrine_id}.yaml").read_text("utf-8")
    jsonschema.validate(_as_json(yaml.safe_load(text)), doctrine_json_schema())


def test_schema_rejects_what_the_loader_rejects(tmp_path: Path) -> None:
    bad = yaml.safe_load(HEADER + RULE.replace("kind: red_line", "kind: wish"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_as_json(bad), doctrine_json_schema())


def test_every_rule_cites_a_source() -> None:
    for doctrine_id in builtin_ids():
        doctrine = load_builtin(doctrine_id)
        for rule in doctrine.rules:
            assert doctrine.cite(rule) and rule.rationale
