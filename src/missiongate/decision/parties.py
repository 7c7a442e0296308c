"""Who writes and who receives: the contributor's name and ministry, the requesting party as addressee,
its communication and the operation, as a diplomatic document names them (never the case's own title)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from missiongate.catalogue import FactValue, load_catalogue
from missiongate.decision.wording import addressee, long_date, with_article
from missiongate.doctrine.model import Doctrine, Purpose
from missiongate.errors import ConflictError, MissionGateError

_RESOLUTION = re.compile(r"^S/RES/(\d+)\s*\((\d{4})\)$")


@dataclass(frozen=True, slots=True)
class Correspondents:
    country: str  # the contributor, as named in running text: "Azerbaijan"
    ministry: str  # "Ministry of Foreign Affairs of Azerbaijan"
    recipient: str  # "the Embassy of the United States of America"
    communication: str  # "note No. 12/2026 of 2 January 2026"
    operation: str  # "the operation authorised by Security Council resolution 2803 (2025)"

    @property
    def recipient_short(self) -> str:
        """How the rest of the note refers to the addressee: "the Embassy"."""
        return "the Embassy" if self.recipient.startswith("the Embassy of ") else self.recipient


def require_participation(doctrine: Doctrine) -> None:
    if doctrine.purpose is not Purpose.PARTICIPATION:
        raise ConflictError(
            f"doctrine {doctrine.id!r} classifies operations; decision documents need a country's "
            "participation doctrine"
        )


def contributor_name(doctrine: Doctrine, country: str | None = None) -> str:
    if country:
        return country
    if doctrine.country:
        from missiongate.claims.gazetteer import country_name

        return country_name(doctrine.country)
    raise MissionGateError(no_country(doctrine))


def no_country(doctrine: Doctrine) -> str:
    return f"doctrine {doctrine.id!r} names no country: name the contributor (the country option)"


def requesting_party(values: dict[str, FactValue], recipient: str | None) -> str:
    """Whom the note goes to, as given: the addressee named, else the requesting party on record."""
    if recipient is not None:
        return recipient
    party = values.get("request.requesting_party")
    if not isinstance(party, str):
        raise MissionGateError(
            "the note needs an addressee: record the requesting party (request.requesting_party) or name "
            "the addressee"
        )
    return party


def correspondents(
    doctrine: Doctrine,
    values: dict[str, FactValue],
    *,
    ministry: str | None = None,
    country: str | None = None,
    recipient: str | None = None,
) -> Correspondents:
    name = contributor_name(doctrine, country)
    to = addressee(requesting_party(values, recipient))
    return Correspondents(
        country=name,
        ministry=_without_article(ministry)
        if ministry
        else f"Ministry of Foreign Affairs of {with_article(name)}",
        recipient=to,
        communication=communication(values),
        operation=operation_name(values),
    )


def _without_article(name: str) -> str:
    name = " ".join(name.split())
    return name[4:] if name.lower().startswith("the ") else name


def communication(values: dict[str, FactValue]) -> str:
    """The requesting party's own communication, by its reference and date, as far as they are known."""
    reference = values.get("request.reference")
    date = values.get("request.date")
    number = re.sub(r"^No\.?\s*", "", str(reference)).strip() if reference else ""
    dated = f" of {long_date(date)}" if isinstance(date, dt.date) else ""
    if number:
        return f"note No. {number}{dated}"
    return f"the communication{dated}" if dated else "the recent inquiry"


def operation_name(values: dict[str, FactValue]) -> str:
    name = values.get("operation.name")
    instrument = values.get("mandate.instrument")
    authorised = ""
    if isinstance(instrument, str):
        match = _RESOLUTION.match(instrument.strip())
        text = f"Security Council resolution {match[1]} ({match[2]})" if match else instrument.strip()
        authorised = f" authorised by {text}"
    if isinstance(name, str) and name.strip():
        base = name.strip()
        return (base if base.lower().startswith("the ") else f"the {base}") + authorised
    return f"the operation{authorised}" if authorised else "the proposed operation"


def task_labels(values: dict[str, FactValue]) -> list[str]:
    """The operation's tasks in plain words, in the catalogue's order."""
    tasks = values.get("operation.tasks")
    if not isinstance(tasks, frozenset):
        return []
    fact = load_catalogue().fact("operation.tasks")
    return [choice.label.lower() for choice in fact.values if choice.id in tasks]
