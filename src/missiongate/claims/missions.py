"""Which operation a sentence talks about: named missions first, then the place an operation is in.

Slugs are stable ids (`gaza-isf`, `unifil`, ...) so that a claim can be matched with a recorded position.
Add a mission by adding a row; `historical` missions mark sentences as background (past deployments).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class MissionRef:
    slug: str
    start: int
    end: int
    by_name: bool  # named ("UNIFIL", "the EU naval operation off Libya") rather than located ("in Lebanon")
    historical: bool
    host_start: int = -1  # where the place inside a described operation begins ("off Libya"); -1: none


# slug, historical, names (case-sensitive regexes), places (where a force of that mission operates)
_MISSIONS: tuple[tuple[str, bool, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "gaza-isf",
        False,
        (r"International Stabili[sz]ation Force", r"ISF", r"[Ss]tabili[sz]ation (?:[Ff]orce|[Mm]ission)"),
        (r"Gaza(?: Strip)?", r"the Strip"),
    ),
    ("haiti-gsf", False, (r"Gang Suppression Force", r"GSF"), (r"Haiti(?:an)?", r"Port-au-Prince")),
    ("haiti-mss", True, (r"Multinational Security Support(?: [Mm]ission)?", r"MSS"), ()),
    # full names as official prose writes them (round 7), before the Gaza force's "stabilization mission"
    ("unifil", False, (r"UNIFIL", r"Interim Force in Lebanon"), (r"(?:southern )?Lebanon",)),
    ("undof", False, (r"UNDOF", r"Disengagement Observer Force"), (r"(?:the )?Golan(?: Heights)?",)),
    ("unmiss", False, (r"UNMISS",), (r"South Sudan", r"Juba")),
    (
        "minusca",
        False,
        (r"MINUSCA", r"Multidimensional Integrated Stabili[sz]ation Mission in the Central African Republic"),
        (r"(?:the )?Central African Republic", r"CAR", r"Bangui"),
    ),
    (
        "monusco",
        False,
        (
            r"MONUSCO",
            r"Force Intervention Brigade",
            r"Organi[sz]ation Stabili[sz]ation Mission in the (?:Democratic Republic of (?:the )?)?Congo",
        ),
        (r"(?:the )?(?:Democratic Republic of (?:the )?)?Congo", r"DRC", r"Goma"),
    ),
    ("aussom", False, (r"AUSSOM", r"AMISOM", r"ATMIS"), (r"Somalia", r"Mogadishu")),
    (
        "ukraine-mnf",
        False,
        (r"Multinational Force Ukraine", r"[Cc]oalition of the [Ww]illing", r"[Rr]eassurance [Ff]orce"),
        (r"Ukraine",),
    ),
    ("eunavfor-aspides", False, (r"Aspides",), (r"(?:the )?Red Sea",)),
    ("unficyp", False, (r"UNFICYP",), ()),
    ("kfor", False, (r"KFOR",), (r"Kosovo",)),
    ("isaf", True, (r"ISAF",), (r"Afghanistan",)),
    ("mnf-iraq", True, (), (r"Iraq",)),
    # round 6: operations of the EU, AU, SADC, NATO, the UN and coalitions by name; most are found by
    # description too (_DESCRIBED below); their places are seas or regions, never a country's name
    ("unisfa", False, (r"UNISFA", r"Interim Security Force for Abyei"), (r"Abyei",)),
    ("minurso", False, (r"MINURSO",), (r"Western Sahara",)),
    ("untso", False, (r"UNTSO",), ()),
    ("unmogip", False, (r"UNMOGIP",), (r"Kashmir", r"(?:the )?Line of Control")),
    ("unmik", False, (r"UNMIK",), ()),
    ("minusma", True, (r"MINUSMA", r"Multidimensional Integrated Stabili[sz]ation Mission in Mali"), ()),
    ("mfo-sinai", False, (r"MFO", r"Multinational Force and Observers"), ()),
    ("mnjtf", False, (r"MNJTF", r"Multinational Joint Task Force"), (r"(?:the )?Lake Chad(?: [Bb]asin)?",)),
    ("samidrc", False, (r"SAMIDRC",), ()),
    ("samim", False, (r"SAMIM",), (r"Cabo Delgado",)),
    (
        "ctf-151",
        False,
        (
            r"CTF[- ]?151",
            r"Combined Task Force 151",
            r"[Cc]ounter-piracy task force",
            r"Combined Maritime Forces",
        ),
        (),
    ),
    (
        "prosperity-guardian",
        False,
        (r"(?:Operation )?Prosperity Guardian", r"(?:the )?Red Sea (?:coalition|task force)"),
        (),
    ),
    ("emasoh", False, (r"EMASo[Hh]", r"(?:Operation )?Agenor"), (r"(?:the )?Strait of Hormuz",)),
    ("eunavfor-irini", False, (r"(?:Operation )?Irini", r"EUNAVFOR MED"), ()),
    ("eunavfor-atalanta", False, (r"(?:Operation )?Atalanta", r"EUNAVFOR Somalia"), ()),
    ("eulex-kosovo", False, (r"EULEX(?: Kosovo)?",), ()),
    ("eumm-georgia", False, (r"EUMM(?: Georgia)?",), ()),
    ("euma-armenia", False, (r"EUMA(?: Armenia)?",), ()),
    ("eucap-sahel-niger", True, (r"EUCAP Sahel Niger",), ()),
    ("eucap-somalia", False, (r"EUCAP Somalia",), ()),
    ("eutm-mozambique", False, (r"EUTM Mozambique", r"EUMAM Mozambique"), ()),
    ("eutm-mali", True, (r"EUTM Mali",), ()),
    ("eufor-althea", False, (r"EUFOR(?: Althea)?", r"(?:Operation )?Althea"), ()),
    ("nato-aegean", False, (), (r"(?:the )?Aegean(?: Sea)?",)),
    ("imt-mindanao", False, (r"International Monitoring Team",), ()),
    ("ramsi", True, (r"RAMSI",), ()),
    ("osce-smm", True, (r"Special Monitoring Mission",), ()),
    ("csto-kazakhstan", True, (), ()),
    # round 7: regional forces official prose names in full
    ("eac-rf", False, (r"East African Community [Rr]egional [Ff]orce", r"EACRF", r"EAC-RF"), ()),
    ("ecowas-standby", False, (r"ECOWAS [Ss]tandby [Ff]orce",), ()),
    ("eutm-somalia", False, (r"EUTM Somalia",), ()),
    (
        "imsc-sentinel",
        False,
        (r"International Maritime Security Construct", r"[Mm]aritime [Ss]ecurity [Cc]onstruct", r"IMSC"),
        (),
    ),
    ("siaf-solomons", False, (r"Solomon Islands International Assistance Force", r"SIAF"), ()),
    ("aes-unified-force", False, (r"(?:AES|Sahel [Ss]tates['’]?) [Uu]nified [Ff]orce",), ()),
    # round 8: names and fixed descriptions the z writers used
    ("accra-initiative", False, (r"Accra Initiative",), ()),
    ("ecowas-standby", False, (r"ECOWAS [Ss]tandby [Bb]rigade", r"West African [Ss]tandby [Ff]orce"), ()),
    (
        "aes-unified-force",
        False,
        (
            r"(?:joint|unified) force of the Alliance of Sahel States",
            r"Sahel [Aa]lliance['’]s? (?:joint|unified) force",
        ),
        (),
    ),
    ("untso", False, (r"(?:UN |United Nations )?[Tt]ruce [Ss]upervision [Oo]rgani[sz]ation",), ()),
    ("nnsc-korea", False, (r"Neutral Nations Supervisory Commission", r"NNSC"), ()),
    ("eac-rf", False, (r"East African (?:[Rr]egional )?[Ff]orce", r"EAC [Ff]orce"), ()),
    # round 12: operations the dev batches f12, z10 and z11 (and older ones) name that the table lacked; a
    # claim read for another operation cannot be checked against a record of this one
    ("baltic-air-policing", False, (r"Baltic [Aa]ir[- ][Pp]olicing",), ()),
    ("iceland-air-policing", False, (r"(?:NATO )?[Aa]ir[- ][Pp]olicing (?:of|over|in) Iceland",), ()),
    ("baltic-sentry", False, (r"Baltic Sentry",), ()),
    ("ecomig", False, (r"ECOMIG", r"ECOWAS Mission in (?:[Tt]he )?Gambia"), ()),
    ("eubam-libya", False, (r"EUBAM Libya",), ()),
    ("eubam-rafah", False, (r"EUBAM Rafah",), ()),
    ("euam-iraq", False, (r"EUAM(?: Iraq)?", r"EU Advisory Mission in Iraq"), ()),
    (
        "eumam-ukraine",
        False,
        (r"EUMAM(?: Ukraine)?", r"EU Military Assistance Mission(?: in support of)? Ukraine"),
        (),
    ),
    (
        "oir",
        False,
        (
            r"(?:Operation )?Inherent Resolve",
            r"(?:the )?(?:US-led |U\.S\.-led |global )?coalition against (?:the )?"
            r"(?:Islamic State|ISIS|ISIL|Daesh)",
            r"anti-(?:IS|ISIS|ISIL|Daesh) coalition",
        ),
        (),
    ),
    ("unvmc", False, (r"(?:UN |United Nations )?[Vv]erification [Mm]ission in Colombia",), ()),
    ("unami", False, (r"UNAMI",), ()),
    ("binuh", False, (r"BINUH",), ()),
    ("osce-moldova", False, (r"OSCE Mission to Moldova",), ()),
    (
        "osce-bih",
        False,
        (r"OSCE Mission to Bosnia and Herzegovina", r"OSCE mission in Bosnia(?: and Herzegovina)?"),
        (),
    ),
    (
        "mcm-black-sea",
        False,
        (
            r"MCM Black Sea",
            r"Black Sea (?:[Mm]ine[- ]?[Cc]ounter-?[Mm]easures|[Dd]emining|[Mm]ine-clearing) [Gg]roup",
        ),
        (),
    ),
)

# An operation described rather than named: "the EU's naval operation off Libya", "the SADC mission in
# eastern Congo", "the Central African mission", "the Sinai observers". Who runs it and what kind it is
# choose among the operations in one place: (place, organisation or None, kind or None) -> slug, the
# first matching row wins. A place here may be a country's name: it counts only after an operation word.
_ORGS = {
    "un": r"UN|U\.N\.|United Nations",
    "eu": r"EU|E\.U\.|European Union|European|EU-led|European-led",
    "au": r"AU|African Union",
    "nato": r"NATO|NATO-led|alliance",
    "sadc": r"SADC|Southern African|regional",
    "us": r"U\.S\.-led|US-led|American-led|U\.S\.|US|American",
    "csto": r"CSTO|Russian-led",
}
_KINDS = {
    "naval": r"naval|maritime|navy|counter-piracy|anti-piracy",
    "training": r"training|military assistance|advisory",
    "civilian": r"civilian|police|rule-of-law|capacity-building|monitoring|observer|border",
}
_DESCRIBED: tuple[tuple[str, str | None, str | None, str], ...] = (
    (r"Libya|Tripoli", "eu", "civilian", "eubam-libya"),  # round 12: before the naval operation off Libya
    (r"Libya|(?:the )?(?:central )?Mediterranean", None, None, "eunavfor-irini"),
    (
        r"Somalia|Mogadishu|(?:the )?Horn of Africa|(?:the )?Gulf of Aden|Somali",
        "eu",
        "naval",
        "eunavfor-atalanta",
    ),
    (r"Somalia|Mogadishu|Somali", "eu", "training", "eutm-somalia"),
    (r"Somalia|Mogadishu|(?:the )?Horn of Africa|Somali", "eu", "civilian", "eucap-somalia"),
    (r"Somalia|Mogadishu|Somali", None, None, "aussom"),
    (r"Kosovo", "eu", None, "eulex-kosovo"),
    (r"Kosovo", None, None, "kfor"),
    (r"Georgia", None, None, "eumm-georgia"),
    (r"Armenia", None, None, "euma-armenia"),
    (r"Niger", "eu", None, "eucap-sahel-niger"),
    (r"Mozambique|Cabo Delgado", "eu", None, "eutm-mozambique"),
    (r"Mozambique|Cabo Delgado", None, None, "samim"),
    (
        r"(?:the )?(?:Democratic Republic of (?:the )?)?Congo|DRC|Goma|(?:North |South )?Kivu",
        "sadc",
        None,
        "samidrc",
    ),
    (
        r"(?:the )?(?:Democratic Republic of (?:the )?)?Congo|DRC|Goma|(?:North |South )?Kivu|Congolese",
        None,
        None,
        "monusco",
    ),
    (r"Mali", "eu", None, "eutm-mali"),
    (r"Mali", None, None, "minusma"),
    (r"Cyprus", None, None, "unficyp"),
    (r"Bosnia(?: and Herzegovina)?", None, None, "eufor-althea"),
    (r"(?:the )?Red Sea", "us", None, "prosperity-guardian"),
    (r"(?:the )?Red Sea", None, None, "eunavfor-aspides"),
    (r"(?:the )?Strait of Hormuz|Hormuz|(?:the )?Gulf", None, None, "emasoh"),
    (r"(?:the )?Aegean(?: Sea)?", None, None, "nato-aegean"),
    (r"(?:the )?Sinai(?: [Pp]eninsula)?", None, None, "mfo-sinai"),
    (r"Mindanao", None, None, "imt-mindanao"),
    (r"Kazakhstan|Almaty", "csto", None, "csto-kazakhstan"),
    (r"Abyei", None, None, "unisfa"),
    (r"(?:the )?Solomon Islands|(?:the )?Solomons|Honiara", None, None, "siaf-solomons"),
    (r"Latvia", "nato", None, "efp-latvia"),
    (r"Slovakia", "nato", None, "efp-slovakia"),
    (r"Lithuania", "nato", None, "nato-brigade-lithuania"),
    # round 12: forward presence battle groups, EU and UN missions the dev batches describe
    (r"Estonia", None, None, "efp-estonia"),
    (r"Romania", None, None, "efp-romania"),
    (r"Poland", "nato", None, "efp-poland"),
    (r"Iraq|Baghdad", "eu", None, "euam-iraq"),
    (r"Ukraine", "eu", "training", "eumam-ukraine"),
    (r"(?:the )?Gambia|Banjul", None, None, "ecomig"),
    (r"Colombia", "un", None, "unvmc"),
    (r"Moldova", None, None, "osce-moldova"),
    (r"(?:the )?Black Sea", None, None, "mcm-black-sea"),
    (r"Finland", "nato", None, "nato-flf-finland"),
    (r"Kashmir|(?:the )?Line of Control", None, None, "unmogip"),
    (r"(?:the )?Lake Chad(?: [Bb]asin)?", None, None, "mnjtf"),
    (r"(?:the )?Golan(?: Heights)?", None, None, "undof"),
    (r"(?:the )?Central African Republic|Central African|CAR|Bangui", None, None, "minusca"),
    (r"South Sudan|South Sudanese|Juba", None, None, "unmiss"),
    (r"(?:southern )?Lebanon|Lebanese", None, None, "unifil"),
    (r"Malian", None, None, "minusma"),
)
_OPERATION = (
    r"(?:peacekeeping |peace |stabili[sz]ation |security |military |multinational |international |joint |"
    r"regional |protection |[Kk]osovo |)(?:mission|force|operation|task force|patrol|observers|observer group"
    r"|observer mission|monitors|monitoring team|team|coalition|flotilla|presence|contingent|battle ?group"
    r"|brigade|assistance force)"
)
# words between an organisation and its operation word ("the EU's naval training mission"): no function word
_FILLER = r"(?!(?:to|the|a|an|of|in|on|for|and|or|with|its|their|from|by|at|as|that|which|who)\s)[\w-]+\s+"
_DESCRIBED_ORDER = tuple(dict.fromkeys(place for place, *_ in _DESCRIBED))


@cache
def _described_patterns() -> tuple[re.Pattern[str], ...]:
    """The operation word before its place ("the EU mission in Georgia"), then after it ("the Somali
    mission"), each with an optional organisation in front and kind words between."""
    orgs = "|".join(f"(?P<{key}>{regex})" for key, regex in _ORGS.items())
    kinds = "|".join(f"(?P<{key}>{regex})" for key, regex in _KINDS.items())
    places = "|".join(f"(?:{place})" for place in _DESCRIBED_ORDER)
    org = rf"(?:(?:{orgs})(?:['’]s)?\s+)?"
    words = rf"(?:(?:{kinds})\s+|{_FILLER}){{0,3}}?"
    after = r"\s+(?:in|off|on|along|at|for|to|near|across|over|of)\s+(?:the\s+)?(?:[\w-]+\s+)??"
    return (
        re.compile(rf"(?<![\w-]){org}{words}{_OPERATION}{after}(?P<place>{places})(?![\w-])"),
        re.compile(rf"(?<![\w-]){org}(?P<place>{places})\s+(?:(?:{kinds})\s+)?{_OPERATION}(?![\w-])"),
        re.compile(rf"(?<![\w-]){org.removesuffix('?')}{words}{_OPERATION}(?![\w-])"),
    )


def _described(text: str) -> list[MissionRef]:
    """Operations described with their place, then by their organisation alone ("the EU monitoring
    mission"), whose place is then one named elsewhere in the text ("Georgia has consented to ...")."""
    refs: list[MissionRef] = []
    for pattern in _described_patterns():
        for match in pattern.finditer(text):
            org = next((key for key in _ORGS if match.group(key)), None)
            kind = next((key for key in _KINDS if match.group(key)), None)
            placed = "place" in pattern.groupindex
            slug = _resolve(match.group("place"), org, kind) if placed else _placed_elsewhere(text, org, kind)
            if slug is None or any(r.start < match.end() and match.start() < r.end for r in refs):
                continue
            start, end = match.span()
            host = match.start("place") if placed else -1
            refs.append(MissionRef(slug, start, end, True, slug in _HISTORICAL, host))
    return refs


def _placed_elsewhere(text: str, org: str | None, kind: str | None) -> str | None:
    for place in _DESCRIBED_ORDER:
        found = re.search(rf"(?<![\w-])(?:{place})(?![\w-])", text)
        if found and (slug := _resolve(found.group(), org, kind)):
            return slug
    return None


def _resolve(place: str, org: str | None, kind: str | None) -> str | None:
    for regex, row_org, row_kind, slug in _DESCRIBED:
        if re.fullmatch(regex, place) and row_org in (None, org) and row_kind in (None, kind):
            return slug
    return None


# operations whose name is itself a description ("a stabilization force"): a description around it wins
_GENERIC_NAMES = frozenset({"gaza-isf", "ukraine-mnf"})
_HISTORICAL = frozenset(slug for slug, historical, *_ in _MISSIONS if historical)


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, bool, bool]]]:
    """One alternation (names before places, in table order) and group name -> (slug, by_name, historical)."""
    alternatives: list[str] = []
    groups: dict[str, tuple[str, bool, bool]] = {}
    for by_name in (True, False):
        for slug, historical, names, places in _MISSIONS:
            for regex in names if by_name else places:
                group = f"g{len(groups)}"
                groups[group] = (slug, by_name, historical)
                alternatives.append(f"(?P<{group}>{regex})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w])"), groups


