"""What the resolution is about: the operation it acts on, and the peace agreements it cites by name.

The operation is the one named where the Council acts (establishes, extends, authorises), not the first
acronym in the text: a modern preamble names the country team, a policy or a neighbouring mission first.
Acronyms count as operations when the text introduces them after a mission-like name ("... Mission in
South Sudan (UNMISS)", "(hereafter ATMIS)") or they have a UN operation's form (MONUSCO, BINUH).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from missiongate.analyzer.model import Evidence, Finding, Paragraph, Structure
from missiongate.analyzer.scan import Held, Led

# "(UNMISS)", "(hereafter ATMIS)", "(“EUFOR ALTHEA”)"
_DEFINED = re.compile(
    r"\((?:here(?:in)?after\s+(?:referred\s+to\s+as\s+)?)?[“\"]?"
    r"(?P<acronym>[A-Z][A-Za-z]*[A-Z](?:[ -][A-Z]{2,})?)[”\"]?\)"
)
_OPERATION_WORDS = re.compile(
    r"\b(?:Mission|Force|Operation|Office|Observers?|Presence|Stabili[sz]ation|Support|Transition|Assistance|"
    r"Verification|Peacekeeping|Administration|Authority)\b[^()]{0,60}$",
    re.I,
)
_UN_FORM = re.compile(r"^(?:UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|BINU[A-Z]+|ONU[A-Z]+)$")
# the UN system's agencies and funds, the country team, Secretariat offices: never the operation
_NOT_OPERATIONS = frozenset((
    "UNICEF", "UNHCR", "UNODC", "UNDP", "UNCT", "UNFPA", "UNOPS", "UNESCO", "UNRWA", "UNSCR", "UNMAS",
    "UNOCT", "UNICRI", "UNODA", "UNEP", "UNAIDS", "UNIFEM", "UNSOS", "UNSOA", "UNITAR", "UNDSS", "UNOCHA",
    "UNHAS", "UNDOC", "UNDAF", "UNSDCF", "UNCTAD", "UNOG", "UNON", "UNITED", "UNIVERSITY", "UNIVERSAL",
    "UNIT", "UNDER", "UNLESS", "UNTIL",
))  # fmt: skip
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z](?:[ -][A-Z]{2,})?\b")


def find_subject(structure: Structure, actions: list[Finding]) -> list[Finding]:
    """One `operation_subject` finding: the operation named where the Council acts, else the operation the
    operative part names most often; none when the Council acts on no operation."""
    if not actions:
        return []  # a text that acts on no operation (sanctions, a thematic text) is about none
    operations = operation_acronyms(structure)
    text = structure.text
    # a replacement names the operation that replaces, wherever the text also revises the one replaced
    for action in sorted(actions, key=lambda found: found.value != "replaced"):
        paragraph = structure.paragraph(action.evidence.paragraph) if action.evidence.paragraph else None
        if paragraph is None:
            continue
        found = (
            _renamed(structure, action, paragraph)
            or _replacement(structure, action, paragraph)
            or _first_operation(text, operations, action.evidence.start, paragraph)
        )
        if found:
            name = _name_of(structure, found)
            return [_finding(structure, found, "subject.acted_on", 0.85, paragraph, name=name)]
        named = _full_name(structure, paragraph) or _established_body(structure, paragraph)
        if named:
            quote, full = named
            acronym = _acronym_for(structure, full)
            if acronym:
                return [_finding(structure, acronym, "subject.acted_on_by_name", 0.8, paragraph, name=full)]
            return [_finding(structure, full, "subject.acted_on_by_name", 0.75, paragraph, quote, full)]
    if not operations:
        return []
    counts = Counter(
        m.group()
        for m in _ACRONYM.finditer(text, structure.operative_start, structure.body_end)
        if m.group() in operations
    )
    if not counts:
        return []
    acronym, _ = counts.most_common(1)[0]
    match = re.search(rf"\b{re.escape(acronym)}\b", text[structure.operative_start : structure.body_end])
    start = structure.operative_start + (match.start() if match else 0)
    evidence = Evidence.from_span(text, start, start + len(acronym), None)
    name = _name_of(structure, acronym)
    return [Finding("operation_subject", acronym, "subject.most_named", 0.6, evidence, {"name": name})]


def operation_acronyms(structure: Structure) -> set[str]:
    """Acronyms the text gives operations ("... Mission in Somewhere (UNAMX)") or that have a UN operation's
    form."""
    text = structure.text
    defined = {
        m.group("acronym")
        for m in _DEFINED.finditer(text, 0, structure.body_end)
        if _OPERATION_WORDS.search(text, max(0, m.start() - 120), m.start())
    }
    formed = {m.group() for m in _ACRONYM.finditer(text, 0, structure.body_end) if _UN_FORM.match(m.group())}
    return (defined | formed) - _NOT_OPERATIONS


def _renamed(structure: Structure, action: Finding, paragraph: Paragraph) -> str | None:
    """ "UNSOA shall bear the name of the UN Support Office in Somalia (UNSOS)", "UNAMX shall be renamed ...
    (UNTAMX)": the new name's acronym, even one that names a support office elsewhere."""
    renamed = _RENAMED.search(structure.text, action.evidence.start, paragraph.end)
    if renamed is None:
        return None
    found = _DEFINED.search(structure.text, renamed.end(), paragraph.end)
    return found.group("acronym") if found else None


