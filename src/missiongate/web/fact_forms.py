"""Facts as the pages show and edit them: rows by theme, which input each fact gets, form values.

What a case shows (`CaseView`) comes from `services.queries`; what the pages change goes through `services`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import missiongate
from missiongate.catalogue import CHOICE_TYPES, Fact, FactType
from missiongate.errors import MissionGateError
from missiongate.services.queries import CaseView
from missiongate.services.types import CaseFact


@dataclass(frozen=True)
class FactRow:
    fact: Fact
    record: missiongate.FactRecord | None
    row: CaseFact | None

    @property
    def value_text(self) -> str:
        return self.fact.describe(self.record.value) if self.record is not None else "unknown"

    @property
    def chosen(self) -> set[str]:
        """The value as the ids an input shows as selected."""
        if self.record is None:
            return set()
        value = self.record.value
        if isinstance(value, bool):
            return {"true" if value else "false"}
        if isinstance(value, frozenset):
            return set(value)
        return {str(value)}


def fact_rows(view: CaseView) -> list[tuple[str, list[FactRow]]]:
    """Every catalogue fact by theme, known ones with their record."""
    catalogue = missiongate.load_catalogue()
    labels = catalogue.theme_labels
    rows = [FactRow(f, view.mission.facts.get(f.id), view.facts.get(f.id)) for f in catalogue.facts]
    rows.sort(key=lambda r: catalogue.theme_order.get(r.fact.theme, 99))
    return [(labels.get(theme, theme), list(group)) for theme, group in groupby(rows, lambda r: r.fact.theme)]


def input_kind(fact: Fact) -> str:
    """Which input a fact gets: radio (yes/no), select, checkboxes, date, number or text."""
    if fact.type is FactType.BOOL:
        return "bool"
    if fact.type is FactType.SET:
        return "checkboxes"
    if fact.type in CHOICE_TYPES:
        return "select"
    return {FactType.DATE: "date", FactType.INTEGER: "number"}.get(fact.type, "text")


def form_value(fact: Fact, given: Iterable[str]) -> Any:
    """A submitted value as a raw fact value; None when nothing was given. The catalogue validates it."""
    values = [v.strip() for v in given if v.strip()]
    if fact.type is FactType.SET:
        return values or None
    if not values:
        return None
    if fact.type is FactType.INTEGER:
        try:
            return int(values[0])
        except ValueError:
            raise MissionGateError(f"{fact.label}: {values[0]!r} is not a whole number") from None
    return values[0]


def answers_from_form(form: Mapping[str, list[str]]) -> dict[str, Any]:
    """`fact:<id>` fields of the answers form -> raw values, skipping the ones left empty."""
    catalogue = missiongate.load_catalogue()
    answers = {}
    for name, given in form.items():
        fact_id = name.removeprefix("fact:")
        if name.startswith("fact:") and fact_id in catalogue:
            value = form_value(catalogue.fact(fact_id), given)
            if value is not None:
                answers[fact_id] = value
    return answers
