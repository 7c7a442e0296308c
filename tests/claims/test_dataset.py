"""The labelled set's integrity, the dev figures as a regression guard (the rules were tuned on dev), and
the annotators' item format. The blind test split is only checked to be the frozen file: its items are
never read here, so no test, rule or docstring can be built from them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from missiongate.claims.dataset import data_dir, evaluate, load_split, same_speaker
from missiongate.claims.gazetteer import country_codes
from missiongate.claims.position import PositionStance
from missiongate.errors import MissionGateError


def test_blind_test_split_is_the_frozen_file() -> None:
    split, digest = data_dir() / "test-fresh20.yaml", data_dir() / "test-fresh20.sha256"
    if not split.is_file():
        pytest.skip("test-fresh20.yaml is written blind on another branch and not merged here yet")
    assert hashlib.sha256(split.read_bytes()).hexdigest() == digest.read_text().split()[0]


def test_spent_blind_splits_are_folded_into_dev_with_their_ids() -> None:
    ids = {item.id for item in load_split("dev")}
    assert {
        "f001",
        "g169",
        "f3-001",
        "f3-180",
        "f4-001",
        "f4-203",
        "f5-001",
        "f5-221",
        "f6-001",
        "f6-221",
        "f7-001",
        "f7-221",
        "f8-001",
        "f8-232",
        "f9-001",
        "f9-225",
        "f10-001",
        "f10-244",
        "f11-001",
        "f11-228",
        "f12-001",
        "f12-231",
        "f13-001",
        "f13-220",
        "f14-001",
        "f14-219",
        "f15-001",
        "f15-256",
        "z12-001",
        "z12-202",
        "z13-001",
        "z13-240",
        "f16-001",
        "f16-207",
        "z14-001",
        "z14-242",
        "z15-001",
        "z15-240",
        "z16-001",
        "z16-240",
        "z17-001",
        "z17-240",
        "z18-001",
        "z18-240",
        "f17-001",
        "f17-254",
        "z19-001",
        "z19-240",
        "z20-001",
        "z20-240",
        "f18-001",
        "f18-240",
        "z21-001",
        "z21-200",
        "z22-001",
        "z22-200",
        "f19-001",
        "f19-220",
    } <= ids
    assert not (data_dir() / "test-fresh3.yaml").exists()
    assert not (data_dir() / "test-fresh4.yaml").exists()
    assert not (data_dir() / "test-fresh5.yaml").exists()
    assert not (data_dir() / "test-fresh6.yaml").exists()
    assert not (data_dir() / "test-fresh7.yaml").exists()
    assert not (data_dir() / "test-fresh8.yaml").exists()
    assert not (data_dir() / "test-fresh9.yaml").exists()
    assert not (data_dir() / "test-fresh10.yaml").exists()
    assert not (data_dir() / "test-fresh11.yaml").exists()
    assert not (data_dir() / "test-fresh12.yaml").exists()
    assert not (data_dir() / "test-fresh13.yaml").exists()
    assert not (data_dir() / "test-fresh14.yaml").exists()
    assert not (data_dir() / "test-fresh15.yaml").exists()
    assert not (data_dir() / "test-fresh16.yaml").exists()
    assert not (data_dir() / "test-fresh17.yaml").exists()
    assert not (data_dir() / "test-fresh18.yaml").exists()
    assert not (data_dir() / "test-fresh19.yaml").exists()


def test_dev_set_is_large_valid_and_labelled_for_rebuttals() -> None:
    dev = load_split("dev")
    assert len(dev) >= 10335
    assert len({item.id for item in dev}) == len(dev)
    assert all(g.country in country_codes() for item in dev for g in item.claims)
    assert sum(not item.claims for item in dev) >= 30  # non-claims are part of the difficulty
    rebuttals = [item.rebuttal for item in dev if item.record is not None]
    assert 0 < sum(rebuttals) < len(rebuttals) / 2  # true rebuttals are a minority


def test_dev_targets() -> None:
    metrics = evaluate(load_split("dev"), "dev").metrics()  # measured: 0.956 / 0.927 / 1.000 / 0.140
    assert metrics["claim_f1"] >= 0.955  # in-sample for the reader (docs/claims.md, round 14)
    assert metrics["stance_accuracy"] >= 0.927
    assert metrics["rebuttal_precision"] == 1.0  # 396 drafted, none wrong
    assert metrics["rebuttal_recall"] >= 0.140  # the draft gate drafts only unambiguous readings (gate.py)


ANNOTATED = """\
split: test
record: {country: AZE, mission: gaza-isf, position: no_decision}
items:
- id: a1
  text: "An envoy said Azerbaijan has agreed to send troops to the Gaza force."
  rebuttal: true
  claims:
  - {country: AZE, stance: participating, speaker: An envoy, mission: gaza-isf}
