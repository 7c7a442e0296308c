"""One mapping of errors to HTTP: every domain error class has its status, and the API and the pages agree."""

from __future__ import annotations

import inspect

import pytest
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient

from missiongate import errors
from missiongate.errors import ConflictError, MissionGateError, UnknownFactError, UnsupportedTypeError
from missiongate.server.errors import STATUS, as_problem, install, validation_text

DOMAIN_ERRORS = [
    cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, MissionGateError)
]


@pytest.mark.parametrize("cls", DOMAIN_ERRORS, ids=lambda cls: cls.__name__)
def test_every_domain_error_gets_a_client_error_status(cls: type[MissionGateError]) -> None:
    extra = {"accepted": ["text/plain"]} if cls is UnsupportedTypeError else {}
    problem = as_problem(cls("it went wrong", **extra))
    assert 400 <= problem.status < 500
    assert problem.detail == "it went wrong"
    assert problem.slug


def test_the_table_names_the_statuses_the_issue_fixed() -> None:
    assert {cls.__name__: status for cls, (status, _) in STATUS.items()} == {
        "NotFoundError": 404,
        "ConflictError": 409,
        "TooLargeError": 413,
        "UnsupportedTypeError": 415,
        "NotAnalysableError": 422,
        "MissionGateError": 422,
    }


def test_a_subclass_outside_the_table_inherits_its_parents_row() -> None:
    assert (as_problem(UnknownFactError("x")).status, as_problem(UnknownFactError("x")).slug) == (
        422,
        "invalid-input",
    )


def test_a_conflict_tells_the_current_version() -> None:
    problem = as_problem(ConflictError("stale", current_version=7))
    assert problem.status == 409
    assert problem.headers == {"ETag": '"v7"'}
    assert problem.extensions == {"current_version": 7}
    assert as_problem(ConflictError("taken")).headers == {}


def test_an_unsupported_type_lists_what_is_accepted() -> None:
    problem = as_problem(UnsupportedTypeError("no", accepted=["text/plain"]))
    assert (problem.status, problem.extensions) == (415, {"accepted": ["text/plain"]})


def test_validation_text_keeps_five_errors_on_one_line() -> None:
    found = [{"loc": ["body", "field", i], "msg": "bad"} for i in range(7)]
    assert validation_text(found).count(";") == 4
    assert validation_text(found, skip_first=True).startswith("field.0: bad")
    assert validation_text([{"loc": ["body"], "msg": ""}], skip_first=True) == "input: invalid"


def test_an_unexpected_failure_is_a_500_problem_without_internals() -> None:
    """Under /api a crash is a problem document without internals; elsewhere the web's error page."""
    app = FastAPI()

    def page(request: Request, status: int, message: str) -> Response:
        return HTMLResponse(f"<p>{status}: {message}</p>", status_code=status)

    install(app, page)

    @app.get("/api/boom")
    def api_boom() -> None:
        raise RuntimeError("secret internals")

    @app.get("/boom")
    def page_boom() -> None:
        raise RuntimeError("secret internals")

    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/api/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret" not in response.text and response.json()["instance"] == "/api/boom"
    html = client.get("/boom")
    assert html.status_code == 500 and html.headers["content-type"].startswith("text/html")
    assert "secret" not in html.text
