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
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from missiongate.claims import gate
from missiongate.claims.learned import Linear
from missiongate.claims.model import Claim, Mention

READER_PATH = Path(__file__).with_name("claims_reader.json")
NONE = "none"  # the class of a candidate that holds no claim in the sentence
# The rules' reading ("r:", "o:") and the back-off's probability ("p:") as features were measured
# leave-one-batch-out (bench/claims_reader_lobo.py); the shipped reader leaves them out (docs/claims.md).
LEFT_OUT = ("r:", "o:", "p:")
_WORD = re.compile(r"\b\w\w+\b")
_CANDIDATE, _OTHER = "cand", "ctry"
_NEAR, _WINDOW = 3, 8  # words marked with their position; words within the window, as a bag


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
) -> dict[str, float]:
    """Binary features of one candidate in one sentence (see the module docstring)."""
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
    return dict.fromkeys(sorted(features), 1.0)


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
            "bias": list(self.model.bias),
            "features": {f: list(w) for f, w in sorted(self.model.weights.items())},
        }


def reader_from_dict(data: dict[str, Any]) -> Reader:
    weights = {str(f): tuple(float(w) for w in row) for f, row in data["features"].items()}
    classes = tuple(str(c) for c in data["classes"])
    return Reader(Linear(classes, weights, tuple(float(b) for b in data["bias"])))


@cache
def load_reader(path: Path = READER_PATH) -> Reader | None:
    """The shipped reader, or None (the extractor runs without it) when the file is absent."""
    if not path.is_file():
        return None
    return reader_from_dict(json.loads(path.read_text(encoding="utf-8")))
