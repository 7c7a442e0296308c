"""Which operation a sentence talks about: named missions first, then the place an operation is in.

Slugs are stable ids (`gaza-isf`, `unifil`, ...) so that a claim can be matched with a recorded position.
Add a mission by adding a row; `historical` missions mark sentences as background (past deployments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class MissionRef:
    slug: str
    start: int
    end: int
    by_name: bool  # named ("UNIFIL") rather than located ("in Lebanon")
    historical: bool


# slug, historical, names (case-sensitive regexes), places (where a force of that mission operates)
_MISSIONS: tuple[tuple[str, bool, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "gaza-isf",
        False,
        (r"International Stabili[sz]ation Force", r"ISF", r"[Ss]tabili[sz]ation (?:[Ff]orce|[Mm]ission)"),
        (r"Gaza(?: Strip)?", r"the Strip"),
    ),
    ("haiti-gsf", False, (r"Gang Suppression Force", r"GSF"), (r"Haiti(?:an)?", r"Port-au-Prince")),
    ("haiti-mss", True, (r"Multinational Security Support(?: [Mm]ission)?", r"MSS"), ()),
    ("unifil", False, (r"UNIFIL",), (r"(?:southern )?Lebanon",)),
    ("undof", False, (r"UNDOF",), (r"(?:the )?Golan(?: Heights)?",)),
    ("unmiss", False, (r"UNMISS",), (r"South Sudan", r"Juba")),
    ("minusca", False, (r"MINUSCA",), (r"(?:the )?Central African Republic", r"CAR", r"Bangui")),
    (
        "monusco",
        False,
        (r"MONUSCO",),
        (r"(?:the )?(?:Democratic Republic of (?:the )?)?Congo", r"DRC", r"Goma"),
    ),
    ("aussom", False, (r"AUSSOM", r"AMISOM", r"ATMIS"), (r"Somalia", r"Mogadishu")),
    (
        "ukraine-mnf",
        False,
        (r"Multinational Force Ukraine", r"[Cc]oalition of the [Ww]illing", r"[Rr]eassurance [Ff]orce"),
        (r"Ukraine",),
    ),
    ("eunavfor-aspides", False, (r"Aspides",), (r"(?:the )?Red Sea",)),
    ("unficyp", False, (r"UNFICYP",), ()),
    ("kfor", False, (r"KFOR",), (r"Kosovo",)),
    ("isaf", True, (r"ISAF",), (r"Afghanistan",)),
    ("mnf-iraq", True, (), (r"Iraq",)),
)


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, bool, bool]]]:
    """One alternation (names before places, in table order) and group name -> (slug, by_name, historical)."""
    alternatives: list[str] = []
    groups: dict[str, tuple[str, bool, bool]] = {}
    for by_name in (True, False):
        for slug, historical, names, places in _MISSIONS:
            for regex in names if by_name else places:
                group = f"g{len(groups)}"
                groups[group] = (slug, by_name, historical)
                alternatives.append(f"(?P<{group}>{regex})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w])"), groups


def find_missions(text: str) -> list[MissionRef]:
    """Every mission reference in `text`, in order of position (leftmost, then first alternative)."""
    pattern, groups = _pattern()
    refs = []
    for match in pattern.finditer(text):
        assert match.lastgroup is not None
        slug, by_name, historical = groups[match.lastgroup]
        refs.append(MissionRef(slug, match.start(), match.end(), by_name, historical))
    return refs


_TITLES = {
    "gaza-isf": "the International Stabilization Force in Gaza",
    "haiti-gsf": "the Gang Suppression Force in Haiti",
    "haiti-mss": "the Multinational Security Support mission in Haiti",
    "unifil": "UNIFIL in Lebanon",
    "undof": "UNDOF in the Golan Heights",
    "unmiss": "UNMISS in South Sudan",
    "minusca": "MINUSCA in the Central African Republic",
    "monusco": "MONUSCO in the Democratic Republic of the Congo",
    "aussom": "the African Union mission in Somalia (AUSSOM)",
    "ukraine-mnf": "a multinational force for Ukraine",
    "eunavfor-aspides": "the EU naval operation Aspides in the Red Sea",
    "unficyp": "UNFICYP in Cyprus",
    "kfor": "KFOR in Kosovo",
    "isaf": "ISAF in Afghanistan",
    "mnf-iraq": "the multinational force in Iraq",
}


def known_missions() -> tuple[str, ...]:
    return tuple(slug for slug, *_ in _MISSIONS)


def mission_title(slug: str | None) -> str:
    """A phrase for prose ("the International Stabilization Force in Gaza"); unknown slugs as given."""
    if slug is None:
        return "the operation"
    return _TITLES.get(slug, slug)
