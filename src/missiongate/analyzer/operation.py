"""The operation: established, extended, revised, replaced, terminated or its deployment authorised; name
and acronym; mandate period and end date; authorised ceilings (ceilings.py); and reports of the
Secretary-General approved by reference (`S/24075`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping

from missiongate.analyzer.ceilings import find_ceilings
from missiongate.analyzer.clauses import clauses
from missiongate.analyzer.model import Evidence, Finding, Paragraph, Structure
from missiongate.analyzer.pema import report_symbols
from missiongate.analyzer.scan import Led
from missiongate.analyzer.structure import parse_date

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "Authorizes the Member States of the AU to take all necessary measures to carry out the mandate of AMISX
# until 31 December": the force's authorisation renewed for a period
_AUTHORISED_AGAIN = (
    r"\bauthori[sz]e[sd]?\s+[^;]{0,160}?\bto\s+(?:take|use)\s+all\s+necessary\s+(?:measures|means)\b[^;]{0,80}?"
    r"\bto\s+(?:carry\s+out|fulfil\w*|implement|discharge)\s+(?:the\s+|its\s+|their\s+|(?-i:[A-Z][\w-]+)(?:’|')s?\s+)?"
    r"mandate\b[^;]{0,160}?\b(?:until\s+\d|for\s+a\s+(?:further\s+)?period\b)"
)
# "decides to", "decides also to", "decides, at the request of the Government, to": the decision's verb
_DECIDES_TO = r"\bdecides?(?:,\s+[^,;]{2,100},)?\s+(?:also\s+|further\s+)?to\s+"
_ACTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("established", re.compile(_DECIDES_TO + r"(?:establish|"
                               r"create\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?-i:Mission|Office|Force|Operation)\b|"
                               r"set\s+up|"
                               # "decides to deploy, for an initial period, a UN observer mission", "to
                               # authorize an advance team of United Nations personnel" (not more troops for
                               # one already there, not a force of States)
                               r"(?:deploy|dispatch)(?:,\s*[^,;]{0,60},)?\s+an?\s+"
                               r"(?:[\w-]+\s+){0,6}?(?:Mission|Force|Operation|Office|Observers|Team|presence)\b)|"
                               r"\bdecides?\s+that\s+[^;]{0,120}?shall\s+be\s+established|"
                               r"\bdecides?\s+to\s+authori[sz]e\s+an?\s+(?:[\w-]+\s+){0,3}?(?:Mission|Team|presence)\s+"
                               r"of\s+United\s+Nations\b|"
                               # "Approves the recommendation ... to authorize the establishment of the
                               # Mission"; not a component of an operation, not "the Council would authorize"
                               r"\bauthori[sz]e\w*\s+the\s+establishment\s+(?:and\s+[\w\s]{0,30}?)?of\s+"
                               r"(?!(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}component)|"
                               # "requests the Secretary-General to establish", "requests that the Coordinator
                               # expeditiously establish a UN mechanism"
                               r"\brequests\s+(?:that\s+)?the\s+(?:(?-i:[A-Z])[\w-]*\s+){1,4}(?:to\s+)?(?:\w+ly\s+)?"
                               r"establish\b",
                               re.I)),
    # "extend until 31 March 2018 the mandate", "renew the authorization", "maintain the deployment"
    ("extended", re.compile(r"\b(?:extend|renew|prolong)\w*(?:,\s+[^,;]{2,60},)?,?\s+"
                            r"(?:(?:until|to|through|for)\s+[^;]{0,110}?,?\s+)?"
                            # "the mandate", "UNAMA's mandate"
                            r"(?:to\s+that\s+end\s+)?(?:the\s+|its\s+|their\s+|(?-i:[A-Z][\w-]+)(?:’|')s\s+)?"
                            r"(?:existing\s+|present\s+|current\s+)?(?:period\s+of\s+(?:the\s+)?)?"
                            r"(?:mandates?|authori[sz]ations?)\b|"
                            r"\b(?:extend|renew)\w*\s+(?:the\s+)?(?:stationing|presence)|"
                            # "shall continue until 31 March", "to continue the mandate", "extend UNMX until"
                            r"\bmandate\s+of\s+[^;]{0,120}?\b(?:(?:shall\s+be|is|are)\s+(?:hereby\s+)?"
                            r"(?:extended|renewed|prolonged)|shall\s+continue\s+until)\b|"
                            r"\bdecides?\s+to\s+continue\s+(?:the\s+|its\s+)?mandate\b|"
                            r"\b(?:extend|renew|maintain)\w*\s+(?-i:[A-Z]{4,})\s+(?:until|through|for)\b|"
                            # "decides that UNMX shall continue its mandate / remain deployed until 31 March"
                            r"\bdecides?\s+(?:also\s+)?that\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){0,6}?"
                            r"(?:(?-i:Mission|Force|Office|Operation)|(?-i:[A-Z]{4,}))\s+shall\s+(?:continue|remain)\b"
                            r"[^;]{0,40}?\buntil\b|"
                            r"\bmaintain\s+(?:the\s+)?deployment\s+of|\bfor\s+a\s+further\s+period\b|"
                            # "Approves the continuation of UNMX’s mandate", "approves the recommendation for
                            # the continuation of UNMX"
                            r"\b(?:approves|authori[sz]es|decides\s+on)\s+(?:[^;]{0,80}?\bfor\s+)?the\s+continuation\s+"
                            r"of\s+(?:the\s+mandate\b|(?-i:[A-Z][\w-]+)(?:’|')s\s+mandate\b|(?-i:[A-Z]{3,}))|"
                            # "authorize the Member States of the AU to maintain the AU Mission in X until"
                            r"\bauthori[sz]e[sd]?\s+[^;]{0,120}?\bto\s+(?:maintain|continue)\s+(?:the\s+|a\s+|its\s+)?"
                            r"(?:deployment|presence|mission|(?-i:[A-Z]))|" + _AUTHORISED_AGAIN, re.I)),
    ("revised", re.compile(r"\b(?:expand|enlarge|adjust|modify|revise|increase|strengthen)\w*\s+(?:the\s+)?"
                           r"(?:mandate|size|strength|force\s+level)|"
                           # "reduce the troop ceiling of UNMX", "amend the mandate" (not a stockpile's size)
                           r"\b(?:reduc|decreas|amend|increas|adjust)\w*\s+(?:the\s+|its\s+)?(?:(?:authori[sz]ed|troop|"
                           r"military|police|personnel)\s+)?(?:mandate|ceiling|strength|force\s+level)|"
                           r"\bdecides?\s+(?:also\s+|further\s+)?that\s+the\s+mandate\s+of\s+[^;]{0,60}?\bshall\s+"
                           r"(?:also\s+|further\s+|now\s+)?(?:be|include|comprise)\b|"
                           # "decides to add to the mandate of UNAMX", "to include in its mandate"
                           r"\b(?:add|include)\s+(?:[^;]{0,60}?\s+)?(?:to|in)\s+(?:the\s+|its\s+|"
                           r"(?-i:[A-Z][\w-]+)(?:’|')s\s+)?mandate\b|"
                           # "that the Verification Mission shall monitor", "Authorizes MONUSCO to support"
                           r"\bdecides?\s+(?:also\s+|further\s+)?that,?\s+(?:[^;]{0,200}?,\s+)?(?:the\s+"
                           r"(?:(?-i:[A-Z])[\w-]*\s+){0,3}(?-i:Mission|Force|Office|Operation)|(?-i:[A-Z]{4,}))\s+"
                           r"shall\s+(?!continue\b|bear\b)|"
                           # "decides that UNSOA shall bear the name of the UN Support Office ... (UNSOS)"
                           # "shall be renamed", "be known as", "decides to rename UNAMX"
                           r"\bshall\s+(?:[^;]{0,40}?\s+)?(?:bear\s+the\s+(?:name|title)|be\s+(?:renamed|redesignated|"
                           r"known\s+as))\b|\bdecides?\s+(?:also\s+)?to\s+rename\b|"
                           r"\bauthori[sz]es\s+(?-i:[A-Z]{4,})\s+to\s+(?!take\s+all|use\s+all)",
                           re.I)),
    # "to that end the mandate" is a purpose, not an ending
    ("terminated", re.compile(r"\b(?:terminat\w*|(?<!that\s)(?<!this\s)end)\s+"
                              r"(?:the\s+|(?-i:[A-Z][\w-]+)(?:’|')s\s+)?mandate|"
                              + _DECIDES_TO + r"withdraw|"
                              r"\bmandate\s+[^;]{0,40}?\bshall\s+(?:terminate|end|be\s+terminated|come\s+to\s+an\s+end)\b|"
                              # "decides to close UNAMX", "decides to conclude the mandate of UNAMX"
                              + _DECIDES_TO + r"(?:close|conclude)\s+(?:the\s+|its\s+)?"
                              r"(?:mandate\b|(?-i:[A-Z]{3,})\b|(?:(?-i:[A-Z])[\w-]*\s+){1,6}(?-i:Mission|Office|Operation|Force)\b)|"
                              # "the mandate of UNMX shall expire", not "the mandate, which shall expire"
                              r"\bmandate\s+[^;,]{0,40}?\bshall\s+expire\b|"
                              r"\bbring\s+(?:the\s+|its\s+)?mandate\s+[^;]{0,60}?\bto\s+an?\s+(?:end|close)\b|"
                              r"\bshall\s+cease\s+(?:all\s+)?(?:its\s+)?operations\b",
                              re.I)),
    ("replaced", re.compile(r"\b(?:shall|will|to)\s+replace\s+(?:the\s+)?(?-i:[A-Z]{2,})\b|"
                            r"\breconfigur\w+\s+[^;]{0,60}?\binto\b|"
                            r"\btake\s+over\s+(?:the\s+)?(?:responsibilities|authority)\s+from\b|"
                            # "UNAMX shall be replaced by UNTMX" (not by "the following" text), "decides that
                            # UNAMX shall transition into a United Nations Transition Mission"
                            r"\bshall\s+be\s+replaced\s+by\s+(?:the\s+|a\s+|an\s+)?"
                            r"(?-i:[A-Z]{3,}\b|United\s+Nations\b|UN\b)|"
                            r"\bdecides?\s+(?:also\s+)?that\s+[^;]{0,80}?\btransition\s+(?:from\s+[^;]{0,60}?\s+)?"
                            r"(?:to|into)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?-i:Mission|Office|Operation|Force)\b",
                            re.I)),
    # "Authorizes the Member States ... to deploy / to establish ... a multinational force"
    ("deployment_authorised", re.compile(r"\bauthori[sz]es\s+[^;]{0,200}?\bto\s+(?:deploy|establish)\b|"
                                         r"\bauthori[sz]e[sd]?\s+the\s+deployment\s+of|"
                                         # "Decides to authorize a multinational force under unified command"
                                         r"\bauthori[sz]e[sd]?\s+an?\s+(?:[\w-]+\s+){0,3}?(?:multinational|international|"
                                         r"regional|stabili[sz]ation)\s+(?:[\w-]+\s+){0,2}?(?:force|mission|presence)\b",
                                         re.I)),
)  # fmt: skip
# each tried only at the words its matches start with (scan.py derives them)
_LED_ACTIONS = tuple((action, Led(pattern)) for action, pattern in _ACTIONS)
_EXTENDED = _LED_ACTIONS[1][1]
# "Decides to establish a Committee / a Panel of Experts / a travel ban": no operation is being set up
_NOT_AN_OPERATION = re.compile(
    r"\b(?:Committee|Panel|(?:Group|Team)\s+of\s+Experts|(?:Monitoring|Working|Expert|Contact)\s+(?:Team|Group)|"
    r"mechanism|Special\s+Envoy|"
    r"Commission\s+of\s+Inquiry|embargo|ban|sanctions|measures|"
    r"fund|Ombudsperson|Focal\s+Point|list|regime|exemption|register)\b",
    re.I,
)
# a "monitoring mechanism" the UN deploys is an operation; a sanctions "mechanism" is not
_AN_OPERATION = re.compile(
    r"\b(?:Mission|Force|Operation|Office|Observers?|presence|peacekeeping|Team|"
    r"(?:monitoring|verification|(?-i:UN)|United\s+Nations)\s+mechanism)\b|"
    r"\b(?-i:[A-Z]{3,})\b",
    re.I,
)
_NAME = re.compile(
    r"(?:“|\")?(?P<name>United\s+Nations\s+(?:(?:[A-Z][\w'-]*|for|in|of|on|the|and|de|la|du|to)\s+){0,10}?"
    r"(?:[A-Z][\w'-]*(?:-[A-Z][\w'-]*)?))(?:”|\")?(?:,)?\s*\((?P<acronym>[A-Z][A-Z ]{2,12}[A-Z](?:\s+II)?)\)"
)
_PLAIN_NAME = re.compile(
    r"United\s+Nations\s+(?:(?:[A-Z][\w'-]*|for|in|of|on|the|and)\s+){0,8}?"
    r"(?:Force|Mission|Operation|Group|Authority|Observers?|Organization|Command)\b(?:\s+(?:in|for|on)\s+[A-Z][\w-]*"
    r"(?:\s+(?:and|of|the)\s+[A-Z][\w-]*)*)?"
)
_QUOTED_NAME = re.compile(r"entitled\s+[“\"](?P<name>[^”\"]{5,120})[”\"]")
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                 "twenty-one": 21, "twenty-four": 24, "thirty": 30, "thirty-six": 36, "forty-five": 45,
                 "sixty": 60, "ninety": 90}  # fmt: skip
_COUNT = r"(?P<count>\d+|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
_PERIOD = re.compile(
    r"\b(?:period\s+of|for\s+(?:up\s+to|a\s+further|an\s+additional|another)|for|by)\s+"
    + _COUNT
    + r"[\s-]+(?P<unit>months?|days?|years?)\b",
    re.I,
)
# "for a twelve-month period", "for a further six-month period"
_UNIT_PERIOD = re.compile(
    r"\bfor\s+(?:an?\s+)?(?:further\s+|additional\s+|new\s+)?"
    + _COUNT
    + r"[\s-]+(?P<unit>month|year|day)\s+period\b",
    re.I,
)
# "for a further year", "for another year": one unit
_ONE_PERIOD = re.compile(
    r"\bfor\s+(?:a\s+further|another|an\s+additional|one\s+(?:more|further))\s+(?P<unit>year|month)\b", re.I
)
# the period starts on a date the text sets ("beginning on 16 October 2019", "as of 9 July 2011", "shall begin
# all verification activities on 26 September 2017 ... this will commence the initial 12 month period")
_STARTS = re.compile(
    rf"\b(?:(?:beginning|starting|commencing)(?:\s+(?:on|from))?|as\s+(?:of|from)|with\s+effect\s+from|"
    # "from 15 March", "twelve months from 15 March", "from the expiry of its current mandate on 15 March"
    rf"from(?:\s+the\s+(?:expiry|expiration|end)\s+of\s+[^;]{{0,60}}?\bon)?|"
    rf"begin\s+(?:[\w-]+\s+){{0,4}}?on)\s+"
    rf"(?P<date>\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})",
    re.I,
)
_COMMENCE_PERIOD = Led(re.compile(r"\bcommence\w*\s+the\s+(?:initial\s+)?[\w\s-]{0,20}?period\b", re.I))
_UNTIL = re.compile(
    rf"\b(?:until|through|ending(?:\s+on)?|expir\w+\s+on|up\s+to(?:\s+and\s+including)?|to)\s+(?:\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})"
)
# "until the end of March 2031": the month's last day
_MONTH_END = re.compile(rf"\buntil\s+the\s+end\s+of\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})\b")
_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\s+(\d{{4}})\b")
_OPEN_ENDED = re.compile(r"\buntil\s+(?:the\s+(?:Security\s+)?Council|it)\s+decides\s+otherwise\b", re.I)
_PERIOD_ACTIONS = {"established", "extended", "deployment_authorised", "terminated", "replaced"}
# "Decides to terminate the mandate of X effective 3 December 2023": the day the mandate ends
_ENDS_ON = re.compile(
    rf"\b(?:effective|as\s+of|on|with\s+effect\s+from|until)\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}", re.I
)
_APPROVES_REPORT = re.compile(
    r"\b(?:approves|endorses|welcomes|takes\s+note\s+of)\s+(?:with\s+appreciation\s+)?(?:the\s+)?"
    r"(?:further\s+|special\s+|interim\s+)?report\s+of\s+the\s+Secretary-General[^;]*",
    re.I,
)

# The words the matches of these patterns start with: they run only there (scan.py)
_APPROVES_REPORT_AT = Led(_APPROVES_REPORT)
_NAME_AT = Led(_NAME)


def find_operation(structure: Structure) -> list[Finding]:
    findings = list(_actions(structure))
    acted: dict[str | None, str] = {}
    for found in findings:
        if found.value in _PERIOD_ACTIONS:
            acted.setdefault(found.evidence.paragraph, found.value)
    findings += _names(structure)
    periods = list(_periods(structure, acted))
    findings += periods or (list(_expiry(structure)) if acted else [])
    findings += find_ceilings(structure)
    findings += _reports(structure)
    return findings


def _actions(structure: Structure) -> list[Finding]:
    found: list[Finding] = []
    for paragraph in structure.top_level():
        for action, pattern in _LED_ACTIONS:
            match = pattern.search(structure, paragraph.start, paragraph.end)
            if match and _acts_on_operation(structure, action, match, paragraph):
                found.append(
                    _finding(
                        structure, "operation_action", action, f"operation.{action}", 0.8, match, paragraph
                    )
                )
    if any(f.value == "established" for f in found):
        # "Decides to establish X; ... Also decides that the Mission shall have the following mandate"
        return [f for f in found if f.value != "revised"]
    return found


def _acts_on_operation(structure: Structure, action: str, match: re.Match[str], paragraph: Paragraph) -> bool:
    """A committee, a ban or a panel established is no operation; an authorisation "for a further period"
    renews a deployment rather than authorising a new one."""
    rest = structure.text[match.end() : min(paragraph.end, match.end() + 200)]
    operation, other = _AN_OPERATION.search(rest), _NOT_AN_OPERATION.search(rest)
    if action == "established" and structure.text[max(0, match.start() - 6) : match.start()] == "would ":
        return False  # "the basis on which the Council would authorize the establishment of the Mission"
    before = structure.text[max(paragraph.start, match.start() - 120) : match.start()]
    if _NOT_DECIDED.search(before):
        return False  # "Expresses its intention to consider extending the mandate": not done here
    if _NOT_AN_OPERATION.search(match.group()) and not _AN_OPERATION.search(match.group()):
        return False  # "decides that the mandate of the Panel of Experts shall include"
    named = _AN_OPERATION.search(match.group()) and not _NOT_AN_OPERATION.search(match.group())
    if (
        action in {"established", "deployment_authorised"}
        and not named
        and (operation is None or (other is not None and other.start() <= operation.start()))
    ):
        return False  # "decides to establish a Committee"; not "decides to deploy a team of observers"
    if (
        action in {"extended", "revised", "terminated"}
        and other is not None
        and other.start() < 40
        and (operation is None or other.start() <= operation.start())
    ):
        return False  # "extend the mandate of the Panel of Experts", "extend the measures"
    if (
        action in {"replaced", "terminated"}
        and _clause_verb(structure, paragraph, match.start()) not in _DECIDING
    ):
        return False  # "Recognises the work ... for an operation to replace ATMIS" decides nothing
    if action == "deployment_authorised":
        return not _EXTENDED.search(structure, paragraph.start, paragraph.end)
    return True


# An action the Council intends, considers, is ready for or recalls from an earlier resolution
_NOT_DECIDED = re.compile(
    r"\b(?:intention|intends?|readiness|ready|willing\w*|recalls?\s+its\s+decision|(?:to|will|would)\s+consider|"
    r"consider(?:ing)?\s*$|options?\s+for|looks?\s+forward)\b[^;]{0,100}$",
    re.I,
)
_DECIDING = {"decide", "decides", "authorizes", "authorises", "endorses", "approves", "requests"}


def _clause_verb(structure: Structure, paragraph: Paragraph, offset: int) -> str:
    verb = ""
    for clause in clauses(structure, paragraph):
        if clause.start <= offset:
            verb = clause.verb
    return verb


def _names(structure: Structure) -> Iterator[Finding]:
    """Names with acronyms, "United Nations Protection Force (UNPROFOR)"; each distinct name once."""
    seen: set[str] = set()
    for match in _NAME_AT.finditer(structure, 0, structure.body_end):
        name = " ".join(match.group("name").split())
        acronym = " ".join(match.group("acronym").split())
        if name not in seen:
            seen.add(name)
            detail = {"name": name, "acronym": acronym}
            yield _finding(structure, "operation_name", f"{name} ({acronym})", "operation.name_acronym", 0.85,
                           match, _locate(structure, match.start()), detail)  # fmt: skip
    for match in _QUOTED_NAME.finditer(structure.text, structure.operative_start, structure.body_end):
        name = " ".join(match.group("name").split())
        if name not in seen:
            seen.add(name)
            yield _finding(structure, "operation_name", name, "operation.name_entitled", 0.8, match,
                           _locate(structure, match.start()), {"name": name})  # fmt: skip
    if seen:
        return
    for match in _PLAIN_NAME.finditer(structure.text, structure.operative_start, structure.body_end):
        name = " ".join(match.group().split())
        if name not in seen:
            seen.add(name)
            yield _finding(structure, "operation_name", name, "operation.name_plain", 0.6, match,
                           _locate(structure, match.start()), {"name": name})  # fmt: skip
            return


def _periods(structure: Structure, acted: dict[str | None, str]) -> Iterator[Finding]:
    """Mandate end date: an explicit "until 31 May 1987", else adoption date plus "a period of six months", in
    a paragraph that establishes, extends or authorises the operation (not a Panel's renewal); the date a
    termination takes effect."""
    text = structure.text
    for paragraph in structure.top_level():
        action = acted.get(paragraph.id)
        if action is None:
            continue
        if action == "terminated":
            ends = _ENDS_ON.search(text, paragraph.start, paragraph.end)
            if ends and (date_match := _DATE.search(ends.group())) and (end := parse_date(date_match)):
                yield _finding(structure, "end_date", end, "period.terminated_on", 0.7, ends, paragraph)
                return
            continue
        open_ended = _OPEN_ENDED.search(text, paragraph.start, paragraph.end)
        if open_ended:
            yield _finding(
                structure, "end_date", "open_ended", "period.open_ended", 0.7, open_ended, paragraph
            )
            return
        until = _UNTIL.search(text, paragraph.start, paragraph.end)
        if until and (date_match := _DATE.search(until.group())) and (end := parse_date(date_match)):
            yield _finding(structure, "end_date", end, "period.until_date", 0.85, until, paragraph)
            return
        month_end = _MONTH_END.search(text, paragraph.start, paragraph.end)
        if month_end:
            month = _MONTHS.split("|").index(month_end.group("month")) + 1
            year = int(month_end.group("year"))
            end = dt.date(year, month, calendar.monthrange(year, month)[1])
            yield _finding(structure, "end_date", end, "period.until_month_end", 0.8, month_end, paragraph)
            return
        period = (
            _PERIOD.search(text, paragraph.start, paragraph.end)
            or _UNIT_PERIOD.search(text, paragraph.start, paragraph.end)
            or _ONE_PERIOD.search(text, paragraph.start, paragraph.end)
        )
        start = _start_date(structure, paragraph) or structure.adopted
        if period and start:
            # "twelve months from the adoption on 2 November 2023" ends on 1 November 2024
            count = period.groupdict().get("count") or "one"
            end = _add(start, count, period.group("unit")) - dt.timedelta(days=1)
            detail = {"period": f"{count} {period.group('unit')}", "from": start.isoformat()}
            yield _finding(
                structure, "end_date", end, "period.length_from_start", 0.6, period, paragraph, detail
            )
            return


# "the decisions contained in operative paragraphs two and three ... shall expire 180 days from the adoption"
_EXPIRES = re.compile(
    r"\bshall\s+expire\s+" + _COUNT + r"[\s-]+(?P<unit>months?|days?|years?)\s+"
    r"(?:from|after)\s+(?:the\s+)?(?:date\s+of\s+)?(?:the\s+)?adoption\b",
    re.I,
)


def _expiry(structure: Structure) -> Iterator[Finding]:
    """An end the text sets apart from the paragraph that acts on the operation."""
    found = _EXPIRES.search(structure.text, structure.operative_start, structure.body_end)
    if found and structure.adopted:
        # an expiry N days after the adoption falls on that day (unlike a period "of N months", which ends the
        # day before)
        end = _add(structure.adopted, found.group("count"), found.group("unit"))
        yield _finding(structure, "end_date", end, "period.expires_after", 0.6, found,
                       _locate(structure, found.start()))  # fmt: skip


def _start_date(structure: Structure, paragraph: Paragraph) -> dt.date | None:
    """A start the text sets in the paragraph, or in the paragraph saying when the period commences."""
    text = structure.text
    found = _STARTS.search(text, paragraph.start, paragraph.end)
    if found is None:
        commencing = next(
            (p for p in structure.top_level() if _COMMENCE_PERIOD.search(structure, p.start, p.end)), None
        )
        found = _STARTS.search(text, commencing.start, commencing.end) if commencing else None
    date = _DATE.search(found.group("date")) if found else None
    return parse_date(date) if date else None


def _add(start: dt.date, count: str, unit: str) -> dt.date:
    n = int(count) if count.isdigit() else _WORD_NUMBERS[count.lower()]
    if unit.lower().startswith("day"):
        return start + dt.timedelta(days=n)
    months = start.month - 1 + n * (12 if unit.lower().startswith("year") else 1)
    year, month = start.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _reports(structure: Structure) -> Iterator[Finding]:
    """Reports approved in an operative paragraph; the symbol is in the text or in its footnote."""
    text = structure.text
    for paragraph in structure.top_level():
        match = _APPROVES_REPORT_AT.search(structure, paragraph.start, paragraph.end)
        if not match:
            continue
        rest = text[match.start() : paragraph.end]
        symbols = report_symbols(match.group()) or _footnote_symbols(structure, rest)
        value = symbols[0] if symbols else "report of the Secretary-General"
        yield _finding(structure, "report_by_reference", value, "report.approved", 0.8 if symbols else 0.5,
                       match, paragraph, {"symbols": symbols})  # fmt: skip


def _footnote_symbols(structure: Structure, clause: str) -> list[str]:
    """ "...of 24 and 29 September 1993; 18" with footnote 18 "... document S/26488"."""
    for number in re.findall(r"(?<=[\s%?;,])(\d{1,3})(?=\s|$)", clause):
        note = structure.footnotes.get(number)
        if note and (symbols := report_symbols(note.text)):
            return symbols
    return []


def _locate(structure: Structure, offset: int) -> Paragraph | None:
    for paragraph in (*structure.operative, *structure.preamble, *structure.sections):
        if paragraph.start <= offset < paragraph.end:
            return paragraph
    return None


def _finding(
    structure: Structure, kind: str, value: object, rule: str, confidence: float, match: re.Match[str],
    where: Paragraph | None, detail: Mapping[str, object] | None = None,
) -> Finding:  # fmt: skip
    evidence = Evidence.from_span(structure.text, match.start(), match.end(), where.id if where else None)
    return Finding(kind, value, rule, confidence, evidence, dict(detail or {}))
