"""Derive `operation.type` from the findings, with the reasons an analyst can check.

The rules follow the Capstone Doctrine distinctions (domain.md section 2). A force that is not a UN
operation (a regional force, a multinational force, Member States) is peace enforcement when it fights
armed groups, a stabilization force when the text calls it one. A UN operation authorised under Chapter VII
to use all necessary means is robust peacekeeping, even when it is also multidimensional; a UN force or an
operation that secures a ceasefire or a line is traditional; a verification or observer mission, or one that
monitors a ceasefire or a line, is an observer mission; an operation with troops and many civilian tasks is
multidimensional. A political mission (one that only supports a ceasefire, or an office) gets no type.
"""

from __future__ import annotations

import re

from missiongate.analyzer.missions import PEACEKEEPING
from missiongate.analyzer.model import Evidence, Finding, Structure
from missiongate.analyzer.scan import Led

_CIVILIAN_TASKS = {
    "HumanRights", "PoliceReform", "JusticeReform", "ElectAssist", "ElectSec", "StateAuthority",
    "Democratization", "PublicInfo", "RefugeeIDPs", "DisarmDemob", "Reintegration", "Demining",
    "CivilSociety", "Reconcil",
    "LegalReform", "EcDevelop", "HumanRelief", "Gender", "ChildRights",
}  # fmt: skip
_TRADITIONAL_TASKS = {"Ceasefire", "Demil", "BorderControl"}
_NON_UN_ADDRESSEES = {"member_states", "regional_force", "multinational_force"}
_UN_FORM = re.compile(
    r"^(?:UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|BINU[A-Z]+|ONU[A-Z]+)$|\b(?:United Nations|UN)\b"
)
# run only where the words their matches start with are (scan.py)
_OFFENSIVE = Led(re.compile(r"\boffensive\s+operations\b|\boperations\s+against\b", re.I))
_STABILIZATION_FORCE = Led(re.compile(r"\bstabili[sz]ation\s+force\b", re.I))
_FORCE_NAME = re.compile(r"\bForce\b")
# a UN "mechanism" in the field monitors or verifies (the Syria cross-border and Gaza mechanisms)
_OBSERVER_NAME = re.compile(
    r"\b(?:Verification|[Oo]bservers?|Observation|Supervision|Monitoring|[Mm]echanism)\b"
)

# The names of special political missions: "Assistance Mission", "Support Mission", "Integrated Transition
# Assistance Mission", "Political Mission" (without troops: the 1990s "Assistance Missions" had them)
_POLITICAL_NAME = re.compile(r"\b(?:Assistance|Support|Political|Peacebuilding)\s+(?:Mission|Office)\b")


def classify(structure: Structure, findings: list[Finding]) -> Finding | None:
    """One `operation_type` finding, or None when the text acts on no operation or says too little."""
    subject = next((f for f in findings if f.kind == "operation_subject"), None)
    if subject is None and not any(f.kind == "operation_action" for f in findings):
        return None
    tasks = [f for f in findings if f.kind == "task"]
    force = [f for f in findings if f.kind == "use_of_force" and f.detail.get("authorised")]
    if _outside_un(subject, force):
        return _other_force(structure, tasks, force)
    # force the text gives others (States inspecting vessels, a parallel force) does not make a UN
    # operation robust
    own = [f for f in force if f.detail.get("addressee") not in _NON_UN_ADDRESSEES]
    if own and any(f.kind == "charter_basis" and f.value == "chapter_vii" for f in findings):
        reasons = ["acting under Chapter VII", f'force authorised: "{own[0].detail["formula"]}"']
        return _result("robust_peacekeeping", own[0].evidence, [*reasons, "for a UN operation"])
    return _un_operation(structure, findings, tasks, subject)


def _outside_un(subject: Finding | None, force: list[Finding]) -> bool:
    """The operation acted on is not the UN's: by its name, else by whom the text authorises."""
    if subject is not None:
        return not _UN_FORM.search(str(subject.value))
    return bool(force) and force[0].detail.get("addressee") in _NON_UN_ADDRESSEES


def _other_force(structure: Structure, tasks: list[Finding], force: list[Finding]) -> Finding | None:
    offensive = [f.evidence for f in tasks if f.value == "OffensOper"]
    offensive += [
        _span(structure, m)
        for m in _OFFENSIVE.finditer(structure, structure.operative_start, structure.body_end)
    ]
    if offensive:
        return _result("peace_enforcement", offensive[0], ["a force outside the UN fights armed groups"])
    called = _STABILIZATION_FORCE.search(structure, 0, structure.body_end)
    if called:
        return _result(
            "stabilization", _span(structure, called), ["the text calls the force a stabilization force"]
        )
    if force:
        return _result(
            "peace_enforcement", force[0].evidence, ["force authorised for a force outside the UN"]
        )
    return None


