from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import pytest

from missiongate.analyzer.corpus import TASK_COLUMNS, list_documents, run_dask, run_local, write_table
from missiongate.errors import MissionGateError
from tests.analyzer.helpers import resolution


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    directory = tmp_path / "texts"
    directory.mkdir()
    for number in (872, 794, 590):
        shutil.copy(resolution(number), directory)
    (directory / "empty.txt").write_bytes(b"")
    (directory / "blob.bin").write_bytes(bytes(range(256)) * 8)
    return directory


def test_local_run_skips_bad_files(small_corpus: Path) -> None:
    seen: list[int] = []
    result = run_local(list_documents(small_corpus), jobs=2, progress=seen.append, chunk_size=2)
    assert [Path(r["file"]).name[:10] for r in result.rows] == ["S_RES_0590", "S_RES_0794", "S_RES_0872"]
    assert len(result.errors) == 2 and any("empty" in e for e in result.errors)
    assert sum(seen) == 5
    unamir = result.rows[2]
    assert unamir["Ceasefire_Monitor"] == "3b" and unamir["chapter_vii_scope"] == "not_applicable"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_tables_round_trip(small_corpus: Path, tmp_path: Path, suffix: str) -> None:
    rows = run_local(list_documents(small_corpus), jobs=1).rows
    out = tmp_path / f"out{suffix}"
    write_table(rows, out)
    if suffix == ".jsonl":
        back = [json.loads(line) for line in out.read_text().splitlines()]
    elif suffix == ".csv":
        back = list(csv.DictReader(out.open()))
    else:
        import pyarrow.parquet as pq

        back = pq.read_table(out).to_pylist()
    assert len(back) == 3 and set(TASK_COLUMNS) <= set(back[0])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_unknown_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="format"):
        write_table([], tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_dask_local_cluster(small_corpus: Path) -> None:
    distributed = pytest.importorskip("distributed")
    loopback = {"protocol": "tcp", "host": "127.0.0.1"}
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, **loopback,
                                  dashboard_address=None) as cluster:  # fmt: skip
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        result = run_dask(list_documents(small_corpus), cluster.scheduler_address, chunk_size=2)
    assert len(result.rows) == 3 and len(result.errors) == 2


def test_unreachable_dask_scheduler(small_corpus: Path) -> None:
    with pytest.raises(MissionGateError, match="Dask"):
        run_dask(list_documents(small_corpus), "tcp://127.0.0.1:9")


def test_dask_without_the_cluster_extra(small_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if `missiongate[cluster]` were not installed
    with pytest.raises(MissionGateError, match=r"pip install 'missiongate\[cluster\]'"):
        run_dask(list_documents(small_corpus), "tcp://127.0.0.1:8786")
