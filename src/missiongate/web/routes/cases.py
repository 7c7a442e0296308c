"""Inquiries: the list, opening one, the case at a glance, its timeline, decision records and position."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Form, Query, Request, Response

from missiongate.server.deps import DB, WS, Doctrines
from missiongate.server.responses import download
from missiongate.services import alerts, decisions, exports, watch
from missiongate.services import cases as case_service
from missiongate.services.queries import Names, load_case
from missiongate.store import cases
from missiongate.store import decisions as store_decisions
from missiongate.store.models import CaseStatus, Decision, Position
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
    db: DB,
    ws: WS,
    q: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[CaseStatus | Literal[""], Query()] = "",  # "": the filter's "Any status"
    verdict: Annotated[str, Query(max_length=40)] = "",
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    with db.read() as session:
        rows, total = cases.list_cases(
            session,
            actor,
            status=CaseStatus(status).value if status else None,
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
    data = cases.CaseInput(
        title=title.strip(),
        description=description,
        requesting_party=requesting_party or None,
        received_on=received_on,
        channel=channel or None,
        operation=operation or None,
        doctrine_id=doctrine,
        example=example,
    )
    case = case_service.create_case(ws, actor, data)
    return see_other(f"/cases/{case.id}")


@router.get("/cases/{case_id}")
def overview(request: Request, case_id: int, actor: ViewerPage, db: DB, doctrines: Doctrines) -> Response:
    with db.read() as session:
        view = load_case(session, actor, case_id, doctrines)
        positions = store_decisions.list_positions(session, actor, case_id)
    return page(
        request,
        "case/overview.html",
        nav="cases",
        tab="overview",
        view=view,
        case=view.case,
        position=positions[-1] if positions else None,
    )


@router.post("/cases/{case_id}/assessments")
def assess_now(case_id: int, actor: AnalystForm, ws: WS) -> Response:
    record = decisions.assess(ws, actor, case_id)
    return see_other(f"/cases/{case_id}/assessments/{record.id}")


@router.get("/cases/{case_id}/timeline")
def timeline(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        events = timeline_events(session, actor, case_id, Names(session))
    return page(
        request,
        "case/timeline.html",
        nav="cases",
        tab="timeline",
        case=case,
        events=events,
        steps=watch.case_steps(ws, actor, case_id),
        watch=watch.case_watch(ws, actor, case_id),
    )


@router.get("/cases/{case_id}/assessments/{assessment_id}")
def assessment(request: Request, case_id: int, assessment_id: int, actor: ViewerPage, db: DB) -> Response:
    with db.read() as session:
        case = cases.get_case(session, actor, case_id)
        record = store_decisions.get_assessment(session, actor, case_id, assessment_id)
        signoffs = [
            s for s in store_decisions.list_signoffs(session, actor, case_id) if s.assessment_id == record.id
        ]
        names = Names(session)
        author = names(record.created_by)
        signer = names(signoffs[0].signed_by) if signoffs else ""
    return page(
        request,
        "case/assessment.html",
        nav="cases",
        tab="timeline",
        case=case,
        record=record,
        report=record.report,
        author=author,
        signoff=signoffs[0] if signoffs else None,
        signer=signer,
        current=record.case_version == case.version,
    )


@router.get("/cases/{case_id}/assessments/{assessment_id}/brief.pdf")
def brief(case_id: int, assessment_id: int, actor: ViewerPage, ws: WS) -> Response:
    """The decision brief of one recorded assessment, as the API serves it."""
    return download(exports.brief(ws, actor, case_id, assessment_id))


@router.post("/cases/{case_id}/assessments/{assessment_id}/signoff")
def sign_off(
    case_id: int,
    assessment_id: int,
    actor: ApproverForm,
    ws: WS,
    decision: Annotated[Decision, Form()],
    note: Text = "",
) -> Response:
    decisions.sign_off(ws, actor, case_id, assessment_id, decision, note)
    return see_other(f"/cases/{case_id}/assessments/{assessment_id}")


@router.get("/cases/{case_id}/position")
def position_page(request: Request, case_id: int, actor: ViewerPage, db: DB) -> Response:
    with db.read() as session:
        case = cases.get_case(session, actor, case_id)
        positions = store_decisions.list_positions(session, actor, case_id)
        names = Names(session)
        rows = [(p, names(p.recorded_by)) for p in reversed(positions)]
    return page(
        request,
        "case/position.html",
        nav="cases",
        tab="position",
        case=case,
        rows=rows,
        today=dt.date.today(),
    )


@router.post("/cases/{case_id}/position")
def record_position(
    case_id: int,
    actor: ApproverForm,
    ws: WS,
    position: Annotated[Position, Form()],
    stated_on: Annotated[dt.date, Form()],
    statement: Annotated[str, Form(min_length=1, max_length=20_000)],
    source: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    decisions.record_position(
        ws, actor, case_id, decisions.PositionInput(position, stated_on, statement, source)
    )
    return see_other(f"/cases/{case_id}/position")


@router.get("/cases/{case_id}/compare")
def compare_case(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        mission = cases.case_mission(session, case)
    rows = [row.report for row in decisions.compare(ws, mission)]
    return page(
        request,
        "case/compare.html",
        nav="cases",
        tab="compare",
        case=case,
        rows=rows,
        chart=charts.comparison_matrix(rows, case.title),
    )
