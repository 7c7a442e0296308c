"""Fixtures for the claims tests: a local HTTP server on 127.0.0.1 (never any other host)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><guid>a1</guid><title>Envoy claims Baku is in</title><link>http://127.0.0.1/a1</link>
<description>&lt;p&gt;The U.S. ambassador said Azerbaijan had agreed to send troops
to the Gaza force.&lt;/p&gt;
&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><guid>a2</guid><title>Markets</title><description>Oil prices rose on Monday.</description></item>
</channel></rss>"""

ARTICLE = b"""<!doctype html><html><head><title>Gaza force</title><script>document.write('x')</script>
<style>p{color:red}</style></head><body><nav>Home</nav><article><p>Indonesia has pledged troops to the
International Stabilization Force, its defence minister said.</p><script>fetch('http://evil')</script>
<p>Pakistan remains undecided on the Gaza mission.</p></article></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {
        "/feed.xml": ("application/rss+xml", RSS),
        "/article.html": ("text/html", ARTICLE),
        "/bad.xml": ("application/rss+xml", b"<rss><channel><item><title>broken"),
    }

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        if self.path in self.routes:
            kind, body = self.routes[self.path]
            self._send(200, kind, body)
        elif self.path == "/slow":
            time.sleep(1.5)  # longer than the client's timeout
            self._send(200, "text/plain", b"late")
        elif self.path == "/dribble":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):  # bounded: 40 bytes over at most ~4 s
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
        elif self.path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        elif self.path == "/huge-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(64):  # 4 MiB at most
                    self.wfile.write(b"Azerbaijan " * 6000)
            except OSError:
                return
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """Base URL of a server on 127.0.0.1 serving feeds, articles and misbehaving endpoints."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
