"""Documents of a case: upload (checked, kept as received), analysis, and the facts it proposes.

Proposals reach the case only through `propose` here, from the API and the pages alike: never over a
confirmed value, with the caller's version checked, and reassessed when they change a fact. Accepting or
rejecting a proposal is allowed only while it is pending.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Any

from missiongate.analyzer.analysis import Analysis
from missiongate.analyzer.match import instrument_mismatch
from missiongate.errors import MissionGateError, NotAnalysableError
from missiongate.mission import FactRecord
from missiongate.services.cases import known_fact
from missiongate.services.decisions import reassess
from missiongate.services.queries import CaseView, load_case
from missiongate.services.workspace import Workspace
from missiongate.store import cases, proposals
from missiongate.store import documents as store_documents
from missiongate.store.accounts import Actor
from missiongate.store.models import Case, CaseFact, Document
from missiongate.store.proposals import Proposed


@dataclass(frozen=True)
class Upload:
    """A file as a face received it: the stream is read here, no further than one byte past the limit."""

    filename: str | None
    content_type: str | None
    stream: IO[bytes]
    kind: str = "other"
    note: str = ""


@dataclass(frozen=True)
class Uploaded:
    document: Document
    proposed: Proposed | None  # what the analysis added, when the upload asked for it


def read(ws: Workspace, upload: Upload) -> tuple[str, bytes]:
    """The upload's checked media type (before its body is read) and bytes."""
    content_type = store_documents.document_type(upload.content_type)
    return content_type, store_documents.read_upload(upload.stream, ws.settings.max_upload_bytes)


def upload_document(
    ws: Workspace, actor: Actor, case_id: int, upload: Upload, *, propose: bool, expected: int | None = None
) -> Uploaded:
    """Keep the document; with `propose`, also add the facts its analysis proposes (from `expected`)."""
    content_type, data = read(ws, upload)
    with ws.db.write() as session:
        document = store_documents.add_document(
            session,
            actor,
            case_id,
            filename=upload.filename or "",
            content_type=content_type,
            data=data,
            kind=upload.kind,
            note=upload.note,
        )
        if not propose:
            return Uploaded(document, None)
        result = proposals.propose(session, actor, case_id, document, expected=expected)
        if result.added:
            reassess(session, ws, actor, case_id)
        return Uploaded(document, result)


def analyse(ws: Workspace, actor: Actor, case_id: int, document_id: int) -> tuple[Document, Analysis]:
    """What the mandate analyzer finds in a stored document."""
    with ws.db.read() as session:
        document = store_documents.get_document(session, actor, case_id, document_id, with_data=True)
    found = proposals.analyse(document)
    if isinstance(found, str):
        raise NotAnalysableError(found)
    return document, found


def propose(
    ws: Workspace, actor: Actor, case_id: int, document_id: int, expected: int | None = None
) -> tuple[Document, Proposed]:
    """Add a stored document's proposed facts to the case (again: what is there already is left alone)."""
    with ws.db.write() as session:
        document = store_documents.get_document(session, actor, case_id, document_id, with_data=True)
        result = proposals.propose(session, actor, case_id, document, expected=expected)
        if result.problem is not None:
            raise NotAnalysableError(result.problem)
        if result.added:
            reassess(session, ws, actor, case_id)
        return document, result


def proposal_state(row: CaseFact | None, document_id: int) -> str:
    """What became of a document's proposal: pending, accepted, rejected, or superseded by another value."""
    if row is None:
        return "rejected"
    ours = (row.record.get("evidence") or {}).get("document_id") == document_id
    if not ours:
        return "superseded"
    return "pending" if row.status == "proposed" else "accepted"


def accept_proposal(
    ws: Workspace,
    actor: Actor,
    case_id: int,
    document_id: int,
    fact_id: str,
    expected: int | None,
    *,
    override: bool = False,
) -> Case:
    """The document's proposal for `fact_id` becomes a confirmed fact; only while it is pending, and, when
    the document names another instrument or operation than the case, only with an explicit `override`."""
    return _decide(ws, actor, case_id, document_id, fact_id, expected, accept=True, override=override)


def reject_proposal(
    ws: Workspace, actor: Actor, case_id: int, document_id: int, fact_id: str, expected: int | None
) -> Case:
    """The proposal is removed (it stays in the fact's history); only while it is pending."""
    return _decide(ws, actor, case_id, document_id, fact_id, expected, accept=False)


