"""Claims monitor on a case: check pasted or uploaded text against the case's official position.

The limits and the file types are here, so the API and the pages take and refuse the same input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from missiongate.claims.sources import documents_from_bytes
from missiongate.errors import MissionGateError, UnsupportedTypeError
from missiongate.services.workspace import Workspace
from missiongate.store import claims as stored
from missiongate.store import documents as store_documents
from missiongate.store.accounts import Actor
from missiongate.store.models import ClaimRecord

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
    text = "\n\n".join(d.text for d in found)
    return check_text(ws, actor, case_id, text, source=source or filename, country=country)
