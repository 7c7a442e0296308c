"""Rendering: Jinja2 templates to HTML, WeasyPrint to PDF, python-docx to DOCX.

A ministry restyles the documents by pointing `MISSIONGATE_TEMPLATES_DIR` at a folder holding any of
`note.html`, `memo.html`, `offer.html`, `brief.html`, `style.css` (they replace the built-in ones of the same
name) and `note.docx` (a Word document whose styles, page setup, header and footer the DOCX documents are
written into; it needs the "List Bullet" and "List Number" styles of Word's default template).
"""

from __future__ import annotations

import dataclasses
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
EXAMPLE = "EXAMPLE DATA — not an official document"


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


def xml_safe(value: Any) -> Any:
    """The same data without control characters, which DOCX (XML) cannot hold and a fact value or a record
    stored earlier may carry; dataclasses (the memo) are walked too, enums kept."""
    if type(value) is str:
        return without_controls(value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


def _document(templates_dir: Path | None) -> Any:
    from docx import Document

    base = templates_dir / "note.docx" if templates_dir else None
    return Document(str(base)) if base and base.is_file() else Document()


def _saved(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _letterhead(document: Any, context: dict[str, Any]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if context["case"]["example"]:
        document.add_paragraph(context.get("example_text", EXAMPLE))
    heading = document.add_paragraph(context["sender"])
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    reference = document.add_paragraph(f"{context.get('number_text', 'No.')} {context['reference']}")
    reference.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(context["opening_text"])


def _language(document: Any, lang: str) -> None:
    """Word proofs a note in its own language (the default style's language, which a base document may
    already set)."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    properties = document.styles["Normal"].element.get_or_add_rPr()
    if properties.find(qn("w:lang")) is None:
        element = OxmlElement("w:lang")
        element.set(qn("w:val"), {"fr": "fr-FR"}[lang])
        properties.insert_element_before(element, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _signature(document: Any, context: dict[str, Any]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph(context["closing_text"])
    dated = document.add_paragraph(context["date_text"])
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(context["addressee_line"])


def note_docx(context: dict[str, Any], templates_dir: Path | None = None) -> bytes:
    """A note verbale in Word format: the questions numbered under their themes, our conditions stated as
    conditions, or a declining note."""
    context = xml_safe(context)
    document = _document(templates_dir)
    if context.get("lang", "en") != "en":
        _language(document, context["lang"])
    _letterhead(document, context)
    for paragraph in context["preamble"]:
        document.add_paragraph(paragraph)
    for theme, questions in context["groups"]:
        document.add_heading(theme, level=2)
        for question in questions:
            document.add_paragraph(f"{question['number']}. {question['question']}")
    for intro, items in (
        (context["conditions_intro"], context["conditions"]),
        (context["desirable_intro"], context["desirable"]),
    ):
        if intro:
            document.add_paragraph(intro)
            for item in items:
                document.add_paragraph(item, style="List Bullet")
    for paragraph in context["paragraphs"]:
        document.add_paragraph(paragraph)
    if context["reply_text"]:
        document.add_paragraph(context["reply_text"])
    _signature(document, context)
    return _saved(document)


def offer_docx(context: dict[str, Any], templates_dir: Path | None = None) -> bytes:
    """The offer letter and, on a new page, its annex of conditions and national caveats."""
    from docx.enum.text import WD_BREAK

    context = xml_safe(context)
    document = _document(templates_dir)
    _letterhead(document, context)
    for paragraph in context["paragraphs"]:
        document.add_paragraph(paragraph)
    _signature(document, context)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Annex: conditions and national caveats", level=1)
    for item in context["conditions"]:
        document.add_paragraph(f"{item['text']} ({item['state']})", style="List Number")
    for item in context["desirable"]:
        document.add_paragraph(f"{item['text']} (desirable; {item['state']})", style="List Number")
    for item in context["caveats"]:
        document.add_paragraph(f"{item['text']} ({item['state']} caveat)", style="List Number")
    return _saved(document)


def memo_docx(memo: Any, templates_dir: Path | None = None) -> bytes:
    """The minister's memo in Word format, with its annexes."""
    from docx.enum.text import WD_BREAK

    memo = xml_safe(memo)
    document = _document(templates_dir)
    if memo.example:
        document.add_paragraph(EXAMPLE)
    document.add_heading(f"Memo to the Minister: {memo.title}", level=1)
    document.add_paragraph(f"{memo.date_text} — Government of {memo.country}; doctrine: {memo.doctrine}")
    document.add_heading(f"Recommendation (verdict: {memo.verdict_label})", level=2)
    document.add_paragraph(memo.recommendation)
    _bullets(document, "Provisional: this rests on points not yet confirmed", memo.provisional)
    document.add_heading("Options", level=2)
    for option in memo.options:
        mark = " (recommended)" if option.recommended else ("" if option.available else " (not open)")
        document.add_heading(option.title + mark, level=3)
        document.add_paragraph(option.summary)
        _bullets(document, "Conditions", option.conditions)
        _bullets(document, "Risks", option.risks)
        _bullets(document, "What would change the answer", option.path)
    document.add_heading("The facts it rests on", level=2)
    for group in memo.facts:
        unsettled = "" if group.settled else " (not confirmed)"
        document.add_paragraph(
            f"From {group.origin}{unsettled}: {'; '.join(group.facts)}.", style="List Bullet"
        )
    document.add_heading("Stated positions and interpretations", level=2)
    stated = [f"{g.source}: {'; '.join(g.rules)}" for g in memo.stated]
    read = [f"{g.source}: {'; '.join(g.rules)}" for g in memo.interpretations]
    _bullets(document, "Stated by the source", stated)
    _bullets(document, "The ministry's interpretation", read)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Annex A: domestic steps, timeline and withdrawal triggers", level=1)
    document.add_heading("Domestic steps and timeline", level=2)
    steps = [
        f"{s.title} — {s.authority}, {s.when}{'; ' + s.deadline if s.deadline else ''}: {s.status}"
        f"{' (overdue)' if s.overdue else ''} ({s.source})"
        for s in memo.steps
    ]
    for line in [*steps, *memo.timeline]:
        document.add_paragraph(line, style="List Bullet")
    document.add_heading("After deployment: what would require withdrawal", level=2)
    document.add_paragraph(
        "Any one of these would require withdrawal: " + "; ".join(memo.triggers) + "."
        if memo.triggers
        else "No single change would require withdrawal."
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Annex B: the rule-by-rule report", level=1)
    for rule in memo.annex["rules"]:
        document.add_heading(
            f"{rule['id']} — {rule['title']} ({rule['kind_text']}: {rule['effect_text']})", 3
        )
        document.add_paragraph(rule["rationale"])
        document.add_paragraph(f"Requires: {rule['requires']}")
        document.add_paragraph(f"Source ({rule['basis_text']}): {rule['source']}")
    return _saved(document)


def _bullets(document: Any, heading: str, items: Any) -> None:
    if not items:
        return
    document.add_paragraph().add_run(f"{heading}:").italic = True
    for item in items:
        document.add_paragraph(item, style="List Bullet")
