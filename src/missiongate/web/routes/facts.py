"""The facts of a case with their provenance: edit one, accept a proposed one, make one unknown again.

Edits carry the case version the form was built from. A stale one (someone changed the case meanwhile)
writes nothing and shows the form again with the analyst's input kept, beside the value now stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Form, Request, Response

import missiongate
from missiongate.errors import ConflictError, MissionGateError
from missiongate.server.deps import WS
from missiongate.services import cases
from missiongate.services.queries import CaseView, case_view
from missiongate.services.types import Actor
from missiongate.services.workspace import Workspace
from missiongate.web.auth import AnalystForm, AnalystPage, ViewerPage
from missiongate.web.fact_forms import FactRow, fact_rows, form_value, input_kind
from missiongate.web.render import page
from missiongate.web.routes.base import Confirmed, Version, page_router, see_other

router = page_router()


@router.get("/cases/{case_id}/facts")
def facts_page(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    view = case_view(ws, actor, case_id)
    return page(
        request,
        "case/facts.html",
        nav="cases",
        tab="facts",
        view=view,
        case=view.case,
        groups=fact_rows(view),
    )


@dataclass(frozen=True)
class Draft:
    """What the analyst entered: shown again, untouched, when a save is refused."""

    chosen: set[str]
    source: str = ""
    note: str = ""


def _row(ws: Workspace, actor: Actor, case_id: int, fact_id: str) -> tuple[CaseView, FactRow]:
    fact = missiongate.load_catalogue().fact(cases.known_fact(fact_id))
    view = case_view(ws, actor, case_id)
    return view, FactRow(fact, view.mission.facts.get(fact_id), view.facts.get(fact_id))


@router.get("/cases/{case_id}/facts/{fact_id}/edit")
def edit_form(request: Request, case_id: int, fact_id: str, actor: AnalystPage, ws: WS) -> Response:
    view, row = _row(ws, actor, case_id, fact_id)
    return _edit_page(request, view, row, Draft(row.chosen), version=view.case.version)


def _edit_page(
    request: Request,
    view: CaseView,
    row: FactRow,
    draft: Draft,
    *,
    version: int,
    status: int = 200,
    error: str | None = None,
) -> Response:
    return page(
        request,
        "case/fact_edit.html",
        status,
        nav="cases",
        tab="facts",
        view=view,
        case=view.case,
        row=row,
        kind=input_kind(row.fact),
        draft=draft,
        version=version,
        error=error,
        conflict=status == 409,
    )


@router.post("/cases/{case_id}/facts/{fact_id}")
def save_fact(
    request: Request,
    case_id: int,
    fact_id: str,
    actor: AnalystForm,
    ws: WS,
    version: Version,
    value: Annotated[list[str], Form(max_length=100)] = [],  # noqa: B006 - FastAPI copies form defaults
    source: Annotated[str, Form(max_length=300)] = "",
    note: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    fact = missiongate.load_catalogue().fact(cases.known_fact(fact_id))
    draft = Draft(set(value), source, note)
    try:
        raw = form_value(fact, value)
        if raw is None:
            raise MissionGateError(f"{fact.label}: give a value, or use 'Make unknown' to clear it")
        record = {
            "value": raw,
            "source": source.strip() or f"entered by {actor.username}",
            "date": dt.date.today().isoformat(),
            **({"note": note} if note.strip() else {}),
        }
        cases.set_facts(ws, actor, case_id, version, {fact_id: record})
    except ConflictError as exc:
        view, row = _row(ws, actor, case_id, fact_id)
        return _edit_page(request, view, row, draft, version=view.case.version, status=409, error=exc.message)
    except MissionGateError as exc:
        view, row = _row(ws, actor, case_id, fact_id)
        return _edit_page(request, view, row, draft, version=version, status=422, error=exc.message)
    return see_other(f"/cases/{case_id}/facts#fact-{fact_id}")


@router.post("/cases/{case_id}/facts/{fact_id}/accept")
def accept(case_id: int, fact_id: str, actor: AnalystForm, ws: WS, version: Version) -> Response:
    cases.accept_fact(ws, actor, case_id, fact_id, version)
    return see_other(f"/cases/{case_id}/facts#fact-{fact_id}")


@router.post("/cases/{case_id}/facts/{fact_id}/clear")
def clear(
    request: Request,
    case_id: int,
    fact_id: str,
    actor: AnalystForm,
    ws: WS,
    version: Version,
    confirmed: Confirmed = "",
) -> Response:
    """Destructive: without `confirmed=yes` it only asks. The value stays in the fact's history."""
    view, row = _row(ws, actor, case_id, fact_id)
    if confirmed != "yes":
        return page(
            request,
            "case/confirm.html",
            nav="cases",
            tab="facts",
            case=view.case,
            row=row,
            version=version,
            action=f"/cases/{case_id}/facts/{fact_id}/clear",
        )
    cases.set_facts(ws, actor, case_id, version, {fact_id: None})
    return see_other(f"/cases/{case_id}/facts#fact-{fact_id}")
