"""Where a task phrase is context, not a task: the operation's make-up, a body's name, a time, something
stopped, whom the operation works with, or a relative clause describing something else."""

from __future__ import annotations

import re
from dataclasses import dataclass

from missiongate.analyzer.clauses import Clause
from missiongate.analyzer.model import Structure
from missiongate.analyzer.scan import Led


@dataclass(frozen=True, slots=True)
class TaskMatch:
    task: str
    start: int
    end: int


# "UNOMIL shall comprise military observers as well as medical, engineering and electoral components",
# "requests that the Office be comprised of the following advisory units: ... a unit on elections": what the
# operation is made of, not what it does
# "the Mission's human rights unit will include ...": a part of the operation, not what it does
_UNIT_AFTER = re.compile(r"\s+(?:units?|components?|sections?)\b", re.I)
# "to take fully into account child protection as a cross-cutting issue throughout its mandate": how the
# operation works (mainstreaming, as for gender), not a task
_CROSS_CUTTING = re.compile(
    r"\s+(?:\w+\s+){0,3}?as\s+an?\s+cross-?\s?cutting\s+(?:issue|priority|concern)", re.I
)
# "that UNAMX has the necessary human rights capacity", "through its dedicated child-protection capacity": the
# operation's own means, not a task
_CAPACITY_AFTER = re.compile(r"[\s-]+(?:capacit(?:y|ies)|expertise)\b", re.I)
_OWN_BEFORE = re.compile(
    r"\b(?:its|dedicated|(?:has|have|with)\s+the\s+(?:necessary|required|requisite))\s+(?:[\w-]+\s+)?$", re.I
)
# "... personnel to serve as police advisers": what the members do is a task again
_TO_DO = re.compile(r"\bto\s+(?!(?:the|a|an|its|their)\b)[a-z]{3,}\b")
_COMPOSED = Led(
    re.compile(r"\b(?:compris(?:e|es|ed|ing)|compos(?:ed|ing)\s+of|consist(?:s|ed|ing)?\s+of)\b", re.I)
)  # tried only at the words its matches start with (scan.py derives them)


# "the Truce Commission", "Disengagement Observer Force": a task word in the name of a body
_BODY_AFTER = re.compile(
    r"(?:\s+[A-Z][\w-]*){0,2}\s+(?:Commission|Organi[sz]ation|Force|Mission|Group|Committee|Division|Unit|Office|"
    r"Cell)\b"
)
# the bodies of the host State that an operation's electoral, rights, DDR or reconciliation task serves
_HELPS_POLICE = re.compile(
    r"\b(?:support|assist|advis|train|mentor|reform|restructur|vet)\w*\b[^;,]{0,40}$", re.I
)
_SERVED_BODIES = {"ElectAssist", "HumanRights", "DisarmDemob", "Reintegration", "Reconcil", "VoterEducation"}
_NATIONAL_BODY = re.compile(r"(?:Commission|Committee)$")
# "as soon as the cease-fire is in force", "a weekly report during the cease-fire": when, not what
_WHEN_BEFORE = re.compile(
    r"\b(?:during|as\s+soon\s+as|since|until|after|before|when|once|ahead\s+of|in\s+the\s+(?:run|lead)-up\s+to)\s+the\s+$",
    re.I,
)
# "suspend arrest actions", "refrain from any deployment": a task stopped is not given
# "shall no longer carry out the ceasefire monitoring tasks": a task handed over
_STOPPED_BEFORE = re.compile(
    r"\b(?:(?:suspend|halt|stop|cease|refrain\s+from)\w*|no\s+longer\s+(?:[a-z]+\s+){1,2}?)\s*(?:(?:all|any|the)\s+)?$",
    re.I,
)


