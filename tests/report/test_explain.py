"""The decision report: verdict, deciding rules with rationale and source, facts with provenance."""

from __future__ import annotations

from pathlib import Path

from missiongate import Doctrine, assess, load_mission, report_data
from missiongate.report.markdown import report_markdown


def test_decline_report_explains_and_offers_alternatives(azerbaijan: Doctrine, examples_dir: Path) -> None:
    mission = load_mission(examples_dir / "gaza-isf-peace-enforcement.yaml")
    data = report_data(*assess(azerbaijan, mission), mission)
    a1 = next(r for r in data["rules"] if r["id"] == "A1")
    assert a1["deciding"] and a1["status"] == "violated"
    assert "peace enforcement" in a1["rationale"] and "5 January 2026" in a1["source"]
    assert any(f["fact"] == "operation.type" and f["met"] is False for f in a1["findings"])
    alternatives = {alt["fact"]: alt["values"] for alt in a1["would_be_met_if"]}
    assert "peace_enforcement" not in alternatives["operation.type"]
    fact = next(f for f in data["facts_used"] if f["fact"] == "operation.type")
    assert "Requesting government (example)" in fact["provenance"]


def test_markdown_is_memo_ready(azerbaijan: Doctrine, examples_dir: Path) -> None:
    mission = load_mission(examples_dir / "gaza-isf-inquiry.yaml")
    text = report_markdown(report_data(*assess(azerbaijan, mission), mission))
    assert "> **Example data.**" in text
    assert "## Verdict: Ask first" in text
    assert "## Open questions (" in text
    assert "A9 Consent is given only by Azerbaijan" in text


def test_provisional_marking_in_report(azerbaijan: Doctrine, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "id: p\ntitle: p\nfacts:\n  operation.type: {value: peace_enforcement, status: proposed,"
        " source: analyzer}\n"
    )
    mission = load_mission(path)
    data = report_data(*assess(azerbaijan, mission), mission)
    assert data["provisional"] and data["proposed_facts_used"] == ["operation.type"]
    text = report_markdown(data)
    assert "**Provisional.**" in text
    assert "Type of operation: Peace enforcement (from document analysis, not yet confirmed" in text
