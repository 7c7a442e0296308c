"""Running the test cases a doctrine file ships with: facts in, expected verdict and deciding rules out."""

from __future__ import annotations

from dataclasses import dataclass

from missiongate.catalogue import Catalogue, load_catalogue
from missiongate.doctrine.model import Doctrine, DoctrineCase
from missiongate.errors import MissionGateError
from missiongate.evaluator import evaluate
from missiongate.mission import Mission, mission_from_data
from missiongate.questionnaire.build import build_questionnaire


@dataclass(frozen=True)
class CaseResult:
    case: DoctrineCase
    verdict: str
    deciding: list[str]
    problems: list[str]

    @property
    def passed(self) -> bool:
        return not self.problems


def case_mission(case: DoctrineCase, catalogue: Catalogue) -> Mission:
    """A case's facts and per-party consent, validated as a mission file would be."""
    data = {"id": "case", "title": case.name, "facts": case.facts, "parties": case.parties}
    try:
        return mission_from_data(data, f"case {case.name!r}", catalogue)
    except MissionGateError as exc:
        raise ValueError(exc.message) from None


def run_case(doctrine: Doctrine, case: DoctrineCase, catalogue: Catalogue) -> CaseResult:
    try:
        mission = case_mission(case, catalogue)
    except ValueError as exc:
        return CaseResult(case, "-", [], [f"case {case.name!r}: {exc}"])
    values = mission.values
    assessment = evaluate(doctrine, mission)
    deciding = [o.rule.id for o in assessment.deciding]
    expect, problems = case.expect, []
    if assessment.verdict.value != expect.verdict:
        problems.append(f"verdict {assessment.verdict.value}, expected {expect.verdict}")
    if expect.deciding is not None and sorted(deciding) != sorted(expect.deciding):
        problems.append(f"deciding rules {deciding}, expected {expect.deciding}")
    missing = sorted(set(expect.includes or []) - set(deciding))
    if missing:
        problems.append(f"deciding rules lack {missing}")
    if expect.provisional is not None and assessment.provisional != expect.provisional:
        problems.append(f"provisional {assessment.provisional}, expected {expect.provisional}")
    if expect.min_questions is not None:
        count = len(build_questionnaire(doctrine, values, catalogue).questions)
        if count < expect.min_questions:
            problems.append(f"{count} questions, expected at least {expect.min_questions}")
    return CaseResult(case, assessment.verdict.value, deciding, problems)


def run_cases(doctrine: Doctrine, catalogue: Catalogue | None = None) -> list[CaseResult]:
    catalogue = catalogue or load_catalogue()
    return [run_case(doctrine, case, catalogue) for case in doctrine.cases]
