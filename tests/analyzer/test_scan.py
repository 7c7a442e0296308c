"""Every pattern the analyzer searches only at its first words (scan.Led) or only in the stretches that hold
its words (scan.Held) finds what re's own search finds."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import missiongate.analyzer as analyzer
from missiongate.analyzer.model import Structure
from missiongate.analyzer.scan import Held, Led


def _declared(name: str, value: object) -> Iterator[tuple[str, Led | Held]]:
    if isinstance(value, Led | Held):
        yield name, value
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _declared(f"{name}[{index}]", item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _declared(f"{name}[{key}]", item)


def _all_declared() -> list[tuple[str, Led | Held]]:
    """Each pattern under the name of the module that declares it: a name another module imports
    (learned_tasks imports lexicon.COMPILED) is not a declaration."""
    found: dict[int, tuple[str, Led | Held]] = {}
    for module in pkgutil.iter_modules(analyzer.__path__):
        loaded = importlib.import_module(f"{analyzer.__name__}.{module.name}")
        imported = _imported_names(inspect.getsource(loaded))
        for name, value in vars(loaded).items():
            if name in imported:
                continue
            for path, led in _declared(f"{module.name}.{name}", value):
                found.setdefault(id(led), (path, led))
    return list(found.values())


def _imported_names(source: str) -> set[str]:
    return {
        alias.asname or alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


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


def _literals(pattern: re.Pattern[str]) -> list[str]:
    """The runs of letters and quotes in the pattern's source (escapes such as \\b, \\s left out)."""
    return re.findall(r"[A-Za-z’'“”\"-]+", re.sub(r"\\.", " ", pattern.pattern))


_CASES = (str, str.lower, str.upper, str.capitalize)
_SPACE = (" ", " ", " ", " ", "  ", "\n", "-", "", ", ")  # after each word of a run, mostly a space
_GLUE = (" ", "; ", ". ", "(", "2020 ", "é", "’s ", "A", "\n\n")  # before a run


def _phrase(literals: list[str], data: st.DataObject) -> str:
    """A run of the pattern's words in their order in the source, a few left out, each cased at random: most
    matches are such a run."""
    first = data.draw(st.sampled_from(range(len(literals))))
    run = literals[first : first + data.draw(st.integers(1, 10))]
    kept = [data.draw(st.sampled_from(_CASES))(word) for word in run if data.draw(st.integers(0, 7))]
    return data.draw(st.sampled_from(_GLUE)) + "".join(w + data.draw(st.sampled_from(_SPACE)) for w in kept)


_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_STRAY = (" ", ";", ", ", "7", "\n", "x", "é", "’")  # what a left-out piece leaves: a near miss


def sketch(pattern: re.Pattern[str], data: st.DataObject) -> str:
    """A string that follows the pattern's own tree (re's parser): each piece drawn as re would match it
    (a branch, a number of repeats, a letter of a class, the pattern's own letters), now and then one
    replaced by stray text, and the whole cased at random. Reaches the words inside classes and branches
    the source's letters alone do not ("authori[sz]es"), and the near misses around them."""
    found = _sketch(_parser.parse(pattern.pattern, pattern.flags).data, data, 0)
    return data.draw(st.sampled_from((str, *_CASES)))(found)


def _sketch(items: list[tuple[Any, Any]], data: st.DataObject, depth: int) -> str:
    drawn = []
    for op, av in items:
        if data.draw(st.integers(0, 59)) == 0:
            drawn.append(data.draw(st.sampled_from(_STRAY)))
        else:
            drawn.append(_sketch_piece(str(op), av, data, depth))
    return "".join(drawn)


def _sketch_piece(op: str, av: Any, data: st.DataObject, depth: int) -> str:
    if op == "LITERAL":
        return chr(av)
    if op == "IN":
        return data.draw(st.sampled_from([_sketch_char(str(o), a) for o, a in av]))
    if op == "BRANCH":
        return _sketch(data.draw(st.sampled_from(av[1])).data, data, depth + 1)
    if op in {"SUBPATTERN", "ATOMIC_GROUP"}:
        return _sketch((av[3] if op == "SUBPATTERN" else av).data, data, depth + 1)
    if op in _REPEATS:
        low, high, sub = av
        times = low if depth > 8 else data.draw(st.integers(low, min(high, low + 2)))
        return "".join(_sketch(sub.data, data, depth + 1) for _ in range(times))
    if op == "ASSERT" and data.draw(st.booleans()):
        return _sketch(av[1].data, data, depth + 1)  # the text a look-around looks for, now and then
    return {"ANY": "x", "NOT_LITERAL": "x"}.get(op, "")  # other zero-width tests, group references: nothing


def _sketch_char(op: str, av: Any) -> str:
    if op == "LITERAL":
        return chr(av)
    if op == "RANGE":
        return chr(av[0])
    return {"CATEGORY_DIGIT": "4", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "w"}.get(str(av), ";")


@pytest.mark.parametrize(("name", "led"), DECLARED, ids=[name for name, _ in DECLARED])
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_finds_what_re_finds_in_its_own_words(name: str, led: Led | Held, data: st.DataObject) -> None:
    """Text made of runs of the pattern's own words and of strings that follow its tree: reaches the branches
    a generated match rarely does, and the near-misses around them."""
    literals = _literals(led.pattern)
    runs = data.draw(st.lists(st.booleans(), min_size=1, max_size=3))
    text = "".join(sketch(led.pattern, data) if tree else _phrase(literals, data) for tree in runs)
    start = min(data.draw(st.integers(0, 2)), len(text))  # nearly all the text: the ends are tested above
    end = max(start, len(text) - data.draw(st.integers(0, 2)))
    structure = _structure(text)
    searched = structure.lower if isinstance(led, Led) and led.lowered else text
    expected = [m.span() for m in led.pattern.finditer(searched, start, end)]
    assert [m.span() for m in led.finditer(structure, start, end)] == expected


def test_led_misses_a_start_it_was_not_told() -> None:
    led = Led(re.compile(r"\b(?:decides|requests)\b", re.I), words=("decide",))  # an override, wrong
    structure = _structure("Requests and DECIDES")
    assert [m.group() for m in led.finditer(structure, 0, len(structure.text))] == ["DECIDES"]


def test_led_finds_a_new_alternative_without_being_told() -> None:
    led = Led(re.compile(r"\b(?:decides|requests)\b", re.I))
    structure = _structure("Requests and DECIDES")
    assert [m.group() for m in led.finditer(structure, 0, len(structure.text))] == ["Requests", "DECIDES"]


def test_led_runs_as_re_where_its_first_words_cannot_be_told() -> None:
    led = Led(re.compile(r"\d+\s+troops", re.I))
    structure = _structure("12 troops, 30 TROOPS")
    assert led.words is None
    assert [m.group() for m in led.finditer(structure, 1, len(structure.text))] == ["2 troops", "30 TROOPS"]


def test_held_searches_only_the_stretches_with_a_word() -> None:
    held = Held(re.compile(r"\d+ \w+"), words=("troops",))  # told a word its matches need not hold
    structure = _structure("12 Troops; 30 police")
    assert [m.group() for m in held.finditer(structure, 0, len(structure.text))] == ["12 Troops"]
    assert [m.span() for m in held.finditer(structure, 1, 9)] == [(1, 9)]


def test_led_refuses_word_starts_that_are_no_word() -> None:
    with pytest.raises(ValueError, match="word starts"):
        Led(re.compile(r"’s"), words=("’s",))
