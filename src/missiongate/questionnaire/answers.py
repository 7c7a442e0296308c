"""Answers from the requesting party: read from YAML/JSON, CSV or a filled XLSForm export, and merged
into the mission file as confirmed facts with who answered, when and through which channel.

Reading is all-or-nothing: every problem in the file is reported and nothing is merged until it is fixed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from missiongate.catalogue import Catalogue, FactValue, load_catalogue
from missiongate.errors import MissionGateError
from missiongate.inputs import read_input
from missiongate.mission import (
    CONSENT_FACTS,
    AnswerLogEntry,
    ConsentStatus,
    FactRecord,
    FactStatus,
    Mission,
    PartyConsent,
)
from missiongate.questionnaire.xlsform import fact_id_from_field
from missiongate.yamlio import parse_yaml

_META_KEYS = {"answered_by", "channel", "date", "received", "source", "note"}
PARTY_PREFIX = (
    "consent.party."  # answers on one party's consent: consent.party.<party id>: given|withheld|...
)
# An answers file holds one value per fact of the catalogue: these limits are far above any real one and
# keep a crafted file (an XLSX that inflates to gigabytes, a sheet claiming a million rows) within memory.
MAX_ANSWERS_BYTES = 1024 * 1024
MAX_XLSX_UNPACKED = 20 * 1024 * 1024
MAX_XLSX_PARTS = 200
MAX_ROWS = 5000
MAX_COLUMNS = 2000
MAX_LISTED = 20  # problems named in the error; the rest are counted (the error must stay one short line)


@dataclass
class AnswerSet:
    source: str
    answered_by: str | None = None
    channel: str | None = None
    date: dt.date | None = None
    answers: dict[str, FactValue] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    consent: dict[str, ConsentStatus] = field(default_factory=dict)  # per party id


@dataclass(frozen=True)
class Change:
    fact: str
    old: FactValue | None
    new: FactValue
    old_status: str | None  # None when the fact was unknown


def read_answers(path: str | Path, catalogue: Catalogue | None = None) -> AnswerSet:
    path = Path(path)
    catalogue = catalogue or load_catalogue()
    suffix = path.suffix.lower()
    raw = read_input(path, MAX_ANSWERS_BYTES)
    if not raw.strip():
        raise MissionGateError("the answers file is empty", source=path)
    if suffix == ".xlsx":
        meta, items = _from_rows(_xlsx_rows(raw, path), path)
    elif suffix == ".csv":
        meta, items = _from_rows(_csv_rows(raw, path), path)
    elif suffix in {".yaml", ".yml", ".json"}:
        meta, items = _from_mapping(_text(raw, path), path)
    else:
        raise MissionGateError("answers must be .yaml, .yml, .json, .csv or .xlsx", source=path)
    return _validate(meta, items, catalogue, str(path))


def _text(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MissionGateError("not a UTF-8 text file", source=path) from None


def _from_mapping(text: str, path: Path) -> tuple[dict[str, Any], list[tuple[str, Any, str | None]]]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise MissionGateError(f"malformed JSON: {exc.msg}", source=path, line=exc.lineno) from None
    else:
        data = parse_yaml(text, str(path)).data
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict | list):
        raise MissionGateError("expected a mapping with 'answers' (fact id: value)", source=path)
    answers = data["answers"]
    pairs = answers.items() if isinstance(answers, dict) else [(a.get("fact"), a) for a in answers]
    items = []
    for fact_id, value in pairs:
        if isinstance(value, dict) and "value" in value:
            items.append((str(fact_id), value["value"], value.get("note")))
        else:
            items.append((str(fact_id), value, None))
    return {k: v for k, v in data.items() if k in _META_KEYS}, items


def _csv_rows(raw: bytes, path: Path) -> list[list[str]]:
    try:
        rows = _bounded(csv.reader(io.StringIO(_text(raw, path))), path)
    except csv.Error as exc:
        raise MissionGateError(f"malformed CSV: {exc}", source=path) from None
    return [row for row in rows if any(c.strip() for c in row)]


def _bounded(rows: Iterable[Sequence[Any]], path: Path) -> list[list[Any]]:
    """The rows, refused past MAX_ROWS rows or a value beyond MAX_COLUMNS columns."""
    kept: list[list[Any]] = []
    for row in rows:
        if len(kept) == MAX_ROWS:
            raise MissionGateError(
                f"more than {MAX_ROWS} rows; an answers file has one per fact", source=path
            )
        if any(cell not in (None, "") for cell in row[MAX_COLUMNS:]):
            raise MissionGateError(f"a value beyond column {MAX_COLUMNS}", source=path)
        kept.append(list(row[:MAX_COLUMNS]))
    return kept


def _xlsx_rows(raw: bytes, path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    _check_zip(raw, path)
    try:
        sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
        sheet.reset_dimensions()  # the sheet's own claim of its size would pad every row up to it
        rows = _bounded(sheet.iter_rows(values_only=True), path)
    except MissionGateError:
        raise
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise MissionGateError(f"not a readable .xlsx workbook ({type(exc).__name__})", source=path) from None
    return [
        ["" if cell is None else _cell_text(cell) for cell in row]
        for row in rows
        if any(cell not in (None, "") for cell in row)
    ]


def _check_zip(raw: bytes, path: Path) -> None:
    """Refuse a workbook whose parts unpack past MAX_XLSX_UNPACKED before anything is unpacked.

    The sizes in the zip directory can be trusted: Python's zipfile stops at the stated size and fails
    the CRC check of a part that claims less than it holds.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise MissionGateError("not a readable .xlsx workbook (not a zip file)", source=path) from None
    if len(parts) > MAX_XLSX_PARTS:
        raise MissionGateError(f"the workbook has more than {MAX_XLSX_PARTS} parts", source=path)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_XLSX_UNPACKED:
        raise MissionGateError(
            f"the workbook unpacks to {unpacked} bytes, over the limit of {MAX_XLSX_UNPACKED}", source=path
        )


