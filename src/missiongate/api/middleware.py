"""ASGI middleware: request guards (size, content type, text the databases refuse) and the access log.

Both are plain ASGI callables rather than BaseHTTPMiddleware, which would add a task per request.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import unquote_to_bytes

from missiongate.server.errors import problem_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
access_log = logging.getLogger("missiongate.access")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _bad_text(value: Any) -> bool:
    """True for text PostgreSQL and SQLite cannot store: NUL characters and unpaired surrogates."""
    if isinstance(value, str):
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_bad_text(k) or _bad_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_bad_text(v) for v in value)
    return False


class RequestGuard:
    """Refuse, with a problem document and before any work is done, requests the API cannot take."""

    def __init__(
        self, app: ASGIApp, *, max_upload: int, max_json: int, upload_paths: re.Pattern[str]
    ) -> None:
        self.app, self.max_upload, self.max_json, self.upload_paths = app, max_upload, max_json, upload_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        refusal = self._check_target(scope)
        if refusal is None and scope["method"] in BODY_METHODS:
            refusal, receive = await self._check_body(scope, receive)
        if refusal is not None:
            status, detail = refusal
            await problem_response(scope["path"], status, detail, slug="bad-request")(scope, receive, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _check_target(scope: Scope) -> tuple[int, str] | None:
        if "\x00" in scope["path"] or b"\x00" in unquote_to_bytes(scope.get("query_string", b"")):
            return 400, "the request target contains a NUL character"
        return None

    async def _check_body(self, scope: Scope, receive: Receive) -> tuple[tuple[int, str] | None, Receive]:
        length_header = _header(scope, b"content-length")
        if length_header is None:
            if _header(scope, b"transfer-encoding"):
                return (411, "send the request body with a Content-Length"), receive
            return None, receive
        if not length_header.isdigit():
            return (400, "invalid Content-Length"), receive
        length = int(length_header)
        if length == 0:
            return None, receive
        media_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        if self.upload_paths.search(scope["path"]):
            if media_type != "multipart/form-data":
                return (
                    415,
                    f"unsupported content type {media_type or '(none)'!r}; send multipart/form-data",
                ), receive
            if length > self.max_upload:
                return (413, f"the upload exceeds the limit of {self.max_upload} bytes"), receive
            return None, receive
        if media_type != "application/json" and not media_type.endswith("+json"):
            return (
                415,
                f"unsupported content type {media_type or '(none)'!r}; send application/json",
            ), receive
        if length > self.max_json:
            return (413, f"the JSON body exceeds the limit of {self.max_json} bytes"), receive
        return await self._check_json(receive)

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
        try:
            if _bad_text(json.loads(body)):
                return (422, "text must not contain NUL characters or unpaired surrogates"), receive
        except ValueError:
            pass  # FastAPI answers malformed JSON with its own 422

        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return None, replay


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
