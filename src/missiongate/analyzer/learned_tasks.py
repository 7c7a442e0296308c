"""The learned back-off of the task rules: which PEMA task codes an operative (sub-)paragraph gives.

One logistic regression per code over word 1-2-grams of the paragraph's own words and of the lead-ins
above it (with every name of an operation replaced by one token, so it learns wording, not missions), plus
what the rules already compute: the mood of the paragraph (a mandate to the operation or an encouragement),
its operative verbs and its activity verbs' modalities. Trained from dev material only by
`python -m missiongate.analyzer.train_tasks`; inference is pure Python. It runs only where `tasks_model.json`
is shipped, and none is: leave-one-group-out on dev showed no gain worth its cost (docs/analyzer.md, round
6), and on the constructed mandates it added mostly wrong codes (round 10). It is asked only about
paragraphs the rules judge to mandate the operation, and only adds codes.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from missiongate.analyzer.clauses import Mood, clauses, mood_of_lead, operations
from missiongate.analyzer.lexicon import ALLOWED_MODALITIES, ANCHORS, COMPILED, USUAL_MODALITY, find_cues
from missiongate.analyzer.model import Evidence, Finding, Paragraph, Structure

MODEL_PATH = Path(__file__).with_name("tasks_model.json")
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
_OPERATION_TOKEN = " opname "
_MOOD_ORDER: tuple[Mood, ...] = ("mandate", "encourage")


@dataclass(frozen=True, slots=True)
class Unit:
    """An operative paragraph or item as the classifier sees it."""

    paragraph: Paragraph
    mood: Mood
    own: str  # its own words, masked and lower-cased
    lead: str  # the lead-ins of the paragraphs above it, the same way
    verbs: tuple[str, ...]  # the operative verbs of its top-level paragraph
    cues: tuple[str, ...]  # the modalities of the activity verbs in its own words, in order
    lead_cues: tuple[str, ...]  # ... and in the lead-ins above it, nearest first
    # the codes whose lexicon phrase occurs in its own words / its lead-ins' (whether or not a rule fired):
    # empty unless the model was trained with them
    lexicon: tuple[str, ...] = ()
    lead_lexicon: tuple[str, ...] = ()


def units(structure: Structure, lexicon: bool = False) -> Iterator[Unit]:
    """Every operative paragraph and item, with what the rules know about it."""
    for paragraph in structure.operative:
        yield unit(structure, paragraph, mood_of(structure, paragraph), lexicon)


def unit(structure: Structure, paragraph: Paragraph, mood: Mood, lexicon: bool = False) -> Unit:
    chain = _ancestors(structure, paragraph)
    top = chain[-1] if chain else paragraph
    own, cues = _words(structure, paragraph)
    above = [_words(structure, p) for p in chain]
    return Unit(
        paragraph=paragraph,
        mood=mood,
        own=own,
        lead=" ".join(words for words, _ in reversed(above)),
        verbs=tuple(sorted({c.verb for c in clauses(structure, top) if c.verb})),
        cues=cues,
        lead_cues=tuple(cue for _, found in above for cue in found),
        lexicon=_lexicon(structure, paragraph) if lexicon else (),
        lead_lexicon=tuple(sorted({c for p in chain for c in _lexicon(structure, p)})) if lexicon else (),
    )


def _lexicon(structure: Structure, paragraph: Paragraph) -> tuple[str, ...]:
    """The codes whose task phrase (`lexicon.COMPILED`) occurs in a paragraph's own words; a phrase runs
    only where one of its code's anchors occurs, as in `tasks.py`."""
    memo: dict[str, tuple[str, ...]] = structure.memo.setdefault("learned_lexicon", {})
    if paragraph.id not in memo:
        start, end = paragraph.start, paragraph.lead_end
        lower = structure.lower[start:end]
        memo[paragraph.id] = tuple(
            code
            for code, anchors in ANCHORS.items()
            if any(a in lower for a in anchors) and COMPILED[code].search(structure, start, end)
        )
    return memo[paragraph.id]


def _words(structure: Structure, paragraph: Paragraph) -> tuple[str, tuple[str, ...]]:
    """A paragraph's own words (masked, lower-cased) and its activity cues; computed once, since every
    item below a lead-in reads it again."""
    memo: dict[str, tuple[str, tuple[str, ...]]] = structure.memo.setdefault("learned_words", {})
    if paragraph.id not in memo:
        text = structure.text[paragraph.start : paragraph.lead_end]
        masked = " ".join(operations(structure).sub(_OPERATION_TOKEN, text).lower().split())
        cues = tuple(c[2] for c in find_cues(structure, paragraph.start, paragraph.lead_end))
        memo[paragraph.id] = (masked, cues)
    return memo[paragraph.id]


