"""Clauses of operative paragraphs: who the Council addresses, and in what mood.

A paragraph such as "Calls upon Member States to ... and encourages the Special Representative to
continue to coordinate humanitarian relief" holds two clauses with different addressees. PEMA codes a
task only where the Council gives it to the operation (mandate) or encourages the operation or the UN
system to take it up (encouraged); demands on the parties or States are not tasks of the operation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from missiongate.analyzer.model import Paragraph, Structure
from missiongate.analyzer.scan import Led

Mood = Literal["mandate", "encourage", "none"]

_VERB = re.compile(  # runs on the lower-cased text
    r"\b(?:(?:also|further|again|strongly|once again|hereby)\s+)?"
    r"(?P<verb>decides?|authori[sz]es|requests|directs|instructs|entrusts|mandates|approves|endorses|encourages|invites|"
    r"calls\s+(?:up)?on|urges|appeals|demands|welcomes|notes|takes\s+note|stresses|underlines|emphasi[sz]es|"
    r"supports|condemns|reaffirms|reiterates|expresses|commends|affirms|recogni[sz]es|insists|agrees|underscores|"
    r"declares|considers|deplores|looks\s+forward|requires|resolves|recommends|acknowledges|believes|expects)\b"
)
# _VERB is tried only at the words its matches start with (scan.py derives them)
_VERB_AT = Led(_VERB, lowered=True)
_CLAUSE_START = re.compile(r"(?:^|[;,:]\s*|\band\s+|\d[.,]\s*|\bl{1,3}[.,]\s*|\n\s*)$")
# "Expects UNAMX to support ...": the Council tells the operation what it is to do
_MANDATE_VERBS = {
    "expects",
    "decide",
    "decides",
    "authorizes",
    "authorises",
    "requests",
    "directs",
    "instructs",
    "entrusts",
    "mandates",
}
_ENCOURAGE_VERBS = {"encourages", "invites", "calls on", "calls upon", "urges", "appeals"}
_OPERATION = re.compile(
    r"\b(?:Secretary-General|Special\s+Representative|Special\s+Envoy|Mediator|Truce\s+Commission|Mission|Force|"
    r"Authority|Operation|Office(?!\s+(?:of|for)\b)|(?:observation|observer)\s+(?:group|unit)|"
    r"observers?|military\s+liaison|contingents?|(?!UNITA\b)UN[A-Z]{2,}(?:\s+II)?|MINU[A-Z]+|MONU[A-Z]+|ONU[A-Z]+|"
    r"BINU[A-Z]+|AMISOM|ATMIS|AFISMA|MISCA|EUFOR(?:\s+ALTHEA)?|KFOR|ISAF|"
    r"Member\s+States\s+(?:of\s+the\s+African\s+Union|acting\s+(?:through|under|in\s+cooperation))|"
    r"United\s+Nations(?!\s+Member)|specialized\s+agencies|humanitarian\s+organizations|team|component)\b"
)
_NOT_OPERATION = re.compile(
    r"^\W*(?:all\s+|both\s+)?(?:the\s+|those\s+)?"
    r"(?:(?:troop|police)[- ](?:and\s+police[- ])?contributing\s+countries|parties|"
    r"(?:Member\s+)?States(?!\s+(?:of\s+the\s+African\s+Union|"
    r"acting\s+(?:through|under|in\s+cooperation)|participating\s+in))|Governments?|Government\s+of)\b",
    re.I,
)
# "Requests the Secretary-General to submit a report ..." / "to keep the Council informed"
_REPORTING = re.compile(
    r"\s*(?:(?:the\s+)?Secretary-General|him)\b[^;:]{0,80}?\bto\s+(?:submit|report|keep|inform|notify|present|"
    r"provide\s+(?:a\s+)?report|include\s+in\s+(?:this|his|the|that)\s+report)",
    re.I,
)
# "Approves the recommendation ... with a revised mandate for the following:", "Approves the report and the
# recommendations ... concerning the operational plan for United Nations observation of the elections"
_APPROVES_MANDATE = re.compile(
    r"\b(?:mandate|operational\s+plan|(?:enlargement|expansion|establishment)\s+of\s+the\s+(?:Mission|Force|Operation)|"
    r"be\s+deployed|deployment\s+of)\b",
    re.I,
)
# "to submit ... a plan for the immediate deployment of a United Nations observer unit to monitor ...": the
# request is for a plan, but the unit's tasks are set here
_DEPLOYED_TO = re.compile(
    r"\bdeployment\s+of\s+(?:an?\s+|the\s+)?(?:United\s+Nations\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:unit|mission|force|observers|operation|team)\s+to\s+\w",
    re.I,
)
# "Approves the recommendations ... relating to the re-establishment of the police ... and requests the
# Secretary-General to take the necessary steps ... to implement them": what is approved is the mandate
_IMPLEMENT_THEM = re.compile(r"\bto\s+(?:implement|carry\s+out)\s+(?:them|it|these|those)\b", re.I)
# "authorizes him to deal with breaches": a pronoun addresses whom the clause before did
_PRONOUN = re.compile(r"^\s*(?:him|it|them)\b", re.I)
# "Stresses the importance of the functions of good offices and mediation by the Mission"
_STRESSES_FUNCTIONS = re.compile(r"^\W*(?:the\s+)?importance\s+of\s+the\s+(?:functions|role)\s+of\b", re.I)
# Requests to study, plan, or pay for something are not tasks: "to consider the implications", "to examine
# the modalities", "to investigate and report upon", "to take planning steps", "to maintain the fund",
# "to seek pledges".
_NOT_A_TASK = re.compile(
    r"^[^;:]{0,120}?\bto\s+(?:consider|examine|study|explore|review|make\s+contingency|take\s+planning\s+steps|"
    r"investigate\s+and\s+report|maintain\s+the\s+(?:trust\s+)?fund|establish\s+a\s+trust\s+fund|seek\b|"
    r"(?:develop|make|provide)\s+recommendations|"
    # reviews, options, benchmarks and transition plans for the Council ("to conduct a strategic review of the
    # Mission, including of its support to the electoral process"), briefings, handovers of tasks
    r"(?:conduct|carry\s+out|undertake)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:review|assessment|evaluation)|"
    r"(?:provide|present)\s+(?:[\w-]+\s+){0,2}(?:options|benchmarks|proposals)|assess\b|evaluate\b|brief\b|"
    r"develop\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:transition|drawdown|withdrawal|exit)\s+(?:plan|strategy)|"
    r"(?:transfer|hand\s+over)\s+(?:[\w'’-]+\s+){0,3}(?:tasks|activities|functions)|"
    # the operation reporting to the Council on its own work ("to report to the Council on the implementation
    # of its mandate, including its support to ..."), not reporting on a situation (a Monitor task)
    r"report\s+(?:\w+ly\s+)?to\s+the\s+(?:Security\s+)?Council\s+on\s+(?:the\s+)?"
    r"(?:implementation|progress|its)\b)",
    re.I,
)
# The UN system outside the operation: tasks requested of agencies are not the operation's.
_AGENCIES = re.compile(
    r"^\W*(?:that\s+)?(?:the\s+)?(?:relevant\s+)?United\s+Nations\s+(?:humanitarian\s+)?"
    r"(?:programmes|agencies|specialized|system|bodies)|"
    r"^\W*(?:the\s+)?specialized\s+agencies|"
    r"^\W*(?:the\s+)?(?:United\s+Nations\s+)?country\s+team\b|"
    # "Requests the United Nations High Commissioner for Refugees to lead the coordination of returns"
    r"^\W*(?:the\s+)?(?:Office\s+of\s+the\s+)?(?:United\s+Nations\s+)?High\s+Commissioner\b|"
    r"\bMember\s+States\b(?!\s+(?:of\s+the\s+African\s+Union|acting\s+(?:through|under|in\s+cooperation)|"
    r"participating\s+in))",
    re.I,
)
_DECIDES_FOR_STATES = re.compile(
    r"^\W*(?:(?:acting\s+)?under\s+Chapter\s+VII[^,]{0,60},\s*)?that\s+(?:all\s+)?(?:Member\s+)?States\b",
    re.I,
)
_DECIDES_THAT = re.compile(r"^\W*that\b(?P<subject>[^;]{0,200}?)\bshall\b", re.I)
# "Decides that the following tasks shall be undertaken by UNAMX": the operation is the agent of a passive
_BY_AGENT = re.compile(
    r"^\W*that\s+(?:the\s+)?(?:following\s+)?(?:tasks|functions|activities)\b[^;:]{0,60}?\bshall\s+be\s+"
    r"(?:undertaken|carried\s+out|performed|implemented|discharged|conducted)\s+by\s+(?P<agent>[^;:,]{1,80})",
    re.I,
)


def _done_by(rest: str, operation: re.Pattern[str]) -> bool:
    agent = _BY_AGENT.match(rest)
    return bool(agent and operation.search(agent["agent"]) and not _NOT_OPERATION.search(agent["agent"]))


_COUNCIL_BODY = re.compile(r"\bestablish\w*\b[^;]{0,120}?\bCommittee\s+of\s+the\s+Security\s+Council\b", re.I)
_MANDATE_OBJECT = re.compile(
    r"\b(?:mandate|establish|expand|enlarge|deploy|dispatch|send|shall|entrust|tasks?|functions?)\b", re.I
)


# "the Multinational Security Support Mission (MSSX)", "the Special Political Office (SPOX)": an acronym the
# text gives a mission, force or office names the operation wherever the Council addresses it
_DEFINED_OPERATION = Led(
    re.compile(
        r"\b(?:Mission|Force|Operation|Office(?!\s+(?:of|for)\b)|Presence)\b[^();:]{0,60}?"
        # ("IPAF-B": an acronym may carry a hyphen)
        r"\((?:here(?:in)?after\s+(?:referred\s+to\s+as\s+)?)?[“\"]?(?P<acronym>[A-Z][A-Za-z]*[A-Z](?:-[A-Z])?)[”\"]?\)",
        re.I,
    ),
)


def operations(structure: Structure) -> re.Pattern[str]:
    """What names an operation in this text: the usual forms, and the acronyms the text defines for one."""
    memo: dict[str, re.Pattern[str]] = structure.memo.setdefault("operations", {})
    if "" not in memo:
        found = _DEFINED_OPERATION.finditer(structure, 0, len(structure.text))
        defined = sorted({m["acronym"] for m in found} - _AGENCY_ACRONYMS, key=len, reverse=True)
        extra = [a for a in defined if not _OPERATION.fullmatch(a)]
        memo[""] = (
            re.compile(rf"{_OPERATION.pattern}|\b(?:{'|'.join(map(re.escape, extra))})\b")
            if extra
            else _OPERATION
        )
    return memo[""]


# agencies and offices of the UN system a text may define after such words: never the operation
_AGENCY_ACRONYMS = frozenset(
    {"OHCHR", "OCHA", "UNDP", "UNHCR", "UNICEF", "UNODC", "UNOPS", "UNMAS", "DPPA", "DPO"}
)


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of a paragraph governed by one operative verb; offsets index the original text."""

    paragraph: Paragraph
    start: int
    end: int
    verb: str
    mood: Mood


