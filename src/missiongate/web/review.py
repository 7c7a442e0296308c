"""The review of a document's analysis: proposals next to their highlighted quotes, and the task grid.

Only presentation: analysing a stored document and adding its proposed facts to the case live in
`missiongate.services.documents` (shared with the REST API); the pages call that and show the result here.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

import missiongate
from missiongate.analyzer.analysis import Analysis
from missiongate.services.documents import proposal_state
from missiongate.services.types import CaseFact

MODALITIES = ("Monitor", "Assist", "Security", "Encouraged")


@dataclass(frozen=True)
class Proposal:
    fact_id: str
    label: str
    value_text: str
    record: dict[str, Any]
    state: str  # pending, accepted, rejected, superseded, agrees
    support: tuple[dict[str, Any], ...] = ()  # the passages a derived proposal rests on (tasks, type)

    @property
    def anchor(self) -> str:
        return _anchor(self.fact_id)

    @property
    def evidence(self) -> dict[str, Any]:
        evidence: dict[str, Any] = self.record["evidence"]
        return evidence


def review_rows(
    analysis: Analysis, found: dict[str, dict[str, Any]], current: dict[str, CaseFact], document_id: int
) -> list[Proposal]:
    """The proposals in document order, each with what became of it in the case."""
    catalogue = missiongate.load_catalogue()
    support = _task_passages(analysis)
    rows = []
    for fact_id, record in sorted(found.items(), key=lambda item: item[1]["evidence"].get("start") or 0):
        fact = catalogue.fact(fact_id)
        value_text = fact.describe(fact.coerce(record["value"]))
        state = proposal_state(current.get(fact_id), document_id)
        row = current.get(fact_id)
        if state == "superseded" and row is not None and row.record.get("value") == record["value"]:
            state = "agrees"
        passages = support if fact_id in DERIVED_FROM_TASKS else ()
        rows.append(Proposal(fact_id, fact.label, value_text, record, state, passages))
    return rows


# Facts the analyzer derives from every task it finds, not from one quote: the review shows all the passages.
DERIVED_FROM_TASKS = ("operation.tasks", "operation.type")


def _task_passages(analysis: Analysis) -> tuple[dict[str, Any], ...]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for finding in analysis.of_kind("task"):
        evidence = finding.evidence
        key = (evidence.paragraph or "", evidence.quote)
        entry = seen.setdefault(key, {"paragraph": evidence.paragraph, "quote": evidence.quote, "tasks": []})
        if finding.value not in entry["tasks"]:
            entry["tasks"].append(finding.value)
    return tuple(seen.values())


def highlight(text: str, spans: dict[str, tuple[int, int]]) -> Markup:
    """The text with every evidence span marked; each fact's quote starts at an anchor `ev-<fact>`."""
    cuts = sorted({0, len(text), *(p for span in spans.values() for p in span if 0 <= p <= len(text))})
    starts: dict[int, list[str]] = {}
    for fact_id, (start, _) in spans.items():
        starts.setdefault(start, []).append(fact_id)
    parts: list[str] = []
    for left, right in pairwise(cuts):
        for fact_id in starts.get(left, []):
            parts.append(f'<span class="anchor" id="ev-{escape(_anchor(fact_id))}"></span>')
        covering = sorted(f for f, (s, e) in spans.items() if s <= left and right <= e)
        chunk = escape(text[left:right])
        if covering:
            title = escape(", ".join(covering))
            parts.append(f'<mark title="{title}">{chunk}</mark>')
        else:
            parts.append(str(chunk))
    return Markup("".join(parts))


def _anchor(fact_id: str) -> str:
    return fact_id.replace(".", "-")


def task_grid(analysis: Analysis) -> list[tuple[str, dict[str, list[str]]]]:
    """Task code -> modality -> paragraph refs, for the tasks-by-modality chart."""
    grid: dict[str, dict[str, list[str]]] = {}
    for finding in analysis.of_kind("task"):
        cell = grid.setdefault(finding.value, {}).setdefault(finding.detail["modality"], [])
        paragraph = finding.evidence.paragraph
        if paragraph and paragraph not in cell:
            cell.append(paragraph)
    return sorted(grid.items())
