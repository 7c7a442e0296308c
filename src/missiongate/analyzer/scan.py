"""Patterns tried only where a match can start: at one of the words every match of the pattern starts with.

Python's re engine tries a pattern that opens with `\\b` or with a case-insensitive word at every character of
the range (15-20 ns each: 1.5 ms a pass over a long modern resolution, however rare the match); str.find
jumps to the few places worth trying, and re then matches there exactly as its own search would. The words
are checked in `structure.lower`, so a match spelt with one of the few non-ASCII letters that re folds onto
an ASCII one (the dotless ı, the Kelvin sign) is not found, as with every other `lower` pre-check.
tests/analyzer/test_scan.py checks each pattern declared this way against re's own search.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from missiongate.analyzer.model import Structure


@dataclass(frozen=True)
class Led:
    """A pattern every match of which starts with one of `words` (lower-case)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def finditer(self, structure: Structure, start: int, end: int) -> Iterator[re.Match[str]]:
        """`pattern.finditer(structure.text, start, end)`."""
        last = start
        for at in _starts(structure, self.words, start, end):
            if at >= last and (match := self.pattern.match(structure.text, at, end)):
                last = match.end()  # never empty: it holds a word
                yield match

    def search(self, structure: Structure, start: int, end: int) -> re.Match[str] | None:
        """`pattern.search(structure.text, start, end)`."""
        return next(self.finditer(structure, start, end), None)


def _starts(structure: Structure, words: tuple[str, ...], start: int, end: int) -> list[int]:
    """Offsets in [start, end) where one of the words begins and ends by `end`, in order."""
    found: set[int] = set()
    for word in words:
        offsets = _offsets(structure, word)
        found.update(offsets[bisect_left(offsets, start) : bisect_right(offsets, end - len(word))])
    return sorted(found)


def _offsets(structure: Structure, word: str) -> list[int]:
    """Every offset of a word in the lower-cased text, found once per text."""
    memo: dict[str, list[int]] = structure.memo.setdefault("offsets", {})
    if word not in memo:
        lower, offsets = structure.lower, []
        at = lower.find(word)
        while at >= 0:
            offsets.append(at)
            at = lower.find(word, at + 1)
        memo[word] = offsets
    return memo[word]