_RENAMED = re.compile(r"\b(?:bear\s+the\s+(?:name|title)|renamed?|redesignated|known\s+as)\b")


def _replacement(structure: Structure, action: Finding, paragraph: Paragraph) -> str | None:
    """ "Decides to replace UNAMX with the United Nations Transition Mission ... (UNTMX)": the operation that
    replaces, introduced with its acronym in the paragraph."""
    if action.value != "replaced":
        return None
    found = _DEFINED.search(structure.text, paragraph.start, paragraph.end)
    return found.group("acronym") if found else None


def _first_operation(text: str, operations: set[str], start: int, paragraph: Paragraph) -> str | None:
    """The first operation acronym from the action onwards in its paragraph, else before it."""
    for lo, hi in ((start, paragraph.end), (paragraph.start, start)):
        for match in _ACRONYM.finditer(text, lo, hi):
            if match.group() in operations:
                return match.group()
    return None


def _finding(
    structure: Structure,
    value: str,
    rule: str,
    confidence: float,
    paragraph: Paragraph,
    quote: str | None = None,
    name: str | None = None,
) -> Finding:
    text = structure.text
    quoted = quote or value
    at = text.find(quoted, paragraph.start, paragraph.end)
    start = at if at >= 0 else paragraph.start
    evidence = Evidence.from_span(text, start, start + len(quoted), paragraph.id)
    return Finding("operation_subject", value, rule, confidence, evidence, {"name": name})


def _name_of(structure: Structure, acronym: str) -> str | None:
    """The words the text introduces an acronym with: "African Union Transition Mission in Somalia"."""
    text = structure.text
    for match in _DEFINED.finditer(text, 0, structure.body_end):
        if match.group("acronym") == acronym:
            words = _NAME_BEFORE.search(text, max(0, match.start() - 160), match.start())
            if words:
                return " ".join(words.group().split())
    return None


def _acronym_for(structure: Structure, name: str) -> str | None:
    """The acronym the text introduces for a full name ("... Mission in Somewhere (UNAMX)")."""
    for match in _DEFINED.finditer(structure.text, 0, structure.body_end):
        words = _NAME_BEFORE.search(structure.text, max(0, match.start() - 160), match.start())
        if words and _spelt(words.group()).endswith(name):
            return match.group("acronym")
    return None


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*(?:\s+(?:of|in|for|on|the|and|to|de|du|la))*\s+){1,10}$")


# "the United Nations Verification Mission in Colombia", "the UN Verification Mission in Colombia"
_FULL_NAME = Led(
    re.compile(
        r"\b(?:United\s+Nations|UN)\s+(?:[A-Z][\w'-]*\s+){0,5}(?:Mission|Office|Force|Operation|Observers?)"
        r"(?:\s+(?:in|for|on|to)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)*){0,2}"
    ),
)  # tried only at the words its matches start with (scan.py derives them)
# "the Verification Mission": a short form of a full name the text uses
_SHORT_NAME = re.compile(r"\bthe\s+((?:[A-Z][\w-]*\s+){1,3}(?:Mission|Office|Force|Operation))\b")


