"""Benchmark and evaluation results as JSON under bench/results/, one file per script; the README's table
of figures is rendered from them (`bench/readme_table.py`), and tests/test_docs.py checks it matches."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def load_rows() -> list[dict[str, Any]]:
    """Every row of every results file, in the table's order."""
    rows = [row for path in sorted(RESULTS.glob("*.json")) for row in json.loads(path.read_text())["rows"]]
    return sorted(rows, key=lambda row: row["order"])


def record(name: str, row_id: str, measured: str, figures: dict[str, Any], conditions: str) -> None:
    """Replace one row's measured text with a fresh run's, keeping the raw figures and the conditions."""
    path = RESULTS / f"{name}.json"
    data = json.loads(path.read_text())
    row = next(row for row in data["rows"] if row["id"] == row_id)
    row.update(measured=measured, figures=figures, conditions=conditions)
    row["recorded"] = dt.date.today().isoformat()
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def table_order(name: str, row_id: str) -> int:
    """The row's place in the README table as it stands (a fresh run keeps it), else after the last row."""
    for row in load_rows():
        if row["id"] == row_id and (RESULTS / f"{name}.json").exists():
            return int(row["order"])
    return max((int(row["order"]) for row in load_rows()), default=0) + 1