def clauses(structure: Structure, paragraph: Paragraph) -> tuple[Clause, ...]:
    """The clauses of a paragraph's own words (its lead-in), each with its verb and mood; computed once."""
    memo: dict[str, tuple[Clause, ...]] = structure.memo.setdefault("clauses", {})
    if paragraph.id not in memo:
        memo[paragraph.id] = tuple(_clauses(structure, paragraph))
    return memo[paragraph.id]


def _clauses(structure: Structure, paragraph: Paragraph) -> Iterator[Clause]:
    text = structure.text
    lower = structure.lower
    verbs = [
        m
        for m in _VERB_AT.finditer(structure, paragraph.start, paragraph.lead_end)
        if _starts_clause(lower, m)
    ]
    if not verbs:
        yield Clause(paragraph, paragraph.start, paragraph.lead_end, "", "none")
        return
    bounds = [*(m.start() for m in verbs[1:]), paragraph.lead_end]
    found: list[Clause] = []
    for match, end in zip(verbs, bounds, strict=True):
        verb = " ".join(match.group("verb").lower().split())
        rest = text[match.end() : end]
        mood = _mood(verb, rest, operations(structure))
        before = found[-1] if found else None
        if mood == "none" and before and before.mood == "mandate" and verb in _MANDATE_VERBS and \
                _PRONOUN.match(rest) and not _REPORTING.match(rest):  # fmt: skip
            mood = "mandate"
        elif mood == "none" and before and before.mood != "none" and verb in _ENCOURAGE_VERBS and \
                _PRONOUN.match(rest):  # fmt: skip
            mood = "encourage"  # "Requests UNAMX to ..., and encourages it to ..."
        if (
            before
            and before.verb in {"approves", "endorses"}
            and mood == "mandate"
            and _IMPLEMENT_THEM.search(rest)
        ):
            found[-1] = Clause(paragraph, before.start, before.end, before.verb, "mandate")
        found.append(Clause(paragraph, match.start(), end, verb, mood))
    yield from found


