"""French as a diplomatic document writes it: country names with their article, the prepositions "de"
and "à" contracted with it, addressees, dates, lists, and the non-breaking spaces of French typography."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from missiongate.errors import MissionGateError

NBSP = "\u00a0"  # before ":" and inside « »
NNBSP = "\u202f"  # the narrow one, before ";", "!" and "?"

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@dataclass(frozen=True, slots=True)
class Country:
    """A state as French names it: in running text ("l'Azerbaïdjan"), after the name of one of its
    institutions ("l'Ambassade d'Azerbaïdjan", "du Japon", "des États-Unis d'Amérique"), and formally."""

    name: str  # with its article, if it takes one
    of: str  # the complement after "Ambassade", "Ministère", "Gouvernement"
    formal: str = ""  # "la République d'Azerbaïdjan", when it differs

    @property
    def formal_of(self) -> str:
        """After "Ministère" or "Gouvernement": "de la République d'Azerbaïdjan", "du Japon"."""
        return of(self.formal) if self.formal else self.of


# The states of the realistic missions and the built-in doctrines, and the main troop contributors.
# ISO 3166-1 alpha-3 | running text | after an institution | formal name (if any)
TABLE = """
AFG | l'Afghanistan | d'Afghanistan |
ARE | les Émirats arabes unis | des Émirats arabes unis |
ARG | l'Argentine | d'Argentine | la République argentine
AUS | l'Australie | d'Australie |
AUT | l'Autriche | d'Autriche | la République d'Autriche
AZE | l'Azerbaïdjan | d'Azerbaïdjan | la République d'Azerbaïdjan
BDI | le Burundi | du Burundi | la République du Burundi
BEL | la Belgique | de Belgique | le Royaume de Belgique
BEN | le Bénin | du Bénin | la République du Bénin
BFA | le Burkina Faso | du Burkina Faso |
BGD | le Bangladesh | du Bangladesh | la République populaire du Bangladesh
BRA | le Brésil | du Brésil | la République fédérative du Brésil
CAF | la République centrafricaine | de la République centrafricaine |
CAN | le Canada | du Canada |
CHE | la Suisse | de Suisse | la Confédération suisse
CHL | le Chili | du Chili | la République du Chili
CHN | la Chine | de Chine | la République populaire de Chine
CIV | la Côte d'Ivoire | de Côte d'Ivoire | la République de Côte d'Ivoire
CMR | le Cameroun | du Cameroun | la République du Cameroun
COD | la République démocratique du Congo | de la République démocratique du Congo |
COG | le Congo | du Congo | la République du Congo
COL | la Colombie | de Colombie | la République de Colombie
CYP | Chypre | de Chypre | la République de Chypre
DEU | l'Allemagne | d'Allemagne | la République fédérale d'Allemagne
DNK | le Danemark | du Danemark | le Royaume du Danemark
DZA | l'Algérie | d'Algérie | la République algérienne démocratique et populaire
EGY | l'Égypte | d'Égypte | la République arabe d'Égypte
ESP | l'Espagne | d'Espagne | le Royaume d'Espagne
ETH | l'Éthiopie | d'Éthiopie | la République fédérale démocratique d'Éthiopie
FIN | la Finlande | de Finlande | la République de Finlande
FJI | les Fidji | des Fidji | la République des Fidji
FRA | la France | de France | la République française
GBR | le Royaume-Uni | du Royaume-Uni | le Royaume-Uni de Grande-Bretagne et d'Irlande du Nord
GHA | le Ghana | du Ghana | la République du Ghana
GMB | la Gambie | de Gambie | la République de Gambie
GRC | la Grèce | de Grèce | la République hellénique
GTM | le Guatemala | du Guatemala | la République du Guatemala
HTI | Haïti | d'Haïti | la République d'Haïti
IDN | l'Indonésie | d'Indonésie | la République d'Indonésie
IND | l'Inde | de l'Inde | la République de l'Inde
IRL | l'Irlande | d'Irlande |
IRN | l'Iran | d'Iran | la République islamique d'Iran
IRQ | l'Iraq | d'Iraq | la République d'Iraq
ISR | Israël | d'Israël | l'État d'Israël
ITA | l'Italie | d'Italie | la République italienne
JOR | la Jordanie | de Jordanie | le Royaume hachémite de Jordanie
JPN | le Japon | du Japon |
KAZ | le Kazakhstan | du Kazakhstan | la République du Kazakhstan
KEN | le Kenya | du Kenya | la République du Kenya
KHM | le Cambodge | du Cambodge | le Royaume du Cambodge
KOR | la République de Corée | de la République de Corée |
KWT | le Koweït | du Koweït | l'État du Koweït
LBN | le Liban | du Liban | la République libanaise
LBY | la Libye | de Libye | l'État de Libye
LKA | le Sri Lanka | du Sri Lanka | la République socialiste démocratique de Sri Lanka
MAR | le Maroc | du Maroc | le Royaume du Maroc
MEX | le Mexique | du Mexique | les États-Unis du Mexique
MLI | le Mali | du Mali | la République du Mali
MNG | la Mongolie | de Mongolie |
MYS | la Malaisie | de Malaisie |
NER | le Niger | du Niger | la République du Niger
NGA | le Nigéria | du Nigéria | la République fédérale du Nigéria
NLD | les Pays-Bas | des Pays-Bas | le Royaume des Pays-Bas
NOR | la Norvège | de Norvège | le Royaume de Norvège
NPL | le Népal | du Népal | la République fédérale démocratique du Népal
NZL | la Nouvelle-Zélande | de Nouvelle-Zélande |
OMN | Oman | d'Oman | le Sultanat d'Oman
PAK | le Pakistan | du Pakistan | la République islamique du Pakistan
PER | le Pérou | du Pérou | la République du Pérou
PHL | les Philippines | des Philippines | la République des Philippines
POL | la Pologne | de Pologne | la République de Pologne
PRT | le Portugal | du Portugal | la République portugaise
PSE | l'État de Palestine | de l'État de Palestine |
QAT | le Qatar | du Qatar | l'État du Qatar
RUS | la Fédération de Russie | de la Fédération de Russie |
RWA | le Rwanda | du Rwanda | la République du Rwanda
SAU | l'Arabie saoudite | d'Arabie saoudite | le Royaume d'Arabie saoudite
SDN | le Soudan | du Soudan | la République du Soudan
SEN | le Sénégal | du Sénégal | la République du Sénégal
SOM | la Somalie | de Somalie | la République fédérale de Somalie
SRB | la Serbie | de Serbie | la République de Serbie
SSD | le Soudan du Sud | du Soudan du Sud | la République du Soudan du Sud
SWE | la Suède | de Suède | le Royaume de Suède
SYR | la République arabe syrienne | de la République arabe syrienne |
TCD | le Tchad | du Tchad | la République du Tchad
TGO | le Togo | du Togo | la République togolaise
THA | la Thaïlande | de Thaïlande | le Royaume de Thaïlande
TUN | la Tunisie | de Tunisie | la République tunisienne
TUR | la Türkiye | de Türkiye | la République de Türkiye
TZA | la Tanzanie | de Tanzanie | la République-Unie de Tanzanie
UGA | l'Ouganda | de l'Ouganda | la République de l'Ouganda
UKR | l'Ukraine | d'Ukraine |
URY | l'Uruguay | de l'Uruguay | la République orientale de l'Uruguay
USA | les États-Unis d'Amérique | des États-Unis d'Amérique |
VNM | le Viet Nam | du Viet Nam | la République socialiste du Viet Nam
YEM | le Yémen | du Yémen | la République du Yémen
ZAF | l'Afrique du Sud | d'Afrique du Sud | la République sud-africaine
ZMB | la Zambie | de Zambie | la République de Zambie
"""

_VOWELS = "aeiouyhàâäéèêëîïôöùûüœæ"
# Formal first words and their article, for names outside the table ("République du Chili").
_FORMAL_WORDS = {
    "république": "la",
    "fédération": "la",
    "confédération": "la",
    "principauté": "la",
    "union": "la",
    "royaume": "le",
    "royaume-uni": "le",
    "sultanat": "le",
    "grand-duché": "le",
    "état": "le",
    "états": "les",
    "émirats": "les",
    "îles": "les",
}
_NO_ARTICLE = frozenset(
    {"israël", "chypre", "cuba", "haïti", "madagascar", "malte", "maurice", "monaco", "oman", "singapour"}
    | {"bahreïn", "djibouti", "nauru", "tuvalu", "kiribati", "sainte-lucie", "saint-marin", "tonga"}
)
_MASCULINE_IN_E = frozenset({"mexique", "cambodge", "mozambique", "zimbabwe", "belize", "suriname"})
_SINGULAR_IN_S = frozenset({"laos", "honduras", "bélarus"})
# French institutions an addressee may be named as, with the article each takes.
_INSTITUTIONS = {
    "ambassade": "la",
    "mission": "la",
    "délégation": "la",
    "représentation": "la",
    "organisation": "la",
    "ligue": "la",
    "union": "la",
    "ministère": "le",
    "secrétariat": "le",
    "département": "le",
    "bureau": "le",
    "conseil": "le",
    "consulat": "le",
    "gouvernement": "le",
    "commandement": "le",
    "haut-commissariat": "le",
}


def with_article(article: str, name: str) -> str:
    """ "la" + "Ambassade de France" -> "l'Ambassade de France"."""
    if article != "les" and name[:1].lower() in _VOWELS:
        return "l'" + name
    return f"{article} {name}"


def of(name: str) -> str:
    """ "de" before a name with its article: "du Japon", "des États-Unis", "de la France", "de l'Inde",
    "d'Israël"."""
    return _contracted(name, "du", "des", "de")


def to(name: str) -> str:
    """ "à" before a name with its article: "au Secrétariat", "à l'Ambassade", "aux États-Unis"."""
    return _contracted(name, "au", "aux", "à")


def _contracted(name: str, masculine: str, plural: str, plain: str) -> str:
    lowered = name.lower()
    if lowered.startswith("le "):
        return f"{masculine} {name[3:]}"
    if lowered.startswith("les "):
        return f"{plural} {name[4:]}"
    if lowered.startswith(("la ", "l'")):
        return f"{plain} {name}"
    if plain == "de" and lowered[:1] in _VOWELS:
        return "d'" + name
    return f"{plain} {name}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@cache
def _table() -> dict[str, Country]:
    rows = (line.split("|") for line in TABLE.strip().splitlines())
    return {
        code.strip(): Country(name.strip(), of_.strip(), formal.strip()) for code, name, of_, formal in rows
    }


@cache
def _english_names() -> dict[str, str]:
    """Every English name of the gazetteer, lowercased and without "the", to its ISO code."""
    from missiongate.claims.countries import TABLE as GAZETTEER

    index: dict[str, str] = {}
    for line in GAZETTEER.strip().splitlines():
        code, names = (cell.strip() for cell in line.split("|")[:2])
        for name in names.split(";"):
            index.setdefault(name.strip().lower().removeprefix("the "), code)
    return index


def country_by_code(code: str) -> Country:
    try:
        return _table()[code]
    except KeyError:
        raise MissionGateError(
            f"no French name is known for the country {code}: give it in French as the contributor's name"
        ) from None


@cache
def _french_names() -> dict[str, Country]:
    """The table's French names, lowercased, with and without their article."""
    return {
        key.lower(): country
        for country in _table().values()
        for key in (country.name, _article(country.name)[1])
    }


