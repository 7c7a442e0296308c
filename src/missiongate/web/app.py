"""Mounting the web pages on the app beside the API, and turning failures into HTML pages instead of JSON."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse

from missiongate.errors import MissionGateError
from missiongate.server.errors import NO_PAGE, ProblemError, as_problem, validation_errors, validation_text
from missiongate.web.render import HERE, is_htmx, page

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
TITLES = {
    400: "Bad request",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    413: "File too large",
    415: "File type not accepted",
    422: "Cannot do that",
    500: "Something went wrong",
}


def install(app: FastAPI) -> None:
    """Add the pages and /static to the app `create_app` builds."""
    from missiongate.web.routes import ROUTERS  # the routes import WebRoute from here

    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


class WebRoute(APIRoute):
    """A page route: failures become an HTML page (or a redirect to log in), never a JSON problem."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except ProblemError as exc:
                return failure(request, exc.status, exc.detail)
            except MissionGateError as exc:
                problem = as_problem(exc)  # the same status as the API gives
                return failure(request, problem.status, problem.detail)
            except RequestValidationError as exc:
                errors = validation_errors(exc)
                if all(e["loc"][:1] == ["path"] for e in errors):  # /cases/abc names no case
                    return failure(request, 404, NO_PAGE)
                return failure(request, 422, validation_text(errors, skip_first=True))
            except HTTPException as exc:
                return failure(request, exc.status_code, str(exc.detail))

        return guarded


def failure(request: Request, status: int, detail: str) -> Response:
    if status == 401:
        return login_redirect(request)
    return page(request, "error.html", status, title=TITLES.get(status, "Error"), detail=detail, code=status)


def login_redirect(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = "/login" if request.method != "GET" else f"/login?next={quote(target, safe='')}"
    if is_htmx(request):
        # htmx would swap a redirect's body into the page; ask it to navigate instead.
        return Response(status_code=401, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)
