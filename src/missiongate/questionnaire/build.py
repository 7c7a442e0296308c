"""The clarification questionnaire: the relevant unknown facts, ranked by impact and grouped by theme."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from missiongate.catalogue import Catalogue, Fact, FactValue, load_catalogue
from missiongate.doctrine.model import Doctrine, Rule, RuleKind
from missiongate.evaluator import RuleStatus, rule_status
from missiongate.mission import Mission
from missiongate.questionnaire.relevance import relevant

# How much an open question on a rule of each kind weighs in the ranking.
KIND_WEIGHT = {
    RuleKind.RED_LINE: 8,
    RuleKind.REQUIREMENT: 4,
    RuleKind.CONDITION: 2,
    RuleKind.CONSIDERATION: 1,
}
DECLINE_BONUS = 5  # an answer that alone could decide DECLINE comes first


@dataclass(frozen=True, slots=True)
class Question:
    number: int
    fact: Fact
    theme_label: str
    impact: int
    rules: tuple[str, ...]  # ids of the rules the answer can settle
    could_decline: bool  # some answer would decide a decline

    @property
    def text(self) -> str:
        return self.fact.question


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """What to ask the requesting party, what we establish ourselves, and the conditions we state."""

    doctrine: Doctrine
    mission_id: str | None
    mission_title: str | None
    questions: tuple[Question, ...]
    internal: tuple[Fact, ...] = field(default=())  # relevant, settled by us, the record or the analyst
    conditions: tuple[Rule, ...] = field(default=())  # our conditions still to be secured: stated, not asked

    def groups(self) -> list[tuple[str, list[Question]]]:
        """Questions by theme, in the order they are numbered."""
        grouped: dict[str, list[Question]] = {}
        for question in self.questions:
            grouped.setdefault(question.theme_label, []).append(question)
        return list(grouped.items())

    @property
    def facts(self) -> list[str]:
        return [q.fact.id for q in self.questions]


def open_questions(
    doctrine: Doctrine, values: Mapping[str, FactValue]
) -> dict[str, tuple[list[str], bool, int]]:
    """Per relevant unknown fact: the rules it can settle, whether it could decide DECLINE, its impact."""
    rules = doctrine.rules_by_id
    return {
        fact_id: (
            list(why.rules),
            why.could_decline,
            sum(KIND_WEIGHT[rules[r].kind] for r in why.rules) + (DECLINE_BONUS if why.could_decline else 0),
        )
        for fact_id, why in relevant(doctrine, values).items()
    }


def conditions_to_secure(doctrine: Doctrine, values: Mapping[str, FactValue]) -> tuple[Rule, ...]:
    """Our conditions not yet accepted: stated to the requesting party, never asked as questions."""
    return tuple(
        rule
        for rule in doctrine.rules
        if rule.kind is RuleKind.CONDITION and rule_status(rule, values) is RuleStatus.UNDETERMINED
    )


def build_questionnaire(
    doctrine: Doctrine,
    facts: Mission | Mapping[str, FactValue],
    catalogue: Catalogue | None = None,
) -> Questionnaire:
    catalogue = catalogue or load_catalogue()
    mission = facts if isinstance(facts, Mission) else None
    values = _accepted_values(facts) if isinstance(facts, Mission) else facts
    found = open_questions(doctrine, values)
    askable = [fid for fid in found if catalogue.fact(fid).ask]
    theme_rank = _theme_ranking(catalogue, askable, found)
    fact_order = {fact.id: index for index, fact in enumerate(catalogue.facts)}
    ordered = sorted(
        askable,
        key=lambda fid: (theme_rank[catalogue.fact(fid).theme], -found[fid][2], fact_order[fid]),
    )
    questions = tuple(
        Question(
            number=index,
            fact=catalogue.fact(fid),
            theme_label=catalogue.theme_labels[catalogue.fact(fid).theme],
            impact=found[fid][2],
            rules=tuple(found[fid][0]),
            could_decline=found[fid][1],
        )
        for index, fid in enumerate(ordered, start=1)
    )
    internal = tuple(
        catalogue.fact(fid) for fid in sorted(found, key=fact_order.__getitem__) if fid not in askable
    )
    return Questionnaire(
        doctrine,
        mission.id if mission else None,
        mission.title if mission else None,
        questions,
        internal,
        conditions_to_secure(doctrine, values),
    )


def _accepted_values(mission: Mission) -> dict[str, FactValue]:
    """What the questionnaire may rest on: facts an analyst has not accepted never change what is asked."""
    return {fact_id: record.value for fact_id, record in mission.records.items() if not record.proposed}


def _theme_ranking(
    catalogue: Catalogue, fact_ids: Iterable[str], found: Mapping[str, tuple[list[str], bool, int]]
) -> dict[str, int]:
    """Themes ordered by their most important question, ties in catalogue order."""
    best: dict[str, int] = {}
    for fid in fact_ids:
        theme = catalogue.fact(fid).theme
        best[theme] = max(best.get(theme, 0), found[fid][2])
    ordered = sorted(best, key=lambda t: (-best[t], catalogue.theme_order[t]))
    return {theme: rank for rank, theme in enumerate(ordered)}
