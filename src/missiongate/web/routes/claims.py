"""The claims monitor on a case: paste or upload what others say, see each claim checked (issue 6)."""

from __future__ import annotations

from typing import Annotated

from fastapi import File, Form, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from missiongate.claims.claimreview import claim_review
from missiongate.claims.position import Verdict
from missiongate.errors import MissionGateError
from missiongate.server.deps import DB, WS, AppSettings, Doctrines
from missiongate.services import claims as service
from missiongate.services.claims import FILE_TYPES, MAX_TEXT
from missiongate.store import cases
from missiongate.store import claims as stored
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
    db: DB,
    doctrines: Doctrines,
    verdict: Annotated[str | None, Query(max_length=20)] = None,
    checked: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    wanted = verdict if verdict in VERDICT_TEXT else None
    with db.read() as session:
        case = cases.get_case(session, actor, case_id)
        rows, total = stored.list_claims(session, actor, case_id, verdict=wanted, limit=PAGE_SIZE)
        try:
            position = stored.case_position(session, actor, case_id, doctrines=doctrines)
            position_problem = None
        except MissionGateError as exc:
            position, position_problem = None, exc.message
    return page(
        request,
        "case/claims.html",
        nav="cases",
        tab="claims",
        case=case,
        rows=rows,
        total=total,
        verdict=wanted,
        checked=checked,
        position=position,
        position_problem=position_problem,
        VERDICT_TEXT=VERDICT_TEXT,
        accept=",".join(sorted(FILE_TYPES)),
    )


@router.post("/cases/{case_id}/claims")
def check_claims(
    case_id: int,
    actor: AnalystForm,
    ws: WS,
    text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    source: Annotated[str, Form(max_length=500)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    if file is not None and file.filename:
        upload = service.ClaimFile(file.filename, file.content_type, file.file)
        rows = service.check_file(ws, actor, case_id, upload, source=source)
    else:
        rows = service.check_text(ws, actor, case_id, text, source=source)
    return see_other(f"/cases/{case_id}/claims?checked={len(rows)}")


@router.get("/cases/{case_id}/claims/claimreview.jsonld")
def claim_reviews(case_id: int, actor: ViewerPage, db: DB, settings: AppSettings) -> Response:
    """Every contradicting claim of the case as ClaimReview JSON-LD, for download."""
    with db.read() as session:
        rows, _ = stored.list_claims(session, actor, case_id, verdict=Verdict.CONTRADICTS.value, limit=10_000)
        results = [stored.check_result(r) for r in rows]
    reviews = [claim_review(r, reviewer=settings.sender) for r in results]
    headers = {"Content-Disposition": f'attachment; filename="case-{case_id}-claimreview.jsonld"'}
    return JSONResponse(reviews, media_type="application/ld+json", headers=headers)
