"""PEMA tasks: which of the 41 tasks each operative clause gives the operation, and in which modality.

A task is found where (1) the clause is a mandate to the operation or an encouragement to it or to the
UN system (see clauses.py), (2) a task phrase from the lexicon below occurs, and (3) for mandates, an
activity verb governs the phrase: the nearest one before it sets the modality (monitor, assist, secure).
Every rule has an id, so each finding says which phrase and which verb produced it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from missiongate.analyzer.clauses import _NOT_OPERATION, _OPERATION, Clause, Mood, clauses, mood_of_lead
from missiongate.analyzer.model import Evidence, Finding, Paragraph, Structure

_W = r"(?<![\w-])"  # word start that also refuses "non-" and "de-" prefixes


def _any(*alternatives: str) -> str:
    """One regex alternation, written one phrase per argument."""
    return "|".join(alternatives)


TASK_PATTERNS: dict[str, str] = {
    "DisarmDemob": _any(
        r"disarm\w*",
        r"demobili[sz]\w*",
        r"cantonment",
        r"assembly\s+(?:areas|zones|points)",
    ),
    "Reintegration": _any(
        r"reintegrat\w*",
        r"reinsertion",
        r"resettlement\s+of\s+(?:ex-)?combatants",
        r"reincorporation",
        r"community\s+violence\s+reduction",
    ),
    "ControlSALW": _any(
        r"small\s+arms",
        r"light\s+weapons",
        r"weapons\s+collection",
        r"collection\s+of\s+weapons",
        r"arms\s+caches",
        r"weapons-free",
        r"storage\s+of\s+(?:weapons|arms)",
        r"weapons\s+and\s+ammunitions?",
        r"(?:trafficking|diversion)\s+(?:and\s+diversion\s+)?of\s+arms",
    ),
    "ArmsEmbargo": _any(
        r"(?:arms|weapons|military)\s+embargo",
        r"embargo\s+on\s+(?:(?:all\s+)?deliver\w*\s+of\s+)?(?:arms|weapons|deliveries)",
    ),
    "CivProtect": _any(
        r"protect\w*\s+(?:of\s+)?(?:the\s+)?civilian\w*",
        r"civilian\s+population",
        r"safe\s+areas?",
        r"(?:safety|security)\s+of\s+(?:the\s+)?(?:civilian|population|inhabitants)",
    ),
    "HumanRights": _any(r"human\s+rights"),
    "ChildRights": _any(
        r"child(?:ren)?(?:'s)?\s+(?:rights|protection|soldiers)",
        r"protection\s+of\s+children",
        r"children\s+in\s+armed",
    ),
    "SGBViolence": _any(r"sexual\s+(?:and\s+gender-based\s+)?(?:violence|exploitation|abuse)", r"rape"),
    "PoliceReform": _any(r"police", r"gendarmerie", r"law\s+enforcement"),
    "MilitaryReform": _any(
        r"(?:integration|restructuring|reform|training|formation)\s+of\s+(?:the\s+)?(?:new\s+)?(?:national\s+)?(?:armed|defence|security)\s+forces",
        r"security\s+sector\s+reform",
        r"(?-i:SSR)",
        r"reform\s+of\s+the\s+(?:army|armed\s+forces|military)",
        r"new\s+(?:national\s+)?army",
    ),
    "Demil": _any(
        r"demilitari[sz]\w*",
        r"weapons-secure",
        r"heavy\s+weapons",
        r"withdrawal\s+of\s+(?:all\s+)?(?:the\s+)?(?:[\w'-]+\s+(?:or\s+[\w-]+\s+)?){0,3}?"
        r"(?:troops|forces|units|army|Army|personnel)\b",
        r"separation\s+of\s+forces",
        r"disengagement",
        r"buffer\s+zones?",
        r"zones?\s+of\s+separation",
    ),
    # arrests and detention serve justice, not offensive operations
    "OffensOper": _any(
        r"offensive\s+operations",
        r"neutrali[sz]\w*\s+(?:armed\s+groups|those)",
        r"(?:military\s+)?operations\s+against",
    ),
    "JusticeReform": _any(
        r"judicial",
        r"judiciary",
        r"justice\s+system",
        r"rule\s+of\s+law",
        r"legal\s+system",
    ),
    # past atrocity crimes and transitional justice; "fight impunity" alone is the justice system's work
    "TransJustice": _any(
        r"prosecut(?!ors?\b)\w*",
        r"war\s+crimes",
        r"tribunal",
        r"transitional\s+justice",
        r"truth\s+(?:and\s+reconciliation\s+)?commission",
        r"special\s+criminal\s+court",
        r"(?-i:SCC)\b",
    ),
    "CorrectionsReform": _any(
        r"prisons?", r"corrections?\b", r"penal\s+(?:system|programme|institution)", r"penitentiary"
    ),
    "BorderControl": _any(r"borders?", r"frontiers?", r"boundary", r"border\s+checkpoints", r"cross-border"),
    "Demining": _any(
        r"mine[- ]?clearance",
        r"mine[- ]?clearing",
        r"demining",
        r"de-mining",
        r"removal\s+of\s+mines",
        r"mine\s+awareness",
        r"land[- ]?mines",
        r"mine[- ]?fields?",
        r"explosive\s+(?:ordnance|hazards?)",
        r"mine\s+action",
    ),
    "Resources": _any(r"natural\s+resources", r"illegal\s+exploitation", r"timber", r"diamonds"),
    "StateAuthority": _any(
        r"(?:State|civil|government(?:al)?|public)\s+(?:authority|administration)",
        r"re-?establishment\s+of\s+(?:national|regional|local)\s+(?:and\s+\w+\s+)?institutions",
        r"extension\s+of\s+(?:State\s+)?authority",
        r"administrative\s+structures",
        r"stabili[sz]ation\s+(?:efforts|support|activities)",
    ),
    "Democratization": _any(r"democrati[sz]ation", r"democratic\s+institutions", r"good\s+governance"),
    "ElectSec": _any(
        r"(?:security|safety)\s+(?:situation\s+)?(?:during|of|for)\s+[^.;]{0,80}?elections?",
        r"electoral\s+security",
        r"elections?\s+security",
        r"secure\s+(?:environment\s+)?for\s+(?:the\s+)?elections?",
    ),
    "ElectAssist": _any(r"elections?", r"electoral", r"referendum", r"polling", r"ballot"),
    "VoterEducation": _any(
        r"voter\s+education",
        r"civic\s+education",
        r"electoral\s+education",
        r"voter\s+registration",
    ),
    "PolPartyAssist": _any(r"political\s+parties"),
    "CivilSociety": _any(r"civil\s+society"),
    "Media": _any(r"\bmedia\b", r"radio", r"broadcast\w*"),
    "PublicInfo": _any(
        r"public\s+information",
        r"information\s+(?:campaigns?|activities|programmes?)",
        r"broadcast\w*\s+(?:of\s+)?information",
        r"strategic\s+communications?",
        r"communications?\s+(?:efforts|plan|strategy|capacities)",
        r"raise\s+awareness\s+(?:and\s+understanding\s+)?(?:about|of|on)\s+its\s+mandate",
        r"(?:mis|dis)information",
    ),
    "PowerSharing": _any(
        r"power[- ]sharing",
        r"government\s+of\s+national\s+unity",
        r"broad-based\s+government",
        r"inclusive\s+government",
    ),
    "Reconcil": _any(
        r"(?:national|political)\s+reconciliation",
        r"(?<!local\s)(?<!regional\s)reconciliation\s+process",
        r"(?:further\w*|promot\w*|advanc\w*)\s+(?:national\s+)?reconciliation",
        r"reconciliation(?=\s+and\s+peacebuilding)",
        r"national\s+dialogue",
    ),
    "LocalReconcil": _any(
        r"local\s+reconciliation",
        r"inter-?communal",
        r"community\s+reconciliation",
        r"local\s+(?:mediation|conflict\s+resolution|conflicts)",
        r"mediation\s+efforts\s+at\s+(?:the\s+)?local\s+level",
        r"reduce\s+community\s+violence",
    ),
    "RegReconcil": _any(
        r"regional\s+reconciliation",
        r"good-neighbourly",
        r"relations\s+with\s+neighbouring",
        r"engagement\s+with\s+neighbouring\s+countries",
    ),
    "EcDevelop": _any(
        r"econom(?:y|ic)\s+(?:rehabilitation|recovery|development|reconstruction)",
        r"rehabilitat\w*\s+[^.;]{0,60}?econom\w*",
        r"economic\s+and\s+social\s+development",
        r"reconstruction\s+programmes",
    ),
    "HumanRelief": _any(
        r"humanitarian\s+(?:and\s+other\s+)?(?:relief|assistance|aid|supplies|operations|activities|agencies|convoys|"
        r"efforts)",
        r"relief\s+(?:operations|supplies|assistance|activities)",
        r"provision\s+of\s+relief",
    ),
    "PublicHealth": _any(r"public\s+health", r"HIV", r"AIDS", r"epidemic", r"cholera", r"Ebola"),
    "RefugeeIDPs": _any(
        r"refugees?",
        r"displaced\s+persons",
        r"internally\s+displaced",
        r"returnees",
        r"repatriation",
    ),
    "Gender": _any(r"gender", r"women"),
    "LegalReform": _any(r"legislation", r"legal\s+framework", r"constitutional\s+reform", r"electoral\s+law"),
    "Ceasefire": _any(
        r"cease-?\s?fire",
        r"cessation\s+of\s+(?:hostilities|(?:the\s+)?armed\s+conflict)",
        r"truce",
    ),
    "PeaceProcess": _any(
        r"peace\s+(?:process|agreements?|accords?|plan|settlement|talks|negotiations)",
        r"implementation\s+(?:\w+\s+){0,6}?of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}(?-i:Agreement)",
        r"political\s+(?:settlement|process)",
        r"(?:implementation|compliance)\s+(?:\w+\s+){0,4}?(?:of|with)\s+all\s+(?:the\s+)?agreements\b",
        r"all\s+(?:the\s+)?agreements\s+(?:concluded|signed|reached)",
        r"good\s+offices",
        r"mediation",
        r"(?:political\s+)?dialogue",
    ),
    "CulturalHeritage": _any(
        r"cultural\s+(?:heritage|property|sites|monuments)",
        r"historical\s+(?:sites|monuments)",
        r"monuments",
    ),
    "UseOfForce": _any(
        r"all\s+necessary\s+(?:means|measures)",
        r"use\s+of\s+force",
        r"acting\s+in\s+self-defen[cs]e",
        r"use\s+(?:of\s+)?(?:armed\s+)?force",
    ),
}
# Cheap substring pre-checks (on lower-cased text): a task's regex runs only where one of these occurs.
ANCHORS: dict[str, tuple[str, ...]] = {
    "DisarmDemob": ("disarm", "demobili", "cantonment", "assembly"),
    "ControlSALW": ("small arms", "light weapons", "weapons", "arms caches", "storage", "of arms"),
    "ArmsEmbargo": ("embargo",),
    "CivProtect": ("civilian", "safe area", "safety", "security"),
    "HumanRights": ("human rights",),
    "ChildRights": ("child",),
    "SGBViolence": ("sexual", "rape"),
    "PoliceReform": ("police", "gendarmerie", "law enforcement"),
    "MilitaryReform": ("forces", "army", "security sector", "ssr"),
    "Demil": (
        "demilitari",
        "weapons-secure",
        "heavy weapons",
        "withdrawal",
        "separation",
        "disengagement",
        "zone",
    ),
    "OffensOper": ("offensive", "neutrali", "operations against"),
    "JusticeReform": ("judicia", "justice", "rule of law", "legal system"),
    "TransJustice": (
        "prosecut",
        "war crimes",
        "tribunal",
        "transitional justice",
        "truth",
        "criminal court",
        "scc",
    ),
    "CorrectionsReform": ("prison", "correction", "penal", "penitentiary"),
    "BorderControl": ("border", "frontier", "boundary"),
    "Demining": ("mine", "land", "demining", "de-mining", "explosive"),
    "Resources": ("natural resources", "exploitation", "timber", "diamonds"),
    "StateAuthority": ("authority", "administration", "establishment", "administrative", "stabili"),
    "Democratization": ("democrati", "governance"),
    "ElectSec": ("election", "electoral"),
    "ElectAssist": ("election", "electoral", "referendum", "polling", "ballot"),
    "VoterEducation": ("voter", "civic education", "electoral education"),
    "PolPartyAssist": ("political parties",),
    "CivilSociety": ("civil society",),
    "Media": ("media", "radio", "broadcast"),
    "PublicInfo": ("information", "communication", "awareness"),
    "PowerSharing": ("power", "national unity", "broad-based", "inclusive government"),
    "Reconcil": ("reconciliation", "national dialogue"),
    "LocalReconcil": ("local", "communal", "community"),
    "RegReconcil": ("regional reconciliation", "good-neighbourly", "neighbouring"),
    "Reintegration": ("reintegrat", "reinsertion", "resettlement", "reincorporation", "violence reduction"),
    "EcDevelop": ("econom", "reconstruction"),
    "HumanRelief": ("humanitarian", "relief"),
    "PublicHealth": ("health", "hiv", "aids", "epidemic", "cholera", "ebola"),
    "RefugeeIDPs": ("refugee", "displaced", "returnees", "repatriation"),
    "Gender": ("gender", "women"),
    "LegalReform": ("legislation", "legal framework", "constitutional", "electoral law"),
    "Ceasefire": ("cease", "cessation", "truce"),
    "PeaceProcess": ("peace", "political", "good offices", "mediation", "dialogue", "agreements"),
    "CulturalHeritage": ("cultural", "historical", "monuments"),
    "UseOfForce": ("necessary", "force", "self-defen"),
}
# A phrase of the first task inside a phrase of the second is not found twice ("security ... elections").
_SHADOWED_BY = {"ElectAssist": "ElectSec", "Reconcil": "LocalReconcil", "Media": "PublicInfo"}

_CUES: tuple[tuple[str, str], ...] = (
    (
        "Security",
        _any(
            r"ensur\w*\s+(?:the\s+)?(?:safety|security)",
            r"provid\w*\s+(?:\w+\s+){0,2}?(?:security|protection)",
            r"creat\w*\s+(?:of\s+)?(?:the\s+)?security\s+conditions",
            r"seiz\w*",
            r"confiscat\w*",
            r"destroy\w*",
            r"dispos\w*\s+of",
            r"neutrali[sz]\w*",
            r"apprehend\w*",
            r"maint\w+\s+(?:of\s+)?public\s+(?:safety|order)",
            r"contribut\w*\s+to\s+the\s+security",
            r"secur(?:e|ing)\b",
            r"protect\w*",
            r"safeguard\w*",
            r"escort\w*",
            r"guard\w*",
            r"deter\w*",
        ),
    ),
    (
        "Monitor",
        _any(
            r"monitor\w*",
            r"verif\w*",
            r"observ\w*",
            r"supervis\w*",
            r"investigat\w*",
            r"report\w*\s+on",
            r"inspect\w*",
            r"oversee\w*",
            r"oversight",
            r"watch\w*",
        ),
    ),
    (
        "Assist",
        _any(
            r"assist\w*",
            r"support\w*",
            r"help\w*",
            r"play\s+a\s+part\s+in",
            r"facilitat\w*",
            r"advis\w*",
            r"advice",
            r"train\w*",
            r"coordinat\w*",
            r"contribut\w*",
            r"promot\w*",
            r"provid\w*",
            r"organi[sz]\w*",
            r"conduct\w*",
            r"carry\s+out",
            r"develop\w*",
            r"creat\w*",
            r"rehabilitat\w*",
            r"undertak\w*",
            r"good\s+offices",
            r"mediat\w*",
            r"strengthen\w*",
            r"build\w*",
        ),
    ),
)
_CUE_RE = re.compile("|".join(f"{_W}(?P<{name}>{pattern})" for name, pattern in _CUES), re.I)
# A cue word that is part of an operation's name ("Observer Group", "Verification Mission", "Protection
# Force", "Assistance Mission") says nothing about the task.
_NAME_AFTER = re.compile(r"\s+(?:Group|Mission|Force|Team|Unit|Authority|Operation|Office)\b")


def _cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), m.lastgroup or "")
        for m in _CUE_RE.finditer(text, start, end)
        if not (text[m.start()].isupper() and _NAME_AFTER.match(text, m.end()))
    ]


_CUE_REACH = 160  # an activity verb governs task phrases up to this many characters after it
# The modalities PEMA's codebook uses for a task. Peace-process support is always coded Assist, the use of
# force always Security, electoral security never Security; a finding in another modality takes the
# task's usual one, and an encouragement PEMA never codes is dropped.
ALLOWED_MODALITIES: dict[str, frozenset[str]] = {
    "PeaceProcess": frozenset({"Assist", "Monitor", "Security"}),
    "PowerSharing": frozenset({"Assist"}),
    "RegReconcil": frozenset({"Assist"}),
    "CulturalHeritage": frozenset({"Assist"}),
    "UseOfForce": frozenset({"Security"}),
    "PublicInfo": frozenset({"Assist", "Encouraged", "Security"}),
    "CivilSociety": frozenset({"Assist", "Encouraged"}),
    "Demining": frozenset({"Assist", "Monitor", "Security"}),
    "Ceasefire": frozenset({"Monitor", "Assist", "Security"}),
    "Demil": frozenset({"Monitor", "Assist", "Security"}),
    "ElectSec": frozenset({"Monitor", "Assist", "Security"}),
    "LegalReform": frozenset({"Assist", "Monitor", "Encouraged"}),
}
_USUAL_MODALITY = {"UseOfForce": "Security", "OffensOper": "Security"}  # otherwise Assist
# Activity verbs that head a listed sub-paragraph ("(b) Protecting major ports ...", "(a) To monitor ...")
# govern everything the sub-paragraph lists.
_HEAD_OF_UNIT = re.compile(
    r"\s*(?:\(?[a-z]{1,4}[).]\s*)?(?:to\s+)?(?:also\s+|further\s+|continue\s+to\s+)?", re.I
)
# A relative clause describing an agreement or a deployment is not a task: "the cease-fire agreement,
# which calls for the establishment of cantonment and assembly zones"; "which shall verify" still is.
_RELATIVE = re.compile(
    r",\s*which\b(?!\s+(?:shall|is\s+to|are\s+to|will\s+be\s+(?:responsible|tasked)))", re.I
)
# A task phrase in the title of an agreement: "the Protocol of Agreement on the Integration of the Armed
# Forces"
_TITLE_BEFORE = re.compile(
    r"\b(?:Agreements?|Protocols?|Accords?)\s+(?:of\s+Agreement\s+)?on\s+(?:the\s+|an?\s+)?"
    r"(?:[A-Z][\w-]*\s+(?:(?:of|on|for|and)\s+(?:the\s+|an?\s+)?)?){0,4}$"
)
# "to verify the compliance by the parties with the Agreement on Human Rights", "monitoring of the
# implementation of ... the Agreement on the Establishment of a National Civil Police": verifying an
# agreement is monitoring its subject ("non-compliance" investigated case by case is not).
_VERIFIED_AGREEMENT = re.compile(
    r"\b(?:verif|monitor)(?:\w|-\n)*\s+(?:of\s+)?(?:the\s+)?(?:(?<!non-)compliance|implementation)\b[^;]*$",
    re.I,
)
_CITED_BEFORE = re.compile(
    r"\b(?:pursuant\s+to|in\s+(?:accordance|line)\s+with|established\s+(?:by|under)|provided\s+for\s+in|"
    r"under)\s+(?:the\s+(?:relevant\s+)?provisions\s+of\s+)?(?:the\s+)?$",
    re.I,
)
# "Urges all parties to cooperate fully with the Authority in the preparation and holding of the election":
# the parties' cooperation presupposes the task is the operation's.
_COOPERATE_IN = re.compile(r"\bcooperat\w*\s+(?:fully\s+)?with\s+(?P<op>[^;,]{0,80}?)\s+(?:in|to)\s+", re.I)
_FALLBACK_VERBS = {
    "requests", "authorizes", "authorises", "directs", "instructs", "entrusts", "mandates", "approves",
    "endorses", "",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Match:
    task: str
    start: int
    end: int


def find_tasks(structure: Structure) -> list[Finding]:
    body = structure.lower[structure.operative_start : structure.body_end]
    candidates = tuple(task for task, anchors in ANCHORS.items() if any(a in body for a in anchors))
    findings: list[Finding] = []
    for paragraph in structure.operative:
        for clause in _units(structure, paragraph):
            findings.extend(_clause_tasks(structure, clause, candidates))
    return findings


def _units(structure: Structure, paragraph: Paragraph) -> Iterator[Clause]:
    """A paragraph's own clauses; a sub-paragraph is one clause in the mood of its parent's lead-in."""
    if paragraph.kind != "sub":
        yield from clauses(structure, paragraph)
        return
    mood = _inherited_mood(structure, paragraph)
    yield Clause(paragraph, paragraph.start, paragraph.lead_end, "", mood)


def _inherited_mood(structure: Structure, paragraph: Paragraph) -> Mood:
    parent = structure.paragraph(paragraph.parent) if paragraph.parent else None
    while parent is not None and parent.kind == "sub":
        parent = structure.paragraph(parent.parent) if parent.parent else None
    return mood_of_lead(structure, parent) if parent else "none"


# Good offices and mediation are how the operation helps; with another task in the same clause, that task
# is what it helps with.
_MEANS_ONLY = re.compile(r"good\s+offices|mediation|dialogue", re.I)


def _clause_tasks(structure: Structure, clause: Clause, candidates: tuple[str, ...]) -> Iterator[Finding]:
    if clause.mood == "none":
        yield from _cooperation_tasks(structure, clause, candidates)
        return
    text = structure.text
    matches = _task_matches(structure, clause.start, clause.end, candidates)
    named = [(m.start, m.end) for m in matches if m.task != "CivProtect"]
    # "protection" in "child protection" names a task; it is no activity governing the next phrases
    cues = [c for c in _cues(text, clause.start, clause.end) if c[2] != "Security"
            or not any(s <= c[0] < e for s, e in named)]  # fmt: skip
    head = None
    if clause.paragraph.kind == "sub" and cues:
        lead = _HEAD_OF_UNIT.match(text, clause.start, cues[0][0])
        head = cues[0] if lead and lead.end() == cues[0][0] else None
    relative = [m.start() for m in _RELATIVE.finditer(text, clause.start, clause.end)]
    fallback = clause.mood == "mandate" and (clause.paragraph.kind == "sub" or clause.verb in _FALLBACK_VERBS)
    others = {m.task for m in matches} - {"PeaceProcess", "UseOfForce"}
    lists = clause.paragraph.kind != "sub" and bool(structure.children(clause.paragraph.id))
    for match in matches:
        if (
            match.task == "PeaceProcess"
            and (others or lists)
            and _MEANS_ONLY.fullmatch(text[match.start : match.end])
        ):
            continue  # "provide good offices, advice and support ... for the reform of the police"
        title = _in_title(text, match)
        if title == "cited" or _described(text, match, relative) or _context(text, clause, match):
            continue
        modality: str | None
        if title == "verified":
            modality, cue = "Monitor", "agreement_verified"
        elif head is not None and head[1] <= match.start:
            modality, cue = head[2], head[2].lower() + ".head"
        else:
            modality, cue = _modality(clause.mood, match, cues)
        if modality is None and fallback:
            modality, cue = _USUAL_MODALITY.get(match.task, "Assist"), "default"
        modality = _allowed(match.task, _task_modality(text, clause, match, modality))
        if modality is None:
            continue
        rule = f"task.{match.task}.{cue or 'encouraged'}"
        yield Finding(
            kind="task",
            value=match.task,
            rule=rule,
            confidence=0.8 if clause.mood == "mandate" else 0.6,
            evidence=Evidence.from_span(text, match.start, match.end, clause.paragraph.id),
            detail={"modality": modality, "clause_verb": clause.verb or None},
        )


def _cooperation_tasks(
    structure: Structure, clause: Clause, candidates: tuple[str, ...]
) -> Iterator[Finding]:
    """ "cooperate fully with UNTAC in the preparation and holding of the election": the operation's task."""
    text = structure.text
    if "cooperat" not in structure.lower[clause.start : clause.end]:
        return
    for found in _COOPERATE_IN.finditer(text, clause.start, clause.end):
        if not _OPERATION.search(found.group("op")) or _NOT_OPERATION.search(found.group("op")):
            continue
        stop = re.compile(r"[;,]").search(text, found.end(), clause.end)
        end = stop.start() if stop else clause.end
        cues = _cues(text, found.end(), end)
        for match in _task_matches(structure, found.end(), end, candidates):
            found_modality, _ = _modality("mandate", match, cues)
            modality = _allowed(match.task, found_modality or _USUAL_MODALITY.get(match.task, "Assist"))
            if modality is None:
                continue
            yield Finding(
                kind="task",
                value=match.task,
                rule=f"task.{match.task}.cooperation",
                confidence=0.5,
                evidence=Evidence.from_span(text, match.start, match.end, clause.paragraph.id),
                detail={"modality": modality, "clause_verb": clause.verb or None},
            )


