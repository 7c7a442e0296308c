"""Patterns tried only where a match can be: at one of the words every match starts with (`Led`), or in the
stretches of text that hold one of the words every match holds (`Held`).

Python's re engine tries a pattern that opens with `\\b` or with a case-insensitive word at every character of
the range (15-20 ns each: 1.5 ms a pass over a long modern resolution, however rare the match). Here the
text's words are indexed once, and re matches only where one of the pattern's first words starts, exactly as
its own search would there. The words are looked up in `structure.lower`, so a match spelt with one of the
few non-ASCII letters re folds onto an ASCII one (the dotless ı, the Kelvin sign) is not found, as with every
other `lower` pre-check. A `Led` pattern's first words are derived from the pattern itself (`first_words`): a
new alternative with a new first word is tried where it starts; where none can be told, it runs as plain re.
A `Held` pattern's words are derived too (`held_words`); it runs as plain re where a match may read a stop.
tests/analyzer/test_scan.py checks each pattern declared this way against re.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from functools import partial
from itertools import accumulate, islice
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from missiongate.analyzer.model import Structure

_WORD = re.compile(r"([a-z]{2,})")


class Led:
    """A pattern tried only where one of `words` starts: lower-case prefixes of a word of the text, each match
    starting at a word start (`\\b` or a look-behind for one) with one of them, or, if `inside`, strings
    every match starts with anywhere. Both are derived from the pattern (`first_words`)
    unless given (an override); with neither, the pattern runs as plain re. `lowered` if the pattern runs on
    `structure.lower` rather than on the text. Hashed by identity: a cheap memo key."""

    __slots__ = ("inside", "lowered", "pattern", "words")

    def __init__(
        self,
        pattern: re.Pattern[str],
        *,
        lowered: bool = False,
        words: tuple[str, ...] | None = None,
        inside: bool = False,
    ) -> None:
        if words is None and (derived := first_words(pattern)):
            words, inside = derived
        if words is not None and not inside and not all(_WORD.fullmatch(word) for word in words):
            raise ValueError(f"word starts must be two or more ASCII lower-case letters: {words}")
        self.pattern = pattern
        self.words = words
        self.lowered = lowered
        self.inside = inside

    def finditer(self, structure: Structure, start: int, end: int) -> Iterator[re.Match[str]]:
        """`pattern.finditer(structure.text, start, end)`."""
        text = structure.lower if self.lowered else structure.text
        if self.words is None:
            yield from self.pattern.finditer(text, start, end)
            return
        offsets = self._offsets(structure, self.words)
        last = start
        for index in range(bisect_left(offsets, start), bisect_left(offsets, end)):
            at = offsets[index]
            if at >= last and (match := self.pattern.match(text, at, end)):
                last = match.end()  # never empty: it holds a word
                yield match

    def search(self, structure: Structure, start: int, end: int) -> re.Match[str] | None:
        """`pattern.search(structure.text, start, end)`."""
        return next(self.finditer(structure, start, end), None)

    def _offsets(self, structure: Structure, words: tuple[str, ...]) -> list[int]:
        """Where one of the words starts (a word of the text, or anywhere if `inside`), in order."""
        memo: dict[Led, list[int]] = structure.memo.setdefault("led_offsets", {})
        if self not in memo:
            found = _anywhere(structure.lower, words) if self.inside else _word_starts(structure, words)
            memo[self] = sorted(set(found))
        return memo[self]


class Held:
    """A pattern every match of which holds one of `words` (lower-case, as `structure.lower` holds them) and
    no `stop`, with no `$` and no look-ahead that could match a stop: every match lies in one stretch between
    stops, and a stretch without any of the words holds none (the sentences that name an agreement, the
    clauses that count personnel). The words are derived from the pattern (`held_words`) unless given (an
    override); if they cannot be told, or a match or a look-ahead may read a stop (`_may_cross`), the pattern
    runs as plain re."""

    __slots__ = ("pattern", "stop", "words")

    def __init__(
        self, pattern: re.Pattern[str], *, words: tuple[str, ...] | None = None, stop: str = ";"
    ) -> None:
        self.pattern = pattern
        self.words = None if _may_cross(pattern, stop) else held_words(pattern) if words is None else words
        self.stop = stop

    def finditer(self, structure: Structure, start: int, end: int) -> Iterator[re.Match[str]]:
        """`pattern.finditer(structure.text, start, end)`."""
        if self.words is None:
            yield from self.pattern.finditer(structure.text, start, end)
            return
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


# First words, derived. re._parser is the parser re.compile itself runs, so the words come from the same tree
# the matches do. It is private, but its tree has kept these shapes since sre_parse; a node not known here
# means "cannot tell" (plain re, never a skipped match), and tests/analyzer/test_scan_words.py pins what is
# read on the Python the project runs (3.11), so a change shows there. A start is (prefix, open, at_word):
# the text every match of a piece starts with, whether the piece matched exactly that (so what follows
# extends it), and whether a word-start test stood before its first character.
_Start = tuple[str, bool, bool]
_MAX_STARTS = 512  # more alternatives than any pattern here: beyond, cannot tell
_MAX_CLASS = 4  # a class of up to four letters ([sz], [Tt]) is expanded; a wider one ends the prefix
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_UNKNOWN: frozenset[_Start] = frozenset({("", False, False)})  # something not told: the prefix ends here


def first_words(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """The lower-case words every match starts with and False (each at a word start of the text), or the
    strings every match starts with and True (`inside`: anywhere), or None if they cannot be told (a match
    may start with a digit, any character or nothing; more alternatives than `_MAX_STARTS`)."""
    starts = _sequence(_parser.parse(pattern.pattern, pattern.flags).data, pattern.flags)
    if starts is None:
        return None
    if all(at_word for _, _, at_word in starts):
        words = {_WORD_PREFIX.match(prefix) for prefix, _, _ in starts}
        return (_shortest({word.group() for word in words if word}), False) if all(words) else None
    prefixes = {prefix for prefix, _, _ in starts}
    return (_shortest(prefixes), True) if all(prefixes) else None


_WORD_PREFIX = re.compile(r"[a-z]{2,}")


def _shortest(prefixes: set[str]) -> tuple[str, ...]:
    """The prefixes no other one starts: a match that starts with a longer one starts with the shorter."""
    return tuple(sorted(p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)))


def _sequence(items: list[tuple[Any, Any]], flags: int) -> set[_Start] | None:
    starts: set[_Start] = {("", True, False)}
    for op, av in items:
        if not any(is_open for _, is_open, _ in starts):
            break
        if str(op) in _ZERO_WIDTH:
            at_word = _word_start_test(str(op), av)
            starts = {(p, o, w or (o and not p and at_word)) for p, o, w in starts}
            continue
        pieces = _piece(str(op), av, flags)
        starts = _join(starts, _UNKNOWN if pieces is None else pieces)
        if len(starts) > _MAX_STARTS:
            return None
    return starts


def _join(starts: set[_Start], pieces: set[_Start] | frozenset[_Start]) -> set[_Start]:
    joined = {start for start in starts if not start[1]}
    for prefix, _, at_word in (start for start in starts if start[1]):
        joined |= {(prefix + p, o, at_word or (not prefix and w)) for p, o, w in pieces}
    return joined


def _piece(op: str, av: Any, flags: int) -> set[_Start] | None:
    """What one consuming piece of the tree starts with, or None if it cannot be told."""
    if op == "LITERAL":
        char = _lowered(chr(av), flags)
        return None if char is None else {(char, True, False)}
    if op == "IN":
        return _class(av, flags)
    if op == "BRANCH":
        branches = [_sequence(branch.data, flags) for branch in av[1]]
        return None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
    if op == "SUBPATTERN":
        _, add, remove, sub = av
        return _sequence(sub.data, (flags | add) & ~remove)
    if op == "ATOMIC_GROUP":
        return _sequence(av.data, flags)
    if op in _REPEATS:
        return _repeat(av, flags)
    return None  # any character, a negated literal, a group reference


def _repeat(av: Any, flags: int) -> set[_Start] | None:
    low, high, sub = av
    once = _sequence(sub.data, flags)
    if once is not None and high != 1:
        once = {(p, False, w) for p, _, w in once}  # what follows the first time is not told
    if low > 0:
        return once
    return {("", True, False)} | (set(_UNKNOWN) if once is None else once)


def _class(items: list[tuple[Any, Any]], flags: int) -> set[_Start] | None:
    chars: set[str | None] = set()
    for op, av in items:
        if str(op) == "LITERAL":
            chars.add(_lowered(chr(av), flags))
        elif str(op) == "RANGE" and av[1] - av[0] < _MAX_CLASS:
            chars |= {_lowered(chr(c), flags) for c in range(av[0], av[1] + 1)}
        else:
            return None  # a category (\w, \s), a negation, a wide range
    if None in chars or len(chars) > _MAX_CLASS:
        return None
    return {(char, True, False) for char in chars if char is not None}


def _lowered(char: str, flags: int) -> str | None:
    """The character as `structure.lower` holds it (ASCII lower-cased), or None if a match may hold another:
    a non-ASCII letter matched ignoring case."""
    if char.isascii():
        return char.lower()
    return None if flags & re.IGNORECASE and char.lower() != char.upper() else char


def _word_start_test(op: str, av: Any) -> bool:
    """`\\b`, or a look-behind refusing a word character (`(?<![\\w-])`): a match starting here with a
    letter starts a word of the text."""
    if op == "AT":
        return str(av) == "AT_BOUNDARY"
    if op != "ASSERT_NOT" or av[0] != -1 or len(av[1].data) != 1:
        return False
    kind, items = av[1].data[0]
    return str(kind) == "IN" and any(str(o) == "CATEGORY" and str(a) == "CATEGORY_WORD" for o, a in items)


# Held words, derived, from the same tree. A piece is (exact, options): the few strings it can match as
# `structure.lower` holds them, or None if it can match more; and sets of strings such that every match of it
# holds one of each set. A run of exact pieces in a sequence (letters, classes of up to four, short
# alternations and repeats) matches one of its joined strings; a required piece holds what it needs; every
# match of the sequence holds one string of each of these sets, and the rarest set is kept.
_Needs = tuple[frozenset[str], ...]
_Held = tuple[frozenset[str] | None, _Needs]
_MAX_EXACT = 64  # joined strings a run may have; beyond, the run ends there
_MAX_TIMES = 4  # a bounded repeat of an exact piece up to four times stays exact


def held_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings every match of the pattern holds one of (as `structure.lower` holds it), none
    holding another, or None if they cannot be told (a match may be made of digits, any word, nothing)."""
    _, options = _held_sequence(_parser.parse(pattern.pattern, pattern.flags).data, pattern.flags)
    if not options:
        return None
    rarest: frozenset[str] = min(options, key=_rareness)
    return tuple(sorted(rarest))


