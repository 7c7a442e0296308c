"""scan.first_words: the words every match of a pattern starts with, derived from the pattern (from the tree
re's own parser builds), checked against the lists written by hand beside each pattern before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missiongate.analyzer.scan import Held, Led, first_words
from tests.analyzer.test_scan import DECLARED


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        (r"\b(?:take|use)\s+force", re.I, (("take", "use"), False)),  # alternation
        (
            r"\b(?:(?:also|once again)\s+)?decides?",
            re.I,
            (("also", "decide", "once"), False),
        ),  # optional group
        (r"\bauthori[sz]es\b", re.I, (("authorises", "authorizes"), False)),  # a class of letters
        (r"\b[Tt]he\s+Mission", 0, (("the",), False)),  # a class at the start, folded
        (r"\bstatus\w*\s+of", re.I, (("status",), False)),  # \w ends the word
        (r"\bMission\b", 0, (("mission",), False)),  # case-sensitive: looked up lower-cased
        (r"\b(?-i:SOFA)|\bsoma", re.I, (("sofa", "soma"), False)),  # scoped flags
        (r"(?<![\w-])seiz\w*", re.I, (("seiz",), False)),  # a look-behind for a word start
        (r"(?<!Forces\s)\bagreements?", re.I, (("agreement",), False)),  # other look-behinds only narrow
        (r"\b(?:un|united)\s", re.I, (("un",), False)),  # a word that starts another is enough
        (r"cease-?\s?fire", re.I, (("cease",), True)),  # no word-start test: anywhere
        (r"[“\"]?United", 0, (('"united', "united", "“united"), True)),
        (r"\bhost[- ]State|consent\s+of", re.I, (("consent", "host state", "host-state"), True)),
    ],
)
def test_first_words(source: str, flags: int, expected: tuple[tuple[str, ...], bool]) -> None:
    assert first_words(re.compile(source, flags)) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"\d+\s+troops",  # a digit
        r"\b\w+\s+force",  # any word
        r"\b.force",  # any character
        r"\b(?:force)?",  # nothing
        r"\ba\s+force",  # a word of one letter is not indexed
        r"(?i:É)cole",  # a letter ASCII lower-casing does not fold
        r"\b(?:force|\d)",  # one branch of many
        r"\b(?P<x>ab)(?P=x)|(?P=x)",  # a group reference
    ],
)
def test_first_words_cannot_tell(source: str) -> None:
    assert first_words(re.compile(source)) is None


def test_a_class_too_wide_ends_the_word() -> None:
    assert first_words(re.compile(r"\bUN[A-Z]{2,}\b")) == (("un",), False)
    assert first_words(re.compile(r"\b[A-Z]{2,}\b")) is None


@given(st.lists(st.from_regex(r"[a-z]{2,8}", fullmatch=True), min_size=1, max_size=6))
def test_first_words_of_an_alternation_of_words(words: list[str]) -> None:
    found = first_words(re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I))
    assert found is not None and not found[1]
    # every word starts with one derived, and every derived is one of the words
    assert all(any(word.startswith(start) for start in found[0]) for word in words)
    assert set(found[0]) <= set(words)


# The lists written by hand beside each pattern before they were derived (commit ed4cfca), and whether the
# pattern ran anywhere in a word (`inside`).
HAND: dict[str, tuple[tuple[str, ...], bool]] = {
    "classify._OFFENSIVE": (("offensive", "operations"), False),
    "classify._STABILIZATION_FORCE": (("stabili",), False),
    "clauses._VERB_AT": (
        (
            "also",
            "further",
            "again",
            "strongly",
            "once",
            "hereby",
            "decide",
            "authori",
            "requests",
            "directs",
            "instructs",
            "entrusts",
            "mandates",
            "approves",
            "endorses",
            "encourages",
            "invites",
            "calls",
            "urges",
            "appeals",
            "demands",
            "welcomes",
            "notes",
            "takes",
            "stresses",
            "underlines",
            "emphasi",
            "supports",
            "condemns",
            "reaffirms",
            "reiterates",
            "expresses",
            "commends",
            "affirms",
            "recogni",
            "insists",
            "agrees",
            "underscores",
            "declares",
            "considers",
            "deplores",
            "looks",
            "requires",
            "resolves",
            "recommends",
            "acknowledges",
            "believes",
        ),
        False,
    ),
    "clauses._DEFINED_OPERATION": (("mission", "force", "operation", "office", "presence"), False),
    "context._COMPOSED": (("compris", "compos", "consist"), False),
    "context._CONDUCT_BEFORE": (("zero", "misconduct", "conduct"), False),
    "context._FRAME": (("consistent", "in", "taking", "bearing", "mindful", "with"), False),
    "context._OWN_CONDUCT": (("its", "their"), False),
    "context._WOMEN_IN": (
        ("participation", "involvement", "representation", "inclusion", "engagement"),
        False,
    ),
    "legal._ACTING_AT": (("acting", "decides"), False),
    "legal._ACTING_ARTICLES_AT": (("acting",), False),
    "legal._ALL_NECESSARY_AT": (("all",), False),
    "legal._NECESSARY_ACTION_AT": (("take", "use"), False),
    "legal._NECESSARY_FORCE_AT": (("take", "use"), False),
    "legal._SUCH_MEASURES_AT": (("such",), False),
    "legal._AROUND[consent.consent_of_parties][0]": (("parties",), True),
    "legal._AROUND[consent.parties_accept][0]": (("parties",), True),
    "legal._AROUND[consent.request_of_state][0]": (("’", "'", "requested", "invited"), True),
    "legal._AROUND[consent.request_of_state_organ][0]": (
        ("request", "invitation", "consent", "concurrence", "acceptance", "approval"),
        True,
    ),
    "legal._AROUND[consent.organ_requested][0]": (("requested", "invited", "asked"), True),
    "legal._AROUND[consent.consent_of_government][0]": (
        ("consent", "agreement", "concurrence", "acceptance", "approval", "host"),
        True,
    ),
    "legal._SCANS[consent.request_of_parties]": (("at", "request", "shared", "joint", "on", "agreed"), False),
    "legal._SCANS[consent.named_for_agreement]": (("mission", "operation", "force", "office"), False),
    "legal._SCANS[consent.agreements_with_operation]": (("agreement",), False),
    "legal._SCANS[consent.request_of_government]": (
        ("request", "invitation", "shared", "joint", "letter", "wish"),
        False,
    ),
    "legal._SCANS[consent.request_of_state_organ]": (
        ("request", "invitation", "consent", "concurrence", "acceptance", "approval"),
        False,
    ),
    "legal._SCANS[consent.consent_of_government]": (
        ("consent", "agreement", "concurrence", "acceptance", "approval", "with", "host"),
        True,
    ),
    "legal._SCANS[consent.given_by_government]": (
        ("consent", "acceptance", "approval", "concurrence"),
        False,
    ),
    "legal._SCANS[consent.decided_in_consultation]": (("decide",), False),
    "legal._SCANS[consent.hosts_operation]": (("government", "authorities"), False),
    "legal._SCANS[consent.status_of_forces]": (
        ("status", "sofa", "soma", "host", "agreement", "memorand", "exchange"),
        False,
    ),
    "legal._SCANS[agreement.ceasefire_agreement]": (("cease", "agreement", "cessation"), True),
    "legal._SCANS[agreement.peace_agreement]": (("peace", "agreement", "general"), True),
    "legal._PARTIES_TO": (("parties",), False),
    "lexicon._CUE_RE": (
        (
            "ensur",
            "provid",
            "creat",
            "seiz",
            "confiscat",
            "destroy",
            "dispos",
            "neutrali",
            "apprehend",
            "maint",
            "contribut",
            "secur",
            "protect",
            "safeguard",
            "escort",
            "guard",
            "deter",
            "monitor",
            "verif",
            "observ",
            "supervis",
            "investigat",
            "report",
            "inspect",
            "oversee",
            "oversight",
            "watch",
            "document",
            "keep",
            "include",
            "assist",
            "support",
            "help",
            "play",
            "facilitat",
            "advis",
            "advice",
            "train",
            "coordinat",
            "promot",
            "organi",
            "conduct",
            "carry",
            "develop",
            "rehabilitat",
            "undertak",
            "good",
            "mediat",
            "strengthen",
            "build",
            "track",
            "gather",
            "collect",
            "record",
            "advoca",
            "engag",
            "work",
            "accompan",
            "mentor",
            "enhanc",
            "foster",
            "reinforc",
            "bolster",
            "encourag",
            "sensiti",
            "mainstream",
            "liais",
            "empower",
            "enabl",
        ),
        False,
    ),
    "operation._LED_ACTIONS[0][1]": (("decide", "authori", "requests"), False),
    "operation._LED_ACTIONS[1][1]": (
        ("extend", "renew", "prolong", "mandate", "decide", "maintain", "for", "authori", "approves"),
        False,
    ),
    "operation._LED_ACTIONS[2][1]": (
        (
            "expand",
            "enlarge",
            "adjust",
            "modify",
            "revise",
            "increas",
            "strengthen",
            "reduc",
            "decreas",
            "amend",
            "decide",
            "add",
            "include",
            "shall",
            "authori",
        ),
        False,
    ),
    "operation._LED_ACTIONS[3][1]": (("terminat", "end", "decide", "mandate", "bring", "shall"), False),
    "operation._LED_ACTIONS[4][1]": (("shall", "will", "to", "reconfigur", "take", "decide"), False),
    "operation._LED_ACTIONS[5][1]": (("authori",), False),
    "operation._COMMENCE_PERIOD": (("commence",), False),
    "operation._APPROVES_REPORT_AT": (("approves", "endorses", "welcomes", "takes"), False),
    "operation._NAME_AT": (("“", '"', "united"), True),
    "subject._FULL_NAME": (("united", "un"), False),
    # each task's phrases (lexicon.COMPILED, round 10): a few words its phrases start with, by hand
    **{
        f"lexicon.COMPILED[{task}]": (words, False)
        for task, words in {
            "DisarmDemob": ("disarm", "demobiliz", "cantonment", "disband"),
            "Reintegration": ("reintegrat", "reinsertion", "community"),
            "ControlSALW": ("small", "light", "weapons", "collect"),
            "ArmsEmbargo": ("arms", "embargo", "breach"),
            "CivProtect": ("protect", "civilian", "threats"),
            "HumanRights": ("human", "fundamental", "arbitrary"),
            "ChildRights": ("child", "recruitment", "six"),
            "SGBViolence": ("sexual", "gender", "rape", "violence"),
            "PoliceReform": ("police", "gendarmerie", "security", "internal"),
            "MilitaryReform": ("integration", "restructuring", "train", "mentor", "army"),
            "Demil": ("demilitariz", "buffer", "withdrawal", "neutral"),
            "OffensOper": ("offensive", "neutraliz", "targeted", "operations"),
            "JusticeReform": ("judicial", "justice", "rule", "investigat"),
            "TransJustice": ("prosecut", "war", "tribunal", "truth", "exhumation"),
            "CorrectionsReform": ("prison", "correction", "detention", "improv"),
            "BorderControl": ("border", "frontier", "boundary"),
            "Demining": ("mine", "demining", "explosive", "clearance"),
            "Resources": ("natural", "timber", "diamonds", "hydrocarbon", "gold"),
            "StateAuthority": ("state", "civil", "decentralization", "presence"),
            "Democratization": ("democratization", "democratic", "parliament"),
            "ElectSec": ("security", "safety", "electoral"),
            "ElectAssist": ("election", "electoral", "referendum", "popular"),
            "VoterEducation": ("voter", "civic", "registration"),
            "PolPartyAssist": ("political",),
            "CivilSociety": ("civil", "civic", "national"),
            "Media": ("media", "radio", "broadcast", "press"),
            "PublicInfo": ("public", "information", "strategic", "its", "explain"),
            "PowerSharing": ("power", "government", "distribution", "allocation"),
            "Reconcil": ("national", "reconciliation", "confidence"),
            "LocalReconcil": ("local", "communal", "dialogue", "confidence"),
            "RegReconcil": ("regional", "good", "normaliz", "cross", "trust"),
            "EcDevelop": ("economic", "poverty", "livelihoods", "revival"),
            "HumanRelief": ("humanitarian", "relief", "provision"),
            "PublicHealth": ("public", "health", "cholera", "vaccination", "measles"),
            "RefugeeIDPs": ("refugee", "displaced", "displacement", "persons"),
            "Gender": ("gender", "women"),
            "LegalReform": ("legislation", "legal", "constitution", "revision"),
            "Ceasefire": ("cease", "cessation", "truce", "resumption"),
            "PeaceProcess": ("peace", "political", "good", "mediation", "implementation"),
            "CulturalHeritage": ("cultural", "historic", "museum", "tombs", "places"),
            "UseOfForce": ("all", "use", "acting"),
        }.items()
    },
}
LED = {name: led for name, led in DECLARED if isinstance(led, Led)}


@pytest.mark.parametrize("name", sorted(HAND))
def test_derived_words_cover_the_hand_written_ones(name: str) -> None:
    """Each hand-written word is a derived one, starts with one, or begins one (`authori` / `authorize`,
    `authorise`): the derived words try every start the hand-written ones did that can begin a match."""
    led = LED[name]
    hand, inside = HAND[name]
    assert led.words is not None and led.inside == inside
    assert all(any(h.startswith(w) or w.startswith(h) for w in led.words) for h in hand)


def test_every_declared_led_pattern_has_its_first_words() -> None:
    """None runs as plain re by surprise: each Led declared derives its words (there is no override)."""
    assert sorted(LED) == sorted(HAND)
    assert all(led.words for led in LED.values())
    assert any(isinstance(led, Held) for _, led in DECLARED)
