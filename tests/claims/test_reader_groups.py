"""Round 16's feature groups of the per-country reader: each reads what it says (the candidate's side of the
cue, operation words near it, the item's other sentences, its own clause), none reads names, and the
shipped reader records the groups it was trained with."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.claims import reader as rd
from missiongate.claims.extract import sentence_readings
from missiongate.claims.reader import GROUP_PREFIXES, load_reader, pair_features

SHIPPED = rd.GROUPS  # before the fixture switches every group on


@pytest.fixture(autouse=True)
def every_group() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rd, "GROUPS", frozenset(GROUP_PREFIXES))
        yield


def _features(text: str, prefix: str) -> dict[str, set[str]]:
    """The features of one group for every candidate of every sentence of `text`, by country code (a
    country named in two sentences gets the features of both)."""
    found: dict[str, set[str]] = {}
    for reading in sentence_readings(text):
        sent = reading.sent
        assert sent is not None
        for code in dict.fromkeys(m.code for m in sent.mentions):
            features = pair_features(
                sent.text, sent.mentions, code, reading.rules, None, sent.operation, reading.around
            )
            found.setdefault(code, set()).update(f for f in features if f.startswith(prefix))
    return found


def test_the_subject_of_the_cue_and_its_object_read_apart() -> None:
    subject = _features("Kenya has agreed to send troops to the force, Peru said.", "c:")
    assert {"c:pre", "c:pre:agreed", "c:pre:same"} <= subject["KEN"]
    assert "c:post" in subject["PER"] and not subject["PER"] & {"c:pre", "c:pre:agreed"}
    swapped = _features("Peru has agreed to send troops to the force, Kenya said.", "c:")
    assert swapped["PER"] == subject["KEN"] and swapped["KEN"] == subject["PER"]


def test_another_country_between_the_candidate_and_the_cue_is_marked() -> None:
    found = _features("Kenya asked Peru to send troops to the force.", "c:")
    assert "c:between" in found["KEN"] and "c:between" not in found["PER"]


def test_a_cue_in_another_clause_is_marked_so() -> None:
    found = _features("Mongolia has sent a battalion to UNMISS, while Fiji has declined to take part.", "c:")
    assert "c:pre:declined:same" in found["FJI"] and "c:first" in found["FJI"]
    assert "c:pre:agreed:same" in found["MNG"]


def test_operation_words_are_read_by_side_and_distance() -> None:
    text = "Fiji will send a battalion to the mission in Lebanon, Japan's envoy noted later."
    found = _features(text, "m:")
    assert {"m:rn:battalion", "m:rw:mission"} <= found["FJI"]
    assert "m:inside" in found["LBN"] and "m:inside" not in found["FJI"]
    assert _features("Fiji signed a trade deal with Japan.", "m:")["FJI"] == {"m:none"}


def test_the_other_sentences_that_name_the_candidate_are_read() -> None:
    text = (
        "Fiji was asked to help. Japan has refused. Fiji will send engineers. Its cabinet met on Monday. "
        "Its envoy left. Japan stayed out."
    )
    found = _features(text, "x:")
    assert {"x:named", "x:send", "x:engineers", "x:cand", "x:asked"} <= found["FJI"]
    # Japan's two sentences are four apart: beyond the two each side that the group reads
    assert found["JPN"] == {"x:unnamed"}
    assert _features("Fiji will send engineers.", "x:")["FJI"] == {"x:single"}


def test_the_clause_group_reads_the_candidates_clause_only() -> None:
    found = _features("Mongolia has sent a battalion to UNMISS, while Fiji has declined to take part.", "q:")
    assert "q:declined" in found["FJI"] and "q:battalion" not in found["FJI"]
    assert "q:battalion" in found["MNG"] and "q:declined" not in found["MNG"]


_NAMES = ("Mongolia", "Fiji", "Nepal", "Ghana", "Peru", "Uruguay", "Senegal", "Bangladesh")
_TEMPLATES = (
    "{a} has agreed to send engineers to UNMISS, but {b} has ruled out any role.",
    "{a} is studying a request to join the force; {b} has already sent troops. {a} will decide in May.",
    "Officials in {a} said {b} would not deploy police to Haiti. {b} denied it.",
    "{a} asked {b} to send a battalion, which {b} refused, while {a} has committed a company.",
)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_TEMPLATES),
    st.lists(st.sampled_from(_NAMES), min_size=4, max_size=4, unique=True),
)
def test_renaming_the_countries_consistently_changes_no_feature(template: str, names: list[str]) -> None:
    first = _features(template.format(a=names[0], b=names[1]), "")
    second = _features(template.format(a=names[2], b=names[3]), "")
    assert list(first.values()) == list(second.values())
    assert all(any(f.startswith(tuple(GROUP_PREFIXES.values())) for f in fs) for fs in first.values())


def test_the_shipped_reader_records_the_groups_it_reads_with() -> None:
    reader = load_reader()
    assert reader is not None and reader.groups == SHIPPED