def mood_of(structure: Structure, paragraph: Paragraph) -> Mood:
    """An item takes the mood of its paragraph's lead-in (as the rules do); a paragraph its strongest
    clause's."""
    chain = _ancestors(structure, paragraph)
    if paragraph.kind == "sub":
        return mood_of_lead(structure, chain[-1]) if chain else "none"
    moods = {c.mood for c in clauses(structure, paragraph)}
    return next((m for m in _MOOD_ORDER if m in moods), "none")


def _ancestors(structure: Structure, paragraph: Paragraph) -> list[Paragraph]:
    chain = []
    parent = structure.paragraph(paragraph.parent) if paragraph.parent else None
    while parent is not None:
        chain.append(parent)
        parent = structure.paragraph(parent.parent) if parent.parent else None
    return chain


def features(seen: Unit) -> set[str]:
    """Word 1-2-grams of the unit ("w:") and of its lead-ins ("l:"), its mood, verbs and activity cues."""
    return own_features(seen) | lead_features(seen.lead, seen.lead_lexicon)


def own_features(seen: Unit) -> set[str]:
    """The features that are not the lead-ins' words (no two units share them all)."""
    found = _grams("w", seen.own)
    found.add(f"m:{seen.mood}")
    found.update(f"v:{verb}" for verb in seen.verbs)
    found.update(f"c:{cue}" for cue in seen.cues)
    found.update(f"lc:{cue}" for cue in seen.lead_cues[:1])
    found.update(f"x:{code}" for code in seen.lexicon)
    return found


def lead_features(lead: str, lead_lexicon: tuple[str, ...]) -> set[str]:
    """The lead-ins' features: the same for every item below one lead-in."""
    found = _grams("l", lead)
    found.update(f"lx:{code}" for code in lead_lexicon)
    return found


def _grams(prefix: str, text: str) -> set[str]:
    words = _WORD.findall(text)
    found = {f"{prefix}:{w}" for w in words}
    found.update(f"{prefix}:{a} {b}" for a, b in itertools.pairwise(words))
    return found


Sums = tuple[int, int]  # how many of a unit's features the model knows; their weights, packed and added

# A feature's weights are packed as integer multiples of _QUANTUM (the trainer rounds them to 0.01, which
# this keeps exactly), each plus _OFFSET so that no field is negative, one 64-bit field per code: a sum of
# packed rows is the packed sum of weights as long as no field overflows, that is for up to 2**23 features
# of weight up to _MAX_WEIGHT (a unit has a few hundred).
_QUANTUM = 1e-9
_FIELD_BITS = 64
_OFFSET = 1 << 40
_MAX_WEIGHT = 1000.0  # |weight| / _QUANTUM < _OFFSET


def _pack(pairs: tuple[tuple[int, float], ...], codes: int) -> int:
    fields = [_OFFSET] * codes
    for index, weight in pairs:
        if not abs(weight) <= _MAX_WEIGHT:
            raise ValueError(f"a weight of {weight} is beyond the packing's +-{_MAX_WEIGHT}")
        fields[index] += round(weight / _QUANTUM)
    return int.from_bytes(struct.pack(f"<{codes}Q", *fields), "little")


