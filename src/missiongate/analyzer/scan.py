"""Patterns tried only where a match can be: at one of the words every match starts with (`Led`), or in the
stretches of text that hold one of the words every match holds (`Held`).

Python's re engine tries a pattern that opens with `\\b` or with a case-insensitive word at every character of
the range (15-20 ns each: 1.5 ms a pass over a long modern resolution, however rare the match). Here the
text's words are indexed once, and re matches only where one of the pattern's first words starts, exactly as
its own search would there. The words are looked up in `structure.lower`, so a match spelt with one of the
few non-ASCII letters re folds onto an ASCII one (the dotless ı, the Kelvin sign) is not found, as with every
other `lower` pre-check. tests/analyzer/test_scan.py checks each pattern declared this way against re.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, islice

from missiongate.analyzer.model import Structure

_WORD = re.compile(r"([a-z]{2,})")


@dataclass(frozen=True, eq=False)  # hashed by identity: a cheap memo key
class Led:
    """A pattern every match of which starts with one of `words`: lower-case prefixes of a word of the text
    (the pattern opens with `\\b` or a look-behind for a word start), or, if `inside`, anywhere (then any
    characters). `lowered` if the pattern runs on `structure.lower` rather than on the text."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    lowered: bool = False
    inside: bool = False

    def __post_init__(self) -> None:
        if not self.inside and not all(_WORD.fullmatch(word) for word in self.words):
            raise ValueError(f"word starts must be two or more ASCII lower-case letters: {self.words}")

    def finditer(self, structure: Structure, start: int, end: int) -> Iterator[re.Match[str]]:
        """`pattern.finditer(structure.text, start, end)`."""
        offsets = self._offsets(structure)
        text = structure.lower if self.lowered else structure.text
        last = start
        for index in range(bisect_left(offsets, start), bisect_left(offsets, end)):
            at = offsets[index]
            if at >= last and (match := self.pattern.match(text, at, end)):
                last = match.end()  # never empty: it holds a word
                yield match

    def search(self, structure: Structure, start: int, end: int) -> re.Match[str] | None:
        """`pattern.search(structure.text, start, end)`."""
        return next(self.finditer(structure, start, end), None)

    def _offsets(self, structure: Structure) -> list[int]:
        """Where one of the words starts (a word of the text, or anywhere if `inside`), in order."""
        memo: dict[Led, list[int]] = structure.memo.setdefault("led_offsets", {})
        if self not in memo:
            words = self.words
            found = _anywhere(structure.lower, words) if self.inside else _word_starts(structure, words)
            memo[self] = sorted(set(found))
        return memo[self]


@dataclass(frozen=True, eq=False)
class Held:
    """A pattern every match of which holds one of `words` (lower-case) and no `stop`, with no `$` and no
    look-ahead that could match a stop: every match lies in one stretch between stops, and a stretch without
    any of the words holds none (the sentences that name an agreement, the clauses that count personnel)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    stop: str = ";"

    def finditer(self, structure: Structure, start: int, end: int) -> Iterator[re.Match[str]]:
        """`pattern.finditer(structure.text, start, end)`."""
        at = start
        for stretch in structure.lower[start:end].split(self.stop):
            if any(word in stretch for word in self.words):
                yield from self.pattern.finditer(structure.text, at, at + len(stretch))
            at += len(stretch) + len(self.stop)


def _anywhere(lower: str, words: tuple[str, ...]) -> list[int]:
    found = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            found.append(at)
            at = lower.find(word, at + 1)
    return found


def _word_starts(structure: Structure, prefixes: tuple[str, ...]) -> list[int]:
    vocabulary, index = _words(structure)
    found: list[int] = []
    for prefix in prefixes:
        position = bisect_left(vocabulary, prefix)
        while position < len(vocabulary) and vocabulary[position].startswith(prefix):
            found.extend(index[vocabulary[position]])
            position += 1
    return found


def _words(structure: Structure) -> tuple[list[str], dict[str, list[int]]]:
    """The text's words (runs of two or more ASCII letters, lower-cased), sorted, and where each occurs. One
    split in C and a pass over the words: cheaper than a str.find per pattern word over a long text."""
    memo = structure.memo
    if "words" not in memo:
        parts = _WORD.split(structure.lower)  # gap, word, gap, word, ..., gap
        starts = islice(accumulate(map(len, parts), initial=0), 1, None, 2)
        index: dict[str, list[int]] = defaultdict(list)
        for word, at in zip(parts[1::2], starts, strict=False):
            index[word].append(at)
        memo["words"] = (sorted(index), index)
    words: tuple[list[str], dict[str, list[int]]] = memo["words"]
    return words
