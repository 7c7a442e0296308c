"""The labelled set's integrity, and the targets as a regression guard (the rules were tuned on dev only)."""

from __future__ import annotations

import hashlib

import pytest

from missiongate.claims.dataset import data_dir, evaluate, load_split, same_speaker
from missiongate.claims.gazetteer import country_codes

# The test split was frozen before any rule was written; editing it invalidates the reported figures.
TEST_SHA256 = "b702cd418f11a8398a12b5a3ea3c1f9b293eda0847c6d8706167fcf0eaaeae75"


def test_test_split_is_frozen() -> None:
    assert hashlib.sha256((data_dir() / "test.yaml").read_bytes()).hexdigest() == TEST_SHA256


def test_labelled_set_is_large_valid_and_disjoint() -> None:
    dev, test = load_split("dev"), load_split("test")
    assert len(dev) + len(test) >= 150
    ids = [item.id for item in dev + test]
    assert len(ids) == len(set(ids))
    assert not {i.text for i in dev} & {i.text for i in test}
    assert all(g.country in country_codes() for item in dev + test for g in item.claims)
    assert sum(not item.claims for item in test) >= 15  # non-claims are part of the difficulty


@pytest.mark.parametrize("split", ["dev", "test"])
def test_targets(split: str) -> None:
    metrics = evaluate(load_split(split), split).metrics()
    assert metrics["claim_f1"] >= 0.90
    assert metrics["stance_accuracy"] >= 0.90


def test_speaker_matching_is_lenient_but_not_empty() -> None:
    assert same_speaker("The envoy", "the envoy")
    assert same_speaker("Daniel Kiprono", "Interior Minister Daniel Kiprono")
    assert same_speaker(None, None)
    assert not same_speaker("Aliyev", None)
    assert not same_speaker("the envoy", "the president")
