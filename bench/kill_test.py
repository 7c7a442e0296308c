"""Kill the workspace server with SIGKILL in the middle of writes, again and again, and check the database.

    .venv/bin/python bench/kill_test.py                # 20 rounds on SQLite in a temporary data directory
    MISSIONGATE_DATABASE_URL=postgresql+psycopg://... .venv/bin/python bench/kill_test.py --rounds 5

Each round starts the server, lets writers edit facts (If-Match), record assessments and upload documents,
then SIGKILLs the server at a random moment. After every kill the database must open cleanly
(SQLite: `PRAGMA integrity_check` is "ok"), the audit chain must verify, and every write the server had
acknowledged (a 2xx answer) must be there. Traffic stays on 127.0.0.1; every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from load_api import LiveServer, machine
from missiongate.settings import Settings
from missiongate.store import audit
from missiongate.store.db import Database
from missiongate.store.models import AssessmentRecord, Document, FactRevision


@dataclass
class Acknowledged:
    facts: list[int] = field(default_factory=list)
    assessments: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    interrupted: int = 0  # writes under way when the server died: the kill landed mid-write
    lock: threading.Lock = field(default_factory=threading.Lock)


def writer(
    url: str, token: str, case_id: int, number: int, round_: int, stop: threading.Event, acked: Acknowledged
) -> None:
    """Write until the server dies; note every write it acknowledged."""
    headers = {"Authorization": f"Bearer {token}"}
    case_url = f"/api/cases/{case_id}"
    sequence = 0
    with httpx.Client(base_url=url, headers=headers, timeout=10) as client:
        while not stop.is_set():
            sequence += 1
            value = (round_ * 100 + number) * 100_000 + sequence
            writing = False
            try:
                etag = client.get(f"{case_url}/facts").headers["etag"]
                writing = True
                put = client.put(
                    f"{case_url}/facts/contingent.size", json={"value": value}, headers={"If-Match": etag}
                )
                if put.status_code == 200:
                    with acked.lock:
                        acked.facts.append(value)
                if sequence % 3 == 0:
                    made = client.post(f"{case_url}/assessments", json={})
                    if made.status_code == 201:
                        with acked.lock:
                            acked.assessments.append(made.json()["id"])
                if sequence % 5 == 0:
                    files = {"file": (f"note-{value}.txt", f"answer {value}".encode(), "text/plain")}
                    uploaded = client.post(f"{case_url}/documents", files=files)
                    if uploaded.status_code == 201:
                        with acked.lock:
                            acked.documents.append(uploaded.json()["id"])
            except (httpx.TransportError, KeyError):
                if writing:
                    with acked.lock:
                        acked.interrupted += 1
                return  # the server is gone


def check(database: Database, acked: Acknowledged) -> dict[str, Any]:
    """Open the database afresh and look for damage and lost writes."""
    result: dict[str, Any] = {}
    if database.is_sqlite:
        with database.engine.connect() as connection:
            result["integrity_check"] = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
    with database.read() as session:
        report = audit.verify(session)
        stored_facts = {r.record["value"] for r in session.query(FactRevision) if r.record}
        stored_assessments = {a for (a,) in session.query(AssessmentRecord.id)}
        stored_documents = {d for (d,) in session.query(Document.id)}
    result.update(
        audit_ok=report.ok,
        audit_entries=report.entries,
        audit_problems=report.problems[:3],
        lost_facts=sorted(set(acked.facts) - stored_facts)[:5],
        lost_assessments=sorted(set(acked.assessments) - stored_assessments)[:5],
        lost_documents=sorted(set(acked.documents) - stored_documents)[:5],
    )
    result["ok"] = (
        result.get("integrity_check", "ok") == "ok"
        and report.ok
        and not (result["lost_facts"] or result["lost_assessments"] or result["lost_documents"])
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--min-seconds", type=float, default=0.5, help="earliest kill after the writes start")
    parser.add_argument("--max-seconds", type=float, default=2.5, help="latest kill after the writes start")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="missiongate-kill-"))
    server = LiveServer(workdir)
    token = server.prepare()
    url = (
        Settings(data_dir=workdir).resolved_database_url
        if "MISSIONGATE_DATABASE_URL" not in server.env
        else server.env["MISSIONGATE_DATABASE_URL"]
    )
    rounds: list[dict[str, Any]] = []
    acked = Acknowledged()
    case_id = 0
    try:
        for round_ in range(args.rounds):
            server.start()
            if not case_id:
                with httpx.Client(
                    base_url=server.url, headers={"Authorization": f"Bearer {token}"}
                ) as client:
                    case_id = (
                        client.post("/api/cases", json={"title": "Kill test"}).raise_for_status().json()["id"]
                    )
            stop = threading.Event()
            threads = [
                threading.Thread(target=writer, args=(server.url, token, case_id, n, round_, stop, acked))
                for n in range(args.writers)
            ]
            for thread in threads:
                thread.start()
            time.sleep(random.uniform(args.min_seconds, args.max_seconds))
            server.kill()
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
            database = Database(url)
            outcome = check(database, acked)
            database.dispose()
            outcome.update(
                round=round_ + 1,
                acknowledged_writes=len(acked.facts) + len(acked.assessments) + len(acked.documents),
            )
            rounds.append(outcome)
            print(json.dumps(outcome), flush=True)
            if not outcome["ok"]:
                break
    finally:
        server.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    summary = {
        "machine": machine(),
        "database": url.split(":", 1)[0],
        "rounds": len(rounds),
        "all_ok": all(r["ok"] for r in rounds) and len(rounds) == args.rounds,
        "acknowledged_writes": rounds[-1]["acknowledged_writes"] if rounds else 0,
        "audit_entries": rounds[-1]["audit_entries"] if rounds else 0,
        "interrupted_writes": acked.interrupted,
    }
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "rounds": rounds}, indent=2) + "\n")
    return 0 if summary["all_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
