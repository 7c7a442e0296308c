"""What every page router shares: error pages instead of JSON, and no entry in the API's OpenAPI schema."""

from fastapi import APIRouter
from starlette.responses import RedirectResponse

from missiongate.web.app import WebRoute


def page_router() -> APIRouter:
    return APIRouter(route_class=WebRoute, include_in_schema=False)


def see_other(location: str) -> RedirectResponse:
    """After a successful form post: the browser loads the result with GET (no resubmission on reload)."""
    return RedirectResponse(location, status_code=303)
