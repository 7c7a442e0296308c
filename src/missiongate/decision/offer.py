"""The offer: a letter (in the form of a note verbale) offering a contingent on conditions, and its annex of
conditions and national caveats, built from the doctrine's conditions and our own choices of role.

An offer is made only when the doctrine allows it: a declined case, open questions or a case awaiting the
minister's decision get a clear refusal instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from missiongate.catalogue import Catalogue, load_catalogue
from missiongate.decision.parties import Correspondents, correspondents, require_participation
from missiongate.decision.steps import domestic_steps
from missiongate.decision.wording import capitalised, joined, long_date, lower_first, sentence
from missiongate.doctrine.model import Doctrine
from missiongate.errors import ConflictError
from missiongate.evaluator import Assessment, Effect, Verdict, evaluate
from missiongate.mission import Mission

_REFUSED = {
    Verdict.DECLINE: "the case is declined: no offer; the note to send is a courteous declining note",
    Verdict.WITHDRAW: "the contingent is deployed and the doctrine requires its withdrawal: no offer",
    Verdict.MINISTERIAL_DECISION: (
        "the case is for ministerial decision: no offer before the minister has decided"
    ),
    Verdict.CLARIFICATION_REQUIRED: "questions are still open: send the note first, then offer once they are "
    "answered",
}


@dataclass(frozen=True, slots=True)
class Caveat:
    text: str
    state: str  # accepted by the lead / to be accepted / our own caveat


@dataclass(frozen=True, slots=True)
class Offer:
    example: bool
    sender: str
    recipient: str
    number: str
    date_text: str
    opening: str
    paragraphs: tuple[str, ...]
    conditions: tuple[Caveat, ...]
    desirable: tuple[Caveat, ...]
    caveats: tuple[Caveat, ...]
    closing: str
    addressee_line: str

    def context(self) -> dict[str, Any]:
        return {
            "case": {"example": self.example},
            "sender": self.sender,
            "recipient": self.recipient,
            "reference": self.number,
            "date_text": self.date_text,
            "opening_text": self.opening,
            "paragraphs": list(self.paragraphs),
            "conditions": [{"text": c.text, "state": c.state} for c in self.conditions],
            "desirable": [{"text": c.text, "state": c.state} for c in self.desirable],
            "caveats": [{"text": c.text, "state": c.state} for c in self.caveats],
            "closing_text": self.closing,
            "addressee_line": self.addressee_line,
        }


def build_offer(
    doctrine: Doctrine,
    mission: Mission,
    *,
    number: str,
    date: dt.date | None = None,
    ministry: str | None = None,
    country: str | None = None,
    recipient: str | None = None,
    catalogue: Catalogue | None = None,
) -> Offer:
    require_participation(doctrine)
    catalogue = catalogue or load_catalogue()
    date = date or dt.date.today()
    assessment = evaluate(doctrine, mission)
    if assessment.verdict in _REFUSED:
        raise ConflictError(_REFUSED[assessment.verdict])
    who = correspondents(doctrine, mission.values, ministry=ministry, country=country, recipient=recipient)
    conditions = _conditions(assessment)
    return Offer(
        example=mission.example,
        sender=who.ministry,
        recipient=who.recipient,
        number=number,
        date_text=long_date(date),
        opening=_opening(who, mission, catalogue, bool(conditions)),
        paragraphs=tuple(_paragraphs(doctrine, mission, date)),
        conditions=tuple(c for c, desirable in conditions if not desirable),
        desirable=tuple(c for c, desirable in conditions if desirable),
        caveats=tuple(_caveats(mission, catalogue)),
        closing=(
            f"The {who.ministry} avails itself of this opportunity to renew to {who.recipient} the "
            "assurances of its highest consideration."
        ),
        addressee_line=capitalised(who.recipient.removeprefix("the ")),
    )


def _conditions(assessment: Assessment) -> list[tuple[Caveat, bool]]:
    state = {Effect.SECURED: "accepted by the lead", Effect.TO_SECURE: "to be accepted"}
    return [
        (
            Caveat(sentence(o.rule.statement or o.rule.title), state.get(o.effect, "not accepted")),
            o.rule.desirable,
        )
        for o in assessment.conditions
    ]


def _contingent(mission: Mission, catalogue: Catalogue) -> str:
    values = mission.values
    size = values.get("contingent.size")
    roles = values.get("contingent.roles")
    text = f"a contingent of {size} personnel" if isinstance(size, int) else "a contingent"
    if isinstance(roles, frozenset) and roles:
        text += f" (role: {catalogue.fact('contingent.roles').describe(roles).lower()})"
    return text


def _opening(who: Correspondents, mission: Mission, catalogue: Catalogue, conditional: bool) -> str:
    terms = ", subject to the conditions set out in the annex to this note" if conditional else ""
    return (
        f"The {who.ministry} presents its compliments to {who.recipient} and, with reference to "
        f"{who.communication} concerning a possible contribution of {who.country} to {who.operation}, has "
        f"the honour to inform {who.recipient_short} that the Government of {who.country} is prepared to "
        f"contribute {_contingent(mission, catalogue)}{terms}."
    )


def _paragraphs(doctrine: Doctrine, mission: Mission, date: dt.date) -> list[str]:
    paragraphs = [
        "The conditions and national caveats in the annex form an integral part of this offer; the offer "
        "lapses if any of them is not accepted."
    ]
    pending = [line for line in domestic_steps(doctrine, mission, date) if line.status != "taken"]
    if pending:
        steps = joined([f"{lower_first(line.title)} ({line.authority})" for line in pending])
        paragraphs.append(f"The offer is subject to the completion of the national procedure: {steps}.")
    return paragraphs


def _caveats(mission: Mission, catalogue: Catalogue) -> list[Caveat]:
    """Our own caveats, from the role we offer: what the contingent does and where; no combat."""
    values, caveats = mission.values, []
    roles = values.get("contingent.roles")
    if isinstance(roles, frozenset) and roles:
        described = catalogue.fact("contingent.roles").describe(roles).lower()
        caveats.append(
            Caveat(f"The contingent serves only in the following role(s): {described}.", "our own")
        )
    if values.get("contingent.combat_operations") is False:
        caveats.append(Caveat("The contingent does not take part in combat operations.", "our own"))
    area = values.get("operation.area_of_operations")
    if isinstance(area, str) and area.strip():
        caveats.append(Caveat(f"The contingent serves only in the agreed area: {area.strip()}.", "our own"))
    return caveats