def _full_name(structure: Structure, paragraph: Paragraph) -> tuple[str, str] | None:
    """(quote, name) of an operation named in full in the paragraph, or by a short form of a full name the
    text uses elsewhere; "UN" is spelt out so that both forms compare equal."""
    text = structure.text
    here = _FULL_NAME.search(structure, paragraph.start, paragraph.end)
    if here:
        return here.group(), _spelt(here.group())
    fulls = [m.group() for m in _FULL_NAME.finditer(structure, 0, structure.body_end)]
    for short in _SHORT_NAME.finditer(text, paragraph.start, paragraph.end):
        full = next((f for f in fulls if short.group(1) in f), None)
        if full:
            return short.group(1), _spelt(full)
    return None


# "establish an Investigative Team, headed by ...", "establish a monitoring mechanism, under the authority of"
_ESTABLISHED = re.compile(
    r"\b(?:establish|deploy|dispatch|authori[sz]e)\s+(?:an?|the)\s+(?P<name>(?:[\w-]+\s+){0,3}?(?:Team|Mission|"
    r"Office|Force|Operation|[Mm]echanism|team)(?:\s+of\s+United\s+Nations\s+(?:personnel|(?:military\s+)?observers))?)\b"
)


def _established_body(structure: Structure, paragraph: Paragraph) -> tuple[str, str] | None:
    """(quote, name) of a body the paragraph establishes without an acronym or a UN name: the name the text
    gives it elsewhere ("the United Nations monitoring mechanism"), else the capitalised name itself."""
    text = structure.text
    found = _ESTABLISHED.search(text, paragraph.start, paragraph.end)
    if found is None:
        return None
    name = " ".join(found.group("name").split())
    fuller = re.search(rf"\bUnited\s+Nations\s+{re.escape(name)}\b", text[: structure.body_end])
    if fuller:
        return name, " ".join(fuller.group().split())
    return (name, name) if name[0].isupper() or "United Nations" in name else None


def _spelt(name: str) -> str:
    return " ".join(re.sub(r"^UN\b", "United Nations", name).split())


