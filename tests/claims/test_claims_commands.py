from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from missiongate.cli import claims_commands
from missiongate.errors import MissionGateError

from .conftest import RSS

runner = CliRunner()


def app() -> typer.Typer:
    root = typer.Typer()
    root.command("noop")(lambda: None)
    claims_commands.register(root)
    return root


POSITION = (
    "country: AZE\nmission: gaza-isf\nstance: no_consent_given\ndate: 2026-01-05\nstatement: No consent.\n"
)
CLAIM = (
    "The U.S. ambassador said Azerbaijan had agreed to join the Gaza force. "
    "Kenya will send police to Haiti.\n"
)


def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "pos.yaml").write_text(POSITION)
    (tmp_path / "a.txt").write_text(CLAIM)
    return tmp_path / "a.txt", tmp_path / "pos.yaml"


def test_extract_formats(tmp_path: Path) -> None:
    article, _ = files(tmp_path)
    result = runner.invoke(app(), ["claims", "extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["country"], r["stance"], r["mission"]) for r in rows] == [
        ("AZE", "agreed", "gaza-isf"),
        ("KEN", "agreed", "haiti-gsf"),
    ]
    assert CLAIM[rows[1]["start"] : rows[1]["end"]] == rows[1]["text"]
    text = runner.invoke(app(), ["claims", "extract", str(article)])
    assert "AZE agreed" in text.stdout and "The U.S. ambassador" in text.stdout


def test_batch_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    article, _ = files(tmp_path)
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(
        app(), ["claims", "extract", str(tmp_path / "empty.txt"), str(article), "-f", "json"]
    )
    assert result.exit_code == 2
    assert "empty input" in result.stderr
    assert len(json.loads(result.stdout)) == 2


def test_check_and_review(tmp_path: Path) -> None:
    article, position = files(tmp_path)
    result = runner.invoke(app(), ["claims", "check", str(article), "--position", str(position), "--drafts"])
    assert result.exit_code == 0, result.output
    assert "CONTRADICTS" in result.stdout and "CANNOT_CHECK" in result.stdout
    assert "--- public line ---" in result.stdout
    rows = json.loads(
        runner.invoke(
            app(), ["claims", "check", str(article), "-p", str(position), "-f", "json", "--contradictions"]
        ).stdout
    )
    assert len(rows) == 1 and rows[0]["rebuttal"]["public_line"].startswith("Azerbaijan has not given")
    out = tmp_path / "review.json"
    review = runner.invoke(app(), ["claims", "review", str(article), "-p", str(position), "-o", str(out)])
    assert review.exit_code == 0
    assert json.loads(out.read_text())[0]["@type"] == "ClaimReview"


def test_feeds_poll_with_state(tmp_path: Path) -> None:
    (tmp_path / "wire.xml").write_bytes(RSS)
    config = tmp_path / "feeds.yaml"
    config.write_text("feeds:\n- {name: wire, url: wire.xml}\n- {name: gone, url: missing.xml}\n")
    first = runner.invoke(app(), ["claims", "feeds", str(config)])
    assert first.exit_code == 2 and "gone" in first.stderr
    # the headline "Envoy claims Baku is in" is a claim too: the per-country reader's (round 14)
    assert "2 new item(s), 2 claim(s), 1 problem(s)" in first.stdout
    assert (tmp_path / "feeds.yaml.state.json").exists()
    second = runner.invoke(app(), ["claims", "feeds", str(config)])
    assert "0 new item(s)" in second.stdout


def test_eval(tmp_path: Path) -> None:
    result = runner.invoke(app(), ["claims", "eval", "--split", "dev"])
    assert result.exit_code == 0
    metrics = json.loads(result.stdout)
    assert metrics["claim_f1"] >= 0.881 and metrics["rebuttal_precision"] == 1.0


def test_eval_of_the_test_split_prints_aggregates_only(tmp_path: Path) -> None:
    text = "Fiji has agreed to send engineers to the Golan mission."
    (tmp_path / "test-fresh20.yaml").write_text(
        f'items:\n- id: x1\n  text: "{text}"\n'
        "  record: {country: FJI, mission: undof, position: declined}\n  rebuttal: true\n"
        "  claims:\n  - {country: FJI, stance: agreed, speaker: null, mission: undof}\n"
    )
    result = runner.invoke(app(), ["claims", "eval", "--split", "test", "--data", str(tmp_path)])
    assert result.exit_code == 0 and text not in result.stdout and "x1" not in result.stdout
    assert json.loads(result.stdout)["rebuttal_precision"] == 1.0
    refused = runner.invoke(app(), ["claims", "eval", "--split", "test", "--errors", "--data", str(tmp_path)])
    assert isinstance(refused.exception, MissionGateError) and "dev only" in str(refused.exception)
    assert text not in refused.stdout


def test_eval_of_a_coder_on_the_test_split_prints_aggregates_only(tmp_path: Path) -> None:
    text = "Fiji has agreed to send engineers to the Golan mission."
    record = "{country: FJI, mission: undof, position: declined}"
    item = f'items:\n- id: x1\n  text: "{text}"\n  record: {record}\n'
    (tmp_path / "test-fresh20.yaml").write_text(
        item
        + "  rebuttal: true\n  claims:\n  - {country: FJI, stance: agreed, speaker: null, mission: undof}\n"
    )
    coder = tmp_path / "coder.yaml"
    coder.write_text(
        item + "  rebuttal: false\n  claims:\n  - {country: FJI, stance: considering, mission: null}\n"
    )
    args = ["claims", "eval", "--split", "test", "--data", str(tmp_path), "--coder", str(coder)]
    result = runner.invoke(app(), args)
    assert result.exit_code == 0 and text not in result.stdout and "x1" not in result.stdout
    metrics = json.loads(result.stdout)
    assert (metrics["claim_f1"], metrics["stance_accuracy"], metrics["rebuttal_recall"]) == (1.0, 0.0, 0.0)
    assert (metrics["coder"], metrics["items"], metrics["split_items"]) == (str(coder), 1, 1)
    coder.write_text(item.replace("x1", "x2"))
    refused = runner.invoke(app(), args)
    assert isinstance(refused.exception, MissionGateError) and "not in the split" in str(refused.exception)


def test_claims_to_review_are_listed_with_the_contradictions(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Azerbaijan has agreed to join the Gaza force, a newspaper reported. "
        "The U.S. ambassador said Azerbaijan had agreed to join the Gaza force.\n"
    )
    (tmp_path / "p.yaml").write_text(POSITION)
    args = ["claims", "check", str(tmp_path / "a.txt"), "-p", str(tmp_path / "p.yaml"), "--contradictions"]
    result = runner.invoke(app(), args)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("REVIEW ") == 1 and result.stdout.count("CONTRADICTS ") == 1
    assert "1 contradict the recorded position, 1 to review" in result.stdout
    rows = json.loads(runner.invoke(app(), [*args, "-f", "json"]).stdout)
    assert [("rebuttal" in row, row["verdict"]) for row in rows] == [
        (False, "cannot_check"),
        (True, "contradicts"),
    ]
