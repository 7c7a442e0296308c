"""One resolution's decision facts in the terms of the modern label schema (`mandate_labels.FIELDS`).

The findings keep every candidate with its evidence; the summary picks the one a reader would report:
the action on the operation the resolution is about, that operation's ceilings, the widest authorisation.
"""

from __future__ import annotations

import re
from typing import Any

from missiongate.analyzer.analysis import Analysis
from missiongate.analyzer.mandate_eval import Summary
from missiongate.analyzer.mandate_labels import TaskLabel, normalise
from missiongate.analyzer.model import Finding
from missiongate.analyzer.subject import operation_acronyms

# Which action a resolution is "about" when it does several: creating or ending an operation outweighs
# renewing it, and a renewal outweighs the changes made with it.
_ACTION_ORDER = ("establish", "replace", "terminate", "extend", "authorise_deployment", "revise")
_ACTION_NAMES = {"established": "establish", "extended": "extend", "revised": "revise",
                 "terminated": "terminate", "replaced": "replace",
                 "deployment_authorised": "authorise_deployment"}  # fmt: skip


def summarise(analysis: Analysis) -> Summary:
    action = _action(analysis)
    fields: dict[str, Any] = {
        **_legal(analysis),
        **_consent(analysis, action),
        "operation_action": action,
        "operation_name": subject_name(analysis),
        "end_date": _end_date(analysis),
        **_ceilings(analysis),
        "operation_type": _first_value(analysis, "operation_type"),
        "protection_of_civilians": _protects_civilians(analysis),
        "peace_agreements": [f.value for f in analysis.of_kind("agreement_name")],
    }
    tasks = tuple(
        TaskLabel(f.value, f.detail["modality"], f.evidence.paragraph or "") for f in analysis.of_kind("task")
    )
    if fields["operation_action"] == "none" and fields["operation_name"] is None:
        # no operation acted on: what a sanctions or thematic text asks of States is no operation's task
        fields["operation_type"], fields["protection_of_civilians"], tasks = None, False, ()
        fields["consent_host_state"] = fields["consent_parties"] = None  # consent is to an operation
    return Summary({name: normalise(name, value) for name, value in fields.items()}, tasks)


def _legal(analysis: Analysis) -> dict[str, Any]:
    chapter7 = [f for f in analysis.of_kind("charter_basis") if f.value == "chapter_vii"]
    authorised = [f for f in analysis.of_kind("use_of_force") if f.detail.get("authorised")]
    addressees = [f.detail.get("addressee") for f in authorised if f.detail.get("addressee")]
    return {
        "chapter_vii": bool(chapter7),
        "chapter_vii_scope": _scope(chapter7),
        "force_authorised": bool(authorised),
        "force_addressee": addressees[0] if addressees else None,
        "force_for": sorted({p for f in authorised for p in f.detail.get("purposes", [])}),
    }


def _scope(chapter7: list[Finding]) -> str:
    scopes = {f.detail.get("scope") for f in chapter7}
    if not chapter7:
        return "not_applicable"
    return "whole_resolution" if "whole_resolution" in scopes else "section_only"


def _protects_civilians(analysis: Analysis) -> bool:
    """A mandate to protect civilians (secured or supported, not only monitored or encouraged), not relief
    delivered "to the civilian population"."""
    return any(
        f.value == "CivProtect"
        and f.detail["modality"] in {"Security", "Assist"}
        and not _BENEFICIARY.fullmatch(f.evidence.quote)
        for f in analysis.of_kind("task")
    )


_BENEFICIARY = re.compile(r"(?:the\s+)?civilian\s+populations?", re.I)


def _consent(analysis: Analysis, action: str) -> dict[str, Any]:
    found = {f.value: f for f in analysis.of_kind("consent")}
    parties = found.get("consent.all_parties")
    parties_consent = None if parties is None else not parties.detail.get("refused", False)
    # a request for a new force is consent to the operation only where the Council creates one
    creates = action in {"establish", "authorise_deployment"}
    named = _operations_named(analysis)
    host = any(
        f.value == "consent.host_state"
        and (creates or not f.detail.get("new_force"))
        and not _about(analysis, f, named)
        for f in analysis.of_kind("consent")
    )
    # the host State is one of the parties: their request or agreement is also its own
    host = host or parties_consent is True
    return {"consent_host_state": True if host else None, "consent_parties": parties_consent}


def _operations_named(analysis: Analysis) -> tuple[str, re.Pattern[str]] | None:
    """The operation the text acts on, and a pattern for every operation it names."""
    subject = subject_name(analysis)
    if subject is None:
        return None
    named = sorted(operation_acronyms(analysis.structure) | {subject}, key=len, reverse=True)
    return subject, re.compile(r"\b(?:" + "|".join(map(re.escape, named)) + r")\b")


def _about(analysis: Analysis, consent: Finding, named: tuple[str, re.Pattern[str]] | None) -> bool:
    """ "the request of the Government for the extension of AMISX" in a text renewing UNAMX: consent to
    another operation, the first one named right after the request."""
    if named is None:
        return False
    end = consent.evidence.end
    first = named[1].search(analysis.structure.text[end : end + 80].split(";")[0])
    return first is not None and first.group() != named[0]


def _action(analysis: Analysis) -> str:
    actions = {_ACTION_NAMES.get(f.value, f.value) for f in analysis.of_kind("operation_action")}
    return next((a for a in _ACTION_ORDER if a in actions), "none")


def subject_name(analysis: Analysis) -> str | None:
    """The acronym of the operation the resolution acts on (not the first one it mentions)."""
    subject = analysis.of_kind("operation_subject")
    if subject:
        return str(subject[0].value)
    if not analysis.of_kind("operation_action"):
        return None
    names = analysis.of_kind("operation_name")
    acronyms = [f.detail.get("acronym") for f in names if f.detail.get("acronym")]
    return str(acronyms[0]) if acronyms else None


def _end_date(analysis: Analysis) -> str | None:
    found = analysis.of_kind("end_date")
    if not found:
        return None
    value = found[0].value
    return value if isinstance(value, str) else value.isoformat()


def _ceilings(analysis: Analysis) -> dict[str, int | None]:
    """Totals as a reader adds them: military = troops + military observers and staff officers, police =
    individual officers + formed units, each kind counted once per paragraph (the first figure: a later
    one is a later period's). The first paragraph that sets a branch's ceiling gives it. Increments,
    reductions and sub-counts ("including 600 individual police officers") are no ceilings."""
    by_paragraph: dict[str, dict[str | None, dict[str, int]]] = {"military": {}, "police": {}}
    for finding in analysis.of_kind("ceiling"):
        branch = finding.detail.get("branch")
        if branch not in by_paragraph or finding.detail.get("additional") or finding.detail.get("subcount"):
            continue
        kinds = by_paragraph[branch].setdefault(finding.evidence.paragraph, {})
        kinds.setdefault(str(finding.detail.get("personnel")), finding.value)
    return {
        f"ceiling_{branch}": next((sum(kinds.values()) for kinds in paragraphs.values()), None)
        for branch, paragraphs in by_paragraph.items()
    }


def _first_value(analysis: Analysis, kind: str) -> Any:
    found: list[Finding] = analysis.of_kind(kind)
    return found[0].value if found else None