# An operation's acronym not in the table ("UNMIK", "EUCAP Sahel Mali", "AMISEC"): UN, EU and AU
# operations are named so; the slug is the acronym. Agencies, funds and organs of the UN are not operations.
_ACRONYM = re.compile(r"(?<![\w-])(?:UN|MINU|MONU|EU|AMI|AU)[A-Z]{2,}(?: (?:Sahel )?[A-Z][a-z]+)?(?![\w-])")
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
_NOT_OPERATIONS = frozenset(
    [
        "UNHCR",
        "UNICEF",
        "UNDP",
        "UNFPA",
        "UNESCO",
        "UNRWA",
        "UNOCHA",
        "UNGA",
        "UNSC",
        "UNEP",
        "UNODC",
        "UNOPS",
        "UNHRC",
        "UNCTAD",
        "UNIDO",
        "UNITAR",
        "UNOG",
        "UNON",
        "UNWTO",
        "UNAIDS",
        "UNSG",
        "UNMAS",
        "UNDSS",
        "UNOCT",
        "UNFCCC",
        "UNCLOS",
        "UNTAET",
        "EURO",
        "EUCOM",
        "EUROPOL",
        "AUKUS",
    ]
)


def find_missions(text: str) -> list[MissionRef]:
    """Every mission reference in `text`, in order of position (leftmost, then first alternative); an
    operation described by who runs it, its kind and its place stands for the names and places inside it."""
    refs = _described(text)
    described = [(d.start, d.end) for d in refs]
    pattern, groups = _pattern()
    for match in pattern.finditer(text):
        assert match.lastgroup is not None
        slug, by_name, historical = groups[match.lastgroup]
        around = [d for d in refs if d.start <= match.start() < d.end]
        inside = any(start <= match.start() < end for start, end in described)
        if inside and not (by_name and slug not in _GENERIC_NAMES):
            continue
        # a proper name inside a description names the operation: "the East African Community regional
        # force in the Democratic Republic of Congo" is the EAC force, not the UN mission in Congo
        refs = [r for r in refs if r not in around]
        host_start = -1 if by_name else match.start()
        refs.append(MissionRef(slug, match.start(), match.end(), by_name, historical, host_start))
    shouted = len(_CAPITALS.findall(text)) >= 4  # an all-capitals headline: UNTIL or EUROPEAN is a word
    for match in [] if shouted else _ACRONYM.finditer(text):
        name = match.group()
        if name.split()[0] not in _NOT_OPERATIONS and not any(r.start <= match.start() < r.end for r in refs):
            refs.append(MissionRef(name.lower().replace(" ", "-"), match.start(), match.end(), True, False))
    return sorted(refs, key=lambda ref: ref.start)


