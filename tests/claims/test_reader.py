"""The per-country reader (round 14): it tells apart the countries of one sentence, it reads wording, not
names, what it adds is never drafted, and the shipped reader is the one trained from dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.claims import extract
from missiongate.claims.dataset import Gold, Item, load_split
from missiongate.claims.extract import extract_claims, sentence_readings
from missiongate.claims.model import Claim, Stance
from missiongate.claims.position import Position, PositionStance, Verdict, check_claim
from missiongate.claims.reader import (
    NONE,
    READER_PATH,
    Reader,
    load_reader,
    pair_features,
    pair_text,
    reader_from_dict,
)


def _reader() -> Reader:
    reader = load_reader()
    assert reader is not None  # the shipped reader
    return reader


def _readings(text: str, reader: Reader) -> dict[str, dict[str, float]]:
    """The reader's probabilities for every candidate of a one-sentence text, as the extractor asks."""
    (reading,) = sentence_readings(text)
    sent = reading.sent
    assert sent is not None
    codes = dict.fromkeys([m.code for m in sent.mentions] + [c.country for c in reading.rules])
    return {
        code: reader.probabilities(
            pair_features(sent.text, sent.mentions, code, reading.rules, None, sent.operation)
        )
        for code in codes
    }


def _best(probs: dict[str, float]) -> str:
    return max(probs, key=lambda label: probs[label])


def test_the_candidate_is_masked_apart_from_the_other_countries() -> None:
    text = "Mongolia will send engineers to UNMISS, but Nepal has ruled it out."
    (reading,) = sentence_readings(text)
    assert reading.sent is not None
    words = pair_text(reading.sent.text, reading.sent.mentions, "NPL")
    assert words[:4] == ["ctry", "will", "send", "engineers"] and "cand" in words


def test_two_countries_of_one_sentence_are_read_apart() -> None:
    text = "Mongolia has agreed to send a battalion to UNMISS, while Fiji has declined to take part."
    probs = _readings(text, _reader())
    assert (_best(probs["MNG"]), _best(probs["FJI"])) == ("agreed", "declined")


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("Mongolian engineers are bound for UNMISS, and Fiji has turned the request down.", "FJI"),
        ("Ulaanbaatar is in for UNMISS, but Suva is out.", "MNG"),
    ],
)
def test_the_reader_adds_the_country_the_rules_miss_with_its_own_stance(text: str, added: str) -> None:
    stances = {c.country: (c.stance, c.qualified) for c in extract_claims(text)}
    assert stances == {"MNG": (Stance.AGREED, added == "MNG"), "FJI": (Stance.DECLINED, added == "FJI")}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "READ_ADD", None)
        assert [c.country for c in extract_claims(text)] == [{"FJI": "MNG", "MNG": "FJI"}[added]]


def test_a_country_named_only_in_passing_is_read_as_no_claim() -> None:
    text = (
        "Mongolia will send a battalion to UNMISS, its defence minister said in Tokyo after talks with Japan."
    )
    probs = _readings(text, _reader())
    assert _best(probs["MNG"]) == "agreed" and _best(probs["JPN"]) == NONE


_NAMES = ("Mongolia", "Fiji", "Nepal", "Ghana", "Peru", "Uruguay", "Senegal", "Bangladesh")
_TEMPLATES = (
    "{a} has agreed to send engineers to UNMISS, but {b} has ruled out any role.",
    "{a} is studying a request to join the force; {b} has already sent troops.",
    "Officials in {a} said {b} would not deploy police to Haiti.",
    "{a} and {b} will both contribute a company to the mission, the ministry said.",
)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(_TEMPLATES),
    st.lists(st.sampled_from(_NAMES), min_size=4, max_size=4, unique=True),
)
def test_renaming_the_countries_consistently_does_not_change_the_reading(
    template: str, names: list[str]
) -> None:
    reader = _reader()
    first = _readings(template.format(a=names[0], b=names[1]), reader)
    second = _readings(template.format(a=names[2], b=names[3]), reader)
    assert list(first.values()) == list(second.values())


VOCABULARY = """Kenya Peru Nepal Ghana troops engineers will has agreed refused ruled out studying send
mission UNMISS the request said minister police Haiti not force in a to and but while"""


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY.split()), min_size=3, max_size=18))
def test_what_the_reader_adds_is_never_drafted(words: list[str]) -> None:
    text = " ".join(words) + "."
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "READ_ADD", None)
        ruled = extract_claims(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "READ_ADD", 0.3)
        read = extract_claims(text)
    assert drafting(read) == drafting(ruled)
    assert all(claim.qualified for claim in read if claim not in ruled)


def drafting(claims: list[Claim]) -> list[Claim]:
    """The claims that would get a rebuttal draft against some recorded position."""
    return [
        c
        for c in claims
        if any(check_claim(c, Position(c.country, s)).verdict is Verdict.CONTRADICTS for s in PositionStance)
    ]


def test_without_a_reader_file_the_extractor_runs_without_it(tmp_path: Path) -> None:
    assert load_reader(tmp_path / "absent.json") is None


def test_training_tells_the_countries_of_a_sentence_apart() -> None:
    pytest.importorskip("sklearn")
    from missiongate.claims.train import fit_reader, reader_examples

    texts = [
        ("Kenya will send troops to the force, but Peru has refused.", {"KEN": "agreed", "PER": "declined"}),
        ("Peru will send troops to the force, but Kenya has refused.", {"PER": "agreed", "KEN": "declined"}),
        ("Kenya signed a trade deal with Peru.", {}),
    ] * 4
    items = [
        Item(f"x{i}", text, tuple(Gold(c, s, None, None) for c, s in gold.items()))
        for i, (text, gold) in enumerate(texts)
    ]
    examples = []
    for item in items:
        readings = sentence_readings(item.text)
        examples += reader_examples(item, readings, [None] * len(readings))
    reader = reader_from_dict(json.loads(json.dumps(fit_reader(examples).to_dict())))  # the file round trip
    probs = _readings("Ghana will send troops to the force, but Nepal has refused.", reader)
    assert (_best(probs["GHA"]), _best(probs["NPL"])) == ("agreed", "declined")


@pytest.mark.slow
def test_the_shipped_reader_is_the_one_trained_from_dev() -> None:
    pytest.importorskip("sklearn")
    from missiongate.claims.train import train_reader

    shipped = json.loads(READER_PATH.read_text(encoding="utf-8"))
    trained = json.loads(json.dumps(train_reader(load_split("dev")).to_dict()))
    # Equal up to the last rounded digit: another BLAS may move a weight by a rounding step.
    assert trained["classes"] == shipped["classes"]
    assert trained["bias"] == pytest.approx(shipped["bias"], abs=1e-4)
    assert trained["features"].keys() == shipped["features"].keys()
    for feature, row in trained["features"].items():
        assert row == pytest.approx(shipped["features"][feature], abs=1e-4), feature
