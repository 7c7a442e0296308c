"""The memo, the note and the offer rendered to DOCX and PDF and read back (python-docx, pypdf)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from missiongate import Doctrine
from missiongate.decision import build_memo, build_note
from missiongate.decision.offer import build_offer
from missiongate.documents import memo_docx, note_docx, offer_docx, render_pdf
from tests.decision.support import example, fact_ids_in, variant

DAY = dt.date(2026, 1, 9)


def _pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize(
    "name", ["gaza-isf-inquiry", "realistic/monusco-fib-2013", "realistic/iraq-2003-invasion"]
)
def test_memo_pdf_is_one_page_then_the_annexes(azerbaijan: Doctrine, name: str) -> None:
    memo = build_memo(azerbaijan, example(name), country="Azerbaijan", date=DAY)
    pages = _pages(render_pdf("memo.html", {"memo": memo, "annex": memo.annex}))
    first = pages[0]
    assert "Recommendation" in first and memo.recommendation[:60] in first
    assert (
        "Options" in first and "The facts it rests on" in first and "The ministry's interpretation" in first
    )
    assert pages[1].startswith("Annex A: domestic steps, timeline and withdrawal triggers")
    annex_b = next(i for i, page in enumerate(pages) if "Annex B: the rule-by-rule report" in page)
    assert annex_b >= 2 and "A1 — No participation in peace enforcement" in " ".join(pages[annex_b:])
    assert fact_ids_in(first) == set()


def test_memo_docx_reads_back(azerbaijan: Doctrine) -> None:
    memo = build_memo(azerbaijan, example("gaza-isf-inquiry"), country="Azerbaijan", date=DAY)
    paragraphs = _paragraphs(memo_docx(memo))
    assert paragraphs[0] == "EXAMPLE DATA — not an official document"
    assert memo.recommendation in paragraphs
    assert {"Decline", "Offer on conditions (recommended)", "Offer with another role"} <= set(paragraphs)
    assert "Annex B: the rule-by-rule report" in paragraphs


def test_note_docx_and_pdf_read_back(azerbaijan: Doctrine) -> None:
    note = build_note(azerbaijan, example("gaza-isf-inquiry"), number="12/2026", date=DAY)
    context = note.context()
    paragraphs = _paragraphs(note_docx(context))
    numbered = [p for p in paragraphs if p.split(".")[0].isdigit()]
    assert len(numbered) == note.count and numbered[0].startswith("1. ")
    assert all(c in paragraphs for c in note.conditions)
    assert paragraphs[-1] == "Embassy of the United States of America"
    text = " ".join(_pages(render_pdf("note.html", context)))
    assert "presents its compliments to the Embassy of the United States of America" in text
    assert "would be subject to the following conditions" in text and "highest consideration" in text
    assert "inquiry as first received" not in text and fact_ids_in(text) == set()


def test_declining_note_reads_back(azerbaijan: Doctrine) -> None:
    note = build_note(azerbaijan, example("gaza-isf-peace-enforcement"), number="13/2026", date=DAY)
    paragraphs = _paragraphs(note_docx(note.context()))
    assert any("is not in a position to contribute forces" in p for p in paragraphs)
    assert not any(p.split(".")[0].isdigit() for p in paragraphs)


def test_offer_docx_and_pdf_read_back(azerbaijan: Doctrine) -> None:
    offer = build_offer(
        azerbaijan, example("site-protection-chapter7"), number="31/2026", date=DAY, recipient="France"
    )
    context = offer.context()
    paragraphs = _paragraphs(offer_docx(context))
    assert "Annex: conditions and national caveats" in paragraphs
    assert any(p.startswith("The contingent does not take part in combat operations.") for p in paragraphs)
    pages = _pages(render_pdf("offer.html", context))
    assert "is prepared to contribute a contingent of 34 personnel" in pages[0]
    assert "Annex: conditions and national caveats" in pages[-1]


def test_control_characters_in_facts_never_break_a_docx(azerbaijan: Doctrine) -> None:
    mission = variant("gaza-isf-inquiry", request__requesting_party="United States\x01 of America")
    note = build_note(azerbaijan, mission, number="1", date=DAY)
    assert "Embassy of the United States of America" in _paragraphs(note_docx(note.context()))[-1]
    memo = build_memo(azerbaijan, mission, country="Azerbaijan\x02", date=DAY)
    assert memo.recommendation in _paragraphs(memo_docx(memo))
    site = variant("site-protection-chapter7", operation__area_of_operations="Airport\x0b perimeter")
    offer = build_offer(azerbaijan, site, number="1", date=DAY, recipient="France")
    assert any("Airport perimeter" in p for p in _paragraphs(offer_docx(offer.context())))