_TITLES = {
    "gaza-isf": "the International Stabilization Force in Gaza",
    "haiti-gsf": "the Gang Suppression Force in Haiti",
    "haiti-mss": "the Multinational Security Support mission in Haiti",
    "unifil": "UNIFIL in Lebanon",
    "undof": "UNDOF in the Golan Heights",
    "unmiss": "UNMISS in South Sudan",
    "minusca": "MINUSCA in the Central African Republic",
    "monusco": "MONUSCO in the Democratic Republic of the Congo",
    "aussom": "the African Union mission in Somalia (AUSSOM)",
    "ukraine-mnf": "a multinational force for Ukraine",
    "eunavfor-aspides": "the EU naval operation Aspides in the Red Sea",
    "unficyp": "UNFICYP in Cyprus",
    "kfor": "KFOR in Kosovo",
    "isaf": "ISAF in Afghanistan",
    "mnf-iraq": "the multinational force in Iraq",
    "unisfa": "UNISFA in Abyei",
    "minurso": "MINURSO in Western Sahara",
    "untso": "UNTSO",
    "unmogip": "UNMOGIP in Jammu and Kashmir",
    "unmik": "UNMIK in Kosovo",
    "minusma": "MINUSMA in Mali",
    "mfo-sinai": "the Multinational Force and Observers in the Sinai",
    "mnjtf": "the Multinational Joint Task Force in the Lake Chad Basin",
    "samidrc": "the SADC mission in the Democratic Republic of the Congo",
    "samim": "the SADC mission in Mozambique",
    "ctf-151": "Combined Task Force 151",
    "prosperity-guardian": "Operation Prosperity Guardian in the Red Sea",
    "emasoh": "the European-led maritime awareness mission in the Strait of Hormuz",
    "eunavfor-irini": "the EU naval operation Irini in the Mediterranean",
    "eunavfor-atalanta": "the EU naval operation Atalanta off Somalia",
    "eulex-kosovo": "the EU rule-of-law mission in Kosovo (EULEX)",
    "eumm-georgia": "the EU monitoring mission in Georgia",
    "euma-armenia": "the EU mission in Armenia",
    "eucap-sahel-niger": "the EU civilian mission in Niger",
    "eucap-somalia": "the EU civilian mission in Somalia",
    "eutm-mozambique": "the EU military assistance mission in Mozambique",
    "eutm-mali": "the EU training mission in Mali",
    "eufor-althea": "EUFOR Althea in Bosnia and Herzegovina",
    "nato-aegean": "the NATO maritime activity in the Aegean",
    "imt-mindanao": "the International Monitoring Team in Mindanao",
    "ramsi": "the Regional Assistance Mission to Solomon Islands",
    "osce-smm": "the OSCE Special Monitoring Mission to Ukraine",
    "csto-kazakhstan": "the CSTO deployment in Kazakhstan",
    "eac-rf": "the East African Community regional force in the Democratic Republic of the Congo",
    "ecowas-standby": "the ECOWAS Standby Force",
    "eutm-somalia": "the EU training mission in Somalia",
    "imsc-sentinel": "the International Maritime Security Construct (Operation Sentinel)",
    "siaf-solomons": "the Solomon Islands International Assistance Force",
    "aes-unified-force": "the unified force of the Alliance of Sahel States",
    "accra-initiative": "the Accra Initiative's joint operations",
    "nnsc-korea": "the Neutral Nations Supervisory Commission in Korea",
    "efp-latvia": "NATO's forward presence battle group in Latvia",
    "efp-slovakia": "NATO's forward presence battle group in Slovakia",
    "nato-brigade-lithuania": "the NATO brigade in Lithuania",
    "nato-flf-finland": "NATO's forward land forces in Finland",
    "baltic-air-policing": "NATO's Baltic Air Policing",
    "iceland-air-policing": "NATO's air policing of Iceland",
    "baltic-sentry": "NATO's Baltic Sentry",
    "ecomig": "the ECOWAS Mission in The Gambia",
    "eubam-libya": "the EU border assistance mission in Libya",
    "eubam-rafah": "the EU border assistance mission at Rafah",
    "euam-iraq": "the EU advisory mission in Iraq",
    "eumam-ukraine": "the EU military assistance mission for Ukraine",
    "oir": "the coalition against the Islamic State (Operation Inherent Resolve)",
    "unvmc": "the UN Verification Mission in Colombia",
    "unami": "the UN Assistance Mission for Iraq",
    "binuh": "the UN Integrated Office in Haiti",
    "osce-moldova": "the OSCE Mission to Moldova",
    "osce-bih": "the OSCE Mission to Bosnia and Herzegovina",
    "mcm-black-sea": "the Black Sea mine countermeasures group",
    "efp-estonia": "NATO's forward presence battle group in Estonia",
    "efp-romania": "NATO's forward presence battle group in Romania",
    "efp-poland": "NATO's forward presence battle group in Poland",
}


