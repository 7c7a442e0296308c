"""Round 14: a learned reader per (sentence, candidate country).

The back-off (`learned.py`) reads a sentence with every country masked alike, so it cannot tell which of
two countries holds the claim. This reader reads the sentence once per candidate (the countries the
gazetteer finds and those the rules read a claim for), with the candidate's mentions replaced by one word
and every other country by another, and gives the probability of each reading: no claim, agreed,
considering or declined. Its features are the masked sentence's word 1-3-grams, the words next to the
candidate (position-marked) and the mention's kind; the rules' reading of the sentence (the claim for the
candidate, its stance, whether it is qualified or could be drafted, the claims for other countries) and the
back-off's probability are features too, for the leave-one-batch-out study, but the shipped reader leaves
them out (`LEFT_OUT`): the rules were written from the dev items it learns from. A multinomial logistic
regression trained from dev only (`train.py`, scikit-learn) and shipped as `claims_reader.json`; inference
is pure Python. How the extractor uses it: `extract._reread`.

Round 16 adds feature groups, each switched on by its name in `GROUPS` (the shipped file records the groups
its reader was trained with): "operation", the operation words near the candidate (the mission lexicon's
names and generic words such as troops or contingent) by side and distance; "cue", where the candidate
stands against the nearest stance cue of the rules' lexicon (before or after it, that cue's stance, the same
clause or not, another country between them); "elsewhere", the words of the item's other sentences (two each
side at most) that name the candidate; "clause", the words of the candidate's own clause.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from missiongate.claims import gate
from missiongate.claims.learned import Linear
from missiongate.claims.model import Claim, Mention
from missiongate.claims.sentence import Cue

READER_PATH = Path(__file__).with_name("claims_reader.json")
NONE = "none"  # the class of a candidate that holds no claim in the sentence
# The rules' reading ("r:", "o:") and the back-off's probability ("p:") as features were measured
# leave-one-batch-out (bench/claims_reader_lobo.py); the shipped reader leaves them out (docs/claims.md).
LEFT_OUT = ("r:", "o:", "p:")
_WORD = re.compile(r"\b\w\w+\b")
_CANDIDATE, _OTHER = "cand", "ctry"
_NEAR, _WINDOW = 3, 8  # words marked with their position; words within the window, as a bag
# Round 16's feature groups and the prefix of each group's features; the shipped reader's groups
# (chosen by leave-one-batch-out, docs/claims.md). The study (bench/claims_reader_lobo.py) switches them on.
GROUP_PREFIXES = {"operation": "m:", "cue": "c:", "elsewhere": "x:", "clause": "q:"}
GROUPS: frozenset[str] = frozenset()
NEARBY = 2  # "elsewhere" reads the item's sentences up to this many before and after the candidate's
_OPERATION_WORD = re.compile(
    r"missions?|operations?|forces?|peacekeep\w*|troops|soldiers|contingents?|battalions?|companies|company"
    r"|personnel|police|officers|engineers|medics|helmets|deploy\w*|coalition"
)
# a clause ends at ; or : and before ", which", ", while", ", but", ", and"
_CLAUSE_END = re.compile(r"[;:]|,\s*(?=(?:which|while|but|and)\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Around:
    """What the feature groups read beyond the sentence's words: the spans of the operations the mission
    lexicon names, the rules' stance cues, and the item's sentences near this one with their mentions."""

    operations: tuple[tuple[int, int], ...] = ()
    cues: tuple[Cue, ...] = ()
    nearby: tuple[tuple[str, tuple[Mention, ...]], ...] = ()


def pair_text(text: str, mentions: Sequence[Mention], code: str) -> list[str]:
    """The sentence's words, lower-cased, with `code`'s mentions one word and every other country another."""
    parts, last = [], 0
    for mention in mentions:
        parts += [text[last : mention.start], f" {_CANDIDATE if mention.code == code else _OTHER} "]
        last = mention.end
    parts.append(text[last:])
    return _WORD.findall("".join(parts).lower())


def pair_features(
    text: str,
    mentions: Sequence[Mention],
    code: str,
    rules: Sequence[Claim],
    p: float | None,
    operation: bool,
    around: Around = Around(),
) -> dict[str, float]:
    """Binary features of one candidate in one sentence (see the module docstring); the groups of
    `GROUPS` read `around`."""
    words = pair_text(text, mentions, code)
    features = {f"w:{w}" for w in words}
    features |= {f"w:{a} {b}" for a, b in itertools.pairwise(words)}
    features |= {f"w:{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    for at in (i for i, w in enumerate(words) if w == _CANDIDATE):
        for step in range(1, _WINDOW + 1):
            for side, i in (("l", at - step), ("r", at + step)):
                if 0 <= i < len(words):
                    features.add(f"{side}{step}:{words[i]}" if step <= _NEAR else f"{side}w:{words[i]}")
    kinds = {m.kind for m in mentions if m.code == code}
    features |= {f"k:{kind}" for kind in kinds} or {"k:none"}
    features |= _rule_features(code, rules, p)
    if operation:  # the rules' lexicon sees an operation here or earlier in the document
        features.add("r:operation")
    own = [m for m in mentions if m.code == code]
    if "operation" in GROUPS:
        features |= _operation_features(text, mentions, code, words, around.operations)
    if "cue" in GROUPS:
        features |= _cue_features(text, mentions, own, around.cues)
    if "elsewhere" in GROUPS:
        features |= _elsewhere_features(code, around.nearby)
    if "clause" in GROUPS:
        features |= _clause_features(text, mentions, code, own)
    return dict.fromkeys(sorted(features), 1.0)


def _operation_features(
    text: str, mentions: Sequence[Mention], code: str, words: list[str], named: Sequence[tuple[int, int]]
) -> set[str]:
    """Operation words by side and distance from the candidate: near (1-3 words), in the window (4-8),
    farther ("m:far"), none in the sentence ("m:none"); the candidate inside an operation's name
    ("m:inside": its host)."""
    ops = [(i, i, w.rstrip("s")) for i, w in enumerate(words) if _OPERATION_WORD.fullmatch(w)]
    for start, end in named:
        before = [m for m in mentions if m.end <= start]
        first = len(pair_text(text[:start], before, code))
        last = len(pair_text(text[:end], [m for m in mentions if m.end <= end], code)) - 1
        ops.append((first, max(first, last), "named"))
    if not ops:
        return {"m:none"}
    features: set[str] = set()
    if any(s <= m.start < e for s, e in named for m in mentions if m.code == code):
        features.add("m:inside")
    for at in (i for i, w in enumerate(words) if w == _CANDIDATE):
        for first, last, kind in ops:
            side, gap = ("r", first - at) if first > at else ("l", at - last)
            if 0 < gap <= _WINDOW:
                bucket = "n" if gap <= _NEAR else "w"
                features |= {f"m:{side}{bucket}:{kind}", f"m:{side}{bucket}"}
    return features or {"m:far"}


def _clause_of(text: str, at: int) -> int:
    return sum(1 for _ in _CLAUSE_END.finditer(text, 0, at))


def _cue_features(
    text: str, mentions: Sequence[Mention], own: Sequence[Mention], cues: Sequence[Cue]
) -> set[str]:
    """Where the candidate stands against the nearest cue: before it ("pre", the subject's side), after it
    or inside it; the cue's stance; the same clause or not; another country between them. And whether the
    candidate is the first country of its clause."""
    features: set[str] = set()
    for mention in own:
        clause = _clause_of(text, mention.start)
        firsts = [m for m in mentions if _clause_of(text, m.start) == clause]
        if firsts and firsts[0].start == mention.start:
            features.add("c:first")
    if not cues or not own:
        return features | {"c:none"}
    gap, mention, cue = min(
        ((max(c.start - m.end, m.start - c.end, 0), m, c) for m in own for c in cues),
        key=lambda t: (t[0], t[1].start, t[2].start),
    )
    side = "pre" if mention.end <= cue.start else "post" if mention.start >= cue.end else "in"
    where = "same" if _clause_of(text, mention.start) == _clause_of(text, cue.start) else "other"
    low, high = sorted((mention.end, cue.start) if side == "pre" else (cue.end, mention.start))
    between = any(low <= m.start < high and m.code != mention.code for m in mentions)
    features |= {
        f"c:{side}",
        f"c:{side}:{cue.stance}",
        f"c:{side}:{where}",
        f"c:{side}:{cue.stance}:{where}",
    }
    if between:
        features |= {"c:between", f"c:{side}:between"}
    if gap <= 20:
        features.add(f"c:{side}:close")
    return features


def _elsewhere_features(code: str, nearby: Sequence[tuple[str, Sequence[Mention]]]) -> set[str]:
    """The words of the nearby sentences that name the candidate, and whether any does."""
    if not nearby:
        return {"x:single"}
    naming = [(text, mentions) for text, mentions in nearby if any(m.code == code for m in mentions)]
    if not naming:
        return {"x:unnamed"}
    return {"x:named"} | {f"x:{w}" for text, mentions in naming for w in pair_text(text, mentions, code)}


def _clause_features(text: str, mentions: Sequence[Mention], code: str, own: Sequence[Mention]) -> set[str]:
    """The words and word pairs of the clauses that name the candidate, masked as in `pair_text`."""
    bounds = [0, *(m.start() for m in _CLAUSE_END.finditer(text)), len(text)]
    features: set[str] = set()
    for start, end in itertools.pairwise(bounds):
        if not any(start <= m.start < end for m in own):
            continue
        inside = [
            replace(m, start=m.start - start, end=m.end - start) for m in mentions if start <= m.start < end
        ]
        words = pair_text(text[start:end], inside, code)
        features |= {f"q:{w}" for w in words} | {f"q:{a} {b}" for a, b in itertools.pairwise(words)}
    return features


def _rule_features(code: str, rules: Sequence[Claim], p: float | None) -> set[str]:
    own = next((c for c in rules if c.country == code), None)
    features = {f"o:{c.stance}" for c in rules if c.country != code}
    if own is None:
        features.add("r:none")
    else:
        features.add(f"r:{own.stance}")
        features |= {f"r:{flag}" for flag in ("qualified", "hedged", "caveat") if getattr(own, flag)}
        features.add("r:draft" if gate.could_draft(own) and not own.review else "r:nodraft")
        features.add("r:learned" if not own.cue else "r:cue")
    if p is not None:
        features.add(f"p:{min(int(p * 5), 4)}")
    return features


@dataclass(frozen=True, slots=True)
class Reader:
    model: Linear  # one row per class: none, agreed, considering, declined
    groups: frozenset[str] = field(default_factory=frozenset)  # the feature groups it was trained with

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        scores = self.model.scores(features)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.model.classes, exps, strict=True)}

    def to_dict(self) -> dict[str, Any]:
        """One row per feature: one weight per class."""
        return {
            "classes": list(self.model.classes),
            "groups": sorted(self.groups),
            "bias": list(self.model.bias),
            "features": {f: list(w) for f, w in sorted(self.model.weights.items())},
        }


def reader_from_dict(data: dict[str, Any]) -> Reader:
    weights = {str(f): tuple(float(w) for w in row) for f, row in data["features"].items()}
    classes = tuple(str(c) for c in data["classes"])
    groups = frozenset(str(g) for g in data.get("groups", ()))
    return Reader(Linear(classes, weights, tuple(float(b) for b in data["bias"])), groups)


@cache
def load_reader(path: Path = READER_PATH) -> Reader | None:
    """The shipped reader, or None (the extractor runs without it) when the file is absent."""
    if not path.is_file():
        return None
    return reader_from_dict(json.loads(path.read_text(encoding="utf-8")))
