"""`missiongate analyze`, `corpus` and `eval pema`. Heavy imports stay inside the commands."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from missiongate.errors import MissionGateError

if TYPE_CHECKING:
    from collections.abc import Callable

    from missiongate.analyzer.mandate_eval import Summary
    from missiongate.analyzer.mandate_labels import MandateLabel
    from missiongate.mission import FactRecord


class OutputFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"


class EvalFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class SplitName(StrEnum):
    DEV = "dev"
    TEST = "test"
    ALL = "all"


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
    app.command("corpus")(corpus)
    eval_app = typer.Typer(help="Measure the analyzer against expert codings.", no_args_is_help=True)
    eval_app.command("pema")(eval_pema)
    eval_app.command("mandates")(eval_mandates)
    app.add_typer(eval_app, name="eval")


def analyze(
    file: Path = typer.Argument(..., help="Resolution as text, PDF, HTML or Akoma Ntoso XML."),
    format: OutputFormat = typer.Option(OutputFormat.TEXT, "--format", help="Report format."),
    into: Path | None = typer.Option(
        None, "--into", help="Add the findings to this mission file as proposed facts."
    ),
) -> None:
    """Read a mandate document and report the facts it supports, each with its quote and offsets."""
    from missiongate.analyzer.analysis import analyze_file
    from missiongate.analyzer.facts import proposed_facts
    from missiongate.analyzer.render import to_json, to_text

    analysis = analyze_file(file)
    facts = proposed_facts(analysis)
    if into is not None:
        _merge(into, facts)
        return
    if format is OutputFormat.JSON:
        typer.echo(to_json(analysis, facts))
    else:
        typer.echo(to_text(analysis, facts, markdown=format is OutputFormat.MD), nl=False)


def _merge(mission_path: Path, facts: dict[str, FactRecord]) -> None:
    from missiongate.analyzer.facts import merge_into
    from missiongate.mission import load_mission, save_mission

    mission, added, skipped = merge_into(load_mission(mission_path), facts)
    save_mission(mission, mission_path)
    typer.echo(f"added {len(added)} proposed facts to {mission_path}: {', '.join(added) or 'none'}")
    if skipped:
        typer.echo(f"skipped {len(skipped)} already confirmed: {', '.join(skipped)}")


def corpus(
    directory: Path = typer.Argument(..., help="Directory of documents."),
    out: Path = typer.Option(..., "--out", help="Output table: .jsonl, .csv or .parquet."),
    jobs: int = typer.Option(min(os.cpu_count() or 1, 8), "--jobs", "-j", min=1, help="Worker processes."),
    dask: str | None = typer.Option(None, "--dask", help="Run on an existing Dask cluster, tcp://HOST:PORT."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
) -> None:
    """Analyze every document in DIR into one table of findings and PEMA-style task columns."""
    from rich.console import Console
    from rich.progress import Progress

    from missiongate.analyzer import corpus as core

    if out.suffix.lower() not in core.FORMATS:
        raise MissionGateError(
            f"unknown output format {out.suffix!r}; use .jsonl, .csv or .parquet", source=out
        )
    paths = core.list_documents(directory)
    console = Console(stderr=True)
    with Progress(console=console, disable=not progress, transient=True) as bar:
        task = bar.add_task("analyzing", total=len(paths))

        def advance(n: int) -> None:
            bar.advance(task, n)

        result = core.run_dask(paths, dask, advance) if dask else core.run_local(paths, jobs, advance)
    core.write_table(result.rows, out)
    for error in result.errors:
        console.print(f"skipped: {error}", markup=False, highlight=False)
    console.print(f"{len(result.rows)} analyzed, {len(result.errors)} skipped -> {out}", markup=False)


def eval_pema(
    labels: Path = typer.Option(..., "--labels", help="PEMA CSV (raw v2 or v1.2)."),
    texts: list[Path] = typer.Option(
        [Path("data/unsc-resolutions"), Path("data/pema/texts")],
        "--texts",
        help="Directory of S_RES_NNNN_YYYY texts (repeat for several).",
    ),
    split: SplitName = typer.Option(SplitName.ALL, "--split", help="Which labelled resolutions to score."),
    split_file: Path = typer.Option(
        Path("data/pema/split.json"), "--split-file", help="The fixed dev/test split."
    ),
    format: EvalFormat = typer.Option(EvalFormat.TEXT, "--format"),
    coder: Path | None = typer.Option(
        None, "--coder", help="Score this coding (PEMA's CSV format) instead of the analyzer, on its rows."
    ),
) -> None:
    """Score task presence, modality and paragraph references against PEMA codings."""
    import json

    from missiongate.analyzer.analysis import analyze_file
    from missiongate.analyzer.evaluation import evaluate, index_texts, load_split
    from missiongate.analyzer.labels import load_labels

    chosen = load_split(split_file, split.value)
    rows = [r for r in load_labels(labels) if chosen is None or r.signature in chosen]
    other = {r.signature: r for r in load_labels(coder)} if coder else None
    report = evaluate(rows, index_texts(*texts), analyze_file, split.value, other).to_dict()
    if split is not SplitName.DEV:
        del report["resolutions"]  # held-out rows are reported in aggregate only
    if format is EvalFormat.JSON:
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(_eval_text(report))


class ModernSplit(StrEnum):
    DEV = "dev"
    TEST = "test"
    DEV_ORIGINAL = "dev-original"
    DEV_ADDED = "dev-added"
    TEST_ORIGINAL = "test-original"
    TEST_ADDED = "test-added"


def eval_mandates(
    split: ModernSplit = typer.Option(
        ModernSplit.DEV,
        "--split",
        help="dev (dev-original + dev-added), or the frozen test split (test-original + test-added).",
    ),
    labels: Path = typer.Option(Path("data/modern/labels"), "--labels", help="Directory of label files."),
    texts: Path = typer.Option(Path("data/modern/texts"), "--texts", help="Directory of the labelled texts."),
    format: EvalFormat = typer.Option(EvalFormat.TEXT, "--format"),
    coder: Path | None = typer.Option(
        None, "--coder", help="Score this directory of labels instead of the analyzer, on its resolutions."
    ),
) -> None:
    """Score decision fields, tasks and modalities against the modern hand labels (test: aggregates only)."""
    import json

    from missiongate.analyzer.analysis import analyze_file
    from missiongate.analyzer.mandate_eval import evaluate_mandates
    from missiongate.analyzer.mandate_labels import load_labels
    from missiongate.analyzer.summary import summarise

    def analyzer(label: MandateLabel) -> Summary:
        path = texts / label.file
        if not path.is_file():
            raise MissionGateError(f"no text {label.file} for {label.resolution}", source=texts)
        return summarise(analyze_file(path))

    chosen = load_labels(labels, split.value)
    predict: Callable[[MandateLabel], Summary] = analyzer
    if coder is not None:
        chosen, predict = _coder_labels(coder, chosen, split.value)
    report = evaluate_mandates(chosen, predict, split.value)
    data = report.to_dict(details=split.value.startswith("dev"))  # a held-out split: aggregates only
    typer.echo(json.dumps(data, indent=2) if format is EvalFormat.JSON else _mandates_text(data))


def _coder_labels(
    directory: Path, gold: list[MandateLabel], split: str
) -> tuple[list[MandateLabel], Callable[[MandateLabel], Summary]]:
    """The gold labels of the resolutions another coder labelled in `directory`, and that coder's labels
    as the prediction: how far two codings of the same texts agree."""
    from missiongate.analyzer.mandate_eval import Summary
    from missiongate.analyzer.mandate_labels import load_labels

    other = {label.file: label for label in load_labels(directory)}
    shared = [label for label in gold if label.file in other]
    if not shared:
        raise MissionGateError(f"the coder's labels share no resolution with split {split}", source=directory)
    return shared, lambda label: Summary(dict(other[label.file].fields), other[label.file].tasks)


def _mandates_text(data: dict[str, Any]) -> str:
    lines = [f"Modern mandates, split {data['split']}: {data['n_resolutions']} resolutions"]
    lines += [f"  field accuracy: {data['field_accuracy']}",
              f"  tasks: P {data['task_precision']} R {data['task_recall']} F1 {data['task_f1']}",
              f"  modality accuracy: {data['modality_accuracy']} "
              f"on {data['modality_pairs']} (task, paragraph) pairs",
              "per field:"]  # fmt: skip
    lines += [f"  {name}: {value}" for name, value in data["per_field"].items()]
    for row in data.get("resolutions", []):
        lines.append(f"{row['resolution']} ({row['mission']})")
        lines += [f"  {error}" for error in row["errors"]]
    return "\n".join(lines)


def _eval_text(report: dict[str, object]) -> str:
    keys = ("n_resolutions", "micro_precision", "micro_recall", "micro_f1", "macro_f1", "modality_accuracy",
            "paragraph_agreement", "paragraph_overlap", "true_positives", "by_reference")  # fmt: skip
    lines = [f"PEMA evaluation, split {report['split']}"]
    lines += [f"  {key}: {report[key]}" for key in keys]
    lines.append("per task (tp/fp/fn, F1):")
    per_task = report["per_task"]
    assert isinstance(per_task, dict)
    lines += [f"  {task}: {c['tp']}/{c['fp']}/{c['fn']}  F1 {c['f1']}" for task, c in per_task.items()]
    return "\n".join(lines)
