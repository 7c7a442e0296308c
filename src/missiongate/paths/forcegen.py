"""The force-generation view of one mission: every doctrine's verdict, the conditions it would attach and
its best path to yes, with the mandate designer's changes that win or lose contributors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from missiongate.catalogue import FactValue
from missiongate.doctrine.model import Doctrine
from missiongate.evaluator import Assessment, evaluate
from missiongate.mission import Mission
from missiongate.paths.designer import MandateChange, design_mandate
from missiongate.paths.path import Path, PathsResult, VerdictOf, compiled_verdict, paths_to_yes


@dataclass(frozen=True, slots=True)
class DoctrineView:
    assessment: Assessment
    paths: PathsResult

    @property
    def doctrine(self) -> Doctrine:
        return self.assessment.doctrine

    @property
    def best_path(self) -> Path | None:
        return self.paths.paths[0] if self.paths.paths else None


@dataclass(frozen=True, slots=True)
class ForceGeneration:
    doctrines: tuple[DoctrineView, ...]
    mandate_changes: tuple[MandateChange, ...]


def force_generation(
    doctrines: Sequence[Doctrine],
    facts: Mission | Mapping[str, FactValue],
    pairs: bool = True,
    verdict_of: VerdictOf = compiled_verdict,
) -> ForceGeneration:
    """Who would join on which terms, and which mandate changes would win or lose contributors."""
    values = facts.values if isinstance(facts, Mission) else facts
    views = tuple(
        DoctrineView(evaluate(d, values), paths_to_yes(d, facts, limit=1, verdict_of=verdict_of))
        for d in doctrines
    )
    return ForceGeneration(views, tuple(design_mandate(doctrines, values, pairs, verdict_of)))
