"""The questionnaire as the note verbale (DOCX, PDF) and the decision brief (PDF), read back with
python-docx and pypdf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import update

import missiongate
from missiongate.doctrine import builtin_registry
from missiongate.documents import brief_context, note_docx, note_for, render_html, render_pdf
from missiongate.questionnaire.xlsform import xlsform_bytes
from missiongate.server.responses import attachment
from missiongate.store import accounts, cases
from missiongate.store import decisions as store_decisions
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import Case, Decision, Position, QuestionnaireRecord, Role

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def actor(database: Database) -> Actor:
    with database.write() as session:
        return Actor.of(accounts.create_user(session, "setup", "approver", Role.APPROVER))


@pytest.fixture
def case_id(database: Database, actor: Actor) -> int:
    mission = missiongate.load_mission(EXAMPLES / "gaza-isf-inquiry.yaml")
    data = cases.CaseInput(
        title=mission.title,
        mission_ref=mission.id,
        example=True,
        requesting_party="United States of America",
        operation="the ISF in Gaza",
        facts=mission.to_data()["facts"],
    )
    with database.write() as session:
        return cases.create_case(session, actor, data).id


def _note(
    database: Database,
    actor: Actor,
    case_id: int,
    recipient: str = "the Embassy of the United States of America",
    ministry: str | None = None,
) -> dict[str, object]:
    with database.write() as session:
        questionnaire = store_questionnaires.create_questionnaire(session, actor, case_id)
        store_questionnaires.send_questionnaire(
            session, actor, case_id, questionnaire.number, channel="note verbale", recipient=recipient
        )
    with database.read() as session:
        return note_for(session, actor, case_id, 1, doctrines=builtin_registry(), ministry=ministry)


def _pdf_text(data: bytes) -> str:
    """The PDF's text with line breaks and runs of spaces folded into single spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_note_docx_numbers_every_question(database: Database, actor: Actor, case_id: int) -> None:
    context = _note(database, actor, case_id)
    document = Document(io.BytesIO(note_docx(context)))
    paragraphs = [p.text for p in document.paragraphs]
    numbered = [t for t in paragraphs if t.split(".")[0].isdigit()]
    assert len(numbered) == context["count"] and len(numbered) > 20
    assert numbered[0].startswith("1. ") and numbered[-1].startswith(f"{context['count']}. ")
    assert paragraphs[0].startswith("EXAMPLE DATA")
    assert any("presents its compliments to the Embassy of the United States" in t for t in paragraphs)
    assert any("Security Council resolution 2803 (2025)" in t for t in paragraphs)
    assert any("would be subject to the following conditions" in t for t in paragraphs)
    assert any("highest consideration" in t for t in paragraphs)
    assert any(p.style is not None and p.style.name.startswith("Heading") for p in document.paragraphs)
    assert any(f"No. MG/{case_id}/Q1" in t for t in paragraphs)


def test_note_pdf_reads_back(database: Database, actor: Actor, case_id: int) -> None:
    context = _note(database, actor, case_id)
    text = _pdf_text(render_pdf("note.html", context))
    assert "Ministry of Foreign Affairs" in text and f"MG/{case_id}/Q1" in text
    assert "peace enforcement operation" in text and "highest consideration" in text
    assert "EXAMPLE DATA" in text


def test_brief_pdf_explains_the_decision(database: Database, actor: Actor, case_id: int) -> None:
    with database.write() as session:
        cases.set_facts(
            session,
            actor,
            case_id,
            None,
            {"operation.type": {"value": "peace_enforcement", "source": "answer of the requesting party"}},
        )
        assessment = store_decisions.create_assessment(session, actor, case_id)
        signoff = store_decisions.sign_off(
            session, actor, case_id, assessment.id, Decision.DECLINE, "Red line A1."
        )
        position = store_decisions.record_position(
            session,
            actor,
            case_id,
            position=Position.DECLINED,
            stated_on=assessment.created_at.date(),
            statement="We decline.",
        )
        context = brief_context(
            cases.get_case(session, actor, case_id),
            assessment,
            signoff=signoff,
            position=position,
            names=lambda _: "approver",
            sender="Ministry",
        )
    flat = _pdf_text(render_pdf("brief.html", context))
    assert "Decline" in flat and "A1" in flat and "peace enforcement" in flat.lower()
    assert "answer of the requesting party" in flat
    assert "Decline participation" in flat and "signed off by approver" in flat
    assert "President of the Republic of Azerbaijan" in flat  # the rule's source
    assert assessment.doctrine_hash in flat.replace(" ", "")


def test_a_ministry_template_replaces_the_builtin_one(
    database: Database, actor: Actor, case_id: int, tmp_path: Path
) -> None:
    context = _note(database, actor, case_id)
    (tmp_path / "note.html").write_text(
        "<html><body><p>Royal Ministry — {{ reference }}</p>"
        "{% for theme, qs in groups %}{% for q in qs %}<p>{{ q.number }}</p>{% endfor %}{% endfor %}"
        "</body></html>"
    )
    (tmp_path / "style.css").write_text("body { font-family: serif; }")
    html = render_html("note.html", context, tmp_path)
    assert html.startswith("<html><body><p>Royal Ministry") and f"MG/{case_id}/Q1" in html
    assert "Royal Ministry" in _pdf_text(render_pdf("note.html", context, tmp_path))


def test_a_ministry_word_template_supplies_the_letterhead(
    database: Database, actor: Actor, case_id: int, tmp_path: Path
) -> None:
    letterhead = Document()
    letterhead.sections[0].header.paragraphs[0].text = "Royal Ministry of Foreign Affairs — letterhead"
    letterhead.save(str(tmp_path / "note.docx"))
    document = Document(io.BytesIO(note_docx(_note(database, actor, case_id), tmp_path)))
    assert document.sections[0].header.paragraphs[0].text.startswith("Royal Ministry")
    assert any(p.text.startswith("1. ") for p in document.paragraphs)


def test_control_characters_in_stored_values_do_not_break_exports(database: Database, actor: Actor) -> None:
    """Records stored before control characters were refused still export (DOCX is XML, so is XLSX)."""
    with database.write() as session:
        case_id = cases.create_case(session, actor, cases.CaseInput(title="Bell case")).id
        questionnaire = store_questionnaires.create_questionnaire(session, actor, case_id)
        store_questionnaires.send_questionnaire(
            session, actor, case_id, questionnaire.number, channel="note", recipient="Example Mission"
        )
        # Written past the store's check, as records kept before it were.
        legacy = {"title": "Bell\x07 case\x1b", "requesting_party": "State\x0b of\x01 Example"}
        legacy["operation"] = "Op\x7f"
        session.execute(update(Case).where(Case.id == case_id).values(**legacy))
        session.execute(
            update(QuestionnaireRecord)
            .where(QuestionnaireRecord.id == questionnaire.id)
            .values(recipient="Example\x08 Mission")
        )
    with database.read() as session:
        context = note_for(session, actor, case_id, 1, doctrines=builtin_registry(), ministry="Ministry\x0c")
    text = "\n".join(p.text for p in Document(io.BytesIO(note_docx(context))).paragraphs)
    assert "Example Mission" in text and "\x08" not in text
    built = missiongate.build_questionnaire(
        missiongate.load_builtin("azerbaijan"),
        missiongate.Mission(id="x", title="Bell\x07 case", facts={}),
    )
    workbook = load_workbook(io.BytesIO(xlsform_bytes(built)))
    assert workbook["settings"]["A2"].value == "Clarification questionnaire: Bell case"
    assert attachment("note\r\nSet-Cookie: x=1\x07.docx").count("\n") == 0
