"""Claims monitor on a case: check pasted or uploaded text against the case's official position.

The limits and the file types are here, so the API and the pages take and refuse the same input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from missiongate.claims.model import Claim
from missiongate.claims.position import CheckResult, Position, Verdict, check_claims
from missiongate.claims.sources import documents_from_bytes
from missiongate.errors import MissionGateError, UnsupportedTypeError
from missiongate.inputs import without_controls
from missiongate.services.workspace import Workspace
from missiongate.store import accounts, cases
from missiongate.store import claims as stored
from missiongate.store import documents as store_documents
from missiongate.store.accounts import Actor
from missiongate.store.models import Case, ClaimRecord

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
UNTYPED = ("", "application/octet-stream")  # then the content and the name tell


@dataclass(frozen=True)
class ClaimFile:
    filename: str | None
    content_type: str | None
    stream: IO[bytes]


def check_text(
    ws: Workspace, actor: Actor, case_id: int, text: str, *, source: str = "", country: str | None = None
) -> list[ClaimRecord]:
    """Extract the claims in the text, check each against the case's position, and record them."""
    if not text.strip():
        raise MissionGateError("the text is empty: paste the text to check, or choose a file")
    if "\x00" in text:
        raise MissionGateError("the text contains a NUL character: send text, not binary data")
    if len(text) > MAX_TEXT:
        raise MissionGateError(f"the text is longer than {MAX_TEXT} characters")
    with ws.db.write() as session:
        return stored.check_text(
            session,
            actor,
            case_id,
            text,
            source=source,
            country=country.upper() if country else None,
            doctrines=ws.doctrines,
        )


def check_file(
    ws: Workspace,
    actor: Actor,
    case_id: int,
    upload: ClaimFile,
    *,
    source: str = "",
    country: str | None = None,
) -> list[ClaimRecord]:
    """The same for an uploaded article: text, HTML, PDF, or a feed's items one after another."""
    content_type = (upload.content_type or "").split(";")[0].strip().lower()
    if content_type not in FILE_TYPES and content_type not in UNTYPED:
        raise UnsupportedTypeError(
            f"files of type {content_type!r} cannot be read for claims", accepted=sorted(FILE_TYPES)
        )
    data = store_documents.read_upload(upload.stream, ws.settings.max_upload_bytes)
    filename = store_documents.clean_filename(upload.filename, "upload")
    try:
        found = documents_from_bytes(data, filename, content_type or None)
    except MissionGateError as exc:
        raise MissionGateError(f"{filename}: {exc.message}") from None
    # Control characters (a PDF's page breaks) come from the file, not from a person: dropped, not refused.
    text = without_controls("\n\n".join(d.text for d in found))
    return check_text(ws, actor, case_id, text, source=source or filename, country=country)


def list_claims(
    ws: Workspace, actor: Actor, case_id: int, *, verdict: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[ClaimRecord], int]:
    """The claims checked on the case, newest first (only those with `verdict` when given)."""
    with ws.db.read() as session:
        return stored.list_claims(session, actor, case_id, verdict=verdict, limit=limit, offset=offset)


def get_claim(ws: Workspace, actor: Actor, case_id: int, claim_id: int) -> ClaimRecord:
    with ws.db.read() as session:
        return stored.get_claim(session, actor, case_id, claim_id)


def claim_result(ws: Workspace, actor: Actor, case_id: int, claim_id: int) -> CheckResult:
    """One checked claim as the claims core's result (for its ClaimReview)."""
    return stored.check_result(get_claim(ws, actor, case_id, claim_id))


def contradictions(ws: Workspace, actor: Actor, case_id: int, limit: int = 10_000) -> list[CheckResult]:
    """The case's claims that contradict its position, as the core's results (for ClaimReview)."""
    rows, _ = list_claims(ws, actor, case_id, verdict=Verdict.CONTRADICTS.value, limit=limit)
    return [stored.check_result(r) for r in rows]


@dataclass(frozen=True)
class ClaimsView:
    case: Case
    rows: list[ClaimRecord]
    total: int
    position: Position | None
    position_problem: str | None  # why the case has no position to check against, in words


def claims_view(
    ws: Workspace, actor: Actor, case_id: int, *, verdict: str | None = None, limit: int = 100
) -> ClaimsView:
    """The case's claims page: the claims checked and the position they were checked against."""
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        rows, total = stored.list_claims(session, actor, case_id, verdict=verdict, limit=limit)
        try:
            position, problem = stored.case_position(session, actor, case_id, doctrines=ws.doctrines), None
        except MissionGateError as exc:
            position, problem = None, exc.message
        return ClaimsView(case, rows, total, position, problem)


def check_on_case(
    ws: Workspace, username: str, case_id: int, claims: list[Claim], *, record: bool
) -> list[CheckResult]:
    """`missiongate claims check --case`: claims already extracted, checked against the case's position as
    user `username`; with `record`, kept on the case too."""
    with ws.db.write() if record else ws.db.read() as session:
        user = accounts.user_by_name(session, username)
        if user is None or not user.active:
            raise MissionGateError(f"no active user {username!r}; choose one with --user")
        actor = Actor.of(user)
        position = stored.case_position(session, actor, case_id, doctrines=ws.doctrines)
        results = check_claims(claims, [position])
        if record:
            stored.record_checks(session, actor, case_id, results)
        return results
