"""Value objects shared by the analyzer stages. Plain frozen dataclasses: cheap to build in bulk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

ParagraphKind = Literal["preamble", "operative", "sub", "section"]
CONTEXT_CHARS = 32  # prefix/suffix length of a TextQuoteSelector
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the resolution; `start`/`end` index the original text."""

    id: str  # PEMA style: "3", "3b", "3bi"; preamble "p2"; section lead-in "sB"
    kind: ParagraphKind
    start: int
    end: int
    lead_end: int  # end of the paragraph's own words, before its first sub-paragraph
    parent: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Footnote:
    number: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Structure:
    """A resolution split into its parts, all as offsets into `text`."""

    text: str
    symbol: str | None
    adopted: dt.date | None
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]  # top-level paragraphs and sub-paragraphs, in document order
    sections: tuple[
        Paragraph, ...
    ]  # lead-in clauses of lettered sections ("B  Acting under Chapter VII ...")
    footnotes: dict[str, Footnote]
    operative_start: int
    body_end: int
    memo: dict[str, Any] = field(
        default_factory=dict, compare=False, repr=False
    )  # derived data, computed once

    @cached_property
    def lower(self) -> str:
        """ASCII-lowercased text, same length as `text`: cheap substring pre-checks before regexes. Lowered
        as UTF-8 bytes, where A-Z never occur inside a multi-byte character: 20x faster than str.translate."""
        encoded = self.text.encode("utf-8", "surrogatepass")
        return encoded.translate(_ASCII_LOWER).decode("utf-8", "surrogatepass")

    def paragraph(self, paragraph_id: str) -> Paragraph:
        return self._index[paragraph_id]

    @cached_property
    def _index(self) -> dict[str, Paragraph]:
        return {p.id: p for p in (*self.preamble, *self.operative, *self.sections)}

    def slice(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]

    def lead(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.lead_end]

    def top_level(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.operative if p.kind == "operative")

    def children(self, paragraph_id: str) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.operative if p.parent == paragraph_id)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding is stated: exact offsets, the quote, and a W3C TextQuoteSelector."""

    paragraph: str | None
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str

    @classmethod
    def from_span(cls, text: str, start: int, end: int, paragraph: str | None) -> Evidence:
        return cls(
            paragraph=paragraph,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
        )

    def selector(self) -> dict[str, str]:
        return {
            "type": "TextQuoteSelector",
            "exact": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "selector": self.selector(),
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the text says, the rule that found it, and how sure the rule is."""

    kind: str  # e.g. "charter_basis", "use_of_force", "task"
    value: Any
    rule: str
    confidence: float
    evidence: Evidence
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
        return {
            "kind": self.kind,
            "value": value,
            "rule": self.rule,
            "confidence": self.confidence,
            "evidence": self.evidence.to_dict(),
            **({"detail": self.detail} if self.detail else {}),
        }
