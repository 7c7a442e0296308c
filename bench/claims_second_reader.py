"""Leave-one-batch-out study of a second, learned reader used as a check on the rules (docs/claims.md,
round 11). Only dev is read. Needs scikit-learn (the `dev` extra).

Stage 1 (`cache`, about five minutes): for each writer's batch, the back-off is trained on the other
batches and the batch is extracted once; every claim is kept with the back-off's sentence-level claim
probability and stance probabilities.
Stage 2 (`sweep`, a minute or two): for each batch, the second readers are trained on the other batches and
the thresholds are swept over the cached claims:
  (a) draft veto: a draft is held back when the reader's probability of a rebuttal is below t, for the
      gated and the ungated rules (the gate's `review` cleared);
  (b) stance arbitration: a rule claim's stance is replaced where the reader is confident (p >= s) and
      disagrees;
  (c) claim precision: a rule claim is dropped where the reader's claim probability is below u.
The "pair" reader reads a sentence with the claim's country masked apart from the others (classes none,
agreed, considering, declined); the "sentence" reader is the back-off itself (all countries masked alike);
the "veto" reader is a rebuttal classifier over items with a record, its n-grams crossed with what the
record denies.

Run: .venv/bin/python bench/claims_second_reader.py cache|sweep [--cache PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

import missiongate.claims.extract as extract
from claims_gate_lobo import BATCHES, batch
from missiongate.claims.dataset import Gold, Item, Report, _score_item, load_split
from missiongate.claims.gazetteer import find_countries
from missiongate.claims.learned import masked, ngram_counts
from missiongate.claims.model import Claim, Stance
from missiongate.claims.position import PositionStance, Verdict, check_claim
from missiongate.claims.train import train

CACHE = Path(tempfile.gettempdir()) / "claims_second_reader.pkl"
NONE = "none"


@dataclass
class Read:
    """One claim of the rules (or the back-off) with the back-off's view of its sentence."""

    claim: Claim
    p_sentence: float  # the back-off's probability that the sentence holds a claim
    stances: dict[str, float]  # the back-off's stance probabilities for the sentence


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    return [e / sum(exps) for e in exps]


def build_cache(dev: list[Item]) -> dict[str, list[Read]]:
    reads: dict[str, list[Read]] = {}
    for name in BATCHES:
        held = [item for item in dev if batch(item.id) == name]
        model = train([item for item in dev if batch(item.id) != name])
        extract.load_backoff = lambda model=model: model  # type: ignore[assignment]
        for item in held:
            reads[item.id] = []
            for claim in extract.extract_claims(item.text):
                vector = model.vector(masked(claim.text, find_countries(claim.text)))
                probs = softmax(model.stance.scores(vector))
                stances = dict(zip(model.stance.classes, probs, strict=True))
                reads[item.id].append(Read(claim, model.claim_probability(vector), stances))
        print(f"cached {name}: {len(held)} items", flush=True)
    return reads


# --- the readers -------------------------------------------------------------------------------------------


def target_masked(text: str, code: str) -> str:
    """`masked` with the target country as "tctry" and every other one as "ctry"."""
    parts, last = [], 0
    for mention in find_countries(text):
        parts += [text[last : mention.start], " tctry " if mention.code == code else " ctry "]
        last = mention.end
    parts.append(text[last:])
    return " ".join("".join(parts).lower().split())


def features(text: str) -> list[str]:
    return [f for f, n in ngram_counts(text).items() for _ in range(n)]


def fit(docs: list[list[str]], labels: list[str]) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True, min_df=2)
    matrix = vectorizer.fit_transform(docs)
    return vectorizer, LogisticRegression(C=4.0, max_iter=3000).fit(matrix, labels)


def predictor(docs: list[list[str]], labels: list[str]) -> Callable[[list[str]], dict[str, float]]:
    vectorizer, model = fit(docs, labels)

    def predict(doc: list[str]) -> dict[str, float]:
        probs = model.predict_proba(vectorizer.transform([doc]))[0]
        return {str(c): float(p) for c, p in zip(model.classes_, probs, strict=True)}

    return predict