def _unpack(total: int, codes: int) -> tuple[int, ...]:
    return struct.unpack(f"<{codes}Q", total.to_bytes(codes * _FIELD_BITS // 8, "little"))


@dataclass(frozen=True, slots=True)
class TaskModel:
    """One binary logistic regression per code over binary features, L2-normalised per unit."""

    codes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature -> (code index, weight), non-zero only
    threshold: float  # the probability from which a code is added
    lexicon: bool = False  # trained with the lexicon's codes as features (Unit.lexicon)
    # feature -> its weights for every code packed in one integer, a 64-bit field per code (see `_pack`):
    # adding the integers of a unit's features adds all its codes' weights at once, in C. The Python loop
    # over (code, weight) pairs it replaces was nearly all of the back-off's cost (docs/analyzer.md, round 10)
    packed: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        packed = {feature: _pack(pairs, len(self.codes)) for feature, pairs in self.weights.items()}
        object.__setattr__(self, "packed", packed)

    def probabilities(self, found: set[str]) -> dict[str, float]:
        return self.combine(self.sums(found))

    def sums(self, found: set[str]) -> Sums:
        """How many of `found` the model knows and their packed weights, added: a part of a unit (an item's
        lead-in), summed once for every item that shares it."""
        rows = [self.packed[f] for f in self.packed.keys() & found]
        return len(rows), sum(rows)

    def combine(self, *parts: Sums) -> dict[str, float]:
        """The probability of each code for a unit whose features are the parts' (disjoint) features."""
        known = sum(count for count, _ in parts)
        scale = 1 / math.sqrt(known) if known else 0.0
        fields = _unpack(sum(total for _, total in parts), len(self.codes))
        offset = known * _OFFSET
        weights = ((field - offset) * _QUANTUM for field in fields)
        logits = (bias + weight * scale for bias, weight in zip(self.bias, weights, strict=True))
        return {code: 1 / (1 + math.exp(-logit)) for code, logit in zip(self.codes, logits, strict=True)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "lexicon": self.lexicon,
            "codes": list(self.codes),
            "bias": list(self.bias),
            "weights": {f: [[i, w] for i, w in pairs] for f, pairs in sorted(self.weights.items())},
        }


def model_from_dict(data: dict[str, Any]) -> TaskModel:
    weights = {str(f): tuple((int(i), float(w)) for i, w in pairs) for f, pairs in data["weights"].items()}
    return TaskModel(
        tuple(str(c) for c in data["codes"]),
        tuple(float(b) for b in data["bias"]),
        weights,
        float(data["threshold"]),
        bool(data.get("lexicon", False)),
    )


@cache
def load_model(path: Path = MODEL_PATH) -> TaskModel | None:
    """The shipped model, or None (rules only) when the file is absent."""
    if not path.is_file():
        return None
    return model_from_dict(json.loads(path.read_text(encoding="utf-8")))


def backoff_tasks(
    structure: Structure,
    found: list[Finding],
    model: TaskModel,
    moods: frozenset[Mood] = frozenset({"mandate"}),
    only_empty: bool = False,
    new_only: bool = True,
) -> list[Finding]:
    """The codes the model gives a paragraph in one of `moods` (addressed to the operation) that the rules
    did not find there; `only_empty`: only where the rules found no code at all; `new_only`: only codes the
    rules found nowhere in the text (leave-one-group-out on dev, docs/analyzer.md, chose the defaults)."""
    ruled: dict[str | None, set[str]] = {}
    for finding in found:
        ruled.setdefault(finding.evidence.paragraph, set()).add(finding.value)
    anywhere = {f.value for f in found} if new_only else set()
    if anywhere.issuperset(model.codes):
        return []
    added: list[Finding] = []
    leads: dict[tuple[str, tuple[str, ...]], Sums] = {}  # the items of one lead-in share its features' sums
    for paragraph in structure.operative:
        there, mood = ruled.get(paragraph.id, set()), mood_of(structure, paragraph)
        if mood not in moods or (only_empty and there):
            continue
        seen = unit(structure, paragraph, mood, model.lexicon)
        key = (seen.lead, seen.lead_lexicon)
        if key not in leads:
            leads[key] = model.sums(lead_features(*key))
        probabilities = model.combine(model.sums(own_features(seen)), leads[key])
        for code, probability in probabilities.items():
            modality = _modality(seen, code) if probability >= model.threshold else None
            if modality is not None and code not in there and code not in anywhere:
                added.append(_finding(structure, seen, code, modality, probability))
    return added


def _modality(seen: Unit, code: str) -> str | None:
    """The nearest governing activity verb's modality (the item's own first, then its lead-ins'), else the
    code's usual one; a modality the codebook never gives the code becomes its usual one."""
    if seen.mood == "encourage":
        modality = "Encouraged"
    else:
        modality = next(iter(seen.cues + seen.lead_cues), USUAL_MODALITY.get(code, "Assist"))
    allowed = ALLOWED_MODALITIES.get(code)
    if allowed is None or modality in allowed:
        return modality
    return None if modality == "Encouraged" else USUAL_MODALITY.get(code, "Assist")


def _finding(structure: Structure, seen: Unit, code: str, modality: str, probability: float) -> Finding:
    paragraph = seen.paragraph
    end = paragraph.start + len(structure.text[paragraph.start : paragraph.lead_end].rstrip())
    return Finding(
        kind="task",
        value=code,
        rule=f"task.{code}.learned",
        confidence=round(min(probability, 0.7), 2),
        evidence=Evidence.from_span(structure.text, paragraph.start, end, paragraph.id),
        detail={"modality": modality, "clause_verb": None, "probability": round(probability, 3)},
    )
