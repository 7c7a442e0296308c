"""The minister's memo: a recommendation in one paragraph, the options with their conditions, risks and what
would change the answer, the facts it rests on and where they came from, stated positions apart from the
ministry's interpretations, the domestic steps and the withdrawal triggers; the rule-by-rule report as annex.

Plain language throughout: rule titles and fact labels, never ids or formulas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from missiongate.catalogue import Catalogue, FactType, load_catalogue
from missiongate.decision.note import note_questions
from missiongate.decision.parties import contributor_name, require_participation
from missiongate.decision.paths import RoleOption, WayOut, other_role, path_to_yes
from missiongate.decision.steps import StepLine, domestic_steps, mandate_timeline
from missiongate.decision.triggers import withdrawal_triggers
from missiongate.decision.wording import joined, long_date, lower_first
from missiongate.doctrine.model import Basis, Doctrine, Source
from missiongate.evaluator import Assessment, Effect, RuleOutcome, RuleStatus, Verdict, rule_findings
from missiongate.mission import Mission
from missiongate.questionnaire import Questionnaire
from missiongate.report.explain import assess, report_data, verdict_label


@dataclass(frozen=True, slots=True)
class Option:
    key: str  # decline | conditions | role
    title: str
    available: bool
    recommended: bool
    summary: str
    conditions: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    path: tuple[str, ...] = ()  # what would change the answer


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Known facts that came from one place: "text of the resolution, 17 November 2025"."""

    origin: str
    settled: bool  # confirmed, not merely proposed or reported
    facts: tuple[str, ...]  # "Authorising body: UN Security Council"


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """The rules bearing on the answer that one source states (or that the ministry reads into it)."""

    source: str
    rules: tuple[str, ...]  # "title (kind, what it does now)"


@dataclass(frozen=True, slots=True)
class Memo:
    title: str
    date: dt.date
    example: bool
    country: str
    doctrine: str
    verdict: Verdict
    verdict_label: str
    recommendation: str
    provisional: tuple[str, ...]
    options: tuple[Option, ...]
    facts: tuple[FactGroup, ...]
    stated: tuple[SourceGroup, ...]
    interpretations: tuple[SourceGroup, ...]
    triggers: tuple[str, ...]
    steps: tuple[StepLine, ...]
    timeline: tuple[str, ...]
    questions: int
    annex: dict[str, Any]

    @property
    def date_text(self) -> str:
        return long_date(self.date)


def build_memo(
    doctrine: Doctrine,
    mission: Mission,
    *,
    country: str | None = None,
    date: dt.date | None = None,
    catalogue: Catalogue | None = None,
) -> Memo:
    """The memo for the mission under the doctrine; `country`: the contributor's name (default: the
    doctrine's country)."""
    require_participation(doctrine)
    country = contributor_name(doctrine, country)
    catalogue = catalogue or load_catalogue()
    date = date or dt.date.today()
    assessment, questionnaire = assess(doctrine, mission, catalogue)
    data = report_data(assessment, questionnaire, mission, catalogue)
    role = other_role(doctrine, assessment.values, catalogue)
    way = path_to_yes(doctrine, mission)
    options = _options(assessment, questionnaire, role, way)
    return Memo(
        title=mission.title,
        date=date,
        example=mission.example,
        country=country,
        doctrine=f"{doctrine.title}, version {doctrine.version}",
        verdict=assessment.verdict,
        verdict_label=verdict_label(assessment.verdict, doctrine),
        recommendation=_recommendation(assessment, questionnaire, role, catalogue),
        provisional=tuple(reason["text"] for reason in data["provisional_because"]),
        options=options,
        facts=_facts(assessment, mission, catalogue),
        stated=_rules(assessment, Basis.STATED),
        interpretations=_rules(assessment, Basis.INTERPRETATION),
        triggers=tuple(t.text for t in withdrawal_triggers(doctrine, assessment.values, catalogue)),
        steps=tuple(domestic_steps(doctrine, mission, date)),
        timeline=tuple(mandate_timeline(mission, date)),
        questions=_asked(questionnaire),
        annex=data,
    )


# --- the recommendation ------------------------------------------------------------------------------


def reason_text(outcome: RuleOutcome, catalogue: Catalogue) -> str:
    """A rule standing against participation, with the known facts that put it there."""
    findings = [
        f
        for f in rule_findings(outcome.rule, outcome.values)
        if f.truth is not None and (f.truth != f.negated) is (outcome.status is RuleStatus.SATISFIED)
    ]
    facts = dict.fromkeys(
        f"{lower_first(f.leaf.meta.label)}: {f.leaf.meta.describe(outcome.values[f.leaf.fact_id])}"
        for f in findings
        if f.leaf.fact_id in outcome.values
    )
    title = lower_first(outcome.rule.title)
    return f"{title} ({'; '.join(facts)})" if facts else title


