"""The realistic mission files are sourced example data, and each built-in doctrine judges every one of
them with a case whose facts are the file's (so a changed file cannot leave a stale verdict behind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate import Catalogue, load_builtin, load_mission
from missiongate.doctrine.model import DoctrineCase
from missiongate.mission import Mission

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MISSIONS = [*sorted((EXAMPLES / "realistic").glob("*.yaml")), EXAMPLES / "gaza-isf-2803.yaml"]
DOCTRINES = ("azerbaijan", "japan", "un-principles")  # those that judge every realistic mission


def _case_for(doctrine_id: str, path: Path) -> DoctrineCase:
    prefix = f"{path.relative_to(EXAMPLES).with_suffix('').as_posix()}: "
    cases = [case for case in load_builtin(doctrine_id).cases if case.name.startswith(prefix)]
    assert len(cases) == 1, f"{doctrine_id}: expected one case named {prefix!r}..., found {len(cases)}"
    return cases[0]


def _parties(mission: Mission) -> list[tuple[str, str, str]]:
    return [(p.id, p.role.value, p.consent.status.value) for p in mission.parties]


def test_at_least_fifteen_realistic_missions() -> None:
    assert len(MISSIONS) >= 15


@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.stem)
def test_every_fact_and_every_party_names_its_source(path: Path) -> None:
    mission = load_mission(path)
    assert mission.example
    assert [fact for fact, record in mission.facts.items() if not record.source] == []
    assert [party.id for party in mission.parties if not party.consent.source] == []


@pytest.mark.parametrize("doctrine_id", DOCTRINES)
@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.stem)
def test_the_case_holds_the_mission_files_facts(doctrine_id: str, path: Path, catalogue: Catalogue) -> None:
    mission = load_mission(path)
    case = _case_for(doctrine_id, path)
    assert case.why
    facts = {fact: catalogue.fact(fact).coerce(raw) for fact, raw in case.facts.items()}
    assert facts == {fact: record.value for fact, record in mission.facts.items()}
    case_parties = [(p["id"], p["role"], p["consent"]["status"]) for p in case.parties]
    assert case_parties == _parties(mission)