def _in_title(text: str, match: _Match) -> Literal["cited", "verified"] | None:
    """In an agreement's title, or an agreement cited as the basis of something else ("the Violations
    Committee established pursuant to the Peace Agreement", "in accordance with the provisions of the Peace
    Agreement"): not a task ("cited"), unless the operation verifies the agreement ("verified")."""
    if _TITLE_BEFORE.search(text, max(0, match.start - 100), match.start):
        verified = _VERIFIED_AGREEMENT.search(text, max(0, match.start - 400), match.start)
        return "verified" if verified else "cited"
    cited = match.task in {"PeaceProcess", "Ceasefire"} and _CITED_BEFORE.search(
        text, max(0, match.start - 60), match.start
    )
    return "cited" if cited else None


# "UNOMIL shall comprise military observers as well as medical, engineering and electoral components":
# what the operation is made of, not what it does
_COMPOSED = re.compile(r"\b(?:compris\w*|compos\w*|consist\w*)\b", re.I)
_COMPONENT_AFTER = re.compile(r"\s+components?\b", re.I)


# "the Truce Commission", "Disengagement Observer Force": a task word in the name of a body
_BODY_AFTER = re.compile(
    r"(?:\s+[A-Z][\w-]*){0,2}\s+(?:Commission|Organi[sz]ation|Force|Mission|Group|Committee|Division|Unit|Office|"
    r"Cell)\b"
)
# "as soon as the cease-fire is in force", "a weekly report during the cease-fire": when, not what
_WHEN_BEFORE = re.compile(r"\b(?:during|as\s+soon\s+as|since|until|after|before|when|once)\s+the\s+$", re.I)
# "suspend arrest actions", "refrain from any deployment": a task stopped is not given
_STOPPED_BEFORE = re.compile(
    r"\b(?:suspend|halt|stop|cease|refrain\s+from)\w*\s+(?:(?:all|any|the)\s+)?$", re.I
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
    r"\b(?:consultation|coordinat\w*|interaction|interlocutors|engagement|cooperation)\b[^;:]{0,160}$|"
    r"\bincluding\s+$",
    re.I,
)
_IN_CONTEXT_OF = re.compile(r"\bin\s+the\s+context\s+of\s+(?:the\s+)?$", re.I)
_CONTEXT_AFTER = {
    "HumanRights": re.compile(r"\s+Due\s+Diligence", re.I),
    "RefugeeIDPs": re.compile(r"\s+(?:law|and\s+refugee\s+camps|camps)\b", re.I),
}
_CONTEXT_BEFORE = {
    "TransJustice": re.compile(r"\bnot\s+suspected\s+of\b[^;]{0,40}$", re.I),
    "RefugeeIDPs": re.compile(r"\b(?:gathered|living)\s+in\s+$|\brotation,\s+$", re.I),
    # flows "across the eastern border" watched under an arms embargo are the embargo's monitoring
    "BorderControl": re.compile(r"\bembargo\b[^;]*\bacross\s+(?:the\s+)?(?:\w+\s+)?$", re.I),
    "CivilSociety": _WITH_BEFORE,
}
# "the participation of women ... in security sector reform, disarmament ... and the political dialogue":
# where women take part, not a task given
_WOMEN_IN = re.compile(
    r"\b(?:participation|involvement|representation|inclusion)\s+(?:and\s+\w+\s+)?of\s+women\b[^;]*$", re.I
)


