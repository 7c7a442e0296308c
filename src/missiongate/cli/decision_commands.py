"""Decision documents: `missiongate memo|note|offer MISSION --doctrine X --format md|docx|pdf --out FILE`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from missiongate.cli.core_commands import DoctrineOpt, MissionArg, read_mission
from missiongate.errors import MissionGateError

if TYPE_CHECKING:
    from missiongate.doctrine.model import Doctrine
    from missiongate.mission import Mission


class DocFormat(StrEnum):
    md = "md"
    docx = "docx"
    pdf = "pdf"


FormatOpt = Annotated[DocFormat, typer.Option("--format", "-f", help="md, docx or pdf.")]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Output file (required for docx and pdf; md defaults to stdout)."),
]
NumberOpt = Annotated[str, typer.Option("--number", help="The note's registry number.")]
DateOpt = Annotated[
    dt.datetime | None,
    typer.Option("--date", formats=["%Y-%m-%d"], help="Date of the document (default today)."),
]
MinistryOpt = Annotated[
    str | None,
    typer.Option(
        "--ministry", help="The sending ministry (default: Ministry of Foreign Affairs of COUNTRY)."
    ),
]
CountryOpt = Annotated[
    str | None,
    typer.Option("--country", help="The contributor's name (default: from the doctrine's country)."),
]


class NoteLang(StrEnum):
    en = "en"
    fr = "fr"


LangOpt = Annotated[
    NoteLang, typer.Option("--lang", help="Language of the note: en or fr (French formulae and texts).")
]
ToOpt = Annotated[
    str | None,
    typer.Option("--to", help="The addressee (default: the Embassy of the requesting party)."),
]


def _load(mission: Path, doctrine: str) -> tuple[Doctrine, Mission]:
    from missiongate import load_doctrine

    return load_doctrine(doctrine), read_mission(mission)


def _write(data: bytes, out: Path | None, format: DocFormat) -> None:
    from missiongate.yamlio import write_atomic

    if out is None:
        if format is not DocFormat.md:
            raise MissionGateError(f"--format {format.value} writes a file: give --out FILE.{format.value}")
        typer.echo(data.decode(), nl=False)
        return
    write_atomic(out, data)  # a reader never sees half a file
    typer.echo(f"written: {out}", err=True)


def _day(date: dt.datetime | None) -> dt.date:
    return date.date() if date else dt.date.today()


def _templates() -> Path | None:
    from missiongate.settings import get_settings

    return get_settings().templates_dir


def memo(
    mission: MissionArg,
    doctrine: DoctrineOpt,
    format: FormatOpt = DocFormat.md,
    out: OutOpt = None,
    date: DateOpt = None,
    country: CountryOpt = None,
) -> None:
    """The minister's memo: recommendation, options, facts and sources; the rule-by-rule report as annex."""
    from missiongate.decision import build_memo
    from missiongate.documents.decision import memo_file

    rules, loaded = _load(mission, doctrine)
    built = build_memo(rules, loaded, country=country, date=_day(date))
    _write(memo_file(built, format.value, _templates()), out, format)


def note(
    mission: MissionArg,
    doctrine: DoctrineOpt,
    format: FormatOpt = DocFormat.md,
    out: OutOpt = None,
    number: NumberOpt = "____",
    date: DateOpt = None,
    ministry: MinistryOpt = None,
    country: CountryOpt = None,
    to: ToOpt = None,
    lang: LangOpt = NoteLang.en,
) -> None:
    """The note verbale: the questions the requesting party can answer and our conditions; a declined case
    gets a courteous declining note instead. In English or in French (--lang fr)."""
    from missiongate.decision import build_note
    from missiongate.documents.decision import note_file

    rules, loaded = _load(mission, doctrine)
    built = build_note(
        rules,
        loaded,
        number=number,
        date=_day(date),
        ministry=ministry,
        country=country,
        recipient=to,
        lang="fr" if lang is NoteLang.fr else "en",
    )
    if built.declining:
        typer.echo("the case is declined: this is a declining note, not a questionnaire", err=True)
    _write(note_file(built, format.value, _templates()), out, format)


def offer(
    mission: MissionArg,
    doctrine: DoctrineOpt,
    format: FormatOpt = DocFormat.md,
    out: OutOpt = None,
    number: NumberOpt = "____",
    date: DateOpt = None,
    ministry: MinistryOpt = None,
    country: CountryOpt = None,
    to: ToOpt = None,
) -> None:
    """The offer letter and its annex of conditions and national caveats (only when the doctrine allows)."""
    from missiongate.decision.offer import build_offer
    from missiongate.documents.decision import offer_file

    rules, loaded = _load(mission, doctrine)
    built = build_offer(
        rules, loaded, number=number, date=_day(date), ministry=ministry, country=country, recipient=to
    )
    _write(offer_file(built, format.value, _templates()), out, format)


def register(app: typer.Typer) -> None:
    app.command()(memo)
    app.command()(note)
    app.command()(offer)
