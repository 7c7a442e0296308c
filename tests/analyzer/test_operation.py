from __future__ import annotations

import datetime as dt

from missiongate.analyzer.analysis import analyze_file, analyze_text
from tests.analyzer.helpers import resolution


def test_unamir_established_named_and_dated() -> None:
    analysis = analyze_file(resolution(872))
    assert [f.value for f in analysis.of_kind("operation_action")] == ["established"]
    assert analysis.of_kind("operation_name")[0].value == "United Nations Assistance Mission for Rwanda"
    [end] = analysis.of_kind("end_date")
    # six months from adoption on 5 October 1993, the last day included
    assert end.value == dt.date(1994, 4, 4) and end.detail["period"] == "six months"


def test_report_symbol_from_footnote() -> None:
    [report] = analyze_file(resolution(872)).of_kind("report_by_reference")
    assert report.value == "S/26488" and report.evidence.paragraph == "1"


def test_renewal_until_date() -> None:
    analysis = analyze_file(resolution(590))
    assert "extended" in {f.value for f in analysis.of_kind("operation_action")}
    assert analysis.of_kind("end_date")[0].value == dt.date(1987, 5, 31)


def test_name_acronym_and_ceiling() -> None:
    text = ("Resolution 9001 (2030)\nof 1 January 2030\n\nThe Security Council,\n\nNoting,\n\n"
            "1. Decides to establish the United Nations Stabilization Mission in Utopia (MINUSUT) "
            "for a period "
            "of twelve months, with 5,000 troops and 300 civilian police;\n")  # fmt: skip
    analysis = analyze_text(text)
    name = analysis.of_kind("operation_name")[0]
    assert name.detail == {"name": "United Nations Stabilization Mission in Utopia", "acronym": "MINUSUT"}
    assert [(f.value, f.detail["personnel"]) for f in analysis.of_kind("ceiling")] == [
        (5000, "troops"),
        (300, "civilian police"),
    ]
    assert analysis.of_kind("end_date")[0].value == dt.date(2030, 12, 31)


def test_to_that_end_extends_rather_than_ends_the_mandate() -> None:
    # S/RES/836 para 5: "Decides to extend to that end the mandate of UNPROFOR"
    actions = analyze_file(resolution(836)).of_kind("operation_action")
    assert [(f.value, f.evidence.paragraph) for f in actions] == [("extended", "5")]
