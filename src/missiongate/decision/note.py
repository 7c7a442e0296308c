"""The note verbale to the requesting party, built from the questionnaire.

It asks only what the requesting party can answer and what can change the verdict (the questionnaire's
`questions`), grouped by theme and numbered; it states our conditions as conditions, never as questions (a
question a stated condition settles is not asked); it names tasks in plain words; it never shows the case's
internal title or a fact id. A declined case gets a courteous declining note instead of a questionnaire.
It is written in English or in French (`note_fr`), by the same rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Protocol, TypedDict

from missiongate.catalogue import Catalogue, Fact, FactValue, load_catalogue
from missiongate.decision.note_fr import french_formulae
from missiongate.decision.parties import Correspondents, correspondents, require_participation, task_labels
from missiongate.decision.wording import capitalised, joined, long_date, sentence
from missiongate.doctrine.model import Doctrine, Rule
from missiongate.errors import ConflictError, MissionGateError
from missiongate.evaluator import Verdict, evaluate
from missiongate.mission import Mission
from missiongate.questionnaire import Questionnaire, build_questionnaire

Lang = Literal["en", "fr"]
LANGUAGES: tuple[Lang, ...] = ("en", "fr")


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
    lang: Lang = "en"
    number_text: str = "No."
    example_text: str = "EXAMPLE DATA — not an official document"

    @property
    def count(self) -> int:
        return sum(len(questions) for _, questions in self.groups)

    def context(self) -> dict[str, Any]:
        """What the note templates (HTML, DOCX) render; the workspace's note export uses the same keys."""
        return {
            "lang": self.lang,
            "number_text": self.number_text,
            "example_text": self.example_text,
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


class Formulae(Protocol):
    """The wording of a note in one language: its formulae and the texts of catalogue and doctrine."""

    number_text: ClassVar[str]
    example_text: ClassVar[str]

    @property
    def lang(self) -> Lang: ...

    @property
    def sender(self) -> str: ...
    @property
    def recipient(self) -> str: ...
    def date(self, day: dt.date) -> str: ...
    def missing(self, facts: list[Fact], rules: list[Rule], values: dict[str, FactValue]) -> list[str]: ...
    def question(self, fact: Fact) -> str: ...
    def theme(self, theme_id: str) -> str: ...
    def condition(self, rule: Rule) -> str: ...
    def tasks(self, values: dict[str, FactValue]) -> tuple[str, ...]: ...
    def opening(self, *, asks: bool) -> str: ...
    def pending(self, *, asks: bool) -> str: ...
    def conditions_intro(self, count: int) -> str: ...
    def desirable_intro(self) -> str: ...
    def reply(self, *, asks: bool, states: int) -> str: ...
    def declining(self) -> tuple[str, str]: ...
    def closing(self) -> str: ...
    def addressee_line(self) -> str: ...


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
    lang: Lang = "en",
    questionnaire: Questionnaire | None = None,
) -> Note:
    """The note verbale for the case as it stands (or the declining note), in English or French (`lang`);
    in French, a text with no French version refuses the note, naming what is missing.

    `questionnaire`: a version frozen earlier (the workspace's questionnaire export); its questions are
    asked as they were sent, whatever the verdict now and whatever kind of doctrine froze them.
    """
    if questionnaire is None:
        require_participation(doctrine)
    catalogue = catalogue or load_catalogue()
    values = mission.values
    parties = dict(ministry=ministry, country=country, recipient=recipient)
    words: Formulae = (
        french_formulae(doctrine, values, catalogue, **parties)
        if lang == "fr"
        else EnglishFormulae(catalogue, correspondents(doctrine, values, **parties))
    )
    day = date or dt.date.today()
    if questionnaire is None:
        verdict = evaluate(doctrine, mission).verdict
        if verdict is Verdict.WITHDRAW:
            raise ConflictError(
                "the contingent is deployed and the doctrine requires its withdrawal: that is notified to "
                "the lead, not answered with a note on the inquiry"
            )
        if verdict is Verdict.DECLINE:
            return _declining(words, mission, number, day)
        questionnaire = build_questionnaire(doctrine, mission, catalogue)
    asked = [
        q.fact for q in questionnaire.questions if q.fact.id not in _settled_by_conditions(questionnaire)
    ]
    missing = words.missing(asked, list(questionnaire.conditions), values)
    if missing:
        raise MissionGateError(
            f"cannot write the note in {_LANGUAGE[lang]}: no {_LANGUAGE[lang]} text for {'; '.join(missing)}"
        )
    groups, facts_asked = note_questions(questionnaire, words)
    if not groups and not questionnaire.conditions:
        raise ConflictError(
            "nothing to ask and no condition left to state: every point is settled; "
            "the offer letter is the document to send"
        )
    stated = tuple(words.condition(r) for r in questionnaire.conditions if not r.desirable)
    desirable = tuple(words.condition(r) for r in questionnaire.conditions if r.desirable)
    return Note(
        declining=False,
        opening=words.opening(asks=bool(groups)),
        preamble=words.tasks(values),
        paragraphs=(words.pending(asks=bool(groups)),),
        groups=groups,
        conditions_intro=words.conditions_intro(len(stated)) if stated else "",
        conditions=stated,
        desirable_intro=words.desirable_intro() if desirable else "",
        desirable=desirable,
        reply=words.reply(asks=bool(groups), states=len(stated) + len(desirable)),
        facts_asked=facts_asked,
        **_frame(words, mission, number, day),
    )


_LANGUAGE = {"en": "English", "fr": "French"}


