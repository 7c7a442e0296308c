"""Core commands: assess, questions, answer, compare and doctrine management."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from missiongate.errors import MissionGateError

if TYPE_CHECKING:
    from missiongate.mission import Mission

MissionArg = Annotated[Path, typer.Argument(help="Mission file (YAML).", show_default=False)]
DoctrineOpt = Annotated[str, typer.Option("--doctrine", "-d", help="Built-in doctrine id or doctrine file.")]


class ReportFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


class QuestionFormat(StrEnum):
    md = "md"
    txt = "txt"
    json = "json"
    xlsform = "xlsform"


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from missiongate.yamlio import write_atomic

    write_atomic(out, text)
    typer.echo(f"written: {out}", err=True)


def read_mission(path: Path) -> Mission:
    """A mission file; what an older file format needed mapping is said on stderr."""
    from missiongate import load_mission

    mission = load_mission(path)
    for warning in mission.warnings:
        typer.echo(f"warning: {warning}", err=True)
    return mission


def _dump_json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def assess(
    mission: MissionArg,
    doctrine: DoctrineOpt,
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to a file instead of stdout.")
    ] = None,
) -> None:
    """Assess a mission against a doctrine: verdict, deciding rules with sources, open questions."""
    from missiongate import load_doctrine
    from missiongate.report import assess as run_assess
    from missiongate.report import report_data

    loaded = read_mission(mission)
    assessment, questionnaire = run_assess(load_doctrine(doctrine), loaded)
    data = report_data(assessment, questionnaire, loaded)
    if format is ReportFormat.json:
        _emit(_dump_json(data), out)
    elif format is ReportFormat.md:
        from missiongate.report.markdown import report_markdown

        _emit(report_markdown(data), out)
    else:
        from rich.console import Console

        from missiongate.report.terminal import print_report

        if out is None:
            print_report(data)
        else:
            import io

            console = Console(record=True, width=100, file=io.StringIO())
            print_report(data, console)
            _emit(console.export_text(), out)


def questions(
    mission: MissionArg,
    doctrine: DoctrineOpt,
    format: Annotated[QuestionFormat, typer.Option("--format", "-f")] = QuestionFormat.md,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (required for xlsform).")
    ] = None,
) -> None:
    """The clarification questionnaire: relevant open questions, numbered and grouped by theme."""
    from missiongate import build_questionnaire, load_doctrine
    from missiongate.questionnaire import render

    questionnaire = build_questionnaire(load_doctrine(doctrine), read_mission(mission))
    if format is QuestionFormat.xlsform:
        if out is None:
            raise MissionGateError("--format xlsform writes a workbook: give --out FILE.xlsx")
        from missiongate.questionnaire.xlsform import write_xlsform

        write_xlsform(questionnaire, out)
        typer.echo(f"written: {out} ({len(questionnaire.questions)} questions)", err=True)
    elif format is QuestionFormat.json:
        _emit(_dump_json(render.to_json(questionnaire)), out)
    elif format is QuestionFormat.txt:
        _emit(render.to_text(questionnaire), out)
    else:
        _emit(render.to_markdown(questionnaire), out)


def answer(
    mission: MissionArg,
    answers: Annotated[
        Path, typer.Argument(help="Answers: .yaml/.json, .csv or a filled XLSForm export (.xlsx/.csv).")
    ],
    doctrine: Annotated[
        str | None, typer.Option("--doctrine", "-d", help="Also show how the verdict changes.")
    ] = None,
    answered_by: Annotated[str | None, typer.Option(help="Who answered, if the file does not say.")] = None,
    channel: Annotated[str | None, typer.Option(help="Channel, e.g. 'diplomatic note'.")] = None,
    received: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Date received (YYYY-MM-DD).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the changes without writing.")] = False,
) -> None:
    """Merge answers into the mission file, with who answered and when, and show what changed."""
    from rich.console import Console
    from rich.table import Table

    from missiongate import evaluate, load_catalogue, load_doctrine, save_mission
    from missiongate.questionnaire.answers import PARTY_PREFIX, merge_answers, read_answers

    catalogue = load_catalogue()
    before = read_mission(mission)
    answer_set = read_answers(answers, catalogue)
    answer_set.answered_by = answered_by or answer_set.answered_by
    answer_set.channel = channel or answer_set.channel
    answer_set.date = received.date() if received else answer_set.date
    updated, changes = merge_answers(before, answer_set)
    console = Console()
    table = Table("Fact", "Before", "After", title=f"{len(changes)} fact(s) changed")
    parties = {party.id: party.name for party in before.parties}
    for change in changes:
        if change.fact.startswith(PARTY_PREFIX):
            party = change.fact.removeprefix(PARTY_PREFIX)
            table.add_row(f"Consent of {parties[party]}", str(change.old), str(change.new))
            continue
        fact = catalogue.fact(change.fact)
        old = "unknown" if change.old is None else f"{fact.describe(change.old)} ({change.old_status})"
        table.add_row(fact.label, old, fact.describe(change.new))
    console.print(table)
    if doctrine:
        rules = load_doctrine(doctrine)
        console.print(
            f"Verdict: {evaluate(rules, before).verdict.value} -> {evaluate(rules, updated).verdict.value}"
        )
    if dry_run:
        console.print("Dry run: nothing written.")
    else:
        save_mission(updated, mission)
        console.print(f"Recorded in {mission}.")


def compare(
    mission: MissionArg,
    doctrines: Annotated[
        list[str] | None,
        typer.Option("--doctrine", "-d", help="Doctrines to compare (default: all built-in)."),
    ] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
) -> None:
    """Verdict matrix: one operation against every doctrine."""
    from missiongate import builtin_ids, evaluate, load_doctrine, load_mission

    loaded = load_mission(mission)
    rows: list[dict[str, Any]] = []
    for ref in doctrines or builtin_ids():
        doctrine = load_doctrine(ref)
        result = evaluate(doctrine, loaded)
        rows.append(
            {
                "doctrine": doctrine.id,
                "title": doctrine.title,
                "verdict": result.verdict.value,
                "provisional": result.provisional,
                "deciding_rules": [o.rule.id for o in result.deciding],
            }
        )
    if format is ReportFormat.json:
        _emit(_dump_json({"mission": loaded.id, "results": rows}), None)
        return
    if format is ReportFormat.md:
        lines = ["| Doctrine | Verdict | Deciding rules |", "|---|---|---|"]
        lines += [f"| {r['title']} | {r['verdict']} | {', '.join(r['deciding_rules'])} |" for r in rows]
        _emit("\n".join(lines), None)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("Doctrine", "Verdict", "Deciding rules", title=loaded.title)
    for r in rows:
        verdict = r["verdict"] + (" (provisional)" if r["provisional"] else "")
        table.add_row(r["title"], verdict, ", ".join(r["deciding_rules"]))
    Console().print(table)


doctrine_app = typer.Typer(
    help="List, show, validate and test doctrines; publish their JSON Schema.", no_args_is_help=True
)


@doctrine_app.command("list")
def doctrine_list(
    directory: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            help="Also the doctrine files (*.yaml, *.yml) in this directory, as the workspace loads them "
            "from MISSIONGATE_DOCTRINES_DIR.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """The built-in doctrines, and with --dir the doctrine files of a directory (rejected ones on stderr)."""
    from missiongate.doctrine import load_registry

    registry = load_registry(directory)
    for entry in registry:
        doctrine = entry.doctrine
        typer.echo(
            f"{doctrine.id:<16} {doctrine.version:<8} {len(doctrine.rules):>2} rules  {doctrine.title}"
            + (f"  [{entry.origin}]" if directory is not None else "")
        )
    for rejected in registry.rejected:
        typer.echo(f"rejected: {rejected}", err=True)
    if directory is not None:
        loaded = sum(not entry.builtin for entry in registry)
        typer.echo(f"{directory}: {loaded} loaded, {len(registry.rejected)} rejected", err=True)


@doctrine_app.command("show")
def doctrine_show(ref: Annotated[str, typer.Argument(help="Doctrine id or file.")]) -> None:
    """A doctrine rule by rule, with sources."""
    from missiongate import load_doctrine
    from missiongate.report.describe import describe

    doctrine = load_doctrine(ref)
    typer.echo(f"{doctrine.title} (version {doctrine.version}, effective {doctrine.effective})\n")
    for rule in doctrine.rules:
        typer.echo(f"{rule.id} [{rule.kind.value}] {rule.title}")
        if rule.when is not None:
            typer.echo(f"    applies when: {describe(rule.when)}")
        typer.echo(f"    requires: {describe(rule.require)}")
        typer.echo(f"    source: {doctrine.cite(rule)}\n")
    for policy in doctrine.policies:
        typer.echo(f"{policy.id} [{policy.kind.value}] {policy.title}: {policy.text}\n")


@doctrine_app.command("validate")
def doctrine_validate(files: Annotated[list[Path], typer.Argument(help="Doctrine files.")]) -> None:
    """Check doctrine files against the schema and the fact catalogue."""
    from missiongate import load_doctrine

    failed = 0
    for file in files:
        try:
            doctrine = load_doctrine(file)
            typer.echo(f"ok: {file} ({doctrine.id} {doctrine.version}, {len(doctrine.rules)} rules)")
            for warning in doctrine.fidelity_warnings():
                typer.echo(f"warning: {file}: {warning}", err=True)
        except MissionGateError as exc:
            failed += 1
            typer.echo(f"error: {exc}", err=True)
    if failed:
        raise typer.Exit(2)


@doctrine_app.command("test")
def doctrine_test(
    refs: Annotated[
        list[str] | None, typer.Argument(help="Doctrine ids or files (default: all built-in).")
    ] = None,
) -> None:
    """Run the test cases shipped in doctrine files."""
    from missiongate import builtin_ids, load_doctrine
    from missiongate.doctrine.cases import run_cases

    failures = total = 0
    for ref in refs or builtin_ids():
        doctrine = load_doctrine(ref)
        for result in run_cases(doctrine):
            total += 1
            mark = "PASS" if result.passed else "FAIL"
            typer.echo(f"{mark} {doctrine.id}: {result.case.name} -> {result.verdict} {result.deciding}")
            for problem in result.problems:
                typer.echo(f"     {problem}")
            failures += not result.passed
    typer.echo(f"{total - failures} passed, {failures} failed")
    if failures:
        raise typer.Exit(1)


@doctrine_app.command("schema")
def doctrine_schema(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the schema to a file.")] = None,
) -> None:
    """The JSON Schema of doctrine files, generated from the model."""
    from missiongate.doctrine import doctrine_json_schema_text

    _emit(doctrine_json_schema_text(), out)


def register(app: typer.Typer) -> None:
    app.command()(assess)
    app.command()(questions)
    app.command()(answer)
    app.command()(compare)
    app.add_typer(doctrine_app, name="doctrine")
