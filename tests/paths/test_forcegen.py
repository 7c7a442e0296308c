"""The force-generation view and the mandate designer, checked by re-assessing every doctrine."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings

from missiongate import Doctrine, evaluate, load_builtin, load_mission
from missiongate.catalogue import ControlledBy, FactValue
from missiongate.doctrine.loader import builtin_ids
from missiongate.paths import YES, paths_to_yes
from missiongate.paths.designer import MandateChange, council_changes, design_mandate
from missiongate.paths.forcegen import force_generation
from tests.conftest import EXAMPLES
from tests.paths.test_path import perturbed

BUILTIN = [load_builtin(d) for d in builtin_ids()]
MISSIONS = sorted(EXAMPLES.glob("*.yaml")) + sorted((EXAMPLES / "realistic").glob("*.yaml"))


def won_and_lost(
    doctrines: list[Doctrine], values: Mapping[str, FactValue], change: MandateChange
) -> tuple[set[str], set[str]]:
    after = {**values, **{c.fact: c.after for c in change.changes}}
    was = {d.id for d in doctrines if evaluate(d, values).verdict in YES}
    now = {d.id for d in doctrines if evaluate(d, after).verdict in YES}
    return now - was, was - now


def check_designer(doctrines: list[Doctrine], values: Mapping[str, FactValue]) -> None:
    listed = design_mandate(doctrines, values)
    assert [m.rank for m in listed] == sorted(m.rank for m in listed)
    for change in listed:
        assert all(c.controlled_by is ControlledBy.COUNCIL for c in change.changes)
        gains, losses = won_and_lost(doctrines, values, change)
        assert (set(change.gains), set(change.losses)) == (gains, losses)
        assert gains or losses
    singles = {m.changes[0] for m in listed if len(m.changes) == 1}
    gains_of = {}
    for change in council_changes(doctrines, values):
        gains, losses = won_and_lost(doctrines, values, MandateChange((change,), (), ()))
        assert (change in singles) == bool(gains or losses)
        gains_of[change] = gains
    for pair in (m for m in listed if len(m.changes) == 2):
        first, second = pair.changes
        assert set(pair.gains) - gains_of[first] - gains_of[second]


@pytest.mark.parametrize("mission_file", MISSIONS, ids=lambda p: p.stem)
def test_designer_on_the_examples(mission_file: object) -> None:
    check_designer(BUILTIN, load_mission(mission_file).values)  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(perturbed())
def test_designer_on_perturbed_missions(values: dict[str, FactValue]) -> None:
    check_designer(BUILTIN, values)


def test_a_mandate_change_can_win_a_contributor() -> None:
    values = dict(load_mission(EXAMPLES / "site-protection-chapter7.yaml").values)
    values["operation.type"] = "peace_enforcement"
    listed = design_mandate([load_builtin("azerbaijan")], values)
    assert listed[0].gains == ("azerbaijan",)
    assert listed[0].changes[0].fact == "operation.type"


@pytest.mark.parametrize("mission_file", MISSIONS, ids=lambda p: p.stem)
def test_force_generation_view_matches_each_doctrine(mission_file: object) -> None:
    mission = load_mission(mission_file)  # type: ignore[arg-type]
    view = force_generation(BUILTIN, mission, pairs=False)
    assert [v.doctrine.id for v in view.doctrines] == [d.id for d in BUILTIN]
    for row, doctrine in zip(view.doctrines, BUILTIN, strict=True):
        assert row.assessment.verdict is evaluate(doctrine, mission).verdict
        expected = paths_to_yes(doctrine, mission, limit=1).paths
        assert row.best_path == (expected[0] if expected else None)