class _Frame(TypedDict):
    """`Note`'s fields that `_frame` fills, typed so that mypy checks them at each `Note(**_frame(...))`."""

    example: bool
    sender: str
    recipient: str
    number: str
    date: dt.date
    date_text: str
    closing: str
    addressee_line: str
    lang: Lang
    number_text: str
    example_text: str


def _frame(words: Formulae, mission: Mission, number: str, day: dt.date) -> _Frame:
    """What every note carries whatever it says: who writes to whom, its number and date, the courtesies."""
    return {
        "example": mission.example,
        "sender": words.sender,
        "recipient": words.recipient,
        "number": number,
        "date": day,
        "date_text": words.date(day),
        "closing": words.closing(),
        "addressee_line": words.addressee_line(),
        "lang": words.lang,
        "number_text": words.number_text,
        "example_text": words.example_text,
    }


def _settled_by_conditions(questionnaire: Questionnaire) -> set[str]:
    return set().union(*(rule.facts for rule in questionnaire.conditions))


def note_questions(
    questionnaire: Questionnaire, words: Formulae | None = None
) -> tuple[tuple[tuple[str, tuple[NoteQuestion, ...]], ...], tuple[str, ...]]:
    """The questions by theme, renumbered, leaving out what a stated condition settles; worded by
    `words` (default: the catalogue's English)."""
    settled = _settled_by_conditions(questionnaire)
    groups: list[tuple[str, tuple[NoteQuestion, ...]]] = []
    asked: list[str] = []
    number = 0
    for _, questions in questionnaire.groups():
        kept = []
        for question in questions:
            if question.fact.id in settled:
                continue
            number += 1
            asked.append(question.fact.id)
            kept.append(NoteQuestion(number, words.question(question.fact) if words else question.text))
        if kept:
            theme = words.theme(questions[0].fact.theme) if words else questions[0].theme_label
            groups.append((theme, tuple(kept)))
    return tuple(groups), tuple(asked)


PENDING = "Pending these clarifications, no decision on the participation of {country} has been taken."
NO_DECISION = "No decision on the participation of {country} has yet been taken."


@dataclass(frozen=True, slots=True)
class EnglishFormulae:
    lang: ClassVar[Lang] = "en"
    number_text: ClassVar[str] = "No."
    example_text: ClassVar[str] = "EXAMPLE DATA — not an official document"

    catalogue: Catalogue
    who: Correspondents

    @property
    def sender(self) -> str:
        return self.who.ministry

    @property
    def recipient(self) -> str:
        return self.who.recipient

    def date(self, day: dt.date) -> str:
        return long_date(day)

    def missing(self, facts: list[Fact], rules: list[Rule], values: dict[str, FactValue]) -> list[str]:
        return []  # the catalogue and the doctrines are written in English

    def question(self, fact: Fact) -> str:
        return fact.question

    def theme(self, theme_id: str) -> str:
        return self.catalogue.theme_labels[theme_id]

    def condition(self, rule: Rule) -> str:
        return sentence(rule.statement or rule.title)

    def tasks(self, values: dict[str, FactValue]) -> tuple[str, ...]:
        tasks = task_labels(values)
        if not tasks:
            return ()
        return (f"The Ministry has taken note of the tasks entrusted to the operation: {joined(tasks)}.",)

    def _reference(self) -> str:
        who = self.who
        return (
            f"with reference to {who.communication} concerning a possible contribution of {who.country} to "
            f"{who.operation}"
        )

    def opening(self, *, asks: bool) -> str:
        purpose = (
            "has the honour to request clarification on the following points"
            if asks
            else "has the honour to set out the conditions to which any participation would be subject"
        )
        return (
            f"The {self.who.ministry} presents its compliments to {self.who.recipient} and, "
            f"{self._reference()}, {purpose}."
        )

    def pending(self, *, asks: bool) -> str:
        return (PENDING if asks else NO_DECISION).format(country=self.who.country)

    def conditions_intro(self, count: int) -> str:
        return (
            f"The Ministry wishes to inform {self.who.recipient_short} that any participation by "
            f"{self.who.country} would be subject to the following conditions:"
        )

    def desirable_intro(self) -> str:
        return f"{self.who.country} would also attach importance to the following:"

    def reply(self, *, asks: bool, states: int) -> str:
        parts = (["replies to the above questions"] if asks else []) + (
            [f"the views of {self.who.recipient_short} on these conditions"] if states else []
        )
        return f"The Ministry would be grateful to receive {joined(parts)} through diplomatic channels."

    def declining(self) -> tuple[str, str]:
        who = self.who
        opening = (
            f"The {who.ministry} presents its compliments to {who.recipient} and, {self._reference()}, has "
            f"the honour to inform {who.recipient_short} that, having given the request careful "
            f"consideration, the Government of {who.country} is not in a position to contribute forces to "
            "the operation."
        )
        return opening, f"The Ministry expresses its appreciation for the confidence shown in {who.country}."

    def closing(self) -> str:
        return (
            f"The {self.who.ministry} avails itself of this opportunity to renew to {self.who.recipient} the "
            "assurances of its highest consideration."
        )

    def addressee_line(self) -> str:
        return capitalised(self.who.recipient.removeprefix("the "))


def _declining(words: Formulae, mission: Mission, number: str, date: dt.date) -> Note:
    opening, thanks = words.declining()
    return Note(
        declining=True,
        opening=opening,
        preamble=(),
        paragraphs=(thanks,),
        groups=(),
        conditions_intro="",
        conditions=(),
        desirable_intro="",
        desirable=(),
        reply="",
        **_frame(words, mission, number, date),
    )