- id: a2
  text: "Azerbaijan has not yet decided on the request, its foreign ministry said."
  rebuttal: false
  claims:
  - {country: AZE, stance: considering, speaker: its foreign ministry, mission: null}
- id: a3
  text: "Fiji will send a company of engineers, the government said."
  record: {country: FJI, mission: null, position: participating}
  claims:
  - {country: FJI, stance: agreed, speaker: the government, mission: null, rebuttal: false}
- id: a4
  text: "Azerbaijan has refused to send troops, a blogger claimed."
  record: {country: AZE, mission: null, position: declined}
  rebuttal: false
  claims:
  - {country: AZE, stance: declined, speaker: a blogger, mission: null}
"""


def test_annotator_format_records_and_rebuttal_precision(tmp_path: Path) -> None:
    (tmp_path / "test-fresh20.yaml").write_text(ANNOTATED)
    items = load_split("test", tmp_path)
    assert items[0].record is not None and items[0].record.stance is PositionStance.CONSIDERING
    assert items[2].record is not None and items[2].record.stance is PositionStance.CONSENT_GIVEN
    assert [item.rebuttal for item in items] == [True, False, False, False]
    assert items[0].claims[0].stance == "agreed"
    metrics = evaluate(items, "test").metrics()
    assert metrics["claim_f1"] == 1.0 and metrics["stance_accuracy"] == 1.0
    assert (metrics["rebuttals_drafted"], metrics["rebuttal_precision"], metrics["rebuttal_recall"]) == (
        1,
        1.0,
        1.0,
    )


def test_a_wrong_draft_lowers_rebuttal_precision(tmp_path: Path) -> None:
    wrong = ANNOTATED.replace("rebuttal: true", "rebuttal: false")  # the draft for a1 is now a mistake
    (tmp_path / "test-fresh20.yaml").write_text(wrong)
    metrics = evaluate(load_split("test", tmp_path), "test").metrics()
    assert metrics["rebuttal_precision"] == 0.0 and metrics["rebuttal_recall"] is None


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("items:\n- {id: x, text: t, claims: [{country: AZE, stance: maybe}]}\n", "stance must be", 2),
        ("items:\n- {id: x, text: t, record: {country: ABC, position: declined}}\n", "ISO 3166", 2),
        ("items:\n- {id: x, text: t, record: {country: AZE, position: perhaps}}\n", "stance must be", 2),
        ("items:\n- {id: x}\n", "an `id` and a `text`", 2),
        ("- {id: x, text: t}\n", "list of `items`", 1),
    ],
)
def test_bad_sets_name_the_line(tmp_path: Path, text: str, message: str, line: int) -> None:
    (tmp_path / "dev.yaml").write_text(text)
    with pytest.raises(MissionGateError, match=message) as info:
        load_split("dev", tmp_path)
    assert info.value.line == line


def test_speaker_matching_is_lenient_but_not_empty() -> None:
    assert same_speaker("The envoy", "the envoy")
    assert same_speaker("Daniel Kiprono", "Interior Minister Daniel Kiprono")
    assert same_speaker(None, None)
    assert not same_speaker("Aliyev", None)
    assert not same_speaker("the envoy", "the president")


def test_a_missing_blind_split_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="blind split is not in this checkout"):
        load_split("test", tmp_path)
