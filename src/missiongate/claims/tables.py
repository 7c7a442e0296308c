"""Rows of a pledge table (round 9, from z4's digests): "Greece: frigate (participating); Spain: declined to
join" or "Azerbaijan - none - undecided; Indonesia - up to 20,000 - offered". Each row keys a country with
a colon or a dash and ends on a status word; the sentence grammar finds no subject or verb there."""

from __future__ import annotations

import re

from missiongate.claims.model import Mention, Stance

_KEY = re.compile(r"\s*(?::|\s[-–—])\s")
# the status of a row, the most cautious reading first: "none - undecided" is undecided
_STATUS = (
    (
        Stance.CONSIDERING,
        re.compile(
            r"\b(?:pending|undecided|under (?:review|consideration|discussion)|no decision|considering"
            r"|reviewing|studying|assessing|weighing|to be confirmed|tbc|unclear)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Stance.DECLINED,
        re.compile(
            r"\b(?:declined|none(?: planned)?|withdrawn|withdrawing|refused|ruled out|no contribution)\b",
            re.I,
        ),
    ),
    (
        Stance.AGREED,
        re.compile(
            r"\b(?:deployed|participating|in place|committed|offered|pledged|confirmed|arriving|arrived"
            r"|on the ground|approved)\b",
            re.IGNORECASE,
        ),
    ),
)
MIN_ROWS = 2  # one "X: ..." is a label, not a table


def table_rows(s: str, mentions: list[Mention]) -> list[tuple[str, Stance, tuple[int, int]]]:
    """(country, stance, status span) for each row of `s` read as a table; empty when fewer than two rows
    are found."""
    rows: list[tuple[str, Stance, tuple[int, int]]] = []
    begin = 0
    for end in [m.start() for m in re.finditer(";", s)] + [len(s)]:
        keys = [m for m in mentions if begin <= m.start and m.end <= end and _KEY.match(s, m.end)]
        if keys and (row := _status(s, keys[-1], end)):
            rows.append(row)
        begin = end + 1
    return rows if len(rows) >= MIN_ROWS else []


def _status(s: str, key: Mention, end: int) -> tuple[str, Stance, tuple[int, int]] | None:
    for stance, pattern in _STATUS:
        if found := pattern.search(s, key.end, end):
            return key.code, stance, found.span()
    return None
