"""Draft rebuttals for a contradicting claim: a note for diplomatic channels and a public line.

Plain-text Jinja2 templates (no HTML, so no autoescaping); an analyst edits the draft before use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2

from missiongate.claims.gazetteer import country_name
from missiongate.claims.missions import mission_title
from missiongate.claims.model import Stance
from missiongate.claims.position import CheckResult, PositionStance, Verdict
from missiongate.errors import MissionGateError


@dataclass(frozen=True, slots=True)
class Rebuttal:
    note: str  # for diplomatic channels
    public_line: str


_CLAIMED = {
    Stance.AGREED: "{country} has agreed to take part in {mission}",
    Stance.CONSIDERING: "{country} is still considering taking part in {mission}",
    Stance.DECLINED: "{country} has declined to take part in {mission}",
}
_POSITION = {
    PositionStance.NO_CONSENT_GIVEN: "{country} has not given its consent to take part in {mission}.",
    PositionStance.CONSIDERING: "{country} has received the request concerning {mission} and is considering "
    "it; no decision has been taken.",
    PositionStance.DECLINED: "{country} has decided not to take part in {mission}.",
    PositionStance.CONSENT_GIVEN: "{country} has given its consent to take part in {mission}.",
}


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("missiongate.claims", "templates"),
        autoescape=False,  # plain text for a note and a press line, never rendered as HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def draft_rebuttal(result: CheckResult) -> Rebuttal:
    """Drafts for a claim that contradicts the recorded position; other verdicts have nothing to rebut."""
    if result.verdict is not Verdict.CONTRADICTS or result.position is None:
        raise MissionGateError(
            "a rebuttal is drafted only for a claim that contradicts the recorded position"
        )
    claim, position = result.claim, result.position
    names = {
        "country": country_name(position.country),
        "mission": mission_title(position.mission or claim.mission),
    }
    speaker = claim.speaker or "A public statement"
    if claim.speaker and claim.speaker_role and claim.speaker_role != claim.speaker:
        speaker = (
            f"{claim.speaker_role} {claim.speaker}" if claim.speaker not in claim.speaker_role else speaker
        )
    values = {
        **names,
        "speaker_phrase": speaker[:1].upper() + speaker[1:],
        "claim_source": claim.source,
        "claimed": _CLAIMED[claim.stance].format(**names),
        "quote": " ".join(claim.quote.split()),
        "position_sentence": _POSITION[position.stance].format(**names),
        "statement": position.statement,
        "position_source": position.source,
        "position_date": position.date.isoformat() if position.date else None,
    }
    env = _environment()
    return Rebuttal(
        note=env.get_template("rebuttal_note.txt").render(values),
        public_line=env.get_template("rebuttal_public.txt").render(values),
    )
