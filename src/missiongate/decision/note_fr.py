"""The note verbale in French: the formulae of French diplomatic correspondence, the catalogue's French
questions and labels, and the doctrines' French condition statements. A text the note needs that has no
French version refuses the note (naming what is missing) rather than leaving English in it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Literal

from missiongate.catalogue import Catalogue, Fact, FactValue
from missiongate.decision import french
from missiongate.decision.french import capitalised, joined, lower_first, of, to, typography
from missiongate.decision.parties import no_country, requesting_party
from missiongate.doctrine.model import Doctrine, Rule
from missiongate.errors import MissionGateError

_RESOLUTION = re.compile(r"^S/RES/(\d+)\s*\((\d{4})\)$")
_ARTICLE = re.compile(r"^(?:l'|la |le |les )", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FrenchFormulae:
    lang: ClassVar[Literal["fr"]] = "fr"
    number_text: ClassVar[str] = "N°"
    example_text: ClassVar[str] = "DONNÉES D'EXEMPLE — document sans valeur officielle"

    catalogue: Catalogue
    country: french.Country  # the contributor
    ministry: str  # "Ministère des Affaires étrangères de la République d'Azerbaïdjan", or as given
    recipient: str  # "l'Ambassade des États-Unis d'Amérique"
    communication: str  # "la note n° 2026/014 du 2 janvier 2026"
    operation: str  # "l'opération autorisée par la résolution 2803 (2025) du Conseil de sécurité"

    @property
    def sender(self) -> str:
        return capitalised(_ARTICLE.sub("", self.ministry))

    @property
    def the_sender(self) -> str:
        """As a sentence opens with it: "Le Ministère ...", or with the article the user gave."""
        named = self.ministry if _ARTICLE.match(self.ministry) else french.with_article("le", self.ministry)
        return capitalised(named)

    @property
    def recipient_short(self) -> str:
        return french.short_addressee(self.recipient)

    def date(self, day: dt.date) -> str:
        return french.long_date(day)

    def missing(
        self, facts: Iterable[Fact], rules: Iterable[Rule], values: dict[str, FactValue]
    ) -> list[str]:
        """What the note would need in French and the catalogue or the doctrine does not give."""
        asked = list(facts)
        lacking = [f"the question of {f.id}" for f in asked if f.fr is None or not f.fr.question]
        themes = dict.fromkeys(f.theme for f in asked)
        lacking += [f"the theme {t!r}" for t in themes if self.catalogue.theme(t).fr is None]
        lacking += [f"the statement of rule {r.id}" for r in rules if not r.statement_fr]
        if values.get("operation.tasks") and self.catalogue.fact("operation.tasks").fr is None:
            lacking.append("the task labels of operation.tasks")
        return lacking

    def question(self, fact: Fact) -> str:
        assert fact.fr is not None and fact.fr.question  # checked by `missing` first
        return typography(fact.fr.question)

    def theme(self, theme_id: str) -> str:
        label = self.catalogue.theme(theme_id).fr
        assert label is not None
        return typography(label.label)

    def condition(self, rule: Rule) -> str:
        assert rule.statement_fr
        return typography(_sentence(rule.statement_fr))

    def tasks(self, values: dict[str, FactValue]) -> tuple[str, ...]:
        tasks = values.get("operation.tasks")
        fact = self.catalogue.fact("operation.tasks")
        if not isinstance(tasks, frozenset) or not tasks or fact.fr is None:
            return ()
        labels = [lower_first(fact.fr.values[v]) for v in fact.value_ids if v in tasks]
        return (
            typography(f"Le Ministère a pris note des tâches confiées à l'opération : {joined(labels)}."),
        )

    def _reference(self) -> str:
        return (
            f"{self.the_sender} présente ses compliments {to(self.recipient)} et a l'honneur de se référer "
            f"{to(self.communication)} relative à une éventuelle contribution {of(self.country.name)} "
            f"{to(self.operation)}."
        )

    def opening(self, *, asks: bool) -> str:
        purpose = (
            "Le Ministère souhaiterait obtenir des précisions sur les points suivants."
            if asks
            else "Le Ministère a l'honneur de lui faire connaître les conditions auxquelles toute "
            "participation serait subordonnée."
        )
        return typography(f"{self._reference()} {purpose}")

    def pending(self, *, asks: bool) -> str:
        participation = f"quant à la participation {of(self.country.name)}"
        if asks:
            return typography(
                f"Dans l'attente de ces précisions, aucune décision n'a été prise {participation}."
            )
        return typography(f"Aucune décision n'a encore été prise {participation}.")

    def conditions_intro(self, count: int) -> str:
        following = "à la condition suivante" if count == 1 else "aux conditions suivantes"
        return typography(
            f"Le Ministère tient à informer {self.recipient_short} que toute participation "
            f"{of(self.country.name)} serait subordonnée {following} :"
        )

    def desirable_intro(self) -> str:
        verb = "attacheraient" if self.country.name.startswith("les ") else "attacherait"
        return typography(f"{capitalised(self.country.name)} {verb} en outre du prix aux points suivants :")

    def reply(self, *, asks: bool, states: int) -> str:
        views = "ses vues sur cette condition" if states == 1 else "ses vues sur ces conditions"
        parts = (["ses réponses aux questions ci-dessus"] if asks else []) + ([views] if states else [])
        return typography(
            f"Le Ministère saurait gré {to(self.recipient_short)} de bien vouloir lui faire parvenir "
            f"{' ainsi que '.join(parts)} par la voie diplomatique."
        )

    def declining(self) -> tuple[str, str]:
        opening = (
            f"{self._reference()} Après un examen attentif de cette demande, le Ministère a le regret de "
            f"faire savoir {to(self.recipient_short)} que le Gouvernement {self.country.formal_of} n'est "
            "pas en mesure de participer à cette opération."
        )
        thanks = (
            f"Le Ministère remercie {self.recipient_short} de la confiance ainsi témoignée "
            f"{to(self.country.name)}."
        )
        return typography(opening), typography(thanks)

    def closing(self) -> str:
        return typography(
            f"{self.the_sender} saisit cette occasion pour renouveler {to(self.recipient)} les assurances de "
            "sa très haute considération."
        )

    def addressee_line(self) -> str:
        return capitalised(_ARTICLE.sub("", self.recipient))


def french_formulae(
    doctrine: Doctrine,
    values: dict[str, FactValue],
    catalogue: Catalogue,
    *,
    ministry: str | None = None,
    country: str | None = None,
    recipient: str | None = None,
) -> FrenchFormulae:
    """The parties of a note in French: the contributor from `country` (English or French) or the
    doctrine's country, the addressee from `recipient` or the requesting party."""
    if country:
        named = french.country(country)
    elif doctrine.country:
        named = french.country_by_code(doctrine.country)
    else:
        raise MissionGateError(no_country(doctrine))
    return FrenchFormulae(
        catalogue=catalogue,
        country=named,
        ministry=" ".join(ministry.split())
        if ministry
        else f"Ministère des Affaires étrangères {named.formal_of}",
        recipient=french.addressee(requesting_party(values, recipient)),
        communication=_communication(values),
        operation=_operation(values),
    )


def _communication(values: dict[str, FactValue]) -> str:
    reference = values.get("request.reference")
    date = values.get("request.date")
    number = re.sub(r"^(?:No\.|N°|No(?=\s))\s*", "", str(reference)).strip() if reference else ""
    dated = f" du {french.long_date(date)}" if isinstance(date, dt.date) else ""
    if number:
        return f"la note n° {number}{dated}"
    return f"la communication{dated}" if dated else "la récente demande"


def _operation(values: dict[str, FactValue]) -> str:
    """The operation by the resolution that authorises it; its name and any other instrument are data in
    English, so they are not repeated in a French note."""
    instrument = values.get("mandate.instrument")
    match = _RESOLUTION.match(instrument.strip()) if isinstance(instrument, str) else None
    if match:
        return f"l'opération autorisée par la résolution {match[1]} ({match[2]}) du Conseil de sécurité"
    return "l'opération envisagée"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."
