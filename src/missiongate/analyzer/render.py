"""Analysis reports for people (text, Markdown) and programs (JSON)."""

from __future__ import annotations

import json
from typing import Any

from missiongate.analyzer.analysis import Analysis
from missiongate.analyzer.model import Finding
from missiongate.analyzer.pema import format_refs
from missiongate.mission import FactRecord

_TITLES = {
    "instrument": "Instrument", "charter_basis": "Charter basis", "use_of_force": "Use of force",
    "force_measures": "Force: \"such measures ... as may be necessary\"",
    "consent": "Consent", "agreement": "Agreements cited", "operation_action": "Operation",
    "operation_subject": "Operation acted on", "agreement_name": "Agreements named",
    "operation_name": "Name", "end_date": "Mandate end", "ceiling": "Authorised personnel",
    "report_by_reference": "Reports approved by reference", "operation_type": "Type of operation",
}  # fmt: skip


def to_json(analysis: Analysis, facts: dict[str, FactRecord]) -> str:
    data: dict[str, Any] = analysis.to_dict()
    data["pema"] = {
        task: {"modalities": sorted(c.modalities), "paragraphs": format_refs(c.refs)}
        for task, c in sorted(analysis.task_codings().items())
    }
    data["facts"] = {fact_id: record.to_data() for fact_id, record in facts.items()}
    return json.dumps(data, indent=2, ensure_ascii=False)


def to_text(analysis: Analysis, facts: dict[str, FactRecord], markdown: bool = False) -> str:
    lines = [f"{'# ' if markdown else ''}{analysis.symbol or analysis.source}"]
    for kind, title in _TITLES.items():
        found = analysis.of_kind(kind)
        if found:
            lines += ["", f"{'## ' if markdown else ''}{title}", *(_line(f, markdown) for f in found)]
    codings = analysis.task_codings()
    if codings:
        lines += ["", f"{'## ' if markdown else ''}PEMA tasks"]
        lines += [
            f"- {task}: {'/'.join(sorted(c.modalities))} at {format_refs(c.refs)}"
            for task, c in sorted(codings.items())
        ]
    lines += ["", f"{'## ' if markdown else ''}Proposed facts"]
    lines += [f"- {fact_id}: {_plain(record.to_data())}" for fact_id, record in facts.items()]
    return "\n".join(lines) + "\n"


def _line(finding: Finding, markdown: bool) -> str:
    quote = " ".join(finding.evidence.quote.split())
    where = f"para {finding.evidence.paragraph}" if finding.evidence.paragraph else "header"
    quoted = f"> {quote}" if markdown else f'"{quote}"'
    reasons = "; ".join(finding.detail.get("reasons", []))
    extra = f" ({reasons})" if reasons else ""
    span = f"{finding.evidence.start}-{finding.evidence.end}"
    return f"- {finding.value}{extra} [{where}, {span}, {finding.rule}] {quoted}"


def _plain(data: Any) -> str:
    value = data["value"] if isinstance(data, dict) else data
    return ", ".join(value) if isinstance(value, list) else str(value)
