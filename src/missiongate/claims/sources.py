"""Turn an input (file or URL: text, HTML, PDF, RSS/Atom) into plain-text documents to extract from.

Offsets of claims index into `Document.text`: the file itself for plain text, the extracted text for
HTML and PDF."""

from __future__ import annotations

from dataclasses import dataclass

from missiongate.claims.feeds import looks_like_feed, parse_feed
from missiongate.claims.fetch import Limits, fetch, is_url
from missiongate.claims.htmltext import html_to_text
from missiongate.errors import MissionGateError
from missiongate.inputs import read_input

MAX_PDF_PAGES = 500


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    source: str
    title: str | None = None


def load_documents(location: str, limits: Limits = Limits()) -> list[Document]:
    """One document for an article or text, one per item for a feed."""
    if is_url(location):
        fetched = fetch(location, limits)
        return documents_from_bytes(fetched.data, location, fetched.content_type)
    return documents_from_bytes(read_input(location, limits.max_bytes), location, None)


def documents_from_bytes(data: bytes, source: str, content_type: str | None) -> list[Document]:
    if looks_like_feed(data) and not _is_html(data, source, content_type):
        items = parse_feed(data, source)
        return [Document(item.text, item.link or f"{source}#{item.id}", item.title) for item in items]
    return [document_from_bytes(data, source, content_type)]


def document_from_bytes(data: bytes, source: str, content_type: str | None) -> Document:
    if not data.strip():
        raise MissionGateError("empty input", source=source)
    if data.startswith(b"%PDF-") or content_type == "application/pdf":
        return Document(_pdf_text(data, source), source)
    text = _decode(data, source)
    if _is_html(data, source, content_type):
        body, title = html_to_text(text)
        if not body.strip():
            raise MissionGateError("no text in the HTML page", source=source)
        return Document(body, source, title)
    return Document(text, source)


def _is_html(data: bytes, source: str, content_type: str | None) -> bool:
    if content_type in ("text/html", "application/xhtml+xml") or source.lower().endswith((".html", ".htm")):
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _decode(data: bytes, source: str) -> str:
    binary = MissionGateError("binary file, not text, HTML, PDF or a feed", source=source)
    if b"\x00" in data[:8192]:
        raise binary
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # older news sites
        except UnicodeDecodeError:
            raise binary from None
    sample = text[:8192]
    if sum(ch < " " and ch not in "\t\n\r\f" for ch in sample) > len(sample) // 100:
        raise binary
    return text


def _pdf_text(data: bytes, source: str) -> str:
    """The analyzer's PDF reader: the same limits and the same one-line errors for broken files."""
    from missiongate.analyzer.readers import pdf_text

    return pdf_text(data, source, MAX_PDF_PAGES)[0]