def pair_examples(item: Item) -> list[tuple[list[str], str]]:
    """One example per country named in an item: its gold stance, or none."""
    gold = {g.country: g.stance for g in item.claims}
    codes = dict.fromkeys(m.code for m in find_countries(item.text))
    return [(features(target_masked(item.text, code)), gold.get(code, NONE)) for code in codes]


def examples(
    items: Iterable[Item], of: dict[str, list[tuple[list[str], str]]]
) -> tuple[list[list[str]], list[str]]:
    pairs = [pair for item in items for pair in of[item.id]]
    return [doc for doc, _ in pairs], [label for _, label in pairs]


def _denies(stance: PositionStance) -> str:
    return "refusal" if stance is PositionStance.CONSENT_GIVEN else "participation"


def veto_doc(text: str, item: Item) -> list[str]:
    assert item.record is not None
    group = _denies(item.record.stance)
    return [f"{group}|{f}" for f in features(target_masked(text, item.record.country))] + [f"group:{group}"]


# --- scoring ----------------------------------------------------------------------------------------------


def drafted(claims: list[Claim], item: Item) -> list[Claim]:
    if item.record is None:
        return []
    return [c for c in claims if check_claim(c, item.record).verdict is Verdict.CONTRADICTS]


def score(items: list[Item], claims_of: Callable[[Item], list[Claim]]) -> dict[str, Any]:
    report = Report("dev", items=len(items))
    for item in items:
        claims = claims_of(item)
        predicted = [Gold(c.country, c.stance, c.speaker, c.mission) for c in claims]
        _score_item(report, item, predicted, bool(drafted(claims, item)))
    m = report.metrics()
    return {k: m[k] for k in ("claim_precision", "claim_recall", "claim_f1", "stance_accuracy")} | {
        "stance_ok": report.stance_ok,
        "matched": report.tp,
        "tp": report.tp,
        "fp": report.fp,
        "fn": report.fn,
    }


def ungated(claim: Claim) -> Claim:
    return replace(claim, review="")


def sweep(dev: list[Item], reads: dict[str, list[Read]], rows_path: Path) -> None:
    veto_t = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
    stance_s = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
    claim_u = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
    veto: dict[tuple[str, str, str, float], Counter[str]] = defaultdict(Counter)
    stance_rows: dict[tuple[str, float], Counter[str]] = defaultdict(Counter)
    claim_rows: dict[tuple[str, float], Counter[str]] = defaultdict(Counter)
    pairs = {item.id: pair_examples(item) for item in dev}
    vetoes = {item.id: [(veto_doc(item.text, item), str(item.rebuttal))] for item in dev if item.record}
    for name in BATCHES:
        held = [item for item in dev if batch(item.id) == name]
        rest = [item for item in dev if batch(item.id) != name]
        pair = predictor(*examples(rest, pairs))
        rebuttal = predictor(*examples((i for i in rest if i.record), vetoes))
        pair_of: dict[tuple[str, int], dict[str, float]] = {}
        for item in held:
            for k, read in enumerate(reads[item.id]):
                pair_of[item.id, k] = pair(features(target_masked(read.claim.text, read.claim.country)))
        _veto(name, held, reads, pair_of, rebuttal, veto, veto_t)
        _stance(name, held, reads, pair_of, stance_rows, stance_s)
        _claims(name, held, reads, pair_of, claim_rows, claim_u)
        print(f"swept {name}", flush=True)
    _report(veto, stance_rows, claim_rows, rows_path)


