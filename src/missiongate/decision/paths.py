"""What would change the answer: the best path to yes (`missiongate.paths`) by who could make each change,
and the role the contributor could offer instead."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from missiongate.catalogue import Catalogue, ControlledBy, Fact, FactType, FactValue, load_catalogue
from missiongate.decision.wording import lower_first
from missiongate.doctrine.model import Doctrine
from missiongate.evaluator import VERDICT_RANK, Assessment, Effect, Verdict, evaluate
from missiongate.mission import Mission
from missiongate.paths import Change, paths_to_yes
from missiongate.paths.path import describe_value

WHO_TEXT = {
    ControlledBy.CONTRIBUTOR: "Our own choice",
    ControlledBy.REQUESTING_PARTY: "The requesting party or the lead",
    ControlledBy.COUNCIL: "The Security Council (the mandate)",
    ControlledBy.NOBODY: "Circumstances no one controls",
}


@dataclass(frozen=True, slots=True)
class WayOut:
    """The best path to yes in words, by who would make each change."""

    lines: tuple[str, ...]
    by_terms: bool  # reachable without waiting on facts no one controls
    changes: int  # how many changes the path takes (0: already a yes, or no path)


def path_to_yes(doctrine: Doctrine, mission: Mission) -> WayOut:
    """What would change the answer: the best minimal path to yes (`missiongate.paths`), its changes grouped
    by who could make them; a change that only needs an answer, whatever it is, is counted, not listed."""
    result = paths_to_yes(doctrine, mission, limit=1)
    if result.blocked:
        blocked = tuple(f"{b.title}: no change anyone may make lifts it" for b in result.blocked)
        return WayOut(blocked, False, 0)
    if not result.paths:
        return WayOut(
            ("No path to yes within the search bound: some open questions must be answered first.",), False, 0
        )
    best = result.paths[0]
    lines: list[str] = []
    for who, label in WHO_TEXT.items():
        mine = [c for c in best.changes if c.controlled_by is who]
        named = [_change(c) for c in mine if not c.any_value]
        answers = len(mine) - len(named)
        if answers:
            named.append(f"an answer, whatever it is, on {answers} more point{'s' if answers > 1 else ''}")
        if named:
            lines.append(f"{label}: {'; '.join(named)}")
    return WayOut(tuple(lines), best.world == 0, len(best.changes))


def _change(change: Change) -> str:
    """ "national caveats accepted: yes (now no)"; a long list of equivalent values is counted."""
    fact = load_catalogue().fact(change.fact)
    text = f"{lower_first(fact.label)}: {describe_value(fact, change)}"
    others = change.alternatives
    if others:
        text += " or " + (
            ", ".join(fact.describe(v) for v in others) if len(others) < 3 else f"{len(others)} others"
        )
    return text + (f" (now {fact.describe(change.before)})" if change.before is not None else "")


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
