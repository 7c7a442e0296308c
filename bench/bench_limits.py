"""Replay the red team's attacks (issue 14) and the largest inputs within the limits; measure peak memory.

    PYTHONPATH=src .venv/bin/python bench/bench_limits.py [--record]

Starts `missiongate serve --workers 1` on a free loopback port with its own data directory, sends each
request once and samples the server's RSS (its whole process tree) every 10 ms; then runs the CLI cases as
child processes, sampled the same way. Each case must answer as expected (a 4xx problem, or exit 2 with one
line) and stay under 500 MB. While the largest analysis runs, /api/health is polled to measure the stall.
Bombs are built here, in memory or a temporary directory; nothing is downloaded or kept.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
import psutil

from load_api import BIN, LiveServer, machine
from results import table_order

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 500
MiB = 1024 * 1024


class PeakRss:
    """The highest RSS of a process and its children while the block runs, sampled every 10 ms."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> int:
        total = 0
        for process in (self.process, *self.process.children(recursive=True)):
            with contextlib.suppress(psutil.Error):  # a child that just ended
                total += process.memory_info().rss
        return total

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self._rss())
            except psutil.Error:
                return
            time.sleep(0.01)

    def __enter__(self) -> PeakRss:
        self.peak = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Case:
    name: str
    expected: str
    got: str
    seconds: float
    peak_mb: float
    body_bytes: int = 0

    @property
    def ok(self) -> bool:
        return self.got.startswith(self.expected) and self.peak_mb < LIMIT_MB


# -- the inputs ------------------------------------------------------------------------------------------

HEADER = "answered_by: x\nchannel: y\ndate: 2026-02-01\n"


def alias_bomb() -> bytes:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    return ("\n".join([*lines, "answers:", "  operation.type: *l8", ""])).encode()


@functools.cache
def zip_bomb(inflated: int = 2 * 1024 * MiB) -> bytes:
    """An .xlsx-named zip of about 2 MB whose one part inflates to 2 GiB of zeros (built in chunks)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part,
    ):
        chunk = bytes(MiB)
        for _ in range(inflated // MiB):
            part.write(chunk)
    return buffer.getvalue()


def tall_sheet() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["fact", "value"])
    sheet.cell(row=1_048_576, column=16_384, value="x")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def big_answers_yaml(size: int = MiB - 4096) -> bytes:
    """The largest answers file accepted: a megabyte of (unknown) facts, no aliases."""
    lines, total = [HEADER, "answers:\n"], len(HEADER) + 9
    n = 0
    while total < size - 64:
        line = f"  made.up.fact{n}: some value number {n}\n"
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines).encode()


def resolution_text(chars: int) -> bytes:
    base = (ROOT / "data" / "unsc-resolutions" / "S_RES_1454_2002_EN_GOLD.txt").read_bytes()
    return (base * (chars // len(base) + 1))[:chars]


def long_pdf(pages: int = 480, per_page: int = 2000) -> bytes:
    """A text PDF near the page limit whose text just fits under the analyzer's character limit."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    words = resolution_text(per_page).decode("utf-8", "replace").split()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        text = pdf.beginText(30, 800)
        for start in range(0, len(words), 14):
            text.textLine(" ".join(words[start : start + 14]))
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def broken_pdf() -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.analyzer.helpers import TEXT_STREAM, raw_pdf

    return raw_pdf("/Filter /NoSuchDecode", TEXT_STREAM)


# -- the server side -------------------------------------------------------------------------------------


def api_cases(url: str, token: str, server_pid: int) -> list[Case]:
    auth = {"Authorization": f"Bearer {token}"}
    results: list[Case] = []
    with httpx.Client(base_url=url, headers=auth, timeout=300) as client:
        case = client.post("/api/cases", json={"title": "Limits"}).raise_for_status().json()["id"]
        base = f"/api/cases/{case}"

        def run(name: str, expected: str, send: Callable[[], httpx.Response]) -> None:
            with PeakRss(server_pid) as rss:
                started = time.perf_counter()
                response = send()
                seconds = time.perf_counter() - started
            status, size = str(response.status_code), len(response.content)
            results.append(Case(name, expected, status, seconds, rss.peak / MiB, size))

        def upload(path: str, name: str, data: bytes, kind: str) -> Callable[[], httpx.Response]:
            return lambda: client.post(f"{base}/{path}", files={"file": (name, data, kind)})

        with HealthPoll(url) as stall:
            _api_attacks(run, upload, client, base, url)
        results.append(Case("health check: slowest answer while the above ran", "ok", "ok", stall.worst, 0))
    results.append(chunked_upload(url, server_pid))
    return results


