"""Leave-one-batch-out study of the per-country reader (docs/claims.md, round 14). Only dev is read. Needs
scikit-learn (the `dev` extra); about half an hour on the shared machine.

For each writer's batch the back-off is trained on the other batches and gives the batch's sentences their
claim probability (a reader feature, so every item gets one from a back-off that did not see it); then, for
each batch, the reader is trained on the other batches and the batch is extracted with each setting of the
combination (`extract.READ_ADD`, `READ_DROP`, `READ_STANCE`; "-" is off). Reader kinds: "rules" (the
rules' reading among the features), "textp" (not it, but the back-off's probability), "text" (neither,
the shipped kind); "KIND:C" sets the inverse L2 strength; "KIND+sum" adds a claim where the three stances
together reach the threshold (the shipped rule, `extract._added`, asks it of one stance alone); "+op",
"+actor", "+unlisted", "+joined" set `extract.READ_ADD_IF` (round 15). One JSON line per batch and
setting, then the pooled table. The default settings are round 14's study.

Run: .venv/bin/python bench/claims_reader_lobo.py [--settings KIND,ADD,DROP,STANCE ...] [--batches B ...]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence

import missiongate.claims.extract as extract
from claims_gate_lobo import BATCHES, batch
from missiongate.claims.dataset import Item, Report, evaluate, load_split
from missiongate.claims.extract import sentence_readings
from missiongate.claims.model import Stance
from missiongate.claims.reader import NONE, Reader
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
    known = _fitted(reader).partition(":")[0] in _EXCLUDED and _flags(reader) <= {"sum", *_FLAGS}
    if not known or len(values) != 3:
        raise argparse.ArgumentTypeError(f"{text!r}: expected KIND[:C],ADD,DROP,STANCE (- for off)")
    add, drop, stance = (None if v == "-" else float(v) for v in values)
    return reader, add, drop, stance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--settings", nargs="*", type=parse_setting, default=list(SETTINGS))
    parser.add_argument("--batches", nargs="*", default=list(BATCHES), choices=BATCHES, metavar="BATCH")
    args = parser.parse_args()
    dev = load_split("dev")
    readings = {item.id: sentence_readings(item.text) for item in dev}
    backoffs, examples = {}, {}
    for name in BATCHES:  # every item's back-off probability comes from a back-off that did not see it
        backoffs[name] = train([item for item in dev if batch(item.id) != name])
        for item in (item for item in dev if batch(item.id) == name):
            ps = sentence_probabilities(backoffs[name], readings[item.id])
            examples[item.id] = reader_examples(item, readings[item.id], ps)
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


def _fit(examples: list[Example], kind: str) -> Reader:
    """A reader of one kind: "rules", "textp" (no rule features), "text" (nor the back-off's
    probability), optionally with its C ("text:1.0")."""
    name, _, c = kind.partition(":")
    return fit_reader(examples, _EXCLUDED[name], float(c) if c else READER_C)


_FLAGS = {
    "op": "operation",
    "actor": "actor",
    "unlisted": "unlisted",
    "joined": "joined",
}  # extract.READ_ADD_IF


def _fitted(kind: str) -> str:
    """The reader a kind uses: "text+sum" and "text+op+actor" read with the "text" reader."""
    return kind.partition("+")[0]


def _flags(kind: str) -> set[str]:
    return set(kind.split("+")[1:])


_ADDED = extract._added


def _summed(probs: dict[str, float], threshold: float) -> Stance | None:
    """The variant "KIND+sum": a claim is added where some claim has probability >= the threshold."""
    return extract._best_stance(probs) if 1 - probs[NONE] >= threshold else None


def _name(setting: Setting) -> str:
    return ",".join(str(v) if v is not None else "-" for v in setting)


def _scored(held: Sequence[Item], setting: Setting, readers: dict[str, Reader]) -> Counter[str]:
    kind, extract.READ_ADD, extract.READ_DROP, extract.READ_STANCE = setting
    extract.load_reader = lambda: readers[_fitted(kind)]  # type: ignore[assignment]
    extract._added = _summed if "sum" in _flags(kind) else _ADDED
    extract.READ_ADD_IF = frozenset(_FLAGS[f] for f in _flags(kind) if f in _FLAGS)
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


if __name__ == "__main__":
    main()