def _context(text: str, clause: Clause, match: _Match) -> bool:
    """The phrase names the operation's make-up, a body, a time, or something stopped; not a task."""
    if _COMPONENT_AFTER.match(text, match.end) and _COMPOSED.search(text, clause.start, match.start):
        return True
    if match.task == "PoliceReform" and (
        _OWN_POLICE_BEFORE.search(text, max(0, match.start - 20), match.start)
        or _OWN_POLICE_AFTER.match(text, match.end)
    ):
        return True
    if match.task != "Gender" and _WOMEN_IN.search(text, clause.start, match.start):
        return True
    after, earlier = _CONTEXT_AFTER.get(match.task), _CONTEXT_BEFORE.get(match.task)
    if (after and after.match(text, match.end)) or (
        earlier and earlier.search(text, max(clause.start, match.start - 400), match.start)
    ):
        return True
    if text[match.start : match.end].lower() == "cross-border" or _IN_CONTEXT_OF.search(
        text, max(clause.start, match.start - 40), match.start
    ):
        return True
    if text[match.start].isupper() and _BODY_AFTER.match(text, match.end):
        return True
    before = text[max(0, match.start - 30) : match.start]
    return bool(_WHEN_BEFORE.search(before) or _STOPPED_BEFORE.search(before))


def _described(text: str, match: _Match, relative: list[int]) -> bool:
    """The phrase sits in a relative clause (", which calls for ...") that no `;` has closed."""
    return any(r < match.start and ";" not in text[r : match.start] for r in relative)


