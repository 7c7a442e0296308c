"""The mandate designer: which single changes of the mandate (and pairs) win contributors, and which lose any.

A mandate change sets a fact the Council controls (authority, Chapter, use of force, tasks, duration,
the operation's type) to one of its distinct values over every doctrine's tests (`options.fact_options`).
A doctrine is *won* when its verdict turns into a yes (ACCEPTABLE or ACCEPTABLE_WITH_CONDITIONS) and
*lost* when a yes turns into anything else. Pairs are listed only when they win a doctrine that neither of
their changes wins alone. Only the doctrines that read a changed fact are re-assessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from missiongate.catalogue import ControlledBy, FactValue
from missiongate.doctrine.model import Doctrine
from missiongate.evaluator import Verdict
from missiongate.paths.options import doctrine_leaves, fact_options
from missiongate.paths.path import YES, Change, VerdictOf, compiled_verdict


@dataclass(frozen=True, slots=True)
class MandateChange:
    changes: tuple[Change, ...]
    gains: tuple[str, ...]  # doctrines it turns into a yes
    losses: tuple[str, ...]  # doctrines it turns from a yes into something else

    @property
    def rank(self) -> tuple[object, ...]:
        return (-len(self.gains), len(self.losses), len(self.changes), [c.fact for c in self.changes])


def design_mandate(
    doctrines: Sequence[Doctrine],
    values: Mapping[str, FactValue],
    pairs: bool = True,
    verdict_of: VerdictOf = compiled_verdict,
) -> list[MandateChange]:
    """Single mandate changes that win or lose a doctrine, and pairs that win one more, best first."""
    before = {d.id: verdict_of(d, values) for d in doctrines}
    singles = [
        _outcome(doctrines, values, before, (change,), verdict_of)
        for change in council_changes(doctrines, values)
    ]
    found = [s for s in singles if s.gains or s.losses]
    if pairs:
        for first, second in itertools.combinations(singles, 2):
            if first.changes[0].fact == second.changes[0].fact:
                continue
            pair = _outcome(doctrines, values, before, first.changes + second.changes, verdict_of)
            if set(pair.gains) - set(first.gains) - set(second.gains):
                found.append(pair)
    return sorted(found, key=lambda m: m.rank)


def council_changes(doctrines: Sequence[Doctrine], values: Mapping[str, FactValue]) -> list[Change]:
    """Every distinct change of a fact the Council controls that some doctrine tests."""
    changes = []
    for fact_id, leaves in sorted(doctrine_leaves(doctrines).items()):
        fact = leaves[0].meta
        if fact.controlled_by is not ControlledBy.COUNCIL:
            continue
        current = values.get(fact_id)
        changes += [
            Change(fact_id, current, o.value, fact.controlled_by, o.alternatives, o.any_value, o.other_than)
            for o in fact_options(leaves, current)
        ]
    return changes


def reads(doctrine: Doctrine) -> frozenset[str]:
    """Every fact the doctrine's rules read."""
    return frozenset().union(*(rule.facts for rule in doctrine.rules))


def _outcome(
    doctrines: Sequence[Doctrine],
    values: Mapping[str, FactValue],
    before: Mapping[str, Verdict],
    changes: tuple[Change, ...],
    verdict_of: VerdictOf,
) -> MandateChange:
    changed = {c.fact for c in changes}
    after_values = {**values, **{c.fact: c.after for c in changes}}
    gains, losses = [], []
    for doctrine in doctrines:
        if changed.isdisjoint(reads(doctrine)):
            continue
        was = before[doctrine.id] in YES
        now = verdict_of(doctrine, after_values) in YES
        if now and not was:
            gains.append(doctrine.id)
        elif was and not now:
            losses.append(doctrine.id)
    return MandateChange(changes, tuple(gains), tuple(losses))
