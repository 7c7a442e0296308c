"""Split text into sentences with character offsets, keeping quoted passages whole and recognising
transcript turns ("MINISTER SAYED: ...", "Q: ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATION_WORDS = """mr mrs ms dr gen lt col maj sgt capt cmdr adm gov sen rep rev st jan feb mar apr jun
jul aug sep sept oct nov dec vs etc inc ltd co corp jr sr prof amb pres min dept approx fig"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_LABEL = r"(?P<label>[A-Z][A-Z .'’-]{0,40}[A-Z]|Q|A)(?: \((?P<role>[^)\n]{1,40})\))?[ \t]*:[ \t]+"
_TURN = re.compile(r"[ \t]*" + _LABEL)
# "Q: Is Mexico sending troops? MINISTER: No.": turns run on in one line after a sentence end
_INLINE_TURN = re.compile(r"(?<=[.?!”\"])[ \t]+(?=" + _LABEL + ")")
_QUESTION_LABELS = frozenset({"Q", "QUESTION", "REPORTER", "HOST", "INTERVIEWER", "MODERATOR", "ANCHOR"})
# a debate record's turn: "Lord Harrow: ...", "Senator Kim Garrity (Minister for Defence Industry): ...", "The
# Minister for the Armed Forces (Mr Alistair Penrose): ..." (the name in brackets, if any, speaks)
_HONORIFIC = r"(?:(?:The )?Hon\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Lord|Lady|Baroness|Senator|Deputy|Sir|Dame)"
_RECORD_TURN = re.compile(
    r"[ \t]*(?P<label>" + _HONORIFIC + r" [A-Z][^:\n()]{1,50}?|The (?:Minister|Secretary)[^:\n()]{0,60}?)"
    r"(?: \((?P<role>[^)\n]{1,60})\))*[ \t]*:[ \t]+"
)
_NAMED_ROLE = re.compile(_HONORIFIC + r" [A-Z]")
# a label that names no one: the role after it does ("A (army spokesman): ...")
_GENERIC_LABELS = frozenset({"A", "ANSWER", "GUEST", "CALLER", "SPEAKER", "RESPONSE"})
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"“‘'(\[]*[A-Z0-9À-Þ]")
_MAX_QUOTE = 800  # a quote left open longer than this is a stray mark, not a quotation


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    turn_speaker: str | None = None  # transcript label, title-cased ("Foreign Minister Sayed")
    question_turn: bool = False


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; each `text[s.start:s.end]` is stripped of surrounding space."""
    sentences: list[Sentence] = []
    speaker: str | None = None
    asking = False
    for line_start, line in _lines(text):
        start, end = line_start, line_start + len(line)
        if not line.strip():
            speaker, asking = None, False
            continue
        turn = _TURN.match(line)
        if turn and _is_label(turn.group("label")):
            label = turn.group("label").strip()
            generic = label.upper() in _GENERIC_LABELS and turn.group("role")
            speaker, asking = (
                turn.group("role") if generic else _title(label),
                label.upper() in _QUESTION_LABELS,
            )
            start += turn.end()
        elif record := _RECORD_TURN.match(line):
            role = record.group("role") or ""
            speaker, asking = role if _NAMED_ROLE.match(role) else record.group("label").strip(), False
            start += record.end()
        for s, e in _split_span(text, start, end):
            sentences.append(Sentence(s, e, None if asking else speaker, asking))
    return sentences


def _lines(text: str) -> list[tuple[int, str]]:
    """Lines with their offsets; a line of transcript turns run together is cut before each label."""
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        turn = _TURN.match(line)
        cuts = [m.end() for m in _INLINE_TURN.finditer(line) if _is_label(m.group("label").strip())]
        if not (turn and _is_label(turn.group("label"))):
            cuts = []  # prose ("... said. UN: ...") is not a transcript
        for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True):
            lines.append((pos + a, line[a:b]))
        pos += len(line)
    return lines


def _is_label(label: str) -> bool:
    return label in ("Q", "A") or (len(label) > 2 and label.upper() == label)


def _title(label: str) -> str:
    return " ".join(word.capitalize() for word in label.split())


def _split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    depth_open: int | None = None  # offset where the current quotation opened
    i = start
    while i < end:
        ch = text[i]
        if ch == "“" or (ch == '"' and depth_open is None):
            depth_open = i
        elif ch == "”" or ch == '"':
            depth_open = None
        elif ch in ".!?" and (depth_open is None or i - depth_open > _MAX_QUOTE):
            match = _END.match(text, i, end)
            if match and _NEXT_START.match(text, match.end(), end) and not _abbreviation(text, cursor, i):
                if match.group().endswith(("”", '"')):
                    depth_open = None
                spans.append((cursor, match.end()))
                cursor = match.end()
                i = match.end()
                continue
        i += 1
    spans.append((cursor, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = text[start:dot].rsplit(maxsplit=1)[-1] if text[start:dot].strip() else ""
    word = word.lstrip("\"“‘'([")
    if word.lower() in ("no", "nos"):  # "No. 5", but "No. We study it."
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


_MAX_SINGLE_QUOTE = 300


def double_quotes(text: str) -> str:
    """`text` with single quotation marks ('...' and ‘...’) turned into double ones (“...”), same length:
    British and wire copy quote with single marks, and the rules read quotations by their double marks.
    An apostrophe ("country's", "soldiers' pay") opens nothing, and a mark left unclosed stays as it is."""
    chars = list(text)
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch not in "'‘’":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if opened is not None and i - opened > _MAX_SINGLE_QUOTE:
            opened = None  # a stray mark, not a quotation
        if opened is None:
            if ch != "’" and not before.isalnum() and after.isalnum():
                opened = i
        elif ch != "‘" and (before.isalnum() or before in ".,!?") and not after.isalnum():
            chars[opened], chars[i] = "“", "”"
            opened = None
    return "".join(chars)
