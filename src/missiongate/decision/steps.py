"""Domestic steps and the timeline: where the contributor's own approval procedure stands, and the
mandate's end and renewal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from missiongate.catalogue import FactValue
from missiongate.decision.wording import long_date
from missiongate.doctrine.model import Doctrine, DomesticStep, StepTiming
from missiongate.mission import Mission

WHEN_TEXT = {
    StepTiming.BEFORE_OFFER: "before any offer is made",
    StepTiming.BEFORE_DEPLOYMENT: "before the contingent deploys",
    StepTiming.AFTER_DEPLOYMENT: "after the contingent has deployed",
    StepTiming.BEFORE_RENEWAL: "before the mandate is renewed",
}


@dataclass(frozen=True, slots=True)
class StepLine:
    title: str
    authority: str
    when: str
    deadline: str  # "" when the doctrine sets none
    status: str  # "taken", "not yet taken", "not recorded"
    overdue: bool
    source: str
    id: str
    fact: str | None  # the yes/no fact that records the step as taken
    due: dt.date | None  # the deadline's date, when the doctrine sets one and its anchor is known


def domestic_steps(doctrine: Doctrine, mission: Mission, today: dt.date) -> Iterator[StepLine]:
    values = mission.values
    for step in doctrine.domestic_steps:
        due = _due(step, values)
        taken = values.get(step.done_when) if step.done_when else None
        status = "not recorded" if step.done_when is None else ("taken" if taken is True else "not yet taken")
        yield StepLine(
            title=step.title,
            authority=step.authority,
            when=WHEN_TEXT[step.when],
            deadline=_deadline_text(step, due),
            status=status,
            overdue=due is not None and due < today and taken is not True,
            source=doctrine.cite_ref(step.source),
            id=step.id,
            fact=step.done_when,
            due=due,
        )


def _due(step: DomesticStep, values: Mapping[str, FactValue]) -> dt.date | None:
    if step.deadline_days is None:
        return None
    days = dt.timedelta(days=step.deadline_days)
    anchor = {
        StepTiming.BEFORE_OFFER: values.get("request.date"),
        StepTiming.BEFORE_DEPLOYMENT: values.get("request.date"),
        StepTiming.BEFORE_RENEWAL: values.get("mandate.end_date"),
    }.get(step.when)
    if not isinstance(anchor, dt.date):
        return None
    return anchor - days if step.when is StepTiming.BEFORE_RENEWAL else anchor + days


def _deadline_text(step: DomesticStep, due: dt.date | None) -> str:
    if step.deadline_days is None:
        return ""
    days = f"{step.deadline_days} day{'s' if step.deadline_days != 1 else ''}"
    counted = {
        StepTiming.BEFORE_OFFER: f"within {days} of the request",
        StepTiming.BEFORE_DEPLOYMENT: f"within {days} of the request",
        StepTiming.AFTER_DEPLOYMENT: f"within {days} of deployment",
        StepTiming.BEFORE_RENEWAL: f"{days} before the mandate ends",
    }[step.when]
    return f"{counted} (by {long_date(due)})" if due else counted


def mandate_timeline(mission: Mission, today: dt.date) -> Iterator[str]:
    """The mandate's end and renewal, flagged against the memo's date."""
    values = mission.values
    end = values.get("mandate.end_date")
    if isinstance(end, dt.date):
        left = (end - today).days
        if left >= 0:
            yield (
                f"The mandate ends on {long_date(end)} ({left} days from today); a contribution beyond that "
                "date depends on its renewal by the authorising body."
            )
        else:
            yield f"The mandate ended on {long_date(end)} ({-left} days ago): a contribution needs a renewal."
    elif values.get("mandate.open_ended") is True:
        yield "The mandate runs until the authorising body decides otherwise: no end date to plan on."
    else:
        yield "The mandate's end date is not yet known."
    review = values.get("mandate.review_mechanism")
    if review is True:
        yield "The mandate provides for periodic review."
    elif review is False:
        yield "The mandate provides for no periodic review."
