"""Train the learned back-off of the task rules (`learned_tasks.py`) and write `tasks_model.json`.

    python -m missiongate.analyzer.train_tasks --out PATH [--root DIR] [--threshold P] [--lexicon]

Writing the model to `learned_tasks.MODEL_PATH` switches the back-off on; it is off (no file shipped):
leave-one-group-out on dev showed no gain worth its cost (docs/analyzer.md, round 6), nor on the constructed
sets, nor on two new blind constructed sets (round 10).

Reads development material only: the dev labels of `data/modern` (the files `split.yaml` lists as dev,
chosen before any label is read), the PEMA dev rows (`data/pema/split.json`), the two silver development
codings and the constructed mandates of `CONSTRUCTED` (round 9's two blind sets, development material since).
Needs scikit-learn (the `dev` extra); the analyzer does not. Deterministic.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from missiongate.analyzer.analysis import Analysis, analyze_file, analyze_text
from missiongate.analyzer.evaluation import index_texts, load_split
from missiongate.analyzer.labels import LabelRow, gold_for
from missiongate.analyzer.labels import load_labels as load_pema
from missiongate.analyzer.learned_tasks import MODEL_PATH, TaskModel, features, units
from missiongate.analyzer.mandate_labels import ConstructedItem, MandateLabel, read_constructed, read_label
from missiongate.yamlio import read_yaml

C = 1.0  # inverse L2 strength; 10 did no better leave-one-group-out on dev (docs/analyzer.md)
# probability from which a code is added: the setting round 10's rule chose leave-one-group-out (0.6 in
# round 6, before the constructed groups showed what lower thresholds add on new wording)
THRESHOLD = 0.7
LEXICON = False  # the lexicon's codes as features (Unit.lexicon): no better leave-one-group-out (round 10)
MIN_DF = 3  # features seen in fewer units add size, not accuracy
MIN_POSITIVES = 4  # a code seen in fewer units gets no classifier
_DIGITS = 2
_MIN_WEIGHT = 0.05  # smaller weights change no decision: a smaller file
_SILVER = {"PEMA_silver.csv": "silver", "PEMA_silver_dev2.csv": "silver-dev2"}
# the constructed sets and the source name each file's texts take; round 10's blind test sets (taskwritec/d)
# are left out so that its figures reproduce
CONSTRUCTED = {"taskwritea.yaml": "constructed-a", "taskwriteb.yaml": "constructed-b"}
CONSTRUCTED_GROUP = 10  # consecutive items of a file held out together (fixed before any run, round 10)
_LEARNED = ("UseOfForce",)  # the legal rules own the use of force: the back-off never adds it


@dataclass(frozen=True)
class Text:
    """A development text: its rules-only analysis and its gold codes per paragraph id."""

    source: str  # "modern", "pema", "silver", "silver-dev2" or a value of CONSTRUCTED
    group: str  # the mission (constructed: a run of items): texts of one group are held out together
    analysis: Analysis
    gold: dict[str, frozenset[str]]  # paragraph id -> codes
    label: MandateLabel | LabelRow | ConstructedItem


def rules_only(analysis: Analysis) -> Analysis:
    """The analysis without the back-off's findings (the material it is trained and measured on)."""
    kept = tuple(f for f in analysis.findings if not f.rule.endswith(".learned"))
    return Analysis(analysis.source, analysis.format, analysis.structure, kept)


def modern_dev(root: Path) -> list[Text]:
    """The dev labels of `data/modern`: only files split.yaml lists as dev are opened."""
    split = read_yaml(root / "data/modern/split.yaml").data
    entries = [*split["resolutions"], *split.get("added_dev", [])]
    texts = []
    for entry in entries:
        if entry.get("split") != "dev":
            continue
        name = str(entry["file"])
        label = read_label(root / "data/modern/labels" / name.replace(".txt", ".yaml"))
        gold: dict[str, set[str]] = {}
        for task in label.tasks:
            gold.setdefault(task.paragraph, set()).add(task.task)
        analysis = rules_only(analyze_file(root / "data/modern/texts" / name))
        frozen = {p: frozenset(c) for p, c in gold.items()}
        texts.append(Text("modern", label.mission, analysis, frozen, label))
    return texts


