"""PEMA tasks: which of the 41 tasks each operative clause gives the operation, and in which modality.

A task is found where (1) the clause is a mandate to the operation or an encouragement to it or to the
UN system (see clauses.py), (2) a task phrase from the lexicon (lexicon.py) occurs and is not context
(context.py), and (3) for mandates, an activity verb governs the phrase: the nearest one before it sets the
modality (monitor, assist, secure).
Every rule has an id, so each finding says which phrase and which verb produced it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from missiongate.analyzer.clauses import _NOT_OPERATION, Clause, Mood, clauses, mood_of_lead, operations
from missiongate.analyzer.context import TaskMatch, context, described
from missiongate.analyzer.learned_tasks import backoff_tasks, load_model
from missiongate.analyzer.lexicon import (
    ALLOWED_MODALITIES,
    ANCHORS,
    COMPILED,
    CUE_REACH,
    ENCOURAGED_IF_ACTIVE,
    SHADOWED_BY,
    TASK_PATTERNS,
    USUAL_MODALITY,
    find_cues,
)
from missiongate.analyzer.model import Evidence, Finding, Paragraph, Structure

__all__ = ["ANCHORS", "TASK_PATTERNS", "find_tasks"]

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
_COOPERATE_IN = re.compile(
    r"\bcooperat(?:e|es|ing)\s+(?:fully\s+)?with\s+(?P<op>[^;,]{0,80}?)\s+(?:in|to)\s+", re.I
)
_FALLBACK_VERBS = {
    "requests", "authorizes", "authorises", "directs", "instructs", "entrusts", "mandates", "approves",
    "endorses", "",
}  # fmt: skip


# "Decides that UNAMX shall advocate for human rights": the operation is told what it shall do, as in
# "Requests UNAMX to ...", whatever the verb ("shall be", "shall comprise", "its unit will include",
# "shall expire" say what it is, not what it does)
_SHALL_DO = re.compile(
    r"(?:\w+\s+)?decides?\s+(?:further\s+|also\s+)?that\s+(?P<subject>[^;:]{0,160}?)\s+(?:shall|will|is\s+to|should)\s+"
    r"(?:also\s+|further\s+|continue\s+to\s+)?(?!be\b|not\b|have\b|compris|consist|include|expire|terminate|remain|end\b|"
    r"continue\s+(?:until|for)\b)",
    re.I,
)


def _operation_shall(structure: Structure, clause: Clause) -> bool:
    found = _SHALL_DO.match(structure.text, clause.start, clause.end)
    subject = found["subject"] if found else ""
    return bool(found and operations(structure).search(subject) and not _NOT_OPERATION.search(subject))


def find_tasks(structure: Structure) -> list[Finding]:
    findings: list[Finding] = []
    for paragraph in structure.operative:
        for clause in _units(structure, paragraph):
            findings.extend(_clause_tasks(structure, clause))
    model = load_model()  # the learned back-off, where a model is shipped (learned_tasks.py)
    return findings + backoff_tasks(structure, findings, model) if model else findings


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


# "support the Electoral Commission in planning the security arrangements for the elections", "security for
# polling stations, electoral staff and materials": beside a specific electoral task, the electoral body
# helped and the vote's staff and materials are that task's, not general electoral assistance
_SPECIFIC_VOTE = {"ElectSec", "VoterEducation"}
_VOTE_MEANS = re.compile(
    r"(?:\s+[A-Z][\w-]*)?\s+(?:Commission|Council|Authority|Body|Board|Institute)\b|"
    r"\s+(?:staff|materials?|officials|personnel|kits)\b"
)


# Good offices and mediation are how the operation helps; with another task in the same clause, that task
# is what it helps with.
_MEANS_ONLY = re.compile(r"good\s+offices|mediation|dialogue", re.I)
# "the mediation between the Government and non-signatory armed movements": the peace process itself
_BETWEEN_PARTIES = re.compile(r"\s+(?:between|among)\s+(?:the|all)\b", re.I)


def _clause_tasks(structure: Structure, clause: Clause) -> Iterator[Finding]:
    if clause.mood == "none":
        yield from _cooperation_tasks(structure, clause)
        return
    text = structure.text
    matches = _task_matches(structure, clause.start, clause.end)
    named = [(m.start, m.end) for m in matches if m.task != "CivProtect"]
    # "protection" in "child protection" names a task; it is no activity governing the next phrases
    # a cue word inside a task's name ("child protection", "humanitarian assistance") is no activity
    phrases = [(m.start, m.end) for m in matches if m.task in _NAMED_BY_CUE]
    cues = [c for c in find_cues(structure, clause.start, clause.end) if not any(
            s <= c[0] < e for s, e in (named if c[2] == "Security" else phrases))]  # fmt: skip
    title = _title_line(text, clause) if clause.paragraph.kind == "sub" else None
    headings = _headings(structure, clause, cues) if matches else []
    # a heading's words are no activity: "(a) Support for the ceasefire: to monitor violations"
    body = [
        c for c in cues if c[0] >= (title[1] if title else 0) and not any(s <= c[0] < e for s, e in headings)
    ]
    head = (
        _head(structure, clause.paragraph, body, title[1] if title else None)
        if clause.paragraph.kind == "sub"
        else None
    )
    relative = [m.start() for m in _RELATIVE.finditer(text, clause.start, clause.end)]
    governing = _governing(text, clause, cues)
    fallback = clause.mood == "mandate" and (
        clause.paragraph.kind == "sub"
        or clause.verb in _FALLBACK_VERBS
        or _operation_shall(structure, clause)
    )
    others = {m.task for m in matches} - {"PeaceProcess", "UseOfForce"}
    lists = clause.paragraph.kind != "sub" and bool(structure.children(clause.paragraph.id))
    specific_vote = not others.isdisjoint(_SPECIFIC_VOTE)
    headings += [title] if title and matches else []
    for match in matches:
        if (
            match.task == "PeaceProcess"
            and (others or lists)
            and _MEANS_ONLY.fullmatch(text[match.start : match.end])
            and not _BETWEEN_PARTIES.match(text, match.end)
        ):
            continue  # "provide good offices, advice and support ... for the reform of the police"
        if match.task == "ElectAssist" and specific_vote and _VOTE_MEANS.match(text, match.end):
            continue  # "assist the Electoral Commission in voter education": the voter education is the task
        if match.task == "PeaceProcess" and _sectoral(text, match, matches):
            continue  # "the power-sharing provisions of the Agreement"
        cited = _in_title(text, match)
        if cited == "cited" or described(text, match, relative) or context(structure, clause, match):
            continue
        if _in_heading(structure, clause, match, matches, headings):
            continue  # "(b) Human rights: to monitor and report on human rights"
        modality: str | None
        if cited == "verified":
            modality, cue = "Monitor", "agreement_verified"
        elif clause.mood == "encourage":
            if match.task in ENCOURAGED_IF_ACTIVE and not _acted_on(text, match, cues):
                continue  # "encourages regional engagement to be carried out jointly"
            modality, cue = "Encouraged", ""  # "Encourages the Mission to: (a) support ..."
        elif head is not None and head[1] <= match.start:
            secured = _secured_between(text, cues, head, match)
            modality = "Security" if secured else head[2]
            cue = modality.lower() + (".head_secures" if secured else ".head")
        else:
            modality, cue = _modality(text, clause.mood, match, cues, governing)
        if modality is None and fallback:
            modality, cue = (
                _heading_activity(match, headings, cues)
                or _far(text, match, cues)
                or (USUAL_MODALITY.get(match.task, "Assist"), "default")
            )
        elif modality is None and clause.mood == "mandate" and _serve_as_advisers(text, match):
            modality, cue = "Assist", "advisers"
        modality = _task_modality(text, clause, match, modality)
        # "escort the transport of ballots", "protect candidates and electoral officials": the vote the
        # operation secures itself is electoral security
        task = "ElectSec" if match.task == "ElectAssist" and modality == "Security" else match.task
        modality = _allowed(task, modality)
        if modality is None:
            continue
        modalities = {modality: cue or "encouraged"}
        if modality == "Assist" and _monitored_after(text, clause, match, matches):
            modalities.setdefault(_allowed(task, "Monitor") or "Assist", "monitor.after")
        if (
            task == "ArmsEmbargo"
            and modality == "Monitor"
            and _SEIZES_ARMS.search(text, clause.start, clause.end)
        ):
            modalities["Security"] = (
                "seizure"  # "monitor the arms embargo ... seize ... arms or related materiel"
            )
        for found, why in modalities.items():
            yield Finding(
                kind="task",
                value=task,
                rule=f"task.{task}.{why}",
                confidence=0.8 if clause.mood == "mandate" else 0.6,
                evidence=Evidence.from_span(text, match.start, match.end, clause.paragraph.id),
                detail={"modality": found, "clause_verb": clause.verb or None},
            )


# "implementation of the power-sharing provisions of the Agreement", "the gender provisions of the Final
# Agreement": a settlement's provisions on one subject name that subject's task, not the peace process as a
# whole
_PROVISIONS_OF = re.compile(
    r"\b(?:provisions|arrangements|chapters?|sections?|aspects)\s+(?:of|in)\s+(?:the\s+)?", re.I
)


def _sectoral(text: str, match: TaskMatch, matches: list[TaskMatch]) -> bool:
    provisions = _PROVISIONS_OF.search(text, match.start, match.end)
    if provisions is None:
        return False
    return any(
        m.task != "PeaceProcess" and match.start < m.start and m.end <= provisions.start() for m in matches
    )


# "(b) Human rights: to monitor ...": an item's heading names what the text after it does, whether the item
# is printed on a line of its own or inline ("...; (b) Human rights: (i) to monitor ...")
_ITEM_HEADING = re.compile(
    r"(?:^|(?<=[;:])|(?<=\n))\s*\(?[a-z]{1,4}[).][^\S\n]*(?P<words>[A-Z][^:;\n()]{0,80}):\s*"
)
_TO_VERB = re.compile(r"(?:\([ivx]+\)\s*)?to\s+[a-z]+\b")
_TRAILING_HEADING = re.compile(r";[^\S\n]*\n\s*([A-Z][^\d\n.;:]{0,90}(?<!,))\s*$")


def _headings(
    structure: Structure, clause: Clause, cues: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """The spans of item headings in a clause (no activity verb in them); a heading line that ends a listed
    item ("(b) To support the elections;\nHuman rights\n(c) ...") heads the next item: its span passes the
    clause's end."""
    text = structure.text
    if ":" not in text[clause.start : clause.end] and "\n" not in text[clause.start : clause.end]:
        return []
    spans = [(h.start("words"), h.end()) for h in _ITEM_HEADING.finditer(text, clause.start, clause.end)]
    # a heading names no activity, unless the item's text does ("Support to the elections: to provide ..."); a
    # heading over a list is a title whatever its words ("(b) Protection of civilians and human rights:")
    end = clause.start + len(text[clause.start : clause.end].rstrip())
    spans = [
        (s, e)
        for s, e in spans
        if _TO_VERB.match(text, e)
        or not any(s <= c[0] < e for c in cues)
        or (e >= end and clause.paragraph.kind == "sub" and bool(structure.children(clause.paragraph.id)))
    ]
    trailing = _TRAILING_HEADING.search(text, clause.start, clause.end)
    if trailing and clause.paragraph.kind == "sub":
        spans.append((trailing.start(1), clause.end + 1))
    return spans