# "391 police personnel", "formed police units", "the MONUSCO Force or Police", "UN Police Commissioner":
# the operation's own police, not the reform of a national police
_OWN_POLICE_BEFORE = re.compile(
    r"(?:\d[\d,]*|formed|individual|United\s+Nations|UN|Force\s+or|[A-Z]{4,}(?:’s|'s)?|(?i:military\s+(?:and|or)))\s+$"
)
_OWN_POLICE_AFTER = re.compile(
    r"(?:\s+(?:personnel|units?|officers|component|Commissioner|and\s+corrections\s+unit|contributing|tasks|"
    r"operations?)\b|-[Cc]ontributing)"
)
# "in consultation with communities and civil society", "interlocutors ..., including civil society": whom the
# operation works with, not a task; nor is "Human Rights Due Diligence Policy", "refugee law", "civilians
# gathered in displaced persons and refugee camps", combatants "not suspected of ... war crimes", a border
# that arms flow "across"
_WITH_BEFORE = re.compile(
    # "engagement of civil society in the peace process" is their participation, a task
    r"\b(?:consultation|coordinat\w*|interaction|interlocutors|engagement(?!\s+of\b)|cooperation)\b[^;:]{0,160}$|"
    r"\bincluding\s+$",
    re.I,
)
_IN_CONTEXT_OF = re.compile(r"\bin\s+the\s+context\s+of\s+(?:the\s+)?$", re.I)
_CONTEXT_AFTER = {
    "HumanRights": re.compile(r"\s+Due\s+Diligence", re.I),
    # "in line with the disengagement plan", "throughout the disengagement phases": the operation's own exit
    "Demil": re.compile(r"\s+(?:plan|phases?)\b", re.I),
    "RefugeeIDPs": re.compile(r"\s+(?:law|and\s+refugee\s+camps|camps)\b", re.I),
}
_CONTEXT_BEFORE = {
    # "tasks implemented in a manner consistent with respect for human rights", "operate in full respect of
    # human rights": how, not what
    "HumanRights": re.compile(
        r"(?:\b(?:consistent|in\s+(?:compliance|accordance|line|conformity))\s+with\s+(?:(?:full\s+)?respect\s+for\s+)?|"
        r"\b(?:in|with)\s+(?:full\s+)?respect\s+(?:of|for)\s+)(?:(?:the|applicable|international)\s+)*$",
        re.I,
    ),
    # "the protection of civilians, including women and girls": women as the civilians protected, not a task
    # "with particular attention to women and children", "escorting women and girls", "parties led by women":
    # women as those the task reaches, not support to women
    "Gender": re.compile(
        r"\b(?:civilians|population|persons|people|victims)\b[^;:]{0,40}?\b(?:including|in\s+particular|"
        r"especially|notably|such\s+as)\s+(?:for\s+)?$|"
        r"\b(?:attention\s+to|escort\w*|led\s+by)\s+(?:the\s+)?$",
        re.I,
    ),
    # "in coordination with humanitarian agencies": whom the operation works with
    "HumanRelief": re.compile(
        r"\b(?:in\s+(?:close\s+)?(?:coordination|cooperation|consultation)|together)\s+with\s+(?:the\s+)?(?:relevant\s+)?$",
        re.I,
    ),
    "TransJustice": re.compile(r"\bnot\s+suspected\s+of\b[^;]{0,40}$", re.I),
    "RefugeeIDPs": re.compile(r"\b(?:gathered|living)\s+in\s+$|\brotation,\s+$", re.I),
    # flows "across the eastern border" watched under an arms embargo are the embargo's monitoring
    # and so are cargo inspected "at airports and border crossings" under it
    "BorderControl": re.compile(
        r"\bembargo\b[^;]*\b(?:across\s+(?:the\s+)?(?:\w+\s+)?|at\s+(?:[\w-]+\s+){0,3}?(?:and|or)\s+)$", re.I
    ),
    "CivilSociety": _WITH_BEFORE,
    # "the delivery of humanitarian assistance to the civilian population": whom relief reaches
    "CivProtect": re.compile(
        r"\b(?:assistance|aid|relief|supplies|services|delivery|access)\b[^;]{0,40}?\b(?:to|for)\s+(?:the\s+)?$",
        re.I,
    ),
    # "increase participation of political parties", "the dialogue among political parties": their inclusion
    # or their talks, not assistance to them
    "PolPartyAssist": re.compile(
        r"\b(?:participation|inclusion|involvement)\s+of\s+(?:all\s+)?(?:the\s+)?$|"
        r"\b(?:consultations?|process)\s+(?:among|between)\s+(?:all\s+)?(?:the\s+)?$",
        re.I,
    ),
}
# "a zero-tolerance policy on serious misconduct, ... trafficking in natural resources": the personnel's
# conduct, not a task
_CONDUCT_BEFORE = Led(
    re.compile(r"\b(?:zero[- ]tolerance|misconduct|conduct\s+and\s+discipline)\b[^;]{0,160}$", re.I)
)
# "the participation of women ... in security sector reform, disarmament ... and the political dialogue":
# where women take part, not a task given (civil society taking part beside them is one)
_WOMEN_IN = Led(
    re.compile(
        r"\b(?:participation|involvement|representation|inclusion|engagement)\b[^;]{0,60}?\bof\s+women\b[^;]*$",
        re.I,
    ),
)


