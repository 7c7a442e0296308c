"""The parts of the per-country reader that the study measured and the product does not ship
(`bench/claims_reader_lobo.py`): dropping and changing claims, and round 15's conditions on the added ones.
They too never draft: a changed or added claim is `qualified`, a claim the gate would draft is never
touched."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.claims import extract
from missiongate.claims.extract import extract_claims, sentence_readings
from missiongate.claims.model import Claim
from missiongate.claims.reader import load_reader
from missiongate.claims.sentence import Analysis
from tests.claims.test_reader import VOCABULARY, drafting
from tests.support.bench import bench_module

STUDY = bench_module("claims_reader_lobo")


@pytest.fixture
def patch() -> Iterator[pytest.MonkeyPatch]:
    """The study's reading in place of the product's, with the shipped reader and its own switches off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "_reread", STUDY._study_reread)
        patch.setattr(STUDY, "READER", load_reader())
        yield patch


def _sentence(text: str) -> Analysis:
    (reading,) = sentence_readings(text)
    assert reading.sent is not None
    return reading.sent


def test_a_country_in_a_run_of_three_is_listed_and_a_pair_is_not() -> None:
    sent = _sentence("Mongolia, Fiji and Nepal are members; Ghana and Peru will send engineers to UNMISS.")
    listed = {m.code: STUDY._listed(sent, m) for m in sent.mentions}
    assert listed == {"MNG": True, "FJI": True, "NPL": True, "GHA": False, "PER": False}


def test_the_add_conditions_ask_an_operation_and_an_actor(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(STUDY, "ADD_IF", frozenset({"operation", "actor"}))
    assert not STUDY._addable(_sentence("Fiji will send engineers next year."), "FJI")
    assert STUDY._addable(_sentence("Fiji will send engineers to UNMISS."), "FJI")
    assert not STUDY._addable(_sentence("The UN mission in South Sudan needs more troops."), "SSD")


@pytest.mark.parametrize(
    "text",
    [
        "Mongolian engineers are bound for UNMISS, and Fiji has turned the request down.",
        "Ulaanbaatar is in for UNMISS, but Suva is out.",
    ],
)
def test_with_its_own_switches_off_the_study_reads_as_the_product(text: str) -> None:
    product = extract_claims(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "_reread", STUDY._study_reread)
        patch.setattr(STUDY, "READER", load_reader())
        assert extract_claims(text) == product


_CONDITIONS = st.sets(st.sampled_from(["operation", "actor", "unlisted"]))  # "joined" changes stances


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY.split()), min_size=3, max_size=18), _CONDITIONS)
def test_conditions_on_added_claims_only_take_claims_away(words: list[str], conditions: set[str]) -> None:
    text = " ".join(words) + "."
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "_reread", STUDY._study_reread)
        patch.setattr(STUDY, "READER", load_reader())
        loose = extract_claims(text)
        patch.setattr(STUDY, "ADD_IF", frozenset(conditions))
        strict = extract_claims(text)
    assert all(claim in loose for claim in strict)
    assert [c for c in loose if not c.qualified] == [c for c in strict if not c.qualified]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY.split()), min_size=3, max_size=18))
def test_what_the_study_adds_or_changes_is_never_drafted(words: list[str]) -> None:
    text = " ".join(words) + "."
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "READ_ADD", None)
        ruled = extract_claims(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "_reread", STUDY._study_reread)
        patch.setattr(STUDY, "READER", load_reader())
        for module, name in ((extract, "READ_ADD"), (STUDY, "DROP"), (STUDY, "STANCE")):
            patch.setattr(module, name, 0.3)
        read: list[Claim] = extract_claims(text)
    assert drafting(read) == drafting(ruled)
    assert all(claim.qualified for claim in read if claim not in ruled)


def test_a_country_joined_to_a_ruled_one_takes_its_stance_with_joined_only(patch: pytest.MonkeyPatch) -> None:
    (reading,) = sentence_readings("Mongolia and Fiji have refused to send troops to UNMISS.")
    assert reading.sent is not None
    ruled = [c for c in reading.rules if c.country != "FJI"]
    stance = next(c.stance for c in ruled if c.country == "MNG")
    assert STUDY._joined_stance(reading.sent, "FJI", ruled) is None
    patch.setattr(STUDY, "ADD_IF", frozenset({"joined"}))
    assert STUDY._joined_stance(reading.sent, "FJI", ruled) is stance
    assert STUDY._joined_stance(reading.sent, "MNG", ruled) is None  # FJI is not ruled here


def test_a_close_call_takes_the_nearest_cues_stance_with_a_margin_only(patch: pytest.MonkeyPatch) -> None:
    (reading,) = sentence_readings("Mongolia is studying the request, and Fiji has refused to send troops.")
    assert reading.sent is not None
    cues = reading.around.cues
    close = {"none": 0.1, "agreed": 0.44, "considering": 0.41, "declined": 0.05}
    assert STUDY._cue_stance(reading.sent, "FJI", cues, close) is None  # no margin: off
    patch.setattr(STUDY, "CLOSE", 0.1)
    assert STUDY._cue_stance(reading.sent, "FJI", cues, close) == "declined"
    assert STUDY._cue_stance(reading.sent, "MNG", cues, close) == "considering"
    sure = {"none": 0.1, "agreed": 0.8, "considering": 0.05, "declined": 0.05}
    assert STUDY._cue_stance(reading.sent, "FJI", cues, sure) is None
