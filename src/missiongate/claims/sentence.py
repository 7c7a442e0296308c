"""What the extractor knows while it reads a sentence: frames, cues, the document's memory, the sentence
under analysis, and the spans a cue's subject is looked for within."""

from __future__ import annotations

from dataclasses import dataclass, field

from missiongate.claims import lexicon as lx
from missiongate.claims.missions import MissionRef
from missiongate.claims.model import Mention, Stance


@dataclass(frozen=True, slots=True)
class Frame:
    kind: str  # speech | denial | false | embedded
    np_start: int
    np_end: int
    scope_start: int
    scope_end: int
    np: str | None
    object_start: int = -1  # after the verb, before the scope: the addressee of "told"/"informed"


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    stance: Stance
    kind: str


@dataclass
class Context:
    """What earlier sentences of the same document tell about later ones."""

    registry: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name word -> countries
    last_speaker: tuple[str | None, str | None] = (None, None)
    last_mission: str | None = None
    last_countries: tuple[str, ...] = ()
    participation: bool = False  # an earlier sentence talked about troops or a mission
    # a reporter's yes/no question just asked: (countries, the stance a "yes" gives, operation)
    question: tuple[tuple[str, ...], Stance, str | None] | None = None


@dataclass
class Analysis:
    """One sentence under analysis: its text and everything found in it."""

    text: str
    offset: int
    mentions: list[Mention]
    suppressed: list[tuple[int, int]]
    frames: list[Frame]
    missions: list[MissionRef]
    turn_speaker: str | None
    participation: bool
    operation: bool  # an international operation is named or meant here or earlier in the document
    original: str  # the sentence as written; `text` drops the marks of short scare quotes
    index: list[int] | None  # position in `text` -> position in `original` (None: the same)


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


# --- which country ----------------------------------------------------------------------------------------


def clause_after(sent: Analysis, pos: int) -> int:
    match = lx.HARD_BOUNDARY.search(sent.text, pos)
    return match.start() if match else len(sent.text)


def window_start(sent: Analysis, pos: int, hard: bool) -> int:
    s = sent.text
    start = 0
    for match in lx.HARD_BOUNDARY.finditer(s, 0, pos):
        if not in_spans(match.start(), sent.suppressed):
            start = match.end()
    if hard:
        return start
    for match in lx.SOFT_BOUNDARY.finditer(s, start, pos):
        start = match.end()
    for frame in sent.frames:
        if frame.kind in ("speech", "denial") and start < frame.scope_start <= pos:
            start = frame.scope_start
    return start