def _un_operation(
    structure: Structure, findings: list[Finding], tasks: list[Finding], subject: Finding | None
) -> Finding | None:
    name = _name(subject)
    codes = {f.value for f in tasks}
    anchor = subject.evidence if subject else (tasks[0].evidence if tasks else None)
    if anchor is None:
        return None
    if _FORCE_NAME.search(name):
        return _result("traditional_peacekeeping", anchor, [f"a UN force ({name})"])
    if _OBSERVER_NAME.search(name):
        return _result("observer_mission", anchor, ["the operation verifies or observes"])
    troops = any(f.kind == "ceiling" and f.detail.get("branch") == "military" for f in findings)
    political = "Office" in name or bool(_POLITICAL_NAME.search(name))
    observers = None if troops or political else _observers_only(structure)
    if observers:
        return _result("observer_mission", observers, ["its personnel are observers, without troops"])
    civilian = sorted(codes & _CIVILIAN_TASKS)
    if len(civilian) >= 4 and troops:
        return _result(
            "multidimensional_peacekeeping", anchor, [f"troops and civilian tasks: {', '.join(civilian)}"]
        )
    if "Office" in name:
        return None  # a political office
    # A ceasefire, a withdrawal or a border: securing it is interposition (a force's work), watching it is
    # observation; merely supporting it is what a political mission does.
    separation = {f.detail.get("modality") for f in tasks if f.value in _TRADITIONAL_TASKS}
    if "Security" in separation:
        return _result("traditional_peacekeeping", anchor, ["the operation secures a ceasefire or a line"])
    if (_POLITICAL_NAME.search(name) or _called_political(structure, subject)) and not troops:
        return None  # a special political mission, by its name or as the text calls it, whatever it monitors
    if "Monitor" in separation:
        return _result("observer_mission", anchor, ["the operation monitors a ceasefire or a line"])
    watched = _watches_ceasefire(structure, str(subject.value) if subject else "")
    if watched:
        return _result("observer_mission", watched, ["a paragraph on the operation watches a ceasefire"])
    return None  # a political mission, or too little said


# "Decides to establish a special political mission, the United Nations Mission in Somewhere (UNMX)"
_CALLED_POLITICAL = re.compile(r"\bspecial\s+political\s+mission\b", re.I)


def _called_political(structure: Structure, subject: Finding | None) -> bool:
    """A paragraph that names the operation calls it a special political mission."""
    if subject is None or "special political mission" not in structure.lower:
        return False
    text = structure.text
    for paragraph in (*structure.preamble, *structure.top_level()):
        if str(subject.value) in text[paragraph.start : paragraph.end] and _CALLED_POLITICAL.search(
            text, paragraph.start, paragraph.end
        ):
            return True
    return False


def _name(subject: Finding | None) -> str:
    """The operation's name as the text gives it, else as the UN's list of peacekeeping operations does
    ("extend the mandate of UNFICYP": the United Nations Peacekeeping Force in Cyprus)."""
    if subject is None:
        return ""
    return str(subject.detail.get("name") or PEACEKEEPING.get(str(subject.value)) or subject.value)


# "composed of up to 300 unarmed military observers", "150 international observers"
_OBSERVERS = re.compile(
    r"\b(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)\s+"
    r"(?:unarmed\s+)?(?:military\s+|international\s+|civilian\s+)?observers\b",
    re.I,
)


def _observers_only(structure: Structure) -> Evidence | None:
    """A UN operation without troops whose personnel the text counts as observers is an observer mission."""
    if "observers" not in structure.lower:
        return None
    found = _OBSERVERS.search(structure.text, structure.operative_start, structure.body_end)
    return _span(structure, found) if found else None


_CEASEFIRE = re.compile(r"\bcease-?\s?fire\b", re.I)
_WATCH = re.compile(r"\b(?:monitor\w*|observ\w*|verif\w*|supervis\w*)\b", re.I)


def _watches_ceasefire(structure: Structure, acronym: str) -> Evidence | None:
    """A renewal by reference lists no task: a paragraph naming the operation that watches a ceasefire
    ("calls on the parties to respect the ceasefire monitored by UNMX", "commending UNMX's role in monitoring
    the ceasefire") still shows an observer mission."""
    if not acronym.isupper() or " " in acronym:
        return None
    text = structure.text
    # the operative part first; a preambular paragraph on the operation's role says the same
    for paragraph in (*structure.top_level(), *structure.preamble):
        if acronym not in text[paragraph.start : paragraph.end]:
            continue
        ceasefire = _CEASEFIRE.search(text, paragraph.start, paragraph.end)
        if ceasefire and _WATCH.search(text, paragraph.start, paragraph.end):
            return Evidence.from_span(text, ceasefire.start(), ceasefire.end(), paragraph.id)
    return None


def _span(structure: Structure, match: re.Match[str]) -> Evidence:
    return Evidence.from_span(structure.text, match.start(), match.end(), None)


def _result(value: str, evidence: Evidence, reasons: list[str]) -> Finding:
    return Finding("operation_type", value, f"classify.{value}", 0.6, evidence, {"reasons": reasons})