_CARRIED_OUT = re.compile(r"\b(?:carry\s+out|conduct|undertak\w*)\s+(?:\w+\s+){0,3}$", re.I)


def _task_modality(text: str, clause: Clause, match: _Match, modality: str | None) -> str | None:
    """What some tasks are by their nature: "protection of civilians" is the operation securing them (unless
    it monitors or is encouraged); offensive operations carried out are the operation's own; communication
    that serves the operation's protection strategy is part of it."""
    if modality in {None, "Assist"}:
        phrase = text[match.start : match.end].lower()
        if match.task == "CivProtect" and "protect" in phrase:
            return "Security"
        if match.task == "OffensOper" and _CARRIED_OUT.search(
            text, max(clause.start, match.start - 60), match.start
        ):
            return "Security"
        if match.task == "PublicInfo" and "protection" in text[clause.start : clause.end].lower():
            return "Security"
    return modality


def _allowed(task: str, modality: str | None) -> str | None:
    allowed = ALLOWED_MODALITIES.get(task)
    if modality is None or allowed is None or modality in allowed:
        return modality
    if modality == "Encouraged":
        return None
    return _USUAL_MODALITY.get(task, "Assist")


def _task_matches(structure: Structure, start: int, end: int, candidates: tuple[str, ...]) -> list[_Match]:
    lower = structure.lower[start:end]
    present = [task for task in candidates if any(a in lower for a in ANCHORS[task])]
    text = structure.text
    found = [
        _Match(task, m.start(), m.end())
        for task in present
        for m in _COMPILED[task].finditer(text, start, end)
    ]
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in found:
        spans.setdefault(m.task, []).append((m.start, m.end))
    return sorted(
        (m for m in found if not _shadowed(m, spans) and not _ddr_repatriation(text, m)),
        key=lambda m: m.start,
    )


