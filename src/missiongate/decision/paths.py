"""What would change the answer: the changes that lift what stands against participation, by who can make
them, and the role the contributor could offer instead.

`path_to_yes` is the one function to swap for `missiongate.paths` once that lands; until then it reads the
single-fact changes of `evaluator.satisfying_changes`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from missiongate.catalogue import Catalogue, ControlledBy, Fact, FactType, FactValue
from missiongate.doctrine.model import Doctrine
from missiongate.evaluator import (
    VERDICT_RANK,
    Assessment,
    Effect,
    RuleStatus,
    Verdict,
    evaluate,
    satisfying_changes,
)

WHO_TEXT = {
    ControlledBy.REQUESTING_PARTY: "the requesting party or the lead",
    ControlledBy.COUNCIL: "the Security Council (the mandate)",
    ControlledBy.CONTRIBUTOR: "our own choice",
    ControlledBy.NOBODY: "a change of circumstances",
}


@dataclass(frozen=True, slots=True)
class Step:
    """One change that would lift a rule standing against participation, in plain words."""

    fact: str
    values: tuple[FactValue, ...]  # each alone would lift the rule
    text: str
    who: ControlledBy
    rule: str  # the title of the rule it lifts


def path_to_yes(assessment: Assessment, catalogue: Catalogue) -> list[Step]:
    """For each rule that declines or goes to the minister: the single-fact changes that would lift it."""
    steps: list[Step] = []
    adverse = assessment.with_effect(Effect.DECLINES, Effect.MINISTERIAL)
    for outcome in adverse:
        if outcome.status is not RuleStatus.VIOLATED:
            continue
        for fact_id, options in satisfying_changes(outcome.rule, assessment.values).items():
            fact = catalogue.fact(fact_id)
            values = [value for value, _ in options]
            steps.append(
                Step(
                    fact_id, tuple(values), change_text(fact, values), fact.controlled_by, outcome.rule.title
                )
            )
    return steps


@dataclass(frozen=True, slots=True)
class Way:
    """One way out: any one of its changes lifts every rule it names."""

    rules: tuple[str, ...]
    changes: tuple[Step, ...]


def merged(steps: list[Step], catalogue: Catalogue) -> list[Way]:
    """The ways out, one per adverse rule: each must be taken. Rules that only one fact can lift are merged
    by fact, keeping the values that lift them all (a severe threat that declines and a high one for the
    minister: the threat must be low or moderate)."""
    by_rule: dict[str, list[Step]] = {}
    for step in steps:
        by_rule.setdefault(step.rule, []).append(step)
    ways: list[Way] = []
    by_fact: dict[str, int] = {}  # fact -> index in ways, for rules that one fact alone can lift
    for rule, changes in by_rule.items():
        step = changes[0]
        if len(changes) > 1 or step.fact not in by_fact:
            if len(changes) == 1:
                by_fact[step.fact] = len(ways)
            ways.append(Way((rule,), tuple(changes)))
            continue
        index = by_fact[step.fact]
        kept = ways[index].changes[0]
        values = tuple(v for v in kept.values if v in step.values)
        text = change_text(catalogue.fact(step.fact), list(values))
        ways[index] = Way((*ways[index].rules, rule), (Step(step.fact, values, text, step.who, rule),))
    return ways


def change_text(fact: Fact, values: list[FactValue]) -> str:
    """ "Type of operation: anything but Peace enforcement", "National caveats accepted: yes"."""
    if fact.type in {FactType.ENUM, FactType.ORDERED_ENUM} and len(values) > 2:
        others = [v for v in fact.value_ids if v not in values]
        if len(others) == 1:
            return f"{fact.label}: anything but {fact.describe(others[0])}"
    return f"{fact.label}: " + " or ".join(fact.describe(value) for value in values)


# Contributor choices the role search leaves alone: being deployed, serving abroad (an international
# mission is abroad) and the contributor's own consent and approvals are not a "role".
_NOT_A_ROLE = frozenset({"contingent.deployed", "contingent.outside_territory"})
_SEARCH_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class RoleOption:
    """Our own choices (role, combat or not) that would leave the case better off, and the verdict then."""

    choices: dict[str, FactValue]
    texts: tuple[str, ...]
    verdict: Verdict


def _score(assessment: Assessment) -> tuple[int, int, int]:
    declines = len(assessment.with_effect(Effect.DECLINES, Effect.MINISTERIAL))
    return (VERDICT_RANK[assessment.verdict], -declines, -len(assessment.with_effect(Effect.OPEN)))


def _role_facts(doctrine: Doctrine, catalogue: Catalogue) -> list[Fact]:
    read = set().union(*(rule.facts for rule in doctrine.rules))
    return [
        fact
        for fact in catalogue.facts
        if fact.id in read
        and fact.controlled_by is ControlledBy.CONTRIBUTOR
        and fact.id not in _NOT_A_ROLE
        and fact.theme == "contingent"
        and fact.type in {FactType.BOOL, FactType.ENUM, FactType.ORDERED_ENUM, FactType.SET}
    ]


def _choices(fact: Fact) -> list[FactValue]:
    if fact.type is FactType.BOOL:
        return [False, True]
    if fact.type is FactType.SET:
        return [frozenset({value}) for value in fact.value_ids]  # one role each
    return list(fact.value_ids)


def other_role(
    doctrine: Doctrine, values: Mapping[str, FactValue], catalogue: Catalogue
) -> RoleOption | None:
    """The contingent's role (our own choices) that would leave the case best off, if better than now.

    Searches every combination of the contributor's role choices the doctrine reads, with the contingent
    serving abroad; ties go to the fewest changes, then to the catalogue's order (the first role listed is
    the protection of strategic sites)."""
    facts = _role_facts(doctrine, catalogue)
    if not facts:
        return None
    base = {**values, "contingent.outside_territory": values.get("contingent.outside_territory", True)}
    current = _score(evaluate(doctrine, base))
    best: tuple[tuple[int, int, int], int, dict[str, FactValue], Assessment] | None = None
    combos = itertools.islice(itertools.product(*(_choices(f) for f in facts)), _SEARCH_LIMIT)
    for combo in combos:
        choice = {fact.id: value for fact, value in zip(facts, combo, strict=True)}
        result = evaluate(doctrine, {**base, **choice})
        changed = sum(values.get(fid) != value for fid, value in choice.items())
        if best is None or (_score(result), -changed) > (best[0], -best[1]):
            best = (_score(result), changed, choice, result)
    if best is None or best[0] <= current or best[3].verdict in (Verdict.DECLINE, Verdict.WITHDRAW):
        return None
    _, _, choice, result = best
    changes = {fid: value for fid, value in choice.items() if values.get(fid) != value}
    texts = tuple(choice_text(catalogue.fact(fid), value) for fid, value in changes.items())
    return RoleOption(changes, texts, result.verdict)


def choice_text(fact: Fact, value: FactValue) -> str:
    """One of our own choices in words: "the role of protection of strategic sites", "no combat"."""
    if fact.id == "contingent.roles" and isinstance(value, frozenset):
        return f"the role{'s' if len(value) > 1 else ''} of {fact.describe(value).lower()}"
    if fact.id == "contingent.combat_operations":
        return "combat operations" if value else "no combat operations"
    return f"{fact.label[:1].lower()}{fact.label[1:]}: {fact.describe(value).lower()}"
