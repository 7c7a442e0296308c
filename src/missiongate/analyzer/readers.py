"""Read a mandate document (text, PDF, HTML, Akoma Ntoso XML) into text, refusing bad input clearly.

Every failure is a MissionGateError naming the file: empty, binary, truncated, encrypted, scanned
(no text layer), oversized, or XML with a DTD/entities (entity bombs, external entities).
"""

from __future__ import annotations

import codecs
import html.parser
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from missiongate.errors import MissionGateError
from missiongate.inputs import read_input

if TYPE_CHECKING:
    from pypdf import PdfReader

Format = Literal["text", "pdf", "html", "xml"]
MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 500
# The longest resolution in data/ is 40 kB. These bound the work of one analysis (a server request
# included) to about a second and some tens of MB, where a 19 MB text took half a minute and gigabytes.
MAX_TEXT_BYTES = 4 * 1024 * 1024
MAX_CHARS = 1_000_000
_BINARY_CONTROL_RATIO = 0.02
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text of a document; all analyzer offsets index `text`."""

    text: str
    source: str
    format: Format
    pages: int | None = None


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES) -> Document:
    data = read_input(path, max_bytes)
    return read_bytes(data, str(path), max_bytes=max_bytes, max_pages=max_pages)


def read_bytes(
    data: bytes, source: str, *, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES
) -> Document:
    if len(data) > max_bytes:
        raise MissionGateError(f"file is {len(data)} bytes, over the {max_bytes}-byte limit", source=source)
    if not data.strip():
        raise MissionGateError("file is empty", source=source)
    kind = sniff_format(data, source)
    if kind == "pdf":
        text, pages = pdf_text(data, source, max_pages)
        _refuse_long(text, source)
        return Document(text, source, "pdf", pages)
    if len(data) > MAX_TEXT_BYTES:
        raise MissionGateError(
            f"{kind} file is {len(data)} bytes, over the analyzer's limit of {MAX_TEXT_BYTES}", source=source
        )
    text = decode_text(data, source)
    if kind == "xml":
        text = xml_text(text, source)
    elif kind == "html":
        text = html_text(text)
    if not text.strip():
        raise MissionGateError(f"{kind} document has no text", source=source)
    _refuse_long(text, source)
    return Document(text, source, kind)


def _refuse_long(text: str, source: str) -> None:
    if len(text) > MAX_CHARS:
        raise MissionGateError(
            f"the text has {len(text)} characters, over the analyzer's limit of {MAX_CHARS}", source=source
        )


def sniff_format(data: bytes, source: str) -> Format:
    """By content first (a renamed file is still what it is), then by extension."""
    head = data[:1024].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if data[:1024].lstrip().startswith(b"%PDF-") or source.lower().endswith(".pdf"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or source.lower().endswith((".html", ".htm")):
        return "html"
    if head.startswith(b"<?xml") or head.startswith(b"<akomantoso") or source.lower().endswith(".xml"):
        return "xml"
    return "text"


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM first; otherwise detect the encoding."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, encoding, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise MissionGateError(
                "text ends in the middle of a character: file is truncated", source=source
            ) from None
        text = _detect(data, source)
    _refuse_binary(text, source)
    return text


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise MissionGateError(f"not valid {encoding} text (truncated or corrupt)", source=source) from None


def _detect(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    if b"\x00" in data:
        raise MissionGateError("binary file, not a text document", source=source)
    best = from_bytes(data).best()
    if best is None:
        raise MissionGateError("binary file or unknown text encoding", source=source)
    return str(best)


def _refuse_binary(text: str, source: str) -> None:
    sample = text[:8192]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > _BINARY_CONTROL_RATIO * len(sample):
        raise MissionGateError("binary file, not a text document", source=source)


def pdf_text(data: bytes, source: str, max_pages: int) -> tuple[str, int]:
    """The PDF's text layer, pages separated by form feeds (as in the printed-edition texts)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip().startswith(b"%PDF-"):
        raise MissionGateError("not a PDF file (no %PDF header)", source=source)
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its repair warnings would break the one-line error contract
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise MissionGateError(
                "PDF is encrypted with a password; save an unprotected copy", source=source
            )
        if len(reader.pages) > max_pages:
            raise MissionGateError(
                f"PDF has {len(reader.pages)} pages, over the {max_pages}-page limit", source=source
            )
        pages = _page_texts(reader, source)
    except MissionGateError:
        raise
    except PyPdfError as exc:
        raise MissionGateError(
            f"unreadable PDF (truncated or corrupt): {_short(exc)}", source=source
        ) from None
    except NotImplementedError as exc:  # filters and encryption pypdf does not implement
        raise MissionGateError(f"unsupported PDF feature: {_short(exc)}", source=source) from None
    except Exception as exc:  # fuzzed files make pypdf raise nearly any built-in type
        raise MissionGateError(
            f"unreadable PDF (truncated or corrupt): {type(exc).__name__}", source=source
        ) from None
    finally:
        logger.setLevel(level)
    text = "\n\f".join(pages)
    if not text.strip():
        raise MissionGateError("PDF has no text layer (scanned image?); run OCR on it first", source=source)
    return text, len(pages)


def _page_texts(reader: PdfReader, source: str) -> list[str]:
    """Page texts, stopping as soon as they pass MAX_CHARS rather than extracting every page first."""
    pages: list[str] = []
    total = 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        total += len(pages[-1])
        if total > MAX_CHARS:
            raise MissionGateError(
                f"the PDF's text is over the analyzer's limit of {MAX_CHARS} characters", source=source
            )
    return pages


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "title",
}


class _HtmlText(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return _tidy("".join(parser.parts))


_AKN_BLOCKS = {"p", "heading", "subheading", "docTitle", "docNumber", "docDate", "formula", "li"}


def xml_text(markup: str, source: str) -> str:
    """Akoma Ntoso (or any XML) as text: `<num>` joins the following words, blocks become paragraphs."""
    import xml.etree.ElementTree as ElementTree

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(markup.encode("utf-8"), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise MissionGateError(
            f"XML refused: {type(exc).__name__} (DTDs and entities are not allowed)", source=source
        ) from None
    except ElementTree.ParseError as exc:
        raise MissionGateError(f"malformed or truncated XML: {exc}", source=source) from None
    parts: list[str] = []
    _walk(root, parts)
    return _tidy("".join(parts))


def _walk(element: object, parts: list[str]) -> None:
    import xml.etree.ElementTree as ElementTree

    assert isinstance(element, ElementTree.Element)
    name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
    if name == "num":
        parts.append("\n\n" + "".join(element.itertext()).strip() + " ")
    elif name in _AKN_BLOCKS:
        parts.append(" ".join("".join(element.itertext()).split()) + "\n\n")
    else:
        parts.append(element.text or "")
        for child in element:
            _walk(child, parts)
            parts.append(child.tail or "")


def _tidy(text: str) -> str:
    """Collapse the blank runs left by markup into single blank lines; keep words and line breaks."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"