def _held_sequence(items: list[tuple[Any, Any]], flags: int) -> _Held:
    run: frozenset[str] = frozenset({""})
    exact = True
    options: list[frozenset[str]] = []
    for op, av in items:
        if str(op) in _ZERO_WIDTH:
            continue  # matches nothing: the pieces around it are next to each other in the text
        piece, needs = _held_piece(str(op), av, flags)
        joined = None if piece is None else _joined(run, piece)
        if joined is None:
            exact = False
            options += [*_needed(run), *needs]
            run = frozenset({""}) if piece is None else piece
        else:
            run = joined
    return (run if exact else None), (*options, *_needed(run))


def _held_piece(op: str, av: Any, flags: int) -> _Held:
    if op == "LITERAL":
        char = _lowered(chr(av), flags)
        return (None, ()) if char is None else (frozenset({char}), (frozenset({char}),))
    if op == "IN":
        starts = _class(av, flags)
        chars = None if starts is None else frozenset(char for char, _, _ in starts)
        return chars, _needed(chars)
    if op == "BRANCH":
        return _held_branches([_held_sequence(branch.data, flags) for branch in av[1]])
    if op == "SUBPATTERN":
        _, add, remove, sub = av
        return _held_sequence(sub.data, (flags | add) & ~remove)
    if op == "ATOMIC_GROUP":
        return _held_sequence(av.data, flags)
    if op in _REPEATS:
        low, high, sub = av
        once, needs = _held_sequence(sub.data, flags)
        return _held_times(once, low, high), needs if low > 0 else ()
    return None, ()  # any character, a category, a negated literal, a group reference