def country(name: str) -> Country:
    """A state named in French or in English (from the gazetteer); an English name with no French form
    in the table is refused rather than left in English."""
    name = " ".join(name.split())
    if name.lower() in _french_names():
        return _french_names()[name.lower()]
    code = _english_names().get(name.lower().removeprefix("the "))
    if code in _table():
        return _table()[code]
    if code is not None and name.lower() not in _NO_ARTICLE:  # English: French may name it otherwise
        raise MissionGateError(
            f"no French name is known for {name!r}: give it in French with its article "
            '(e.g. "le Chili", "la Bolivie")'
        )
    return french_country(name)


def french_country(name: str) -> Country:
    """A French name outside the table, by the rules of French usage: "Chili" is "le Chili" and "du
    Chili", "Bolivie" "la Bolivie" and "de Bolivie", a formal name keeps its article after "de"."""
    article, bare = _article(name)
    first = bare.split(" ", 1)[0].lower()
    if first in _FORMAL_WORDS:  # "la République du Chili", "de la République du Chili"
        named = with_article(article or _FORMAL_WORDS[first], bare)
        return Country(named, of(named))
    article = article or _gender(bare)
    if not article:
        return Country(bare, of(bare))
    named = with_article(article, bare) if article != "l'" else "l'" + bare
    if named.startswith(("le ", "les ")):
        return Country(named, of(named))
    return Country(named, of(bare))  # feminine or elided: "de France", "d'Iran"