# Hosts and parties of each operation (by slug): their own forces beside it are no contribution to it, so the
# draft gate never drafts from them. A new operation with a host gets a line here too.
HOSTS: dict[str, frozenset[str]] = {
    "gaza-isf": frozenset({"PSE", "ISR"}),
    "haiti-gsf": frozenset({"HTI"}),
    "haiti-mss": frozenset({"HTI"}),
    "unifil": frozenset({"LBN", "ISR"}),
    "undof": frozenset({"SYR", "ISR"}),
    "unmiss": frozenset({"SSD"}),
    "minusca": frozenset({"CAF"}),
    "monusco": frozenset({"COD"}),
    "aussom": frozenset({"SOM"}),
    "ukraine-mnf": frozenset({"UKR", "RUS"}),
    "eunavfor-aspides": frozenset({"YEM"}),
    "unficyp": frozenset({"CYP"}),
    "kfor": frozenset({"SRB", "XKX"}),
    "isaf": frozenset({"AFG"}),
    "mnf-iraq": frozenset({"IRQ"}),
    "unisfa": frozenset({"SDN", "SSD"}),
    "minurso": frozenset({"MAR"}),
    "untso": frozenset({"ISR", "SYR", "LBN", "EGY", "JOR"}),
    "unmogip": frozenset({"IND", "PAK"}),
    "unmik": frozenset({"SRB", "XKX"}),
    "minusma": frozenset({"MLI"}),
    "mfo-sinai": frozenset({"EGY", "ISR"}),
    "samidrc": frozenset({"COD"}),
    "samim": frozenset({"MOZ"}),
    "emasoh": frozenset({"IRN"}),
    "prosperity-guardian": frozenset({"YEM"}),
    "eunavfor-irini": frozenset({"LBY"}),
    "eunavfor-atalanta": frozenset({"SOM"}),
    "eulex-kosovo": frozenset({"SRB", "XKX"}),
    "eumm-georgia": frozenset({"GEO", "RUS"}),
    "euma-armenia": frozenset({"ARM", "AZE"}),
    "eucap-sahel-niger": frozenset({"NER"}),
    "eucap-somalia": frozenset({"SOM"}),
    "eutm-mozambique": frozenset({"MOZ"}),
    "eutm-mali": frozenset({"MLI"}),
    "eufor-althea": frozenset({"BIH"}),
    "imt-mindanao": frozenset({"PHL"}),
    "csto-kazakhstan": frozenset({"KAZ"}),
    "baltic-air-policing": frozenset({"EST", "LVA", "LTU"}),
    "iceland-air-policing": frozenset({"ISL"}),
    "ecomig": frozenset({"GMB"}),
    "eubam-libya": frozenset({"LBY"}),
    "eubam-rafah": frozenset({"PSE", "EGY", "ISR"}),
    "euam-iraq": frozenset({"IRQ"}),
    "eumam-ukraine": frozenset({"UKR", "RUS"}),
    "oir": frozenset({"IRQ", "SYR"}),
    "unvmc": frozenset({"COL"}),
    "unami": frozenset({"IRQ"}),
    "binuh": frozenset({"HTI"}),
    "osce-moldova": frozenset({"MDA"}),
    "osce-bih": frozenset({"BIH"}),
}


def known_missions() -> tuple[str, ...]:
    return tuple(slug for slug, *_ in _MISSIONS)


def mission_title(slug: str | None) -> str:
    """A phrase for prose ("the International Stabilization Force in Gaza"); unknown slugs as given."""
    if slug is None:
        return "the operation"
    return _TITLES.get(slug, slug)
