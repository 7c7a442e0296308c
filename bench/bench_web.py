"""Web workspace benchmark: server time of every page with 200 cases, and first page load in Chromium.

    .venv/bin/python bench/bench_web.py [--requests 60] [--loads 10]

Seeds a fresh SQLite database (200 cases with the example inquiry's facts, one analysed resolution), starts
uvicorn in a child process on 127.0.0.1, times each page over loopback (httpx, sequential, after warm-up)
and loads the case list in headless Debian Chromium with a cold cache. Targets: p95 <= 100 ms per page;
first load <= 1 s. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

import missiongate
from machine import cpu_model
from missiongate.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
RESOLUTION = ROOT / "data" / "unsc-resolutions" / "S_RES_0872_1993_EN_GOLD.txt"
EXAMPLE = ROOT / "examples" / "gaza-isf-inquiry.yaml"
CASES = 200
PAGE_TARGET_MS, LOAD_TARGET_MS = 100.0, 1000.0
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def settings_for(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, database_url="", log_json=False, log_level="WARNING")


def seed(data_dir: Path) -> tuple[str, int, int, int]:
    """Seed 200 cases. Returns the analyst's session cookie and ids: a case, its document, its assessment."""
    from missiongate.services.workspace import open_database
    from missiongate.store import accounts, cases, proposals
    from missiongate.store import decisions as store_decisions
    from missiongate.store import documents as store_documents
    from missiongate.store.models import Role

    database = open_database(settings_for(data_dir))
    facts = missiongate.load_mission(EXAMPLE).to_data()["facts"]
    with database.write() as session:
        user = accounts.create_user(session, "bench", "analyst", Role.ANALYST, password="bench password 1")
        actor = accounts.Actor.of(user)
        _, cookie = accounts.start_session(session, user, 2)
        for number in range(CASES):
            data = cases.CaseInput(
                title=f"Inquiry {number:03d}: stabilization force",
                facts=facts,
                operation="International Stabilization Force",
                example=True,
            )
            case = cases.create_case(session, actor, data)
            store_decisions.create_assessment(session, actor, case.id)
        document = store_documents.add_document(
            session,
            actor,
            case.id,
            filename=RESOLUTION.name,
            content_type="text/plain",
            data=RESOLUTION.read_bytes(),
            kind="mandate",
        )
        proposals.propose(session, actor, case.id, document)
        assessment = store_decisions.create_assessment(session, actor, case.id)
    database.dispose()
    return cookie, case.id, document.id, assessment.id


def serve(data_dir: Path, port: int) -> None:
    """Child process: the app with the web pages, as `create_app` builds it."""
    import uvicorn

    from missiongate.server.app import create_app

    app = create_app(settings_for(data_dir))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_ready(base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def pages(case: int, document: int, assessment: int) -> dict[str, tuple[str, dict[str, str]]]:
    c = f"/cases/{case}"
    fragment = {"HX-Request": "true", "HX-Target": "case-results"}
    return {
        "login": ("/login", {}),
        "case list": ("/cases", {}),
        "case list, search": ("/cases?q=inquiry+1&status=open", {}),
        "case list fragment (htmx)": ("/cases?q=inquiry", fragment),
        "new inquiry": ("/cases/new", {}),
        "case overview": (c, {}),
        "facts": (f"{c}/facts", {}),
        "fact edit": (f"{c}/facts/consent.all_parties/edit", {}),
        "documents": (f"{c}/documents", {}),
        "document review": (f"{c}/documents/{document}", {}),
        "questionnaire": (f"{c}/questionnaire", {}),
        "questionnaire export (XLSForm)": (f"{c}/questionnaire/export?format=xlsx", {}),
        "timeline": (f"{c}/timeline", {}),
        "assessment record": (f"{c}/assessments/{assessment}", {}),
        "official position": (f"{c}/position", {}),
        "case comparison": (f"{c}/compare", {}),
        "doctrines": ("/doctrines", {}),
        "doctrine": ("/doctrines/azerbaijan", {}),
        "compare": (f"/compare?case={case}", {}),
    }


def time_pages(base: str, cookie: str, ids: tuple[int, int, int], requests: int) -> dict[str, float]:
    results = {}
    anonymous = httpx.Client(base_url=base, timeout=10)
    with (
        anonymous,
        httpx.Client(base_url=base, cookies={"missiongate_session": cookie}, timeout=10) as client,
    ):
        for name, (path, headers) in pages(*ids).items():
            samples = []
            for attempt in range(requests + 5):
                started = time.perf_counter()
                response = (anonymous if path == "/login" else client).get(path, headers=headers)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"{name}: HTTP {response.status_code}")
                if attempt >= 5:  # warm-up: first requests import modules and fill caches
                    samples.append(elapsed)
            results[name] = statistics.quantiles(samples, n=20)[-1]
    return results


def first_loads(base: str, cookie: str, loads: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
        )
        for _ in range(loads):
            context = browser.new_context()  # a cold cache every time
            context.add_cookies([{"name": "missiongate_session", "value": cookie, "url": base}])
            page = context.new_page()
            page.goto(f"{base}/cases", wait_until="load")
            times.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
            context.close()
        browser.close()
    return times


def machine() -> str:
    return f"{os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page")
    parser.add_argument("--loads", type=int, default=10, help="cold first loads in Chromium")
    parser.add_argument("--serve", nargs=2, metavar=("DATA_DIR", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(Path(args.serve[0]), int(args.serve[1]))
        return 0
    data_dir = Path(tempfile.mkdtemp(prefix="mg-bench-web-"))
    try:
        return run(data_dir, args.requests, args.loads)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(data_dir: Path, requests: int, loads: int) -> int:
    cookie, *ids = seed(data_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    child = subprocess.Popen([sys.executable, __file__, "--serve", str(data_dir), str(port)])
    try:
        wait_ready(base)
        server = time_pages(base, cookie, (ids[0], ids[1], ids[2]), requests)
        browser = first_loads(base, cookie, loads) if shutil.which("/usr/bin/chromium") else []
    finally:
        child.terminate()
        child.wait(timeout=10)
    print(f"machine: {machine()}; {CASES} cases in SQLite; {requests} requests per page")
    print(f"{'page':34} {'p95 ms':>8}")
    for name, p95 in server.items():
        print(f"{name:34} {p95:8.1f}{'' if p95 <= PAGE_TARGET_MS else '  OVER TARGET'}")
    ok = all(p95 <= PAGE_TARGET_MS for p95 in server.values())
    if browser:
        worst = max(browser)
        print(
            f"first load of /cases in Chromium (cold cache, {loads} runs): "
            f"median {statistics.median(browser):.0f} ms, max {worst:.0f} ms"
        )
        ok = ok and worst <= LOAD_TARGET_MS
    else:
        print("first load not measured: /usr/bin/chromium is missing")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