# "the Revitalized Agreement on the Resolution of the Conflict in the Republic of South Sudan", "the Peace
# and Security Cooperation Framework", "the Comprehensive Peace Agreement", "the Algiers Accord"
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|of|on|for|the|and|in|to|between|a|an)"
_SP = r"(?:[ \t]|\n(?![ \t]*\n))+"  # a space or a line break, never a blank line: names stay in a paragraph
_NOUN = r"(?:Agreements?|Accords?)\b"
_CAPITAL = r"[A-Z][\w'’-]*"
_TAIL_WORD = rf"(?!{_NOUN}){_TITLE_WORD}"
_AGREEMENT = re.compile(
    rf"\b(?:Peace,?{_SP}(?:and{_SP})?Security(?:,?{_SP}and{_SP}Cooperation)?{_SP}(?:\(PSC\){_SP})?Framework|"
    rf"(?:[A-Z][\w'’-]*(?:,(?={_SP}[A-Z][\w'’-]*{_SP}and{_SP}[A-Z]))?{_SP}(?:{_TITLE_WORD}{_SP}){{0,8}}?)?"
    rf"(?:Agreements?|Accords?))\b"
    # "the Agreement between the Government and the Movement on Temporary Arrangements for ...": the parties
    # between the title's noun and its subject
    rf"(?:{_SP}between{_SP}[^;,()]{{3,80}}?{_SP}and{_SP}[^;,()]{{2,60}}?(?={_SP}(?:on|for){_SP}(?:the{_SP})?[A-Z]))?"
    # the title's subject: a comma only inside a list of names ("Ports of Portville, Eastbay and Westbay"),
    # never into another agreement ("... in Somewhere and the Capital Agreement" names a second one)
    rf"(?:{_SP}(?:on|for|of|to|in){_SP}(?:{_TAIL_WORD}(?:,(?={_SP}[A-Z]))?{_SP}){{0,14}}(?!{_NOUN}){_CAPITAL}"
    rf"\b(?!{_SP}{_NOUN}))?"
)
# searched only in the stretches between semicolons that name one (scan.py derives the words)
_AGREEMENT_HELD = Held(_AGREEMENT)
# "the Luanda agreement", "the 23 October 2020 ceasefire agreement"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "the Luanda agreement", "the Sun City agreement", "the N’Djamena agreement"
_INSTITUTION = r"(?!(?:Government|Council|Union|Parties|Party|Member|States|Secretary|Framework|National|"
_INSTITUTION += r"Security|Transitional|Federal|Interim|Joint|Political|Technical)\b)"
_PLACE = rf"(?:{_INSTITUTION}[A-Z][\w’'-]*[a-z]\s+){{0,2}}{_INSTITUTION}[A-Z][\w’'-]*[a-z]"
_PLAIN_AGREEMENT = re.compile(
    rf"the\s(?P<name>(?:(?:(?:{_PLACE},\s+)*{_PLACE},?\s+and\s+)?{_PLACE}|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?\s+(?:peace|ceasefire|cease-fire))"
    # "the Portville peace agreement", "the Capital political accord"
    r"(?:\s+(?:peace|ceasefire|cease-fire|political|framework))?\s+(?:agreements?|accords?)|"
    # "the Lusaka Protocol", "the Abuja Protocols": a protocol named for the place a peace process signed it,
    # not a treaty's protocol ("the Optional Protocol to ...", "the Kyoto Protocol")
    r"(?!(?:Optional|Additional|Geneva|Kyoto|Montreal|Cartagena|Nagoya|Palermo|Maputo)\b)[A-Z][a-z]+\s+Protocols?"
    r"(?!\s+(?:to|on|of|Additional|relating)\b))\b"
)
# "the Capital Document for Peace in Somewhere": a peace agreement by another noun
_PEACE_DOCUMENT = re.compile(
    r"the\s(?P<name>[A-Z][\w'’-]*\s+Document\s+for\s+Peace(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)"
)
# "the ceasefire agreement of 23 October 2020", "the peace agreement signed in Juba on 3 October 2020": a date
# names a peace or ceasefire agreement as well as a title does ("the agreement of 31 December" may be a titled
# agreement's date, or an electoral one)
_DATED_AGREEMENT = re.compile(
    # with the adjectives a title takes ("the nationwide ceasefire agreement", "the permanent ceasefire ...")
    r"the\s(?P<name>(?i:(?:[a-z][\w-]+\s+){0,2}?(?:peace|ceasefire|cease-fire|framework|political)|"
    r"cessation\s+of\s+hostilities)\s+"
    # "signed in Juba on", "concluded between the parties on", "reached by the parties in Juba on"
    rf"(?i:agreement|accord)\s+(?:of|(?:signed|concluded|reached)(?:\s+(?:in|at|by|between)\s+[^;,]{{2,60}}?)?\s+on)\s+"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|"
    # a date with a capital "Agreement" is its name ("the 8 July 2006 Agreement", "the Agreement of 8 July
    # 2006"); a dated ceasefire is the ceasefire agreement of that day ("the 23 October 2020 ceasefire")
    # ("the 5 December 2030 Political Framework Agreement", "the Political Agreement of 21 November 2030")
    rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}\s+(?:(?:[A-Z][a-z]+\s+){{0,2}}Agreement|(?:ceasefire|cease-fire)"
    rf"(?!\s+(?:agreement|line)))|(?:[A-Z][a-z]+\s+){{0,2}}Agreement\s+of\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})\b"
)
# Technical agreements are not peace agreements: any other agreement the text names is one (a place name,
# "the Framework Agreement for the restoration of constitutional order", "the Hodeidah Agreement").
_NOT_PEACE = re.compile(
    r"\bStatus[\s-]+of[\s-]+(?:the\s+)?(?:United\s+Nations\s+)?(?:Forces?|Mission|Operation|Personnel)|"
    r"\bbetween\s+the\s+United\s+Nations\b|\bUnited\s+Nations\s+and\s+the\s+Government\b|"
    r"\bRepatriation\b|\bRefugees\b|"
    r"\bHeadquarters\b|\bPrivileges\b|\bHost[\s-]+Country\b|\bDeclaration\b|\bParis\s+Agreement\b"
    r"|\bClimate\b|\bSafeguards\b|\bImplementation\s+of\b|\bVerification\s+of\b|\bFollow-up\b|\bElectoral\b|"
    r"\bRelationship\b|\bTechnical\b|\bCooperation\s+Agreements?\b|\bTrade\b|\bBasic\s+Agreements?\b|\bModel\b|\bLoan\b",
    re.I,
)
# "Chapter V of the Revitalised Agreement", "the Ethnic Chapter of the Final Agreement" name the agreement
_PART_OF = re.compile(
    r"^(?:[A-Z][\w-]*\s+)?(?-i:Chapter|Section|Article|Part|Annex|Paragraph)(?:\s+[\w.]+)?\s+of\s+(?:the\s+)?"
)


