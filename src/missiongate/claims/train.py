"""Train the learned back-off (`learned.py`) and the per-country reader (`reader.py`) from the dev set
and write `claims_model.json` and `claims_reader.json`.

    python -m missiongate.claims.train [--out PATH] [--reader-out PATH]

Needs scikit-learn (the `dev` extra); the extractor itself does not. Deterministic: the same dev set gives
the same file. Only dev is read: a test split is never trained on.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from missiongate.claims import reader as rd
from missiongate.claims.dataset import Item, load_split
from missiongate.claims.extract import Reading, sentence_readings
from missiongate.claims.gazetteer import find_countries
from missiongate.claims.learned import MODEL_PATH, Backoff, Linear, masked, ngram_counts
from missiongate.claims.reader import LEFT_OUT, NONE, READER_PATH, Reader, pair_features

MIN_DF = 4  # rarer n-grams add size, not accuracy (leave-one-batch-out)
C = 4.0  # inverse L2 strength, chosen by leave-one-batch-out on dev (docs/claims.md)
THRESHOLD = 0.9  # claim probability for a back-off claim, chosen the same way
_DIGITS = 3  # weights are rounded: a smaller file, the same decisions
READER_C = 0.5  # the reader's inverse L2 strength
READER_MIN_DF = 3  # features of fewer candidates are pruned
FOLDS = 5  # the back-off's probability as a reader feature is cross-fitted: in-sample it would be too sure


def train(items: Sequence[Item], threshold: float = THRESHOLD) -> Backoff:
    """Fit the claim detector on every item and the stance classifier on every gold claim."""
    texts = [masked(item.text, find_countries(item.text)) for item in items]
    counts = [ngram_counts(text) for text in texts]
    df = Counter(feature for doc in counts for feature in doc)
    n = len(texts)
    idf = {f: round(math.log((1 + n) / (1 + k)) + 1, _DIGITS) for f, k in sorted(df.items()) if k >= MIN_DF}
    placeholder = Backoff(idf, Linear((), {}, ()), Linear((), {}, ()), threshold)
    vocabulary = {f: i for i, f in enumerate(idf)}
    rows = [placeholder.vector(text) for text in texts]
    detector = _fit(rows, ["yes" if item.claims else "no" for item in items], vocabulary, log_odds=True)
    stance_rows = [row for row, item in zip(rows, items, strict=True) for _ in item.claims]
    stances = [gold.stance for item in items for gold in item.claims]
    return Backoff(idf, detector, _fit(stance_rows, stances, vocabulary), threshold)


Example = tuple[dict[str, float], str]  # a candidate's features and its gold reading


def train_reader(items: Sequence[Item], excluded: tuple[str, ...] = LEFT_OUT) -> Reader:
    """The per-country reader from every candidate of every sentence of `items`, without the features that
    start with one of the `excluded` prefixes."""
    readings = [sentence_readings(item.text) for item in items]
    probabilities: list[list[float | None]] = [[None] * len(read) for read in readings]
    for fold in range(FOLDS if "p:" not in excluded else 0):
        inside = [i * FOLDS // len(items) == fold for i in range(len(items))]
        backoff = train([item for item, held in zip(items, inside, strict=True) if not held])
        for i in (i for i, held in enumerate(inside) if held):
            probabilities[i] = sentence_probabilities(backoff, readings[i])
    examples = [
        example
        for item, read, ps in zip(items, readings, probabilities, strict=True)
        for example in reader_examples(item, read, ps)
    ]
    return fit_reader(examples, excluded)


def sentence_probabilities(backoff: Backoff, readings: Sequence[Reading]) -> list[float | None]:
    """The back-off's claim probability of each sentence that has candidates, as the extractor computes it."""
    return [
        backoff.claim_probability(backoff.vector(masked(r.sent.text, r.sent.mentions)))
        if r.sent is not None and (r.sent.mentions or r.rules)
        else None
        for r in readings
    ]


def reader_examples(item: Item, readings: Sequence[Reading], ps: Sequence[float | None]) -> list[Example]:
    """One example per candidate and sentence; its label is the item's gold reading of the country."""
    gold = {g.country: g.stance for g in item.claims}
    examples = []
    for reading, p in zip(readings, ps, strict=True):
        if (sent := reading.sent) is None:
            continue
        for code in dict.fromkeys([m.code for m in sent.mentions] + [c.country for c in reading.rules]):
            features = pair_features(
                sent.text, sent.mentions, code, reading.rules, p, sent.operation, reading.around
            )
            examples.append((features, gold.get(code, NONE)))
    return examples


def fit_reader(examples: Sequence[Example], excluded: tuple[str, ...] = (), c: float = READER_C) -> Reader:
    """A multinomial logistic regression over the features seen in `READER_MIN_DF` candidates or more,
    leaving out those that start with one of the `excluded` prefixes; it records the groups of
    `reader.GROUPS` whose features it kept."""
    df = Counter(f for features, _ in examples for f in features if not (excluded and f.startswith(excluded)))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, k in df.items() if k >= READER_MIN_DF))}
    rows = [{f: v for f, v in features.items() if f in vocabulary} for features, _ in examples]
    groups = frozenset(g for g in rd.GROUPS if not (excluded and rd.GROUP_PREFIXES[g].startswith(excluded)))
    return Reader(_fit(rows, [label for _, label in examples], vocabulary, c=c), groups)


def _fit(
    rows: list[dict[str, float]],
    labels: list[str],
    vocabulary: dict[str, int],
    log_odds: bool = False,
    c: float = C,
) -> Linear:
    """A logistic regression as weight rows: one per class, or (`log_odds`, two classes) the one row of
    the log-odds of the later class."""
    data, indices, pointers = [], [], [0]
    for row in rows:
        for feature, value in row.items():
            indices.append(vocabulary[feature])
            data.append(value)
        pointers.append(len(indices))
    matrix = csr_matrix((data, indices, pointers), shape=(len(rows), len(vocabulary)))
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, labels)
    classes = tuple(str(c) for c in model.classes_)
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2 and log_odds:
        classes = classes[1:]
    elif len(classes) == 2:  # scikit-learn gives one row for two classes: score each side
        coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
    features = list(vocabulary)
    weights = {
        features[j]: tuple(round(float(coef[r, j]), _DIGITS) for r in range(coef.shape[0]))
        for j in range(len(features))
        if any(abs(coef[r, j]) >= 10**-_DIGITS for r in range(coef.shape[0]))
    }
    bias = tuple(round(float(b), _DIGITS) for b in intercept)
    return Linear(classes, weights, bias)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the back-off")
    parser.add_argument("--reader-out", type=Path, default=READER_PATH, help="where to write the reader")
    args = parser.parse_args()
    for option, path in (("--out", args.out), ("--reader-out", args.reader_out)):
        if not path.parent.is_dir():  # checked before the training, which takes a while
            parser.error(f"{option}: {path.parent} is not a directory")
    dev = load_split("dev")
    model, reader = train(dev), train_reader(dev)
    for path, data in ((args.out, model.to_dict()), (args.reader_out, reader.to_dict())):
        try:
            path.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
        except OSError as exc:
            parser.exit(2, f"cannot write the model to {path}: {exc.strerror}\n")
    print(f"{args.out}: {len(model.idf)} n-grams, {args.out.stat().st_size // 1024} KiB")
    size = args.reader_out.stat().st_size // 1024
    print(f"{args.reader_out}: {len(reader.model.weights)} features, {size} KiB")


if __name__ == "__main__":
    main()
