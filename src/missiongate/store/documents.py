"""Documents of a case: the original bytes as received, checked on the way in (type, size, kind).

Appended, never rewritten: each keeps its SHA-256 and who uploaded it.
"""

from __future__ import annotations

import hashlib
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from missiongate.errors import MissionGateError, TooLargeError, UnsupportedTypeError
from missiongate.inputs import header_text
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.cases import case_records, get_case, record_of_case
from missiongate.store.models import Document

DOCUMENT_KINDS = ("mandate", "inquiry", "answer", "correspondence", "statement", "other")


def clean_filename(name: str | None, fallback: str) -> str:
    """A client-supplied file name as stored: no control characters (they would break the download's
    header), at most its last 300 characters."""
    return header_text(name or fallback).strip()[-300:] or fallback


# What a ministry receives: texts, PDFs, office documents, e-mails, scans.
DOCUMENT_TYPES = {
    "text/plain",
    "text/markdown",
    "text/html",
    "text/csv",
    "application/pdf",
    "application/xml",  # Akoma Ntoso, under any of the names it is sent with
    "text/xml",
    "application/akn+xml",
    "application/json",
    "application/yaml",
    "application/rtf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "message/rfc822",
    "image/png",
    "image/jpeg",
    "image/tiff",
}


def read_upload(stream: IO[bytes], limit: int) -> bytes:
    """An upload's bytes, refused when over `limit` (read no further than one byte past it)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"the file exceeds the limit of {limit} bytes")
    return data


def document_type(header: str | None) -> str:
    """The media type of a Content-Type header ("text/plain; charset=utf-8" -> "text/plain"), if kept."""
    content_type = (header or "").split(";")[0].strip().lower()
    if content_type not in DOCUMENT_TYPES:
        raise UnsupportedTypeError(
            f"documents of type {content_type or '(none)'!r} are not accepted",
            accepted=sorted(DOCUMENT_TYPES),
        )
    return content_type


def add_document(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    filename: str,
    content_type: str,
    data: bytes,
    kind: str = "other",
    note: str = "",
) -> Document:
    case = get_case(session, actor, case_id)
    content_type = document_type(content_type)
    if kind not in DOCUMENT_KINDS:
        raise MissionGateError(f"unknown document kind {kind!r} (one of {', '.join(DOCUMENT_KINDS)})")
    if not data:
        raise MissionGateError("the file is empty")
    if "\x00" in note:
        raise MissionGateError("the note contains a NUL character")
    filename = clean_filename(filename, "document")
    document = Document(
        case_id=case.id,
        filename=filename,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        kind=kind,
        note=note,
        data=data,
        uploaded_by=actor.id,
    )
    session.add(document)
    session.flush()
    details = {"document": document.id, "filename": filename, "sha256": document.sha256, "size": len(data)}
    audit.append(session, actor.username, "document.add", f"case:{case.id}", details)
    return document


def list_documents(session: Session, actor: Actor, case_id: int) -> list[Document]:
    return case_records(session, Document, get_case(session, actor, case_id))


def get_document(
    session: Session, actor: Actor, case_id: int, document_id: int, *, with_data: bool = False
) -> Document:
    case = get_case(session, actor, case_id)
    if with_data:
        document = session.scalar(
            select(Document).where(Document.id == document_id).options(undefer(Document.data))
        )
        if document is not None and document.case_id == case.id:
            return document
    return record_of_case(session, Document, case, document_id, "document")
