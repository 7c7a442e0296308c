"""The questionnaire as a note to the requesting government (Markdown, plain text) and as JSON."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from missiongate.catalogue import CHOICE_TYPES, FactType
from missiongate.questionnaire.build import Question, Questionnaire

_INTRO = (
    "In order to consider the inquiry concerning {subject}, the Government requests clarification on the "
    "following points. No decision on participation will be taken until they have been answered."
)


def _subject(questionnaire: Questionnaire) -> str:
    return questionnaire.mission_title or "the proposed operation"


def _answer_hint(question: Question) -> str:
    fact = question.fact
    if fact.type is FactType.BOOL:
        return "Yes / No"
    if fact.type in CHOICE_TYPES:
        many = "one or more of" if fact.type is FactType.SET else "one of"
        return f"{many}: " + "; ".join(choice.label for choice in fact.values)
    return {FactType.DATE: "a date", FactType.INTEGER: "a number"}.get(fact.type, "free text")


def to_json(questionnaire: Questionnaire) -> dict[str, Any]:
    return {
        "schema": "missiongate.questionnaire/1",
        "doctrine": {"id": questionnaire.doctrine.id, "version": questionnaire.doctrine.version},
        "mission": questionnaire.mission_id,
        "questions": [
            {
                "number": q.number,
                "fact": q.fact.id,
                "question": q.text,
                "help": q.fact.help,
                "theme": q.fact.theme,
                "theme_label": q.theme_label,
                "type": q.fact.type.value,
                "choices": [{"id": c.id, "label": c.label} for c in q.fact.values],
                "impact": q.impact,
                "rules": list(q.rules),
                "could_decline": q.could_decline,
            }
            for q in questionnaire.questions
        ],
        "internal": [f.id for f in questionnaire.internal],
    }


def to_markdown(questionnaire: Questionnaire, date: dt.date | None = None) -> str:
    date = date or dt.date.today()
    lines = [
        f"# Request for clarification: {_subject(questionnaire)}",
        "",
        f"*{date.isoformat()}*",
        "",
        _INTRO.format(subject=_subject(questionnaire)),
        "",
    ]
    if not questionnaire.questions:
        lines += ["No open questions remain.", ""]
    for theme, questions in questionnaire.groups():
        lines += [f"## {theme}", ""]
        for q in questions:
            lines.append(f"{q.number}. {q.text}  ")
            lines.append(f"   *Answer: {_answer_hint(q)}*")
        lines.append("")
    return "\n".join(lines)


def to_text(questionnaire: Questionnaire, date: dt.date | None = None, width: int = 88) -> str:
    """A plain-text note, ready to paste into a diplomatic note."""
    date = date or dt.date.today()
    out = [*textwrap.wrap(f"REQUEST FOR CLARIFICATION: {_subject(questionnaire).upper()}", width)]
    out += [date.isoformat(), ""]
    out += [*textwrap.wrap(_INTRO.format(subject=_subject(questionnaire)), width), ""]
    if not questionnaire.questions:
        out += ["No open questions remain.", ""]
    for theme, questions in questionnaire.groups():
        out += [theme.upper(), ""]
        for q in questions:
            prefix = f"{q.number:>3}. "
            out += textwrap.wrap(q.text, width, initial_indent=prefix, subsequent_indent=" " * len(prefix))
            out += textwrap.wrap(
                f"(Answer: {_answer_hint(q)})",
                width,
                initial_indent=" " * len(prefix),
                subsequent_indent=" " * len(prefix),
            )
        out.append("")
    return "\n".join(out)
