"""Path to yes: the minimal sets of fact changes that turn a verdict into a yes.

A change sets a fact to a value: a known fact changed, or an unknown fact answered (`before` is None).
Each change says who controls it (the catalogue's `controlled_by`): the contributor (its role, size,
caveats), the requesting party or lead, the Council, or nobody (facts of the world: a party's consent, the
threat). Once known, what the public record says changes only by the Council, and what nobody controls
and the record or the analyst settles is a given (`options.fixed`).

A path is minimal: no proper subset of its changes gives a yes. Paths are ranked: those that wait on
nobody's fact first (a path changing a fact nobody controls is kept but marked "only if ..."), then those
the contributor controls alone, then fewest changes, then fewest Council changes. The search
(`paths.search`) is exact over the doctrine's finite domains and bounded; a verdict function (the
compiled evaluator by default, `verdict_of` to swap it) decides the verdict before and after.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace

from missiongate.catalogue import ControlledBy, Fact, FactValue, load_catalogue
from missiongate.doctrine.compiled import compile_doctrine
from missiongate.doctrine.conditions import Leaf
from missiongate.doctrine.model import Doctrine, Rule
from missiongate.evaluator import Verdict
from missiongate.mission import CONSENT_FACTS, ConsentStatus, Mission
from missiongate.paths.options import HISTORY, PREMISES, Option, doctrine_leaves, fact_options, fixed
from missiongate.paths.search import (
    Component,
    Repair,
    SearchBoundError,
    blocks,
    component_repairs,
    components,
    rule_repairs,
)

# A yes: participation acceptable, with conditions or not, or nothing in the doctrine standing against it
# (NOT_COVERED ranks with ACCEPTABLE: docs/semantics.md).
YES = frozenset({Verdict.ACCEPTABLE, Verdict.ACCEPTABLE_WITH_CONDITIONS, Verdict.NOT_COVERED})
PATH_LIMIT = 10  # paths returned by default, best first
COMBINE_LIMIT = 20_000  # combinations of component repairs ranked at most

VerdictOf = Callable[[Doctrine, Mapping[str, FactValue]], Verdict]


def compiled_verdict(doctrine: Doctrine, values: Mapping[str, FactValue]) -> Verdict:
    """The verdict by the doctrine's compiled evaluator (proved equal to `evaluate`'s, and faster)."""
    return compile_doctrine(doctrine).verdict(values)


_CONTROLLER_ORDER = list(ControlledBy)


@dataclass(frozen=True, slots=True)
class Change:
    fact: str
    before: FactValue | None  # None: the fact was unknown and is answered
    after: FactValue
    controlled_by: ControlledBy
    alternatives: tuple[FactValue, ...] = ()  # other values with exactly the same effect
    any_value: bool = False  # any answer does: only whether the fact is known matters
    other_than: tuple[FactValue, ...] = ()  # `after` is a placeholder: any value but these does

    @property
    def waits_on_world(self) -> bool:
        """A fact nobody controls must turn out this way (merely learning it, whatever it is, does not)."""
        return self.controlled_by is ControlledBy.NOBODY and not self.any_value


@dataclass(frozen=True, slots=True)
class Path:
    changes: tuple[Change, ...]
    verdict: Verdict
    only_if: tuple[str, ...] = ()  # the facts of the world it waits on, in words

    def count(self, controller: ControlledBy) -> int:
        return sum(change.controlled_by is controller for change in self.changes)

    @property
    def contributor_only(self) -> bool:
        return self.count(ControlledBy.CONTRIBUTOR) == len(self.changes)

    @property
    def world(self) -> int:
        return sum(change.waits_on_world for change in self.changes)

    @property
    def rank(self) -> tuple[object, ...]:
        nobody = self.world
        council = self.count(ControlledBy.COUNCIL)
        facts = [change.fact for change in self.changes]
        return (nobody > 0, not self.contributor_only, len(self.changes), council, nobody, facts)

    def applied(self, values: Mapping[str, FactValue]) -> dict[str, FactValue]:
        return {**values, **{change.fact: change.after for change in self.changes}}


@dataclass(frozen=True, slots=True)
class Blocker:
    """A rule no change anyone may make can satisfy."""

    rule: str
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class PathsResult:
    doctrine: Doctrine
    verdict: Verdict  # the verdict now
    paths: tuple[Path, ...]  # the best `limit` paths, ranked
    total: int  # minimal paths found in all
    complete: bool  # False when a search bound was reached: some paths may be missing
    blocked: tuple[Blocker, ...] = ()


def paths_to_yes(
    doctrine: Doctrine,
    facts: Mission | Mapping[str, FactValue],
    limit: int = PATH_LIMIT,
    verdict_of: VerdictOf = compiled_verdict,
) -> PathsResult:
    """The minimal paths from what is known to a yes under this doctrine, best first."""
    mission = facts if isinstance(facts, Mission) else None
    values: dict[str, FactValue] = dict(facts.values if isinstance(facts, Mission) else facts)
    verdict = verdict_of(doctrine, values)
    if verdict in YES:
        return PathsResult(doctrine, verdict, (Path((), verdict),), 1, True)
    options = _options(doctrine, values)
    rules = [rule for rule in doctrine.rules if blocks(rule)]
    blocked = _fixed_blockers(rules, set(options), values)
    if blocked:
        return PathsResult(doctrine, verdict, (), 0, True, tuple(blocked))
    groups = components([r for r in rules if r.facts & set(options)], set(options))
    per_group, complete = _search(groups, values, options)
    if per_group is None:
        return PathsResult(doctrine, verdict, (), 0, False)
    if not all(per_group):
        stuck = [g for g, found in zip(groups, per_group, strict=True) if not found]
        return PathsResult(
            doctrine, verdict, (), 0, complete, tuple(_stuck(stuck, values) if complete else ())
        )
    ranked = _ranked(per_group, values, options, mission, limit)
    paths = tuple(_checked(doctrine, values, ranked, verdict_of))
    return PathsResult(doctrine, verdict, paths, math.prod(len(found) for found in per_group), complete)


def _checked(
    doctrine: Doctrine, values: Mapping[str, FactValue], paths: list[Path], verdict_of: VerdictOf
) -> Iterator[Path]:
    """Each path re-assessed: always a yes by construction; one that is not would never be shown."""
    for path in paths:
        reached = verdict_of(doctrine, path.applied(values))
        if reached in YES:
            yield replace(path, verdict=reached)


_CACHE_SIZE = 64  # doctrines whose options are remembered
_cache: dict[int, tuple[Doctrine, dict[str, list[Leaf]], dict[tuple[str, object], list[Option]]]] = {}


def _options(doctrine: Doctrine, values: Mapping[str, FactValue]) -> dict[str, list[Option]]:
    """Every fact a path may change, with what it may become (remembered per doctrine and value)."""
    entry = _cache.get(id(doctrine))
    if entry is None or entry[0] is not doctrine:
        if len(_cache) >= _CACHE_SIZE:
            del _cache[next(iter(_cache))]
        entry = _cache[id(doctrine)] = (doctrine, doctrine_leaves([doctrine]), {})
    _, leaves_of, known = entry
    found = {}
    for fact_id, leaves in leaves_of.items():
        current = values.get(fact_id)
        if not fixed(leaves[0].meta, current is not None):
            options = known.get((fact_id, current))
            if options is None:
                if len(known) > _CACHE_SIZE * 64:
                    known.clear()
                options = known[(fact_id, current)] = fact_options(leaves, current)
            if options:
                found[fact_id] = options
    return found


def _fixed_blockers(
    rules: list[Rule], changeable: set[str], values: Mapping[str, FactValue]
) -> list[Blocker]:
    """Rules that stand in the way on facts no path may change."""
    found = []
    for rule in rules:
        if rule.facts & changeable or rule_repairs(rule, values, {}):
            continue
        given = [_given(leaf, values) for leaf in _leaves(rule) if leaf.fact_id in values]
        reason = "it turns on facts no one can change: " + "; ".join(dict.fromkeys(given))
        found.append(Blocker(rule.id, rule.title, reason))
    return found


def _given(leaf: Leaf, values: Mapping[str, FactValue]) -> str:
    fact = leaf.meta
    return f"{fact.label} is {fact.describe(values[fact.id])} ({_why_given(fact)})"


def _why_given(fact: Fact) -> str:
    if fact.id in PREMISES:
        return "the inquiry's premise"
    if fact.id in HISTORY:
        return "already the case"
    return (
        f"settled by the {fact.settled_by.value.replace('_', ' ')}, controlled by {fact.controlled_by.value}"
    )


def _leaves(rule: Rule) -> list[Leaf]:
    return [leaf for c in (rule.when, rule.require) if c is not None for leaf in c.leaves()]


def _search(
    groups: list[Component],
    values: Mapping[str, FactValue],
    options: Mapping[str, list[Option]],
) -> tuple[list[list[Repair]] | None, bool]:
    try:
        found = [component_repairs(g, values, options) for g in groups]
    except SearchBoundError:
        return None, False
    return found, all(g.complete for g in groups)


def _stuck(groups: list[Component], values: Mapping[str, FactValue]) -> list[Blocker]:
    """The rules that stand in the way when an exhaustive search found nothing."""
    found = []
    for group in groups:
        standing = [r for r in group.rules if not rule_repairs(r, values, {})] or group.rules
        names = ", ".join(r.id for r in group.rules)
        for rule in standing:
            reason = f"no change anyone may make satisfies it together with {names}"
            found.append(Blocker(rule.id, rule.title, reason))
    return found


# --- ranking and presentation ---------------------------------------------------------------------------


def _ranked(
    per_group: list[list[Repair]],
    values: Mapping[str, FactValue],
    options: Mapping[str, list[Option]],
    mission: Mission | None,
    limit: int,
) -> list[Path]:
    """The best `limit` paths: per component only repairs beaten by fewer than `limit` others can rank
    among them; the combinations are capped at COMBINE_LIMIT."""

    def path_of(repair: Repair) -> Path:
        return _path(repair, values, options, mission)

    pruned = [_pareto([path_of(r) for r in found], limit) for found in per_group]
    while _combinations(pruned) > COMBINE_LIMIT:
        widest = max(range(len(pruned)), key=lambda i: len(pruned[i]))
        pruned[widest] = pruned[widest][: max(1, len(pruned[widest]) // 2)]
    combined = [_join(parts) for parts in itertools.product(*pruned)]
    return sorted(combined, key=lambda p: p.rank)[:limit]


def _pareto(paths: list[Path], limit: int) -> list[Path]:
    """The paths beaten (on every ranking count) by fewer than `limit` others; counted per distinct count
    vector, so thousands of paths cost little."""
    groups = Counter(_vector(p) for p in paths)
    beaten = {
        v: sum(n for w, n in groups.items() if w != v and all(a <= b for a, b in zip(w, v, strict=True)))
        for v in groups
    }
    return sorted((p for p in paths if beaten[_vector(p)] < limit), key=lambda p: p.rank)


def _vector(path: Path) -> tuple[int, ...]:
    contributor = path.count(ControlledBy.CONTRIBUTOR)
    return (
        path.world,
        len(path.changes) - contributor,
        len(path.changes),
        path.count(ControlledBy.COUNCIL),
    )


def _combinations(parts: list[list[Path]]) -> int:
    size = 1
    for part in parts:
        size *= len(part)
    return size


def _join(parts: tuple[Path, ...]) -> Path:
    changes = sorted(
        (c for p in parts for c in p.changes),
        key=lambda c: (_CONTROLLER_ORDER.index(c.controlled_by), c.fact),
    )
    return Path(tuple(changes), parts[0].verdict, tuple(dict.fromkeys(t for p in parts for t in p.only_if)))


def _path(
    repair: Repair,
    values: Mapping[str, FactValue],
    options: Mapping[str, list[Option]],
    mission: Mission | None,
) -> Path:
    changes = []
    for fact_id, index in sorted(repair):
        option = options[fact_id][index]
        fact = load_catalogue().fact(fact_id)
        changes.append(
            Change(
                fact_id,
                values.get(fact_id),
                option.value,
                fact.controlled_by,
                option.alternatives,
                option.any_value,
                option.other_than,
            )
        )
    waits = tuple(dict.fromkeys(_only_if(c, mission) for c in changes if c.waits_on_world))
    return Path(tuple(changes), Verdict.ACCEPTABLE, waits)


def _only_if(change: Change, mission: Mission | None) -> str:
    """The fact of the world a path waits on, in words ("only with the consent of Hamas")."""
    roles = CONSENT_FACTS.get(change.fact)
    if roles is not None and mission is not None and mission.parties and change.after is True:
        names = [
            p.name for p in mission.parties if p.role in roles and p.consent.status is not ConsentStatus.GIVEN
        ]
        if names:
            return f"only with the consent of {' and '.join(names)}"
    fact = load_catalogue().fact(change.fact)
    if isinstance(change.after, bool):
        return f"only if {'' if change.after else 'no '}{fact.label.lower()}"
    return f"only if {fact.label.lower()}: {describe_value(fact, change)}"


def describe_value(fact: Fact, change: Change) -> str:
    """The value a change sets, as a reader would write it (a placeholder said as what it stands for)."""
    if change.any_value:
        return "any answer"
    if change.other_than:
        return "anything but " + ", ".join(fact.describe(v) for v in change.other_than)
    return fact.describe(change.after)