# "disarmament, demobilization, repatriation, resettlement and reintegration": the repatriation of
# combatants (DDRRR), not of refugees
_DDR_BEFORE = re.compile(r"(?:demobili[sz]\w*|disarmament)\W{1,3}(?:\w+\W{1,3}){0,2}$", re.I)


def _ddr_repatriation(text: str, match: _Match) -> bool:
    if match.task != "RefugeeIDPs":
        return False
    return bool(_DDR_BEFORE.search(text, max(0, match.start - 60), match.start))


def _shadowed(match: _Match, spans: dict[str, list[tuple[int, int]]]) -> bool:
    shadow = _SHADOWED_BY.get(match.task)
    return bool(shadow) and any(s <= match.start and match.end <= e for s, e in spans.get(shadow or "", []))


def _modality(mood: Mood, match: _Match, cues: list[tuple[int, int, str]]) -> tuple[str | None, str]:
    if mood == "encourage":
        return "Encouraged", ""
    before = [c for c in cues if c[1] <= match.start and match.start - c[1] <= _CUE_REACH]
    if before:
        chosen = before[-1]
        # "to provide security, as appropriate, to assist in the repatriation": the security governs
        if chosen[2] == "Assist" and len(before) > 1 and before[-2][2] == "Security" and \
                chosen[0] - before[-2][1] <= 25:  # fmt: skip
            chosen = before[-2]
        return chosen[2], chosen[2].lower()
    # "take into account child protection": the word inside the phrase is the task's name, not an activity;
    # only "protection of civilians" is itself the operation securing something
    inside = [
        c
        for c in cues
        if match.start <= c[0] < match.end and (c[2] != "Security" or match.task == "CivProtect")
    ]
    return (inside[0][2], inside[0][2].lower()) if inside else (None, "")


_COMPILED = {task: re.compile(f"{_W}(?:{pattern})", re.I) for task, pattern in TASK_PATTERNS.items()}
