"""The decision documents (memo, note verbale, offer) as files: Markdown, DOCX or PDF. The one place that
turns the `missiongate.decision` data into bytes, for `missiongate memo|note|offer` and the workspace alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from missiongate.decision.markdown import memo_markdown, note_markdown
from missiongate.documents.render import memo_docx, note_docx, offer_docx, render_pdf
from missiongate.errors import MissionGateError

if TYPE_CHECKING:
    from missiongate.decision import Memo, Note
    from missiongate.decision.offer import Offer

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
MEDIA_TYPES = {"md": "text/markdown; charset=utf-8", "docx": DOCX, "pdf": PDF}


def check_format(format: str) -> str:
    if format not in MEDIA_TYPES:
        raise MissionGateError(f"the document is available as md, docx or pdf, not {format!r}")
    return format


def memo_file(memo: Memo, format: str, templates_dir: Path | None = None) -> bytes:
    if check_format(format) == "md":
        return memo_markdown(memo).encode()
    if format == "docx":
        return memo_docx(memo, templates_dir)
    return render_pdf("memo.html", {"memo": memo, "annex": memo.annex}, templates_dir)


def note_file(note: Note, format: str, templates_dir: Path | None = None) -> bytes:
    return _letter("note.html", note.context(), format, templates_dir)


def offer_file(offer: Offer, format: str, templates_dir: Path | None = None) -> bytes:
    return _letter("offer.html", offer.context(), format, templates_dir)


def _letter(template: str, context: dict[str, Any], format: str, templates_dir: Path | None) -> bytes:
    if check_format(format) == "md":
        return note_markdown(context).encode()
    if format == "docx":
        docx = note_docx if template == "note.html" else offer_docx
        return docx(context, templates_dir)
    return render_pdf(template, context, templates_dir)
