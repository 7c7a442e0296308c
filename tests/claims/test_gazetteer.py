from __future__ import annotations

import pytest

from missiongate.claims.countries import TABLE
from missiongate.claims.gazetteer import country_codes, country_name, find_countries


def codes(text: str) -> list[str]:
    return [m.code for m in find_countries(text)]


def test_covers_every_un_member_state() -> None:
    # 193 members, Palestine, the Holy See, Taiwan, the Cook Islands and Niue (free association), Kosovo
    assert len(country_codes()) == 199
    assert all(len(line.split("|")) == 4 for line in TABLE.strip().splitlines())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijani troops", ["AZE"]),
        ("officials in Baku", ["AZE"]),
        ("the Kremlin and the White House", ["RUS", "USA"]),
        ("the U.S. ambassador", ["USA"]),
        ("Guinea-Bissau, Guinea and Papua New Guinea", ["GNB", "GIN", "PNG"]),
        ("South Sudan and Sudan", ["SSD", "SDN"]),
        ("Niger and Nigeria", ["NER", "NGA"]),
        ("Dominica and the Dominican Republic", ["DMA", "DOM"]),
        ("Türkiye, Turkey and Turkish", ["TUR", "TUR", "TUR"]),
        ("Brasília and Brasilia", ["BRA", "BRA"]),
        ("Kazakhs and Azerbaijanis", ["KAZ", "AZE"]),
        ("the Cook Islands, Cook Islanders and Avarua", ["COK", "COK", "COK"]),
        ("Niue, Niueans and Alofi", ["NIU", "NIU", "NIU"]),
        ("Kosovo, Kosovars, Pristina and Prishtina", ["XKX", "XKX", "XKX", "XKX"]),
        # national forces named without their country: a closed list of well-known names
        ("the Self-Defense Forces, the SANDF and the Cheonghae unit", ["JPN", "ZAF", "KOR"]),
    ],
)
def test_names_demonyms_capitals(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Latin America",
        "the Indian Ocean",
        "New Mexico",
        "Chad Smith",
        "turkey and chad",
        "Captain Cook",
        "ADF",
    ],
)
def test_things_that_are_not_countries(text: str) -> None:
    assert codes(text) == []


def test_offsets_and_names() -> None:
    text = "Kenyan-led force"
    (mention,) = find_countries(text)
    assert text[mention.start : mention.end] == "Kenyan" and mention.kind == "demonym"
    assert country_name("AZE") == "Azerbaijan"
    assert country_name("XXX") == "XXX"