def _starts_clause(text: str, match: re.Match[str]) -> bool:
    """A verb opens a clause at the paragraph start or after `,`/`;`/`and` (not inside a noun phrase)."""
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(_CLAUSE_START.search(before)) or match.start() == 0


def _mood(verb: str, rest: str, operation: re.Pattern[str] = _OPERATION) -> Mood:
    rest = rest[:600]  # every test below looks at the clause's opening words
    # "Appeals to all Member States": the "to" belongs to the verb
    addressed = re.sub(r"^\s*to\b", "", rest) if verb == "appeals" else rest
    addressee = re.split(r"\bto\b|\bthat\b|[,;:]", addressed, maxsplit=1)[0] if rest else ""
    if _REPORTING.match(rest):
        # asking for a report on the peace process does not mandate the process
        return "mandate" if _DEPLOYED_TO.search(rest) else "none"
    if verb in {"approves", "endorses"}:
        return "mandate" if _APPROVES_MANDATE.search(rest[:300]) else "none"
    if verb in _STATING_VERBS and _operation_will(rest, operation):
        return (
            "mandate"  # "Also affirms that UNIOGBIS ... will continue to lead international efforts in ..."
        )
    if verb in {"stresses", "underlines", "emphasizes", "emphasises"}:
        return "mandate" if _STRESSES_FUNCTIONS.match(rest) and operation.search(rest[:200]) else "none"
    if (verb in _MANDATE_VERBS or verb in _ENCOURAGE_VERBS) and not verb.startswith("decide") and \
            _NOT_A_TASK.match(rest):  # fmt: skip
        return "none"
    if verb in _MANDATE_VERBS:
        if verb.startswith("decide"):
            if _DECIDES_FOR_STATES.match(rest):
                return "none"  # "Decides that all States shall ...", "that Member States ... may take"
            if _COUNCIL_BODY.search(rest[:200]):
                return "none"  # a sanctions committee of the Council is not the operation
            if _AGENCIES.match(rest):
                return "none"  # "Decides that the United Nations humanitarian agencies ... are authorized"
            subject = _DECIDES_THAT.match(rest)
            if subject and not operation.search(subject.group("subject")) and not _done_by(rest, operation):
                return "none"  # "Decides that ..., Iraq shall extend all necessary cooperation"
            return "mandate" if _MANDATE_OBJECT.search(rest[:200]) or operation.search(rest[:120]) else "none"
        return "mandate" if _addresses_operation(addressee, rest, operation) else "none"
    if verb in _ENCOURAGE_VERBS:
        return "encourage" if _addresses_operation(addressee, rest, operation) else "none"
    return "none"