# "Decides to extend the mandate of UNMX, with the tasks set out in paragraphs 5 to 9 of resolution 9000 on
# the protection of civilians ...": a mandate extended by reference gives no task of its own
_BY_REFERENCE = re.compile(
    r"\b(?:extend|renew)\w*\b[^;]*?\b(?:set\s+out|contained|outlined|laid\s+out|specified|defined|described)\s+in\s+"
    r"(?:its\s+)?(?:paragraphs?|resolutions?)\b",
    re.I,
)


# "in compliance with international humanitarian law, international human rights law and refugee law": the
# law the operation acts under, not a task (monitoring "violations of human rights law" still is one)
_BODY_OF_LAW = re.compile(
    r"\s+(?:and\s+(?:international\s+)?humanitarian\s+)?(?:law|obligations|standards)\b", re.I
)
_COMPLIANCE_BEFORE = re.compile(
    r"\b(?:consistent|compliance|accordance|conformity|in\s+line|obligations?\s+under|respect\s+(?:for|of))\b"
    r"[^;()]{0,160}$",
    re.I,
)
# "develop benchmarks for the drawdown, including progress in the protection of civilians": what the exit is
# measured by, not a task (planning for the Council is not coded); benchmarks the operation helps the
# authorities reach ("on the key benchmarks for the review of the arms embargo") are not the exit's
_BENCHMARKS_BEFORE = re.compile(
    r"\b(?:(?:benchmarks?|indicators|milestones|conditions)\s+(?:[\w-]+\s+){0,3}?(?:for|of|towards)\s+(?:the\s+|a\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:drawdown|withdrawal|exit|transition|reconfiguration|handover)|exit\s+strateg(?:y|ies)|"
    r"(?:transition|drawdown|withdrawal)\s+plans?)\b[^;]{0,200}$",
    re.I,
)
# "support the national police, consistent with the Government's primary responsibility to protect
# civilians", "in accordance with resolution 1325 on women and peace and security", "in full respect of the
# rule of law": the frame the operation works in, not a task; a comma ends the frame (", including"
# does not), and so does an activity the frame leads to ("in accordance with its mandate, to protect");
# "in line with the broader SSR process" names what the help serves, and stays a task
_FRAME = Led(
    re.compile(
        r"\b(?:consistent|(?:in\s+(?:full\s+|strict\s+)?(?:compliance|accordance|conformity)))\s+with\b|"
        r"\bin\s+(?:full\s+)?respect\s+(?:of|for)\b|\btaking\s+(?:fully\s+)?into\s+account\b|"
        r"\bbearing\s+in\s+mind\b|\bmindful\s+of\b|\bwith\s+due\s+regard\s+(?:to|for)\b|\bwithout\s+prejudice\s+to\b",
        re.I,
    )
)
_FRAME_ENDS = re.compile(
    r"[;:]|,(?!\s+(?:including|in\s+particular|notably|especially)\b)|\bto\s+[a-z]+\W", re.I
)


