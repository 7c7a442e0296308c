"""Every case shipped in a built-in doctrine file passes (the check `missiongate doctrine test` runs)."""

from __future__ import annotations

import pytest

from missiongate import builtin_ids, load_builtin
from missiongate.doctrine.cases import run_case

CASES = [
    (doctrine_id, index)
    for doctrine_id in builtin_ids()
    for index in range(len(load_builtin(doctrine_id).cases))
]


@pytest.mark.parametrize(("doctrine_id", "index"), CASES)
def test_doctrine_case(doctrine_id: str, index: int, catalogue) -> None:  # type: ignore[no-untyped-def]
    doctrine = load_builtin(doctrine_id)
    result = run_case(doctrine, doctrine.cases[index], catalogue)
    assert result.passed, f"{result.case.name}: {result.problems}"


def test_each_builtin_doctrine_ships_cases() -> None:
    assert set(builtin_ids()) >= {"azerbaijan", "japan", "un-principles"}
    for doctrine_id in builtin_ids():
        assert len(load_builtin(doctrine_id).cases) >= 3


def test_a_wrong_expectation_is_reported(catalogue) -> None:  # type: ignore[no-untyped-def]
    doctrine = load_builtin("un-principles")
    case = doctrine.cases[0].model_copy(
        update={"expect": doctrine.cases[0].expect.model_copy(update={"verdict": "DECLINE"})}
    )
    result = run_case(doctrine, case, catalogue)
    assert not result.passed and "expected DECLINE" in result.problems[0]
