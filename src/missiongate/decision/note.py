"""The note verbale to the requesting party, built from the questionnaire.

It asks only what the requesting party can answer and what can change the verdict (the questionnaire's
`questions`), grouped by theme and numbered; it states our conditions as conditions, never as questions (a
question a stated condition settles is not asked); it names tasks in plain words; it never shows the case's
internal title or a fact id. A declined case gets a courteous declining note instead of a questionnaire.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from missiongate.catalogue import Catalogue, load_catalogue
from missiongate.decision.parties import Correspondents, correspondents, require_participation, task_labels
from missiongate.decision.wording import capitalised, joined, long_date, sentence
from missiongate.doctrine.model import Doctrine
from missiongate.errors import ConflictError
from missiongate.evaluator import Verdict, evaluate
from missiongate.mission import Mission
from missiongate.questionnaire import Questionnaire, build_questionnaire


@dataclass(frozen=True, slots=True)
class NoteQuestion:
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    example: bool
    declining: bool
    sender: str
    recipient: str
    number: str
    date: dt.date
    date_text: str
    opening: str
    preamble: tuple[str, ...]  # before the questions: what the Ministry has noted
    paragraphs: tuple[str, ...]  # after the conditions
    groups: tuple[tuple[str, tuple[NoteQuestion, ...]], ...]
    conditions_intro: str
    conditions: tuple[str, ...]
    desirable_intro: str
    desirable: tuple[str, ...]
    reply: str
    closing: str
    addressee_line: str
    facts_asked: tuple[str, ...] = field(default=())  # fact ids, for checks; never rendered

    @property
    def count(self) -> int:
        return sum(len(questions) for _, questions in self.groups)

    def context(self) -> dict[str, Any]:
        """What the note templates (HTML, DOCX) render; the workspace's note export uses the same keys."""
        return {
            "case": {"example": self.example},
            "declining": self.declining,
            "sender": self.sender,
            "recipient": self.recipient,
            "reference": self.number,
            "date_text": self.date_text,
            "opening_text": self.opening,
            "preamble": list(self.preamble),
            "paragraphs": list(self.paragraphs),
            "groups": [
                (theme, [{"number": q.number, "question": q.text} for q in questions])
                for theme, questions in self.groups
            ],
            "count": self.count,
            "conditions_intro": self.conditions_intro,
            "conditions": list(self.conditions),
            "desirable_intro": self.desirable_intro,
            "desirable": list(self.desirable),
            "reply_text": self.reply,
            "closing_text": self.closing,
            "addressee_line": self.addressee_line,
        }


def build_note(
    doctrine: Doctrine,
    mission: Mission,
    *,
    number: str,
    date: dt.date | None = None,
    ministry: str | None = None,
    country: str | None = None,
    recipient: str | None = None,
    catalogue: Catalogue | None = None,
    questionnaire: Questionnaire | None = None,
) -> Note:
    """The note for the case as it stands: its questions and our conditions, or the declining note.

    `questionnaire`: a version frozen earlier (the workspace's questionnaire export); its questions are
    asked as they were sent, whatever the verdict now and whatever kind of doctrine froze them.
    """
    if questionnaire is None:
        require_participation(doctrine)
    catalogue = catalogue or load_catalogue()
    who = correspondents(doctrine, mission.values, ministry=ministry, country=country, recipient=recipient)
    date = date or dt.date.today()
    if questionnaire is None:
        verdict = evaluate(doctrine, mission).verdict
        if verdict is Verdict.WITHDRAW:
            raise ConflictError(
                "the contingent is deployed and the doctrine requires its withdrawal: that is notified to "
                "the lead, not answered with a note on the inquiry"
            )
        if verdict is Verdict.DECLINE:
            return _declining(who, mission, number, date)
        questionnaire = build_questionnaire(doctrine, mission, catalogue)
    return _asking(who, mission, questionnaire, number, date)


