"""Requests are refused from their headers and credentials before any body is read: the red team's
anonymous 1 GiB upload and deeply nested JSON, called straight on the ASGI app so the reads are counted."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

H = dict[str, str]
PROBLEM = "application/problem+json"


class Call:
    """One request on the ASGI app: the status, headers and body sent back, and how often the app read."""

    def __init__(self, app: FastAPI, method: str, path: str, headers: H, body: bytes = b"") -> None:
        self.reads = 0
        self.status = 0
        self.headers: H = {}
        self.body = b""
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            "client": ("127.0.0.1", 5000),
            "server": ("testserver", 80),
        }
        asyncio.run(app(scope, self._receive(body), self._send))

    def _receive(self, body: bytes) -> Any:
        async def receive() -> dict[str, Any]:
            self.reads += 1
            return {"type": "http.request", "body": body, "more_body": False}

        return receive

    async def _send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")


MULTIPART = {"content-type": "multipart/form-data; boundary=x", "content-length": "60000"}


def test_anonymous_uploads_are_refused_unread(client: TestClient, example_case: dict[str, Any]) -> None:
    app = client.app
    assert isinstance(app, FastAPI)
    case = example_case["id"]
    api = Call(app, "POST", f"/api/cases/{case}/documents", MULTIPART)
    assert api.status == 401 and api.headers["content-type"] == PROBLEM and api.reads == 0
    page = Call(app, "POST", f"/cases/{case}/documents", MULTIPART)
    assert page.status == 303 and page.headers["location"] == "/login" and page.reads == 0
    forged = Call(app, "POST", f"/cases/{case}/documents", {**MULTIPART, "cookie": "missiongate_session=x"})
    assert forged.status == 303 and forged.reads == 0
    bearer = Call(app, "POST", "/api/cases", {"authorization": "Bearer mgt_nothing", "content-length": "2",
                                              "content-type": "application/json"})  # fmt: skip
    assert bearer.status == 401 and bearer.reads == 0


def test_web_bodies_have_a_size_limit_and_a_length(client: TestClient, analyst: H) -> None:
    app = client.app
    assert isinstance(app, FastAPI)
    chunked = Call(app, "POST", "/cases/1/documents", {"transfer-encoding": "chunked", **analyst})
    assert chunked.status == 411 and chunked.headers["content-type"].startswith("text/html")
    assert chunked.reads == 0
    huge = Call(app, "POST", "/cases/1/documents", {**MULTIPART, "content-length": str(2**30), **analyst})
    assert huge.status == 413 and b"limit" in huge.body and huge.reads == 0


def test_login_forms_need_no_credentials(client: TestClient) -> None:
    response = client.post("/login", data={"username": "nobody", "password": "wrong password"})
    assert response.status_code in (200, 401) and "text/html" in response.headers["content-type"]
    api = client.post("/api/session", json={"username": "nobody", "password": "wrong password"})
    assert api.status_code == 401 and "password" in api.json()["detail"]


def test_deeply_nested_json_is_400_and_anonymous_is_401_first(client: TestClient, analyst: H) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    headers = {"content-type": "application/json"}
    anonymous = client.post("/api/cases", content=deep, headers=headers)
    assert anonymous.status_code == 401 and anonymous.headers["content-type"] == PROBLEM
    for body in (deep, json.dumps({"title": "x", "facts": {"a": _nested(80)}})):
        refused = client.post("/api/cases", content=body, headers={**headers, **analyst})
        assert refused.status_code == 400 and refused.headers["content-type"] == PROBLEM
        assert "nested deeper" in refused.json()["detail"]
    shallow = client.post("/api/cases", json={"title": "x", "facts": {}}, headers=analyst)
    assert shallow.status_code == 201


def _nested(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value
