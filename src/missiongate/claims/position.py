"""The official position of a country on an operation, and the check of a claim against it.

`check_claim` takes a plain `Position`. Every way in goes through `position_from_mapping`: `load_positions`
reads positions from a YAML file for the CLI, `position_from_case` takes the position stored on a case of the
workspace (whose `store.models.Position` has the same four values as `PositionStance`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from missiongate.claims.gazetteer import country_codes
from missiongate.claims.model import Claim, Stance
from missiongate.errors import MissionGateError
from missiongate.yamlio import YamlDocument, read_yaml

# ISO 3166-1 leaves XAA-XZZ to its users: territories without an official code hold positions under one
# (Kosovo is XKX for the EU and the IMF), so a ministry can record a host's consent there. Travel documents
# (ICAO 9303) take XXA, XXB, XXC and XXX for stateless persons, refugees and "unspecified": no territory, and
# XXX is the usual placeholder, so those four are refused.
_USER_ASSIGNED = re.compile(r"X[A-Z]{2}")
_NO_TERRITORY = frozenset({"XXA", "XXB", "XXC", "XXX"})


class PositionStance(StrEnum):
    NO_CONSENT_GIVEN = "no_consent_given"
    CONSIDERING = "considering"
    CONSENT_GIVEN = "consent_given"
    DECLINED = "declined"


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    CONTRADICTS = "contradicts"
    CANNOT_CHECK = "cannot_check"


@dataclass(frozen=True, slots=True)
class Position:
    country: str  # ISO 3166 alpha-3, or a user-assigned XAA-XZZ (a territory without an official code)
    stance: PositionStance
    mission: str | None = None  # None: the position holds for any operation
    date: dt.date | None = None
    statement: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    claim: Claim
    verdict: Verdict
    reason: str
    position: Position | None = None
    mission_assumed: bool = False  # the claim named no operation; the position's was taken
    # it would contradict the record but is not read unambiguously (`gate.py`): for an analyst, no draft
    review: bool = False

    def to_dict(self) -> dict[str, Any]:
        position = None
        if self.position is not None:
            p = self.position
            position = {
                "country": p.country,
                "mission": p.mission,
                "stance": str(p.stance),
                "date": p.date.isoformat() if p.date else None,
                "statement": p.statement,
                "source": p.source,
            }
        return {
            "claim": self.claim.to_dict(),
            "verdict": str(self.verdict),
            "reason": self.reason,
            "position": position,
            "mission_assumed": self.mission_assumed,
        }


# What a claim asserts, and which assertions each recorded position denies. Only an asserted participation
# (or consent) or an asserted non-participation can contradict: a report that the government is considering
# or has not decided never does. A9: "agreed" is false unless the record shows consent. Only a recorded
# consent denies a refusal: a refusal reported while the record says "considering" may be the decision the
# record still lacks (update the record), and a refusal of combat roles only is a caveat, not a refusal.
_PARTICIPATION, _REFUSAL = "participation", "refusal"
_DENIED: dict[PositionStance, frozenset[str]] = {
    PositionStance.NO_CONSENT_GIVEN: frozenset({_PARTICIPATION}),
    PositionStance.CONSIDERING: frozenset({_PARTICIPATION}),
    PositionStance.DECLINED: frozenset({_PARTICIPATION}),
    PositionStance.CONSENT_GIVEN: frozenset({_REFUSAL}),
}
_POSITION_WORDS = {
    PositionStance.NO_CONSENT_GIVEN: "no consent given",
    PositionStance.CONSIDERING: "considering, no decision taken",
    PositionStance.CONSENT_GIVEN: "consent given",
    PositionStance.DECLINED: "declined",
}


def check_claim(claim: Claim, position: Position, *, assume_mission: bool = True) -> CheckResult:
    """Consistent, contradicts, or cannot be checked (another country or another operation).

    A claim that names no operation is checked against the position's operation when `assume_mission`
    (the default: an unnamed "Azerbaijan has agreed to send troops" in an article about Gaza should be
    flagged), and the result says so.
    """
    if claim.country != position.country:
        return CheckResult(
            claim,
            Verdict.CANNOT_CHECK,
            f"claim is about {claim.country}, the position is {position.country}'s",
            position,
        )
    assumed = claim.mission is None and position.mission is not None
    if position.mission is not None and claim.mission not in (None, position.mission):
        return CheckResult(
            claim,
            Verdict.CANNOT_CHECK,
            f"claim is about {claim.mission}, the position covers {position.mission}",
            position,
        )
    if assumed and claim.destination:
        return CheckResult(
            claim,
            Verdict.CANNOT_CHECK,
            f"claim is about an operation in or named {claim.destination},"
            f" the position covers {position.mission}",
            position,
        )
    if assumed and not assume_mission:
        return CheckResult(claim, Verdict.CANNOT_CHECK, "claim names no operation", position)
    recorded = _POSITION_WORDS[position.stance] + (f" ({position.date.isoformat()})" if position.date else "")
    asserted = asserts(claim)
    if asserted in _DENIED[position.stance] and claim.review:
        return CheckResult(
            claim,
            Verdict.CANNOT_CHECK,
            f"claim says {claim.stance}; recorded position: {recorded}; not read unambiguously"
            f" ({claim.review}): for an analyst to review, no rebuttal drafted",
            position,
            assumed,
            review=True,
        )
    verdict = Verdict.CONTRADICTS if asserted in _DENIED[position.stance] else Verdict.CONSISTENT
    reason = f"claim says {claim.stance}; recorded position: {recorded}"
    if verdict is Verdict.CONSISTENT and asserted is None and (claim.qualified or claim.hedged):
        reason += (
            "; the statement is qualified or hedged (a condition, forecast, rumour, request, question or"
            " 'reportedly'): no rebuttal"
        )
    elif verdict is Verdict.CONSISTENT and asserted is None:
        reason += "; the claim asserts neither participation nor a refusal"
    elif (
        verdict is Verdict.CONSISTENT
        and asserted == _REFUSAL
        and position.stance is not PositionStance.DECLINED
    ):
        reason += "; only a recorded consent is contradicted by a refusal (update the record if it is news)"
    if assumed:
        reason += f"; the claim names no operation, taken to be {position.mission}"
    return CheckResult(claim, verdict, reason, position, assumed)


def asserts(claim: Claim) -> str | None:
    """ "participation" (agreed, consented, troops on their way), "refusal" (declined, ruled out, has not
    agreed) or None (considering, undecided, predicted, conditional, or a caveat: "no combat operations").
    A qualified or hedged ("reportedly", "is understood to") statement asserts neither: only a firm
    assertion is rebutted."""
    if claim.qualified or claim.hedged:
        return None
    if claim.stance is Stance.AGREED:
        return _PARTICIPATION
    if claim.stance is Stance.DECLINED and not claim.caveat:
        return _REFUSAL
    return None


def check_claims(claims: Iterable[Claim], positions: Sequence[Position]) -> list[CheckResult]:
    """Check each claim against the position recorded for its country (and operation, when several)."""
    results = []
    for claim in claims:
        position = _matching(claim, positions)
        if position is None:
            results.append(
                CheckResult(claim, Verdict.CANNOT_CHECK, f"no recorded position for {claim.country}")
            )
        else:
            results.append(check_claim(claim, position))
    return results


def _matching(claim: Claim, positions: Sequence[Position]) -> Position | None:
    same_country = [p for p in positions if p.country == claim.country]
    exact = [p for p in same_country if p.mission == claim.mission]
    general = [p for p in same_country if p.mission is None]
    return next(iter(exact or general or same_country), None)


def load_positions(path: str | Path) -> list[Position]:
    """A position file: one mapping, a list of them, or `{positions: [...]}`."""
    doc = read_yaml(path)
    data = doc.data
    if isinstance(data, dict) and "positions" in data:
        entries, prefix = data["positions"], ["positions"]
    elif isinstance(data, dict):
        entries, prefix = [data], []
    else:
        entries, prefix = data, []
    if not isinstance(entries, list) or not entries:
        raise doc.error("a position file holds a position (country, stance, ...) or a list of them")
    return [
        position_from_mapping(entry, doc, [*prefix, i] if prefix or len(entries) > 1 else [])
        for i, entry in enumerate(entries)
    ]


def position_from_mapping(
    data: Any, doc: YamlDocument | None = None, path: list[str | int] | None = None
) -> Position:
    """Validate one position given as a mapping (from YAML, JSON or a stored case)."""
    where = path or []

    def fail(message: str, key: str | None = None) -> MissionGateError:
        if doc is None:
            return MissionGateError(f"position: {message}")
        return doc.error(message, [*where, key] if key else where)

    if not isinstance(data, dict):
        raise fail("a position must be a mapping")
    unknown = set(data) - {"country", "mission", "stance", "date", "statement", "source"}
    if unknown:
        raise fail(
            f"unknown key(s): {', '.join(sorted(map(str, unknown)))}", str(sorted(map(str, unknown))[0])
        )
    country = str(data.get("country", "")).upper()
    if country not in country_codes() and (country in _NO_TERRITORY or not _USER_ASSIGNED.fullmatch(country)):
        raise fail(
            f"country must be the ISO 3166 alpha-3 code of a UN member or observer state, Taiwan, the Cook "
            f"Islands or Niue (or a user-assigned XAA-XZZ), got {data.get('country')!r}",
            "country",
        )
    try:
        stance = PositionStance(str(data.get("stance")))
    except ValueError:
        raise fail(f"stance must be one of {', '.join(s.value for s in PositionStance)}", "stance") from None
    date = data.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise fail("date must be YYYY-MM-DD", "date") from None
    if date is not None and not isinstance(date, dt.date):
        raise fail("date must be YYYY-MM-DD", "date")
    mission = data.get("mission")
    return Position(
        country,
        stance,
        str(mission) if mission else None,
        date,
        _text(data.get("statement")),
        _text(data.get("source")),
    )


def position_from_case(
    country: str,
    mission: str | None,
    stance: str,
    date: dt.date | None = None,
    statement: str | None = None,
    source: str | None = None,
) -> Position:
    """The position recorded on a case: `stance` is the case's stored position (`store.models.Position`,
    or its string value), `country` the workspace's country (ISO 3166 alpha-3), `mission` the claims slug of
    the case's operation (None: the position holds for any operation)."""
    data = {
        "country": country,
        "mission": mission,
        "stance": str(stance),
        "date": date,
        "statement": statement,
        "source": source,
    }
    return position_from_mapping(data)


def _text(value: Any) -> str | None:
    return str(value).strip() if value not in (None, "") else None
