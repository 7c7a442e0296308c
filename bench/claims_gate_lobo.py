"""Leave-one-batch-out figures of the claims draft gate (docs/claims.md, round 5): for each writer's batch
of dev, the learned back-off is trained on the other batches (the gate itself learns nothing), then the
batch is scored: claim F1, stance accuracy, and the rebuttal drafts with and without the gate. Only dev is
read. Needs scikit-learn (the `dev` extra); about eight minutes.

Run: .venv/bin/python bench/claims_gate_lobo.py [BATCH ...]
Batches: d r s u f g n f3 v f4 w f5 x f6 y f7 z1 z2 f8 f9 z3 z4 z5 f10 z6 z7 f11 z8 z9 f12 z10 z11 f13 f14
  f15 z12 z13 f16 z14 z15 z16 z17 z18 f17 z19 z20 f18 z21 z22
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import replace

import missiongate.claims.extract as extract
from missiongate.claims.dataset import Item, evaluate, load_split
from missiongate.claims.position import Verdict, check_claim
from missiongate.claims.train import train

BATCHES = (
    *("d", "r", "s", "u", "f", "g", "n", "f3", "v", "f4", "w", "f5", "x", "f6", "y", "f7", "z1", "z2"),
    *("f8", "f9", "z3", "z4", "z5", "f10", "z6", "z7", "f11", "z8", "z9"),
    *("f12", "z10", "z11", "f13", "f14", "f15", "z12", "z13", "f16", "z14", "z15", "z16", "z17", "z18"),
    *("f17", "z19", "z20", "f18", "z21", "z22", "f19"),
)


def batch(item_id: str) -> str:
    """The writer's batch of an item id; the round-1 items `d` and `t` are one batch."""
    found = re.match(r"(f1[0-9]|f[3-9]|z1[0-9]|z2[0-2]|z[1-9])-|[a-z]", item_id)  # "f10-": not f100-f109 of f
    name = found and (found.group(1) or found.group(0))
    return "d" if not name or name == "t" else name


def drafts(items: list[Item], gated: bool) -> tuple[int, int, int]:
    """(drafted, of them warranted, gold rebuttals) over the items, with or without the gate."""
    drafted = right = gold = 0
    for item in items:
        if item.record is None:
            continue
        claims = extract.extract_claims(item.text)
        if not gated:
            claims = [replace(c, review="") for c in claims]
        draft = any(check_claim(c, item.record).verdict is Verdict.CONTRADICTS for c in claims)
        drafted, right, gold = drafted + draft, right + (draft and item.rebuttal), gold + item.rebuttal
    return drafted, right, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("batches", nargs="*", metavar="BATCH", help=f"one of {' '.join(BATCHES)}; none: all")
    args = parser.parse_args()
    if unknown := set(args.batches) - set(BATCHES):
        parser.error(f"unknown batch {sorted(unknown)[0]!r}; the batches are {' '.join(BATCHES)}")
    dev = load_split("dev")
    for name in args.batches or BATCHES:
        held = [item for item in dev if batch(item.id) == name]
        model = train([item for item in dev if batch(item.id) != name])
        extract.load_backoff = lambda model=model: model  # type: ignore[assignment]
        report = evaluate(held, "dev")
        metrics = report.metrics()
        row = {"batch": name, "items": len(held), "claim_f1": metrics["claim_f1"]}
        row["tp_fp_fn"] = [report.tp, report.fp, report.fn]  # pooled over batches in docs/claims.md
        row["stance_accuracy"] = metrics["stance_accuracy"]
        for label, gated in (("without_gate", False), ("gate", True)):
            drafted, right, gold = drafts(held, gated)
            recall = round(right / (gold or 1), 3)
            row[label] = {"drafted": drafted, "wrong": drafted - right, "recall": recall}
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
