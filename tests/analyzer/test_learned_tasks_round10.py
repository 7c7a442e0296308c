"""Round 10 of the learned task back-off: the trainer reads constructed mandates, the constructed-set bench
loads a model file, and the faster inference gives the probabilities of the plain sum. Resolutions written
for the test, in the Council's drafting (no writer's item, no text of a held-out resolution)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.analyzer.learned_tasks import (
    TaskModel,
    backoff_tasks,
    features,
    lead_features,
    own_features,
    units,
)
from missiongate.analyzer.structure import parse_structure
from missiongate.analyzer.tasks import find_tasks
from missiongate.errors import MissionGateError
from tests.analyzer.helpers import HEAD
from tests.support.bench import bench_module

ADVICE = "Requests UNMX to advise the authorities on {topic};"
DETENTION = "conditions of administrative detention"  # JusticeReform, which no rule reads
BUDGET = "the budget of the ministries"  # no code


def _item(index: int, detention: bool) -> dict[str, object]:
    topic = DETENTION if detention else BUDGET
    text = (
        f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n"
        "1. Decides to extend the mandate of UNMX until 31 March 2031;\n\n"
        f"2. {ADVICE.format(topic=topic)}\n\n"
        "3. Requests UNMX to hold regular meetings with the donors;\n"
    )
    tasks = [{"code": "JusticeReform", "modality": "Assist", "paragraph": "2"}] if detention else []
    return {"id": f"cx-{index:03d}", "text": text, "tasks": tasks}


def _constructed_file(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "taskwritex.yaml"
    items = [_item(i, detention=i % 2 == 0) for i in range(count)]
    path.write_text(json.dumps({"items": items}), encoding="utf-8")  # JSON is YAML
    return path


def test_the_trainer_reads_constructed_items_ten_consecutive_items_to_a_group(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from missiongate.analyzer.train_tasks import constructed

    texts = constructed(_constructed_file(tmp_path, 12), "constructed-x")
    assert [t.group for t in texts] == ["taskwritex-00"] * 10 + ["taskwritex-01"] * 2
    assert {t.source for t in texts} == {"constructed-x"}
    assert len({t.analysis.source for t in texts}) == 12  # one key per item, for the bench's tables
    assert texts[0].gold == {"2": frozenset({"JusticeReform"})} and texts[1].gold == {}
    # trained on as units: the item's paragraph 2 carries the writer's code
    paragraph = next(u for u in units(texts[0].analysis.structure) if u.paragraph.id == "2")
    assert paragraph.mood == "mandate"


def test_a_constructed_item_with_an_unknown_code_is_refused(tmp_path: Path) -> None:
    from missiongate.analyzer.mandate_labels import read_constructed

    path = tmp_path / "bad.yaml"
    item = {"id": "cx-001", "text": "1. Decides;", "tasks": [{"code": "Nowhere", "modality": "Assist"}]}
    path.write_text(json.dumps({"items": [item]}), encoding="utf-8")
    with pytest.raises(MissionGateError, match="cx-001: unknown code"):
        read_constructed(path)


def test_the_bench_scores_with_the_back_off_of_a_model_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sklearn")
    from missiongate.analyzer.train_tasks import constructed, train

    path = _constructed_file(tmp_path, 12)
    model_file = tmp_path / "model.json"
    model_file.write_text(json.dumps(train(constructed(path, "constructed-x"), threshold=0.5).to_dict()))
    bench = bench_module("tasks_constructed")

    def run(*flags: str) -> dict[str, object]:
        monkeypatch.setattr("sys.argv", ["tasks_constructed", str(path), "--ungated", *flags])
        bench.main()
        return dict(json.loads(capsys.readouterr().out))

    alone, backed = run(), run("--backoff", str(model_file))
    assert (alone["backoff"], backed["backoff"]) == (False, True)
    assert alone["task_recall"] == 0.0 and backed["task_recall"] == 1.0
    assert backed["task_precision"] == 1.0  # the budget items get no code


def test_the_bench_refuses_a_missing_model_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = bench_module("tasks_constructed")
    path = _constructed_file(tmp_path, 1)
    monkeypatch.setattr("sys.argv", ["tasks_constructed", str(path), "--backoff", str(tmp_path / "no.json")])
    with pytest.raises(SystemExit) as exit_:
        bench.main()
    assert exit_.value.code == 2 and "no model file" in capsys.readouterr().err


def _plain_sum(model: TaskModel, found: set[str]) -> dict[str, float]:
    """The inference before round 10: a Python loop over each known feature's (code, weight) pairs."""
    known = [f for f in found if f in model.weights]
    scale = 1 / math.sqrt(len(known)) if known else 0.0
    totals = list(model.bias)
    for feature in known:
        for index, weight in model.weights[feature]:
            totals[index] += weight * scale
    return {code: 1 / (1 + math.exp(-total)) for code, total in zip(model.codes, totals, strict=True)}