def _article(name: str) -> tuple[str, str]:
    """A name's article as given and the name without it: "la France" -> ("la", "France")."""
    match = re.match(r"(l'|la |le |les )(.+)", name, flags=re.IGNORECASE)
    return (match[1].strip().lower(), match[2]) if match else ("", name)


def _gender(name: str) -> str:
    """The article a country name takes: none for the islands and cities, "les" for plurals, "la" for
    names in -e, otherwise "le"."""
    lowered = name.lower()
    if lowered in _NO_ARTICLE:
        return ""
    if lowered.endswith("s") and lowered not in _SINGULAR_IN_S:
        return "les"
    if lowered.endswith("e") and lowered not in _MASCULINE_IN_E:
        return "la"
    return "le"


def addressee(party: str) -> str:
    """The addressee of a note, with its article: "l'Ambassade des États-Unis d'Amérique"; a French
    institution as it is named ("le Secrétariat de l'Organisation des Nations Unies")."""
    name = " ".join(party.split())
    if not name:
        raise MissionGateError("the requesting party has no name")
    name = re.sub(r"^(?:the )?embassy of ", "", name, flags=re.IGNORECASE)
    if re.match(r"(?:l'|la |le |les )", name, flags=re.IGNORECASE):
        name = name[:1].lower() + name[1:]  # "L'Ambassade ..." is named after a preposition
    first = name.split(" ", 1)[0].lower()
    stripped = re.sub(r"^(?:l'|la |le |les )", "", name, flags=re.IGNORECASE)
    institution = stripped.split(" ", 1)[0].lower()
    if institution in _INSTITUTIONS:
        return name if first != institution else with_article(_INSTITUTIONS[institution], name)
    from missiongate.decision.wording import is_institution

    if is_institution(name):
        raise MissionGateError(
            f"no French name is known for the addressee {name!r}: give it in French as the addressee "
            '(e.g. "le Secrétariat de l\'Organisation des Nations Unies")'
        )
    return f"l'Ambassade {country(name).of}"


