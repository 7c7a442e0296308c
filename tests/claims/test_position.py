from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missiongate.claims import (
    Claim,
    Position,
    PositionStance,
    Stance,
    Verdict,
    check_claim,
    check_claims,
    extract_claims,
    load_positions,
    position_from_mapping,
)
from missiongate.claims.position import asserts
from missiongate.errors import MissionGateError

AZE = Position(
    "AZE", PositionStance.NO_CONSENT_GIVEN, "gaza-isf", dt.date(2026, 1, 5), "No consent.", "interview"
)


def claim(
    stance: Stance, country: str = "AZE", mission: str | None = "gaza-isf", *, caveat: bool = False
) -> Claim:
    return Claim(
        text="t", start=0, end=1, country=country, stance=stance, mission=mission, quote="t", caveat=caveat
    )


@pytest.mark.parametrize(
    ("recorded", "claimed", "caveat", "verdict"),
    [
        (PositionStance.NO_CONSENT_GIVEN, Stance.AGREED, False, Verdict.CONTRADICTS),
        (PositionStance.NO_CONSENT_GIVEN, Stance.CONSIDERING, False, Verdict.CONSISTENT),
        (PositionStance.NO_CONSENT_GIVEN, Stance.DECLINED, False, Verdict.CONSISTENT),
        (PositionStance.CONSIDERING, Stance.AGREED, False, Verdict.CONTRADICTS),
        (PositionStance.CONSIDERING, Stance.DECLINED, False, Verdict.CONSISTENT),  # may be the news
        (PositionStance.CONSIDERING, Stance.CONSIDERING, False, Verdict.CONSISTENT),
        (PositionStance.DECLINED, Stance.AGREED, False, Verdict.CONTRADICTS),
        (PositionStance.DECLINED, Stance.CONSIDERING, False, Verdict.CONSISTENT),
        (PositionStance.CONSENT_GIVEN, Stance.AGREED, False, Verdict.CONSISTENT),
        (PositionStance.CONSENT_GIVEN, Stance.DECLINED, False, Verdict.CONTRADICTS),
        (PositionStance.CONSENT_GIVEN, Stance.DECLINED, True, Verdict.CONSISTENT),  # "no combat operations"
        (PositionStance.CONSENT_GIVEN, Stance.CONSIDERING, False, Verdict.CONSISTENT),
    ],
)
def test_verdicts(recorded: PositionStance, claimed: Stance, caveat: bool, verdict: Verdict) -> None:
    result = check_claim(claim(claimed, caveat=caveat), Position("AZE", recorded, "gaza-isf"))
    assert result.verdict is verdict


@given(st.sampled_from(PositionStance), st.sampled_from(Stance), st.booleans())
def test_only_an_asserted_participation_or_refusal_contradicts(
    recorded: PositionStance, claimed: Stance, caveat: bool
) -> None:
    result = check_claim(claim(claimed, caveat=caveat), Position("AZE", recorded, "gaza-isf"))
    contradicts = result.verdict is Verdict.CONTRADICTS
    # participation claimed against any record but consent; a refusal only against a recorded consent
    expected = (claimed is Stance.AGREED) != (recorded is PositionStance.CONSENT_GIVEN) and (
        claimed is Stance.AGREED or (claimed is Stance.DECLINED and not caveat)
    )
    assert contradicts == expected
    if claimed is Stance.CONSIDERING or (claimed is Stance.DECLINED and caveat):
        assert asserts(result.claim) is None and "neither participation nor a refusal" in result.reason


def test_other_country_or_mission_cannot_be_checked() -> None:
    assert check_claim(claim(Stance.AGREED, country="IDN"), AZE).verdict is Verdict.CANNOT_CHECK
    assert check_claim(claim(Stance.AGREED, mission="unifil"), AZE).verdict is Verdict.CANNOT_CHECK


def test_unnamed_mission_is_assumed_and_said_so() -> None:
    result = check_claim(claim(Stance.AGREED, mission=None), AZE)
    assert result.verdict is Verdict.CONTRADICTS and result.mission_assumed
    assert "names no operation" in result.reason
    strict = check_claim(claim(Stance.AGREED, mission=None), AZE, assume_mission=False)
    assert strict.verdict is Verdict.CANNOT_CHECK


def test_check_claims_picks_the_position_of_the_claims_country() -> None:
    results = check_claims([claim(Stance.AGREED), claim(Stance.AGREED, country="KEN")], [AZE])
    assert [r.verdict for r in results] == [Verdict.CONTRADICTS, Verdict.CANNOT_CHECK]
    assert results[0].to_dict()["position"]["date"] == "2026-01-05"


