"""Proposed facts from a case's documents: what the mandate analyzer finds in a stored document, and
adding it to the case as `proposed` facts, never over a confirmed value.

Used by the web upload and review (`missiongate.web`) and by the REST API
(`GET .../documents/{id}/analysis`, `POST .../documents/{id}/proposals`), so both add exactly the same
facts. Proposed facts let the verdict use them while it says it is provisional, until an analyst accepts
or rejects each one.
"""

from __future__ import annotations

import io
import threading
import zipfile
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from missiongate.analyzer.analysis import Analysis, analyze_document, analyze_text
from missiongate.analyzer.facts import proposed_facts
from missiongate.analyzer.readers import read_bytes
from missiongate.errors import MissionGateError, NotFoundError
from missiongate.mission import Evidence, FactRecord
from missiongate.store import cases
from missiongate.store.accounts import Actor
from missiongate.store.models import Case, Document

ANALYSABLE = {
    "text/plain",
    "text/markdown",
    "text/html",
    "application/pdf",
    "application/xml",
    "text/xml",
    "application/akn+xml",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_CACHE_SIZE = 32
# The analysis depends on the bytes, and on the type and name too (which types are analysed; the format is
# sniffed from the content, then from the name, which is also the analysis's `source`), so all three key it.
_cache: OrderedDict[tuple[str, str, str], Analysis | str] = OrderedDict()
_cache_lock = threading.Lock()


def analyse(document: Document) -> Analysis | str:
    """The analysis of a stored document, or why it cannot be analysed. Cached by content hash."""
    key = (document.sha256, document.content_type, document.filename)
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    found = _analyse(document)  # outside the lock: a slow document does not hold up the others
    with _cache_lock:
        _cache[key] = found
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def _analyse(document: Document) -> Analysis | str:
    if document.content_type == DOCX:
        return _analyse_docx(document)
    if document.content_type not in ANALYSABLE:
        return (
            f"this file ({document.content_type}) is kept but not analysed: only PDF, Word (DOCX), HTML, XML "
            "and plain text are read; upload the resolution in one of those to get proposals"
        )
    try:
        return analyze_document(read_bytes(document.data, document.filename))
    except MissionGateError as exc:
        return f"the document could not be read: {exc.message}"


def _analyse_docx(document: Document) -> Analysis | str:
    """A Word file's paragraphs as text (python-docx), analysed like a plain-text resolution."""
    import docx  # only when a Word file comes: importing python-docx costs every process start otherwise
    from docx.opc.exceptions import PackageNotFoundError

    try:
        paragraphs = docx.Document(io.BytesIO(document.data)).paragraphs
    except (ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError):
        return "the document could not be read: it is not a valid Word (DOCX) file"
    try:
        return analyze_text("\n\n".join(p.text for p in paragraphs), document.filename)
    except MissionGateError as exc:
        return f"the document could not be read: {exc.message}"


def proposed_records(analysis: Analysis, document: Document) -> dict[str, FactRecord]:
    """Fact id -> the analyzer's proposed record, its evidence pointing back at the stored document."""
    found = {}
    for fact_id, record in proposed_facts(analysis).items():
        if record.evidence is not None:
            evidence = {**record.evidence.model_dump(), "document_id": document.id}
            record = record.model_copy(update={"evidence": Evidence.model_validate(evidence)})
        found[fact_id] = record
    return found


def proposals(analysis: Analysis, document: Document) -> dict[str, dict[str, Any]]:
    """Fact id -> the proposed record in its stored long form, pointing back at the document."""
    return {fact_id: record.to_data() for fact_id, record in proposed_records(analysis, document).items()}


@dataclass(frozen=True)
class Proposed:
    """What adding a document's proposals did to a case."""

    case: Case
    added: list[str] = field(default_factory=list)  # now proposed in the case, with this document's evidence
    kept_confirmed: list[str] = field(default_factory=list)  # confirmed in the case: left as they were
    unchanged: list[str] = field(default_factory=list)  # already proposed exactly so: nothing written
    problem: str | None = None  # why the document could not be analysed (then nothing was proposed)


def propose(
    session: Session, actor: Actor, case_id: int, document: Document, *, expected: int | None = None
) -> Proposed:
    """Add the document's proposed facts to the case, keeping every confirmed value.

    A proposal replaces a fact the case holds as `proposed` (from another document or entered so), never a
    confirmed one; a proposal the case already holds exactly is left alone, so proposing twice writes
    nothing the second time. The write goes through `cases.set_facts` (action `propose`): the case version
    is bumped (with `expected`, only from that version, else `ConflictError`), each value is kept in the
    fact history and the audit log. A document that cannot be analysed proposes nothing (`problem` says
    why).
    """
    case = cases.get_case(session, actor, case_id)
    if document.case_id != case.id:
        raise NotFoundError(f"case {case.id} has no document {document.id}")
    analysis = analyse(document)
    if isinstance(analysis, str):
        return Proposed(case, problem=analysis)
    # Hold the case's row lock before reading its facts: a concurrent writer confirming a fact either
    # committed before (and its value is seen here and kept) or waits for this transaction. (PostgreSQL:
    # SELECT ... FOR UPDATE; SQLite's write transaction holds the database's write lock already.)
    session.refresh(case, with_for_update=True)
    found = proposals(analysis, document)
    stored = cases.validate_facts(found)
    current = cases.case_facts(session, case)
    changes: dict[str, Any] = {}
    kept: list[str] = []
    unchanged: list[str] = []
    for fact_id, record in stored.items():
        row = current.get(fact_id)
        if row is not None and row.status != "proposed":
            kept.append(fact_id)
        elif row is not None and row.record == record:
            unchanged.append(fact_id)
        else:
            changes[fact_id] = found[fact_id]
    if changes:
        cases.set_facts(session, actor, case.id, expected, changes, action="propose")
    else:
        cases.check_version(case, expected)
    return Proposed(case, sorted(changes), sorted(kept), sorted(unchanged))
