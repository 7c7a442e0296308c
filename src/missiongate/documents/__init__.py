"""Documents a ministry sends or files: the questionnaire as a diplomatic note (DOCX, PDF), the decision
brief (PDF), the minister's memo and the offer letter (DOCX, PDF), rendered from templates that can be
replaced (see `render`)."""

from missiongate.documents.context import brief_context
from missiongate.documents.gather import brief_for, note_for
from missiongate.documents.render import memo_docx, note_docx, offer_docx, render_html, render_pdf

__all__ = [
    "brief_context",
    "brief_for",
    "memo_docx",
    "note_docx",
    "note_for",
    "offer_docx",
    "render_html",
    "render_pdf",
]
