"""Leave-one-batch-out study of the per-country reader (docs/claims.md, round 14). Only dev is read. Needs
scikit-learn (the `dev` extra); about half an hour on the shared machine.

For each writer's batch the back-off is trained on the other batches and gives the batch's sentences their
claim probability (a reader feature, so every item gets one from a back-off that did not see it); then, for
each batch, the reader is trained on the other batches and the batch is extracted with each setting of the
combination (ADD is `extract.READ_ADD`; DROP and STANCE, which the product does not ship, are this
study's own `_study_reread`; "-" is off). Reader kinds: "rules" (the
rules' reading among the features), "textp" (not it, but the back-off's probability), "text" (neither,
the shipped kind); "KIND-LETTERS" adds round 16's feature groups to a kind ("text-ab": a operation words,
b the cue's side, c the item's other sentences, d the candidate's clause; `reader.GROUPS`); "KIND:C" sets
the inverse L2 strength; "KIND+sum" adds a claim where the three stances
together reach the threshold (the shipped rule, `extract._added`, asks it of one stance alone); "+op",
"+actor", "+unlisted", "+joined" are round 15's conditions on the added claims (`ADD_IF`); "+nearM" (round
16) gives an added claim the stance of the rules' cue nearest to the country where the reader's two likeliest
stances are within M of each other (`CLOSE`). One JSON line
per batch and setting, then the pooled table. The default settings are round 14's study.

Every group's features are computed for every candidate; a reader without a group is trained without its
features, which reads the same as one that never computed them. Back-offs are trained only for the held
batches when no setting reads the back-off's probability ("rules", "textp").

Run: .venv/bin/python bench/claims_reader_lobo.py [--settings KIND,ADD,DROP,STANCE ...] [--batches B ...]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import missiongate.claims.extract as extract
from claims_gate_lobo import BATCHES, batch
from missiongate.claims import reader as rd
from missiongate.claims.dataset import Item, Report, evaluate, load_split
from missiongate.claims.extract import Reading, sentence_readings
from missiongate.claims.model import Claim, Mention, Stance
from missiongate.claims.reader import NONE, Reader
from missiongate.claims.sentence import Analysis, Context, Cue, in_spans
from missiongate.claims.subjects import is_host
from missiongate.claims.train import (
    READER_C,
    Example,
    fit_reader,
    reader_examples,
    sentence_probabilities,
    train,
)

Setting = tuple[str, float | None, float | None, float | None]  # reader, add, drop, stance
_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
SETTINGS: tuple[Setting, ...] = (
    ("text", None, None, None),  # round 13: the reader unused
    *((kind, a, None, None) for kind in ("rules+sum", "text+sum", "textp+sum") for a in _GRID),
    *(("text+sum", a, None, None) for a in (0.65, 0.75)),
    *((f"text:{c}+sum", a, None, None) for c, a in ((0.25, 0.6), (0.25, 0.7), (1.0, 0.7), (1.0, 0.8))),
    *(("text", a, None, None) for a in (0.4, 0.5, 0.6, 0.7)),
    *((kind, None, b, None) for kind in ("rules", "text") for b in _GRID),
    *((kind, None, None, c) for kind in ("rules", "text") for c in _GRID[1:]),
)


def parse_setting(text: str) -> Setting:
    reader, *values = text.split(",")
    name, _, letters = _fitted(reader).partition(":")[0].partition("-")
    flags = {f for f in _flags(reader) if _margin(f) is None}
    known = name in _EXCLUDED and set(letters) <= set(_LETTERS) and flags <= {"sum", *_FLAGS}
    if not known or len(values) != 3:
        raise argparse.ArgumentTypeError(f"{text!r}: expected KIND[:C],ADD,DROP,STANCE (- for off)")
    add, drop, stance = (None if v == "-" else float(v) for v in values)
    return reader, add, drop, stance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--settings", nargs="*", type=parse_setting, default=list(SETTINGS))
    parser.add_argument("--batches", nargs="*", default=list(BATCHES), choices=BATCHES, metavar="BATCH")
    args = parser.parse_args()
    rd.GROUPS = frozenset(rd.GROUP_PREFIXES)  # every group computed; each reader keeps its own (`_fit`)
    dev = load_split("dev")
    readings = {item.id: sentence_readings(item.text) for item in dev}
    backoffs, examples = {}, {}
    with_p = any(_fitted(s[0]).partition("-")[0].partition(":")[0] != "text" for s in args.settings)
    for name in BATCHES if with_p else args.batches:  # every item's back-off probability: from one without it
        backoffs[name] = train([item for item in dev if batch(item.id) != name])
    for item in dev:
        name, read = batch(item.id), readings[item.id]
        ps = sentence_probabilities(backoffs[name], read) if with_p else [None] * len(read)
        examples[item.id] = reader_examples(item, read, ps)
    pooled: dict[Setting, Counter[str]] = {s: Counter() for s in args.settings}
    for name in args.batches:
        held = [item for item in dev if batch(item.id) == name]
        rest: list[Example] = [e for item in dev if batch(item.id) != name for e in examples[item.id]]
        readers = {kind: _fit(rest, kind) for kind in dict.fromkeys(_fitted(s[0]) for s in args.settings)}
        extract.load_backoff = lambda name=name: backoffs[name]  # type: ignore[assignment]
        for setting in args.settings:
            counts = _scored(held, setting, readers)
            pooled[setting] += counts
            print(json.dumps({"batch": name, "setting": _name(setting), **counts}), flush=True)
    print("| reader | add | drop | stance | claim P | claim R | claim F1 | stance | drafted | wrong |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for setting, c in pooled.items():
        p, r = c["tp"] / max(1, c["tp"] + c["fp"]), c["tp"] / max(1, c["tp"] + c["fn"])
        f1, stance = 2 * p * r / ((p + r) or 1), c["stance_ok"] / max(1, c["tp"])
        cells = [*_name(setting).split(","), f"{p:.4f}", f"{r:.4f}", f"{f1:.4f}", f"{stance:.4f}"]
        print("| " + " | ".join([*cells, str(c["drafted"]), str(c["wrong"])]) + " |")


_EXCLUDED = {"rules": (), "textp": ("r:", "o:"), "text": ("r:", "o:", "p:")}


# round 16's feature groups by the letters of the brief
_LETTERS = {"a": "operation", "b": "cue", "c": "elsewhere", "d": "clause"}


def _fit(examples: list[Example], kind: str) -> Reader:
    """A reader of one kind: "rules", "textp" (no rule features), "text" (nor the back-off's
    probability), with the feature groups of its letters ("text-ab") and optionally its C ("text:1.0")."""
    name, _, c = kind.partition(":")
    base, _, letters = name.partition("-")
    off = tuple(rd.GROUP_PREFIXES[group] for letter, group in _LETTERS.items() if letter not in letters)
    return fit_reader(examples, _EXCLUDED[base] + off, float(c) if c else READER_C)


_FLAGS = {
    "op": "operation",
    "actor": "actor",
    "unlisted": "unlisted",
    "joined": "joined",
}  # ADD_IF


def _fitted(kind: str) -> str:
    """The reader a kind uses: "text+sum" and "text+op+actor" read with the "text" reader."""
    return kind.partition("+")[0]


def _flags(kind: str) -> set[str]:
    return set(kind.split("+")[1:])


def _margin(flag: str) -> float | None:
    """The margin of a "+nearM" flag, else None."""
    found = re.fullmatch(r"near(0\.\d+)", flag)
    return float(found.group(1)) if found else None


_ADDED = extract._added


def _summed(probs: dict[str, float], threshold: float) -> Stance | None:
    """The variant "KIND+sum": a claim is added where some claim has probability >= the threshold."""
    return extract._best_stance(probs) if 1 - probs[NONE] >= threshold else None


def _name(setting: Setting) -> str:
    return ",".join(str(v) if v is not None else "-" for v in setting)


def _scored(held: Sequence[Item], setting: Setting, readers: dict[str, Reader]) -> Counter[str]:
    global READER, DROP, STANCE, ADD_IF, CLOSE
    kind, extract.READ_ADD, DROP, STANCE = setting
    CLOSE = next((m for m in map(_margin, _flags(kind)) if m is not None), None)
    READER = readers[_fitted(kind)]
    extract._added = _summed if "sum" in _flags(kind) else _ADDED
    extract._reread = _study_reread
    ADD_IF = frozenset(_FLAGS[f] for f in _flags(kind) if f in _FLAGS)
    report: Report = evaluate(list(held), "dev")
    drafted = report.rebuttal_tp + report.rebuttal_fp
    return Counter(
        tp=report.tp,
        fp=report.fp,
        fn=report.fn,
        stance_ok=report.stance_ok,
        drafted=drafted,
        wrong=report.rebuttal_fp,
    )


# --- the parts the product does not ship: (b) drop, (c) stance, round 15's conditions on added claims -----

READER: Reader | None = None  # the reader of the setting being scored
DROP: float | None = None  # (b) a claim the reader reads as none (p >= DROP) is dropped
STANCE: float | None = None  # (c) the reader's stance replaces the claim's where p >= STANCE
# "operation" (an operation in sight, as the back-off asks), "actor" (some mention is not suppressed, a host
# or a speaker's phrase), "unlisted" (not named only in a run of three or more countries); "joined" gives an
# added country joined to one the rules read ("Mongolia and Fiji will send") the rules' stance
ADD_IF: frozenset[str] = frozenset()
# round 16: where the reader's two likeliest stances of an added claim are within CLOSE, the claim takes the
# stance of the rules' cue nearest to the country (None: off)
CLOSE: float | None = None
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)\s*")


def _study_reread(
    reading: Reading, base: list[Claim], p: float | None, ctx: Context, source: str | None
) -> list[Claim]:
    """`extract._reread` with the study's parts: (b) and (c) over the claims so far (never one the gate
    would draft; a changed claim is `qualified`), then (a) the additions under `ADD_IF`."""
    reader, sent, rules = READER, reading.sent, reading.rules
    if reader is None or sent is None or extract.READ_ADD is DROP is STANCE is None:
        return base
    kept: list[Claim] = []
    for claim in base:
        if extract._firm(claim) or DROP is STANCE is None:
            kept.append(claim)
            continue
        probs = reader.probabilities(extract._pair(reading, claim.country, p))
        if DROP is None or probs[NONE] < DROP:
            kept.append(_restanced(claim, probs))
    if extract.READ_ADD is None:
        return kept
    read = {c.country for c in rules} | {c.country for c in base}
    for code, mention in extract.first_mentions(sent).items():
        if code in read or not _addable(sent, code):
            continue
        probs = reader.probabilities(extract._pair(reading, code, p))
        if (stance := extract._added(probs, extract.READ_ADD)) is not None:
            stance = (
                _joined_stance(sent, code, rules)
                or _cue_stance(sent, code, reading.around.cues, probs)
                or stance
            )
            kept.append(extract._unruled(sent, mention, stance, ctx, source))
    return kept


def _restanced(claim: Claim, probs: dict[str, float]) -> Claim:
    stance = extract._best_stance(probs)
    if STANCE is None or stance is claim.stance or probs[stance] < STANCE:
        return claim
    return replace(claim, stance=stance, qualified=True)


def _addable(sent: Analysis, code: str) -> bool:
    """The conditions of `ADD_IF` on a candidate of the reader."""
    if "operation" in ADD_IF and not sent.operation:
        return False
    mentions = [m for m in sent.mentions if m.code == code]
    if "actor" in ADD_IF and not any(_actor(sent, m) for m in mentions):
        return False
    return "unlisted" not in ADD_IF or not all(_listed(sent, m) for m in mentions)


def _actor(sent: Analysis, mention: Mention) -> bool:
    """As the back-off asks of its country: not suppressed, not a host, not in a speaker's phrase."""
    return not (
        in_spans(mention.start, sent.suppressed)
        or is_host(sent, mention)
        or any(f.np_start <= mention.start < f.np_end for f in sent.frames)
    )


