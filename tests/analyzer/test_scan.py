"""Every pattern the analyzer searches only at its first words (scan.Led) or only in the stretches that hold
its words (scan.Held) finds what re's own search finds."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import missiongate.analyzer as analyzer
from missiongate.analyzer.model import Structure
from missiongate.analyzer.scan import Held, Led


def _declared(value: object) -> Iterator[Led | Held]:
    if isinstance(value, Led | Held):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _declared(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _declared(item)


def _all_declared() -> list[tuple[str, Led | Held]]:
    found: dict[int, tuple[str, Led | Held]] = {}
    for module in pkgutil.iter_modules(analyzer.__path__):
        loaded = importlib.import_module(f"{analyzer.__name__}.{module.name}")
        for name, value in vars(loaded).items():
            for led in _declared(value):
                found.setdefault(id(led), (f"{module.name}.{name}", led))
    return list(found.values())


DECLARED = _all_declared()
# Letters re folds onto ASCII ones under re.I (the dotless ı, the long ſ, the Kelvin sign, ...) are not
# lowered in `Structure.lower`: scan.py's stated limit, left out here.
_FOLDED = "".join(
    chr(c) for c in range(128, 0x10000) if re.fullmatch("[a-z]", chr(c), re.I) and not chr(c).isascii()
)
_TEXT = st.characters(exclude_categories=("Cs",), exclude_characters=_FOLDED)
_AROUND = st.text(st.sampled_from(" ;.,\nAa") | _TEXT, max_size=20)  # stops and word breaks, often


def _structure(text: str) -> Structure:
    return Structure(text, None, None, (), (), (), {}, 0, len(text))


def test_the_analyzer_declares_led_and_held_patterns() -> None:
    kinds = [type(led) for _, led in DECLARED]  # the walk above finds them; an empty list would test nothing
    assert kinds.count(Led) >= 6 and kinds.count(Held) >= 2


@pytest.mark.parametrize(("name", "led"), DECLARED, ids=[name for name, _ in DECLARED])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_finds_what_re_finds(name: str, led: Led | Held, data: st.DataObject) -> None:
    before, after = data.draw(_AROUND), data.draw(_AROUND)
    found = data.draw(st.from_regex(led.pattern, alphabet=_TEXT), label="found")
    text = before + found + after
    start = data.draw(st.integers(0, len(before)))  # a range that holds the generated match
    end = data.draw(st.integers(len(before) + len(found), len(text)))
    structure = _structure(text)
    searched = structure.lower if isinstance(led, Led) and led.lowered else text
    expected = [m.span() for m in led.pattern.finditer(searched, start, end)]
    assert [m.span() for m in led.finditer(structure, start, end)] == expected


def test_led_misses_a_start_it_was_not_told() -> None:
    led = Led(re.compile(r"\b(?:decides|requests)\b", re.I), ("decide",))
    structure = _structure("Requests and DECIDES")
    assert [m.group() for m in led.finditer(structure, 0, len(structure.text))] == ["DECIDES"]


def test_held_searches_only_the_stretches_with_a_word() -> None:
    held = Held(re.compile(r"\d+ \w+"), ("troops",))  # told a word its matches need not hold
    structure = _structure("12 Troops; 30 police")
    assert [m.group() for m in held.finditer(structure, 0, len(structure.text))] == ["12 Troops"]
    assert [m.span() for m in held.finditer(structure, 1, 9)] == [(1, 9)]


def test_led_refuses_word_starts_that_are_no_word() -> None:
    with pytest.raises(ValueError, match="word starts"):
        Led(re.compile(r"’s"), ("’s",))
