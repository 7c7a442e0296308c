"""`missiongate claims ...`: extract participation claims, check them against a recorded position,
draft rebuttals, export ClaimReview JSON-LD, poll feeds and evaluate on the labelled set.

Heavy imports stay inside the commands so that `missiongate --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from missiongate.errors import MissionGateError

if TYPE_CHECKING:
    from missiongate.claims.model import Claim
    from missiongate.claims.position import CheckResult

claims_app = typer.Typer(
    name="claims",
    help="Claims monitor: public statements about a country's participation in an operation.",
    no_args_is_help=True,
)

SourcesArg = Annotated[list[str], typer.Argument(help="Files (text, HTML, PDF, RSS/Atom) or http(s) URLs.")]
PositionOpt = Annotated[Path | None, typer.Option("--position", "-p", help="Position file (YAML).")]
CaseOpt = Annotated[
    int | None,
    typer.Option("--case", help="Check against the position recorded on this workspace case."),
]
UserOpt = Annotated[str, typer.Option("--user", help="Workspace user reading (and recording on) the case.")]
RecordOpt = Annotated[
    bool, typer.Option("--record", help="With --case: record the checked claims on the case (audited).")
]


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def register(app: typer.Typer) -> None:
    app.add_typer(claims_app)


def _report_problem(error: MissionGateError) -> None:
    typer.echo(f"error: {error}", err=True)


def _claims_from(sources: list[str]) -> tuple[list[Claim], int]:
    """Claims of every readable source; unreadable ones are reported and skipped."""
    from missiongate.claims.extract import extract_claims
    from missiongate.claims.sources import load_documents

    claims: list[Claim] = []
    failed = 0
    for source in sources:
        try:
            documents = load_documents(source)
        except MissionGateError as exc:
            _report_problem(exc)
            failed += 1
            continue
        for document in documents:
            claims.extend(extract_claims(document.text, source=document.source))
    return claims, failed


def _emit(rows: list[dict[str, Any]], fmt: OutputFormat, text_lines: list[str]) -> None:
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.jsonl:
        sys.stdout.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        sys.stdout.writelines(line + "\n" for line in text_lines)


def _claim_line(claim: Claim) -> str:
    who = claim.speaker or "(unattributed)"
    if claim.speaker_role and claim.speaker_role != claim.speaker:
        who += f" [{claim.speaker_role}]"
    mission = claim.mission or "?"
    if claim.mission_inferred:
        mission += " (from context)"
    flags = "".join(
        f" {flag}" for flag, on in (("hedged", claim.hedged), ("conditional", claim.conditional)) if on
    )
    return f'{claim.country} {claim.stance:<11} {mission:<22} {who}{flags}\n    "{_short(claim.quote)}"'


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finish(failed: int) -> None:
    if failed:
        raise typer.Exit(2)


@claims_app.command()
def extract(sources: SourcesArg, format: FormatOpt = OutputFormat.text) -> None:
    """Print every participation claim with speaker, country, operation, stance and offsets."""
    claims, failed = _claims_from(sources)
    lines = [_claim_line(c) for c in claims] or ["no claims found"]
    _emit([c.to_dict() for c in claims], format, lines)
    _finish(failed)


def _checked(
    sources: list[str],
    position: Path | None,
    case: int | None = None,
    user: str = "admin",
    record: bool = False,
) -> tuple[list[CheckResult], int]:
    from missiongate.claims.position import check_claims, load_positions

    if (position is None) == (case is None):
        raise MissionGateError("give either --position FILE or --case ID")
    if record and case is None:
        raise MissionGateError("--record needs --case")
    if position is not None:
        positions = load_positions(position)
        claims, failed = _claims_from(sources)
        return check_claims(claims, positions), failed
    assert case is not None
    claims, failed = _claims_from(sources)
    return _case_checked(claims, case, user, record), failed


def _case_checked(claims: list[Claim], case_id: int, username: str, record: bool) -> list[CheckResult]:
    """Check against the position stored on a workspace case (the database of the workspace settings)."""
    from missiongate.services.claims import check_on_case
    from missiongate.services.workspace import open_existing
    from missiongate.settings import get_settings

    workspace = open_existing(get_settings())  # the case's doctrine may be a file one
    try:
        return check_on_case(workspace, username, case_id, claims, record=record)
    finally:
        workspace.db.dispose()


@claims_app.command()
def check(
    sources: SourcesArg,
    position: PositionOpt = None,
    case: CaseOpt = None,
    user: UserOpt = "admin",
    record: RecordOpt = False,
    format: FormatOpt = OutputFormat.text,
    only_contradictions: Annotated[
        bool,
        typer.Option(
            "--contradictions",
            help="Only contradicting claims, and those to review (not read unambiguously).",
        ),
    ] = False,
    drafts: Annotated[bool, typer.Option("--drafts", help="Print draft rebuttals in text output.")] = False,
) -> None:
    """Check each claim against the recorded position (a position file, or a workspace case with --case):
    consistent, contradicts or cannot be checked. Contradicting claims carry a draft rebuttal (a note for
    diplomatic channels and a public line)."""
    from missiongate.claims.position import Verdict
    from missiongate.claims.rebuttal import draft_rebuttal

    results, failed = _checked(sources, position, case, user, record)
    if only_contradictions:
        results = [r for r in results if r.verdict is Verdict.CONTRADICTS or r.review]
    rows, lines = [], []
    for result in results:
        row = result.to_dict()
        label = "REVIEW" if result.review else result.verdict.upper()
        lines.append(f"{label:<12} {_claim_line(result.claim)}\n    {result.reason}")
        if result.verdict is Verdict.CONTRADICTS:
            draft = draft_rebuttal(result)
            row["rebuttal"] = {"note": draft.note, "public_line": draft.public_line}
            if drafts:
                lines.append(_indent(f"--- note for diplomatic channels ---\n{draft.note}"))
                lines.append(_indent(f"--- public line ---\n{draft.public_line}"))
        rows.append(row)
    contradictions = sum(r.verdict is Verdict.CONTRADICTS for r in results)
    to_review = sum(r.review for r in results)
    lines.append(
        f"{len(results)} claim(s) checked, {contradictions} contradict the recorded position,"
        f" {to_review} to review (would contradict it, not read unambiguously: no draft)"
    )
    _emit(rows, format, lines)
    _finish(failed)


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.rstrip().splitlines())


@claims_app.command()
def review(
    sources: SourcesArg,
    position: PositionOpt = None,
    case: CaseOpt = None,
    user: UserOpt = "admin",
    reviewer: Annotated[
        str, typer.Option(help="Organisation publishing the review.")
    ] = "Ministry of Foreign Affairs",
    url: Annotated[str | None, typer.Option(help="URL where the review is published.")] = None,
    include_consistent: Annotated[bool, typer.Option("--all", help="Also review consistent claims.")] = False,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
) -> None:
    """Export checked claims as schema.org ClaimReview JSON-LD (contradicting claims by default)."""
    from missiongate.claims.claimreview import claim_review
    from missiongate.claims.position import Verdict

    results, failed = _checked(sources, position, case, user)
    wanted = {Verdict.CONTRADICTS, Verdict.CONSISTENT} if include_consistent else {Verdict.CONTRADICTS}
    reviews = [claim_review(r, reviewer=reviewer, url=url) for r in results if r.verdict in wanted]
    text = json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        from missiongate.yamlio import write_atomic

        write_atomic(out, text)
        typer.echo(f"written: {out} ({len(reviews)} review(s))", err=True)
    _finish(failed)


@claims_app.command()
def feeds(
    config: Annotated[Path, typer.Argument(help="Feed configuration (YAML: feeds: [{name, url}]).")],
    state: Annotated[Path | None, typer.Option(help="Seen-items file (default: CONFIG.state.json).")] = None,
    format: FormatOpt = OutputFormat.text,
) -> None:
    """Poll the configured feeds once; only items not seen before are processed, then remembered."""
    from missiongate.claims.feeds import SeenState, load_feed_config, poll

    configs = load_feed_config(config)
    seen = SeenState(state or config.with_name(config.name + ".state.json"))
    result = poll(configs, seen)
    seen.save()
    for name, error in result.problems:
        typer.echo(f"error: {name}: {error}", err=True)
    rows, lines = [], []
    for feed, item, claims in result.new:
        rows += [{"feed": feed.name, "item": item.id, "title": item.title, **c.to_dict()} for c in claims]
        lines.append(f"[{feed.name}] {item.title or item.id}: {len(claims)} claim(s)")
        lines += [_indent(_claim_line(c)) for c in claims]
    lines.append(f"{len(result.new)} new item(s), {len(rows)} claim(s), {len(result.problems)} problem(s)")
    _emit(rows, format, lines)
    _finish(len(result.problems))


@claims_app.command("eval")
def evaluate(
    split: Annotated[str, typer.Option(help="dev or test (blind: aggregates only).")] = "dev",
    errors: Annotated[bool, typer.Option("--errors", help="List the mistakes (dev only).")] = False,
    data: Annotated[Path | None, typer.Option(help="Directory of the labelled splits.")] = None,
    coder: Annotated[
        Path | None,
        typer.Option(
            help="Score this annotator's labels of some of the split's items (same layout) instead of the "
            "extractor; only the items it labels are scored."
        ),
    ] = None,
) -> None:
    """Score the extractor on the labelled set: claim F1, stance, speaker and mission accuracy, and rebuttal
    precision (of the items given a rebuttal draft, the share that truly contradict their record). With
    --coder, score another annotator's labels the same way: the agreement of two annotators."""
    from missiongate.claims.dataset import evaluate as run
    from missiongate.claims.dataset import evaluate_coder, load_items, load_split

    if errors and split != "dev":
        raise MissionGateError("--errors lists items and is for dev only; the test split prints aggregates")
    items = load_split(split, data)
    report = evaluate_coder(items, load_items(coder), split) if coder else run(items, split)
    if errors:
        sys.stdout.writelines(line + "\n" for line in report.errors)
    if coder:
        sys.stderr.write(f"scored the coder's {report.items} of the {len(items)} items of {split}\n")
    metrics = report.metrics() | ({"coder": str(coder), "split_items": len(items)} if coder else {})
    sys.stdout.write(json.dumps(metrics, indent=2) + "\n")