def _held_branches(branches: list[_Held]) -> _Held:
    """Every match of an alternation matches one branch and holds what that branch needs. Each branch takes,
    in turn, the set that makes the union rarest ("military personnel" needs "personnel", which "uniformed
    personnel" needs too): a few passes settle it."""
    exact: frozenset[str] | None = frozenset().union(*(e for e, _ in branches if e is not None))
    if any(e is None for e, _ in branches) or len(exact or ()) > _MAX_EXACT:
        exact = None
    if not all(needs for _, needs in branches):
        return exact, ()
    chosen = [min(needs, key=_rareness) for _, needs in branches]
    for _ in range(3):
        for index, (_, needs) in enumerate(branches):
            others = frozenset[str]().union(*chosen[:index], *chosen[index + 1 :])
            chosen[index] = min(needs, key=partial(_rareness_with, others, chosen[index]))
    return exact, _needed(frozenset().union(*chosen))


def _held_times(once: frozenset[str] | None, low: int, high: int) -> frozenset[str] | None:
    """The strings `once` repeated `low` to `high` times, if few."""
    if once is None or high > _MAX_TIMES:
        return None
    strings, times = frozenset({""}), frozenset[str]()
    for count in range(high + 1):
        if count >= low:
            times |= strings
        if count < high:
            joined = _joined(strings, once)
            if joined is None:
                return None
            strings = joined
    return times


