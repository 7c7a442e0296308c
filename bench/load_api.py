"""Load the workspace API on loopback and check the numbers of issue 4.

    .venv/bin/python bench/load_api.py                 # both phases, against a server it starts itself
    .venv/bin/python bench/load_api.py load --rate 100 --seconds 60
    .venv/bin/python bench/load_api.py editors --editors 20 --rounds 10
    .venv/bin/python bench/load_api.py --url http://127.0.0.1:8000 --token mgt_...   # a running server

Phase `load`: an open-loop schedule (requests start on time whether or not earlier ones finished, so slow
answers cannot hide queueing) of mixed reads and assessments; targets p95 <= 50 ms for reads,
<= 100 ms for assessments, zero errors. Phase `editors`: N clients edit the same case at once with
If-Match; every accepted write must be in the fact history, every rejected one answered 409, and the
audit chain must verify. Traffic goes to 127.0.0.1 only, and every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from machine import cpu_model

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
READ_TARGET_MS, ASSESS_TARGET_MS = 50.0, 100.0
IDLE_SECONDS = 2.0  # reuse a kept-alive connection only well within uvicorn's 5 s keep-alive timeout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [str(BIN / "missiongate"), *args], env=env, input=stdin, capture_output=True, text=True, check=True
    )
    return result.stdout


class LiveServer:
    """`missiongate serve` in its own process, on a free loopback port, with its own data directory."""

    def __init__(self, data_dir: Path, *, workers: int = 1, extra_env: dict[str, str] | None = None) -> None:
        self.data_dir, self.workers = data_dir, workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "MISSIONGATE_DATA_DIR": str(data_dir),
            "MISSIONGATE_LOG_LEVEL": "INFO",
            **(extra_env or {}),
        }
        self.process: subprocess.Popen[bytes] | None = None

    def prepare(self) -> str:
        """Create the admin user; return an API token for it."""
        cli(
            self.env,
            "user",
            "add",
            "admin",
            "--role",
            "admin",
            "--password-stdin",
            "--if-missing",
            stdin="benchmark password\n",
        )
        return cli(self.env, "user", "token", "admin", "--name", "bench").strip()

    def start(self, timeout: float = 30.0) -> None:
        log = (self.data_dir / "server.log").open("ab")
        self.process = subprocess.Popen(
            [
                str(BIN / "missiongate"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; see {log.name}")
            time.sleep(0.1)
        raise RuntimeError("server did not become healthy in time")

    def kill(self) -> None:
        """SIGKILL the server and any worker processes it started (its own process group)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def create_cases(client: httpx.Client, count: int) -> list[int]:
    """Cases built from the example missions, each assessed once so reads find records."""
    import missiongate

    ids = []
    for n in range(count):
        mission = missiongate.load_mission(EXAMPLES[n % len(EXAMPLES)]).to_data()
        body = {"title": f"{mission['title']} #{n}", "facts": mission["facts"], "example": True}
        case = client.post("/api/cases", json=body).raise_for_status().json()
        client.post(f"/api/cases/{case['id']}/assessments", json={}).raise_for_status()
        ids.append(case["id"])
    return ids


# -- phase 1: mixed load ---------------------------------------------------------------------------------