Run = Callable[[str, str, Callable[[], httpx.Response]], None]
Upload = Callable[[str, str, bytes, str], Callable[[], httpx.Response]]


def _api_attacks(run: Run, upload: Upload, client: httpx.Client, base: str, url: str) -> None:
    answers, documents = "answers/import", "documents"
    yaml, xlsx, text, pdf = "application/yaml", "application/octet-stream", "text/plain", "application/pdf"
    run("answers import: YAML alias bomb", "422", upload(answers, "a.yaml", alias_bomb(), yaml))
    run("answers import: 2 MB XLSX inflating to 2 GiB", "422", upload(answers, "a.xlsx", zip_bomb(), xlsx))
    tall = upload(answers, "t.xlsx", tall_sheet(), xlsx)
    run("answers import: XLSX claiming 1M rows x 16k columns", "422", tall)
    big = upload(answers, "big.yaml", big_answers_yaml(), yaml)
    run("answers import: 1 MiB YAML of unknown facts (largest accepted)", "422", big)
    nineteen = upload(documents, "big.txt", resolution_text(19 * MiB), text)
    run("analysis: 19 MB text", "422", _analysis(client, base, nineteen))
    broken = upload(documents, "bad.pdf", broken_pdf(), pdf)
    run("analysis: malformed PDF (unknown filter)", "422", _analysis(client, base, broken))
    noise = upload(documents, "noise.pdf", os.urandom(20 * MiB - 65536), pdf)
    run("analysis: 20 MiB of random bytes as PDF", "422", _analysis(client, base, noise))
    longest = upload(documents, "longest.txt", resolution_text(990_000), text)
    run("analysis: 0.99M-character text (largest analysed)", "200", _analysis(client, base, longest))
    again = f"{base}/documents/{_last_document(client, base)}/analysis"
    run("analysis: the same again (cached)", "200", lambda: client.get(again))
    long = upload(documents, "long.pdf", long_pdf(), pdf)
    run("analysis: 480-page PDF near the character limit", "200", _analysis(client, base, long))
    deep = b"[" * 500_000 + b"]" * 500_000
    json_type = {"content-type": "application/json"}
    anonymous = lambda: httpx.post(f"{url}/api/cases", content=deep, headers=json_type)  # noqa: E731
    run("1 MB of nested JSON, anonymous", "401", anonymous)
    run(
        "1 MB of nested JSON, logged in",
        "400",
        lambda: client.post("/api/cases", content=deep, headers=json_type),
    )


def _analysis(
    client: httpx.Client, base: str, upload: Callable[[], httpx.Response]
) -> Callable[[], httpx.Response]:
    def send() -> httpx.Response:
        uploaded = upload()
        if uploaded.status_code != 201:
            return uploaded
        return client.get(f"{base}/documents/{uploaded.json()['id']}/analysis")

    return send


def _last_document(client: httpx.Client, base: str) -> int:
    return int(client.get(f"{base}/documents").json()[-1]["id"])


class HealthPoll:
    """Polls /api/health every 100 ms in a thread; `worst` is the slowest answer in seconds."""

    def __init__(self, url: str) -> None:
        self.url, self.worst = url, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        with httpx.Client(timeout=60) as client:
            while not self._stop.is_set():
                started = time.perf_counter()
                client.get(f"{self.url}/api/health")
                self.worst = max(self.worst, time.perf_counter() - started)
                time.sleep(0.1)

    def __enter__(self) -> HealthPoll:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def chunked_upload(url: str, server_pid: int, megabytes: int = 1024) -> Case:
    """An anonymous chunked upload to a page: the server must answer before the body, reading none of it."""
    host, port = url.removeprefix("http://").split(":")
    sent = 0
    with PeakRss(server_pid) as rss, socket.create_connection((host, int(port)), timeout=10) as sock:
        started = time.perf_counter()
        sock.sendall(
            b"POST /cases/1/documents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: multipart/form-data; boundary=b\r\n\r\n"
        )
        sock.settimeout(0.05)
        answer = b""
        chunk = b"%x\r\n" % MiB + bytes(MiB) + b"\r\n"
        while sent < megabytes and not answer:
            try:
                sock.sendall(chunk)
                sent += 1
                answer = sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
        if not answer:
            sock.settimeout(10)
            answer = sock.recv(4096)
        seconds = time.perf_counter() - started
    status = answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/") else "no answer"
    return Case(
        f"anonymous chunked upload to a page ({sent} MiB sent before the answer)",
        "411",
        status,
        seconds,
        rss.peak / MiB,
    )


