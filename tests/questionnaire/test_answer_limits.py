"""Crafted answers files (alias bombs, zip bombs, sheets claiming millions of cells) are refused quickly,
with one line, before they can fill memory."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from missiongate import MissionGateError
from missiongate.questionnaire.answers import MAX_XLSX_UNPACKED, read_answers

HEADER = "answered_by: x\nchannel: y\ndate: 2026-02-01\n"


def alias_bomb(levels: int = 9) -> str:
    """Each level refers nine times to the one before: 9**levels values in a few hundred bytes."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]")
    return HEADER + "\n".join(lines) + f"\nanswers:\n  operation.type: *l{levels - 1}\n"


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb())
    assert path.stat().st_size < 600
    with pytest.raises(MissionGateError, match="expands to more than") as refused:
        read_answers(path)
    assert len(str(refused.value)) < 300


def test_self_referring_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text(HEADER + "answers:\n  operation.type: &a [*a]\n")
    with pytest.raises(MissionGateError, match="containing itself"):
        read_answers(path)


def test_a_few_aliases_still_work(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(HEADER + "note: &n seen\nanswers:\n  mandate.instrument: *n\n")
    assert read_answers(path).answers == {"mandate.instrument": "seen"}


def _workbook(rows: list[list[str]]) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    return workbook


def _save(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


ROWS = [
    ["fact", "value", "answered_by", "channel", "date"],
    ["operation.type", "stabilization", "x", "y", "2026-02-01"],
]


def test_xlsx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = _save(_workbook(ROWS), tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(MAX_XLSX_UNPACKED + 1))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(MissionGateError, match="unpacks to"):
        read_answers(path)


def test_sheet_claiming_a_million_rows_is_refused_fast(tmp_path: Path) -> None:
    workbook = _workbook(ROWS)
    sheet = workbook.active
    assert sheet is not None
    sheet.cell(row=1_048_576, column=1, value="x")
    path = _save(workbook, tmp_path / "tall.xlsx")
    started = time.perf_counter()
    with pytest.raises(MissionGateError, match="more than 5000 rows"):
        read_answers(path)
    assert time.perf_counter() - started < 5


def test_value_in_the_last_column_is_refused(tmp_path: Path) -> None:
    workbook = _workbook(ROWS)
    sheet = workbook.active
    assert sheet is not None
    sheet.cell(row=2, column=16_384, value="x")
    with pytest.raises(MissionGateError, match="beyond column"):
        read_answers(_save(workbook, tmp_path / "wide.xlsx"))


def test_a_workbook_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(MissionGateError, match=r"not a readable \.xlsx"):
        read_answers(path)


def test_workbook_within_the_limits_is_read(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    _workbook(ROWS).save(buffer)
    path = tmp_path / "ok.xlsx"
    path.write_bytes(buffer.getvalue())
    assert read_answers(path).answers == {"operation.type": "stabilization"}


def test_csv_with_too_many_rows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("fact,value\n" + "operation.type,stabilization\n" * 6000)
    with pytest.raises(MissionGateError, match="more than 5000 rows"):
        read_answers(path)


def test_devices_and_fifos_are_not_read(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="not a regular file"):
        read_answers(Path("/dev/zero"))
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    with pytest.raises(MissionGateError, match="not a regular file"):
        read_answers(fifo)


def test_an_error_names_the_first_problems_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        HEADER + "answers:\n" + "".join(f"  made.up.{n}: {'x' * 300}\n" for n in range(3000))
    )  # under 1 MiB
    with pytest.raises(MissionGateError, match="3000 problem") as refused:
        read_answers(path)
    assert "and 2980 more" in str(refused.value) and len(str(refused.value)) < 8000
