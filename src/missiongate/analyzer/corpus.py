"""Analyze a directory of documents into one table (JSONL, CSV or Parquet), in parallel.

Workers receive chunks of (name, bytes), so the same job runs in local processes or on a Dask cluster
whose workers cannot see this machine's files. Bad files are reported and skipped. Output is written to
a temporary file beside the target and renamed into place: never half-written.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from missiongate.analyzer.analysis import Analysis, analyze_document
from missiongate.analyzer.pema import MODALITIES, TASKS, format_refs
from missiongate.analyzer.readers import read_bytes
from missiongate.errors import MissionGateError

FORMATS = (".jsonl", ".csv", ".parquet")
BASE_COLUMNS = ("file", "symbol", "adopted", "actions", "operation_name", "end_date", "charter_basis",
                "chapter_vii_scope", "force_authorised", "force_formula", "force_such_measures",
                "operation_type", "reports", "tasks")  # fmt: skip
TASK_COLUMNS = tuple(f"{task}_{modality}" for task in TASKS for modality in MODALITIES)
Chunk = list[tuple[str, bytes]]
Progress = Callable[[int], None]


@dataclass
class CorpusResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def corpus_row(analysis: Analysis, name: str) -> dict[str, Any]:
    """One resolution as a flat row; task columns hold paragraph ids in PEMA's format."""
    first = {kind: analysis.of_kind(kind) for kind in ("operation_name", "end_date", "operation_type")}
    chapter7 = [f for f in analysis.of_kind("charter_basis") if f.value == "chapter_vii"]
    charter = chapter7 or analysis.of_kind("charter_basis")
    force = [f for f in analysis.of_kind("use_of_force") if f.detail.get("authorised")]
    scopes = {f.detail.get("scope") for f in chapter7}
    codings = analysis.task_codings()
    row: dict[str, Any] = {
        "file": name,
        "symbol": analysis.symbol,
        "adopted": analysis.adopted.isoformat() if analysis.adopted else None,
        "actions": " ".join(sorted({f.value for f in analysis.of_kind("operation_action")})),
        "operation_name": first["operation_name"][0].value if first["operation_name"] else None,
        "end_date": first["end_date"][0].value.isoformat() if first["end_date"] else None,
        "charter_basis": charter[0].value if charter else "not_cited",
        "chapter_vii_scope": ("whole_resolution" if "whole_resolution" in scopes else "section_only")
        if chapter7 else "not_applicable",
        "force_authorised": bool(force),
        "force_formula": force[0].detail["formula"] if force else None,
        "force_such_measures": any(f.detail.get("authorised") for f in analysis.of_kind("force_measures")),
        "operation_type": first["operation_type"][0].value if first["operation_type"] else None,
        "reports": " ".join(sorted({str(f.value) for f in analysis.of_kind("report_by_reference")})),
        "tasks": " ".join(sorted(codings)),
    }  # fmt: skip
    cells: dict[str, list[str]] = {}
    for finding in analysis.of_kind("task"):
        cells.setdefault(f"{finding.value}_{finding.detail['modality']}", []).append(
            finding.evidence.paragraph or ""
        )
    row.update({column: format_refs(cells[column]) if column in cells else "" for column in TASK_COLUMNS})
    return row


def analyze_chunk(chunk: Chunk) -> list[tuple[str, dict[str, Any] | None, str | None]]:
    """Worker entry point: (name, row, None) or (name, None, error message) per document."""
    results: list[tuple[str, dict[str, Any] | None, str | None]] = []
    for name, data in chunk:
        try:
            results.append((name, corpus_row(analyze_document(read_bytes(data, name)), name), None))
        except MissionGateError as exc:
            results.append((name, None, str(exc)))
    return results


def list_documents(directory: str | Path) -> list[Path]:
    directory = Path(directory)
    if not directory.is_dir():
        raise MissionGateError("not a directory", source=directory)
    return sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))


def chunks(paths: list[Path], size: int) -> Iterator[Chunk]:
    for i in range(0, len(paths), size):
        yield [(str(p), _read(p)) for p in paths[i : i + size]]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # reported as an empty file by the worker


def run_local(
    paths: list[Path], jobs: int, progress: Progress | None = None, chunk_size: int = 64
) -> CorpusResult:
    result = CorpusResult()
    if jobs <= 1:
        for chunk in chunks(paths, chunk_size):
            _collect(result, analyze_chunk(chunk), progress)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(analyze_chunk, chunk) for chunk in chunks(paths, chunk_size)]
            for future in as_completed(futures):
                _collect(result, future.result(), progress)
    return _ordered(result)


def run_dask(
    paths: list[Path], address: str, progress: Progress | None = None, chunk_size: int = 64
) -> CorpusResult:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise MissionGateError(
            "--dask needs Dask distributed: pip install 'missiongate[cluster]'", source=address
        ) from None

    result = CorpusResult()
    try:
        client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise MissionGateError(f"cannot reach the Dask scheduler: {exc}", source=address) from None
    with client:
        futures = [client.submit(analyze_chunk, chunk, pure=False) for chunk in chunks(paths, chunk_size)]
        for future in dask_completed(futures):  # type: ignore[no-untyped-call]
            _collect(result, future.result(), progress)
    return _ordered(result)


def _collect(result: CorpusResult, items: list[tuple[str, dict[str, Any] | None, str | None]],
             progress: Progress | None) -> None:  # fmt: skip
    for name, row, error in items:
        if row is not None:
            result.rows.append(row)
        else:
            result.errors.append(error or name)
    if progress:
        progress(len(items))


def _ordered(result: CorpusResult) -> CorpusResult:
    result.rows.sort(key=lambda row: row["file"])
    result.errors.sort()
    return result


def write_table(rows: list[dict[str, Any]], out: str | Path) -> None:
    """Write atomically in the format named by the extension."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise MissionGateError(
            f"unknown output format {suffix!r}; use one of {', '.join(FORMATS)}", source=out
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        {".jsonl": _jsonl, ".csv": _csv, ".parquet": _parquet}[suffix](rows, Path(tmp))
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _csv(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*BASE_COLUMNS, *TASK_COLUMNS])
        writer.writeheader()
        writer.writerows(rows)


def _parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    columns = [*BASE_COLUMNS, *TASK_COLUMNS]
    table = pa.table({c: [row.get(c) for row in rows] for c in columns}) if rows else pa.table(
        {c: pa.array([], pa.string()) for c in columns})  # fmt: skip
    pq.write_table(table, path)