def _recommendation(
    assessment: Assessment,
    questionnaire: Questionnaire,
    role: RoleOption | None,
    catalogue: Catalogue,
) -> str:
    verdict = assessment.verdict
    reasons = joined([reason_text(o, catalogue) for o in assessment.deciding])
    if verdict in (Verdict.DECLINE, Verdict.WITHDRAW):
        head = "Decline." if verdict is Verdict.DECLINE else "Withdraw the contingent."
        text = f"{head} The doctrine rules it out: {reasons}."
        if role is not None:
            text += f" Another role would change this: {joined(list(role.texts))} ({_label(role.verdict)})."
        if verdict is Verdict.DECLINE:
            return text + " Reply with a courteous note declining participation; no questionnaire is needed."
        return text + " Notify the lead and plan the contingent's withdrawal."
    if verdict is Verdict.MINISTERIAL_DECISION:
        return (
            f"For your decision. What weighs against participation: {reasons}. No answer from the "
            "requesting party can make the case acceptable without your decision; if you decide to go "
            f"ahead, {_conditions_clause(assessment)}."
        )
    if verdict is Verdict.CLARIFICATION_REQUIRED:
        stated = len(questionnaire.conditions)
        conditions = f", and our {_count(stated, 'condition')} stated as conditions" if stated else ""
        text = (
            f"Make no commitment yet. Send the note verbale: {_count(_asked(questionnaire), 'question')} to "
            f"the requesting party{conditions}. {_count(len(assessment.deciding), 'rule')} of the doctrine "
            "cannot be applied yet (listed below with their sources); until the answers are in, no "
            "participation is envisioned."
        )
        if role is not None:
            text += f" Our own choice settles part of it: {joined(list(role.texts))}."
        return text
    if verdict is Verdict.ACCEPTABLE_WITH_CONDITIONS:
        head = "Offer a contribution on conditions" if _to_secure(assessment) else "Offer a contribution"
        return f"{head}: {_conditions_clause(assessment)}.{_risks_clause(assessment)}"
    if verdict is Verdict.ACCEPTABLE:
        return "Participation is compatible with the doctrine: an offer can be made." + _risks_clause(
            assessment
        )
    return "The doctrine gives no guidance on this operation: the decision rests on political judgement."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _asked(questionnaire: Questionnaire) -> int:
    """How many questions the note asks (a question a stated condition settles is not asked)."""
    return len(note_questions(questionnaire)[1])


def _to_secure(assessment: Assessment) -> list[RuleOutcome]:
    return [o for o in assessment.conditions if o.effect is Effect.TO_SECURE]


def _conditions_clause(assessment: Assessment) -> str:
    pending = _to_secure(assessment)
    if not assessment.conditions:
        return "an offer can be made"
    if not pending:
        return "the lead has accepted every condition of participation"
    return (
        f"the lead must accept our {len(pending)} condition{'s' if len(pending) > 1 else ''} "
        f"({joined([lower_first(o.rule.title) for o in pending])}); a refusal declines"
    )


def _risks_clause(assessment: Assessment) -> str:
    risks = [lower_first(o.rule.title) for o in assessment.risks]
    return f" Risks to weigh: {joined(risks)}." if risks else ""


def _label(verdict: Verdict) -> str:
    return {
        Verdict.ACCEPTABLE: "participation would then be compatible with the doctrine",
        Verdict.ACCEPTABLE_WITH_CONDITIONS: "participation would then be possible on our conditions",
        Verdict.CLARIFICATION_REQUIRED: "the case would then turn on the answers to our questions",
        Verdict.MINISTERIAL_DECISION: "the case would then be for your decision",
        Verdict.NOT_COVERED: "the doctrine would then give no guidance",
    }.get(verdict, "still declined")


# --- the options -------------------------------------------------------------------------------------


def _options(
    assessment: Assessment, questionnaire: Questionnaire, role: RoleOption | None, way: WayOut
) -> tuple[Option, ...]:
    verdict = assessment.verdict
    declined = verdict in (Verdict.DECLINE, Verdict.WITHDRAW)
    conditions = _condition_lines(assessment)
    risks = tuple(
        [f"{o.rule.title} (adverse)" for o in assessment.risks]
        + [f"{o.rule.title} (not yet known)" for o in assessment.pending]
    )
    movable = declined and way.by_terms and way.changes > 0
    deployed = verdict is Verdict.WITHDRAW
    decline = Option(
        "decline",
        "Withdraw" if deployed else "Decline",
        available=True,
        recommended=declined and role is None,
        summary="Notify the lead and withdraw the contingent."
        if deployed
        else "Reply with a courteous note declining participation.",
    )
    open_ = not declined or movable
    offer = Option(
        "conditions",
        "Stay on conditions" if deployed else "Offer on conditions",
        available=open_,
        recommended=verdict
        in (Verdict.CLARIFICATION_REQUIRED, Verdict.ACCEPTABLE_WITH_CONDITIONS, Verdict.ACCEPTABLE),
        summary=_offer_summary(assessment, questionnaire, movable),
        conditions=conditions if open_ else (),  # a closed option's conditions are in the annex
        risks=risks if open_ else (),
        path=way.lines,
    )
    return (decline, offer, _role_option(role, declined, risks))


