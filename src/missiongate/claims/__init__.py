"""Claims monitor: find public statements about a country's participation in an operation, check them
against the recorded official position, draft rebuttals and export ClaimReview JSON-LD.

The core is pure (no CLI or web framework); fetching lives in `fetch`, feeds in `feeds`.
"""

from missiongate.claims.extract import extract_claims
from missiongate.claims.model import Claim, Stance
from missiongate.claims.position import (
    CheckResult,
    Position,
    PositionStance,
    Verdict,
    check_claim,
    check_claims,
    load_positions,
    position_from_mapping,
)

__all__ = [
    "CheckResult",
    "Claim",
    "Position",
    "PositionStance",
    "Stance",
    "Verdict",
    "check_claim",
    "check_claims",
    "extract_claims",
    "load_positions",
    "position_from_mapping",
]