def _cell_text(cell: Any) -> str:
    return cell.date().isoformat() if isinstance(cell, dt.datetime) else str(cell)


def _from_rows(rows: list[list[str]], path: Path) -> tuple[dict[str, Any], list[tuple[str, Any, str | None]]]:
    """Long form (columns fact, value[, note, answered_by, channel, date]) or a form export (one row)."""
    if len(rows) < 2:
        raise MissionGateError("no answers: a header row and at least one row are needed", source=path)
    header = [h.strip() for h in rows[0]]
    if "fact" in header and "value" in header:
        return _long_rows(header, rows[1:])
    if len(rows) > 2:
        raise MissionGateError(
            f"the form export holds {len(rows) - 1} submissions; keep the one to record", source=path
        )
    return _export_row(header, rows[1])


def _long_rows(
    header: list[str], rows: list[list[str]]
) -> tuple[dict[str, Any], list[tuple[str, Any, str | None]]]:
    records = [dict(zip(header, row, strict=False)) for row in rows]
    meta = {key: records[0][key] for key in _META_KEYS & set(header) if records[0].get(key)}
    items = [
        (r["fact"].strip(), r["value"], r.get("note") or None) for r in records if r.get("value", "") != ""
    ]
    return meta, items


def _export_row(
    header: list[str], row: list[str]
) -> tuple[dict[str, Any], list[tuple[str, Any, str | None]]]:
    meta: dict[str, Any] = {}
    items: list[tuple[str, Any, str | None]] = []
    for name, value in zip(header, row, strict=False):
        if value.strip() == "":
            continue
        if "__" in name:  # question fields; the export's own columns (start, _uuid, ...) have none
            items.append((fact_id_from_field(name), value, None))
        elif name in _META_KEYS:
            meta[name] = value
    return meta, items


