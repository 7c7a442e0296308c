"""Documents a ministry sends or files: the questionnaire as a diplomatic note (DOCX, PDF) and the
decision brief (PDF), rendered from templates that can be replaced (see `render`)."""

from missiongate.documents.context import brief_context, note_context
from missiongate.documents.gather import brief_for, note_for
from missiongate.documents.render import note_docx, render_html, render_pdf

__all__ = [
    "brief_context",
    "brief_for",
    "note_context",
    "note_docx",
    "note_for",
    "render_html",
    "render_pdf",
]
