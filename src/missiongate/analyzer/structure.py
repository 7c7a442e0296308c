"""Split a resolution into preamble, operative paragraphs (`3`, `3b`, `3bi`), sections and footnotes.

Everything is kept as offsets into the original text, so every later finding can quote it exactly.
The printed edition adds noise: footnote numbers after clauses ("1993; 18"), footnote text after the
"Adopted ..." line, page headers. Numbering is therefore accepted only when it continues the sequence.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from missiongate.analyzer.model import Footnote, Paragraph, ParagraphKind, Structure
from missiongate.errors import MissionGateError

# The longest resolution body in the corpora is about 80,000 characters (S/RES/2231's 200 KB are annex);
# a body far beyond that is not one resolution, and analysing it would cost seconds and hundreds of MB.
MAX_BODY_CHARS = 1_000_000
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\s+(\d{{4}})\b")
_HEADER_SYMBOL = re.compile(r"\bS/RES/(\d{1,4})\s*\((\d{4})\)|\bResolution\s+(\d{1,4})\s*\((\d{4})\)", re.I)
_COUNCIL = re.compile(r"^[^\S\n]*(?:Therefore\s+)?the Security Council[^\S\n]*(?:,|\n)", re.M | re.I)
_HEADER_ADOPTED = re.compile(r"^[^\S\n]*Adopted by the Security Council\b[^\n]*(?:\n[^\n]+)*", re.M)
_ADOPTED = re.compile(r"^[^\S\n]*Adopted\b", re.M)
# OCR reads "1" as "l" at times ("ll. Further requests"); the number must still continue the sequence
_OPERATIVE = re.compile(r"[^\S\n]*([\dl]{1,3})[ \t]*[.,][ \t]+(?=\S)")
# "(a)", "a)", and "a." as some modern texts print it (a letter only counts when it continues the sequence)
_SUB = re.compile(r"[^\S\n]*(?:\(?([a-z]{1,5})\)|([a-z]{1,5})\.)[ \t]+(?=\S)")
_SECTION = re.compile(r"[^\S\n]*([A-H]|[IVX]{1,4})[ \t]*\.?[^\S\n]*\n")
_FOOTNOTE = re.compile(r"[^\S\n]*(\d{1,3})/?[ \t]+(?=\S)")
_FIRST_OPERATIVE = re.compile(r"^[^\S\n]*1[.,][ \t]+\S|^[^\S\n]*(?:Decides|Adopts)\b", re.M)
_ANNEX = re.compile(r"^[^\S\n]*(?:Annex|ANNEX)(?:es|ES)?\b[^\n]{0,120}$", re.M)
_BLOCK = re.compile(r"\S(?:.|\n(?![^\S\n]*\n))*")
# "Decides", "Also decides", "Strongly condemns"; not "Noting", "Gravely concerned", "Acting under"
_OPERATIVE_VERB = re.compile(
    r"(?:(?:[A-Z][a-z]+ly|Also|Further|Again|Once again|Hereby)\s+)?[A-Za-z][a-z]+[^s\W]s\b(?<!ss)"
)
_VERB_LINE = re.compile(r"[,;](?:[^\S\n]*\d{1,3})?[^\S\n]*\n[^\S\n]*(?=[A-Z])(\S)")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _number(digits: str) -> int:
    return int(digits.replace("l", "1"))


def parse_structure(text: str) -> Structure:
    body_start = _body_start(text)
    adopted = _last_adopted(text, body_start)
    body_end = _annex_start(text, body_start, adopted.start() if adopted else len(text))
    if body_end - body_start > MAX_BODY_CHARS:
        raise MissionGateError(
            f"the resolution's text runs to {body_end - body_start:,} characters before any annex, over the "
            f"{MAX_BODY_CHARS:,}-character limit: is this one resolution? Split the file or remove other text"
        )
    builder = _Builder(text)
    builder.scan(body_start, body_end)
    if not builder.operative:
        builder.unnumbered(body_start, body_end)
    return Structure(
        text=text,
        symbol=recognise_symbol(text),
        adopted=recognise_date(text),
        preamble=tuple(builder.preamble(body_start)),
        operative=tuple(builder.operative),
        sections=tuple(builder.sections),
        footnotes=_footnotes(text, adopted.end() if adopted else len(text)),
        operative_start=builder.first_operative_start(body_end),
        body_end=body_end,
    )


def recognise_symbol(text: str) -> str | None:
    """`S/RES/872 (1993)` from a header such as "Resolution 872 (1993)" or "S/RES/872 (1993)"."""
    match = _HEADER_SYMBOL.search(text[:2000])
    if not match:
        return None
    number, year = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return f"S/RES/{int(number)} ({year})"


def recognise_date(text: str) -> dt.date | None:
    """The adoption date: the first full date in the header."""
    head = text[: (_COUNCIL.search(text) or _ADOPTED.search(text) or _end(text)).start()][:2000]
    match = _DATE.search(head)
    return parse_date(match) if match else None


def parse_date(match: re.Match[str]) -> dt.date | None:
    month = _MONTHS.split("|").index(match.group(2)) + 1
    try:
        return dt.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def _end(text: str) -> re.Match[str]:
    match = re.compile(r"\Z").search(text)
    assert match is not None
    return match


def _body_start(text: str) -> int:
    """After "The Security Council," or, in the newer layout, after the "Adopted by ..." header."""
    council = _COUNCIL.search(text, 0, 3000)
    if council:
        return council.end()
    header = _HEADER_ADOPTED.search(text, 0, 1000)
    return header.end() if header else 0


def _last_adopted(text: str, start: int) -> re.Match[str] | None:
    """The "Adopted ..." line that closes the body (newer texts also say "Adopted by" in the header)."""
    last = None
    for match in _ADOPTED.finditer(text, start):
        last = match
    return last


def _annex_start(text: str, start: int, end: int) -> int:
    """An annex after the operative part ("Annex I", "Annex A: Joint Comprehensive Plan of Action") is not
    the resolution's own paragraphs: the body ends there. A long annex would otherwise be read as part of
    the last paragraph."""
    first = _FIRST_OPERATIVE.search(text, start, end)
    annex = _ANNEX.search(text, first.end() if first else start, end)
    return annex.start() if annex else end


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline + 1
        yield pos, stop
        pos = stop


@dataclass
class _Open:
    id: str
    kind: ParagraphKind
    start: int
    parent: str | None
    section: str | None
    lead_end: int | None = None


@dataclass
class _Builder:
    """Walks the body line by line, opening a paragraph only where the numbering continues."""

    text: str
    operative: list[Paragraph] = field(default_factory=list)
    sections: list[Paragraph] = field(default_factory=list)
    _stack: list[_Open] = field(default_factory=list)
    _next_number: int = 1
    _letter: str = ""
    _roman: int = 0
    _outer: str | None = None  # the first sub-paragraph level of the open paragraph: "letter" or "roman"
    _section: str | None = None
    _section_open: _Open | None = None
    _restarted: bool = False  # the next sub-paragraph opens a second list directly under the paragraph
    _resume: tuple[str, int, str | None] | None = None  # the numbering before a lead-in on its own line

    def scan(self, start: int, end: int) -> None:
        for line_start, line_end in _lines(self.text, start, end):
            self._line(line_start, line_end)
        self._close_all(end)
        self._close_section(end)

    def _line(self, start: int, end: int) -> None:
        text = self.text
        if (match := _OPERATIVE.match(text, start, end)) and self._opens_paragraph(_number(match.group(1))):
            self._open_paragraph(_number(match.group(1)), start)
            first = _SUB.match(text, match.end(), end)  # "58. (a) Requests ..." on one line
            if first and (first.group(1) or first.group(2)) == "a":
                self._open_sub("a", match.end())
        elif (
            self._stack
            and (match := _SUB.match(text, start, end))
            and self._open_item(match.group(1) or match.group(2), start)
        ):
            if _LIST_AGAIN.search(text, match.end(), end):
                self._restart_list()  # "(b) ...; and decides further that the Mission shall:" then "(i) ..."
        elif len(self._stack) > 1 and _NEW_LEAD.match(text, start, end):
            self._close_subs(start)  # "Further decides that the Mission shall:" on its own line
        elif (match := _SECTION.match(text, start, end)) and self._is_section_break(start):
            self._open_section(match.group(1), start)

    def _opens_paragraph(self, number: int) -> bool:
        return number == self._next_number or (number == 1 and self._section_open is not None)

    def _open_paragraph(self, number: int, start: int) -> None:
        self._close_all(start)
        self._close_section(start)
        pid = str(number)
        if self._section and any(p.id == pid for p in self.operative):
            pid = f"{self._section}{number}"  # numbering restarts in a section
        self._stack = [_Open(pid, "operative", start, None, self._section)]
        self._next_number = number + 1
        self._letter, self._roman, self._outer = "", 0, None
        self._restarted, self._resume = False, None

    def _open_sub(self, token: str, start: int) -> bool:
        """`(a)` opens a letter, `(i)` a roman numeral under it (or directly under the paragraph); when a
        paragraph's first sub-paragraph is `(i)`, the romans are outer and letters nest under them
        (modern mandates: "(i) Protection of civilians (a) Ensure ...")."""
        next_letter = _LETTERS[_LETTERS.index(self._letter) + 1 :][:1] if self._letter else "a"
        next_roman = _ROMANS[self._roman] if self._roman < len(_ROMANS) else ""
        if len(token) == 2 and token[-1] == next_letter and token not in _ROMANS:
            token = next_letter  # OCR noise such as "(ad)" for "(d)"
        if self._outer == "roman":
            if token == next_roman:
                self._roman += 1
                self._letter = ""
                self._push(token, start, depth=1)
                return True
            if token == next_letter:
                self._letter = token
                self._push(token, start, depth=2)
                return True
            return False
        if token == next_roman and (self._roman > 0 or token != next_letter):
            self._outer = self._outer or "roman"
            self._roman += 1
            self._push(token, start, depth=2 if self._letter else 1)
            return True
        if token == next_letter:
            self._outer = self._outer or "letter"
            self._letter, self._roman = token, 0
            self._push(token, start, depth=1)
            return True
        return False

    def _open_item(self, token: str, start: int) -> bool:
        """After a lead-in on its own line the list restarts ("(i)") or goes on ("(iii)")."""
        if self._open_sub(token, start):
            return True
        if self._resume is None:
            return False
        self._letter, self._roman, self._outer = self._resume
        if self._open_sub(token, start):
            return True
        self._restart_list()
        return False

    def _restart_list(self) -> None:
        """A second lead-in of the paragraph: its list is the paragraph's, not the last item's."""
        self._letter, self._roman, self._outer = "", 0, None
        self._restarted = True

    def _close_subs(self, start: int) -> None:
        while len(self._stack) > 1:
            self._close(self._stack.pop(), start)
        resume = (self._letter, self._roman, self._outer)
        self._restart_list()
        self._resume = resume

    def _push(self, token: str, start: int, depth: int) -> None:
        self._resume = None
        if self._restarted:
            depth, self._restarted = 1, False
        while len(self._stack) > depth:
            self._close(self._stack.pop(), start)
        parent = self._stack[-1]
        if parent.lead_end is None:
            parent.lead_end = _rstrip(self.text, parent.start, start)
        self._stack.append(_Open(parent.id + token, "sub", start, parent.id, self._section))

    def _is_section_break(self, start: int) -> bool:
        before = self.text[max(0, start - 2) : start]
        return before.endswith("\n\n") or before == "" or (before.endswith("\n") and not self._stack)

    def _open_section(self, label: str, start: int) -> None:
        self._close_all(start)
        self._close_section(start)
        self._section = label
        self._section_open = _Open(f"s{label}", "section", start, None, label)

    def _close_section(self, end: int) -> None:
        if self._section_open is not None:
            self._close(self._section_open, end, into=self.sections)
            self._section_open = None

    def _close_all(self, end: int) -> None:
        while self._stack:
            self._close(self._stack.pop(), end)

    def _close(self, open_: _Open, end: int, into: list[Paragraph] | None = None) -> None:
        stop = _without_heading(self.text, open_.start, _rstrip(self.text, open_.start, end))
        lead_end = min(open_.lead_end, stop) if open_.lead_end is not None else stop
        paragraph = Paragraph(
            open_.id,
            open_.kind,
            _lstrip(self.text, open_.start, stop),
            stop,
            lead_end,
            open_.parent,
            open_.section,
        )
        if into is None:  # in order of start (after any that start there), without sorting the list again
            insort(self.operative, paragraph, key=lambda p: p.start)
        else:
            into.append(paragraph)

    def unnumbered(self, start: int, end: int) -> None:
        """Early resolutions number nothing: the operative part starts at the first finite verb."""
        starts = [m.start() for m in _BLOCK.finditer(self.text, start, end)]
        starts += [m.start(1) for m in _VERB_LINE.finditer(self.text, start, end)]
        starts = sorted(set(starts))
        first = next((i for i, pos in enumerate(starts) if _OPERATIVE_VERB.match(self.text, pos)), None)
        if first is None:
            return
        bounds = [*starts[first:], end]
        for number, (left, right) in enumerate(itertools.pairwise(bounds), start=1):
            stop = _rstrip(self.text, left, right)
            self.operative.append(Paragraph(str(number), "operative", left, stop, stop))

    def first_operative_start(self, default: int) -> int:
        return min((p.start for p in self.operative), default=default)

    def preamble(self, start: int) -> Iterator[Paragraph]:
        """Preamble paragraphs: blank-line separated blocks before the first operative paragraph."""
        stop = min((p.start for p in (*self.operative, *self.sections)), default=len(self.text))
        for number, match in enumerate(_BLOCK.finditer(self.text, start, stop), start=1):
            end = _rstrip(self.text, match.start(), match.end())
            yield Paragraph(f"p{number}", "preamble", match.start(), end, end)


# A second lead-in inside a paragraph: the Council's own verb ("and decides further that the Mission shall
# undertake:", "Further requests the Mission to:"), not an item's ("(b) To assist the Government to:", "Work
# with the Government:"); after an item's ";" on the item's line, or on a line of its own
_COUNCIL_VERB = r"(?:and\s+)?(?:(?:[a-z]+ly|also|further|again)\s+)?"
_COUNCIL_VERB += r"(?:decides|requests|authori[sz]es|directs|mandates)"
_COUNCIL_VERB += r"(?:\s+(?:also|further))?\b[^;:\n]*:[^\S\n]*$"
_LIST_AGAIN = re.compile(r";[^\S\n]*" + _COUNCIL_VERB, re.I | re.M)
_NEW_LEAD = re.compile(r"[^\S\n]*" + _COUNCIL_VERB, re.I | re.M)


# "Elections", "Transfer of Responsibilities", "Gender, Sexual Violence": a section heading printed between
# numbered paragraphs belongs to none of them (a line ending in a comma goes on)
_HEADING = re.compile(r"[A-Z][^\d\n.;:]{0,90}(?<!,)")
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")


def _without_heading(text: str, start: int, stop: int) -> int:
    last = None
    for blank in _BLANK.finditer(text, start, stop):
        last = blank
    if last is None or not _HEADING.fullmatch(text, last.end(), stop):
        return stop
    return _rstrip(text, start, last.start())


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _footnotes(text: str, start: int) -> dict[str, Footnote]:
    """Footnotes of the printed edition, printed after the "Adopted ..." line."""
    notes: dict[str, Footnote] = {}
    for line_start, line_end in _lines(text, start, len(text)):
        match = _FOOTNOTE.match(text, line_start, line_end)
        if match:
            end = _rstrip(text, line_start, line_end)
            notes[match.group(1)] = Footnote(match.group(1), match.end(), end, text[match.end() : end])
        elif notes and text[line_start:line_end].strip():
            last = notes[next(reversed(notes))]
            end = _rstrip(text, line_start, line_end)
            notes[last.number] = Footnote(last.number, last.start, end, text[last.start : end])
    return notes
