"""One browser test: Chromium opens the memo's PDF in its viewer, with its title and every page."""

from __future__ import annotations

import datetime as dt
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from pypdf import PdfReader

from missiongate import Doctrine
from missiongate.decision import build_memo
from missiongate.documents import render_pdf
from tests.decision.support import example
from tests.web.helpers import PDF_TOOLBAR, SCREENSHOTS, pdf_viewer, poll


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


def test_chromium_opens_the_memo_pdf(browser: Any, azerbaijan: Doctrine) -> None:
    memo = build_memo(azerbaijan, example("gaza-isf-inquiry"), country="Azerbaijan", date=dt.date(2026, 1, 9))
    pdf = render_pdf("memo.html", {"memo": memo, "annex": memo.annex})
    server = _serve(pdf)
    page = browser.new_page()
    try:
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
        page.close()
        server.shutdown()
