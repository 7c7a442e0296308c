"""Train the learned back-off (`learned.py`) from the dev set and write `claims_model.json`.

    python -m missiongate.claims.train [--out PATH]

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

from missiongate.claims.dataset import Item, load_split
from missiongate.claims.gazetteer import find_countries
from missiongate.claims.learned import MODEL_PATH, Backoff, Linear, masked, ngram_counts

MIN_DF = 4  # rarer n-grams add size, not accuracy (leave-one-batch-out)
C = 4.0  # inverse L2 strength, chosen by leave-one-batch-out on dev (docs/claims.md)
THRESHOLD = 0.9  # claim probability for a back-off claim, chosen the same way
_DIGITS = 3  # weights are rounded: a smaller file, the same decisions


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


def _fit(
    rows: list[dict[str, float]], labels: list[str], vocabulary: dict[str, int], log_odds: bool = False
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
    model = LogisticRegression(C=C, max_iter=5000).fit(matrix, labels)
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
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model")
    args = parser.parse_args()
    if not args.out.parent.is_dir():  # checked before the training, which takes a while
        parser.error(f"--out: {args.out.parent} is not a directory")
    model = train(load_split("dev"))
    try:
        args.out.write_text(json.dumps(model.to_dict(), separators=(",", ":"), sort_keys=True) + "\n")
    except OSError as exc:
        parser.exit(2, f"cannot write the model to {args.out}: {exc.strerror}\n")
    print(f"{args.out}: {len(model.idf)} n-grams, {args.out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
