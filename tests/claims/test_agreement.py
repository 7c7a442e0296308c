"""Two annotators' agreement: one annotator's labels scored against another's with the extractor's metrics.
The second annotator's labels of the blind split are only checked to be the frozen file, never read here."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missiongate.claims.dataset import Gold, Item, data_dir, evaluate_coder, load_items
from missiongate.errors import MissionGateError

SPLIT = """\
split: test
items:
- id: a1
  text: "An envoy said Fiji has agreed to send engineers to the Golan."
  record: {country: FJI, mission: undof, position: no_decision}
  rebuttal: true
  claims:
  - {country: FJI, stance: agreed, speaker: An envoy, mission: undof}
- id: a2
  text: "Nepal is studying the request, and Ghana will send a company."
  record: {country: NPL, mission: null, position: considering}
  rebuttal: false
  claims:
  - {country: NPL, stance: considering, speaker: null, mission: null}
  - {country: GHA, stance: agreed, speaker: null, mission: null}
- id: a3
  text: "Peru lost two soldiers in Lebanon in 2006."
  record: {country: PER, mission: unifil, position: participating}
  rebuttal: false
  claims: []
"""

# a1 the same; a2 Nepal read as a refusal and Ghana missed; a3 a claim and a draft the first annotator has not
CODER = """\
split: test-coder2
items:
- id: a1
  text: "An envoy said Fiji has agreed to send engineers to the Golan."
  rebuttal: true
  claims:
  - {country: FJI, stance: agreed, speaker: the envoy, mission: undof}
- id: a2
  text: "Nepal is studying the request, and Ghana will send a company."
  rebuttal: false
  claims:
  - {country: NPL, stance: declined, speaker: null, mission: null}
- id: a3
  text: "Peru lost two soldiers in Lebanon in 2006."
  rebuttal: true
  claims:
  - {country: PER, stance: declined, speaker: null, mission: unifil}
"""


def _files(tmp_path: Path, coder: str = CODER) -> tuple[list[Item], list[Item]]:
    (tmp_path / "split.yaml").write_text(SPLIT)
    (tmp_path / "coder.yaml").write_text(coder)
    return load_items(tmp_path / "split.yaml"), load_items(tmp_path / "coder.yaml")


def test_a_coder_is_scored_like_the_extractor(tmp_path: Path) -> None:
    metrics = evaluate_coder(*_files(tmp_path), "test").metrics()
    assert (metrics["claims_gold"], metrics["claim_precision"], metrics["claim_recall"]) == (
        3,
        0.6667,
        0.6667,
    )
    assert metrics["sentence_precision"] == 0.6667 and metrics["sentence_recall"] == 1.0
    assert metrics["stance_accuracy"] == 0.5 and metrics["speaker_accuracy"] == 1.0
    assert (metrics["rebuttals_drafted"], metrics["rebuttal_precision"], metrics["rebuttal_recall"]) == (
        2,
        0.5,
        1.0,
    )


def test_a_coder_of_some_items_is_scored_on_those_only(tmp_path: Path) -> None:
    items, coded = _files(tmp_path)
    metrics = evaluate_coder(items, coded[:1], "dev").metrics()  # a1 only, labelled alike
    assert (metrics["items"], metrics["claims_gold"], metrics["claim_f1"]) == (1, 1, 1.0)
    assert (metrics["rebuttals_drafted"], metrics["rebuttal_precision"]) == (1, 1.0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text.replace("id: a3", "id: a4"), "has 1 item\\(s\\) not in the split"),
        (lambda text: text + "- {id: a9, text: t}\n", "has 1 item\\(s\\) not in the split"),
        (lambda text: "items: []\n", "has no items"),
        (lambda text: text + "- {id: a1, text: t}\n", "repeats 1 item"),
        (lambda text: text.replace("Peru lost two", "Peru lost three"), "changes the text of 1 item"),
    ],
)
def test_the_coder_must_label_items_of_the_split(
    tmp_path: Path, change: Callable[[str], str], message: str
) -> None:
    with pytest.raises(MissionGateError, match=message):
        evaluate_coder(*_files(tmp_path, change(CODER)))


_GOLDS = st.builds(
    Gold,
    st.sampled_from(["FJI", "NPL", "GHA"]),
    st.sampled_from(["agreed", "considering", "declined"]),
    st.sampled_from([None, "the envoy", "the president"]),
    st.sampled_from([None, "undof", "unifil"]),
)
_LABEL = st.tuples(st.lists(_GOLDS, max_size=3, unique_by=lambda g: g.country), st.booleans())
_LABELS = st.lists(_LABEL, min_size=1)  # a coder labels at least one item


def _items(labels: list[tuple[list[Gold], bool]]) -> list[Item]:
    return [
        Item(f"x{i}", f"text {i}", tuple(claims), None, rebuttal)
        for i, (claims, rebuttal) in enumerate(labels)
    ]


@given(_LABELS)
def test_an_annotator_agrees_fully_with_itself(labels: list[tuple[list[Gold], bool]]) -> None:
    metrics = evaluate_coder(_items(labels), _items(labels)).metrics()
    assert metrics["claim_f1"] == metrics["sentence_f1"] == 1.0
    if metrics["claims_gold"]:  # accuracies are over matched claims
        assert metrics["stance_accuracy"] == metrics["speaker_accuracy"] == metrics["mission_accuracy"] == 1.0
    assert metrics["rebuttal_precision"] in (1.0, None)


@given(st.data())
def test_swapping_the_annotators_swaps_precision_and_recall(data: st.DataObject) -> None:
    first = data.draw(_LABELS)
    second = data.draw(st.lists(_LABEL, min_size=len(first), max_size=len(first)))
    one, two = _items(first), _items(second)
    forward, backward = evaluate_coder(one, two).metrics(), evaluate_coder(two, one).metrics()
    assert (forward["claim_precision"], forward["claim_recall"]) == (
        backward["claim_recall"],
        backward["claim_precision"],
    )
    assert (forward["rebuttal_precision"], forward["rebuttal_recall"]) == (
        backward["rebuttal_recall"],
        backward["rebuttal_precision"],
    )
    for name in ("claim_f1", "sentence_f1", "stance_accuracy", "speaker_accuracy", "mission_accuracy"):
        assert forward[name] == backward[name]


def test_the_second_annotators_labels_are_the_frozen_file() -> None:
    labels = data_dir() / "test-fresh3-coder2.yaml"
    digest = (data_dir() / "test-fresh3-coder2.sha256").read_text().split()[0]
    assert hashlib.sha256(labels.read_bytes()).hexdigest() == digest