def _in_heading(
    structure: Structure,
    clause: Clause,
    match: TaskMatch,
    matches: list[TaskMatch],
    headings: list[tuple[int, int]],
) -> bool:
    """A task named in an item's heading and again in the item's text ("(b) Human rights: to monitor ... human
    rights") is the text's, in the text's modality; a heading over a list is the list's title."""
    heading = next(((s, e) for s, e in headings if s <= match.start < e), None)
    if heading is None:
        return False
    end = heading[1]
    if end > clause.end:
        return True  # the next item's heading
    text = structure.text
    if end < clause.start + len(text[clause.start : clause.end].rstrip()):
        return any(m.task == match.task and m.start >= end for m in matches)
    # the heading is all the unit says: its list follows and says what is done ("(b) Security and the rule
    # of law: (i) to support the reform of the armed forces ...")
    return bool(structure.children(clause.paragraph.id))


# "(c) Facilitate the delivery of humanitarian assistance\n\nTo improve coordination ...": an item's first
# line without closing punctuation, followed by its text, is the item's title; the text says what is done
_TITLE_LINE = re.compile(r"[^\n]*?[^;:.,\s][^\S\n]*\n\s*(?=\S)")


def _title_line(text: str, clause: Clause) -> tuple[int, int] | None:
    found = _TITLE_LINE.match(text, clause.start, clause.end)
    return (clause.start, found.end()) if found else None


