"""Derive `operation.type` from the findings, with the reasons an analyst can check.

The rules follow the Capstone Doctrine distinctions (domain.md section 2), first match wins:
force authorised for States outside a UN operation or offensive tasks -> peace enforcement; force
authorised under Chapter VII for a UN operation -> robust peacekeeping; many civilian tasks ->
multidimensional; monitoring only -> observer mission; ceasefire/separation tasks -> traditional.
"""

from __future__ import annotations

from missiongate.analyzer.model import Finding

_CIVILIAN_TASKS = {
    "HumanRights", "PoliceReform", "JusticeReform", "ElectAssist", "ElectSec", "StateAuthority",
    "Democratization", "PublicInfo", "RefugeeIDPs", "DisarmDemob", "Reintegration", "Demining",
    "CivilSociety", "Reconcil",
    "LegalReform", "EcDevelop", "HumanRelief", "Gender", "ChildRights",
}  # fmt: skip
_TRADITIONAL_TASKS = {"Ceasefire", "Demil", "BorderControl"}


def classify(findings: list[Finding]) -> Finding | None:
    """One `operation_type` finding, or None when the text says too little to classify."""
    tasks = [f for f in findings if f.kind == "task"]
    force = [f for f in findings if f.kind == "use_of_force" and f.detail.get("authorised")]
    chapter7 = [f for f in findings if f.kind == "charter_basis" and f.value == "chapter_vii"]
    names = [f for f in findings if f.kind == "operation_name"]
    task_codes = {f.value for f in tasks}
    offensive = [f for f in tasks if f.value == "OffensOper"]
    if offensive:
        return _result("peace_enforcement", offensive[0], ["offensive operations are mandated"])
    if force and chapter7:
        reasons = ["acting under Chapter VII", f'force authorised: "{force[0].detail["formula"]}"']
        if _un_operation(names, force[0]):
            return _result("robust_peacekeeping", force[0], [*reasons, "for a UN operation"])
        return _result("peace_enforcement", force[0], [*reasons, "for Member States, not a UN operation"])
    civilian = sorted(task_codes & _CIVILIAN_TASKS)
    if len(civilian) >= 4:
        return _result("multidimensional_peacekeeping", tasks[0], [f"civilian tasks: {', '.join(civilian)}"])
    if tasks and all(f.detail.get("modality") == "Monitor" for f in tasks):
        return _result("observer_mission", tasks[0], ["every mandated task is to monitor or verify"])
    if task_codes & _TRADITIONAL_TASKS:
        first = next(f for f in tasks if f.value in _TRADITIONAL_TASKS)
        return _result("traditional_peacekeeping", first, [f"tasks: {', '.join(sorted(task_codes))}"])
    if names and "observer" in str(names[0].value).lower():
        return _result("observer_mission", names[0], ["the operation is named an observer mission"])
    return None


def _un_operation(names: list[Finding], force: Finding) -> bool:
    quote = force.evidence.quote + force.evidence.prefix
    return bool(names) and "Member States" not in quote


def _result(value: str, evidence_of: Finding, reasons: list[str]) -> Finding:
    return Finding(
        "operation_type", value, f"classify.{value}", 0.6, evidence_of.evidence, {"reasons": reasons}
    )
