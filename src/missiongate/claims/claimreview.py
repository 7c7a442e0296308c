"""schema.org ClaimReview JSON-LD for checked claims (https://schema.org/ClaimReview)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from missiongate.claims.gazetteer import country_name
from missiongate.claims.position import CheckResult, Verdict

# 1..5 scale as used by fact-checkers: 1 = False, 5 = True.
_RATING = {Verdict.CONTRADICTS: (1, "False"), Verdict.CONSISTENT: (5, "True")}


def claim_review(
    result: CheckResult, *, reviewer: str, url: str | None = None, today: dt.date | None = None
) -> dict[str, Any]:
    """One ClaimReview object. Claims that could not be checked have no rating and are refused."""
    if result.verdict not in _RATING:
        raise ValueError("only a checked claim (consistent or contradicts) can be reviewed")
    value, label = _RATING[result.verdict]
    claim = result.claim
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        author: dict[str, Any] = {
            "@type": "Person" if claim.speaker_role else "Organization",
            "name": claim.speaker,
        }
        if claim.speaker_role and claim.speaker_role != claim.speaker:
            author["jobTitle"] = claim.speaker_role
        item["author"] = author
    if claim.source and claim.source.startswith(("http://", "https://")):
        item["appearance"] = {"@type": "CreativeWork", "url": claim.source}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": (today or dt.date.today()).isoformat(),
        "claimReviewed": " ".join(claim.quote.split()),
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": reviewer},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": label,
        },
        "reviewBody": f"{country_name(claim.country)}: {result.reason}.",
    }
    if url:
        review["url"] = url
    return review
