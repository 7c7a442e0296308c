"""Leave-one-batch-out study of the per-country reader (docs/claims.md, round 14). Only dev is read. Needs
scikit-learn (the `dev` extra); about half an hour on the shared machine.

For each writer's batch the back-off is trained on the other batches and gives the batch's sentences their
claim probability (a reader feature, so every item gets one from a back-off that did not see it); then, for
each batch, the reader is trained on the other batches (with the rules' reading as features, "rules", and
without, "text") and the batch is extracted with each setting of the combination (`extract.READ_ADD`,
`READ_DROP`, `READ_STANCE`; "-" is off). One JSON line per batch and setting, then the pooled table.

Run: .venv/bin/python bench/claims_reader_lobo.py [--settings NAME,ADD,DROP,STANCE ...] [--batches B ...]
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
from missiongate.claims.train import Example, fit_reader, reader_examples, sentence_probabilities, train

Setting = tuple[str, float | None, float | None, float | None]  # reader, add, drop, stance
_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
SETTINGS: tuple[Setting, ...] = (
    ("rules", None, None, None),  # round 13: the reader unused
    *((reader, a, None, None) for reader in ("rules", "text") for a in _GRID),
    *((reader, None, b, None) for reader in ("rules", "text") for b in _GRID),
    *((reader, None, None, c) for reader in ("rules", "text") for c in _GRID[1:]),
)


def parse_setting(text: str) -> Setting:
    reader, *values = text.split(",")
    if reader not in ("rules", "text") or len(values) != 3:
        raise argparse.ArgumentTypeError(f"{text!r}: expected rules|text,ADD,DROP,STANCE (- for off)")
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
        readers = {kind: fit_reader(rest, with_rules=kind == "rules") for kind in ("rules", "text")}
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


def _name(setting: Setting) -> str:
    return ",".join(str(v) if v is not None else "-" for v in setting)


def _scored(held: Sequence[Item], setting: Setting, readers: dict[str, object]) -> Counter[str]:
    kind, extract.READ_ADD, extract.READ_DROP, extract.READ_STANCE = setting
    extract.load_reader = lambda: readers[kind]  # type: ignore[assignment,return-value]
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