def _veto(
    name: str,
    held: list[Item],
    reads: dict[str, list[Read]],
    pair_of: dict[tuple[str, int], dict[str, float]],
    rebuttal: Callable[[list[str]], dict[str, float]],
    out: dict[tuple[str, str, str, float], Counter[str]],
    thresholds: tuple[float, ...],
) -> None:
    for item in held:
        if item.record is None:
            continue
        claims = [r.claim for r in reads[item.id]]
        for rules, chosen in (("gated", claims), ("ungated", [ungated(c) for c in claims])):
            drafts = drafted(chosen, item)
            if not drafts:
                continue
            gate_held = rules == "ungated" and not drafted(claims, item)
            reason = _reason(claims, drafts) if gate_held and not item.rebuttal else ""
            index = {id(c): k for k, c in enumerate(chosen)}
            probs = {
                "pair": max(pair_of[item.id, index[id(c)]].get(str(c.stance), 0.0) for c in drafts),
                "veto": max(rebuttal(veto_doc(c.text, item)).get("True", 0.0) for c in drafts),
            }
            for reader, p in probs.items():
                for t in thresholds:
                    row = out[reader, rules, name, t]
                    held_back = p < t
                    row["drafted"] += 1
                    row["wrong"] += not item.rebuttal
                    row["wrong_removed"] += held_back and not item.rebuttal
                    row["right_lost"] += held_back and item.rebuttal
                    row["gate_held"] += gate_held
                    row["gate_held_wrong"] += gate_held and not item.rebuttal
                    row["both_wrong"] += gate_held and held_back and not item.rebuttal
                    row["veto_only_wrong"] += not gate_held and held_back and not item.rebuttal
                    if reason:
                        row[f"reason {reason}"] += 1
                        row[f"caught {reason}"] += held_back


def _reason(gated: list[Claim], drafts: list[Claim]) -> str:
    """The gate's reason for the first ungated draft, its quoted words blanked."""
    first = next(g for g in gated if ungated(g) in drafts)
    return re.sub(r"'[^']*'|\"[^\"]*\"|\([A-Z]{3}\)", "...", first.review.split(":")[0])


# A second reader's rewrite of one rule claim: (the claim, the reader's stance probabilities and claim
# probability for it, the threshold) -> the claim as rewritten, or None where it is dropped.
Rewrite = Callable[[Claim, dict[str, float], float, float], Claim | None]


def _second_readings(
    reads: dict[str, list[Read]],
    pair_of: dict[tuple[str, int], dict[str, float]],
    thresholds: tuple[float, ...],
    rewrite: Rewrite,
) -> Iterator[tuple[str, float, Callable[[Item], list[Claim]]]]:
    """Per reader and threshold (0.0: the rules alone), an item's claims as that reading rewrites them."""
    for reader in ("pair", "sentence"):
        for x in (0.0, *thresholds):

            def claims_of(item: Item, reader: str = reader, x: float = x) -> list[Claim]:
                rewritten = []
                for k, read in enumerate(reads[item.id]):
                    if reader == "sentence":
                        stances, p_claim = read.stances, read.p_sentence
                    else:
                        stances = pair_of[item.id, k]
                        p_claim = 1 - stances.get(NONE, 0.0)
                    claim = rewrite(read.claim, stances, p_claim, x)
                    if claim is not None:
                        rewritten.append(claim)
                return rewritten

            yield reader, x, claims_of


def _arbitrated(claim: Claim, stances: dict[str, float], _p_claim: float, s: float) -> Claim:
    """(b) the reader's stance where it is confident (p >= s) and disagrees with the rules'."""
    probs = {c: p for c, p in stances.items() if c != NONE}
    best = max(probs, key=probs.__getitem__)
    change = s and claim.cue and probs[best] >= s and best != claim.stance
    return replace(claim, stance=Stance(best)) if change else claim


def _kept(claim: Claim, _stances: dict[str, float], p_claim: float, u: float) -> Claim | None:
    """(c) the rules' claim, dropped where the reader's claim probability is below u."""
    return None if claim.cue and p_claim < u else claim


