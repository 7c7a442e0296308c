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
    RED_LINE = "red_line"  # violated => DECLINE
    REQUIREMENT = "requirement"  # must hold; undetermined => a question; violated => DECLINE
    CONDITION = "condition"  # becomes a stated condition of participation
    CONSIDERATION = "consideration"  # reported and weighed; never decides alone


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(description="Short id that rules cite, e.g. 'interview-2026-01-05'.")
    citation: str = Field(description="Full citation as it would appear in a memo.")
    url: str | None = None
    date: dt.date | None = None


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
    statement: str | None = Field(
        default=None, description="For conditions: the condition of participation as it would be stated."
    )
    when: Condition | None = Field(default=None, description="The rule applies only when this holds.")
    require: Condition = Field(description="What must hold for the rule to be satisfied.")

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


class CaseExpectation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    verdict: str
    deciding: list[str] | None = Field(default=None, description="Exact set of deciding rule ids.")
    includes: list[str] | None = Field(default=None, description="Rule ids that must be among the deciding.")
    provisional: bool | None = None
    min_questions: int | None = None


class DoctrineCase(BaseModel):
    """A test case shipped with a doctrine: facts in, expected verdict and deciding rules out."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    facts: dict[str, Any] = Field(default_factory=dict)
    expect: CaseExpectation


class Doctrine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3.")
    title: str
    version: str
    effective: dt.date
    description: str = ""
    sources: list[Source] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)
    policies: list[Policy] = Field(default_factory=list)
    cases: list[DoctrineCase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> Doctrine:
        source_ids = {source.id for source in self.sources}
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        cited: list[Rule | Policy] = [*self.rules, *self.policies]
        for item in cited:
            if item.source.document not in source_ids:
                raise ValueError(f"{item.id}: source {item.source.document!r} is not listed under sources")
        return self

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def rules_by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the doctrine's canonical JSON: identifies exactly what an assessment used."""
        canonical = json.dumps(
            self.model_dump(mode="json", by_alias=True), sort_keys=True, ensure_ascii=False
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def cite(self, rule: Rule | Policy) -> str:
        source = self.sources_by_id[rule.source.document]
        return f"{source.citation}, {rule.source.pinpoint}" if rule.source.pinpoint else source.citation
