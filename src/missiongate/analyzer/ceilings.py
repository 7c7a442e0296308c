"""Authorised personnel ceilings: "up to 1,144 personnel", "eighty-eight military observers", "a troop
ceiling of 19,815 military personnel, 760 military observers and staff officers, 391 police personnel and
1,050 personnel of formed police units"; each figure with its branch (military, police), and whether it is
an increment or a sub-count."""

from __future__ import annotations

import re
from collections.abc import Iterator

from missiongate.analyzer.model import Evidence, Finding, Structure
from missiongate.analyzer.scan import Held

_UNITS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_NUMBER = (
    rf"(?:{'|'.join(_TENS)})(?:\s?[-~]\s?(?:{'|'.join(_UNITS[:9])}))?|"
    rf"{'|'.join(sorted(_UNITS, key=len, reverse=True))}"
)
_NUMBER = rf"\d{{1,3}}(?:,\d{{3}})+|\d{{2,6}}|\b(?:{_WORD_NUMBER})"


def _word_number(words: str) -> int:
    """ "eighty-eight" (or the OCR'd "eighty~eight") -> 88."""
    total = 0
    for word in re.split(r"\s?[-~]\s?|\s+", words.lower()):
        total += (_TENS.index(word) + 2) * 10 if word in _TENS else _UNITS.index(word) + 1
    return total


_CEILING = re.compile(
    rf"(?P<number>{_NUMBER})\s+(?P<additional>additional\s+)?(?P<what>troops|military\s+personnel|"
    r"military\s+observers(?:\s+and\s+staff\s+officers)?|observers|civilian\s+police(?:\s+(?:monitors|officers))?|"
    r"(?:individual\s+)?police(?:\s+(?:monitors|officers|personnel))?|formed\s+police\s+units?|"
    r"personnel\s+of\s+formed\s+police\s+units|uniformed\s+personnel|corrections?\s+(?:officers|personnel)|"
    r"personnel|military\s+liaison\s+officers|staff\s+officers)\b|"
    r"\b(?P<kind>troop|military|police|personnel)?\s*"
    r"(?P<level>force\s+levels?|(?:total\s+)?strength|ceiling|maximum\s+level)\s+(?:of|at|to)\s+"
    r"(?:up\s+to\s+|not\s+more\s+than\s+|some\s+|a\s+maximum\s+of\s+)?"
    rf"(?P<level_number>\d{{1,3}}(?:,\d{{3}})+|\d{{2,6}})\b(?P<level_what>\s+(?:troops|military|police|uniformed))?",
    re.I,
)
# every match names personnel or a level: searched only in the clauses between semicolons that do (scan.py
# derives the words)
_CEILING_HELD = Held(_CEILING)
_PERSONNEL = (
    r"(?:additional\s+)?(?:troops|military|observers|civilian|police|personnel|formed|individual|staff)"
)
_COUNTED = re.compile(rf"\d[\d,]*\s+{_PERSONNEL}")  # on lower-cased text; starts with a digit: fast
_COUNTED_IN_WORDS = re.compile(rf"\b(?:{_WORD_NUMBER})(?:[\s~-]+\w+)?\s+{_PERSONNEL}")
_LEVEL_CUES = ("ceiling", "force level", "strength", "maximum level")
_CEILING_CUES = (
    "troops", "personnel", "observers", "police", "officers", "force level", "strength", "ceiling"
)  # fmt: skip
# "an increase of 1,200 troops", "reinforcement by", "additional", "a reduction by 2,000": changes, not the
# operation's ceiling; "increase the troop ceiling to 15,000" sets the new total
_INCREMENT = re.compile(
    r"\b(?:increase|increment|reinforce\w*|augment\w*|expan\w*|enlarge\w*|reduc\w*|decrease|drawdown)\s+"
    r"(?:[\w-]+\s+){0,6}?(?:by|of)\s+(?:up\s+to\s+|an?\s+additional\s+)?$|"
    r"\bby\s+(?:up\s+to\s+)?$",
    re.I,
)
# "up to 17,000 troops, including 1,000 for the ...": a part of the total
_SUBCOUNT = re.compile(r"\b(?:including|of\s+(?:which|whom)|comprising)\s[^;,]*$", re.I)


_NATIONAL = re.compile(
    r"\s+(?:in|of|from)\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:National\s+(?:Army|Police|Defen[cs]e)|Armed\s+Forces|"
    r"(?:Defen[cs]e|Security)\s+Forces|national\s+(?:army|armed|security|defen[cs]e|police))"
)


def find_ceilings(structure: Structure) -> Iterator[Finding]:
    """Authorised personnel: "up to 1,144 personnel", "twenty military liaison officers", "a force level of
    up to 22,000". `additional` marks increments ("5,500 additional troops", "an increase of 1,200")."""
    text = structure.text
    lower = structure.lower
    for paragraph in structure.top_level():
        words = lower[paragraph.start : paragraph.end]
        if not any(cue in words for cue in _CEILING_CUES) or not (
            any(cue in words for cue in _LEVEL_CUES)
            or _COUNTED.search(words)
            or _COUNTED_IN_WORDS.search(words)
        ):
            continue  # the full pattern is slow on long modern paragraphs: run it only where a count is
        for match in _CEILING_HELD.finditer(structure, paragraph.start, paragraph.end):
            raw = match.group("number") or match.group("level_number")
            number = int(raw.replace(",", "")) if raw[0].isdigit() else _word_number(raw)
            if 1900 <= number <= 2100 and "," not in raw:
                continue  # a year, not a ceiling
            if _NATIONAL.match(text, match.end()):
                continue  # "support to 10,900 troops in the Somali National Army": another force's numbers
            what = " ".join((match.group("what") or "all personnel").lower().split())
            before = text[max(paragraph.start, match.start() - 80) : match.start()]
            additional = bool(match.group("additional") or _INCREMENT.search(before))
            detail = {"personnel": what, "additional": additional, "branch": _branch(match),
                      "subcount": bool(_SUBCOUNT.search(before))}  # fmt: skip
            evidence = Evidence.from_span(text, match.start(), match.end(), paragraph.id)
            yield Finding("ceiling", number, "ceiling.number_of_personnel", 0.6, evidence, detail)


def _branch(match: re.Match[str]) -> str | None:
    """military, police, or None (all personnel, civilians, corrections)."""
    words = " ".join(filter(None, (match.group("what"), match.group("kind"), match.group("level_what"))))
    words = words.lower()
    if "police" in words:
        return "police"
    if any(w in words for w in ("troop", "military", "observer", "staff")) or (
        match.group("level") and "force" in match.group("level").lower()
    ):
        return "military"
    return None