def _asking(
    who: Correspondents, mission: Mission, questionnaire: Questionnaire, number: str, date: dt.date
) -> Note:
    groups, asked = note_questions(questionnaire)
    if not groups and not questionnaire.conditions:
        raise ConflictError(
            "nothing to ask and no condition left to state: every point is settled; "
            "the offer letter is the document to send"
        )
    stated = tuple(sentence(r.statement or r.title) for r in questionnaire.conditions if not r.desirable)
    desirable = tuple(sentence(r.statement or r.title) for r in questionnaire.conditions if r.desirable)
    return Note(
        example=mission.example,
        declining=False,
        sender=who.ministry,
        recipient=who.recipient,
        number=number,
        date=date,
        date_text=long_date(date),
        opening=_opening(who, asks=bool(groups)),
        preamble=tuple(_tasks(mission.values)),
        paragraphs=((PENDING if groups else NO_DECISION).format(country=who.country),),
        groups=groups,
        conditions_intro=(
            f"The Ministry wishes to inform {who.recipient_short} that any participation by {who.country} "
            "would be subject to the following conditions:"
            if stated
            else ""
        ),
        conditions=stated,
        desirable_intro=(
            f"{who.country} would also attach importance to the following:" if desirable else ""
        ),
        desirable=desirable,
        reply=_reply(who, asks=bool(groups), states=bool(stated or desirable)),
        closing=_closing(who),
        addressee_line=_addressee_line(who),
        facts_asked=asked,
    )


PENDING = "Pending these clarifications, no decision on the participation of {country} has been taken."
NO_DECISION = "No decision on the participation of {country} has yet been taken."


def note_questions(
    questionnaire: Questionnaire,
) -> tuple[tuple[tuple[str, tuple[NoteQuestion, ...]], ...], tuple[str, ...]]:
    """The questions by theme, renumbered, leaving out what a stated condition settles."""
    settled_by_conditions = set().union(*(rule.facts for rule in questionnaire.conditions))
    groups: list[tuple[str, tuple[NoteQuestion, ...]]] = []
    asked: list[str] = []
    number = 0
    for theme, questions in questionnaire.groups():
        kept = []
        for question in questions:
            if question.fact.id in settled_by_conditions:
                continue
            number += 1
            asked.append(question.fact.id)
            kept.append(NoteQuestion(number, question.text))
        if kept:
            groups.append((theme, tuple(kept)))
    return tuple(groups), tuple(asked)


def _reference(who: Correspondents) -> str:
    return (
        f"with reference to {who.communication} concerning a possible contribution of {who.country} to "
        f"{who.operation}"
    )


def _opening(who: Correspondents, *, asks: bool) -> str:
    purpose = (
        "has the honour to request clarification on the following points"
        if asks
        else "has the honour to set out the conditions to which any participation would be subject"
    )
    return (
        f"The {who.ministry} presents its compliments to {who.recipient} and, {_reference(who)}, {purpose}."
    )


def _tasks(values: dict[str, Any]) -> list[str]:
    tasks = task_labels(values)
    if not tasks:
        return []
    return [f"The Ministry has taken note of the tasks entrusted to the operation: {joined(tasks)}."]


def _reply(who: Correspondents, *, asks: bool, states: bool) -> str:
    parts = (["replies to the above questions"] if asks else []) + (
        [f"the views of {who.recipient_short} on these conditions"] if states else []
    )
    return f"The Ministry would be grateful to receive {joined(parts)} through diplomatic channels."


def _closing(who: Correspondents) -> str:
    return (
        f"The {who.ministry} avails itself of this opportunity to renew to {who.recipient} the assurances "
        "of its highest consideration."
    )


def _addressee_line(who: Correspondents) -> str:
    return capitalised(who.recipient.removeprefix("the "))


def _declining(who: Correspondents, mission: Mission, number: str, date: dt.date) -> Note:
    opening = (
        f"The {who.ministry} presents its compliments to {who.recipient} and, {_reference(who)}, has the "
        f"honour to inform {who.recipient_short} that, having given the request careful consideration, the "
        f"Government of {who.country} is not in a position to contribute forces to the operation."
    )
    thanks = f"The Ministry expresses its appreciation for the confidence shown in {who.country}."
    return Note(
        example=mission.example,
        declining=True,
        sender=who.ministry,
        recipient=who.recipient,
        number=number,
        date=date,
        date_text=long_date(date),
        opening=opening,
        preamble=(),
        paragraphs=(thanks,),
        groups=(),
        conditions_intro="",
        conditions=(),
        desirable_intro="",
        desirable=(),
        reply="",
        closing=_closing(who),
        addressee_line=_addressee_line(who),
    )
