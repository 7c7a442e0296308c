from __future__ import annotations

import datetime as dt

import pytest

from missiongate.claims import Position, PositionStance, Verdict, check_claim, extract_claims
from missiongate.claims.rebuttal import draft_rebuttal
from missiongate.errors import MissionGateError

POSITION = Position(
    "AZE",
    PositionStance.NO_CONSENT_GIVEN,
    "gaza-isf",
    dt.date(2026, 1, 5),
    "We did not give our consent.",
    "TV",
)


def test_drafts_a_note_and_a_public_line() -> None:
    (claim,) = extract_claims(
        "The U.S. ambassador said Azerbaijan had agreed to join the Gaza force.", "http://x/1"
    )
    result = check_claim(claim, POSITION)
    assert result.verdict is Verdict.CONTRADICTS
    draft = draft_rebuttal(result)
    assert "The U.S. ambassador stated (source: http://x/1) that Azerbaijan has agreed" in draft.note
    assert (
        "Azerbaijan has not given its consent to take part in the International Stabilization Force"
        in draft.note
    )
    assert '"We did not give our consent."' in draft.note and "2026-01-05" in draft.note
    assert draft.public_line.startswith("Azerbaijan has not given its consent")
    assert "{{" not in draft.note + draft.public_line


def test_only_contradictions_are_rebutted() -> None:
    (claim,) = extract_claims("Azerbaijan is studying the request to join the Gaza force.")
    with pytest.raises(MissionGateError, match="only for a claim that contradicts"):
        draft_rebuttal(check_claim(claim, POSITION))
