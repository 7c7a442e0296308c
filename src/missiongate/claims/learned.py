"""The learned back-off of the rules: a sentence-level claim detector and a stance classifier.

Both are logistic regressions over word 1-2-grams and character 3-5-grams of the sentence with every
country replaced by one token (so they learn wording, not names), trained from the dev set only by
`python -m missiongate.claims.train` and shipped as `claims_model.json`. Inference is pure Python (no
numpy or scikit-learn at run time). The extractor asks them about a sentence the rules found no claim
in; the claim they add is `qualified` (reported, never rebutted), so they raise recall on unseen wording
without ever drafting a rebuttal. Since round 11 the detector is also a second reader of the sentences the
rules found claims in: where it reads no claim, the rules' claims that would not be drafted are dropped
(`extract.DOUBT`), which raised claim precision held out batch by batch.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from missiongate.claims.model import Mention

MODEL_PATH = Path(__file__).with_name("claims_model.json")
_WORD = re.compile(r"\b\w\w+\b")
_COUNTRY = "ctry"


def masked(text: str, mentions: Sequence[Mention]) -> str:
    """`text` lower-cased with each country mention replaced by one placeholder word."""
    parts, last = [], 0
    for mention in mentions:
        parts += [text[last : mention.start], f" {_COUNTRY} "]
        last = mention.end
    parts.append(text[last:])
    return " ".join("".join(parts).lower().split())


def ngram_counts(text: str) -> Counter[str]:
    """Word 1-2-grams ("w:") and character 3-5-grams within padded words ("c:") of a masked text."""
    counts: Counter[str] = Counter()
    words = _WORD.findall(text)
    counts.update(f"w:{w}" for w in words)
    counts.update(f"w:{a} {b}" for a, b in itertools.pairwise(words))
    for word in text.split():
        padded = f" {word} "
        for n in range(3, 6):
            counts.update(f"c:{padded[i : i + n]}" for i in range(max(1, len(padded) - n + 1)))
    return counts


@dataclass(frozen=True, slots=True)
class Linear:
    """A (multinomial or binary) logistic regression: one weight row and bias per class."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per row
    bias: tuple[float, ...]

    def rows(self) -> list[dict[str, float]]:
        return [{f: w[row] for f, w in self.weights.items() if w[row]} for row in range(len(self.bias))]

    def scores(self, vector: dict[str, float]) -> list[float]:
        totals = list(self.bias)
        for feature, value in vector.items():
            for row, weight in enumerate(self.weights.get(feature, ())):
                totals[row] += weight * value
        return totals


@dataclass(frozen=True, slots=True)
class Backoff:
    idf: dict[str, float]
    detector: Linear  # one row: the log-odds that the sentence holds a claim
    stance: Linear
    threshold: float  # claim probability from which the back-off reports a claim

    def vector(self, text: str) -> dict[str, float]:
        """Sublinear tf-idf, L2-normalised, over the model's vocabulary."""
        raw = {f: (1 + math.log(n)) * self.idf[f] for f, n in ngram_counts(text).items() if f in self.idf}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        return {f: v / norm for f, v in raw.items()}

    def claim_probability(self, vector: dict[str, float]) -> float:
        return 1 / (1 + math.exp(-self.detector.scores(vector)[0]))

    def stance_of(self, vector: dict[str, float]) -> str:
        scores = self.stance.scores(vector)
        return self.stance.classes[scores.index(max(scores))]

    def to_dict(self) -> dict[str, Any]:
        """One row per n-gram: its idf, its detector weight, then one weight per stance."""
        rows = self.detector.rows() + self.stance.rows()
        return {
            "threshold": self.threshold,
            "stances": list(self.stance.classes),
            "bias": [*self.detector.bias, *self.stance.bias],
            "features": {f: [idf, *(row.get(f, 0.0) for row in rows)] for f, idf in self.idf.items()},
        }


def backoff_from_dict(data: dict[str, Any]) -> Backoff:
    table: dict[str, list[float]] = data["features"]
    stances = tuple(str(s) for s in data["stances"])
    bias = [float(b) for b in data["bias"]]
    idf = {f: float(row[0]) for f, row in table.items()}
    detector = Linear(("yes",), {f: (float(row[1]),) for f, row in table.items() if row[1]}, (bias[0],))
    weights = {f: tuple(float(w) for w in row[2:]) for f, row in table.items() if any(row[2:])}
    return Backoff(idf, detector, Linear(stances, weights, tuple(bias[1:])), float(data["threshold"]))


@cache
def load_backoff(path: Path = MODEL_PATH) -> Backoff | None:
    """The shipped model, or None (rules only) when the file is absent."""
    if not path.is_file():
        return None
    return backoff_from_dict(json.loads(path.read_text(encoding="utf-8")))
