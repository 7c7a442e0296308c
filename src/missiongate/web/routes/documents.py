"""Documents of a case: upload, the original bytes, and the review of what the analyzer proposes.

The review panel is also an htmx fragment: accepting or rejecting a proposal swaps the panel and the
verdict banner in place, with the same role and CSRF checks as the full form post.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import File, Form, Request, Response, UploadFile

from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.server.deps import WS
from missiongate.server.errors import as_problem
from missiongate.server.responses import attachment
from missiongate.services import documents
from missiongate.services.queries import Names
from missiongate.services.types import DOCUMENT_KINDS, Actor
from missiongate.services.workspace import Workspace
from missiongate.web import charts, review
from missiongate.web.auth import AnalystForm, ViewerPage
from missiongate.web.render import is_htmx, page
from missiongate.web.routes.base import Confirmed, Version, page_router, see_other

router = page_router()


@router.get("/cases/{case_id}/documents")
def documents_page(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    return _documents_page(request, ws, actor, case_id)


def _documents_page(
    request: Request,
    ws: Workspace,
    actor: Actor,
    case_id: int,
    *,
    error: str | None = None,
    entered: dict[str, str] | None = None,
    status: int = 422,
) -> Response:
    found = documents.case_documents(ws, actor, case_id)
    names, view = Names(ws.db), found.view
    rows = [(d, names(d.uploaded_by)) for d in found.documents]
    return page(
        request,
        "case/documents.html",
        status if error else 200,
        nav="cases",
        tab="documents",
        view=view,
        case=view.case,
        rows=rows,
        kinds=DOCUMENT_KINDS,
        error=error,
        entered=entered or {},
    )


@router.post("/cases/{case_id}/documents")
def upload(
    request: Request,
    case_id: int,
    actor: AnalystForm,
    ws: WS,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(max_length=32)] = "mandate",
    note: Annotated[str, Form(max_length=20_000)] = "",
    version: Annotated[int | None, Form(ge=1)] = None,
) -> Response:
    """Keep the file and add what its analysis proposes, from the case version the page showed."""
    upload = documents.Upload(file.filename, file.content_type, file.file, kind=kind, note=note)
    try:
        uploaded = documents.upload_document(ws, actor, case_id, upload, propose=True, expected=version)
    except (NotFoundError, ConflictError):
        raise
    except MissionGateError as exc:  # a file refused, a control character: nothing kept, the form again
        entered = {"kind": kind, "note": note}
        status = as_problem(exc).status  # the API's status for the same refusal (413, 415, 422)
        return _documents_page(request, ws, actor, case_id, error=exc.message, entered=entered, status=status)
    return see_other(f"/cases/{case_id}/documents/{uploaded.document.id}")


@router.get("/cases/{case_id}/documents/{document_id}/content")
def content(case_id: int, document_id: int, actor: ViewerPage, ws: WS) -> Response:
    document = documents.get_document(ws, actor, case_id, document_id, with_data=True)
    headers = {
        "Content-Disposition": attachment(document.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
    }
    return Response(document.data, media_type=document.content_type, headers=headers)


def _review(ws: Workspace, actor: Actor, case_id: int, document_id: int) -> dict[str, Any]:
    found = documents.review(ws, actor, case_id, document_id)
    view, document, analysis = found.view, found.document, found.analysis
    context: dict[str, Any] = dict(
        view=view, case=view.case, document=document, problem=found.problem, rows=[], mismatch=None
    )
    if analysis is None:
        return context
    rows = review.review_rows(analysis, found.proposals, view.facts, document.id)
    spans = {r.fact_id: (r.evidence["start"], r.evidence["end"]) for r in rows if r.evidence.get("end")}
    grid = review.task_grid(analysis)
    return {
        **context,
        "rows": rows,
        "analysis": analysis,
        "mismatch": found.mismatch,
        "text": review.highlight(analysis.structure.text, spans),
        "chart": charts.task_chart(grid, review.MODALITIES) if grid else None,
    }


@router.get("/cases/{case_id}/documents/{document_id}")
def review_page(request: Request, case_id: int, document_id: int, actor: ViewerPage, ws: WS) -> Response:
    context = _review(ws, actor, case_id, document_id)
    return page(request, "case/document.html", nav="cases", tab="documents", **context)


def _after_review(request: Request, ws: Workspace, actor: Actor, case_id: int, document_id: int) -> Response:
    if not is_htmx(request):
        return see_other(f"/cases/{case_id}/documents/{document_id}")
    context = _review(ws, actor, case_id, document_id)
    return page(request, "case/_review.html", oob=True, **context)


@router.post("/cases/{case_id}/documents/{document_id}/proposals/{fact_id}/accept")
def accept_proposal(
    request: Request,
    case_id: int,
    document_id: int,
    fact_id: str,
    actor: AnalystForm,
    ws: WS,
    version: Version,
    override: Confirmed = "",
) -> Response:
    """With `override=yes`, also when the document names another instrument or operation than the case."""
    documents.accept_proposal(ws, actor, case_id, document_id, fact_id, version, override=override == "yes")
    return _after_review(request, ws, actor, case_id, document_id)


@router.post("/cases/{case_id}/documents/{document_id}/proposals/{fact_id}/reject")
def reject_proposal(
    request: Request,
    case_id: int,
    document_id: int,
    fact_id: str,
    actor: AnalystForm,
    ws: WS,
    version: Version,
    confirmed: Confirmed = "",
) -> Response:
    """Destructive: asks first without `confirmed=yes`. The proposal stays in the fact's history."""
    if confirmed != "yes":
        context = _review(ws, actor, case_id, document_id)
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
    documents.reject_proposal(ws, actor, case_id, document_id, fact_id, version)
    return _after_review(request, ws, actor, case_id, document_id)
