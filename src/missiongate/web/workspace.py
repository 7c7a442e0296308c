"""What the pages show of a case, computed from the store and the core; and the writes the pages make.

The doctrines are the app's registry (`missiongate.server.deps.Doctrines`), the same object the API uses.

Every write made from the web records a fresh assessment in the same transaction, so the timeline shows
each verdict the case passed through and the case list's latest verdict is never stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy.orm import Session

import missiongate
from missiongate.catalogue import CHOICE_TYPES, Fact, FactType
from missiongate.doctrine import DoctrineRegistry
from missiongate.errors import MissionGateError
from missiongate.store import cases, records
from missiongate.store.accounts import Actor
from missiongate.store.models import AssessmentRecord, Case, CaseFact


@dataclass(frozen=True)
class CaseView:
    case: Case
    mission: missiongate.Mission
    doctrine: missiongate.Doctrine
    report: dict[str, Any]
    questionnaire: missiongate.Questionnaire
    facts: dict[str, CaseFact]
    latest: AssessmentRecord | None

    @property
    def stale(self) -> bool:
        """The facts changed after the last recorded assessment."""
        return self.latest is None or self.latest.case_version != self.case.version

    @property
    def deciding(self) -> list[dict[str, Any]]:
        return [r for r in self.report["rules"] if r["deciding"]]

    def questions_by_theme(self) -> list[tuple[str, list[dict[str, Any]]]]:
        questions = self.report["questions"]
        return [(label, list(group)) for label, group in groupby(questions, key=lambda q: q["theme_label"])]


def load_case(session: Session, actor: Actor, case_id: int, doctrines: DoctrineRegistry) -> CaseView:
    case = cases.get_case(session, actor, case_id)
    mission = cases.case_mission(session, case)
    doctrine = doctrines.get(case.doctrine_id)
    assessment, questionnaire = missiongate.assess(doctrine, mission)
    latest, _ = records.list_assessments(session, actor, case_id, limit=1)
    return CaseView(
        case=case,
        mission=mission,
        doctrine=doctrine,
        report=missiongate.report_data(assessment, questionnaire, mission),
        questionnaire=questionnaire,
        facts=cases.case_facts(session, case),
        latest=latest[0] if latest else None,
    )


def comparison(mission: missiongate.Mission, doctrines: DoctrineRegistry) -> list[dict[str, Any]]:
    """The report of every doctrine offered on one operation: what `missiongate compare` shows."""
    rows = []
    for doctrine in doctrines.doctrines():
        assessment, questionnaire = missiongate.assess(doctrine, mission)
        rows.append(missiongate.report_data(assessment, questionnaire, mission))
    return rows


def reassess(session: Session, actor: Actor, case_id: int, doctrines: DoctrineRegistry) -> AssessmentRecord:
    return records.create_assessment(session, actor, case_id, doctrines=doctrines)


# -- facts as the pages show and edit them ---------------------------------------------------------------


@dataclass(frozen=True)
class FactRow:
    fact: Fact
    record: missiongate.FactRecord | None
    row: CaseFact | None

    @property
    def value_text(self) -> str:
        return self.fact.describe(self.record.value) if self.record is not None else "unknown"

    @property
    def chosen(self) -> set[str]:
        """The value as the ids an input shows as selected."""
        if self.record is None:
            return set()
        value = self.record.value
        if isinstance(value, bool):
            return {"true" if value else "false"}
        if isinstance(value, frozenset):
            return set(value)
        return {str(value)}


def fact_rows(view: CaseView) -> list[tuple[str, list[FactRow]]]:
    """Every catalogue fact by theme, known ones with their record."""
    catalogue = missiongate.load_catalogue()
    labels = catalogue.theme_labels
    rows = [FactRow(f, view.mission.facts.get(f.id), view.facts.get(f.id)) for f in catalogue.facts]
    rows.sort(key=lambda r: catalogue.theme_order.get(r.fact.theme, 99))
    return [(labels.get(theme, theme), list(group)) for theme, group in groupby(rows, lambda r: r.fact.theme)]


def input_kind(fact: Fact) -> str:
    """Which input a fact gets: radio (yes/no), select, checkboxes, date, number or text."""
    if fact.type is FactType.BOOL:
        return "bool"
    if fact.type is FactType.SET:
        return "checkboxes"
    if fact.type in CHOICE_TYPES:
        return "select"
    return {FactType.DATE: "date", FactType.INTEGER: "number"}.get(fact.type, "text")


def form_value(fact: Fact, given: Iterable[str]) -> Any:
    """A submitted value as a raw fact value; None when nothing was given. The catalogue validates it."""
    values = [v.strip() for v in given if v.strip()]
    if fact.type is FactType.SET:
        return values or None
    if not values:
        return None
    if fact.type is FactType.INTEGER:
        try:
            return int(values[0])
        except ValueError:
            raise MissionGateError(f"{fact.label}: {values[0]!r} is not a whole number") from None
    return values[0]


def answers_from_form(form: Mapping[str, list[str]]) -> dict[str, Any]:
    """`fact:<id>` fields of the answers form -> raw values, skipping the ones left empty."""
    catalogue = missiongate.load_catalogue()
    answers = {}
    for name, given in form.items():
        fact_id = name.removeprefix("fact:")
        if name.startswith("fact:") and fact_id in catalogue:
            value = form_value(catalogue.fact(fact_id), given)
            if value is not None:
                answers[fact_id] = value
    return answers


def set_fact(
    session: Session,
    actor: Actor,
    case_id: int,
    expected: int,
    fact_id: str,
    record: dict[str, Any] | None,
    doctrines: DoctrineRegistry,
) -> None:
    cases.set_facts(session, actor, case_id, expected, {fact_id: record})
    reassess(session, actor, case_id, doctrines)


def accept_fact(
    session: Session,
    actor: Actor,
    case_id: int,
    expected: int | None,
    fact_id: str,
    doctrines: DoctrineRegistry,
) -> None:
    cases.accept_fact(session, actor, case_id, fact_id, expected)
    reassess(session, actor, case_id, doctrines)
