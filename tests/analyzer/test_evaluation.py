from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from missiongate.analyzer.analysis import analyze_file
from missiongate.analyzer.evaluation import Counts, evaluate, index_texts, load_split
from missiongate.analyzer.labels import gold_for, load_labels
from tests.analyzer.helpers import DATA, RESOLUTIONS

LABELS = DATA / "pema" / "PEMA_raw_v2.csv"
SPLIT = DATA / "pema" / "split.json"


def test_split_is_fixed_disjoint_and_grouped_by_mission() -> None:
    split = json.loads(SPLIT.read_text())
    dev, test = set(split["dev"]), set(split["test"])
    assert not dev & test and len(dev | test) == 44
    rows = {r.signature: r.mission for r in load_labels(LABELS)}
    assert not {rows[s] for s in dev} & {rows[s] for s in test}


def test_labels_read_both_pema_versions() -> None:
    v2 = {r.signature: r for r in load_labels(LABELS)}
    v12 = {r.signature: r for r in load_labels(DATA / "pema" / "PEMA_Feb22_v1.2.csv")}
    assert ("Ceasefire", "Monitor") in v2["S/RES/872"].cells
    assert ("RefugeeIDPs", "Monitor") in v12["S/RES/872"].cells  # "RefugeesIDPs" column alias
    assert ("UseOfForce", "Security") in v12["S/RES/794"].cells  # single UseOfForce column
    assert v2["S/RES/758"].comment_symbols == ("S/24075",)


def test_by_reference_rows_are_counted_apart(tmp_path: Path) -> None:
    rows = [r for r in load_labels(LABELS) if r.signature in {"S/RES/758", "S/RES/872"}]
    report = evaluate(rows, index_texts(RESOLUTIONS), analyze_file, "x").to_dict()
    assert report["n_resolutions"] == 2
    assert report["by_reference"]["labels"] >= 2  # 758 was coded from report S/24075
    assert 0.0 <= report["micro_f1"] <= 1.0 and report["true_positives"] >= 5


def test_split_selection() -> None:
    assert load_split(SPLIT, "all") is None
    assert "S/RES/872" in (load_split(SPLIT, "dev") or set()) | (load_split(SPLIT, "test") or set())


def test_counts() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == 0.75 and counts.recall == 0.6 and round(counts.f1, 4) == 0.6667
    assert Counts().f1 == 0.0


def _gold(signature: str) -> Any:
    row = next(r for r in load_labels(LABELS) if r.signature == signature)
    return gold_for(row, [analyze_file(index_texts(RESOLUTIONS)[n]).structure for n in row.numbers])


def test_sub_paragraphs_of_a_report_adopting_paragraph_are_direct() -> None:
    # 814 para 4 "... in accordance with the recommendations contained in his report, including: (a) ..."
    gold = _gold("S/RES/814")
    assert gold.direct["PoliceReform"].refs == {"4d"} and gold.direct["HumanRelief"].refs == {"4", "4a"}
    # 690 para 4 "Decides to establish ... in accordance with the report": tasks by reference only
    assert _gold("S/RES/690").direct == {}
    # 834: para 1 extends the mandate "in accordance with ... paragraphs 36 and 37 of the report"
    assert _gold("S/RES/834").direct["Ceasefire"].refs == {"2"}


def test_a_coding_scored_against_itself_agrees_fully() -> None:
    rows = [r for r in load_labels(LABELS) if r.signature in {"S/RES/814", "S/RES/872", "S/RES/758"}]
    report = evaluate(rows, index_texts(RESOLUTIONS), analyze_file, "x", {r.signature: r for r in rows})
    figures = report.to_dict()
    assert figures["micro_f1"] == figures["modality_accuracy"] == figures["paragraph_agreement"] == 1.0
    assert figures["n_resolutions"] == 3 and report.micro.tp >= 15


def test_another_coder_is_scored_on_the_rows_it_has(tmp_path: Path) -> None:
    header = LABELS.read_text(encoding="utf-8", errors="replace").splitlines()[0]
    columns = header.split(",")
    cells = dict.fromkeys(columns, "")
    cells.update({"Signature": "S/RES/872", "Ceasefire_Monitor": "3b", "Gender_Assist": "3c"})
    coder = tmp_path / "coder.csv"
    coder.write_text(header + "\n" + ",".join(cells[c] for c in columns) + "\n", encoding="utf-8")
    other = {r.signature: r for r in load_labels(coder)}
    report = evaluate(load_labels(LABELS), index_texts(RESOLUTIONS), analyze_file, "x", other)
    counts = report.micro
    assert report.n_resolutions == 1 and (counts.tp, counts.fp) == (1, 1)
    assert counts.fn == len(_gold("S/RES/872").direct) - 1
