"""Doctrines as data: a country's (or organisation's) participation rules, each with its source."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from missiongate.doctrine.conditions import Condition


class RuleKind(StrEnum):
    """What a rule's status does to the verdict: docs/semantics.md."""

    RED_LINE = "red_line"  # violated => DECLINE; undetermined => a question
    REQUIREMENT = "requirement"  # must hold; violated => DECLINE; undetermined => a question
    CONDITION = "condition"  # our demand: unknown => to be secured; refused => DECLINE unless desirable
    CONSIDERATION = "consideration"  # weighs; decides only at the level the doctrine sets


class Basis(StrEnum):
    STATED = "stated"  # the cited source says it, at the pinpoint
    INTERPRETATION = "interpretation"  # the ministry's reading, never attributed to a person


class Level(StrEnum):
    """What an adverse consideration decides."""

    DECLINE = "decline"
    MINISTERIAL_DECISION = "ministerial_decision"


class Purpose(StrEnum):
    PARTICIPATION = "participation"  # a country's rules: a participation verdict
    CLASSIFICATION = "classification"  # e.g. the UN principles: consistent / not consistent / cannot tell


class SourceKind(StrEnum):
    LAW = "law"
    OFFICIAL_STATEMENT = "official_statement"
    POLICY_DOCUMENT = "policy_document"
    COURT_DECISION = "court_decision"
    MINISTRY_INTERPRETATION = "ministry_interpretation"
    SECONDARY = "secondary"


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(description="Short id that rules cite, e.g. 'interview-2026-01-05'.")
    citation: str = Field(description="Full citation as it would appear in a memo.")
    url: str | None = None
    date: dt.date | None = None
    kind: SourceKind | None = None


class SourceRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    document: str = Field(description="Id of an entry in the doctrine's `sources`.")
    pinpoint: str | None = Field(default=None, description="Article, paragraph or passage.")


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    kind: RuleKind
    title: str
    rationale: str = Field(description="Why the rule exists, in words for a legal adviser.")
    source: SourceRef
    basis: Basis = Field(
        default=Basis.STATED,
        description="stated: the source says it at the pinpoint; interpretation: the ministry's reading.",
    )
    informed_by: SourceRef | None = Field(
        default=None, description="For interpretations: the statement or law the reading is of."
    )
    statement: str | None = Field(
        default=None, description="For conditions: the condition of participation as it would be stated."
    )
    statement_fr: str | None = Field(
        default=None, description="The statement in French, for documents written in French (the note)."
    )
    desirable: bool = Field(
        default=False, description="For conditions: refused, it is a stated risk rather than a decline."
    )
    decides: Level | None = Field(
        default=None, description="For considerations: what an adverse finding decides (else it weighs)."
    )
    when: Condition | None = Field(default=None, description="The rule applies only when this holds.")
    require: Condition = Field(description="What must hold for the rule to be satisfied.")

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> Rule:
        if self.desirable and self.kind is not RuleKind.CONDITION:
            raise ValueError(f"rule {self.id}: only a condition can be 'desirable' (this is a {self.kind})")
        if self.decides is not None and self.kind is not RuleKind.CONSIDERATION:
            raise ValueError(f"rule {self.id}: only a consideration takes 'decides' (this is a {self.kind})")
        if self.informed_by is not None and self.basis is not Basis.INTERPRETATION:
            raise ValueError(f"rule {self.id}: 'informed_by' is for interpretations")
        return self

    @cached_property
    def facts(self) -> frozenset[str]:
        """Every fact the rule reads."""
        facts = self.require.facts()
        return facts | self.when.facts() if self.when is not None else facts


class PolicyKind(StrEnum):
    PROCEDURE = "procedure"
    POSITION = "position"