def short_addressee(recipient: str) -> str:
    """How the rest of the note refers to the addressee: "l'Ambassade", "la Mission"."""
    for word, article in (("Ambassade", "la"), ("Mission", "la")):
        named = with_article(article, word)
        if recipient.startswith(named + " "):
            return named
    return recipient


def long_date(day: dt.date) -> str:
    """ "2 janvier 2026", "1er mars 2026"."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number}{NBSP}{MONTHS[day.month - 1]} {day.year}"


def joined(items: Sequence[str]) -> str:
    """ "a", "a et b", "a, b et c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} et {items[-1]}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]*([;!?])")
_SPACE_BEFORE_COLON = re.compile(r"(?<!\d)[ \u00a0\u202f]*:(?=[^\S\u00a0]|$)")  # not "10:30"
_GUILLEMETS = (re.compile(r"«[ \u00a0]*"), re.compile(r"[ \u00a0]*»"))


def typography(text: str) -> str:
    """French spacing: a narrow non-breaking space before ; ! ?, a non-breaking one before : and inside
    « », and after "n°"."""
    text = _SPACE_BEFORE.sub(lambda m: NNBSP + m[1], text)
    text = _SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    text = _GUILLEMETS[0].sub("«" + NBSP, text)
    text = _GUILLEMETS[1].sub(NBSP + "»", text)
    return re.sub(r"\bn° *", "n°" + NBSP, text)
