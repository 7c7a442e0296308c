"""The built-in doctrines' domestic steps: sourced, recorded by a yes/no fact the contributor settles, and
present in the doctrine the example cases of `make run` are opened with."""

from __future__ import annotations

import pytest

from missiongate import load_builtin, load_catalogue
from missiongate.catalogue import ControlledBy, FactType, SettledBy
from missiongate.doctrine import builtin_registry

WITH_STEPS = {
    "azerbaijan": ["parliament"],
    "germany": ["government-request", "bundestag-approval", "bundestag-renewal"],
    "ireland": ["government-decision", "dail-resolution"],
    "italy": ["council-of-ministers", "chambers-authorisation", "annual-renewal"],
    "kazakhstan": ["president-proposal", "joint-session"],
}


@pytest.mark.parametrize("doctrine_id", sorted(WITH_STEPS))
def test_steps_load_with_their_sources(doctrine_id: str) -> None:
    doctrine = load_builtin(doctrine_id)
    catalogue = load_catalogue()
    assert [step.id for step in doctrine.domestic_steps] == WITH_STEPS[doctrine_id]
    for step in doctrine.domestic_steps:
        assert step.source.document in doctrine.sources_by_id and step.source.pinpoint, step.id
        assert step.done_when is not None and step.done_when.startswith("domestic."), step.id
        fact = catalogue.fact(step.done_when)
        assert fact.type is FactType.BOOL
        assert (fact.settled_by, fact.controlled_by) == (SettledBy.CONTRIBUTOR, ControlledBy.CONTRIBUTOR)


def test_renewals_fall_before_the_mandate_is_renewed() -> None:
    renewals = {
        doctrine_id: [
            s.id for s in load_builtin(doctrine_id).domestic_steps if s.when.value == "before_renewal"
        ]
        for doctrine_id in WITH_STEPS
    }
    assert renewals["germany"] == ["bundestag-renewal"] and renewals["italy"] == ["annual-renewal"]


def test_the_example_cases_get_a_doctrine_with_steps() -> None:
    """`make run` imports its example cases without naming a doctrine: they get the default one."""
    assert builtin_registry().default_id in WITH_STEPS
