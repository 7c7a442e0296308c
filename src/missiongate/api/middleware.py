"""ASGI middleware: request guards (size, content type, login first, JSON depth, text no record may hold)
and the access log.

Both are plain ASGI callables rather than BaseHTTPMiddleware, which would add a task per request.
"""

from __future__ import annotations

import html
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from missiongate.api.schemas import MAX_ID
from missiongate.inputs import text_problem
from missiongate.server.deps import authenticate
from missiongate.server.errors import ProblemError, problem_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# The only writes an anonymous caller may send: the two logins.
PUBLIC_WRITES = {("POST", "/api/session"), ("POST", "/login")}
MAX_JSON_DEPTH = 64
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
access_log = logging.getLogger("missiongate.access")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _bad_text(value: Any, where: str = "") -> str | None:
    """Where in a JSON body there is text no record may hold (`inputs.text_problem`: control characters
    but tabs and line breaks, unpaired surrogates), and what is wrong with it; None if nowhere. Checked
    here, before FastAPI parses the body, for every field (also those never stored, such as passwords);
    the store checks the fields it keeps once more, one-line fields for line breaks too."""
    if isinstance(value, dict):
        for key, item in value.items():
            found = _bad_text(key, where) or _bad_text(item, f"{where}.{key}" if where else str(key))
            if found:
                return found
        return None
    if isinstance(value, list):
        return next((f for f in (_bad_text(v, f"{where}[{i}]") for i, v in enumerate(value)) if f), None)
    problem = text_problem(value, one_line=False)
    return f"{where or 'the body'}: {problem}" if problem else None


class RequestGuard:
    """Refuse, with a problem document (an HTML page or a redirect to log in for the web pages) and before
    any work is done, requests the app cannot take.

    Order matters: the headers are checked first, then the caller's credentials, and only then is a body
    read, so an anonymous caller cannot make the server read, parse or spool anything.
    """

    def __init__(
        self, app: ASGIApp, *, max_upload: int, max_json: int, upload_paths: re.Pattern[str]
    ) -> None:
        self.app, self.max_upload, self.max_json, self.upload_paths = app, max_upload, max_json, upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        refusal = self._check_target(scope)
        if refusal is None and scope["method"] in BODY_METHODS:
            refusal, receive = await self._check_request(scope, receive)
        if refusal is not None:
            await _refusal_response(scope, *refusal)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _check_request(self, scope: Scope, receive: Receive) -> tuple[tuple[int, str] | None, Receive]:
        refusal, is_json = self._check_headers(scope)
        if refusal is None and (scope["method"], scope["path"]) not in PUBLIC_WRITES:
            refusal = await _check_login(scope)
        if refusal is None and is_json:
            return await self._check_json(receive)
        return refusal, receive

    @staticmethod
    def _check_target(scope: Scope) -> tuple[int, str] | None:
        if "\x00" in scope["path"] or b"\x00" in unquote_to_bytes(scope.get("query_string", b"")):
            return 400, "the request target contains a NUL character"
        if not scope["path"].startswith("/api/") and any(map(_impossible_id, scope["path"].split("/"))):
            return 404, "no such page"  # the API validates its ids itself (422)
        return None

    def _check_headers(self, scope: Scope) -> tuple[tuple[int, str] | None, bool]:
        """A refusal from the headers alone, and whether the body is JSON to be checked."""
        length_header = _header(scope, b"content-length")
        if length_header is None:
            if _header(scope, b"transfer-encoding"):
                return (411, "send the request body with a Content-Length"), False
            return None, False
        if not length_header.isdigit():
            return (400, "invalid Content-Length"), False
        length = int(length_header)
        if length == 0:
            return None, False
        if not scope["path"].startswith("/api/"):  # the pages' forms and uploads
            if length > self.max_upload:
                return (413, f"the request exceeds the limit of {self.max_upload} bytes"), False
            return None, False
        media_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        if self.upload_paths.search(scope["path"]):
            if media_type != "multipart/form-data":
                return (
                    415,
                    f"unsupported content type {media_type or '(none)'!r}; send multipart/form-data",
                ), False
            if length > self.max_upload:
                return (413, f"the upload exceeds the limit of {self.max_upload} bytes"), False
            return None, False
        if media_type != "application/json" and not media_type.endswith("+json"):
            return (
                415,
                f"unsupported content type {media_type or '(none)'!r}; send application/json",
            ), False
        if length > self.max_json:
            return (413, f"the JSON body exceeds the limit of {self.max_json} bytes"), False
        return None, True

    @staticmethod
    async def _check_json(receive: Receive) -> tuple[tuple[int, str] | None, Receive]:
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return (400, "the client went away"), receive
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        refusal = _check_json_body(body)
        if refusal is not None:
            return refusal, receive

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return None, replay


def _impossible_id(segment: str) -> bool:
    """A page path segment of digits that no record id can be: non-ASCII digits, or past the id range
    (the database driver would fail on it rather than find nothing)."""
    return segment.isdigit() and (not segment.isascii() or len(segment) > 10 or int(segment) > MAX_ID)


def _check_json_body(body: bytes) -> tuple[int, str] | None:
    try:
        value = json.loads(body)
    except RecursionError:
        return 400, f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels"
    except ValueError:
        return None  # FastAPI answers malformed JSON with its own 422
    if _too_deep(value):
        return 400, f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels"
    bad = _bad_text(value)
    return (422, bad) if bad else None


def _too_deep(value: Any) -> bool:
    """Deeper than MAX_JSON_DEPTH; walked without recursion, since the point is to spare the stack."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        if children and depth >= MAX_JSON_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


async def _check_login(scope: Scope) -> tuple[int, str] | None:
    """401 unless the request carries a valid API token or session cookie (checked in a worker thread:
    it may query the database)."""
    request = Request(scope)
    try:
        principal = await run_in_threadpool(authenticate, request, request.app.state.db)
    except ProblemError as exc:
        return exc.status, exc.detail
    return None if principal is not None else (401, "log in first")


def _refusal_response(scope: Scope, status: int, detail: str) -> ASGIApp:
    if scope["path"].startswith("/api/"):
        slug = "unauthenticated" if status == 401 else "bad-request"
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return problem_response(scope["path"], status, detail, slug=slug, headers=headers)
    if status == 401:
        if _header(scope, b"hx-request") == "true":
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse("/login", status_code=303)
    title = html.escape(HTTPStatus(status).phrase)
    page = f"<!doctype html><html lang=en><title>{title}</title><h1>{title}</h1><p>{html.escape(detail)}</p>"
    return HTMLResponse(page, status_code=status)


class AccessLog:
    """One structured log line per request: method, path, status, duration, user, request id."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = _header(scope, b"x-request-id") or ""
        request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", request_id.encode("latin-1")))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            access_log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 2),
                    "user": scope["state"].get("user"),
                    "request_id": request_id,
                },
            )