# "accord" as a noun, not "in accordance with"
_ACCORD = ("accord ", "accord,", "accord.", "accord\n", "accords")
_DATED_WORDS = ("agreement", *_ACCORD, "ceasefire", "cease-fire")


def find_agreements(structure: Structure) -> Iterator[Finding]:
    """Peace and ceasefire agreements cited by name, each once (the longest form of a name wins)."""
    text = structure.text
    words = ("agreement", "accord", "ceasefire", "cease-fire", "protocol", "document for peace")
    if not any(word in structure.lower for word in words):
        return
    names = _titled(structure)
    plain = [*_near(structure, _PLAIN_AGREEMENT, ("agreement", *_ACCORD, "protocol")),
             *_near(structure, _DATED_AGREEMENT, _DATED_WORDS)]  # fmt: skip
    if "document for peace" in structure.lower:
        plain += _PEACE_DOCUMENT.finditer(text, 0, structure.body_end)
    # "the Peace Agreement signed in Portville on 3 May 2029" is named by its date, not by its generic title
    signed = _signing_dates(text, (m for name, m in names.items() if not _words(name) <= _GENERIC))
    for match in plain:
        whole = " ".join((match.groupdict().get("name") or match.group()).split())
        if _NOT_PEACE.search(whole) or any(date in whole for date in signed):
            continue
        for name in _each(whole):
            if not any(_same(name, known) for known in names):
                names[name] = match
    if len(names) > 1:  # "the Peace Agreement" refers back to a named one
        names = {name: m for name, m in names.items() if not _words(name) <= _GENERIC}
    for name, match in names.items():
        group = "name" if "name" in match.re.groupindex else 0
        evidence = Evidence.from_span(text, match.start(group), match.end(group), None)
        yield Finding("agreement_name", name, "agreement.named", 0.7, evidence)


