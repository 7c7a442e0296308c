"""Claims monitor on a case: check what others say against the case's official position (issue 6).

Mounted by `create_app` with `app.include_router(claims.router, prefix="/api")`. The file upload endpoint
takes multipart, so its path must be among the app's upload paths (`UPLOAD_PATHS` in `api/app.py`).
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
from missiongate.claims.sources import documents_from_bytes
from missiongate.errors import MissionGateError
from missiongate.server.deps import DB, Analyst, AppSettings, Doctrines, PageParams, Viewer
from missiongate.server.errors import ProblemError
from missiongate.store import claims as stored
from missiongate.store import records
from missiongate.store.models import ClaimRecord

router = APIRouter(prefix="/cases/{case_id}/claims", tags=["claims"], responses=PROBLEM_RESPONSES)

MAX_TEXT = 500_000  # characters of pasted text (the JSON body is limited to 1 MiB anyway)
FILE_TYPES = {
    "text/plain",
    "text/markdown",
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
}
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


def _usable_text(text: str) -> str:
    if not text.strip():
        raise ProblemError(422, "the text is empty", slug="invalid-input")
    if "\x00" in text:
        raise ProblemError(
            422, "the text contains a NUL character: send text, not binary", slug="invalid-input"
        )
    return text


def check_uploaded(data: bytes, filename: str, content_type: str | None) -> str:
    """The text of an uploaded article (text, HTML, PDF, or a feed's items one after another)."""
    try:
        documents = documents_from_bytes(data, filename, content_type)
    except MissionGateError as exc:
        raise ProblemError(422, f"{filename}: {exc.message}", slug="invalid-input") from None
    return _usable_text("\n\n".join(d.text for d in documents))


@router.post(
    "/check",
    response_model=ClaimCheckOut,
    status_code=201,
    summary="Extract the claims in pasted text, check them against the case's position and record them",
)
def check_text(
    case_id: CaseId, body: ClaimCheckIn, actor: Analyst, db: DB, doctrines: Doctrines
) -> ClaimCheckOut:
    text = _usable_text(body.text)
    with db.write() as session:
        rows = stored.check_text(
            session,
            actor,
            case_id,
            text,
            source=body.source,
            country=_country(body.country),
            doctrines=doctrines,
        )
        return _checked(rows)


@router.post(
    "/check/file",
    response_model=ClaimCheckOut,
    status_code=201,
    summary="The same for an uploaded article: text, HTML or PDF (multipart/form-data)",
)
def check_file(
    case_id: CaseId,
    actor: Analyst,
    db: DB,
    settings: AppSettings,
    doctrines: Doctrines,
    file: Annotated[UploadFile, File(description="a text, HTML or PDF article, or a feed")],
    source: Annotated[str, Form(max_length=500)] = "",
    country: Annotated[str | None, Form(pattern=r"^[A-Za-z]{3}$")] = None,
) -> ClaimCheckOut:
    content_type = (file.content_type or "").split(";")[0].strip().lower()
    if content_type not in FILE_TYPES and content_type not in ("", "application/octet-stream"):
        raise ProblemError(
            415,
            f"files of type {content_type!r} cannot be read for claims",
            slug="unsupported-media-type",
            accepted=sorted(FILE_TYPES),
        )
    data = records.read_upload(file.file, settings.max_upload_bytes)
    filename = records.clean_filename(file.filename, "upload")
    text = check_uploaded(data, filename, content_type or None)
    with db.write() as session:
        rows = stored.check_text(
            session,
            actor,
            case_id,
            text,
            source=source or filename,
            country=_country(country),
            doctrines=doctrines,
        )
        return _checked(rows)


def _country(value: str | None) -> str | None:
    return value.upper() if value else None


@router.get("", response_model=Page[ClaimOut], summary="The claims checked on the case, newest first")
def list_claims(
    case_id: CaseId,
    actor: Viewer,
    db: DB,
    paging: PageParams,
    verdict: Annotated[VerdictName | None, Query(description="only claims with this verdict")] = None,
) -> Page[ClaimOut]:
    with db.read() as session:
        rows, total = stored.list_claims(
            session, actor, case_id, verdict=verdict, limit=paging.limit, offset=paging.offset
        )
        return Page[ClaimOut](
            items=[claim_out(r) for r in rows], total=total, limit=paging.limit, offset=paging.offset
        )


@router.get("/{claim_id}", response_model=ClaimOut, summary="One checked claim")
def get_claim(case_id: CaseId, claim_id: RecordId, actor: Viewer, db: DB) -> ClaimOut:
    with db.read() as session:
        return claim_out(stored.get_claim(session, actor, case_id, claim_id))


@router.get(
    "/{claim_id}/claimreview",
    summary="The claim as schema.org ClaimReview JSON-LD (checked claims only)",
    responses={200: {"content": {"application/ld+json": {}}}},
)
def get_claim_review(
    case_id: CaseId, claim_id: RecordId, actor: Viewer, db: DB, settings: AppSettings
) -> JSONResponse:
    with db.read() as session:
        record = stored.get_claim(session, actor, case_id, claim_id)
        result = stored.check_result(record)
    return claim_review_document(result, settings.sender)


def claim_review_document(result: CheckResult, reviewer: str) -> JSONResponse:
    try:
        review = claim_review(result, reviewer=reviewer)
    except ValueError:
        raise ProblemError(
            422, "a claim that could not be checked has no ClaimReview", slug="not-reviewable"
        ) from None
    return JSONResponse(review, media_type="application/ld+json")
