"""Mission files: what is known about a proposed operation, each fact with where it came from.

A fact absent from the file is unknown. A fact is written either as a bare value (confirmed, no source)
or in the long form `{value, status, source, date, evidence, ...}`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from missiongate.catalogue import Catalogue, FactValue, load_catalogue, to_plain
from missiongate.yamlio import YamlDocument, dump_yaml, read_yaml, write_atomic

_MISSION_KEYS = {"id", "title", "description", "example", "facts", "answers_log"}
_RECORD_KEYS = {"value", "status", "source", "date", "evidence", "answered_by", "channel", "note"}


class FactStatus(StrEnum):
    CONFIRMED = "confirmed"
    PROPOSED = "proposed"  # from document analysis, not yet accepted by an analyst


class Evidence(BaseModel):
    """Where in a document a fact is stated."""

    model_config = ConfigDict(extra="allow")
    quote: str
    document: str | None = None
    paragraph: str | None = None
    start: int | None = None
    end: int | None = None


class FactRecord(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    value: Any
    status: FactStatus = FactStatus.CONFIRMED
    source: str | None = None
    date: dt.date | None = None
    evidence: Evidence | None = None
    answered_by: str | None = None
    channel: str | None = None
    note: str | None = None

    @property
    def proposed(self) -> bool:
        return self.status is FactStatus.PROPOSED

    def provenance(self) -> str:
        """One phrase on where the fact came from, for reports."""
        parts = [self.source or "no source recorded"]
        if self.answered_by:
            parts.append(f"answered by {self.answered_by}")
        if self.channel:
            parts.append(f"via {self.channel}")
        if self.date:
            parts.append(f"on {self.date.isoformat()}")
        if self.proposed:
            parts.append("proposed, not yet confirmed by an analyst")
        return "; ".join(parts)

    def to_data(self) -> Any:
        plain = to_plain(self.value)
        extras = self.model_dump(exclude={"value"}, exclude_none=True, mode="json")
        if extras.get("status") == FactStatus.CONFIRMED.value:
            extras.pop("status")
        return {"value": plain, **extras} if extras else plain


class AnswerLogEntry(BaseModel):
    received: dt.date
    answered_by: str | None = None
    channel: str | None = None
    file: str | None = None
    facts: list[str] = Field(default_factory=list)


class Mission(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    title: str
    description: str = ""
    example: bool = False  # example data, marked as such wherever it is shown
    facts: dict[str, FactRecord] = Field(default_factory=dict)
    answers_log: list[AnswerLogEntry] = Field(default_factory=list)

    @property
    def values(self) -> dict[str, FactValue]:
        """Known facts as plain values: what the evaluator reads."""
        return {fact_id: record.value for fact_id, record in self.facts.items()}

    def proposed_facts(self) -> set[str]:
        return {fact_id for fact_id, record in self.facts.items() if record.proposed}

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.description:
            data["description"] = self.description
        if self.example:
            data["example"] = True
        data["facts"] = {fact_id: record.to_data() for fact_id, record in self.facts.items()}
        if self.answers_log:
            data["answers_log"] = [e.model_dump(mode="json", exclude_none=True) for e in self.answers_log]
        return data

    def to_yaml(self) -> str:
        return dump_yaml(self.to_data())


def mission_from_document(document: YamlDocument, catalogue: Catalogue | None = None) -> Mission:
    """Validate a parsed mission file against the catalogue; errors name the file and line."""
    catalogue = catalogue or load_catalogue()
    data = document.data
    if not isinstance(data, dict):
        raise document.error("a mission file must be a mapping with id, title and facts")
    unknown_keys = sorted(set(data) - _MISSION_KEYS)
    if unknown_keys:
        raise document.error(f"unknown key {unknown_keys[0]!r} in mission file", [unknown_keys[0]])
    for required in ("id", "title"):
        if required not in data:
            raise document.error(f"mission file has no {required!r}")
    raw_facts = data.get("facts") or {}
    if not isinstance(raw_facts, dict):
        raise document.error("'facts' must be a mapping from fact id to value", ["facts"])
    facts = {
        str(fact_id): parse_fact_record(catalogue, str(fact_id), raw, document, ["facts", str(fact_id)])
        for fact_id, raw in raw_facts.items()
    }
    try:
        return Mission.model_validate({**data, "facts": facts})
    except ValidationError as exc:
        error = exc.errors()[0]
        path = [str(p) for p in error["loc"]]
        raise document.error(f"{'.'.join(path)}: {error['msg']}", path) from None


def parse_fact_record(
    catalogue: Catalogue, fact_id: str, raw: Any, document: YamlDocument, path: list[str | int]
) -> FactRecord:
    if fact_id not in catalogue:
        raise document.error(f"unknown fact id {fact_id!r} (not in the fact catalogue)", path)
    fact = catalogue.fact(fact_id)
    long_form = isinstance(raw, dict) and "value" in raw
    fields: dict[str, Any] = dict(raw) if long_form else {"value": raw}
    if long_form:
        extra = sorted(set(fields) - _RECORD_KEYS)
        if extra:
            raise document.error(f"{fact_id}: unknown key {extra[0]!r}", [*path, extra[0]])
    elif isinstance(raw, dict):
        raise document.error(f"{fact_id}: the long form needs a 'value'", path)
    try:
        fields["value"] = fact.coerce(fields["value"])
    except ValueError as exc:
        raise document.error(f"{fact_id}: {exc}", [*path, "value"] if long_form else path) from None
    try:
        return FactRecord.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else "value"
        raise document.error(f"{fact_id}: {key}: {error['msg']}", [*path, key]) from None


def mission_from_data(data: Any, source: str = "<input>", catalogue: Catalogue | None = None) -> Mission:
    """Validate mission data that did not come from a file (e.g. JSON received by the API)."""
    return mission_from_document(YamlDocument.from_data(data, source), catalogue)


def load_mission(path: str | Path, catalogue: Catalogue | None = None) -> Mission:
    return mission_from_document(read_yaml(path), catalogue)


def save_mission(mission: Mission, path: str | Path) -> None:
    write_atomic(path, mission.to_yaml())
