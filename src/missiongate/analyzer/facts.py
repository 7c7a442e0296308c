"""Map findings to fact-vocabulary values, emitted as `proposed` facts with evidence."""

from __future__ import annotations

from collections.abc import Iterator

from missiongate.analyzer.analysis import Analysis
from missiongate.analyzer.model import Finding
from missiongate.catalogue import load_catalogue
from missiongate.mission import Evidence, FactRecord, FactStatus, Mission

_USE_OF_FORCE = {
    "self_defence": "self_defence_only",
    "protection_of_civilians": "protection_of_civilians",
    "mandate": "all_necessary_measures",
    "unspecified": "all_necessary_measures",
}


def proposed_facts(analysis: Analysis) -> dict[str, FactRecord]:
    """Fact id -> proposed record; every value validated against the catalogue."""
    catalogue = load_catalogue()
    return {
        fact_id: _record(analysis, catalogue.fact(fact_id).coerce(value), finding)
        for fact_id, value, finding in _facts(analysis)
    }


def _facts(analysis: Analysis) -> Iterator[tuple[str, object, Finding]]:
    yield from _legal(analysis)
    yield from _operation(analysis)
    for finding in analysis.of_kind("consent") + analysis.of_kind("agreement"):
        yield finding.value, True, finding
    tasks = analysis.of_kind("task")
    if tasks:
        yield "operation.tasks", sorted({f.value for f in tasks}), tasks[0]
    offensive = [f for f in tasks if f.value == "OffensOper"]
    if offensive:
        yield "operation.offensive_operations", True, offensive[0]


def _legal(analysis: Analysis) -> Iterator[tuple[str, object, Finding]]:
    charter = analysis.of_kind("charter_basis")
    chapter7 = [f for f in charter if f.value == "chapter_vii"]
    if chapter7:
        yield "mandate.charter_basis", "chapter_vii", chapter7[0]
        whole = [f for f in chapter7 if f.detail.get("scope") == "whole_resolution"]
        yield (
            "mandate.chapter_vii_scope",
            "whole_resolution" if whole else "section_only",
            (whole or chapter7)[0],
        )
    elif charter:
        yield "mandate.charter_basis", charter[0].value, charter[0]
    authorised = [f for f in analysis.of_kind("use_of_force") if f.detail.get("authorised")]
    if authorised:
        widest = max(authorised, key=lambda f: _rank(_use_of_force(f.value)))
        value = _use_of_force(widest.value)
        if widest.detail["formula"].lower().startswith("all") and value != "self_defence_only":
            value = "all_necessary_measures"
        yield "mandate.use_of_force", value, widest


def _use_of_force(purpose: str) -> str:
    """Force for a purpose other than self-defence or civilians (the mandate, airspace, infrastructure) is the
    general authority."""
    return _USE_OF_FORCE.get(purpose, "all_necessary_measures")


def _rank(value: str) -> int:
    return load_catalogue().fact("mandate.use_of_force").rank[value]


def _operation(analysis: Analysis) -> Iterator[tuple[str, object, Finding]]:
    header = analysis.of_kind("instrument")
    if header:
        yield "mandate.authority", "un_security_council", header[0]
        yield "mandate.instrument", header[0].value, header[0]
    strength = _authorized_strength(analysis.of_kind("ceiling"))
    if strength:
        yield "operation.authorized_strength", strength[0], strength[1]
    name = _operation_name(analysis)
    if name:
        yield "operation.name", name[0], name[1]
    for kind, fact_id in (("operation_type", "operation.type"), ("end_date", "mandate.end_date")):
        found = analysis.of_kind(kind)
        if found and found[0].value != "open_ended":
            yield fact_id, found[0].value, found[0]


def _operation_name(analysis: Analysis) -> tuple[str, Finding] | None:
    """The operation the resolution acts on ("African Union Transition Mission in Somalia (ATMIS)"), else the
    first one it names."""
    subject = analysis.of_kind("operation_subject")
    if subject:
        name, acronym = subject[0].detail.get("name"), str(subject[0].value)
        return (f"{name} ({acronym})" if name and name != acronym else acronym), subject[0]
    names = analysis.of_kind("operation_name")
    return (str(names[0].value), names[0]) if names else None


def _authorized_strength(ceilings: list[Finding]) -> tuple[int, Finding] | None:
    """The operation's ceiling: in one paragraph, the sum over personnel kinds ("up to 2,548 troops, 172
    military observers and 50 civilian police"); of several paragraphs, the largest. Increments ("5,500
    additional troops") are not ceilings."""
    by_paragraph: dict[str | None, dict[str, Finding]] = {}
    for finding in ceilings:
        if finding.detail.get("additional"):
            continue
        kinds = by_paragraph.setdefault(finding.evidence.paragraph, {})
        kind = str(finding.detail.get("personnel"))
        if kind not in kinds or finding.value > kinds[kind].value:
            kinds[kind] = finding
    best: tuple[int, Finding] | None = None
    for kinds in by_paragraph.values():
        level = kinds.get("all personnel")  # "a force level of up to 22,000" is already the total
        total = level.value if level else sum(f.value for f in kinds.values())
        if best is None or total > best[0]:
            best = (total, level or max(kinds.values(), key=lambda f: f.value))
    return best


def _record(analysis: Analysis, value: object, finding: Finding) -> FactRecord:
    evidence = finding.evidence
    return FactRecord(
        value=value,
        status=FactStatus.PROPOSED,
        source=f"{analysis.symbol or analysis.source} (mandate analyzer)",
        evidence=Evidence(
            quote=evidence.quote,
            document=analysis.source,
            paragraph=evidence.paragraph,
            start=evidence.start,
            end=evidence.end,
            selector=evidence.selector(),
            rule=finding.rule,
            confidence=finding.confidence,
        ),
    )


def merge_into(mission: Mission, facts: dict[str, FactRecord]) -> tuple[Mission, list[str], list[str]]:
    """Add proposed facts; never overwrite a confirmed fact. Returns the mission, added ids, skipped ids."""
    added: list[str] = []
    skipped: list[str] = []
    merged = dict(mission.facts)
    for fact_id, record in facts.items():
        existing = merged.get(fact_id)
        if existing is not None and not existing.proposed:
            skipped.append(fact_id)
            continue
        merged[fact_id] = record
        added.append(fact_id)
    return mission.model_copy(update={"facts": merged}), added, skipped