def _heading_activity(
    match: TaskMatch, headings: list[tuple[int, int]], cues: list[tuple[int, int, str]]
) -> tuple[str, str] | None:
    """ "(a) Human rights: monitoring, reporting and advocacy": a task named only in an item's heading
    takes the first activity the item's text names."""
    heading = next(((s, e) for s, e in headings if s <= match.start < e), None)
    after = [c for c in cues if heading and c[0] >= heading[1]]
    return (after[0][2], after[0][2].lower() + ".heading") if after else None


def _head(
    structure: Structure, paragraph: Paragraph, cues: list[tuple[int, int, str]], start: int | None = None
) -> tuple[int, int, str] | None:
    """The activity verb heading a listed sub-paragraph (below its title line, if it has one); a
    sub-sub-paragraph without one takes its parent's ("(c) To monitor and report on: (i) violations against
    children")."""
    text = structure.text
    if (
        cues
        and (lead := _HEAD_OF_UNIT.match(text, paragraph.start if start is None else start, cues[0][0]))
        and lead.end() == cues[0][0]
        and not _BROAD_HEAD.match(text, cues[0][0])
    ):
        return cues[0]
    parent = structure.paragraph(paragraph.parent) if paragraph.parent else None
    if parent is not None and parent.kind != "sub":
        return _lead_verb(structure, parent) if _NOMINAL_ITEM.match(text, paragraph.start) else None
    if parent is None or not _VERB_LEAD.match(text, parent.start, parent.lead_end):
        return None
    return _head(structure, parent, find_cues(structure, parent.start, parent.lead_end))