def _near(structure: Structure, pattern: re.Pattern[str], words: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The pattern's matches in the body, searched only around the words every match holds (a match ends
    within 90 characters after its word and starts at most 160 before it)."""
    spans: list[tuple[int, int]] = []
    for word in words:
        at = structure.lower.find(word, 0, structure.body_end)
        while at >= 0:
            spans.append((max(0, at - 160), min(structure.body_end, at + 90)))
            at = structure.lower.find(word, at + 1, structure.body_end)
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    for lo, hi in merged:
        yield from pattern.finditer(structure.text, lo, hi)


def _titled(structure: Structure) -> dict[str, re.Match[str]]:
    """Agreements named by a capitalised title, the longest form of each; a short name the text gives one in
    parentheses is the same agreement."""
    names: dict[str, re.Match[str]] = {}
    aliases: set[frozenset[str]] = set()
    for match in _AGREEMENT_HELD.finditer(structure, 0, structure.body_end):
        whole = _trim(_PART_OF.sub("", " ".join(match.group().split())))
        if len(whole.split()) < 2 or _NOT_PEACE.search(whole) or _words(whole) in aliases:
            continue
        if _WITH_THE_UN.match(structure.text, match.end()):
            continue
        alias = _ALIAS.match(structure.text, match.end())
        if alias:
            aliases.add(_words(alias.group("alias")))
        for name in _each(whole):
            if any(_same(name, known) for known in names):
                continue
            for known in [k for k in names if _same(k, name)]:
                del names[known]
            names[name] = match
    return names


# "the Framework Agreement between the United Nations and the African Union for ...": an agreement the UN is
# party to, not one between the parties to a conflict
_WITH_THE_UN = re.compile(
    r"\s+(?:signed\s+|concluded\s+)?between\s+(?:the\s+)?(?:United\s+Nations\b|[^;,()]{2,80}?\band\s+the\s+United\s+Nations\b)"
)
# "the Portville and Capital Agreements", "the Portville, Eastbay and Capital peace accords": places listed
# before one plural noun name one agreement each (a singular title with listed adjectives is one agreement)
_LISTED = re.compile(
    r"(?P<items>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+and\s+"
    r"[A-Z][\w'’-]*)\s+(?P<noun>(?i:(?:(?:peace|ceasefire|cease-fire|political)\s+)?(?:agreement|accord)s))"
)


def _each(name: str) -> list[str]:
    listed = _LISTED.fullmatch(name)
    if listed is None:
        return [name]
    items = re.split(r",\s+(?:and\s+)?|\s+and\s+", listed.group("items"))
    if any(not item[0].isupper() or _words(item) <= _GENERIC for item in items):
        return [name]  # "the Peace and Reconciliation Agreements": one title
    return [f"{item} {listed.group('noun')[:-1]}" for item in items]


_DATE = re.compile(rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}")


def _signing_dates(text: str, titled: Iterable[re.Match[str]]) -> set[str]:
    """Dates given just after a titled agreement ("... Political Agreement" signed in Kinshasa on 31 December
    2016): "the 31 December 2016 Agreement" is then that agreement again, not another one."""
    found = (_DATE.search(text, match.end(), match.end() + 80) for match in titled)
    return {" ".join(date.group().split()) for date in found if date}


# "the Bilateral ... Ceasefire Agreement between the Government and the ELN (“Second Cuba Agreement”)": the
# short name the text gives an agreement is the same agreement
_ALIAS = re.compile(
    r"[^()]{0,120}?\(\s*(?:here(?:in)?after\s+(?:referred\s+to\s+as\s+)?)?(?:the\s+)?[“\"](?P<alias>[^”\"]{3,80})[”\"]\s*\)"
)
_GENERIC = frozenset(
    (
        "peace",
        "agreement",
        "agreements",
        "accord",
        "accords",
        "ceasefire",
        "cease-fire",
        "political",
        "framework",
    )
)
_LEADING = frozenset((
    "the", "a", "an", "its", "and", "of", "in", "on", "to", "for", "decides", "calls", "urges", "welcomes",
    "recalls", "reaffirms", "notes", "stresses", "encourages", "requests", "underlines", "emphasizes",
    "emphasises", "expresses", "takes", "commends", "reiterates", "demands", "supports", "acknowledges",
    "affirms", "recognizes", "recognises", "condemns", "also", "further", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
))  # fmt: skip


def _same(short: str, long: str) -> bool:
    """One agreement under a shorter name: its distinctive words are all in the longer one ("the Revitalized
    Peace Agreement" is "the Revitalized Agreement on the Resolution of the Conflict in ...")."""
    words = _words(short)
    return (words - _GENERIC or words) <= _words(long)


# "the United Nations Mission to Support the Portville Agreement" names the agreement after the operation
_OPERATION_FOR = re.compile(
    r"^.*\b(?:Mission|Office|Operation|Force)\s+(?:to\s+[Ss]upport|in\s+[Ss]upport\s+of|for)\s+(?:the\s+)?(?=\S)"
)


# "the Joint Communiqué and the Agreement on ...": the title begins after another document's
_ANOTHER_BEFORE = re.compile(
    r"^(?:(?!\b(?:Agreements?|Accords?)\b).)*?\s+and\s+the\s+(?=.*\b(?:Agreements?|Accords?)\b)"
)


def _trim(name: str) -> str:
    """Drop leading articles and trailing function words: "the Agreement on the" -> "Agreement"; an
    operation named for the agreement it supports."""
    words = _OPERATION_FOR.sub("", _ANOTHER_BEFORE.sub("", name)).split()
    while words and (words[0].lower() in _LEADING or words[0].endswith("ing")):
        words.pop(0)
    while words and not words[-1][0].isupper():
        words.pop()
    return " ".join(words)


def _words(name: str) -> frozenset[str]:
    """Capitalised words, lower-cased, British spelling made American ("Revitalised" = "Revitalized")."""
    return frozenset(
        re.sub(r"is(e|ed|ation)$", r"iz\1", w.lower())
        for w in re.findall(r"[\w'’-]+", name)
        if w[0].isupper()
    )
