"""Paths to yes, proved: each path applied and re-assessed gives the promised yes, no proper subset of its
changes does, and (on random doctrines, against brute force) every minimal set of changes is found."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate import Doctrine, evaluate, load_builtin, load_mission
from missiongate.catalogue import ControlledBy, FactValue, load_catalogue
from missiongate.doctrine.loader import builtin_ids
from missiongate.evaluator import Verdict
from missiongate.paths import YES, Path, paths_to_yes
from missiongate.paths.options import fixed
from missiongate.paths.render import summary
from tests.conftest import EXAMPLES
from tests.strategies import domain, make_doctrine, partial_facts, rules_data

ALL = 100_000  # a limit no test reaches: every path


def works(doctrine: Doctrine, values: Mapping[str, FactValue], changes: list[tuple[str, FactValue]]) -> bool:
    return evaluate(doctrine, {**values, **dict(changes)}).verdict in YES


def check_path(doctrine: Doctrine, values: Mapping[str, FactValue], path: Path, subsets: int = 12) -> None:
    """The path gives the yes it promises; no proper subset of it does (every subset up to `subsets`
    changes, else every path with one change left out)."""
    changes = [(c.fact, c.after) for c in path.changes]
    assert evaluate(doctrine, path.applied(values)).verdict is path.verdict
    assert path.verdict in YES
    assert len({fact for fact, _ in changes}) == len(changes)
    assert all(c.before == values.get(c.fact) and c.after != c.before for c in path.changes)
    sizes = range(len(changes)) if len(changes) <= subsets else [len(changes) - 1]
    for size in sizes:
        for subset in itertools.combinations(changes, size):
            assert not works(doctrine, values, list(subset)), (path, subset)


def brute_minimal(doctrine: Doctrine, values: Mapping[str, FactValue]) -> set[frozenset[str]]:
    """Every minimal set of facts some change of which gives a yes, by trying every change."""
    catalogue = load_catalogue()
    read = sorted({f for rule in doctrine.rules for f in rule.facts})
    free = [f for f in read if not fixed(catalogue.fact(f), f in values)]
    options = [[None, *(v for v in domain(f) if v != values.get(f))] for f in free]
    working: set[frozenset[str]] = set()
    for combo in itertools.product(*options):
        changes = [(f, v) for f, v in zip(free, combo, strict=True) if v is not None]
        if works(doctrine, values, changes):
            working.add(frozenset(f for f, _ in changes))
    return {s for s in working if not any(t < s for t in working)}


@settings(max_examples=300, deadline=None)
@given(st.lists(rules_data(), min_size=1, max_size=4), partial_facts())
def test_every_minimal_path_is_found_and_sound(
    rules: list[dict[str, object]], values: dict[str, FactValue]
) -> None:
    doctrine = make_doctrine(rules)
    result = paths_to_yes(doctrine, values, limit=ALL)
    assert result.verdict is evaluate(doctrine, values).verdict
    for path in result.paths:
        check_path(doctrine, values, path)
    assert result.complete
    found = {frozenset(c.fact for c in path.changes) for path in result.paths}
    assert found == brute_minimal(doctrine, values)
    assert result.total == len(found)
    assert bool(result.blocked) <= (not found)


@settings(max_examples=300, deadline=None)
@given(st.lists(rules_data(), min_size=1, max_size=4), partial_facts())
def test_paths_are_ranked(rules: list[dict[str, object]], values: dict[str, FactValue]) -> None:
    """Paths waiting on nobody's facts come last, then those the contributor does not control alone,
    then more changes, then more Council changes."""
    result = paths_to_yes(make_doctrine(rules), values, limit=ALL)
    keys = [p.rank for p in result.paths]
    assert keys == sorted(keys)
    for path in result.paths:
        assert bool(path.only_if) == any(c.waits_on_world for c in path.changes)


BUILTIN = [load_builtin(d) for d in builtin_ids()]
MISSIONS = sorted(EXAMPLES.glob("*.yaml")) + sorted((EXAMPLES / "realistic").glob("*.yaml"))


@pytest.mark.parametrize("doctrine", BUILTIN, ids=lambda d: d.id)
@pytest.mark.parametrize("mission_file", MISSIONS, ids=lambda p: p.stem)
def test_builtin_paths_on_the_examples(doctrine: Doctrine, mission_file: object) -> None:
    mission = load_mission(mission_file)  # type: ignore[arg-type]
    result = paths_to_yes(doctrine, mission)
    assert result.complete and bool(result.paths) != bool(result.blocked)
    for path in result.paths:
        check_path(doctrine, mission.values, path)


COMPLETE = load_mission(EXAMPLES / "site-protection-chapter7.yaml").values


@st.composite
def perturbed(draw: st.DrawFn) -> dict[str, FactValue]:
    """A complete mission with a few facts forgotten or given another value."""
    values = dict(COMPLETE)
    catalogue = load_catalogue()
    for fact_id in draw(st.lists(st.sampled_from(sorted(values)), max_size=5, unique=True)):
        fact = catalogue.fact(fact_id)
        choices: list[FactValue | None] = [None]
        if fact.type.value in {"bool", "enum", "ordered_enum"}:
            choices += [True, False] if fact.type.value == "bool" else list(fact.value_ids)
        new = draw(st.sampled_from(choices))
        if new is None:
            del values[fact_id]
        else:
            values[fact_id] = new
    return values


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(BUILTIN), perturbed())
def test_builtin_paths_on_perturbed_missions(doctrine: Doctrine, values: dict[str, FactValue]) -> None:
    result = paths_to_yes(doctrine, values)
    for path in result.paths:
        check_path(doctrine, values, path)
    if not result.paths:
        assert result.blocked or not result.complete


def test_gaza_inquiry_path_reads_as_an_adviser_would_propose_it() -> None:
    """A non-combat site-protection role, with caveats the lead accepts, rather than no offensive plan."""
    mission = load_mission(EXAMPLES / "gaza-isf-inquiry.yaml")
    best = paths_to_yes(load_builtin("azerbaijan"), mission).paths[0]
    changes = {c.fact: c.after for c in best.changes}
    assert changes["contingent.roles"] == frozenset({"protection_of_strategic_sites"})
    assert changes["contingent.combat_operations"] is False
    assert changes["contingent.caveats_accepted"] is True
    assert "operation.offensive_operations" not in changes
    assert "only if consent of all parties" in best.only_if


def test_a_combat_role_is_swapped_for_the_reference_role() -> None:
    values = dict(COMPLETE, **{"contingent.roles": frozenset({"combat_infantry", "logistics"})})
    result = paths_to_yes(load_builtin("azerbaijan"), values)
    best = result.paths[0]
    assert best.contributor_only and not best.only_if
    assert [(c.fact, c.after) for c in best.changes] == [("contingent.roles", frozenset({"logistics"}))]


def test_already_acceptable_needs_no_change() -> None:
    result = paths_to_yes(load_builtin("azerbaijan"), COMPLETE)
    assert [p.changes for p in result.paths] == [()]
    assert result.paths[0].verdict is result.verdict


def doctrine_with(rule: dict[str, object]) -> Doctrine:
    return make_doctrine([{"kind": "red_line", **rule}])


def test_a_red_line_on_a_fact_nobody_can_change_has_no_path() -> None:
    doctrine = doctrine_with({"require": {"not": {"fact": "operation.host_region", "is": "arab_world"}}})
    result = paths_to_yes(doctrine, {"operation.host_region": "arab_world"})
    assert result.paths == () and result.total == 0 and result.complete
    assert [b.rule for b in result.blocked] == ["R0"]
    assert result.blocked[0].reason == (
        "it turns on facts no one can change: "
        "Region of deployment is The Arab world (settled by the analyst, controlled by nobody)"
    )


def test_the_public_record_changes_only_by_the_council() -> None:
    doctrine = doctrine_with({"require": {"fact": "mandate.charter_basis", "is": "chapter_vi"}})
    result = paths_to_yes(doctrine, {"mandate.charter_basis": "chapter_vii"})
    [path] = result.paths
    [change] = path.changes
    assert change.controlled_by is ControlledBy.COUNCIL and change.after == "chapter_vi"


def test_a_consent_path_names_the_party_that_must_consent() -> None:
    from missiongate import mission_from_data

    mission = mission_from_data(
        {
            "id": "m",
            "title": "m",
            "parties": [
                {
                    "id": "pa",
                    "name": "Palestinian Authority",
                    "role": "host_authority",
                    "consent": {"status": "given"},
                },
                {"id": "hamas", "name": "Hamas", "role": "main_party", "consent": {"status": "withheld"}},
            ],
        }
    )
    doctrine = doctrine_with({"require": {"fact": "consent.all_parties", "is": True}})
    [path] = paths_to_yes(doctrine, mission).paths
    assert path.only_if == ("only with the consent of Hamas",)
    assert path.changes[0].waits_on_world


def test_a_doctrine_that_does_not_cover_the_operation_needs_no_change() -> None:
    """NOT_COVERED ranks with ACCEPTABLE: nothing in the doctrine stands against participation."""
    mission = load_mission(EXAMPLES / "observer-mission-consent.yaml")  # S/RES/872 (1993), not Gaza
    result = paths_to_yes(load_builtin("bangladesh"), mission)
    assert result.verdict is Verdict.NOT_COVERED
    assert [(p.changes, p.verdict) for p in result.paths] == [((), Verdict.NOT_COVERED)]
    assert summary(result).startswith("The doctrine does not cover this operation")


def test_leaving_a_doctrine_without_guidance_is_a_path() -> None:
    """A decline under a rule for lead-nation command only: another command takes the case out of it."""
    doctrine = doctrine_with(
        {
            "when": {"fact": "operation.command", "is": "lead_nation"},
            "require": {"fact": "consent.host_state", "is": True},
        }
    )
    result = paths_to_yes(doctrine, {"operation.command": "lead_nation", "consent.host_state": False})
    first, second = result.paths
    assert [(c.fact, c.after) for c in first.changes] == [("operation.command", "un_command")]
    assert first.verdict is Verdict.NOT_COVERED and not first.only_if
    assert second.only_if == ("only if consent of the host state",)


def test_the_inquiry_premise_is_never_changed() -> None:
    """Serving abroad is the premise: a doctrine that forbids it has no path, and says why."""
    doctrine = doctrine_with({"require": {"fact": "contingent.outside_territory", "is": False}})
    known = paths_to_yes(doctrine, {"contingent.outside_territory": True})
    assert known.paths == () and known.complete
    assert known.blocked[0].reason.endswith("(the inquiry's premise)")
    unknown = paths_to_yes(doctrine, {})
    assert unknown.paths == () and unknown.complete


def test_a_text_placeholder_says_what_it_stands_for() -> None:
    """Bangladesh's rules apply to S/RES/2803 only: with the instrument unknown, any other takes it out."""
    from missiongate.paths.render import change_data, describe_change

    [path] = paths_to_yes(load_builtin("bangladesh"), {}).paths
    [change] = path.changes
    assert change.fact == "mandate.instrument" and change.other_than == ("S/RES/2803 (2025)",)
    assert evaluate(load_builtin("bangladesh"), path.applied({})).verdict is Verdict.NOT_COVERED
    assert describe_change(change) == "Mandating instrument: anything but S/RES/2803 (2025) (unknown now)"
    assert change_data(change)["other_than"] == ["S/RES/2803 (2025)"]
