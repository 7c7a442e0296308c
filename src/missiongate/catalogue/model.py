"""The fact catalogue: what can be known about an operation, and how each fact is asked for."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

FactValue = bool | str | int | dt.date | frozenset[str]


class FactType(StrEnum):
    BOOL = "bool"
    ENUM = "enum"
    ORDERED_ENUM = "ordered_enum"
    SET = "set"
    INTEGER = "integer"
    DATE = "date"
    TEXT = "text"


CHOICE_TYPES = frozenset({FactType.ENUM, FactType.ORDERED_ENUM, FactType.SET})


class Choice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    label: str


class FrenchLabel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    label: str


class FrenchTexts(BaseModel):
    """A fact's texts in French, for documents written in French (the note verbale)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    label: str
    question: str | None = None
    values: dict[str, str] = Field(default_factory=dict, description="French label of each value id.")


class Theme(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    label: str
    fr: FrenchLabel | None = None


class SettledBy(StrEnum):
    """Who can settle a fact; only the requesting party's facts are put to it as questions."""

    REQUESTING_PARTY = "requesting_party"
    CONTRIBUTOR = "contributor"  # the contributor's own choices: its role, size, deployment
    PUBLIC_RECORD = "public_record"  # read from the mandate, confirmed by the analyst
    ANALYST = "analyst"


class ControlledBy(StrEnum):
    """Who could change a fact, for the path to yes."""

    CONTRIBUTOR = "contributor"  # its role, size, caveats
    REQUESTING_PARTY = "requesting_party"  # the requesting party or the lead: command, ROE, SOFA, medevac
    COUNCIL = "council"  # the mandate: authority, Chapter, use of force, tasks
    NOBODY = "nobody"  # facts of the world: a party's consent, the threat


class Replacement(BaseModel):
    """A fact id of older files that this fact replaces; values carry over unchanged."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    note: str


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    type: FactType
    theme: str
    settled_by: SettledBy = SettledBy.REQUESTING_PARTY
    controlled_by: ControlledBy = ControlledBy.REQUESTING_PARTY
    label: str
    question: str
    help: str = ""
    values: tuple[Choice, ...] = ()
    replaces: Replacement | None = None
    fr: FrenchTexts | None = None

    @property
    def ask(self) -> bool:
        """Whether the requesting party is the one to ask."""
        return self.settled_by is SettledBy.REQUESTING_PARTY

    @model_validator(mode="after")
    def _values_match_type(self) -> Fact:
        if self.type in CHOICE_TYPES and not self.values:
            raise ValueError(f"fact {self.id}: type {self.type} needs a list of values")
        if self.type not in CHOICE_TYPES and self.values:
            raise ValueError(f"fact {self.id}: type {self.type} takes no list of values")
        if self.fr is not None and set(self.fr.values) != {choice.id for choice in self.values}:
            # a partial list would leave an English label in a French document
            raise ValueError(f"fact {self.id}: fr.values must give a French label for each value, no other")
        return self

    @cached_property
    def value_ids(self) -> tuple[str, ...]:
        return tuple(choice.id for choice in self.values)

    @cached_property
    def rank(self) -> dict[str, int]:
        """Position of each value; meaningful for ordered enums."""
        return {value: index for index, value in enumerate(self.value_ids)}

    def value_label(self, value: str) -> str:
        return next((c.label for c in self.values if c.id == value), value)

    def coerce(self, raw: Any) -> FactValue:
        """A value read from YAML, JSON, CSV or a form, as this fact's type; ValueError if it does not fit."""
        match self.type:
            case FactType.BOOL:
                return _coerce_bool(raw)
            case FactType.ENUM | FactType.ORDERED_ENUM:
                if not isinstance(raw, str) or raw not in self.rank:
                    raise ValueError(f"{raw!r} is not one of: {', '.join(self.value_ids)}")
                return raw
            case FactType.SET:
                return self._coerce_set(raw)
            case FactType.INTEGER:
                if isinstance(raw, bool) or not isinstance(raw, int | str):
                    raise ValueError(f"{raw!r} is not a whole number")
                try:
                    return int(raw)
                except ValueError:
                    raise ValueError(f"{raw!r} is not a whole number") from None
            case FactType.DATE:
                return _coerce_date(raw)
            case FactType.TEXT:
                if not isinstance(raw, str | int | float) or isinstance(raw, bool) or str(raw).strip() == "":
                    raise ValueError(f"{raw!r} is not a text value")
                return _normal_text(str(raw))
        raise AssertionError(self.type)  # pragma: no cover - exhaustive match

    def _coerce_set(self, raw: Any) -> frozenset[str]:
        items = raw.split() if isinstance(raw, str) else raw
        if not isinstance(items, list | tuple | set | frozenset):
            raise ValueError(f"{raw!r} is not a list of values")
        unknown = [item for item in items if item not in self.rank]
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not one of: {', '.join(self.value_ids)}")
        return frozenset(items)

    def describe(self, value: FactValue) -> str:
        """A value as a reader would write it."""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, frozenset):
            return ", ".join(self.value_label(v) for v in self.value_ids if v in value) or "none"
        if isinstance(value, str) and self.values:
            return self.value_label(value)
        return str(value)


_SYMBOL = re.compile(r"^(S/RES/\d+)\s*\((\d{4})\)$", re.IGNORECASE)


def _normal_text(text: str) -> str:
    """Whitespace folded, and resolution symbols in one form ("S/RES/2803 (2025)"), so tests on text match."""
    folded = " ".join(text.split())
    symbol = _SYMBOL.match(folded)
    return f"{symbol.group(1).upper()} ({symbol.group(2)})" if symbol else folded


def _coerce_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in {"yes", "true", "1", "y"}:
        return True
    if isinstance(raw, str) and raw.strip().lower() in {"no", "false", "0", "n"}:
        return False
    raise ValueError(f"{raw!r} is not yes/no")


def _coerce_date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip()[:10])
        except ValueError:
            pass
    raise ValueError(f"{raw!r} is not a date (YYYY-MM-DD)")


def to_plain(value: FactValue) -> Any:
    """A fact value as JSON/YAML data: sets become sorted lists, dates ISO strings."""
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Catalogue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    themes: tuple[Theme, ...]
    facts: tuple[Fact, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        theme_ids = {theme.id for theme in self.themes}
        seen: set[str] = set()
        for fact in self.facts:
            if fact.id in seen:
                raise ValueError(f"duplicate fact id {fact.id}")
            if fact.theme not in theme_ids:
                raise ValueError(f"fact {fact.id}: unknown theme {fact.theme}")
            seen.add(fact.id)
        return self

    @cached_property
    def by_id(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.facts}

    @cached_property
    def theme_order(self) -> dict[str, int]:
        return {theme.id: index for index, theme in enumerate(self.themes)}

    def theme(self, theme_id: str) -> Theme:
        return self.themes[self.theme_order[theme_id]]

    @cached_property
    def theme_labels(self) -> dict[str, str]:
        return {theme.id: theme.label for theme in self.themes}

    @cached_property
    def deprecated(self) -> dict[str, Fact]:
        """Deprecated fact ids of older files, each with the fact that replaces it."""
        return {fact.replaces.id: fact for fact in self.facts if fact.replaces is not None}

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self.by_id

    def fact(self, fact_id: str) -> Fact:
        try:
            return self.by_id[fact_id]
        except KeyError:
            from missiongate.errors import UnknownFactError

            raise UnknownFactError(f"unknown fact id {fact_id!r}") from None
