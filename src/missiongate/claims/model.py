"""Claims about a country's participation in an operation, as found in text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Stance(StrEnum):
    AGREED = "agreed"  # agreed, consented, committed, pledged, will send
    CONSIDERING = "considering"  # received, studying, not yet decided, conditional
    DECLINED = "declined"  # refused, ruled out, will not, denied having agreed


@dataclass(frozen=True, slots=True)
class Mention:
    """A country named in text, by name, demonym or capital/metonym."""

    code: str
    start: int
    end: int
    kind: str  # name | demonym | capital


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement about one country's participation, with offsets into the source text.

    `text` is the sentence (source[start:end]); `quote` is the quoted words when the sentence carries a
    direct quotation, else the sentence itself.
    """

    text: str
    start: int
    end: int
    country: str
    stance: Stance
    speaker: str | None = None
    speaker_role: str | None = None
    mission: str | None = None
    mission_inferred: bool = False  # mission taken from earlier sentences of the same document
    quote: str = ""
    quote_start: int = 0
    quote_end: int = 0
    cue: str = ""  # the words that carry the stance
    hedged: bool = False  # "reportedly", "is said to have"
    conditional: bool = False
    # declined only a role or a risk ("no combat operations"), not taking part as such: a national caveat
    caveat: bool = False
    # the sentence also carries a condition, possibility, forecast, rumour, request or question: the claim
    # is reported but never rebutted (a rebuttal needs a firm assertion)
    qualified: bool = False
    # where the claim sends forces when that is no known operation ("to Mali", "UNISFA"): another operation
    destination: str | None = None
    source: str | None = None
    # why a claim that could contradict a record is not read unambiguously enough to draft a rebuttal
    # (`gate.py`): it is reported for an analyst to review. Empty: the reading is unambiguous.
    review: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["stance"] = str(self.stance)
        return data
