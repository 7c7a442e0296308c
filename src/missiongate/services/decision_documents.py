"""The decision documents on a case as it stands (docs/decision-documents.md): the minister's memo, the note
verbale and the offer, built from the case's facts and doctrine by the same functions as `missiongate
memo|note|offer`, as Markdown, DOCX or PDF. Read only: nothing is recorded.

The sending ministry is `MISSIONGATE_SENDER` when a ministry set it, else the CLI's default (the Ministry of
Foreign Affairs of the doctrine's country). A case that cannot have a document says why: a doctrine that
only classifies operations, an offer while the case is declined, has open questions or awaits the minister,
a note for a contingent that must withdraw (all `ConflictError`). A note for a declined case is the
courteous declining note, and says so (`declining`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import missiongate
from missiongate.decision import LANGUAGES, Lang, Memo, Note, build_memo, build_note
from missiongate.decision.offer import Offer, build_offer
from missiongate.documents.decision import MEDIA_TYPES, check_format, memo_file, note_file, offer_file
from missiongate.documents.gather import letter_mission
from missiongate.errors import MissionGateError
from missiongate.inputs import text_problem
from missiongate.services.exports import Export
from missiongate.services.workspace import Workspace
from missiongate.store import cases
from missiongate.store.accounts import Actor
from missiongate.store.models import Case

MAX_NUMBER = 50
MAX_ADDRESSEE = 300


@dataclass(frozen=True)
class Letter:
    """What a note or an offer carries besides the case; the memo takes the date only."""

    date: dt.date | None = None  # default: today
    number: str = "____"  # the registry number, filled in by hand when left blank
    to: str | None = None  # the addressee, instead of the requesting party's embassy
    lang: Lang = "en"  # the note's language (the memo and the offer are in English)


@dataclass(frozen=True)
class DecisionExport(Export):
    declining: bool = False  # a note: the courteous declining note, not a questionnaire


@dataclass(frozen=True)
class CaseDocuments:
    """The three documents of the case's Decision tab: each one built, or why it cannot be."""

    case: Case
    memo: Memo | None
    note: Note | None
    offer: Offer | None
    refused: dict[str, str] = field(default_factory=dict)  # "memo" | "note" | "offer" -> why not


@dataclass(frozen=True)
class _Loaded:
    case: Case
    doctrine: missiongate.Doctrine
    mission: missiongate.Mission  # as the verdict reads it
    letters: missiongate.Mission  # with the addressee and the operation's name from the case's details


def _load(ws: Workspace, actor: Actor, case_id: int) -> _Loaded:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        mission = cases.case_mission(session, case)
        letters = letter_mission(session, case)
    return _Loaded(case, ws.doctrines.get(case.doctrine_id), mission, letters)


def checked(letter: Letter) -> Letter:
    """The letter's number and addressee, trimmed; control characters and overlong values refused."""
    number, to = letter.number.strip(), (letter.to or "").strip()
    for name, value, limit in (("number", number, MAX_NUMBER), ("addressee", to, MAX_ADDRESSEE)):
        problem = text_problem(value, one_line=True)
        if problem:
            raise MissionGateError(f"the {name} {problem}")
        if len(value) > limit:
            raise MissionGateError(f"the {name} is longer than {limit} characters")
    if letter.lang not in LANGUAGES:
        raise MissionGateError(f"the note is written in {' or '.join(LANGUAGES)}, not {letter.lang!r}")
    return Letter(letter.date, number or "____", to or None, letter.lang)


def _memo(loaded: _Loaded, date: dt.date | None) -> Memo:
    return build_memo(loaded.doctrine, loaded.mission, date=date)


def _note(ws: Workspace, loaded: _Loaded, letter: Letter) -> Note:
    return build_note(
        loaded.doctrine,
        loaded.letters,
        number=letter.number,
        date=letter.date,
        ministry=ws.settings.chosen_sender,
        recipient=letter.to,
        lang=letter.lang,
    )


def _offer(ws: Workspace, loaded: _Loaded, letter: Letter) -> Offer:
    return build_offer(
        loaded.doctrine,
        loaded.letters,
        number=letter.number,
        date=letter.date,
        ministry=ws.settings.chosen_sender,
        recipient=letter.to,
    )


def memo(ws: Workspace, actor: Actor, case_id: int, format: str, date: dt.date | None = None) -> Export:
    """The minister's memo on the case as it stands, with its annexes."""
    check_format(format)
    built = _memo(_load(ws, actor, case_id), date)
    data = memo_file(built, format, ws.settings.templates_dir)
    return Export(data, MEDIA_TYPES[format], f"memo-case-{case_id}.{format}")


def note(ws: Workspace, actor: Actor, case_id: int, format: str, letter: Letter = Letter()) -> DecisionExport:
    """The note verbale: the questions and our conditions, or the declining note for a declined case."""
    check_format(format)
    built = _note(ws, _load(ws, actor, case_id), checked(letter))
    data = note_file(built, format, ws.settings.templates_dir)
    suffix = "" if letter.lang == "en" else f"-{letter.lang}"
    name = f"note-case-{case_id}{suffix}.{format}"
    return DecisionExport(data, MEDIA_TYPES[format], name, built.declining)


def offer(ws: Workspace, actor: Actor, case_id: int, format: str, letter: Letter = Letter()) -> Export:
    """The offer letter and its annex of conditions and caveats, when the doctrine allows an offer."""
    check_format(format)
    built = _offer(ws, _load(ws, actor, case_id), checked(letter))
    data = offer_file(built, format, ws.settings.templates_dir)
    return Export(data, MEDIA_TYPES[format], f"offer-case-{case_id}.{format}")


def case_documents(ws: Workspace, actor: Actor, case_id: int, letter: Letter = Letter()) -> CaseDocuments:
    """The memo, the note and the offer of the case for the page, each with why it cannot be made."""
    letter = checked(letter)
    loaded = _load(ws, actor, case_id)
    refused: dict[str, str] = {}
    documents = CaseDocuments(
        loaded.case,
        _attempt(refused, "memo", lambda: _memo(loaded, letter.date)),
        _attempt(refused, "note", lambda: _note(ws, loaded, letter)),
        _attempt(refused, "offer", lambda: _offer(ws, loaded, letter)),
        refused,
    )
    if documents.note is not None:  # the page offers the French note only when it can be written
        _attempt(refused, "note_fr", lambda: _note(ws, loaded, replace(letter, lang="fr")))
    return documents


T = TypeVar("T")


def _attempt(refused: dict[str, str], name: str, build: Callable[[], T]) -> T | None:
    try:
        return build()
    except MissionGateError as exc:
        refused[name] = exc.message
        return None