@dataclass
class Sample:
    kind: str
    ms: float
    ok: bool
    late_ms: float


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def pick_request(case_ids: list[int], assessment_share: float) -> tuple[str, str, str]:
    case_id = random.choice(case_ids)
    if random.random() < assessment_share:
        return "assessment", "POST", f"/api/cases/{case_id}/assessments"
    path = random.choice(
        [
            f"/api/cases/{case_id}",
            f"/api/cases/{case_id}/facts",
            f"/api/cases/{case_id}/assessments?limit=20",
            "/api/cases?limit=20",
            "/api/cases?status=open&limit=20",
            f"/api/cases/{case_id}/positions",
        ]
    )
    return "read", "GET", path


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams.

    httpx's async client costs a few milliseconds of CPU per request, which on a 2-core machine shared
    with the server would be measured as server latency; this one costs a fraction of that.
    """

    def __init__(self, url: str, token: str, max_connections: int = 64) -> None:
        host_port = url.removeprefix("http://").rstrip("/")
        self.host, _, port = host_port.partition(":")
        self.port = int(port or 80)
        self.auth = f"Authorization: Bearer {token}\r\n"
        self.idle: list[tuple[float, asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.slots = asyncio.Semaphore(max_connections)

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        async with self.slots:
            reader, writer = await self._connection()
            try:
                head = (
                    f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n{self.auth}"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                )
                writer.write(head.encode() + body)
                status_line = await reader.readline()
                length = 0
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                payload = await reader.readexactly(length)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                writer.close()
                raise
            self.idle.append((time.monotonic(), reader, writer))
            return int(status_line.split()[1]), payload

    async def _connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        while self.idle:
            used, reader, writer = self.idle.pop()
            if time.monotonic() - used < IDLE_SECONDS:
                return reader, writer
            writer.close()
        return await asyncio.open_connection(self.host, self.port)

    def close(self) -> None:
        for _, _, writer in self.idle:
            writer.close()


async def run_load(
    url: str, token: str, case_ids: list[int], rate: float, seconds: float, assessment_share: float
) -> LoadResult:
    result = LoadResult()
    client = RawClient(url, token)

    async def one(kind: str, method: str, path: str, scheduled: float) -> None:
        started = time.perf_counter()
        try:
            status, payload = await client.request(method, path, b"{}" if method == "POST" else b"")
            ok = status < 400
            if not ok:
                result.errors.append(f"{method} {path}: {status} {payload[:200]!r}")
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            ok = False
            result.errors.append(f"{method} {path}: {type(exc).__name__}")
        elapsed = (time.perf_counter() - started) * 1000
        result.samples.append(Sample(kind, elapsed, ok, (started - scheduled) * 1000))

    tasks = []
    begin = time.perf_counter()
    for n in range(int(rate * seconds)):
        scheduled = begin + n / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(*pick_request(case_ids, assessment_share), scheduled)))
    await asyncio.gather(*tasks)
    client.close()
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summarise_load(result: LoadResult, rate: float, seconds: float) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "rate": rate,
        "seconds": seconds,
        "requests": len(result.samples),
        "errors": len(result.errors),
        "first_errors": result.errors[:5],
    }
    for kind in ("read", "assessment"):
        times = [s.ms for s in result.samples if s.kind == kind]
        summary[kind] = {
            "count": len(times),
            "p50_ms": round(percentile(times, 50), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "p99_ms": round(percentile(times, 99), 1),
            "max_ms": round(max(times, default=float("nan")), 1),
        }
    summary["max_start_delay_ms"] = round(max((s.late_ms for s in result.samples), default=0), 1)
    summary["pass"] = (
        not result.errors
        and summary["read"]["p95_ms"] <= READ_TARGET_MS
        and summary["assessment"]["p95_ms"] <= ASSESS_TARGET_MS
    )
    return summary


# -- phase 2: concurrent editors -------------------------------------------------------------------------


def run_editors(url: str, token: str, editors: int, rounds: int) -> dict[str, Any]:
    import threading

    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        case_id = (
            client.post("/api/cases", json={"title": "Concurrent editors"}).raise_for_status().json()["id"]
        )
    accepted: list[int] = []
    rejected: list[int] = []
    unexpected: list[str] = []
    barrier = threading.Barrier(editors)
    fact_url = f"/api/cases/{case_id}/facts"

    def editor(number: int) -> None:
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            barrier.wait()
            for round_ in range(rounds):
                etag = client.get(fact_url).headers["etag"]
                value = number * 1000 + round_
                response = client.put(
                    f"{fact_url}/contingent.size", json={"value": value}, headers={"If-Match": etag}
                )
                if response.status_code == 200:
                    accepted.append(value)
                elif response.status_code == 409:
                    rejected.append(value)
                else:
                    unexpected.append(f"{response.status_code} {response.text[:200]}")

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(editors)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    elapsed = time.perf_counter() - started
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
        history = client.get(f"{fact_url}/contingent.size/history").raise_for_status().json()
        case = client.get(f"/api/cases/{case_id}").raise_for_status().json()
        chain = client.get("/api/audit/verify").raise_for_status().json()
    stored = sorted(h["record"]["value"] for h in history if h["record"])
    result = {
        "editors": editors,
        "rounds": rounds,
        "seconds": round(elapsed, 2),
        "accepted": len(accepted),
        "rejected_409": len(rejected),
        "unexpected": unexpected[:5],
        "every_accepted_write_stored": stored == sorted(accepted),
        "case_version_matches": case["version"] == 1 + len(accepted),
        "audit_chain_ok": chain["ok"],
        "audit_entries": chain["entries"],
    }
    result["pass"] = (
        not unexpected
        and len(accepted) + len(rejected) == editors * rounds
        and result["every_accepted_write_stored"]
        and result["case_version_matches"]
        and chain["ok"]
    )
    return result


# -- driver ----------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("phase", nargs="?", choices=["all", "load", "editors"], default="all")
    parser.add_argument("--url", help="a running server (default: start one on a free loopback port)")
    parser.add_argument("--token", help="API token for --url (an admin's, for the audit check)")
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=60.0, help="duration of the load phase")
    parser.add_argument("--assessments", type=float, default=0.2, help="share of requests that assess")
    parser.add_argument("--cases", type=int, default=20, help="cases to create for the load phase")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.url and not args.url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        parser.error("--url must be a loopback address")

    server, workdir = None, None
    url, token = args.url, args.token
    if url is None:
        workdir = Path(tempfile.mkdtemp(prefix="missiongate-load-"))
        server = LiveServer(workdir, workers=args.workers)
        token = server.prepare()
        server.start()
        url = server.url
    results: dict[str, Any] = {"machine": machine(), "server": url, "workers": args.workers}
    try:
        if args.phase in ("all", "load"):
            with httpx.Client(
                base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30
            ) as client:
                case_ids = create_cases(client, args.cases)
            raw = asyncio.run(run_load(url, token, case_ids, args.rate, args.seconds, args.assessments))
            results["load"] = summarise_load(raw, args.rate, args.seconds)
        if args.phase in ("all", "editors"):
            results["editors"] = run_editors(url, token, args.editors, args.rounds)
    finally:
        if server is not None:
            server.stop()
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(r.get("pass", True) for r in results.values() if isinstance(r, dict)) else 1


if __name__ == "__main__":
    sys.exit(main())