# "Decides that UNAMX shall, with a view to ..., verify: (a) the compliance of the parties with the ceasefire;
# (b) ...", "shall verify, in accordance with the Accord, the following: ...": the lead-in's verb takes the
# list as its object, and governs the items that name no activity of their own ("(a) the ...")
_LIST_OBJECT = re.compile(r"(?:\s*,[^;:,]{1,160},)?\s*(?:the\s+following\b|:)", re.I)
# ("carry out the following tasks:" names no activity: each item says what it is)
_PERFORMS = re.compile(r"carry|conduct|undertak|perform|implement|discharg|fulfil", re.I)
_NOMINAL_ITEM = re.compile(r"\s*\(?[a-z]{1,4}[).][^\S\n]*(?!to\b)(?-i:[a-z])", re.I)


def _lead_verb(structure: Structure, paragraph: Paragraph) -> tuple[int, int, str] | None:
    memo: dict[str, tuple[int, int, str] | None] = structure.memo.setdefault("lead_verb", {})
    if paragraph.id not in memo:
        cues = find_cues(structure, paragraph.start, paragraph.lead_end)
        text = structure.text
        memo[paragraph.id] = next(
            (
                c
                for c in cues
                if _LIST_OBJECT.match(text, c[1])
                and not _BROAD_HEAD.match(text, c[0])
                and not _PERFORMS.match(text, c[0])
            ),
            None,
        )
    return memo[paragraph.id]


# Broad verbs of help govern the phrases near them, not a whole sub-paragraph: "(b) Work with the Government
# to identify threats ... to ensure the protection of civilians ... and to monitor ..."
_BROAD_HEAD = re.compile(
    r"(?:work|engag|enhanc|foster|reinforc|bolster|encourag|enabl|empower|mainstream|accompan|liais)", re.I
)


# A lead-in that governs its list starts with a verb and ends in ":" ("(c) To monitor and report on:"); a
# heading does not ("(a) Protection of civilians:", "(c) Supporting the Implementation of the Agreement:").
_VERB_LEAD = re.compile(
    r"\s*\(?[a-z]{1,4}[).]\s*(?:to\s+\w+|[a-z]+(?<!ion)(?<!ing)(?<!ance)(?<!ment))\b[^;]*:\s*$", re.I
)


# "Decides further that the Mission shall verify ... [a long list]": the clause's own verb governs its list
_CLAUSE_VERB_BEFORE = re.compile(r"\b(?:shall|will|to)\s+(?:also\s+|further\s+|continue\s+to\s+)?$", re.I)


