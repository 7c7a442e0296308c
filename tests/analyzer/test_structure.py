from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from missiongate.analyzer.model import Evidence
from missiongate.analyzer.structure import parse_structure, recognise_symbol
from tests.analyzer.helpers import resolution


def test_unamir_paragraph_ids_follow_pema() -> None:
    structure = parse_structure(resolution(872).read_text(encoding="utf-8"))
    ids = [p.id for p in structure.operative]
    assert ids[:11] == ["1", "2", "3", "3a", "3b", "3c", "3d", "3e", "3f", "3g", "3h"]
    assert ids[-1] == "15"  # "7." after a page break (form feed) is still found
    assert structure.symbol == "S/RES/872 (1993)"
    assert structure.adopted == dt.date(1993, 10, 5)
    assert structure.paragraph("3f").start < structure.paragraph("3g").start


def test_footnote_numbers_are_not_paragraphs() -> None:
    structure = parse_structure(resolution(872).read_text(encoding="utf-8"))
    assert "18" in structure.footnotes and "S/26488" in structure.footnotes["18"].text
    assert all(p.kind == "preamble" for p in structure.preamble)
    assert len(structure.top_level()) == 15


def test_sections_and_ocr_noise() -> None:
    structure = parse_structure(resolution(814).read_text(encoding="utf-8"))
    assert [s.id for s in structure.sections] == ["sA", "sB", "sC"]
    assert "Acting under Chapter VII" in structure.slice(structure.paragraph("sB"))
    assert structure.slice(structure.paragraph("4d")).startswith("(ad) Assistance")  # OCR "(ad)" for "(d)"
    assert structure.paragraph("5").section == "B"


def test_unnumbered_early_resolution() -> None:
    structure = parse_structure(resolution(10).read_text(encoding="utf-8"))
    assert [structure.slice(p)[:8] for p in structure.top_level()] == ["Resolves", "Requests"]


def test_roman_sub_paragraphs() -> None:
    lines = ["The Security Council,", "Noting,", "1. Decides:", "(a) To monitor:", "(i) the cease-fire;",
             "(ii) the border;", "(b) To assist;", "2. Decides to remain seized."]  # fmt: skip
    text = "\n\n".join(lines) + "\n"
    ids = [p.id for p in parse_structure(text).operative]
    assert ids == ["1", "1a", "1ai", "1aii", "1b", "2"]


def test_symbol_forms() -> None:
    assert recognise_symbol("United Nations S/RES/1445 (2002)\n") == "S/RES/1445 (2002)"
    assert recognise_symbol("RESOLUTION 794 (1992)\n") == "S/RES/794 (1992)"
    assert recognise_symbol("no symbol here") is None


@given(st.text(min_size=1, max_size=400), st.data())
def test_evidence_offsets_slice_back_to_the_quote(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    evidence = Evidence.from_span(text, start, end, None)
    selector = evidence.selector()
    assert text[evidence.start : evidence.end] == evidence.quote == selector["exact"]
    assert text.endswith(selector["suffix"], 0, len(text)) or selector["suffix"] in text
    assert (selector["prefix"] + selector["exact"] + selector["suffix"]) in text


@given(st.lists(st.sampled_from(["Decides to establish the Mission", "(a) To monitor the cease-fire",
                                 "Noting the report", "18", "A", "\f", ""]), max_size=12))  # fmt: skip
def test_every_paragraph_span_lies_in_the_text(lines: list[str]) -> None:
    text = "The Security Council,\n\n" + "\n\n".join(
        f"{i}. {line}" if i % 2 else line for i, line in enumerate(lines)
    )
    structure = parse_structure(text)
    for paragraph in (*structure.preamble, *structure.operative, *structure.sections):
        assert 0 <= paragraph.start <= paragraph.lead_end <= paragraph.end <= len(text)
        assert structure.slice(paragraph) == structure.slice(paragraph).strip()
