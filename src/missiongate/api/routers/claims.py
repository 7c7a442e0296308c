"""Claims monitor on a case: check what others say against the case's official position (issue 6).

The file upload endpoint takes multipart, so its path must be among the app's upload paths
(`UPLOAD_PATHS` in `server/app.py`). What is accepted is `services.claims`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId, Page, RecordId
from missiongate.claims.claimreview import claim_review
from missiongate.claims.position import CheckResult
from missiongate.server.deps import WS, Analyst, PageParams, Viewer
from missiongate.server.errors import ProblemError
from missiongate.services import claims as service
from missiongate.services.claims import MAX_TEXT
from missiongate.services.types import ClaimRecord

router = APIRouter(prefix="/cases/{case_id}/claims", tags=["claims"], responses=PROBLEM_RESPONSES)

VerdictName = Literal["consistent", "contradicts", "cannot_check"]
Country = Annotated[str | None, Field(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3")]


class ClaimCheckIn(BaseModel):
    text: Annotated[str, Field(min_length=1, max_length=MAX_TEXT, description="pasted text or transcript")]
    source: Annotated[str, Field(max_length=500, description="where the text came from")] = ""
    country: Country = None  # default: the country of the case's doctrine


class ClaimOut(BaseModel):
    id: int
    text: str
    quote: str
    speaker: str | None
    speaker_role: str | None
    country: str
    mission: str | None
    stance: str
    start: int
    end: int
    source: str
    verdict: VerdictName
    reason: str
    position: str | None
    position_date: dt.date | None
    mission_assumed: bool
    rebuttal: dict[str, str] | None = Field(description="drafts (note, public_line) for contradictions")
    checked_at: dt.datetime


class ClaimCheckOut(BaseModel):
    items: list[ClaimOut]
    total: int
    contradicts: int


def claim_out(record: ClaimRecord) -> ClaimOut:
    rebuttal = None
    if record.rebuttal_note is not None:
        rebuttal = {"note": record.rebuttal_note, "public_line": record.rebuttal_public_line or ""}
    return ClaimOut(
        id=record.id,
        text=record.text,
        quote=record.quote,
        speaker=record.speaker,
        speaker_role=record.speaker_role,
        country=record.country,
        mission=record.mission,
        stance=record.stance,
        start=record.start,
        end=record.end,
        source=record.source,
        verdict=record.verdict,
        reason=record.reason,
        position=record.position,
        position_date=record.position_date,
        mission_assumed=record.mission_assumed,
        rebuttal=rebuttal,
        checked_at=record.checked_at,
    )


def _checked(rows: list[ClaimRecord]) -> ClaimCheckOut:
    items = [claim_out(r) for r in rows]
    return ClaimCheckOut(
        items=items, total=len(items), contradicts=sum(i.verdict == "contradicts" for i in items)
    )


@router.post(
    "/check",
    response_model=ClaimCheckOut,
    status_code=201,
    summary="Extract the claims in pasted text, check them against the case's position and record them",
)
def check_text(case_id: CaseId, body: ClaimCheckIn, actor: Analyst, ws: WS) -> ClaimCheckOut:
    return _checked(
        service.check_text(ws, actor, case_id, body.text, source=body.source, country=body.country)
    )


@router.post(
    "/check/file",
    response_model=ClaimCheckOut,
    status_code=201,
    summary="The same for an uploaded article: text, HTML or PDF (multipart/form-data)",
)
def check_file(
    case_id: CaseId,
    actor: Analyst,
    ws: WS,
    file: Annotated[UploadFile, File(description="a text, HTML or PDF article, or a feed")],
    source: Annotated[str, Form(max_length=500)] = "",
    country: Annotated[str | None, Form(pattern=r"^[A-Za-z]{3}$")] = None,
) -> ClaimCheckOut:
    upload = service.ClaimFile(file.filename, file.content_type, file.file)
    return _checked(service.check_file(ws, actor, case_id, upload, source=source, country=country))


@router.get("", response_model=Page[ClaimOut], summary="The claims checked on the case, newest first")
def list_claims(
    case_id: CaseId,
    actor: Viewer,
    ws: WS,
    paging: PageParams,
    verdict: Annotated[VerdictName | None, Query(description="only claims with this verdict")] = None,
) -> Page[ClaimOut]:
    rows, total = service.list_claims(
        ws, actor, case_id, verdict=verdict, limit=paging.limit, offset=paging.offset
    )
    return Page[ClaimOut](
        items=[claim_out(r) for r in rows], total=total, limit=paging.limit, offset=paging.offset
    )


@router.get("/{claim_id}", response_model=ClaimOut, summary="One checked claim")
def get_claim(case_id: CaseId, claim_id: RecordId, actor: Viewer, ws: WS) -> ClaimOut:
    return claim_out(service.get_claim(ws, actor, case_id, claim_id))


@router.get(
    "/{claim_id}/claimreview",
    summary="The claim as schema.org ClaimReview JSON-LD (checked claims only)",
    responses={200: {"content": {"application/ld+json": {}}}},
)
def get_claim_review(case_id: CaseId, claim_id: RecordId, actor: Viewer, ws: WS) -> JSONResponse:
    return claim_review_document(service.claim_result(ws, actor, case_id, claim_id), ws.settings.sender)


def claim_review_document(result: CheckResult, reviewer: str) -> JSONResponse:
    try:
        review = claim_review(result, reviewer=reviewer)
    except ValueError:
        raise ProblemError(
            422, "a claim that could not be checked has no ClaimReview", slug="not-reviewable"
        ) from None
    return JSONResponse(review, media_type="application/ld+json")
