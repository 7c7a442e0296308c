"""The claims monitor on a case: paste or upload what others say, see each claim checked (issue 6)."""

from __future__ import annotations

from typing import Annotated

from fastapi import File, Form, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from missiongate.claims.claimreview import claim_review
from missiongate.errors import MissionGateError, NotFoundError, TooLargeError, UnsupportedTypeError
from missiongate.server.deps import WS
from missiongate.services import claims as service
from missiongate.services.claims import FILE_TYPES, MAX_TEXT
from missiongate.services.types import Actor
from missiongate.services.workspace import Workspace
from missiongate.web.auth import AnalystForm, ViewerPage
from missiongate.web.render import page
from missiongate.web.routes.base import page_router, see_other

router = page_router()
PAGE_SIZE = 100
VERDICT_TEXT = {
    "contradicts": "Contradicts the position",
    "consistent": "Consistent",
    "cannot_check": "Cannot be checked",
}


@router.get("/cases/{case_id}/claims")
def claims_page(
    request: Request,
    case_id: int,
    actor: ViewerPage,
    ws: WS,
    verdict: Annotated[str | None, Query(max_length=20)] = None,
    checked: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    wanted = verdict if verdict in VERDICT_TEXT else None
    return _claims_page(request, ws, actor, case_id, wanted, checked)


def _claims_page(
    request: Request,
    ws: Workspace,
    actor: Actor,
    case_id: int,
    wanted: str | None,
    checked: int | None,
    *,
    error: str | None = None,
    entered: dict[str, str] | None = None,
) -> Response:
    found = service.claims_view(ws, actor, case_id, verdict=wanted, limit=PAGE_SIZE)
    return page(
        request,
        "case/claims.html",
        422 if error else 200,
        error=error,
        entered=entered or {},
        nav="cases",
        tab="claims",
        case=found.case,
        rows=found.rows,
        total=found.total,
        verdict=wanted,
        checked=checked,
        position=found.position,
        position_problem=found.position_problem,
        VERDICT_TEXT=VERDICT_TEXT,
        accept=",".join(sorted(FILE_TYPES)),
    )


@router.post("/cases/{case_id}/claims")
def check_claims(
    request: Request,
    case_id: int,
    actor: AnalystForm,
    ws: WS,
    text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    source: Annotated[str, Form(max_length=500)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    try:
        if file is not None and file.filename:
            upload = service.ClaimFile(file.filename, file.content_type, file.file)
            rows = service.check_file(ws, actor, case_id, upload, source=source)
        else:
            rows = service.check_text(ws, actor, case_id, text, source=source)
    except (NotFoundError, TooLargeError, UnsupportedTypeError):
        raise  # their own error pages (404, 413, 415)
    except MissionGateError as exc:  # nothing recorded: the form again, with what was entered
        entered = {"text": text, "source": source}
        return _claims_page(request, ws, actor, case_id, None, None, error=exc.message, entered=entered)
    return see_other(f"/cases/{case_id}/claims?checked={len(rows)}")


@router.get("/cases/{case_id}/claims/claimreview.jsonld")
def claim_reviews(case_id: int, actor: ViewerPage, ws: WS) -> Response:
    """Every contradicting claim of the case as ClaimReview JSON-LD, for download."""
    results = service.contradictions(ws, actor, case_id)
    reviews = [claim_review(r, reviewer=ws.settings.sender) for r in results]
    headers = {"Content-Disposition": f'attachment; filename="case-{case_id}-claimreview.jsonld"'}
    return JSONResponse(reviews, media_type="application/ld+json", headers=headers)