def _validate(
    meta: dict[str, Any], items: list[tuple[str, Any, str | None]], catalogue: Catalogue, source: str
) -> AnswerSet:
    problems: list[str] = []
    answer_set = AnswerSet(
        source=source, answered_by=_opt(meta.get("answered_by")), channel=_opt(meta.get("channel"))
    )
    received = meta.get("date") or meta.get("received")
    if received is not None:
        try:
            answer_set.date = dt.date.fromisoformat(str(received)[:10])
        except ValueError:
            problems.append(f"date {received!r} is not a date (YYYY-MM-DD)")
    for fact_id, raw, note in items:
        if fact_id.startswith(PARTY_PREFIX):
            _party_answer(answer_set, fact_id.removeprefix(PARTY_PREFIX), raw, note, problems)
            continue
        if fact_id not in catalogue:
            problems.append(f"{fact_id}: not a fact of the catalogue")
            continue
        try:
            answer_set.answers[fact_id] = catalogue.fact(fact_id).coerce(raw)
        except ValueError as exc:
            problems.append(f"{fact_id}: {exc}")
            continue
        if note:
            answer_set.notes[fact_id] = str(note)
    if problems:
        listed = "; ".join(problem[:300] for problem in problems[:MAX_LISTED])
        more = f"; and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise MissionGateError(f"{len(problems)} problem(s), nothing recorded: {listed}{more}", source=source)
    if not answer_set.answers and not answer_set.consent:
        raise MissionGateError("the file holds no answers", source=source)
    return answer_set


def _party_answer(answer_set: AnswerSet, party: str, raw: Any, note: Any, problems: list[str]) -> None:
    try:
        answer_set.consent[party] = ConsentStatus(str(raw).strip())
    except ValueError:
        choices = ", ".join(status.value for status in ConsentStatus)
        problems.append(f"{PARTY_PREFIX}{party}: {raw!r} is not one of: {choices}")
        return
    if note:
        answer_set.notes[PARTY_PREFIX + party] = str(note)


def _opt(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def merge_answers(mission: Mission, answer_set: AnswerSet) -> tuple[Mission, list[Change]]:
    """Record answers as confirmed facts; a fact already holding the same confirmed value is left alone."""
    received = answer_set.date or dt.date.today()
    _check_consent_answers(mission, answer_set)
    facts = dict(mission.facts)
    changes: list[Change] = []
    for fact_id, value in answer_set.answers.items():
        previous = facts.get(fact_id)
        if previous is not None and previous.value == value and not previous.proposed:
            continue
        facts[fact_id] = FactRecord(
            value=value,
            status=FactStatus.CONFIRMED,
            source=f"answer of the requesting party ({Path(answer_set.source).name})",
            date=received,
            answered_by=answer_set.answered_by,
            channel=answer_set.channel,
            note=answer_set.notes.get(fact_id),
        )
        changes.append(
            Change(
                fact_id,
                previous.value if previous else None,
                value,
                previous.status.value if previous else None,
            )
        )
    parties = [_with_answer(party, answer_set, received) for party in mission.parties]
    changes += [
        Change(PARTY_PREFIX + old.id, old.consent.status.value, new.consent.status.value, "confirmed")
        for old, new in zip(mission.parties, parties, strict=True)
        if new.consent.status is not old.consent.status
    ]
    log = AnswerLogEntry(
        received=received,
        answered_by=answer_set.answered_by,
        channel=answer_set.channel,
        file=Path(answer_set.source).name,
        facts=[c.fact for c in changes],
    )
    updated = mission.model_copy(
        update={"facts": facts, "parties": parties, "answers_log": [*mission.answers_log, log]}
    )
    return updated, changes


def _check_consent_answers(mission: Mission, answer_set: AnswerSet) -> None:
    """Consent answers name known parties; with parties recorded, consent is answered per party only."""
    known = {party.id for party in mission.parties}
    unknown = sorted(set(answer_set.consent) - known)
    if unknown:
        names = ", ".join(sorted(known)) or "none recorded"
        raise MissionGateError(
            f"{PARTY_PREFIX}{unknown[0]}: no party {unknown[0]!r} in the case (parties: {names}); "
            "nothing recorded",
            source=answer_set.source,
        )
    mixed = sorted(set(answer_set.answers) & set(CONSENT_FACTS)) if mission.parties else []
    if mixed:
        raise MissionGateError(
            f"{mixed[0]} is derived from the parties' consent; answer {PARTY_PREFIX}<party> instead; "
            "nothing recorded",
            source=answer_set.source,
        )


def _with_answer(party: Any, answer_set: AnswerSet, received: dt.date) -> Any:
    status = answer_set.consent.get(party.id)
    if status is None or status is party.consent.status:
        return party
    consent = PartyConsent(
        status=status,
        source=f"answer of the requesting party ({Path(answer_set.source).name})",
        date=received,
        scope=answer_set.notes.get(PARTY_PREFIX + party.id),
    )
    return party.model_copy(update={"consent": consent})
