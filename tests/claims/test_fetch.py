from __future__ import annotations

import time

import pytest

from missiongate.claims.fetch import Limits, fetch
from missiongate.claims.sources import load_documents
from missiongate.errors import MissionGateError

FAST = Limits(timeout=0.5, deadline=1.0, max_bytes=200_000)


def test_fetches_from_the_local_server(server: str) -> None:
    fetched = fetch(f"{server}/feed.xml", FAST)
    assert fetched.content_type == "application/rss+xml" and b"<rss" in fetched.data


def test_url_articles_become_documents(server: str) -> None:
    (doc,) = load_documents(f"{server}/article.html", FAST)
    assert "Pakistan remains undecided" in doc.text and "evil" not in doc.text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/slow", "timed out"),
        ("/dribble", "too slow"),
        ("/huge-declared", "too large"),
        ("/huge-stream", "too large"),
        ("/missing", "HTTP 404"),
    ],
)
def test_misbehaving_servers_fail_fast_and_clearly(server: str, path: str, message: str) -> None:
    started = time.monotonic()
    with pytest.raises(MissionGateError, match=message) as info:
        fetch(server + path, FAST)
    assert time.monotonic() - started < 3
    assert info.value.source == server + path


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "http://"])
def test_only_http_urls(url: str) -> None:
    with pytest.raises(MissionGateError, match="only http and https"):
        fetch(url)


def test_refused_connection() -> None:
    with pytest.raises(MissionGateError, match="cannot fetch"):
        fetch("http://127.0.0.1:9/", FAST)
