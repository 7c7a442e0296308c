from __future__ import annotations

import datetime as dt
import json

import pytest

from missiongate.claims import Position, PositionStance, check_claim, extract_claims
from missiongate.claims.claimreview import claim_review

POSITION = Position("AZE", PositionStance.NO_CONSENT_GIVEN, "gaza-isf")


def test_claim_review_json_ld() -> None:
    (claim,) = extract_claims(
        "“Azerbaijan has agreed to send troops to Gaza,” the U.S. ambassador, Jane Doe, told reporters.",
        "https://n.example/a",
    )
    review = claim_review(
        check_claim(claim, POSITION), reviewer="MFA", url="https://mfa.example/r/1", today=dt.date(2026, 1, 6)
    )
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Azerbaijan has agreed to send troops to Gaza,"
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Jane Doe",
        "jobTitle": "the U.S. ambassador",
    }
    assert review["itemReviewed"]["appearance"]["url"] == "https://n.example/a"
    assert review["reviewRating"]["ratingValue"] == 1 and review["reviewRating"]["alternateName"] == "False"
    assert review["datePublished"] == "2026-01-06" and review["url"] == "https://mfa.example/r/1"
    json.dumps(review)


def test_unchecked_claims_are_not_reviewed() -> None:
    (claim,) = extract_claims("Kenya will send police officers to Haiti.")
    with pytest.raises(ValueError, match="only a checked claim"):
        claim_review(check_claim(claim, POSITION), reviewer="MFA")
