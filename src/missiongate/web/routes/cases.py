"""Inquiries: the list, opening one, the case at a glance, its timeline, decision records and position."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Form, Query, Request, Response

from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.server.deps import WS, Doctrines
from missiongate.server.responses import download
from missiongate.services import alerts, decisions, exports, queries, watch
from missiongate.services import cases as case_service
from missiongate.services.queries import Names
from missiongate.services.types import Actor, CaseInput, CaseStatus, Decision, Position
from missiongate.services.workspace import Workspace
from missiongate.web import charts
from missiongate.web.auth import AnalystForm, AnalystPage, ApproverForm, ViewerPage
from missiongate.web.render import is_htmx, page
from missiongate.web.routes.base import page_router, see_other
from missiongate.web.timeline import events as timeline_events

router = page_router()
PAGE_SIZE = 50
Line = Annotated[str, Form(max_length=300)]
Text = Annotated[str, Form(max_length=20_000)]


@router.get("/cases")
def case_list(
    request: Request,
    actor: ViewerPage,
    ws: WS,
    q: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[CaseStatus | Literal[""], Query()] = "",  # "": the filter's "Any status"
    verdict: Annotated[str, Query(max_length=40)] = "",
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    rows, total = case_service.list_cases(
        ws,
        actor,
        status=CaseStatus(status) if status else None,
        verdict=verdict or None,
        query=q.strip() or None,
        limit=PAGE_SIZE,
        offset=offset,
    )
    filters = {"q": q, "status": CaseStatus(status).value if status else "", "verdict": verdict}
    context: dict[str, Any] = dict(
        rows=rows,
        total=total,
        offset=offset,
        page_size=PAGE_SIZE,
        filters=filters,
        filtered=any(filters.values()),
        alerted=alerts.alerted_cases(ws, actor),
    )
    if is_htmx(request) and request.headers.get("hx-target") == "case-results":
        return page(request, "cases/_results.html", **context)
    return page(request, "cases/list.html", nav="cases", **context)


@router.get("/cases/new")
def new_case_form(request: Request, actor: AnalystPage, doctrines: Doctrines) -> Response:
    return page(request, "cases/new.html", nav="cases", doctrines=doctrines.entries, form={}, error=None)


def _form(data: CaseInput) -> dict[str, Any]:
    """The new-case form as it was filled in, to show it again with the reason it was refused."""
    return {
        "title": data.title,
        "doctrine": data.doctrine_id,
        "requesting_party": data.requesting_party or "",
        "received_on": data.received_on.isoformat() if data.received_on else "",
        "channel": data.channel or "",
        "operation": data.operation or "",
        "description": data.description,
        "example": data.example,
    }


@router.post("/cases")
def create_case(
    request: Request,
    actor: AnalystForm,
    ws: WS,
    title: Annotated[str, Form(min_length=1, max_length=300)],
    doctrine: Annotated[str, Form(max_length=100)],
    requesting_party: Line = "",
    received_on: Annotated[dt.date | None, Form()] = None,
    channel: Line = "",
    operation: Line = "",
    description: Text = "",
    example: Annotated[bool, Form()] = False,
) -> Response:
    data = CaseInput(
        title=title.strip(),
        description=description,
        requesting_party=requesting_party or None,
        received_on=received_on,
        channel=channel or None,
        operation=operation or None,
        doctrine_id=doctrine,
        example=example,
    )
    try:
        case = case_service.create_case(ws, actor, data)
    except MissionGateError as exc:  # e.g. a control character: nothing written, the form shown again
        return page(
            request,
            "cases/new.html",
            422,
            nav="cases",
            doctrines=ws.doctrines.entries,
            form=_form(data),
            error=exc.message,
        )
    return see_other(f"/cases/{case.id}")


@router.get("/cases/{case_id}")
def overview(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    found = queries.overview(ws, actor, case_id)
    return page(
        request,
        "case/overview.html",
        nav="cases",
        tab="overview",
        view=found.view,
        case=found.view.case,
        position=found.position,
    )


@router.post("/cases/{case_id}/assessments")
def assess_now(case_id: int, actor: AnalystForm, ws: WS) -> Response:
    record = decisions.assess(ws, actor, case_id)
    return see_other(f"/cases/{case_id}/assessments/{record.id}")


@router.get("/cases/{case_id}/timeline")
def timeline(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    records = queries.case_records(ws, actor, case_id)
    return page(
        request,
        "case/timeline.html",
        nav="cases",
        tab="timeline",
        case=records.case,
        events=timeline_events(records, Names(ws.db)),
        steps=watch.case_steps(ws, actor, case_id),
        watch=watch.case_watch(ws, actor, case_id),
    )


@router.get("/cases/{case_id}/assessments/{assessment_id}")
def assessment(request: Request, case_id: int, assessment_id: int, actor: ViewerPage, ws: WS) -> Response:
    return _assessment_page(request, ws, actor, case_id, assessment_id)


def _assessment_page(
    request: Request,
    ws: Workspace,
    actor: Actor,
    case_id: int,
    assessment_id: int,
    *,
    error: str | None = None,
    entered: dict[str, str] | None = None,
) -> Response:
    found = decisions.assessment_view(ws, actor, case_id, assessment_id)
    names = Names(ws.db)
    return page(
        request,
        "case/assessment.html",
        422 if error else 200,
        nav="cases",
        tab="timeline",
        case=found.case,
        record=found.record,
        report=found.record.report,
        author=names(found.record.created_by),
        signoff=found.signoff,
        signer=names(found.signoff.signed_by) if found.signoff else "",
        current=found.current,
        error=error,
        entered=entered or {},
    )


@router.get("/cases/{case_id}/assessments/{assessment_id}/brief.pdf")
def brief(case_id: int, assessment_id: int, actor: ViewerPage, ws: WS) -> Response:
    """The decision brief of one recorded assessment, as the API serves it."""
    return download(exports.brief(ws, actor, case_id, assessment_id))


@router.post("/cases/{case_id}/assessments/{assessment_id}/signoff")
def sign_off(
    request: Request,
    case_id: int,
    assessment_id: int,
    actor: ApproverForm,
    ws: WS,
    decision: Annotated[Decision, Form()],
    note: Text = "",
) -> Response:
    try:
        decisions.sign_off(ws, actor, case_id, assessment_id, decision, note)
    except (NotFoundError, ConflictError):
        raise
    except MissionGateError as exc:  # e.g. a control character in the note: nothing signed, the form again
        entered = {"decision": decision.value, "note": note}
        return _assessment_page(
            request, ws, actor, case_id, assessment_id, error=exc.message, entered=entered
        )
    return see_other(f"/cases/{case_id}/assessments/{assessment_id}")


@router.get("/cases/{case_id}/position")
def position_page(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    return _position_page(request, ws, actor, case_id)


def _position_page(
    request: Request,
    ws: Workspace,
    actor: Actor,
    case_id: int,
    *,
    error: str | None = None,
    entered: dict[str, str] | None = None,
) -> Response:
    found = decisions.case_positions(ws, actor, case_id)
    names = Names(ws.db)
    rows = [(p, names(p.recorded_by)) for p in reversed(found.positions)]
    return page(
        request,
        "case/position.html",
        422 if error else 200,
        nav="cases",
        tab="position",
        case=found.case,
        rows=rows,
        today=dt.date.today(),
        error=error,
        entered=entered or {},
    )


@router.post("/cases/{case_id}/position")
def record_position(
    request: Request,
    case_id: int,
    actor: ApproverForm,
    ws: WS,
    position: Annotated[Position, Form()],
    stated_on: Annotated[dt.date, Form()],
    statement: Annotated[str, Form(min_length=1, max_length=20_000)],
    source: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    given = decisions.PositionInput(position, stated_on, statement, source)
    try:
        decisions.record_position(ws, actor, case_id, given)
    except NotFoundError:
        raise
    except MissionGateError as exc:  # e.g. a control character: nothing recorded, the form shown again
        entered = {"position": position.value, "stated_on": stated_on.isoformat()}
        entered |= {"statement": statement, "source": source}
        return _position_page(request, ws, actor, case_id, error=exc.message, entered=entered)
    return see_other(f"/cases/{case_id}/position")


@router.get("/cases/{case_id}/compare")
def compare_case(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    found = decisions.case_comparison(ws, actor, case_id)
    rows = [row.report for row in found.rows]
    return page(
        request,
        "case/compare.html",
        nav="cases",
        tab="compare",
        case=found.case,
        rows=rows,
        chart=charts.comparison_matrix(rows, found.case.title),
    )