def _joined(run: frozenset[str], piece: frozenset[str]) -> frozenset[str] | None:
    if len(run) * len(piece) > _MAX_EXACT:
        return None
    return frozenset(a + b for a in run for b in piece)


def _needed(strings: frozenset[str] | None) -> _Needs:
    """The strings no other one is held in (a match holding a longer one holds the shorter), as one set; none
    if a match may be empty."""
    if strings is None or "" in strings:
        return ()
    return (frozenset(s for s in strings if not any(t != s and t in s for t in strings)),)


def _rareness_with(
    others: frozenset[str], now: frozenset[str], strings: frozenset[str]
) -> tuple[float, bool]:
    """The rareness of the union with the others' sets; on a tie, the set chosen now stays."""
    return _rareness(strings | others), strings != now


def _rareness(strings: frozenset[str]) -> float:
    """How many stretches hold one of the strings, estimated as if letters were random: long words, few.
    Summed in order: the same lengths give the same float whatever the set's order (the hash seed)."""
    return sum(sorted(26.0 ** -len(s) for s in strings))


# Whether a pattern may tell a stretch from the whole text: a match or a look-ahead that may read the stop's
# first character (whatever reads across a stretch's end reads it), an end test (`$`, `\Z`), or a word
# boundary test next to a stop that starts with a word character. Look-behinds see the text before a stretch
# as re's own search from there does. Anything not known here may.
_ENDS = {"AT_END", "AT_END_LINE", "AT_END_STRING"}
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
}  # fmt: skip


def _may_cross(pattern: re.Pattern[str], stop: str) -> bool:
    char = stop[0]
    return _reads(_parser.parse(pattern.pattern, pattern.flags).data, char, pattern.flags)


def _reads(items: list[tuple[Any, Any]], char: str, flags: int) -> bool:
    return any(_piece_reads(str(op), av, char, flags) for op, av in items)


def _piece_reads(op: str, av: Any, char: str, flags: int) -> bool:
    if op in {"LITERAL", "NOT_LITERAL"}:
        return _same(chr(av), char, flags) == (op == "LITERAL")
    if op == "IN":
        return _class_reads(av, char, flags)
    if op == "BRANCH":
        return any(_reads(branch.data, char, flags) for branch in av[1])
    if op == "SUBPATTERN":
        _, add, remove, sub = av
        return _reads(sub.data, char, (flags | add) & ~remove)
    if op == "ATOMIC_GROUP":
        return _reads(av.data, char, flags)
    if op in _REPEATS:
        return _reads(av[2].data, char, flags)
    if op in {"ASSERT", "ASSERT_NOT"}:
        return av[0] == 1 and _reads(av[1].data, char, flags)  # a look-ahead only
    if op == "AT":
        return str(av) in _ENDS or ("BOUNDARY" in str(av) and bool(re.match(r"\w", char)))
    if op == "ANY":
        return char != "\n" or bool(flags & re.DOTALL)
    return op != "GROUPREF"  # a group reference reads what its group read


def _class_reads(items: list[tuple[Any, Any]], char: str, flags: int) -> bool:
    negated = bool(items) and str(items[0][0]) == "NEGATE"
    inside = False
    for op, av in items[negated:]:
        if str(op) == "LITERAL":
            inside |= _same(chr(av), char, flags)
        elif str(op) == "RANGE":
            inside |= any(av[0] <= ord(c) <= av[1] for c in _cases(char, flags))
        elif str(op) == "CATEGORY" and str(av) in _CATEGORIES:
            inside |= bool(re.match(_CATEGORIES[str(av)], char, flags & re.ASCII))
        else:
            return True
    return inside != negated


def _same(literal: str, char: str, flags: int) -> bool:
    return char in _cases(literal, flags)


def _cases(char: str, flags: int) -> set[str]:
    return {char, char.lower(), char.upper()} if flags & re.IGNORECASE else {char}
