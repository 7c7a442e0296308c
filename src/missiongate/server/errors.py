"""Every way a request can fail, mapped to an HTTP status once. The API renders the mapping as RFC 9457
problem documents (`application/problem+json`), the web pages as an HTML error page: same status, same words.

Domain errors (`missiongate.errors`) carry no HTTP: `STATUS` below is their one table. `ProblemError` is for
refusals of the server itself (authentication, CSRF, If-Match, throttling), which have no domain meaning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from missiongate.errors import (
    ConflictError,
    MissionGateError,
    NotAnalysableError,
    NotFoundError,
    TooLargeError,
    UnsupportedTypeError,
)

PROBLEM_TYPE = "application/problem+json"
NO_PAGE = "There is no such page: the address may be mistyped, or what it named was removed."
TYPE_BASE = "urn:missiongate:problem:"
log = logging.getLogger("missiongate.api")

# Error class -> (status, problem slug). The most specific class wins; anything else the user can fix is 422.
STATUS: dict[type[MissionGateError], tuple[int, str]] = {
    NotFoundError: (404, "not-found"),
    ConflictError: (409, "conflict"),
    TooLargeError: (413, "too-large"),
    UnsupportedTypeError: (415, "unsupported-media-type"),
    NotAnalysableError: (422, "not-analysable"),
    MissionGateError: (422, "invalid-input"),
}


class ProblemError(Exception):
    """Raise anywhere in a request to answer with this status (a problem document, or the error page)."""

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


def as_problem(exc: MissionGateError) -> ProblemError:
    """A domain error as the HTTP answer it gets, with what a client needs to recover (ETag, types)."""
    status, slug = next(STATUS[cls] for cls in type(exc).__mro__ if cls in STATUS)
    if isinstance(exc, ConflictError) and exc.current_version is not None:
        return ProblemError(
            status,
            exc.message,
            slug=slug,
            headers={"ETag": etag(exc.current_version)},
            current_version=exc.current_version,
        )
    if isinstance(exc, UnsupportedTypeError):
        return ProblemError(status, exc.message, slug=slug, accepted=exc.accepted)
    return ProblemError(status, exc.message, slug=slug)


def etag(version: int) -> str:
    return f'"v{version}"'


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


def validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]


def validation_text(errors: list[dict[str, Any]], *, skip_first: bool = False) -> str:
    """The first five errors in one line; the web skips the location's first part ("body", "query")."""
    parts = []
    for error in errors[:5]:
        where = ".".join(str(p) for p in error["loc"][1 if skip_first else 0 :]) or "input"
        parts.append(f"{where}: {error['msg'] or 'invalid'}")
    return "; ".join(parts)


Page = Callable[[Request, int, str], Response]


def install(app: FastAPI, page: Page) -> None:
    """Answer every failure of an API request with a problem document. The web routes catch their own;
    a failure outside them (an unknown path, a crash) gets `page`, the web's error page, unless under /api."""

    def for_pages(request: Request) -> bool:
        return not request.url.path.startswith("/api")

    def answer(request: Request, problem: ProblemError) -> JSONResponse:
        return problem_response(
            request.url.path,
            problem.status,
            problem.detail,
            slug=problem.slug,
            headers=problem.headers,
            **problem.extensions,
        )

    async def on_problem(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return answer(request, exc)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if for_pages(request):
            return page(request, exc.status_code, NO_PAGE if exc.status_code == 404 else str(exc.detail))
        return problem_response(
            request.url.path, exc.status_code, str(exc.detail), headers=dict(exc.headers or {})
        )

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = validation_errors(exc)
        return problem_response(
            request.url.path, 422, validation_text(errors), slug="invalid-request", errors=errors
        )

    async def on_domain(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, MissionGateError)
        return answer(request, as_problem(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if for_pages(request):
            return page(request, 500, "Internal error; the incident was logged.")
        return problem_response(request.url.path, 500, "internal error; the incident was logged")

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(MissionGateError, on_domain)
    app.add_exception_handler(Exception, on_crash)