def _condition_lines(assessment: Assessment) -> tuple[str, ...]:
    """The conditions by state, by title (their full statements are in the annex)."""
    states: dict[str, list[str]] = {}
    for outcome in assessment.conditions:
        state = {Effect.SECURED: "Secured", Effect.TO_SECURE: "To be secured"}.get(outcome.effect, "Refused")
        states.setdefault(state, []).append(lower_first(outcome.rule.title))
    return tuple(f"{state}: {joined(titles)}." for state, titles in states.items())


def _offer_summary(assessment: Assessment, questionnaire: Questionnaire, movable: bool) -> str:
    verdict = assessment.verdict
    if verdict in (Verdict.DECLINE, Verdict.WITHDRAW):
        if movable:
            return "Open only if the terms changed, as below."
        return "Not open: no change of terms alone leads to a yes (see below)."
    if verdict is Verdict.MINISTERIAL_DECISION:
        return "Open on your decision, with the conditions below."
    if verdict is Verdict.CLARIFICATION_REQUIRED:
        return (
            f"Send the note ({_asked(questionnaire)} questions, our conditions stated); decide once "
            "the answers are in."
        )
    return "Offer a contingent; participation follows once the conditions below are accepted."


def _role_option(role: RoleOption | None, declined: bool, risks: tuple[str, ...]) -> Option:
    if role is None:
        return Option(
            "role",
            "Offer with another role",
            available=False,
            recommended=False,
            summary="No other role of our own would change the answer.",
        )
    return Option(
        "role",
        "Offer with another role",
        available=True,
        recommended=declined,
        summary=f"Offer instead {lower_first(joined(list(role.texts)))}, on the same conditions; "
        f"{_label(role.verdict)}.",
        risks=risks,
    )


# --- facts and rules ---------------------------------------------------------------------------------


MEMO_FACTS = 12  # the rest are in the annex, which lists every fact used


def _facts(assessment: Assessment, mission: Mission, catalogue: Catalogue) -> tuple[FactGroup, ...]:
    """The known facts the deciding rules read (unconfirmed ones first), each with where it came from;
    free-text facts and any beyond the first twelve are left to the annex."""
    used = set().union(*(o.facts_read for o in assessment.deciding)) | assessment.unsettled_facts_used
    facts = [f for f in catalogue.facts if f.id in used and f.type is not FactType.TEXT]
    facts.sort(key=lambda f: f.id not in assessment.unsettled_facts_used)
    groups: dict[tuple[str, bool], list[str]] = {}
    for fact in facts[:MEMO_FACTS]:
        record = mission.record(fact.id)
        said = record is not None and bool(record.source or record.answered_by or record.unsettled)
        origin = record.origin() if record is not None and said else "the analyst's record"
        if record and record.date:
            origin += f", {long_date(record.date)}"
        settled = record is None or not record.unsettled
        described = f"{fact.label}: {fact.describe(assessment.values[fact.id])}"
        groups.setdefault((origin, settled), []).append(described)
    lines = [FactGroup(origin, settled, tuple(items)) for (origin, settled), items in groups.items()]
    if len(facts) > MEMO_FACTS:
        more = len(facts) - MEMO_FACTS
        lines.append(FactGroup("the annex", True, (f"{more} more fact{'s' if more > 1 else ''}",)))
    return tuple(lines)


def _rules(assessment: Assessment, basis: Basis) -> tuple[SourceGroup, ...]:
    """The rules that decide the answer, and the risks, of one basis, by source: for an interpretation, the
    statement or law it is a reading of."""
    doctrine = assessment.doctrine
    bearing = {o.rule.id for o in (*assessment.deciding, *assessment.risks)}
    groups: dict[str, list[str]] = {}
    for outcome in assessment.outcomes:
        rule = outcome.rule
        if rule.id not in bearing or rule.basis is not basis:
            continue
        if basis is Basis.INTERPRETATION and rule.informed_by is None:
            source = "the ministry's own reading, of no public statement"
        elif basis is Basis.INTERPRETATION:
            source = "reading of " + short_citation(
                doctrine.sources_by_id[(rule.informed_by or rule.source).document]
            )
        else:
            source = short_citation(doctrine.sources_by_id[rule.source.document])
        groups.setdefault(source, []).append(rule.title)
    return tuple(SourceGroup(source, tuple(rules)) for source, rules in groups.items())


def short_citation(source: Source) -> str:
    """A source as a memo names it (the full citation is in the annex): who, and when."""
    head = source.citation.split(", ")[0]
    return f"{head}, {long_date(source.date)}" if source.date else head
