"""What every page router shares: error pages instead of JSON, no entry in the API's OpenAPI schema, and
the steps of a form post (its text fields, the "are you sure?" page, the answer)."""

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from starlette.responses import RedirectResponse

from missiongate.errors import MissionGateError
from missiongate.web.app import WebRoute
from missiongate.web.render import page

# A form's answer to "are you sure?" (or "use it anyway?"): "yes", anything else is no.
Confirmed = Annotated[str, Form(max_length=3)]
# The case version the form was filled in against: a write on a newer one is refused (the page's If-Match).
Version = Annotated[int, Form(ge=1)]


def page_router() -> APIRouter:
    return APIRouter(route_class=WebRoute, include_in_schema=False)


def see_other(location: str) -> RedirectResponse:
    """After a successful form post: the browser loads the result with GET (no resubmission on reload)."""
    return RedirectResponse(location, status_code=303)


def one_line(value: str, what: str, *, required: bool = False) -> str:
    """Form text for a one-line field, trimmed; the store refuses control characters and line breaks."""
    value = value.strip()
    if required and not value:
        raise MissionGateError(f"give the {what}")
    return value


def sentence(message: str) -> str:
    """A store message ("the password must have ...") as a sentence for a notice."""
    message = message.strip()
    return message[:1].upper() + message[1:] + ("" if message.endswith((".", "?", "!")) else ".")


def confirm_page(
    request: Request,
    *,
    question: str,
    detail: str,
    action: str,
    button: str,
    cancel: str,
    nav: str,
    fields: dict[str, str] | None = None,
) -> Response:
    """Destructive actions ask first when posted without `confirmed=yes` (forms used without JavaScript)."""
    return page(
        request,
        "confirm_action.html",
        nav=nav,
        question=question,
        detail=detail,
        action=action,
        button=button,
        cancel=cancel,
        fields=fields or {},
    )


def pushed(response: Response, path: str) -> Response:
    """A page answering a form post: htmx shows `path` in the address bar, not the form's action."""
    response.headers["HX-Push-Url"] = path
    return response
