"""Errors as RFC 9457 problem documents (`application/problem+json`), for every failure the API returns."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from missiongate.errors import MissionGateError
from missiongate.store.errors import ConflictError, NotFoundError, TooLargeError, UnsupportedTypeError

PROBLEM_TYPE = "application/problem+json"
TYPE_BASE = "urn:missiongate:problem:"
log = logging.getLogger("missiongate.api")


class Problem(BaseModel):
    """An RFC 9457 problem document, as published in the OpenAPI schema."""

    model_config = ConfigDict(extra="allow")
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None


class ProblemError(Exception):
    """Raise anywhere in a request to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        slug: str | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail)
        self.status, self.detail, self.slug = status, detail, slug
        self.headers, self.extensions = headers or {}, extensions


def problem_response(
    request_path: str | None,
    status: int,
    detail: str | None,
    *,
    slug: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"{TYPE_BASE}{slug}" if slug else "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request_path,
        **extensions,
    }
    return JSONResponse(jsonable_encoder(body), status_code=status, media_type=PROBLEM_TYPE, headers=headers)


# Documented on every operation, so clients (and schemathesis) know the shape of error answers.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {PROBLEM_TYPE: {}}, "description": HTTPStatus(status).phrase}
    for status in (400, 401, 403, 404, 409, 413, 415, 422, 428)
}


# For the operations that can refuse a caller for a while (the login throttle).
TOO_MANY_REQUESTS: dict[int | str, dict[str, Any]] = {
    429: {
        "model": Problem,
        "content": {PROBLEM_TYPE: {}},
        "description": HTTPStatus(429).phrase,
        "headers": {
            "Retry-After": {
                "description": "seconds to wait before trying again",
                "schema": {"type": "integer"},
            }
        },
    }
}


def install(app: FastAPI) -> None:
    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(
            request.url.path, exc.status, exc.detail, slug=exc.slug, headers=exc.headers, **exc.extensions
        )

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return problem_response(
            request.url.path, exc.status_code, str(exc.detail), headers=dict(exc.headers or {})
        )

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors[:5])
        return problem_response(request.url.path, 422, detail, slug="invalid-request", errors=errors)

    async def on_domain(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, MissionGateError)
        if isinstance(exc, NotFoundError):
            return problem_response(request.url.path, 404, exc.message, slug="not-found")
        if isinstance(exc, UnsupportedTypeError):
            return problem_response(
                request.url.path, 415, exc.message, slug="unsupported-media-type", accepted=exc.accepted
            )
        if isinstance(exc, TooLargeError):
            return problem_response(request.url.path, 413, exc.message, slug="too-large")
        if isinstance(exc, ConflictError):
            extensions = {} if exc.current_version is None else {"current_version": exc.current_version}
            headers = {} if exc.current_version is None else {"ETag": etag(exc.current_version)}
            return problem_response(
                request.url.path, 409, exc.message, slug="conflict", headers=headers, **extensions
            )
        return problem_response(request.url.path, 422, exc.message, slug="invalid-input")

    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(request.url.path, 500, "internal error; the incident was logged")

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(MissionGateError, on_domain)
    app.add_exception_handler(Exception, on_crash)


def etag(version: int) -> str:
    return f'"v{version}"'
