"""The learned back-off: what it adds to the rules, that it never drafts a rebuttal, what it takes away as a
second reader (round 11: only claims that would not be drafted), and that the shipped model is the one the
training script makes from dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.claims import extract
from missiongate.claims.dataset import Gold, Item, load_split
from missiongate.claims.extract import extract_claims
from missiongate.claims.gazetteer import find_countries
from missiongate.claims.learned import MODEL_PATH, backoff_from_dict, load_backoff, masked, ngram_counts
from missiongate.claims.model import Claim, Stance
from missiongate.claims.position import Position, PositionStance, Verdict, check_claim

# Wording no rule reads: only the learned back-off finds this claim.
UNRULED = (
    "The Peruvian defence ministry has begun selecting troops for a possible mission abroad, "
    "state radio said."
)


def test_the_back_off_adds_a_reported_claim_where_the_rules_find_none() -> None:
    (claim,) = extract_claims(UNRULED)
    assert (claim.country, claim.stance, claim.speaker) == ("PER", Stance.CONSIDERING, "state radio")
    assert claim.cue == "" and claim.qualified
    for stance in PositionStance:
        assert check_claim(claim, Position("PER", stance)).verdict is not Verdict.CONTRADICTS


def test_without_a_model_file_the_rules_work_alone(tmp_path: Path) -> None:
    assert load_backoff(tmp_path / "absent.json") is None
    assert load_backoff() is not None  # the shipped model


def test_countries_are_masked_so_the_model_learns_wording_not_names() -> None:
    text = "Nepal and the Philippines will send troops."
    assert masked(text, find_countries(text)) == "ctry and the ctry will send troops."
    counts = ngram_counts("ctry will send")
    assert counts["w:will send"] == 1 and counts["c: ctry"] == 1 and counts["c:sen"] == 1


_VOCABULARY = """Kenya Peru Baku Nepali troops engineers will has begun selecting possible mission abroad the
request is on desk said minister police Haiti not agreed force in a for to and"""
_WORDS = st.sampled_from(_VOCABULARY.split())


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=18))
def test_a_learned_claim_is_never_rebutted(words: list[str]) -> None:
    for claim in extract_claims(" ".join(words) + "."):
        if claim.cue == "":
            assert claim.qualified
            for stance in PositionStance:
                position = Position(claim.country, stance)
                assert check_claim(claim, position).verdict is not Verdict.CONTRADICTS


def _claim_probability(text: str) -> float:
    backoff = load_backoff()
    assert backoff is not None
    return backoff.claim_probability(backoff.vector(masked(text, find_countries(text))))


def test_a_rule_claim_in_a_sentence_the_detector_reads_as_none_is_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Mongolia's contribution to UNMISS was the theme of a photo exhibition in Geneva."
    assert _claim_probability(text) < extract.DOUBT
    assert extract_claims(text) == []
    monkeypatch.setattr(extract, "DOUBT", 0.0)  # the rules alone
    (claim,) = extract_claims(text)
    assert claim.country == "MNG" and claim.review  # a reading the gate would not draft


def test_a_claim_the_gate_would_draft_is_kept_whatever_the_detector_reads() -> None:
    text = "Mongolia joined UNMISS, the choir of the museum sang at the parade."
    assert _claim_probability(text) < extract.DOUBT
    (claim,) = extract_claims(text)
    assert (claim.country, claim.stance, claim.review) == ("MNG", Stance.AGREED, "")
    assert check_claim(claim, Position("MNG", PositionStance.DECLINED)).verdict is Verdict.CONTRADICTS


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=18))
def test_the_second_reading_only_removes_claims_and_never_a_draft(words: list[str]) -> None:
    text = " ".join(words) + "."
    doubted = extract_claims(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "DOUBT", 0.0)
        ruled = extract_claims(text)
    assert all(claim in ruled for claim in doubted)
    assert _drafting(doubted) == _drafting(ruled)


def _drafting(claims: list[Claim]) -> list[Claim]:
    """The claims that contradict some recorded position of their country: the ones that get a draft."""
    return [
        c
        for c in claims
        if any(check_claim(c, Position(c.country, s)).verdict is Verdict.CONTRADICTS for s in PositionStance)
    ]


def test_training_separates_claims_from_non_claims() -> None:
    pytest.importorskip("sklearn")
    from missiongate.claims.train import train

    def item(i: int, text: str, stance: str | None) -> Item:
        return Item(f"x{i}", text, (Gold("KEN", stance, None, None),) if stance else ())

    items = [
        item(i, text, stance)
        for i, (text, stance) in enumerate(
            [("Kenya will send troops to the force.", "agreed")] * 4
            + [("Kenya is studying the request for troops.", "considering")] * 4
            + [("Kenya signed a trade deal with Peru.", None)] * 4
        )
    ]
    model = backoff_from_dict(train(items, threshold=0.5).to_dict())  # the file round trip
    send = model.vector(masked("Peru will send troops.", find_countries("Peru will send troops.")))
    deal = model.vector(masked("Peru signed a trade deal.", find_countries("Peru signed a trade deal.")))
    assert model.claim_probability(send) > 0.5 > model.claim_probability(deal)
    assert model.stance_of(send) == "agreed"


@pytest.mark.slow
def test_the_shipped_model_is_the_one_trained_from_dev() -> None:
    pytest.importorskip("sklearn")
    from missiongate.claims.train import train

    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    trained = json.loads(json.dumps(train(load_split("dev")).to_dict()))
    # Equal up to the last rounded digit: another BLAS may move a weight by a rounding step.
    assert (trained["threshold"], trained["stances"]) == (shipped["threshold"], shipped["stances"])
    assert trained["bias"] == pytest.approx(shipped["bias"], abs=1e-4)
    assert trained["features"].keys() == shipped["features"].keys()
    for feature, row in trained["features"].items():
        assert row == pytest.approx(shipped["features"][feature], abs=1e-4), feature


def test_trainer_refuses_an_output_in_no_directory(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from missiongate.claims import train

    monkeypatch.setattr("sys.argv", ["train", "--out", "/nonexistent/dir/model.json"])
    with pytest.raises(SystemExit) as exit_:
        train.main()
    assert exit_.value.code == 2
    assert "is not a directory" in capsys.readouterr().err