_CODES = ("JusticeReform", "Monitor", "PublicInfo")
_NAMES = ["w:a", "w:b", "w:a b", "l:c", "l:d", "lx:Media", "x:Media", "m:mandate", "v:requests", "c:Assist"]
_PAIRS = st.lists(
    st.tuples(st.integers(0, len(_CODES) - 1), st.floats(-5, 5, allow_nan=False)),
    max_size=len(_CODES),
    unique_by=lambda pair: pair[0],
).map(tuple)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(_NAMES), _PAIRS),
    st.tuples(*(st.floats(-5, 5, allow_nan=False) for _ in _CODES)),
    st.sets(st.sampled_from([*_NAMES, "w:unknown"])),
)
def test_the_faster_inference_gives_the_probabilities_of_the_plain_sum(
    weights: dict[str, tuple[tuple[int, float], ...]], bias: tuple[float, ...], found: set[str]
) -> None:
    model = TaskModel(_CODES, bias, weights, 0.5)
    expected = _plain_sum(model, found)
    assert model.probabilities(found) == pytest.approx(expected, rel=1e-9, abs=1e-12)
    # summed in two disjoint parts, as backoff_tasks sums an item's own features and its lead-in's
    lead = {f for f in found if f.startswith(("l:", "lx:"))}
    parts = model.combine(model.sums(found - lead), model.sums(lead))
    assert parts == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_an_item_s_features_split_into_its_own_and_its_lead_in_s() -> None:
    structure = parse_structure(
        f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n1. Decides that the mandate of UNMX "
        "shall include the following tasks:\n(a) To monitor the situation of refugees;\n(b) To support the "
        "reform of the prisons;\n"
    )
    for item in (u for u in units(structure, lexicon=True) if u.paragraph.id in {"1a", "1b"}):
        own, lead = own_features(item), lead_features(item.lead, item.lead_lexicon)
        assert own.isdisjoint(lead) and own | lead == features(item)
        assert "l:the mandate" in lead and "w:the mandate" not in own


def test_lead_in_sums_shared_by_items_give_what_each_item_alone_gives() -> None:
    structure = parse_structure(
        f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n1. Decides that the mandate of UNMX "
        "shall include the following tasks:\n(a) To advise on conditions of administrative detention;\n"
        "(b) To advise on administrative detention in the provinces;\n"
    )
    weights = {"w:detention": ((0, 9.0),), "l:the mandate": ((0, 1.0),), "w:provinces": ((0, -2.0),)}
    model = TaskModel(("JusticeReform",), (-4.0,), weights, 0.2)
    added = backoff_tasks(structure, find_tasks(structure), model, new_only=False)
    by_item = {u.paragraph.id: model.probabilities(features(u)) for u in units(structure)}
    assert {f.evidence.paragraph: f.detail["probability"] for f in added} == {
        p: round(by_item[p]["JusticeReform"], 3) for p in ("1a", "1b")
    }


def test_a_weight_the_packing_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError, match="beyond the packing"):
        TaskModel(_CODES, (0.0, 0.0, 0.0), {"w:a": ((1, 5000.0),)}, 0.5)