def pema_dev(root: Path) -> list[Text]:
    """The PEMA dev rows and the silver development codings, one text per row (their refs per task)."""
    index = index_texts(root / "data/unsc-resolutions", root / "data/pema/texts")
    chosen = load_split(root / "data/pema/split.json", "dev") or set()
    rows = [("pema", r) for r in load_pema(root / "data/pema/PEMA_raw_v2.csv") if r.signature in chosen]
    for name, source in _SILVER.items():
        rows += [(source, r) for r in load_pema(root / "data/pema/silver" / name)]
    texts = []
    for source, row in rows:
        if len(row.numbers) != 1 or row.numbers[0] not in index:
            continue
        analysis = rules_only(analyze_file(index[row.numbers[0]]))
        gold: dict[str, set[str]] = {}
        for task, coding in gold_for(row, [analysis.structure]).direct.items():
            for ref in coding.refs:
                gold.setdefault(ref, set()).add(task)
        texts.append(Text(source, row.mission, analysis, {p: frozenset(c) for p, c in gold.items()}, row))
    return texts


def constructed(path: Path, source: str) -> list[Text]:
    """The items of a constructed set, `CONSTRUCTED_GROUP` consecutive items to a group: the writers wrote
    neighbouring items alike, so neighbours are held out together."""
    texts = []
    for index, item in enumerate(read_constructed(path)):
        gold: dict[str, set[str]] = {}
        for task in item.tasks:
            gold.setdefault(task.paragraph, set()).add(task.task)
        analysis = rules_only(analyze_text(item.text, f"{path.name}#{item.id}"))
        group = f"{path.stem}-{index // CONSTRUCTED_GROUP:02d}"
        texts.append(Text(source, group, analysis, {p: frozenset(c) for p, c in gold.items()}, item))
    return texts


def examples(texts: Iterable[Text], lexicon: bool = False) -> list[tuple[set[str], frozenset[str]]]:
    """(features, gold codes) of every unit the back-off may be asked about."""
    return [
        (features(unit), text.gold.get(unit.paragraph.id, frozenset()))
        for text in texts
        for unit in units(text.analysis.structure, lexicon)
        if unit.mood != "none"
    ]


def train(
    texts: Sequence[Text], threshold: float = THRESHOLD, c: float = C, lexicon: bool = LEXICON
) -> TaskModel:
    data = examples(texts, lexicon)
    df = Counter(f for found, _ in data for f in found)
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
    positives = Counter(code for _, codes in data for code in codes)
    codes = tuple(sorted(c for c, n in positives.items() if n >= MIN_POSITIVES and c not in _LEARNED))
    matrix = _matrix([found for found, _ in data], vocabulary)
    features_of = list(vocabulary)
    weights: dict[str, list[tuple[int, float]]] = {}
    bias = []
    for index, code in enumerate(codes):
        labels = [code in gold for _, gold in data]
        model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced").fit(matrix, labels)
        bias.append(round(float(model.intercept_[0]), _DIGITS))
        for j, weight in enumerate(model.coef_[0]):
            if abs(weight) >= _MIN_WEIGHT:
                weights.setdefault(features_of[j], []).append((index, round(float(weight), _DIGITS)))
    frozen = {f: tuple(pairs) for f, pairs in weights.items()}
    return TaskModel(codes, tuple(bias), frozen, threshold, lexicon)


def _matrix(rows: list[set[str]], vocabulary: dict[str, int]) -> csr_matrix:
    """Binary features, L2-normalised per row (as `TaskModel.probabilities` reads them)."""
    data: list[float] = []
    indices: list[int] = []
    pointers = [0]
    for found in rows:
        known = sorted(vocabulary[f] for f in found if f in vocabulary)
        value = 1 / len(known) ** 0.5 if known else 0.0
        indices += known
        data += [value] * len(known)
        pointers.append(len(indices))
    return csr_matrix((data, indices, pointers), shape=(len(rows), len(vocabulary)))


def development(root: Path) -> list[Text]:
    built = [constructed(root / "data/modern/constructed" / name, s) for name, s in CONSTRUCTED.items()]
    return [*modern_dev(root), *pema_dev(root), *(text for texts in built for text in texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument(
        "--out", type=Path, required=True, help=f"where to write the model ({MODEL_PATH} switches it on)"
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository (holds data/)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="probability from which to add")
    parser.add_argument("--lexicon", action="store_true", help="the lexicon's codes as features too")
    args = parser.parse_args()
    if not args.out.parent.is_dir():  # checked before the training, which takes a while
        parser.error(f"--out: {args.out.parent} is not a directory")
    if not (args.root / "data").is_dir():
        parser.error(f"--root: {args.root} holds no data/ directory")
    model = train(development(args.root), threshold=args.threshold, lexicon=args.lexicon)
    try:
        args.out.write_text(json.dumps(model.to_dict(), separators=(",", ":")) + "\n")
    except OSError as exc:
        parser.exit(2, f"cannot write the model to {args.out}: {exc.strerror}\n")
    print(f"{args.out}: {len(model.codes)} codes, {len(model.weights)} features, "
          f"{args.out.stat().st_size // 1024} KiB")  # fmt: skip


if __name__ == "__main__":
    main()