def _decide(
    ws: Workspace,
    actor: Actor,
    case_id: int,
    document_id: int,
    fact_id: str,
    expected: int | None,
    *,
    accept: bool,
    override: bool = False,
) -> Case:
    known_fact(fact_id)
    with ws.db.write() as session:
        document = store_documents.get_document(session, actor, case_id, document_id, with_data=accept)
        case = cases.get_case(session, actor, case_id)
        cases.check_version(case, expected)  # a stale page is a conflict first, whatever became of it
        facts = cases.case_facts(session, case)
        if proposal_state(facts.get(fact_id), document_id) != "pending":
            nothing = "nothing was accepted" if accept else "nothing was removed"
            raise MissionGateError(f"the proposal for {fact_id} is no longer pending; {nothing}")
        if accept and not override and (differs := document_mismatch(document, facts)):
            raise MissionGateError(f"{differs}: accepting its proposals needs an explicit override")
        if accept:
            case = cases.accept_fact(session, actor, case_id, fact_id, expected)
        else:
            case = cases.set_facts(session, actor, case_id, expected, {fact_id: None})
        reassess(session, ws, actor, case_id)
        return case


def document_mismatch(document: Document, facts: Mapping[str, CaseFact]) -> str | None:
    """How a document differs from the case it was uploaded to, or None (it fits, or cannot be told)."""
    found = proposals.analyse(document)
    if isinstance(found, str):
        return None
    return instrument_mismatch(found, _value(facts, "mandate.instrument"), _value(facts, "operation.name"))


def _value(facts: Mapping[str, CaseFact], fact_id: str) -> str | None:
    row = facts.get(fact_id)
    return str(row.record.get("value")) if row is not None and row.status != "proposed" else None


# Reads: the documents of a case, one document's bytes, its analysis and its review.


def list_documents(ws: Workspace, actor: Actor, case_id: int) -> list[Document]:
    with ws.db.read() as session:
        return store_documents.list_documents(session, actor, case_id)


def get_document(
    ws: Workspace, actor: Actor, case_id: int, document_id: int, *, with_data: bool = False
) -> Document:
    """A document's metadata; with `with_data`, its original bytes too."""
    with ws.db.read() as session:
        return store_documents.get_document(session, actor, case_id, document_id, with_data=with_data)


@dataclass(frozen=True)
class DocumentAnalysis:
    document: Document
    analysis: Analysis
    proposed: dict[str, FactRecord]  # fact id -> the proposal, its evidence pointing at the document


def document_analysis(ws: Workspace, actor: Actor, case_id: int, document_id: int) -> DocumentAnalysis:
    """What the analyzer finds in a stored document and the facts it would propose (not added)."""
    document, found = analyse(ws, actor, case_id, document_id)
    return DocumentAnalysis(document, found, proposals.proposed_records(found, document))


@dataclass(frozen=True)
class CaseDocuments:
    view: CaseView
    documents: list[Document]


def case_documents(ws: Workspace, actor: Actor, case_id: int) -> CaseDocuments:
    """The case as the verdict sees it, with its documents (the documents page)."""
    with ws.db.read() as session:
        view = load_case(session, actor, case_id, ws.doctrines)
        return CaseDocuments(view, store_documents.list_documents(session, actor, case_id))


@dataclass(frozen=True)
class Review:
    """A document beside the case: what its analysis proposes and how the document fits the case."""

    view: CaseView
    document: Document
    analysis: Analysis | None
    problem: str | None  # why it cannot be analysed, in words (then `analysis` is None)
    proposals: dict[str, dict[str, Any]]  # fact id -> the proposed record in its stored long form
    mismatch: str | None  # the document names another instrument or operation than the case


def review(ws: Workspace, actor: Actor, case_id: int, document_id: int) -> Review:
    with ws.db.read() as session:
        view = load_case(session, actor, case_id, ws.doctrines)
        document = store_documents.get_document(session, actor, case_id, document_id, with_data=True)
    found = proposals.analyse(document)
    if isinstance(found, str):
        return Review(view, document, None, found, {}, None)
    mismatch = instrument_mismatch(
        found, _value(view.facts, "mandate.instrument"), _value(view.facts, "operation.name")
    )
    return Review(view, document, found, None, proposals.proposals(found, document), mismatch)