# -- the CLI ---------------------------------------------------------------------------------------------


def cli_cases(workdir: Path, env: dict[str, str]) -> list[Case]:
    mission = workdir / "mission.yaml"
    shutil.copy(ROOT / "examples" / "gaza-isf-inquiry.yaml", mission)
    files = {"bomb.yaml": alias_bomb(), "big.yaml": big_answers_yaml(), "bomb.xlsx": zip_bomb(),
             "longest.txt": resolution_text(990_000), "big.txt": resolution_text(19 * MiB)}  # fmt: skip
    for name, data in files.items():
        (workdir / name).write_bytes(data)
    fifo = workdir / "fifo.yaml"
    os.mkfifo(fifo)

    def answer(file: str) -> list[str]:
        return ["answer", str(mission), str(workdir / file), "-d", "azerbaijan"]

    runs = [
        ("answer: YAML alias bomb", "exit 2", answer("bomb.yaml")),
        ("answer: 2 MB XLSX inflating to 2 GiB", "exit 2", answer("bomb.xlsx")),
        ("answer: 1 MiB YAML of unknown facts", "exit 2", answer("big.yaml")),
        ("analyze /dev/zero", "exit 2", ["analyze", "/dev/zero"]),
        ("assess a FIFO without a writer", "exit 2", ["assess", str(fifo), "-d", "azerbaijan"]),
        ("analyze a 19 MB text", "exit 2", ["analyze", str(workdir / "big.txt")]),
        ("analyze a 0.99M-character text", "exit 0", ["analyze", str(workdir / "longest.txt")]),
    ]
    results = []
    for name, expected, args in runs:
        started = time.perf_counter()
        process = subprocess.Popen([str(BIN / "missiongate"), *args], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)  # fmt: skip
        with PeakRss(process.pid) as rss:
            _, stderr = process.communicate(timeout=300)
        lines = len(stderr.decode(errors="replace").strip().splitlines())
        got = f"exit {process.returncode}" + (
            "" if process.returncode == 0 or lines == 1 else f" ({lines} lines)"
        )
        results.append(Case(f"CLI {name}", expected, got, time.perf_counter() - started, rss.peak / MiB))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--record", action="store_true", help="write bench/results/bench_limits.json")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="missiongate-limits-"))
    server = LiveServer(workdir, workers=1)
    try:
        token = server.prepare()
        server.start()
        assert server.process is not None
        cases = api_cases(server.url, token, server.process.pid)
    finally:
        server.stop()
    try:
        cases += cli_cases(workdir, server.env)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    width = max(len(c.name) for c in cases)
    for c in cases:
        flag = "ok " if c.ok else "BAD"
        print(
            f"{flag} {c.name:<{width}}  {c.got:<12} {c.seconds:7.2f} s  {c.peak_mb:7.1f} MB  {c.body_bytes} B"
        )
    worst = max(cases, key=lambda c: c.peak_mb)
    passed = all(c.ok for c in cases)
    print(f"{'all pass' if passed else 'FAILURES'}; highest peak {worst.peak_mb:.0f} MB ({worst.name})")
    if args.record:
        _record(cases, worst, passed)
    return 0 if passed else 1


def _record(cases: list[Case], worst: Case, passed: bool) -> None:
    path = Path(__file__).resolve().parent / "results" / "bench_limits.json"
    stall = next(c.seconds for c in cases if c.name.startswith("health check"))
    measured = (
        f"{sum(c.ok for c in cases)}/{len(cases)} as expected; highest peak {worst.peak_mb:.0f} MB "
        f"({worst.name}); health check stalled at most {stall:.1f} s during the largest analyses"
    )
    row = {
        "id": "attack_memory",
        "order": table_order("bench_limits", "attack_memory"),
        "what": "the red team's attacks and the largest inputs within the limits (API and CLI), peak RSS",
        "bar": "4xx problem / exit 2, <= 500 MB",
        "measured": measured if passed else f"NOT MET: {measured}",
        "script": "bench/bench_limits.py",
        "figures": {"machine": machine(), "cases": [asdict(c) for c in cases]},
        "recorded": time.strftime("%Y-%m-%d"),
    }
    path.write_text(json.dumps({"rows": [row]}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
