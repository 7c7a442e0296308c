"""Find countries in text: names, demonyms, capitals and metonyms mapped to ISO 3166 alpha-3."""

from __future__ import annotations

import re
from functools import cache

from missiongate.claims.countries import TABLE
from missiongate.claims.model import Mention

# Words that turn a match into something else ("Latin America", "Indian Ocean", "Chad Smith").
_PRECEDED_BY_BLOCKS = {"America": {"Latin", "South", "Central", "North"}, "Mexico": {"New"}}
_PRECEDED_BY_BLOCKS["American"] = _PRECEDED_BY_BLOCKS["America"]
_FOLLOWED_BY_BLOCKS = {"Indian": {"Ocean"}, "American": {"Samoa"}, "Jordan": {"River", "Valley"}}
_GIVEN_NAMES = {"Chad", "Jordan", "Georgia", "Israel", "Kenya", "India"}
_NO_PLURAL = ("s", "sh", "ch", "ese", "x", "Lao", "Thai", "Tajik", "Kazakh", "Uzbek", "Kyrgyz")


_WORD = re.compile(r"\w+")
_CANDIDATE = re.compile(r"(?<![\w.'-])[^\W\d_a-z]")  # start of a capitalised word
_RIGHT_EDGE = re.compile(r"(?!\w|\.\w)")


@cache
def _index() -> tuple[dict[str, list[str]], dict[str, tuple[str, str]]]:
    """Forms grouped by their first word (longest first), and form -> (code, kind)."""
    forms: dict[str, tuple[str, str]] = {}
    for line in TABLE.strip().splitlines():
        code, names, demonyms, capitals = (part.strip() for part in line.split("|"))
        for kind, cell in (("name", names), ("demonym", demonyms), ("capital", capitals)):
            for form in filter(None, (f.strip() for f in cell.split(";"))):
                forms.setdefault(form, (code, kind))
                if kind == "demonym" and not form.endswith(_NO_PLURAL):
                    forms.setdefault(form + "s", (code, kind))
    for demonym in ("Kazakh", "Uzbek", "Tajik", "Kyrgyz", "Thai"):
        forms.setdefault(demonym + "s", forms[demonym])
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        first = _WORD.match(form)
        assert first is not None
        by_first.setdefault(first.group(), []).append(form)
    return by_first, forms


def _blocked(text: str, start: int, end: int, form: str) -> bool:
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 16].split()
    prev_word = before[-1] if before and text[start - 1 : start].isspace() else ""
    next_word = after[0].strip(".,;:") if after and text[end : end + 1].isspace() else ""
    if prev_word in _PRECEDED_BY_BLOCKS.get(form, ()):
        return True
    if next_word in _FOLLOWED_BY_BLOCKS.get(form, ()):
        return True
    # "Chad Smith", "Jordan Peterson": a given name followed by a capitalised surname.
    return form in _GIVEN_NAMES and next_word[:1].isupper() and _lookup(next_word) is None


def _lookup(word: str) -> tuple[str, str] | None:
    return _index()[1].get(word)


def find_countries(text: str) -> list[Mention]:
    """All country mentions in `text`, left to right, longest form first at each position."""
    by_first, forms = _index()
    mentions: list[Mention] = []
    resume = 0
    for cand in _CANDIDATE.finditer(text):
        start = cand.start()
        word = _WORD.match(text, start)
        if start < resume or word is None or word.group() not in by_first:
            continue
        for form in by_first[word.group()]:
            end = start + len(form)
            if text.startswith(form, start) and _RIGHT_EDGE.match(text, end):
                if not _blocked(text, start, end, form):
                    code, kind = forms[form]
                    mentions.append(Mention(code, start, end, kind))
                    resume = end
                break
    return mentions


def country_codes() -> frozenset[str]:
    return frozenset(code for code, _ in _index()[1].values())


def country_name(code: str) -> str:
    """The first (canonical) name of a state, e.g. AZE -> Azerbaijan."""
    for line in TABLE.strip().splitlines():
        iso, names, *_ = (part.strip() for part in line.split("|"))
        if iso == code:
            return names.split(";")[0]
    return code
