"""The claims monitor on a case: paste or upload what others say, see each claim checked (issue 6)."""

from __future__ import annotations

from typing import Annotated

from fastapi import File, Form, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from missiongate.api.routers.claims import FILE_TYPES, MAX_TEXT, check_uploaded
from missiongate.claims.claimreview import claim_review
from missiongate.claims.position import Verdict
from missiongate.errors import MissionGateError
from missiongate.server.deps import DB, AppSettings, Doctrines
from missiongate.store import cases, records
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
    db: DB,
    settings: AppSettings,
    doctrines: Doctrines,
    text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    source: Annotated[str, Form(max_length=500)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    if file is not None and file.filename:
        data = records.read_upload(file.file, settings.max_upload_bytes)
        filename = records.clean_filename(file.filename, "upload")
        content_type = (file.content_type or "").split(";")[0].strip().lower() or None
        text, source = check_uploaded(data, filename, content_type), source or filename
    if not text.strip():
        raise MissionGateError("paste the text to check, or choose a file")
    if "\x00" in text:
        raise MissionGateError("the text contains a NUL character: paste text, not binary data")
    with db.write() as session:
        rows = stored.check_text(session, actor, case_id, text, source=source, doctrines=doctrines)
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
