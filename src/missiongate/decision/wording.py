"""Names, dates and lists as a diplomatic document writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

# Names a state takes "the" before: formal names ("the Republic of ...") and plural or collective names.
_THE_FIRST_WORDS = frozenset(
    {
        "united",
        "republic",
        "kingdom",
        "federal",
        "federated",
        "democratic",
        "islamic",
        "people's",
        "principality",
        "grand",
        "sultanate",
        "state",
        "holy",
        "commonwealth",
        "plurinational",
        "bolivarian",
        "hashemite",
        "independent",
        "co-operative",
        "cooperative",
        "argentine",
        "arab",
        "czech",
        "dominican",
        "central",
        "syrian",
        "lao",
        "russian",
        "socialist",
        "oriental",
        "union",
        "organization",
        "organisation",
        "league",
        "african",
        "european",
        "secretariat",
        "department",
        "permanent",
        "government",
        "ministry",
        "embassy",
        "mission",
        "office",
        "high",
        "council",
        "security",
    }
)
_THE_NAMES = frozenset(
    {
        "netherlands",
        "philippines",
        "bahamas",
        "gambia",
        "maldives",
        "comoros",
        "seychelles",
        "marshall islands",
        "solomon islands",
        "gaza strip",
        "sudan",
    }
)
# Requesting parties that are not states: the note goes to them directly, not to an embassy.
_INSTITUTION_WORDS = (
    "embassy",
    "ministry",
    "mission",
    "secretariat",
    "department",
    "organization",
    "organisation",
    "united nations",
    "union",
    "league",
    "office",
    "council",
    "government",
    "command",
    "headquarters",
)


def with_article(name: str) -> str:
    """A state's name as it follows a preposition: "the United States of America", "France"."""
    name = " ".join(name.split())
    lowered = name.lower()
    if lowered.startswith("the "):
        return "the " + name[4:]
    first = lowered.split(" ", 1)[0]
    if first in _THE_FIRST_WORDS or lowered in _THE_NAMES:
        return "the " + name
    return name


_ORGANISATION_ACRONYMS = frozenset(
    {"un", "nato", "eu", "au", "osce", "asean", "ecowas", "oic", "sadc", "igad"}
)


def is_institution(name: str) -> bool:
    lowered = name.lower()
    acronym = lowered.removeprefix("the ").split(" ", 1)[0] in _ORGANISATION_ACRONYMS
    return acronym or any(word in lowered for word in _INSTITUTION_WORDS)


def addressee(requesting_party: str) -> str:
    """The proper addressee of a note to the requesting party: "the Embassy of the United States of
    America"; an institution ("the United Nations Secretariat", "the Embassy of France") as it is named."""
    name = " ".join(requesting_party.split())
    if not name:
        raise ValueError("the requesting party has no name")
    if is_institution(name):
        return with_article(name) if name.split(" ", 1)[0].lower() not in _ORGANISATION_ACRONYMS else name
    return f"the Embassy of {with_article(name)}"


def capitalised(text: str) -> str:
    """Sentence-initial form: "the Embassy ..." opening a sentence becomes "The Embassy ..."."""
    return text[:1].upper() + text[1:]


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def joined(items: Sequence[str], last: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def lower_first(text: str) -> str:
    """A label inside a sentence: "Consent of the host state" -> "consent of the host state"; acronyms
    ("UN") and countries ("Japan may withdraw") keep their capitals."""
    first = text.split(" ", 1)[0].removesuffix("'s")
    if (len(text) > 1 and text[1].isupper()) or first in _country_names():
        return text
    return text[:1].lower() + text[1:]


@cache
def _country_names() -> frozenset[str]:
    from missiongate.claims.countries import TABLE

    names = (line.split("|")[1] for line in TABLE.strip().splitlines())
    return frozenset(name.strip() for cell in names for name in cell.split(";") if name.strip())


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