class Policy(BaseModel):
    """A procedural or standing position that is not evaluated against facts (e.g. how consent is given)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    kind: PolicyKind
    title: str
    text: str
    source: SourceRef


class StepTiming(StrEnum):
    """When a domestic step falls, and what its `deadline_days` count from."""

    BEFORE_OFFER = "before_offer"  # before any offer is made; days from the request's date
    BEFORE_DEPLOYMENT = "before_deployment"  # before units deploy; days from the request's date
    AFTER_DEPLOYMENT = "after_deployment"  # e.g. approval sought after an urgent deployment; days after it
    BEFORE_RENEWAL = "before_renewal"  # before the mandate is renewed; days before the mandate ends


class DomesticStep(BaseModel):
    """A step of the contributor's own approval procedure (a cabinet decision, a vote, a decree)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    title: str
    authority: str = Field(description="Who takes the step, e.g. 'the Cabinet', 'the Dáil'.")
    when: StepTiming
    deadline_days: int | None = Field(
        default=None, ge=0, description="Days the step must be taken within, counted as `when` says."
    )
    done_when: str | None = Field(
        default=None, description="A yes/no fact that records the step as taken (e.g. a parliamentary vote)."
    )
    source: SourceRef


class CaseExpectation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    verdict: str
    why: str | None = Field(default=None, description="One line an adviser would give for this verdict.")
    deciding: list[str] | None = Field(default=None, description="Exact set of deciding rule ids.")
    includes: list[str] | None = Field(default=None, description="Rule ids that must be among the deciding.")
    provisional: bool | None = None
    min_questions: int | None = None


class DoctrineCase(BaseModel):
    """A test case shipped with a doctrine: facts in, expected verdict and deciding rules out."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    why: str | None = Field(default=None, description="One line an adviser would give for this verdict.")
    facts: dict[str, Any] = Field(default_factory=dict)
    parties: list[dict[str, Any]] = Field(default_factory=list, description="Consent per party.")
    expect: CaseExpectation


class Doctrine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3.")
    title: str
    version: str
    effective: dt.date
    description: str = ""
    purpose: Purpose = Purpose.PARTICIPATION
    notes: str = Field(default="", description="What the record is silent on, what may have changed.")
    sources: list[Source] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)
    policies: list[Policy] = Field(default_factory=list)
    domestic_steps: list[DomesticStep] = Field(
        default_factory=list, description="The contributor's approval steps and their deadlines."
    )
    cases: list[DoctrineCase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> Doctrine:
        source_ids = {source.id for source in self.sources}
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        cited: list[Rule | Policy | DomesticStep] = [*self.rules, *self.policies, *self.domestic_steps]
        for item in cited:
            if item.source.document not in source_ids:
                raise ValueError(f"{item.id}: source {item.source.document!r} is not listed under sources")
        for rule in self.rules:
            self._check_basis(rule)
        return self

    def _check_basis(self, rule: Rule) -> None:
        """An interpretation cites the ministry's reading; a statement never does."""
        kind = self.sources_by_id[rule.source.document].kind
        reading = kind is SourceKind.MINISTRY_INTERPRETATION
        if rule.basis is Basis.INTERPRETATION and not reading:
            raise ValueError(
                f"{rule.id}: an interpretation must cite a source of kind ministry_interpretation, "
                f"not {rule.source.document!r}"
            )
        if rule.basis is Basis.STATED and reading:
            raise ValueError(f"{rule.id}: a stated rule cannot cite the ministry's own reading")
        if rule.informed_by is not None and rule.informed_by.document not in self.sources_by_id:
            raise ValueError(
                f"{rule.id}: informed_by {rule.informed_by.document!r} is not listed under sources"
            )

    def fidelity_warnings(self) -> list[str]:
        """What a reader could not check: stated rules without a pinpoint."""
        return [
            f"rule {rule.id} is stated but gives no pinpoint in {rule.source.document!r}"
            for rule in self.rules
            if rule.basis is Basis.STATED and not rule.source.pinpoint
        ]

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def rules_by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the doctrine's canonical JSON: identifies exactly what an assessment used."""
        data = self.model_dump(mode="json", by_alias=True)
        for rule in data["rules"]:
            if rule["statement_fr"] is None:  # added later: a doctrine without it keeps its hash
                del rule["statement_fr"]
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def cite(self, rule: Rule | Policy) -> str:
        return self.cite_ref(rule.source)

    def cite_ref(self, ref: SourceRef) -> str:
        source = self.sources_by_id[ref.document]
        return f"{source.citation}, {ref.pinpoint}" if ref.pinpoint else source.citation
