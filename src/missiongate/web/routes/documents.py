"""Documents of a case: upload, the original bytes, and the review of what the analyzer proposes.

The review panel is also an htmx fragment: accepting or rejecting a proposal swaps the panel and the
verdict banner in place, with the same role and CSRF checks as the full form post.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import File, Form, Request, Response, UploadFile
from sqlalchemy.orm import Session

from missiongate.api.present import Names
from missiongate.api.routers.records import attachment
from missiongate.doctrine import DoctrineRegistry
from missiongate.errors import MissionGateError
from missiongate.server.deps import DB, AppSettings, Doctrines
from missiongate.store import cases, proposals, records
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.records import DOCUMENT_KINDS
from missiongate.web import charts, review
from missiongate.web.auth import AnalystForm, ViewerPage
from missiongate.web.render import is_htmx, page
from missiongate.web.routes.base import page_router, see_other
from missiongate.web.workspace import accept_fact, load_case, reassess, set_fact

router = page_router()
Version = Annotated[int, Form(ge=1)]


@router.get("/cases/{case_id}/documents")
def documents_page(
    request: Request, case_id: int, actor: ViewerPage, db: DB, doctrines: Doctrines
) -> Response:
    with db.read() as session:
        view = load_case(session, actor, case_id, doctrines)
        names = Names(session)
        rows = [(d, names(d.uploaded_by)) for d in records.list_documents(session, actor, case_id)]
    return page(
        request,
        "case/documents.html",
        nav="cases",
        tab="documents",
        view=view,
        case=view.case,
        rows=rows,
        kinds=DOCUMENT_KINDS,
        error=None,
    )


@router.post("/cases/{case_id}/documents")
def upload(
    request: Request,
    case_id: int,
    actor: AnalystForm,
    db: DB,
    settings: AppSettings,
    doctrines: Doctrines,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(max_length=32)] = "mandate",
    note: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    content_type = records.document_type(file.content_type)
    data = records.read_upload(file.file, settings.max_upload_bytes)
    with db.write() as session:
        document = records.add_document(
            session,
            actor,
            case_id,
            filename=file.filename or "",
            content_type=content_type,
            data=data,
            kind=kind,
            note=note,
        )
        proposals.propose(session, actor, case_id, document)
        reassess(session, actor, case_id, doctrines)
    return see_other(f"/cases/{case_id}/documents/{document.id}")


@router.get("/cases/{case_id}/documents/{document_id}/content")
def content(case_id: int, document_id: int, actor: ViewerPage, db: DB) -> Response:
    with db.read() as session:
        document = records.get_document(session, actor, case_id, document_id, with_data=True)
    headers = {
        "Content-Disposition": attachment(document.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
    }
    return Response(document.data, media_type=document.content_type, headers=headers)


def _review(
    session: Session, actor: Actor, doctrines: DoctrineRegistry, case_id: int, document_id: int
) -> dict[str, Any]:
    view = load_case(session, actor, case_id, doctrines)
    document = records.get_document(session, actor, case_id, document_id, with_data=True)
    analysis = proposals.analyse(document)
    context: dict[str, Any] = dict(view=view, case=view.case, document=document, problem=None, rows=[])
    if isinstance(analysis, str):
        return {**context, "problem": analysis}
    rows = review.review_rows(proposals.proposals(analysis, document), view.facts, document.id)
    spans = {r.fact_id: (r.evidence["start"], r.evidence["end"]) for r in rows if r.evidence.get("end")}
    grid = review.task_grid(analysis)
    return {
        **context,
        "rows": rows,
        "analysis": analysis,
        "text": review.highlight(analysis.structure.text, spans),
        "chart": charts.task_chart(grid, review.MODALITIES) if grid else None,
    }


@router.get("/cases/{case_id}/documents/{document_id}")
def review_page(
    request: Request, case_id: int, document_id: int, actor: ViewerPage, db: DB, doctrines: Doctrines
) -> Response:
    with db.read() as session:
        context = _review(session, actor, doctrines, case_id, document_id)
    return page(request, "case/document.html", nav="cases", tab="documents", **context)


def _after_review(
    request: Request, actor: Actor, db: Database, doctrines: DoctrineRegistry, case_id: int, document_id: int
) -> Response:
    if not is_htmx(request):
        return see_other(f"/cases/{case_id}/documents/{document_id}")
    with db.read() as session:
        context = _review(session, actor, doctrines, case_id, document_id)
    return page(request, "case/_review.html", oob=True, **context)


@router.post("/cases/{case_id}/documents/{document_id}/proposals/{fact_id}/accept")
def accept_proposal(
    request: Request,
    case_id: int,
    document_id: int,
    fact_id: str,
    actor: AnalystForm,
    db: DB,
    doctrines: Doctrines,
    version: Version,
) -> Response:
    with db.write() as session:
        records.get_document(session, actor, case_id, document_id)
        accept_fact(session, actor, case_id, version, fact_id, doctrines)
    return _after_review(request, actor, db, doctrines, case_id, document_id)


@router.post("/cases/{case_id}/documents/{document_id}/proposals/{fact_id}/reject")
def reject_proposal(
    request: Request,
    case_id: int,
    document_id: int,
    fact_id: str,
    actor: AnalystForm,
    db: DB,
    doctrines: Doctrines,
    version: Version,
    confirmed: Annotated[str, Form(max_length=3)] = "",
) -> Response:
    """Destructive: asks first without `confirmed=yes`. The proposal stays in the fact's history."""
    if confirmed != "yes":
        with db.read() as session:
            context = _review(session, actor, doctrines, case_id, document_id)
        row = next((r for r in context["rows"] if r.fact_id == fact_id), None)
        return page(
            request,
            "case/confirm_reject.html",
            nav="cases",
            tab="documents",
            proposal=row,
            version=version,
            **context,
        )
    with db.write() as session:
        records.get_document(session, actor, case_id, document_id)
        current = cases.case_facts(session, cases.get_case(session, actor, case_id)).get(fact_id)
        if review.state_of(current, document_id) != "pending":
            raise MissionGateError(f"the proposal for {fact_id} is no longer pending; nothing was removed")
        set_fact(session, actor, case_id, version, fact_id, None, doctrines)
    return _after_review(request, actor, db, doctrines, case_id, document_id)
