"""Run every extraction stage over one document and gather the findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from missiongate.analyzer.classify import classify
from missiongate.analyzer.labels import TaskCoding
from missiongate.analyzer.legal import find_legal
from missiongate.analyzer.model import Evidence, Finding, Structure
from missiongate.analyzer.operation import find_operation
from missiongate.analyzer.readers import Document, read_document
from missiongate.analyzer.structure import _HEADER_SYMBOL as _HEADER
from missiongate.analyzer.structure import parse_structure
from missiongate.analyzer.subject import find_agreements, find_subject
from missiongate.analyzer.tasks import find_tasks


@dataclass(frozen=True)
class Analysis:
    source: str
    format: str
    structure: Structure
    findings: tuple[Finding, ...]

    @property
    def symbol(self) -> str | None:
        return self.structure.symbol

    @property
    def adopted(self) -> dt.date | None:
        return self.structure.adopted

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def task_codings(self) -> dict[str, TaskCoding]:
        """Tasks as PEMA codes them: modalities and paragraph ids per task."""
        codings: dict[str, TaskCoding] = {}
        for finding in self.of_kind("task"):
            coding = codings.setdefault(finding.value, TaskCoding())
            coding.modalities.add(finding.detail["modality"])
            if finding.evidence.paragraph:
                coding.refs.add(finding.evidence.paragraph)
        return codings

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "symbol": self.symbol,
            "adopted": self.adopted.isoformat() if self.adopted else None,
            "findings": [f.to_dict() for f in self.findings],
        }


def analyze_document(document: Document) -> Analysis:
    structure = parse_structure(document.text)
    operation = find_operation(structure)
    actions = [f for f in operation if f.kind == "operation_action"]
    legal = find_legal(structure)
    findings = [
        *_instrument(structure),
        *legal,
        *operation,
        *find_subject(structure, actions),
        *find_agreements(structure),
        *_with_use_of_force(find_tasks(structure), legal),
    ]
    operation_type = classify(structure, findings)
    if operation_type:
        findings.append(operation_type)
    return Analysis(document.source, document.format, structure, tuple(findings))


def _with_use_of_force(tasks: list[Finding], legal: list[Finding]) -> list[Finding]:
    """The UseOfForce task is where the text authorises force, not wherever "all necessary measures" is
    written (a demand on the parties, the Secretary-General's measures against misconduct)."""
    authorised = [f for f in legal if f.kind == "use_of_force" and f.detail.get("authorised")]
    where = {f.evidence.paragraph for f in authorised}
    kept = [f for f in tasks if f.value != "UseOfForce" or f.evidence.paragraph in where]
    found = {f.evidence.paragraph for f in kept if f.value == "UseOfForce"}
    for force in authorised:
        paragraph = force.evidence.paragraph or "p"
        if paragraph not in found and not paragraph.startswith("p"):  # operative paragraphs only
            found.add(paragraph)
            detail = {"modality": "Security", "clause_verb": force.detail.get("verb")}
            kept.append(
                Finding("task", "UseOfForce", "task.UseOfForce.authorised", 0.8, force.evidence, detail)
            )
    return kept


def _instrument(structure: Structure) -> list[Finding]:
    """The resolution's own symbol, quoted from its header."""
    match = _HEADER.search(structure.text, 0, 2000)
    if not structure.symbol or not match:
        return []
    evidence = Evidence.from_span(structure.text, match.start(), match.end(), None)
    return [Finding("instrument", structure.symbol, "header.symbol", 0.95, evidence)]


def analyze_file(path: str | Path) -> Analysis:
    return analyze_document(read_document(path))


def analyze_text(text: str, source: str = "<text>") -> Analysis:
    return analyze_document(Document(text, source, "text"))
