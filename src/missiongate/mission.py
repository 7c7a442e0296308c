"""Mission files: what is known about a proposed operation, each fact with where it came from.

A fact absent from the file is unknown. A fact is written either as a bare value (confirmed, no source)
or in the long form `{value, status, source, date, evidence, ...}`. Consent is recorded per party under
`parties:`; the consent facts (host state, main parties, all parties) are derived from it. Fact ids of
older files that the catalogue has replaced are read under the new id, with a warning.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from missiongate.catalogue import Catalogue, FactValue, load_catalogue, to_plain
from missiongate.yamlio import YamlDocument, dump_yaml, read_yaml, write_atomic

_MISSION_KEYS = {"id", "title", "description", "example", "facts", "parties", "answers_log"}
_RECORD_KEYS = {"value", "status", "source", "date", "evidence", "answered_by", "channel", "note"}


class FactStatus(StrEnum):
    CONFIRMED = "confirmed"
    PROPOSED = "proposed"  # from document analysis, not yet accepted by an analyst
    REPORTED = "reported"  # publicly reported (press), not confirmed through official channels


UNSETTLED = frozenset({FactStatus.PROPOSED, FactStatus.REPORTED})


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

    @property
    def unsettled(self) -> bool:
        """Proposed by analysis or only reported: a verdict resting on it is provisional."""
        return self.status in UNSETTLED

    def origin(self) -> str:
        """Where the fact came from, in words: document analysis, the press, an answer, an analyst."""
        if self.proposed:
            return "document analysis, not yet confirmed by an analyst"
        if self.status is FactStatus.REPORTED:
            return "public reporting, not confirmed through official channels"
        if self.answered_by:
            return f"an answer from {self.answered_by}"
        return self.source or "recorded by an analyst"

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
        if self.status is FactStatus.REPORTED:
            parts.append("reported, not confirmed through official channels")
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


class ConsentStatus(StrEnum):
    GIVEN = "given"
    PARTIAL = "partial"  # to part of the operation only: see the scope
    WITHHELD = "withheld"
    WITHDRAWN = "withdrawn"  # given, then withdrawn (e.g. after deployment)
    UNKNOWN = "unknown"


class PartyRole(StrEnum):
    HOST_AUTHORITY = "host_authority"  # a state or authority whose consent hosts the operation
    MAIN_PARTY = "main_party"  # a main party to the conflict
    OTHER_PARTY = "other_party"  # another named party (e.g. a smaller armed group)


class PartyConsent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    status: ConsentStatus = ConsentStatus.UNKNOWN
    scope: str | None = None
    source: str | None = None
    date: dt.date | None = None
    reported: bool = False  # publicly reported only, not confirmed through official channels


class Party(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    name: str
    role: PartyRole
    consent: PartyConsent = PartyConsent()

    def describe(self) -> str:
        consent = self.consent
        text = f"{self.name}: consent {consent.status.value}"
        if consent.scope:
            text += f" ({consent.scope})"
        return text


# Which parties each derived consent fact takes into account.
CONSENT_FACTS: dict[str, frozenset[PartyRole]] = {
    "consent.host_state": frozenset({PartyRole.HOST_AUTHORITY}),
    "consent.main_parties": frozenset({PartyRole.HOST_AUTHORITY, PartyRole.MAIN_PARTY}),
    "consent.all_parties": frozenset(PartyRole),
}
_REFUSING = frozenset({ConsentStatus.PARTIAL, ConsentStatus.WITHHELD, ConsentStatus.WITHDRAWN})


def consent_of(parties: list[Party]) -> bool | None:
    """Consent of a group: given by every party, refused (in whole or part) by one, or unknown."""
    if not parties:
        return None
    statuses = {party.consent.status for party in parties}
    if statuses & _REFUSING:
        return False
    return True if statuses == {ConsentStatus.GIVEN} else None


def derived_consent(parties: list[Party]) -> dict[str, FactRecord]:
    """The consent facts that per-party consent settles, each with where it came from."""
    derived: dict[str, FactRecord] = {}
    for fact_id, roles in CONSENT_FACTS.items():
        group = [party for party in parties if party.role in roles]
        value = consent_of(group)
        if value is None:
            continue
        if value:  # every party's consent counts, so one only reported makes it reported
            deciding = group
            reported = any(p.consent.reported for p in group)
        else:  # one confirmed refusal is enough to settle it
            deciding = [p for p in group if p.consent.status in _REFUSING]
            reported = all(p.consent.reported for p in deciding)
        derived[fact_id] = FactRecord(
            value=value,
            status=FactStatus.REPORTED if reported else FactStatus.CONFIRMED,
            source="per-party consent: " + "; ".join(p.describe() for p in deciding),
        )
    return derived


# Consent of a wider group implies the narrower one's; a narrower refusal is the wider group's refusal.
_IMPLIES = (
    ("consent.all_parties", True, "consent.main_parties"),
    ("consent.all_parties", True, "consent.host_state"),
    ("consent.main_parties", True, "consent.host_state"),
    ("consent.host_state", False, "consent.main_parties"),
    ("consent.host_state", False, "consent.all_parties"),
    ("consent.main_parties", False, "consent.all_parties"),
)


def implied_consent(known: dict[str, FactRecord]) -> dict[str, FactRecord]:
    """Consent facts that known ones settle: all parties consenting means the main parties and the host
    state do; the host state refusing means the main parties and all parties do not."""
    implied: dict[str, FactRecord] = {}
    for premise, value, conclusion in _IMPLIES:
        record = known.get(premise)
        if record is None or record.value is not value or conclusion in known or conclusion in implied:
            continue
        implied[conclusion] = FactRecord(
            value=value, status=record.status, source=f"implied by {premise} ({record.origin()})"
        )
    return implied


class Mission(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    title: str
    description: str = ""
    example: bool = False  # example data, marked as such wherever it is shown
    facts: dict[str, FactRecord] = Field(default_factory=dict)
    parties: list[Party] = Field(default_factory=list)
    answers_log: list[AnswerLogEntry] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, exclude=True)  # e.g. deprecated fact ids read

    @property
    def records(self) -> dict[str, FactRecord]:
        """Every known fact with its record: those recorded, those derived from per-party consent, and
        the consent facts one of them implies."""
        known = {**self.facts, **derived_consent(self.parties)} if self.parties else self.facts
        return {**implied_consent(known), **known}

    def record(self, fact_id: str) -> FactRecord | None:
        return self.records.get(fact_id)

    @property
    def values(self) -> dict[str, FactValue]:
        """Known facts as plain values: what the evaluator reads."""
        return {fact_id: record.value for fact_id, record in self.records.items()}

    def proposed_facts(self) -> set[str]:
        return {fact_id for fact_id, record in self.facts.items() if record.proposed}

    def unsettled_facts(self) -> set[str]:
        """Facts proposed by analysis or only reported: a verdict resting on one is provisional."""
        return {fact_id for fact_id, record in self.records.items() if record.unsettled}

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.description:
            data["description"] = self.description
        if self.example:
            data["example"] = True
        data["facts"] = {fact_id: record.to_data() for fact_id, record in self.facts.items()}
        if self.parties:
            data["parties"] = [p.model_dump(mode="json", exclude_defaults=True) for p in self.parties]
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
    warnings: list[str] = []
    facts: dict[str, FactRecord] = {}
    for raw_id, raw in raw_facts.items():
        path: list[str | int] = ["facts", str(raw_id)]
        fact_id = _current_id(catalogue, str(raw_id), document, path, warnings)
        if fact_id in facts:
            raise document.error(f"{raw_id}: {fact_id} is given twice (once under its old id)", path)
        facts[fact_id] = parse_fact_record(catalogue, fact_id, raw, document, path)
    try:
        mission = Mission.model_validate({**data, "facts": facts, "warnings": warnings})
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [p for p in error["loc"] if isinstance(p, str | int)]
        raise document.error(f"{'.'.join(map(str, loc))}: {error['msg']}", loc) from None
    _check_consent(mission, document)
    return mission


def _current_id(
    catalogue: Catalogue, fact_id: str, document: YamlDocument, path: list[str | int], warnings: list[str]
) -> str:
    """A deprecated fact id is read under the fact that replaces it, with a warning naming that fact."""
    replacement = catalogue.deprecated.get(fact_id)
    if replacement is None or fact_id in catalogue:
        return fact_id
    note = replacement.replaces.note if replacement.replaces else ""
    warning = document.error(f"{fact_id} is deprecated: read as {replacement.id} ({note})", path)
    warnings.append(str(warning))
    return replacement.id


def _check_consent(mission: Mission, document: YamlDocument) -> None:
    """Consent facts set directly must agree with the per-party consent they are derived from."""
    if not mission.parties:
        return
    ids = [party.id for party in mission.parties]
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate:
        raise document.error(f"party {duplicate!r} is recorded twice", ["parties"])
    derived = derived_consent(mission.parties)
    for fact_id in CONSENT_FACTS:
        record = mission.facts.get(fact_id)
        if record is None:
            continue
        if fact_id not in derived or derived[fact_id].value != record.value:
            settled = derived[fact_id].value if fact_id in derived else "unknown"
            raise document.error(
                f"{fact_id} is set to {record.value} but the parties' recorded consent gives {settled}; "
                "record consent per party only",
                ["facts", fact_id],
            )


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
