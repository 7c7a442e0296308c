"""PEMA label rows and what counts as gold for the analyzer.

A cell is *direct* when it points at paragraphs the resolution has. It is *by reference* when it
cites a document ("9 (S/24800)"), when none of its paragraphs exist in the resolution (they are the
report's paragraphs), or when the row's Comments name the report the coders worked from.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from missiongate.analyzer.model import Structure
from missiongate.analyzer.pema import COLUMN_ALIASES, MODALITIES, TASKS, Cell, parse_cell, report_symbols
from missiongate.errors import MissionGateError

_RES_NUMBER = re.compile(r"S/RES/(\d{1,4})")


@dataclass(frozen=True)
class LabelRow:
    signature: str  # normalised, e.g. "S/RES/758 AND S/RES/761"
    numbers: tuple[int, ...]
    mission: str
    cells: dict[tuple[str, str], Cell]  # (task, modality) -> cell
    comment_symbols: tuple[str, ...]


@dataclass
class TaskCoding:
    modalities: set[str] = field(default_factory=set)
    refs: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Gold:
    direct: dict[str, TaskCoding]
    by_reference: dict[str, set[str]]  # task -> cited documents or report paragraphs


def load_labels(path: str | Path) -> list[LabelRow]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MissionGateError(f"cannot read labels: {exc.strerror or exc}", source=path) from None
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8", errors="replace")))
    if not reader.fieldnames or "Signature" not in reader.fieldnames:
        raise MissionGateError("not a PEMA CSV: no 'Signature' column", source=path)
    columns = _task_columns(reader.fieldnames)
    return [row for record in reader if (row := _row(record, columns)) is not None]


def _task_columns(fieldnames: Sequence[str]) -> dict[str, tuple[str, str]]:
    columns: dict[str, tuple[str, str]] = {}
    for name in fieldnames:
        task, _, modality = name.partition("_")
        task = COLUMN_ALIASES.get(task, task)
        if task == "UseOfForce" and modality == "":
            modality = "Security"  # v1.2 has a single UseOfForce column
        if task in TASKS and modality in MODALITIES:
            columns[name] = (task, modality)
    return columns


def _row(record: dict[str, str], columns: dict[str, tuple[str, str]]) -> LabelRow | None:
    numbers = tuple(int(n) for n in _RES_NUMBER.findall(record.get("Signature") or ""))
    if not numbers:
        return None
    cells = {
        columns[name]: parse_cell(value)
        for name, value in record.items()
        if name in columns and value and value.strip() not in {"", "0"}
    }
    return LabelRow(
        signature=" AND ".join(f"S/RES/{n}" for n in numbers),
        numbers=numbers,
        mission=(record.get("NamePKO") or "").strip(),
        cells=cells,
        comment_symbols=tuple(report_symbols(record.get("Comments") or "")),
    )


# A paragraph that adopts a report's plan ("in accordance with the report", "paragraph 22 of the report")
# carries the report's tasks without naming them: codings at it are by reference.
_INCORPORATES_REPORT = re.compile(
    r"in\s+accordance\s+with\s+(?:the|his)\s+(?:above-mentioned\s+|further\s+|special\s+)?report|"
    r"(?:contained|provided\s+for|set\s+out|described)\s+in\s+(?:paragraphs?\s+[\d,\s]+(?:and\s+\d+\s+)?of\s+)?"
    r"(?:the|his)\s+(?:above-mentioned\s+|further\s+)?report|paragraphs?\s+\d+(?:\s*(?:,|and|to)\s*\d+)*\s+of\s+"
    r"(?:the|his)\s+report",
    re.I,
)


def gold_for(row: LabelRow, structures: list[Structure]) -> Gold:
    """Split a row's cells into direct codings and codings made by reference to another document.

    A cited paragraph *exists* when the resolution has its number (or preambular paragraph). It carries
    the task only *by reference* when it does not exist, or when it is a single paragraph that adopts a
    report's plan ("in accordance with the report", "paragraph 22 of the report") and has no
    sub-paragraphs of its own: a paragraph that adopts a report *and* lists tasks in sub-paragraphs
    ("... in accordance with his report, including: (a) ...") states those tasks in its own text.
    A cell is direct when one of its paragraphs states the task; its gold paragraphs are those that do
    (the others are by-reference citations and are left out of paragraph agreement).
    """
    top_level = {p.id: (s, p) for s in structures for p in s.top_level()}
    any_level = {p.id: (s, p) for s in structures for p in s.operative}
    preamble = {p.id for s in structures for p in s.preamble}

    def exists(ref: str) -> bool:
        if ref.startswith("p"):
            return ref in preamble
        number = re.match(r"\d+", ref)
        return number is not None and number.group() in top_level

    def states_task(ref: str) -> bool:
        if not exists(ref):
            return False
        if ref.startswith("p"):
            return True
        number = re.match(r"\d+", ref)
        assert number is not None
        structure, paragraph = any_level.get(ref) or top_level[number.group()]
        if structure.children(paragraph.id):
            return True  # the task is set out in the paragraph's own sub-paragraphs
        return not _INCORPORATES_REPORT.search(structure.slice(paragraph))

    all_refs = {ref for cell in row.cells.values() for ref in cell.refs}
    mostly_missing = sum(not exists(r) for r in all_refs) > len(all_refs) / 2 if all_refs else False
    row_by_reference = bool(row.comment_symbols) or mostly_missing
    direct: dict[str, TaskCoding] = {}
    by_reference: dict[str, set[str]] = {}
    for (task, modality), cell in row.cells.items():
        if row_by_reference or cell.symbols or not any(states_task(ref) for ref in cell.refs):
            by_reference.setdefault(task, set()).update(cell.symbols or row.comment_symbols or cell.refs)
            continue
        coding = direct.setdefault(task, TaskCoding())
        coding.modalities.add(modality)
        coding.refs.update(ref for ref in cell.refs if states_task(ref))
    return Gold(direct, {t: refs for t, refs in by_reference.items() if t not in direct})