def test_load_single_and_list(tmp_path: Path) -> None:
    single = tmp_path / "p.yaml"
    single.write_text("country: AZE\nmission: gaza-isf\nstance: no_consent_given\ndate: 2026-01-05\n")
    assert load_positions(single) == [
        Position("AZE", PositionStance.NO_CONSENT_GIVEN, "gaza-isf", dt.date(2026, 1, 5))
    ]
    several = tmp_path / "ps.yaml"
    several.write_text(
        "positions:\n- {country: AZE, stance: considering}\n- {country: jpn, stance: declined}\n"
    )
    assert [p.country for p in load_positions(several)] == ["AZE", "JPN"]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("country: AZE\nstance: maybe\n", "stance must be one of", 2),
        ("country: ABC\nstance: declined\n", "ISO 3166 alpha-3", 1),
        ("country: XK\nstance: declined\n", "ISO 3166 alpha-3", 1),
        ("country: AZE\nstance: declined\ndate: 5 Jan\n", "YYYY-MM-DD", 3),
        ("country: AZE\nstance: declined\nconsent: yes\n", "unknown key", 3),
        ("- 1\n", "must be a mapping", None),
    ],
)
def test_bad_position_files_name_the_line(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(MissionGateError, match=message) as info:
        load_positions(path)
    if line is not None:
        assert info.value.line == line


def test_a_territory_with_a_user_assigned_code_holds_a_position() -> None:
    kosovo = position_from_mapping({"country": "xkx", "mission": "kfor", "stance": "consent_given"})
    assert (kosovo.country, kosovo.stance) == ("XKX", PositionStance.CONSENT_GIVEN)
    assert check_claim(claim(Stance.DECLINED, "XKX", "kfor"), kosovo).verdict is Verdict.CONTRADICTS
    for code in ("QKX", "XXX", "XXA"):  # not user-assigned; ICAO's placeholders for no territory
        with pytest.raises(MissionGateError, match="user-assigned XAA-XZZ"):
            position_from_mapping({"country": code, "stance": "declined"})


def test_states_in_free_association_hold_a_position() -> None:
    for code in ("COK", "NIU"):  # the Cook Islands and Niue conduct their own foreign relations
        assert position_from_mapping({"country": code, "stance": "no_consent_given"}).country == code
    with pytest.raises(MissionGateError, match="the Cook Islands or Niue"):
        position_from_mapping({"country": "TKL", "stance": "declined"})  # Tokelau: a territory of New Zealand


def test_position_from_plain_mapping() -> None:
    assert position_from_mapping({"country": "AZE", "stance": "declined"}).stance is PositionStance.DECLINED
    with pytest.raises(MissionGateError, match="position: "):
        position_from_mapping({"country": "AZE"})


@given(st.sampled_from(list(PositionStance)), st.sampled_from(list(Stance)), st.booleans())
def test_a_qualified_claim_never_contradicts(recorded: PositionStance, claimed: Stance, caveat: bool) -> None:
    qualified = replace(claim(claimed, caveat=caveat), qualified=True)
    result = check_claim(qualified, replace(AZE, stance=recorded))
    assert result.verdict is Verdict.CONSISTENT and asserts(qualified) is None
    assert "qualified" in result.reason


def test_a_claim_about_another_place_cannot_be_checked_against_an_operation() -> None:
    (elsewhere,) = extract_claims("Azerbaijan has agreed to send engineers to Mali, the envoy said.")
    (unnamed,) = extract_claims("Azerbaijan has agreed to send engineers, the envoy said.")
    assert elsewhere.destination == "MLI" and unnamed.destination is None
    assert check_claim(elsewhere, AZE).verdict is Verdict.CANNOT_CHECK
    # no known operation named: the record's operation is assumed, but the reading is not unambiguous enough
    # to draft (a deployment at home reads the same): reported for review
    for result in (check_claim(unnamed, AZE), check_claim(elsewhere, replace(AZE, mission=None))):
        assert result.verdict is Verdict.CANNOT_CHECK and "no operation is named" in result.reason


@given(st.sampled_from(list(PositionStance)), st.sampled_from(list(Stance)))
def test_a_hedged_claim_never_contradicts(recorded: PositionStance, claimed: Stance) -> None:
    hedged = replace(claim(claimed), hedged=True)  # "reportedly agreed": reported, never rebutted
    result = check_claim(hedged, replace(AZE, stance=recorded))
    assert result.verdict is Verdict.CONSISTENT and asserts(hedged) is None