def _stance(
    name: str,
    held: list[Item],
    reads: dict[str, list[Read]],
    pair_of: dict[tuple[str, int], dict[str, float]],
    out: dict[tuple[str, float], Counter[str]],
    thresholds: tuple[float, ...],
) -> None:
    for reader, s, claims_of in _second_readings(reads, pair_of, thresholds, _arbitrated):
        m = score(held, claims_of)
        row = out[f"{reader}:{name}", s]
        row["stance_ok"] += m["stance_ok"]
        row["matched"] += m["matched"]
        row["changed"] += sum(
            a.stance != b.stance
            for item in held
            for a, b in zip(claims_of(item), (r.claim for r in reads[item.id]), strict=True)
        )


def _claims(
    name: str,
    held: list[Item],
    reads: dict[str, list[Read]],
    pair_of: dict[tuple[str, int], dict[str, float]],
    out: dict[tuple[str, float], Counter[str]],
    thresholds: tuple[float, ...],
) -> None:
    for reader, u, claims_of in _second_readings(reads, pair_of, thresholds, _kept):
        m = score(held, claims_of)
        row = out[f"{reader}:{name}", u]
        for key in ("tp", "fp", "fn"):
            row[key] += m[key]
        for item in held:
            if drafted([r.claim for r in reads[item.id]], item) and not drafted(claims_of(item), item):
                row["drafts_lost_right" if item.rebuttal else "drafts_lost_wrong"] += 1


def _f1(row: Counter[str]) -> float:
    p = row["tp"] / ((row["tp"] + row["fp"]) or 1)
    r = row["tp"] / ((row["tp"] + row["fn"]) or 1)
    return round(2 * p * r / ((p + r) or 1), 4)


def _report(
    veto: dict[tuple[str, str, str, float], Counter[str]],
    stance_rows: dict[tuple[str, float], Counter[str]],
    claim_rows: dict[tuple[str, float], Counter[str]],
    rows_path: Path,
) -> None:
    pooled: dict[tuple[str, str, float], Counter[str]] = defaultdict(Counter)
    for (reader, rules, _name, t), row in veto.items():
        pooled[reader, rules, t].update(row)
    for (reader, rules, t), row in sorted(pooled.items()):
        print(json.dumps({"veto": reader, "rules": rules, "t": t, **row}))
    for kind, rows, measure in (("stance", stance_rows, None), ("claims", claim_rows, _f1)):
        by: dict[tuple[str, float], Counter[str]] = defaultdict(Counter)
        for (key, x), row in rows.items():
            by[key.split(":")[0], x].update(row)
        for (reader, x), row in sorted(by.items()):
            value = measure(row) if measure else round(row["stance_ok"] / (row["matched"] or 1), 4)
            per_batch = {
                key.split(":")[1]: (measure(r) if measure else round(r["stance_ok"] / (r["matched"] or 1), 4))
                for (key, y), r in rows.items()
                if y == x and key.startswith(reader + ":")
            }
            print(json.dumps({kind: reader, "x": x, "pooled": value, **row, "batches": per_batch}))
    with open(rows_path, "w") as out:  # per batch rows for the docs tables, beside the reads
        json.dump(
            {
                "veto": [[*k, dict(v)] for k, v in veto.items()],
                "stance": [[*k, dict(v)] for k, v in stance_rows.items()],
                "claims": [[*k, dict(v)] for k, v in claim_rows.items()],
            },
            out,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("stage", choices=("cache", "sweep"))
    parser.add_argument("--cache", type=Path, default=CACHE, help="where the stage-1 reads are kept")
    args = parser.parse_args()
    if args.stage == "sweep" and not args.cache.is_file():
        parser.exit(2, f"error: no reads at {args.cache}: run the cache stage first\n")
    dev = load_split("dev")
    if args.stage == "cache":
        args.cache.write_bytes(pickle.dumps(build_cache(dev)))
    else:
        sweep(dev, pickle.loads(args.cache.read_bytes()), args.cache.with_suffix(".json"))


if __name__ == "__main__":
    main()