# The Council states what the operation will do: "affirms that UNIOGBIS and the Special Representative will
# continue to lead ...", "underlines that the Team should ensure ..."
_STATING_VERBS = {
    "affirms", "reaffirms", "stresses", "underlines", "underscores", "emphasizes", "emphasises", "agrees",
    "reiterates", "recognizes", "recognises",
}  # fmt: skip
_WILL = re.compile(
    r"^\W*(?:(?:in\s+particular|also|further|again)\W+)?that\s+(?P<subject>[^;:]{0,120}?)\s+"
    r"(?:shall|will|should|is\s+to|are\s+to|"
    r"(?:is|are|remains)\s+(?:authori[sz]ed|mandated)\s+to)\s+(?!be\b)",
    re.I,
)


# "Reiterates the need for BINUH to take fully into account child protection ... and to assist the
# authorities": the Council tells the operation what to do
# "Underlines the importance of UNAMX continuing to support ...": so does its continuing
_NEED_FOR = re.compile(
    r"^\W*(?:(?:also|further)\s+)?the\s+(?:need|importance)\s+(?:for\s+(?P<subject>[^;:]{0,80}?)\s+to|"
    r"of\s+(?P<continuing>[^;:]{0,80}?)\s+continuing\s+to)\s+(?!be\b)",
    re.I,
)


