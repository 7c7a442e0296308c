"""The verdict's meaning, proved: docs/semantics.md states each property in words; here they are tested.

- Bad news never helps: a value that makes some rule violated, and no rule better, never gives a better
  verdict than leaving the fact unknown.
- The verdict is monotone in the rules' statuses: if every rule stands at least as well with one value of a
  fact as with another, so does the verdict (violated < undetermined < satisfied < not applicable).
- Completion soundness, against brute force over every completion of the unknown facts: DECLINE only if
  every completion declines; ACCEPTABLE only if every completion is acceptable; ACCEPTABLE_WITH_CONDITIONS
  only if every completion accepting the listed conditions is acceptable and every declining completion
  refuses one of them; MINISTERIAL_DECISION only if no completion is acceptable; otherwise
  CLARIFICATION_REQUIRED.
Random doctrines cover every rule kind and level; the built-in doctrines are checked over their own facts.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate import evaluate
from missiongate.catalogue import FactType, FactValue, load_catalogue
from missiongate.doctrine import Doctrine, load_doctrine
from missiongate.doctrine.loader import builtin_ids
from missiongate.doctrine.model import RuleKind
from missiongate.evaluator import VERDICT_RANK, Assessment, Effect, RuleStatus, Verdict
from tests.strategies import FACTS, domain, make_doctrine, partial_facts, rules_data

STANDING = {
    RuleStatus.VIOLATED: 0,
    RuleStatus.UNDETERMINED: 1,
    RuleStatus.SATISFIED: 2,
    RuleStatus.NOT_APPLICABLE: 3,
}
ACCEPTABLE = {Verdict.ACCEPTABLE, Verdict.ACCEPTABLE_WITH_CONDITIONS}
DECLINED = {Verdict.DECLINE, Verdict.WITHDRAW}


def rank(assessment: Assessment) -> int:
    return VERDICT_RANK[assessment.verdict]


def pure_bad_news(before: Assessment, after: Assessment) -> bool:
    """Some rule newly violated, none better off."""
    pairs = list(zip(before.outcomes, after.outcomes, strict=True))
    worse = any(a.status is RuleStatus.VIOLATED and b.status is not RuleStatus.VIOLATED for b, a in pairs)
    better = any(STANDING[a.status] > STANDING[b.status] for b, a in pairs)
    return worse and not better


def at_least_as_well(first: Assessment, second: Assessment) -> bool:
    """Every rule stands at least as well in `first` as in `second`."""
    return all(
        STANDING[a.status] >= STANDING[b.status] for a, b in zip(first.outcomes, second.outcomes, strict=True)
    )


def check_news(doctrine: Doctrine, values: dict[str, FactValue], fact: str, options: list[FactValue]) -> None:
    before = evaluate(doctrine, values)
    afters = [evaluate(doctrine, {**values, fact: value}) for value in options]
    for after in afters:
        if pure_bad_news(before, after):
            assert rank(after) <= rank(before), (fact, after.verdict, before.verdict)
    for first, second in itertools.permutations(afters, 2):
        if at_least_as_well(first, second):
            assert rank(first) >= rank(second), (fact, first.verdict, second.verdict)


@settings(max_examples=1000, deadline=None)
@given(rules=st.lists(rules_data(), min_size=1, max_size=4), values=partial_facts())
def test_bad_news_never_helps_random_doctrines(
    rules: list[dict[str, Any]], values: dict[str, FactValue]
) -> None:
    doctrine = make_doctrine(rules)
    for fact in set(FACTS) - set(values):
        check_news(doctrine, values, fact, domain(fact))


# --- the built-in doctrines, over the facts they read -------------------------------------------------


def sample_values(fact_id: str, doctrine: Doctrine) -> list[FactValue]:
    """A few values of a fact, including every value the doctrine names."""
    from missiongate.questionnaire.relevance import representatives

    leaves = [
        leaf
        for rule in doctrine.rules
        for part in (rule.when, rule.require)
        if part
        for leaf in part.leaves()
    ]
    values = representatives(fact_id, leaves)
    fact = load_catalogue().fact(fact_id)
    if fact.type in (FactType.ENUM, FactType.ORDERED_ENUM):
        return list(fact.value_ids)
    return values


@st.composite
def builtin_case(draw: st.DrawFn) -> tuple[Doctrine, dict[str, FactValue], str]:
    doctrine = load_doctrine(draw(st.sampled_from(builtin_ids())))
    facts = sorted({f for rule in doctrine.rules for f in rule.facts})
    known = draw(st.lists(st.sampled_from(facts), unique=True, max_size=len(facts)))
    values = {f: draw(st.sampled_from(sample_values(f, doctrine))) for f in known}
    unknown = [f for f in facts if f not in values]
    fact = draw(st.sampled_from(unknown)) if unknown else facts[0]
    values.pop(fact, None)
    return doctrine, values, fact


@settings(max_examples=1000, deadline=None)
@given(case=builtin_case())
def test_bad_news_never_helps_builtin_doctrines(case: tuple[Doctrine, dict[str, FactValue], str]) -> None:
    doctrine, values, fact = case
    check_news(doctrine, values, fact, sample_values(fact, doctrine))


# --- completion soundness -----------------------------------------------------------------------------


def completions(values: dict[str, FactValue], unknown: list[str]) -> Iterator[dict[str, FactValue]]:
    for combo in itertools.product(*(domain(f) for f in unknown)):
        yield {**values, **dict(zip(unknown, combo, strict=True))}


def check_sound(doctrine: Doctrine, values: dict[str, FactValue]) -> None:
    assessment = evaluate(doctrine, values)
    read = sorted({f for rule in doctrine.rules for f in rule.facts} - set(values))
    listed = {o.rule.id for o in assessment.conditions}
    verdict = assessment.verdict
    for completion in completions(values, read):
        final = evaluate(doctrine, completion)
        refused = {
            o.rule.id
            for o in final.outcomes
            if o.effect is Effect.DECLINES and o.rule.kind is RuleKind.CONDITION
        }
        accepted = not any(
            final.outcome(c).status is RuleStatus.VIOLATED for c in listed
        )  # listed conditions met, inapplicable, or desirable ones waived
        if verdict in DECLINED:
            assert final.verdict in DECLINED
        elif verdict is Verdict.ACCEPTABLE:
            assert final.verdict in {Verdict.ACCEPTABLE, Verdict.NOT_COVERED}
        elif verdict is Verdict.NOT_COVERED:
            assert final.verdict is Verdict.NOT_COVERED
        elif verdict is Verdict.ACCEPTABLE_WITH_CONDITIONS:
            if accepted:
                assert final.verdict in ACCEPTABLE | {Verdict.NOT_COVERED}, completion
            if final.verdict in DECLINED:
                assert refused & listed, completion
        elif verdict is Verdict.MINISTERIAL_DECISION:  # no answer can make it acceptable
            assert final.verdict in DECLINED | {Verdict.MINISTERIAL_DECISION}


@settings(max_examples=1000, deadline=None)
@given(rules=st.lists(rules_data(), min_size=1, max_size=4), values=partial_facts())
def test_verdicts_are_sound_for_every_completion(
    rules: list[dict[str, Any]], values: dict[str, FactValue]
) -> None:
    check_sound(make_doctrine(rules), values)


def test_the_unifil_case_no_longer_improves_with_bad_news() -> None:
    """A severe threat with a consideration that declines at that level: DECLINE, never acceptable."""
    rules = [
        {"kind": "requirement", "require": {"fact": "consent.host_state", "is": True}},
        {"kind": "condition", "require": {"fact": "operation.offensive_operations", "is": False}},
        {
            "kind": "consideration",
            "decides": "decline",
            "require": {"fact": "risk.threat_level", "at_most": "high"},
        },
    ]
    doctrine = make_doctrine(rules)
    known: dict[str, FactValue] = {"consent.host_state": True}
    unknown_threat = evaluate(doctrine, known)
    severe = evaluate(doctrine, {**known, "risk.threat_level": "severe"})
    assert unknown_threat.verdict is Verdict.CLARIFICATION_REQUIRED
    assert severe.verdict is Verdict.DECLINE
    assert (
        evaluate(doctrine, {**known, "risk.threat_level": "low"}).verdict
        is Verdict.ACCEPTABLE_WITH_CONDITIONS
    )