def _listed(sent: Analysis, mention: Mention) -> bool:
    """The mention is one of a run of three or more countries joined by commas, "and" or "or"."""
    ms = sorted(sent.mentions, key=lambda m: m.start)
    joined = [bool(_LIST_GAP.fullmatch(sent.text[a.end : b.start])) for a, b in itertools.pairwise(ms)]
    start = end = ms.index(mention)
    while start > 0 and joined[start - 1]:
        start -= 1
    while end < len(joined) and joined[end]:
        end += 1
    return end - start >= 2


def _cue_stance(sent: Analysis, code: str, cues: Sequence[Cue], probs: dict[str, float]) -> Stance | None:
    """With `CLOSE` set and the reader's two likeliest stances within it: the stance of the cue nearest to one
    of the country's mentions (the nearest in text order on a tie)."""
    top, second = sorted((v for c, v in probs.items() if c != NONE), reverse=True)[:2]
    if CLOSE is None or top - second > CLOSE or not cues:
        return None
    own = [m for m in sent.mentions if m.code == code]
    gaps = [(max(c.start - m.end, m.start - c.end, 0), c.start, c.stance) for m in own for c in cues]
    return min(gaps)[2] if gaps else None


def _joined_stance(sent: Analysis, code: str, rules: list[Claim]) -> Stance | None:
    """With "joined" in `ADD_IF`: the stance of the rules' claim for a country `code` is joined to."""
    if "joined" not in ADD_IF:
        return None
    stances = {c.country: c.stance for c in rules}
    ms = sorted(sent.mentions, key=lambda m: m.start)
    for a, b in itertools.pairwise(ms):
        if code in {a.code, b.code} and _LIST_GAP.fullmatch(sent.text[a.end : b.start]):
            other = b.code if a.code == code else a.code
            if other in stances:
                return stances[other]
    return None


if __name__ == "__main__":
    main()
