from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from missiongate.analyzer.analysis import analyze_file, analyze_text
from missiongate.analyzer.corpus import corpus_row
from tests.analyzer.helpers import RESOLUTIONS

SAMPLE: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "chapter7_sample.yaml").read_text()
)


@pytest.mark.parametrize("entry", SAMPLE, ids=[str(e["id"]) for e in SAMPLE])
def test_hand_checked_chapter7_sample(entry: dict[str, Any]) -> None:
    path = RESOLUTIONS / f"S_RES_{entry['id']:04d}_{entry['year']}_EN_GOLD.txt"
    row = corpus_row(analyze_file(path), path.name)
    assert row["chapter_vii_scope"] == entry["chapter_vii_scope"]
    assert row["force_authorised"] is entry["force_authorised"]


def test_sample_covers_every_outcome() -> None:
    outcomes = {(e["chapter_vii_scope"], e["force_authorised"]) for e in SAMPLE}
    assert {("whole_resolution", True), ("section_only", True), ("section_only", False),
            ("not_applicable", False), ("whole_resolution", False)} <= outcomes  # fmt: skip


BASE = "Resolution 9001 (2030)\nof 1 January 2030\n\nThe Security Council,\n\n{pre}\n\n1. {op}\n"


def _force(op: str, pre: str = "Noting the report,") -> list[Any]:
    return analyze_text(BASE.format(pre=pre, op=op)).of_kind("use_of_force")


def test_purpose_of_force() -> None:
    [civilians] = _force(
        "Authorizes the Mission to use all necessary means to protect civilians under threat;"
    )
    assert civilians.value == "protection_of_civilians" and civilians.detail["authorised"]
    [self_defence] = _force("Authorizes the Force, acting in self-defence, to take the necessary measures, "
                            "including the use of force, to ensure its security;")  # fmt: skip
    assert self_defence.value == "self_defence"
    [mandate] = _force("Authorizes the Force to take all necessary measures to carry out its mandate;")
    assert mandate.value == "mandate"


def test_demands_on_parties_are_not_authorisations() -> None:
    [finding] = _force(
        "Demands that all parties take all necessary measures to ensure the safety of personnel;"
    )
    assert not finding.detail["authorised"] and finding.rule == "force.all_necessary.mentioned"


def test_consent_and_agreements_point_at_text() -> None:
    analysis = analyze_file(RESOLUTIONS / "S_RES_0872_1993_EN_GOLD.txt")
    consent = {f.value: f for f in analysis.of_kind("consent")}
    quote = consent["consent.all_parties"].evidence.quote
    assert quote == "at the request of the parties"
    assert analysis.structure.text[consent["consent.all_parties"].evidence.start :].startswith(quote)
    assert {f.value for f in analysis.of_kind("agreement")} == {
        "political.ceasefire_agreement",
        "political.peace_agreement",
    }


def test_such_measures_as_may_be_necessary_is_a_separate_finding() -> None:
    for number, year, paragraph in ((665, 1990, "1"), (787, 1992, "12")):
        analysis = analyze_file(RESOLUTIONS / f"S_RES_{number:04d}_{year}_EN_GOLD.txt")
        authorised = [f for f in analysis.of_kind("force_measures") if f.detail["authorised"]]
        assert [f.evidence.paragraph for f in authorised] == [paragraph]
        assert authorised[0].value == "sanctions_enforcement"
        assert authorised[0].evidence.quote.startswith("such measures commensurate")
        assert not [f for f in analysis.of_kind("use_of_force") if f.detail["authorised"]]
        row = corpus_row(analysis, "x")
        assert row["force_such_measures"] is True and row["force_authorised"] is False
