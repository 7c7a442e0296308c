"""One browser test: Chromium opens the memo's PDF in its viewer, with its title and every page."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pypdf import PdfReader

from missiongate import Doctrine
from missiongate.decision import build_memo
from missiongate.documents import render_pdf
from tests.decision.support import example
from tests.support.backends import in_ci
from tests.web.helpers import CHROMIUM, CHROMIUM_ARGS, PDF_TOOLBAR, SCREENSHOTS, pdf_viewer, poll


def _unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"CI=true: browser tests must run, but {reason} (run .ci/chromium.sh)")
    pytest.skip(reason)


@pytest.fixture
def chromium() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if shutil.which(CHROMIUM) is None:
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _serve(body: bytes) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_chromium_opens_the_memo_pdf(chromium: Any, azerbaijan: Doctrine) -> None:
    memo = build_memo(azerbaijan, example("gaza-isf-inquiry"), country="Azerbaijan", date=dt.date(2026, 1, 9))
    pdf = render_pdf("memo.html", {"memo": memo, "annex": memo.annex})
    server = _serve(pdf)
    try:
        page = chromium.new_page()
        response = page.goto(f"http://127.0.0.1:{server.server_address[1]}/memo.pdf")
        assert response is not None and response.headers["content-type"] == "application/pdf"
        viewer = pdf_viewer(page)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        assert poll(page, lambda: viewer.evaluate(f"{PDF_TOOLBAR}?.docLength ?? 0")) == pages
        title = viewer.evaluate(f"{PDF_TOOLBAR}.shadowRoot.querySelector('#title').textContent")
        assert title == f"Memo to the Minister: {memo.title}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "memo-pdf.png"))
    finally:
        server.shutdown()
