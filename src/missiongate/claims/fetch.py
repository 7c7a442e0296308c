"""Fetch a URL with a connect/read timeout, an overall deadline and a size limit (standard library)."""

from __future__ import annotations

import ipaddress
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPResponse
from urllib.parse import urlsplit

from missiongate.errors import MissionGateError

USER_AGENT = "MissionGate-claims/0.1 (+claims monitor)"


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 10.0  # seconds per connect or read
    deadline: float = 30.0  # seconds for the whole transfer (a server dribbling bytes is cut off)
    max_bytes: int = 5_000_000


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    data: bytes
    content_type: str | None


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def fetch(url: str, limits: Limits = Limits()) -> Fetched:
    """GET `url` (http/https only). Every failure is a MissionGateError naming the URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MissionGateError("only http and https URLs can be fetched", source=url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    started = time.monotonic()
    try:
        with _opener(parts.hostname).open(request, timeout=limits.timeout) as response:
            data = _read_limited(response, url, limits, started)
            return Fetched(response.geturl(), data, response.headers.get_content_type())
    except urllib.error.HTTPError as exc:
        raise MissionGateError(f"HTTP {exc.code} {exc.reason}", source=url) from None
    except urllib.error.URLError as exc:
        raise MissionGateError(f"cannot fetch: {exc.reason}", source=url) from None
    except TimeoutError:
        raise MissionGateError(f"timed out after {limits.timeout:g} s without data", source=url) from None
    except OSError as exc:
        raise MissionGateError(f"cannot fetch: {exc}", source=url) from None


def _opener(host: str) -> urllib.request.OpenerDirector:
    # A loopback address never goes through a proxy configured in the environment.
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if loopback:
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def _read_limited(response: HTTPResponse, url: str, limits: Limits, started: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise MissionGateError(f"too large: {int(declared)} bytes (limit {limits.max_bytes})", source=url)
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(65536):
        size += len(chunk)
        if size > limits.max_bytes:
            raise MissionGateError(f"too large: over {limits.max_bytes} bytes", source=url)
        if time.monotonic() - started > limits.deadline:
            raise MissionGateError(f"too slow: not complete after {limits.deadline:g} s", source=url)
        chunks.append(chunk)
    return b"".join(chunks)
