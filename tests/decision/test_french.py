"""French names, prepositions, dates and typography as the French note writes them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missiongate.decision import french
from missiongate.errors import MissionGateError


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        ("United States of America", "l'Ambassade des États-Unis d'Amérique"),
        ("France", "l'Ambassade de France"),
        ("Japan", "l'Ambassade du Japon"),
        ("India", "l'Ambassade de l'Inde"),
        ("the Netherlands", "l'Ambassade des Pays-Bas"),
        ("Israel", "l'Ambassade d'Israël"),
        ("Embassy of Egypt", "l'Ambassade d'Égypte"),
        ("Republic of Korea", "l'Ambassade de la République de Corée"),
        ("Chili", "l'Ambassade du Chili"),
        ("Bolivie", "l'Ambassade de Bolivie"),
        ("Équateur", "l'Ambassade d'Équateur"),
        ("Comores", "l'Ambassade des Comores"),
        ("Cuba", "l'Ambassade de Cuba"),
        ("République dominicaine", "l'Ambassade de la République dominicaine"),
        (
            "Secrétariat de l'Organisation des Nations Unies",
            "le Secrétariat de l'Organisation des Nations Unies",
        ),
        ("L'Ambassade du Brésil", "l'Ambassade du Brésil"),
        ("Mission permanente de la France", "la Mission permanente de la France"),
    ],
)
def test_the_addressee_takes_its_article_and_preposition(party: str, expected: str) -> None:
    assert french.addressee(party) == expected


@pytest.mark.parametrize(
    ("name", "of", "to"),
    [
        ("le Secrétariat", "du Secrétariat", "au Secrétariat"),
        ("les États-Unis d'Amérique", "des États-Unis d'Amérique", "aux États-Unis d'Amérique"),
        ("la France", "de la France", "à la France"),
        ("l'Azerbaïdjan", "de l'Azerbaïdjan", "à l'Azerbaïdjan"),
        ("Israël", "d'Israël", "à Israël"),
        ("Cuba", "de Cuba", "à Cuba"),
    ],
)
def test_de_and_a_contract_with_the_article(name: str, of: str, to: str) -> None:
    assert (french.of(name), french.to(name)) == (of, to)


def test_the_contributor_is_named_formally_for_its_ministry() -> None:
    assert french.country_by_code("AZE").formal_of == "de la République d'Azerbaïdjan"
    assert french.country_by_code("JPN").formal_of == "du Japon"
    assert french.country_by_code("IRL").formal_of == "d'Irlande"
    assert french.country("Türkiye").name == "la Türkiye"
    assert french.country("Azerbaïdjan") == french.country("l'Azerbaïdjan") == french.country("Azerbaijan")


def test_english_names_french_does_not_know_are_refused() -> None:
    with pytest.raises(MissionGateError, match="give it in French"):
        french.country("Ecuador")
    with pytest.raises(MissionGateError, match="addressee"):
        french.addressee("United Nations Department of Peace Operations")


@given(st.text(alphabet=st.characters(categories=["L", "Zs"]), min_size=1, max_size=40).filter(str.strip))
def test_an_addressee_is_stable_and_never_doubles_the_embassy(name: str) -> None:
    try:
        once = french.addressee(name)
    except MissionGateError:
        return
    assert french.addressee(once) == once
    assert re.match(r"(l'|le |la |les )", once)
    assert "Ambassade d'Ambassade" not in once and "Ambassade de l'Ambassade" not in once


def test_french_dates() -> None:
    assert french.long_date(dt.date(2026, 1, 2)) == "2\u00a0janvier 2026"
    assert french.long_date(dt.date(2026, 3, 1)) == "1er\u00a0mars 2026"
    assert french.joined(["a", "b", "c"]) == "a, b et c"


@given(st.text(alphabet="ab :;?!«»\u00a0\u202f", max_size=30))
def test_typography_puts_a_non_breaking_space_before_high_punctuation(text: str) -> None:
    set_ = french.typography(text)
    assert french.typography(set_) == set_
    assert re.findall(r".(?<![\u202f])[;?!]", set_) == []
    assert re.findall(r"[^\u00a0]:(?=[^\S\u00a0]|$)", set_) == []