# "Underlines that the strategic priority of UNAMX is to support ...", "Affirms that UNAMX’s priorities are:"
_PRIORITY_OF = re.compile(
    r"^\W*(?:(?:in\s+particular|also|further|again)\W+)?that\s+(?:the\s+)?(?:(?P<owner>[^;:]{0,60}?)['’]s\s+)?"
    r"(?:strategic\s+|overall\s+|main\s+|core\s+)?(?:priorit(?:y|ies)|mandate|tasks?)\b"
    r"(?:\s+of\s+(?P<subject>[^;:]{0,60}?))?\s+(?:is|are|remains?|includes?|shall\s+(?:be|include|remain))\b",
    re.I,
)


def _operation_will(rest: str, operation: re.Pattern[str]) -> bool:
    priority = _PRIORITY_OF.match(rest)
    if priority and operation.search(priority["owner"] or priority["subject"] or ""):
        return True
    found = _WILL.match(rest) or _NEED_FOR.match(rest)
    if found is None:
        return False
    named = found.group("subject") or found.groupdict().get("continuing") or ""
    subject = re.sub(r"^(?:the|its)\s+", "", named.strip(), flags=re.I)
    # the operation is the subject, not a word inside it ("the continued support of the United Nations")
    return bool(operation.match(subject)) and not (
        _NOT_OPERATION.search(subject) or _AGENCIES.search(subject)
    )


# "Encourages the Government and UNMX to ...": the operation is addressed beside the Government
_AND_OPERATION = re.compile(
    r"\band\s+(?:the\s+)?(?:(?!UNITA\b)UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|BINU[A-Z]+|AMISOM|ATMIS|"
    r"(?-i:Mission|Force|Operation))\b"
)


def _addresses_operation(addressee: str, rest: str, operation: re.Pattern[str]) -> bool:
    if _NOT_OPERATION.search(addressee) and _AND_OPERATION.search(addressee):
        return True
    if _NOT_OPERATION.search(addressee) or _AGENCIES.search(addressee):
        return False
    return bool(operation.search(addressee) or operation.search(rest[:60]))


def mood_of_lead(structure: Structure, paragraph: Paragraph) -> Mood:
    """The mood a paragraph's lead-in passes to its sub-paragraphs: that of the clause that announces the
    list ("shall be as follows", "the following tasks"), else that of its last clause. A modern lead-in
    carries several clauses ("Decides that the mandate ... shall be as follows, authorizes ..., requests
    ..., and stresses that ...:"); the list belongs to the one that announces it."""
    found = clauses(structure, paragraph)
    text = structure.text
    announcing = [c for c in found if _ANNOUNCES_LIST.search(text, c.start, c.end)]
    chosen = announcing[0] if announcing else (found[-1] if found else None)
    return chosen.mood if chosen else "none"


_ANNOUNCES_LIST = re.compile(r"\bas\s+follows\b|\bthe\s+following\b|:\s*$", re.I)
