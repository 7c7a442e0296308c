"""The case's "Decision" tab: the minister's memo, the note verbale and the offer, shown and downloadable
(Markdown, Word, PDF); the same documents as the API's /memo, /note and /offer. A PDF opens in the
browser's viewer; Word and Markdown are saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Depends, Query, Request, Response

from missiongate.decision import Lang
from missiongate.server.deps import WS
from missiongate.server.responses import download
from missiongate.services import decision_documents as documents
from missiongate.services.decision_documents import MAX_ADDRESSEE, MAX_NUMBER, Letter
from missiongate.web.auth import ViewerPage
from missiongate.web.render import page
from missiongate.web.routes.base import page_router

router = page_router()
Format = Literal["md", "docx", "pdf"]
FORMATS = (("pdf", "PDF"), ("docx", "Word"), ("md", "Markdown"))
DateQ = Annotated[dt.date | None, Query()]
Number = Annotated[str, Query(max_length=MAX_NUMBER)]
To = Annotated[str, Query(max_length=MAX_ADDRESSEE)]


def _letter(
    date: DateQ = None, number: Number = "", to: To = "", lang: Annotated[Lang, Query()] = "en"
) -> Letter:
    """The letter's date, number, addressee and language from the query string."""
    return Letter(date, number, to or None, lang)


LetterQ = Annotated[Letter, Depends(_letter)]


@router.get("/cases/{case_id}/decision")
def decision(request: Request, case_id: int, actor: ViewerPage, ws: WS, letter: LetterQ) -> Response:
    found = documents.case_documents(ws, actor, case_id, replace(letter, lang="en"))
    given = {
        "date": letter.date.isoformat() if letter.date else "",
        "number": letter.number.strip(),
        "to": (letter.to or "").strip(),
    }
    query = urlencode({key: value for key, value in given.items() if value})
    return page(
        request,
        "case/decision.html",
        nav="cases",
        tab="decision",
        case=found.case,
        documents=found,
        formats=FORMATS,
        given=given,
        query=f"?{query}" if query else "",
    )


@router.get("/cases/{case_id}/decision/memo.{format}")
def memo_file(case_id: int, format: Format, actor: ViewerPage, ws: WS, date: DateQ = None) -> Response:
    return download(documents.memo(ws, actor, case_id, format, date), inline=format == "pdf")


@router.get("/cases/{case_id}/decision/note.{format}")
def note_file(case_id: int, format: Format, actor: ViewerPage, ws: WS, letter: LetterQ) -> Response:
    found = documents.note(ws, actor, case_id, format, letter)
    return download(found, inline=format == "pdf")


@router.get("/cases/{case_id}/decision/offer.{format}")
def offer_file(case_id: int, format: Format, actor: ViewerPage, ws: WS, letter: LetterQ) -> Response:
    found = documents.offer(ws, actor, case_id, format, replace(letter, lang="en"))
    return download(found, inline=format == "pdf")
