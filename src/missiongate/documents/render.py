"""Rendering: Jinja2 templates to HTML, WeasyPrint to PDF, python-docx to DOCX.

A ministry restyles the documents by pointing `MISSIONGATE_TEMPLATES_DIR` at a folder holding any of
`note.html`, `brief.html`, `style.css` (they replace the built-in ones of the same name) and
`note.docx` (a Word document whose styles, page setup, header and footer the DOCX note is written into).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)

from missiongate.inputs import without_controls

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=8)
def _environment(templates_dir: Path | None) -> Environment:
    loaders: list[Any] = [FileSystemLoader(str(templates_dir))] if templates_dir else []
    loaders.append(PackageLoader("missiongate.documents", "templates"))
    environment = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment


def render_html(template: str, context: dict[str, Any], templates_dir: Path | None = None) -> str:
    return _environment(templates_dir).get_template(template).render(**context)


def render_pdf(template: str, context: dict[str, Any], templates_dir: Path | None = None) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    html = render_html(template, context, templates_dir)
    pdf: bytes = HTML(string=html, base_url=str(templates_dir or BUILTIN_TEMPLATES)).write_pdf()
    return pdf


def note_docx(context: dict[str, Any], templates_dir: Path | None = None) -> bytes:
    """The questionnaire as a numbered diplomatic note in Word format."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    context = without_controls(context)  # DOCX is XML: a control character in a stored value would fail it

    base = templates_dir / "note.docx" if templates_dir else None
    document = Document(str(base)) if base and base.is_file() else Document()
    if context["case"]["example"]:
        document.add_paragraph("EXAMPLE DATA — not an official document")
    heading = document.add_paragraph(context["sender"])
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    reference = document.add_paragraph(f"No. {context['reference']}")
    reference.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(context["opening_text"])
    for theme, questions in context["groups"]:
        document.add_heading(theme, level=2)
        for question in questions:
            document.add_paragraph(f"{question['number']}. {question['question']}")
    document.add_paragraph(context["closing_text"])
    dated = document.add_paragraph(context["date_text"])
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(f"To: {context['recipient']}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
