"""The "Path to yes" panel of a case and its force-generation page (docs/paths.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, Response

from missiongate.paths.render import by_controller, describe_change, summary
from missiongate.server.deps import WS
from missiongate.services import paths
from missiongate.web.auth import ViewerPage
from missiongate.web.render import is_htmx, page
from missiongate.web.routes.base import page_router

router = page_router()


@router.get("/cases/{case_id}/paths")
def case_paths(
    request: Request,
    case_id: int,
    actor: ViewerPage,
    ws: WS,
    doctrine: Annotated[str, Query()] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> Response:
    found = paths.case_paths(ws, actor, case_id, doctrine or None, limit)
    return page(
        request,
        "case/_paths.html" if is_htmx(request) else "case/paths.html",
        nav="cases",
        tab="paths",
        case=found.case,
        result=found.result,
        summary=summary(found.result),
        by_controller=by_controller,
        doctrines=ws.doctrines.doctrines(),
        limit=limit,
    )


@router.get("/cases/{case_id}/forcegen")
def case_forcegen(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    found = paths.case_forcegen(ws, actor, case_id)
    return page(
        request,
        "case/forcegen.html",
        nav="cases",
        tab="forcegen",
        case=found.case,
        view=found.view,
        summary=summary,
        describe=describe_change,
    )