def _in_frame(structure: Structure, clause: Clause, match: TaskMatch) -> bool:
    frames = list(_FRAME.finditer(structure, max(clause.start, match.start - 200), match.start))
    return bool(frames) and not _FRAME_ENDS.search(structure.text, frames[-1].end(), match.start)


# "ensure that its personnel comply with international human rights law": the operation's own conduct
_OWN_CONDUCT = Led(
    re.compile(
        r"\b(?:its|their)\s+(?:own\s+)?(?:personnel|troops|staff|contingents|members)\b[^;]{0,60}?"
        r"\b(?:compl(?:y|ies)|respect|abid\w+\s+by|adher\w+\s+to)\b[^;]{0,80}$",
        re.I,
    )
)
_WOMENS_BEFORE = re.compile(r"\bwomen(?:['’]s)?\s+$", re.I)


def context(structure: Structure, clause: Clause, match: TaskMatch) -> bool:
    """The phrase names the operation's make-up, a body, a time, something stopped, or a mandate extended
    by reference; not a task."""
    text = structure.text
    if clause.verb.startswith("decide") and _BY_REFERENCE.search(text, clause.start, clause.end):
        return True
    if (
        _UNIT_AFTER.match(text, match.end)
        or _CROSS_CUTTING.match(text, match.end)
        or (
            _CAPACITY_AFTER.match(text, match.end)
            and _OWN_BEFORE.search(text, max(0, match.start - 40), match.start)
        )
    ):
        return True
    composed = _COMPOSED.search(structure, clause.start, match.start)
    if composed and not _TO_DO.search(text, composed.end(), match.start):
        return True
    if match.task == "PoliceReform" and (
        _OWN_POLICE_BEFORE.search(text, max(0, match.start - 20), match.start)
        or _OWN_POLICE_AFTER.match(text, match.end)
    ):
        return True
    if match.task not in {"Gender", "CivilSociety"} and _WOMEN_IN.search(
        structure, clause.start, match.start
    ):
        return True
    if match.task == "CivilSociety" and _WOMENS_BEFORE.search(text, max(0, match.start - 12), match.start):
        return True  # "women's civil society organisations" are the Gender task's
    if _CONDUCT_BEFORE.search(structure, max(clause.start, match.start - 200), match.start):
        return True
    after, earlier = _CONTEXT_AFTER.get(match.task), _CONTEXT_BEFORE.get(match.task)
    if (after and after.match(text, match.end)) or (
        earlier and earlier.search(text, max(clause.start, match.start - 400), match.start)
    ):
        return True
    if _BENCHMARKS_BEFORE.search(text, max(clause.start, match.start - 200), match.start):
        return True
    if _in_frame(structure, clause, match) or _OWN_CONDUCT.search(structure, clause.start, match.start):
        return True
    if (
        match.task == "HumanRights"
        and _BODY_OF_LAW.match(text, match.end)
        and _COMPLIANCE_BEFORE.search(text, max(clause.start, match.start - 200), match.start)
    ):
        return True
    if text[match.start : match.end].lower() == "cross-border" or _IN_CONTEXT_OF.search(
        text, max(clause.start, match.start - 40), match.start
    ):
        return True
    if text[match.start].isupper() and (body := _BODY_AFTER.match(text, match.end)):
        # "support the National Electoral Commission": the national body is the one the task serves; "support
        # the reform of the Sorvanan Police Force": the police helped (not "medical evacuation for" it)
        served = match.task in _SERVED_BODIES and _NATIONAL_BODY.search(body.group())
        police = match.task == "PoliceReform" and body.group() == " Force"
        return not (served or (police and _HELPS_POLICE.search(text, max(0, match.start - 60), match.start)))
    before = text[max(0, match.start - 30) : match.start]
    return bool(_WHEN_BEFORE.search(before) or _STOPPED_BEFORE.search(before))


def described(text: str, match: TaskMatch, relative: list[int]) -> bool:
    """The phrase sits in a relative clause (", which calls for ...") that no `;` has closed."""
    return any(r < match.start and ";" not in text[r : match.start] for r in relative)
