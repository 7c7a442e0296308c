from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.analyzer.helpers import DATA, resolution


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "missiongate.cli.app", *args]
    return subprocess.run(command, capture_output=True, text=True,
                          timeout=120, cwd=DATA.parent)  # fmt: skip


def test_analyze_json() -> None:
    result = _run("analyze", str(resolution(872)), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["symbol"] == "S/RES/872 (1993)"
    assert data["pema"]["Ceasefire"] == {"modalities": ["Monitor"], "paragraphs": "3b"}
    assert data["facts"]["consent.all_parties"]["status"] == "proposed"


@pytest.mark.parametrize("content", [b"", bytes(range(256)) * 10, b"%PDF-1.4\n1 0 obj"])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    result = _run("analyze", str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def test_analyze_into_mission(tmp_path: Path) -> None:
    mission = tmp_path / "m.yaml"
    mission.write_text("id: m\ntitle: Test\nfacts:\n  consent.all_parties: false\n")
    result = _run("analyze", str(resolution(872)), "--into", str(mission))
    assert result.returncode == 0, result.stderr
    assert "skipped 1 already confirmed: consent.all_parties" in result.stdout
    facts = yaml.safe_load(mission.read_text())["facts"]
    assert facts["consent.all_parties"] is False
    assert facts["operation.tasks"]["status"] == "proposed"


def test_corpus_and_eval(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    texts = tmp_path / "texts"
    texts.mkdir()
    for number in (872, 891):
        (texts / resolution(number).name).write_bytes(resolution(number).read_bytes())
    assert _run("corpus", str(texts), "--out", str(out), "--no-progress").returncode == 0
    assert len(out.read_text().splitlines()) == 2
    result = _run(
        "eval", "pema", "--labels", "data/pema/PEMA_raw_v2.csv", "--texts", str(texts), "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["n_resolutions"] == 2
    assert {"micro_f1", "macro_f1", "modality_accuracy", "paragraph_agreement"} <= set(report)
    # the labels scored as another coder's coding agree with themselves
    coder = ["--coder", "data/pema/PEMA_raw_v2.csv"]
    result = _run("eval", "pema", "--labels", "data/pema/PEMA_raw_v2.csv", "--texts", str(texts), *coder)
    assert result.returncode == 0, result.stderr
    assert "micro_f1: 1.0" in result.stdout
    missing = _run("eval", "pema", "--labels", "data/pema/PEMA_raw_v2.csv", "--texts", str(texts),
                   "--coder", str(tmp_path / "none.csv"))  # fmt: skip
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1


def test_dask_option_without_the_cluster_extra(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / resolution(872).name).write_bytes(resolution(872).read_bytes())
    out = tmp_path / "t.jsonl"
    args = ["corpus", str(texts), "--out", str(out), "--no-progress", "--dask", "tcp://127.0.0.1:8786"]
    code = ("import sys; sys.modules['distributed'] = None; from missiongate.cli.app import main; "
            f"sys.argv = ['missiongate', *{args!r}]; main()")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "missiongate[cluster]" in result.stderr
    assert not out.exists()