def _governing(text: str, clause: Clause, cues: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    first = next((c for c in cues if not _BROAD_HEAD.match(text, c[0])), None)
    if first is None or first[0] - clause.start > 200:
        return None
    return first if _CLAUSE_VERB_BEFORE.search(text, max(clause.start, first[0] - 30), first[0]) else None


# "to monitor the ceasefire and to mobilize resources for recovery": a second infinitive is a new activity;
# the verb before it no longer governs
_NEW_INFINITIVE = re.compile(r"\band\s+to\s+(?:also\s+|further\s+)?[a-z]+\b")


def _reaches(text: str, cue: tuple[int, int, str], end: int) -> bool:
    return not _NEW_INFINITIVE.search(text, cue[1], end)


def _far(text: str, match: TaskMatch, cues: list[tuple[int, int, str]]) -> tuple[str, str] | None:
    """ "to ensure the protection of civilians from abuses ..., including ... abuses committed against
    children": a verb beyond the usual reach still governs a listed task up to the end of its item."""
    far = [
        c
        for c in cues
        if c[1] <= match.start and ";" not in text[c[1] : match.start] and _reaches(text, c, match.start)
    ]
    return (far[-1][2], far[-1][2].lower() + ".far") if far else None


_SEIZES_ARMS = re.compile(
    r"\b(?:seiz|confiscat|dispos)\w*\b[^;]{0,80}?\b(?:arms|weapons|(?:related\s+)?materiel)\b", re.I
)
_ADVISERS_AFTER = re.compile(r"(?:\s+and\s+[\w-]+)?\s+advis[eo]rs?\b", re.I)
_SERVE_AS = re.compile(r"\b(?:serve|act)\s+as\s+(?:[\w-]+\s+and\s+)?$", re.I)


def _serve_as_advisers(text: str, match: TaskMatch) -> bool:
    """ "personnel to serve as police and corrections advisers": they advise on the task (a count of
    "88 corrections advisers" in a ceiling does not)."""
    return bool(
        _ADVISERS_AFTER.match(text, match.end)
        and _SERVE_AS.search(text, max(0, match.start - 40), match.start)
    )


_SECURE_CONDITIONS = re.compile(
    r"creat\w*\s+(?:of\s+)?(?:the\s+|a\s+)?(?:necessary\s+)?(?:security|secure)\b", re.I
)


def _secured_between(
    text: str, cues: list[tuple[int, int, str]], head: tuple[int, int, str], match: TaskMatch
) -> bool:
    """ "(i) To contribute ... to the creation of security conditions conducive to the delivery of
    humanitarian assistance": what the head verb contributes to is security, which governs the phrase."""
    return head[2] == "Assist" and any(
        head[1] <= c[0] and c[1] <= match.start and _SECURE_CONDITIONS.match(text, c[0]) for c in cues
    )


# tasks whose phrase carries an Assist cue word: "humanitarian assistance", "humanitarian relief activities"
_NAMED_BY_CUE = {"HumanRelief"}


def _cooperation_tasks(structure: Structure, clause: Clause) -> Iterator[Finding]:
    """ "cooperate fully with UNTAC in the preparation and holding of the election": the operation's task."""
    text = structure.text
    if "cooperat" not in structure.lower[clause.start : clause.end]:
        return
    for found in _COOPERATE_IN.finditer(text, clause.start, clause.end):
        if not operations(structure).search(found.group("op")) or _NOT_OPERATION.search(found.group("op")):
            continue
        stop = re.compile(r"[;,]").search(text, found.end(), clause.end)
        end = stop.start() if stop else clause.end
        cues = find_cues(structure, found.end(), end)
        for match in _task_matches(structure, found.end(), end):
            found_modality, _ = _modality(text, "mandate", match, cues)
            modality = _allowed(match.task, found_modality or USUAL_MODALITY.get(match.task, "Assist"))
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


# "support the ceasefire, including through monitoring and reporting on violations": the task supported is
# also monitored
_MONITORING_NEXT = re.compile(
    r"[^;]{0,80}?,?\s+including\s+(?:by|through)\s+(?:the\s+)?(?:\w+ly\s+)?"
    r"(?:monitor|verif|observ|investigat|report)\w*\b",
    re.I,
)


def _monitored_after(text: str, clause: Clause, match: TaskMatch, matches: list[TaskMatch]) -> bool:
    """The monitoring named after the task is the task's: no other task phrase comes between them."""
    found = _MONITORING_NEXT.match(text, match.end, clause.end)
    return found is not None and not any(match.end < m.start < found.end() for m in matches)


def _in_title(text: str, match: TaskMatch) -> Literal["cited", "verified"] | None:
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


# "undertaking human rights monitoring and reporting activities", "human rights investigations", "ceasefire
# monitors": the noun after the phrase is the activity, unless the operation only supports someone else's
# monitoring ("support the ceasefire monitoring mechanism")
_MONITORING_AFTER = re.compile(
    r"\s+(?:monitoring|verification|observation|investigations?|reporting|monitors|observers)\b"
    r"(?!\s+(?:mechanisms?|committees?|bod(?:y|ies)|teams?|groups?|units?|commissions?|missions?)\b)",
    re.I,
)
# ... but "strengthen its human rights monitoring" is the operation's own
_SUPPORTS_BEFORE = re.compile(
    r"\b(?:support|assist|help|facilitat|strengthen)\w*\s+(?:(?!its\b)[\w-]+\s+){0,3}$", re.I
)
# "to take all necessary measures to ensure compliance with the Peace Agreement": what force is authorised
# for, the operation secures
# "technical advice and support on the protection of civilians", "assist the authorities in strengthening the
# protection of civilians": the operation helps others protect; it does not secure them itself
_ADVISES_ON = re.compile(
    r"\b(?:advi[cs]e|support|assist\w*|help)\b[^;]{0,80}?\b(?:on|in)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_BY_FORCE = re.compile(r"\ball\s+necessary\s+(?:means|measures|action)\s+to\b[^;]*$", re.I)
# "conduct operations", and in every form: "including by conducting operations against armed elements" (an
# inserted phrase may come between: "to conduct, alone or jointly with the armed forces, offensive
# operations")
_INSERTED = r"(?:,[^,;]{1,80},)?"
_CARRIED_OUT = re.compile(
    rf"\b(?:carr(?:y|ies|ying)\s+out|conduct\w*|undertak\w*){_INSERTED}\s+(?:\w+\s+){{0,3}}$", re.I
)
# "clear explosive ordnance", "carry out the clearance of explosive remnants of war": the operation demines
# itself (Security), unless it helps others do it ("support the authorities to clear mines")
_CLEARS = re.compile(
    r"\b(?:clear(?:s|ing)?|dispos(?:e|es|ing)\s+of|destroy\w*|remov(?:e|es|ing)|carry\s+out|conduct\w*|"
    rf"undertak\w*){_INSERTED}\s+(?:[\w-]+\s+){{0,4}}$",
    re.I,
)
# "provide security during the electoral process", "ensure a secure environment for the elections": the
# operation secures the vote itself
_PROVIDES_BEFORE = re.compile(
    r"\b(?:(?:provid|ensur|maintain|guarantee)\w*|provision\s+of)\s+(?:an?\s+|the\s+)?$", re.I
)
_HELPS_OTHERS = re.compile(r"\b(?:support|assist|help|advis|advice|train|enabl|build|capacit)\w*\b", re.I)


def _task_modality(text: str, clause: Clause, match: TaskMatch, modality: str | None) -> str | None:
    """What some tasks are by their nature: "human rights monitoring" undertaken is monitoring; "protection
    of civilians" is the operation securing them (unless it monitors or is encouraged), and so is what force
    is authorised for; offensive operations carried out are the operation's own; communication that serves
    the operation's protection strategy is part of it."""
    if modality in {None, "Assist"}:
        if _MONITORING_AFTER.match(text, match.end) and not _SUPPORTS_BEFORE.search(
            text, max(clause.start, match.start - 60), match.start
        ):
            return "Monitor"
        phrase = text[match.start : match.end].lower()
        if (
            match.task == "CivProtect"
            and ("protect" in phrase or _AGAINST.search(phrase))
            and not _ADVISES_ON.search(text, max(clause.start, match.start - 120), match.start)
        ):
            return "Security"
        if _BY_FORCE.search(text, max(clause.start, match.start - 200), match.start):
            return "Security"
        if match.task == "OffensOper" and _CARRIED_OUT.search(
            text, max(clause.start, match.start - 60), match.start
        ):
            return "Security"
        if match.task in _DONE_ITSELF and _itself(text, clause, match, _DONE_ITSELF[match.task]):
            return "Security"
        if (match.task in _SECURED_FOR and _BY_SECURING.match(text, match.end, clause.end)) or (
            match.task == "DisarmDemob"
            and (
                _FORCIBLY.search(text, match.start, min(clause.end, match.end + 40))
                or _NEUTRALISE_AND.search(text, max(clause.start, match.start - 30), match.start)
            )
        ):
            return "Security"
        if match.task == "PublicInfo" and (
            "protection" in text[clause.start : clause.end].lower()
            or _OWN_WORK.search(text, clause.start, clause.end)
        ):
            return "Security"
    return modality


# "conduct a public information campaign explaining its role", "counter misinformation about the Office": the
# operation's communication about itself is its own activity, as the communication serving its protection
# strategy is
_OPERATION_NOUN = r"(?-i:Mission|Office|Operation|Force|[A-Z]{4,})"
_OWN_WORK = re.compile(
    rf"\b(?:about|targets?|targeting)\s+(?:its|the\s+{_OPERATION_NOUN})\b|"
    rf"\b(?:explain\w*|about|on)\s+(?:its|the\s+{_OPERATION_NOUN}['’]s)\s+(?:own\s+)?(?:role|mandate|activities|presence)\b|"
    rf"\b(?:explain\w*|about|on)\s+the\s+(?:role|mandate)\s+of\s+(?:the\s+)?(?:United\s+Nations|{_OPERATION_NOUN})\b|"
    r"\bits\s+(?:own\s+)?(?:strategic\s+)?communications?\b|"
    r"\bits\s+own\s+(?:[\w-]+\s+)?(?:public\s+information|outreach|radio|media|broadcasts)\b",
    re.I,
)
# "facilitate the delivery of humanitarian assistance by securing the main supply routes": relief or returns
# the operation facilitates by securing them are secured ("support FGS-led operations, including by securing
# routes" helps another's operations); "to disarm, forcibly if necessary, members of armed groups": it disarms
# them itself
_SECURED_FOR = {"HumanRelief", "RefugeeIDPs"}
_BY_SECURING = re.compile(
    r"[^;]{0,60}?\bby\s+(?:securing|protecting|escorting|guarding|providing\s+(?:security|protection))\b",
    re.I,
)
_FORCIBLY = re.compile(r"\bforcibl[ey]\b|\bby\s+force\b|\bcoercive", re.I)
_NEUTRALISE_AND = re.compile(r"\bneutrali[sz]\w*\s+and\s+$", re.I)  # "to neutralize and disarm its fighters"
_AGAINST = re.compile(r"threat|attack|violence|abuse")  # "deter threats against civilians"
_DONE_ITSELF = {"Demining": _CLEARS, "ElectSec": _PROVIDES_BEFORE}


def _itself(text: str, clause: Clause, match: TaskMatch, verb: re.Pattern[str]) -> bool:
    """The operation clears the ordnance or secures the vote itself: the verb is just before the phrase and
    no verb of help comes before it."""
    done = verb.search(text, max(clause.start, match.start - 60), match.start)
    return bool(done) and not _helps_before(text, max(clause.start, match.start - 120), match.start)


# "shall, in support of the national authorities, provide security for the elections": an inserted phrase
# says whom the activity serves; the operation still does it itself
_INSERTED_SUPPORT = re.compile(
    r",\s*(?:in\s+support\s+of|with\s+the\s+support\s+of|in\s+(?:close\s+)?(?:coordination|cooperation)\s+with)"
    r"\s+[^,;]{1,80},",
    re.I,
)


def _helps_before(text: str, start: int, end: int) -> bool:
    window = _INSERTED_SUPPORT.sub(",", text[start:end])
    return bool(_HELPS_OTHERS.search(window))


def _acted_on(text: str, match: TaskMatch, cues: list[tuple[int, int, str]]) -> bool:
    """An activity verb, not a broad one ("encourage", "enhance", "engage"), governs the task phrase."""
    return any(
        c[1] <= match.start
        and match.start - c[1] <= CUE_REACH
        and _reaches(text, c, match.start)
        and not _BROAD_HEAD.match(text, c[0])
        for c in cues
    )


def _allowed(task: str, modality: str | None) -> str | None:
    allowed = ALLOWED_MODALITIES.get(task)
    if modality is None or allowed is None or modality in allowed:
        return modality
    if modality == "Encouraged":
        return None
    return USUAL_MODALITY.get(task, "Assist")


# Every anchor in one pass; an anchor seen also shows those it contains ("light weapons": "weapons").
_ANCHORS = sorted({a for v in ANCHORS.values() for a in v}, key=len, reverse=True)


_Trie = dict[str, "_Trie"]


def _trie(words: list[str]) -> str:
    """One regex for a set of literals, factored by common prefix: the engine then tests each position once
    per first letter instead of once per word (several times faster on long texts), and a greedy optional
    tail still prefers the longest word, as the plain alternation sorted by length did."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node(tree)


def _node(node: _Trie) -> str:
    branches = [re.escape(char) + _node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_ANCHOR_RE = re.compile(_trie(_ANCHORS))
_CONTAINED = {a: {b for b in _ANCHORS if b in a} for a in _ANCHORS}


def _task_matches(structure: Structure, start: int, end: int) -> list[TaskMatch]:
    """The task phrases in a stretch of the operative part; a task's phrases run only if one of its anchors is
    in the stretch (hence in the operative part: no pass over the whole part first)."""
    seen = {b for m in _ANCHOR_RE.finditer(structure.lower, start, end) for b in _CONTAINED[m.group()]}
    present = [task for task, anchors in ANCHORS.items() if not seen.isdisjoint(anchors)]
    text = structure.text
    found = [
        TaskMatch(task, m.start(), m.end())
        for task in present
        for m in COMPILED[task].finditer(structure, start, end)
    ]
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in found:
        spans.setdefault(m.task, []).append((m.start, m.end))
    return sorted(
        (m for m in found if not _shadowed(m, spans) and not _ddr_repatriation(text, m)),
        key=lambda m: m.start,
    )


# "disarmament, demobilization, repatriation, resettlement and reintegration", "repatriation, of members of
# armed groups": the repatriation of combatants (DDRRR), not of refugees
_DDR_BEFORE = re.compile(r"(?:demobili[sz]\w*|disarmament)\W{1,3}(?:\w+\W{1,3}){0,2}$", re.I)
_COMBATANTS_AFTER = re.compile(
    r",?\s+of\s+(?:foreign\s+|former\s+)?(?:combatants|ex-combatants|fighters|elements|members\s+of\s+armed)",
    re.I,
)


def _ddr_repatriation(text: str, match: TaskMatch) -> bool:
    if match.task != "RefugeeIDPs":
        return False
    return bool(
        _DDR_BEFORE.search(text, max(0, match.start - 60), match.start)
        or _COMBATANTS_AFTER.match(text, match.end)
    )


def _shadowed(match: TaskMatch, spans: dict[str, list[tuple[int, int]]]) -> bool:
    return any(
        s <= match.start and match.end <= e
        for shadow in SHADOWED_BY.get(match.task, ())
        for s, e in spans.get(shadow, [])
    )


_PROTECTION = re.compile(r"protect|safeguard", re.I)
_AND = re.compile(r"\band\b", re.I)
_HELPS_IN = re.compile(
    r"\s+(?:the\s+)?(?:(?:national|local|host|relevant|transitional)\s+|(?-i:[A-Z])[\w'’-]*\s+"
    r"|(?=authorities\b))(?:[\w'’-]+\s+){0,4}?"
    # "assist the authorities, as necessary, in protecting"; "support the Government in restoring and
    # protecting"
    r"(?:[\w'’-]+,[^,;]{1,40},\s+)?(?:in|to)\s+(?:[a-z]+ing\s+and\s+)?",
    re.I,
)


def _earlier_governs(text: str, earlier: tuple[int, int, str], last: tuple[int, int, str]) -> bool:
    """ "to provide security, as appropriate, to assist in the repatriation": the security governs; "advise on
    the protection of journalists", "support the protection of": the help governs, the operation helps others
    protect (civilians are the exception, see _task_modality)."""
    gap = last[0] - earlier[1]
    if earlier[2] == "Security" and last[2] == "Assist":
        # "protect civilians and facilitate ...": a second activity, not the security's purpose
        return gap <= 25 and not _AND.search(text, earlier[1], last[0])
    if earlier[2] == "Assist" and last[2] == "Security" and _HELPS_IN.fullmatch(text, earlier[1], last[0]):
        return True  # "assist the Government in securing its borders": the Government secures them
    helps = earlier[2] == "Assist" and last[2] == "Security" and gap <= 9
    return helps and bool(_PROTECTION.match(text, last[0]))


def _modality(
    text: str,
    mood: Mood,
    match: TaskMatch,
    cues: list[tuple[int, int, str]],
    governing: tuple[int, int, str] | None = None,
) -> tuple[str | None, str]:
    if mood == "encourage":
        return "Encouraged", ""
    before = [
        c
        for c in cues
        if c[1] <= match.start and match.start - c[1] <= CUE_REACH and _reaches(text, c, match.start)
    ]
    if before:
        earlier = len(before) > 1 and _earlier_governs(text, before[-2], before[-1])
        chosen = before[-2] if earlier else before[-1]
        return chosen[2], chosen[2].lower()
    if governing is not None and governing[1] <= match.start and _reaches(text, governing, match.start):
        return governing[2], governing[2].lower() + ".clause"
    # "take into account child protection": the word inside the phrase is the task's name, not an activity;
    # only "protection of civilians" is itself the operation securing something
    inside = [
        c
        for c in cues
        if match.start <= c[0] < match.end and (c[2] != "Security" or match.task == "CivProtect")
    ]
    return (inside[0][2], inside[0][2].lower()) if inside else (None, "")
