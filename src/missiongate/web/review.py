"""Document analysis for review: proposed facts from an uploaded mandate, and the text with their quotes.

Proposed facts join the case as `proposed` (never over a confirmed value), so the verdict can use them
and says it is provisional until an analyst accepts or rejects each one.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape
from sqlalchemy.orm import Session

import missiongate
from missiongate.analyzer.analysis import Analysis, analyze_document
from missiongate.analyzer.facts import proposed_facts
from missiongate.analyzer.readers import read_bytes
from missiongate.errors import MissionGateError
from missiongate.store import cases
from missiongate.store.accounts import Actor
from missiongate.store.models import CaseFact, Document

ANALYSABLE = {"text/plain", "text/markdown", "text/html", "application/pdf", "application/xml", "text/xml"}
MODALITIES = ("Monitor", "Assist", "Security", "Encouraged")
_CACHE_SIZE = 32
_cache: OrderedDict[str, Analysis | str] = OrderedDict()


def analyse(document: Document) -> Analysis | str:
    """The analysis of a stored document, or why it cannot be analysed. Cached by content hash."""
    found = _cache.get(document.sha256)
    if found is None:
        found = _analyse(document)
        _cache[document.sha256] = found
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def _analyse(document: Document) -> Analysis | str:
    if document.content_type not in ANALYSABLE:
        return f"documents of type {document.content_type} are kept but not analysed"
    try:
        return analyze_document(read_bytes(document.data, document.filename))
    except MissionGateError as exc:
        return f"the document could not be read: {exc.message}"


def proposals(analysis: Analysis, document: Document) -> dict[str, dict[str, Any]]:
    """Fact id -> the proposed record in its stored long form, pointing back at the document."""
    found = {}
    for fact_id, record in proposed_facts(analysis).items():
        data = record.to_data()
        data["evidence"]["document_id"] = document.id
        found[fact_id] = data
    return found


def propose(session: Session, actor: Actor, case_id: int, document: Document) -> list[str]:
    """Add the document's proposed facts to the case, keeping every confirmed value. Returns fact ids."""
    analysis = analyse(document)
    if isinstance(analysis, str):
        return []
    current = cases.case_facts(session, cases.get_case(session, actor, case_id))
    changes = {
        fact_id: record
        for fact_id, record in proposals(analysis, document).items()
        if fact_id not in current or current[fact_id].status == "proposed"
    }
    if changes:
        cases.set_facts(session, actor, case_id, None, changes, action="propose")
    return sorted(changes)


@dataclass(frozen=True)
class Proposal:
    fact_id: str
    label: str
    value_text: str
    record: dict[str, Any]
    state: str  # pending, accepted, rejected, superseded

    @property
    def anchor(self) -> str:
        return _anchor(self.fact_id)

    @property
    def evidence(self) -> dict[str, Any]:
        evidence: dict[str, Any] = self.record["evidence"]
        return evidence


def review_rows(
    found: dict[str, dict[str, Any]], current: dict[str, CaseFact], document_id: int
) -> list[Proposal]:
    """The proposals in document order, each with what became of it in the case."""
    catalogue = missiongate.load_catalogue()
    rows = []
    for fact_id, record in sorted(found.items(), key=lambda item: item[1]["evidence"].get("start") or 0):
        fact = catalogue.fact(fact_id)
        value_text = fact.describe(fact.coerce(record["value"]))
        rows.append(
            Proposal(fact_id, fact.label, value_text, record, state_of(current.get(fact_id), document_id))
        )
    return rows


def state_of(row: CaseFact | None, document_id: int) -> str:
    """What became of a document's proposal: pending, accepted, rejected, or superseded by another value."""
    if row is None:
        return "rejected"
    ours = (row.record.get("evidence") or {}).get("document_id") == document_id
    if not ours:
        return "superseded"
    return "pending" if row.status == "proposed" else "accepted"


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
