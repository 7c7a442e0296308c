"""Doctrines rule by rule with their sources, and one operation compared across all doctrines."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, Response

from missiongate.errors import NotFoundError
from missiongate.report.describe import describe
from missiongate.server.deps import WS, Doctrines
from missiongate.services import decisions
from missiongate.web import charts
from missiongate.web.auth import ViewerPage
from missiongate.web.render import page
from missiongate.web.routes.base import page_router

router = page_router()


@router.get("/doctrines")
def doctrine_list(request: Request, actor: ViewerPage, doctrines: Doctrines) -> Response:
    return page(request, "doctrines/list.html", nav="doctrines", doctrines=doctrines.entries)


@router.get("/doctrines/{doctrine_id}")
def doctrine_page(request: Request, doctrine_id: str, actor: ViewerPage, doctrines: Doctrines) -> Response:
    if doctrine_id not in doctrines:
        raise NotFoundError(f"No doctrine is called {doctrine_id!r}; the list shows those installed.")
    entry = doctrines.entry(doctrine_id)
    doctrine = entry.doctrine
    rules = [
        (rule, doctrine.cite(rule), describe(rule.when) if rule.when else None, describe(rule.require))
        for rule in doctrine.rules
    ]
    policies = [(policy, doctrine.cite(policy)) for policy in doctrine.policies]
    return page(
        request,
        "doctrines/detail.html",
        nav="doctrines",
        doctrine=doctrine,
        origin=entry.origin,
        rules=rules,
        policies=policies,
    )


@router.get("/compare")
def compare(
    request: Request,
    actor: ViewerPage,
    ws: WS,
    case: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    found = decisions.compare_page(ws, actor, case)
    chosen = found.chosen.case if found.chosen else None
    rows = [row.report for row in found.chosen.rows] if found.chosen else []
    chart = charts.comparison_matrix(rows, chosen.title) if chosen else None
    return page(
        request, "compare.html", nav="compare", choices=found.choices, chosen=chosen, rows=rows, chart=chart
    )
