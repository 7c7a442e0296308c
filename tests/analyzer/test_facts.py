from __future__ import annotations

from missiongate.analyzer.analysis import analyze_file, analyze_text
from missiongate.analyzer.facts import merge_into, proposed_facts
from missiongate.catalogue import load_catalogue
from missiongate.mission import FactRecord, Mission
from tests.analyzer.helpers import resolution


def test_facts_are_proposed_valid_and_evidenced() -> None:
    analysis = analyze_file(resolution(794))
    facts = proposed_facts(analysis)
    catalogue = load_catalogue()
    assert facts["mandate.charter_basis"].value == "chapter_vii"
    assert facts["mandate.chapter_vii_scope"].value == "section_only"
    assert facts["mandate.use_of_force"].value == "all_necessary_measures"
    assert facts["mandate.instrument"].value == "S/RES/794 (1992)"
    for fact_id, record in facts.items():
        assert record.proposed and fact_id in catalogue
        assert record.evidence is not None
        text = analysis.structure.text
        assert text[record.evidence.start : record.evidence.end] == record.evidence.quote  # type: ignore[misc]
        extra = record.evidence.model_extra or {}
        assert extra["selector"]["type"] == "TextQuoteSelector" and extra["rule"]


def test_consent_based_operation() -> None:
    facts = proposed_facts(analyze_file(resolution(872)))
    assert facts["consent.all_parties"].value is True
    assert "mandate.use_of_force" not in facts
    assert {"Ceasefire", "Demining"} <= facts["operation.tasks"].value


def test_merge_keeps_confirmed_facts() -> None:
    mission = Mission(id="m", title="M", facts={"consent.all_parties": FactRecord(value=False)})
    merged, added, skipped = merge_into(mission, proposed_facts(analyze_file(resolution(872))))
    assert skipped == ["consent.all_parties"] and merged.facts["consent.all_parties"].value is False
    assert "operation.tasks" in added and merged.facts["operation.tasks"].proposed


def test_authorized_strength() -> None:
    for number, strength, paragraph in ((897, 22000, "3"), (858, 88, "2"), (880, 20, "12")):
        facts = proposed_facts(analyze_file(resolution(number)))
        record = facts["operation.authorized_strength"]
        assert record.value == strength and record.evidence is not None
        assert record.evidence.paragraph == paragraph
    text = ("Resolution 9001 (2030)\nof 1 January 2030\n\nThe Security Council,\n\nNoting,\n\n"
            "1. Authorizes an increase of 1,200 troops in the strength of the Force;\n")  # fmt: skip
    assert "operation.authorized_strength" not in proposed_facts(analyze_text(text))
