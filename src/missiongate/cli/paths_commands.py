"""Path to yes and force generation: `missiongate paths` and `missiongate forcegen`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from missiongate.cli.core_commands import DoctrineOpt, MissionArg, _dump_json, _emit, read_mission


class PathsFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


class ForcegenFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"
    csv = "csv"


LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, help="Paths to show, best first.")]


def paths(
    mission: MissionArg,
    doctrine: DoctrineOpt,
    format: Annotated[PathsFormat, typer.Option("--format", "-f")] = PathsFormat.text,
    limit: LimitOpt = 10,
) -> None:
    """Path to yes: the minimal changes that would turn the verdict into a yes, and who controls each."""
    from missiongate import load_doctrine
    from missiongate.paths import paths_to_yes
    from missiongate.paths.render import paths_data, paths_text

    loaded = read_mission(mission)
    result = paths_to_yes(load_doctrine(doctrine), loaded, limit=limit)
    if format is PathsFormat.json:
        _emit(_dump_json(paths_data(result, loaded.id)), None)
    else:
        _emit(paths_text(result, loaded.title, markdown=format is PathsFormat.md), None)


def forcegen(
    mission: MissionArg,
    doctrines: Annotated[
        list[str] | None,
        typer.Option("--doctrine", "-d", help="Doctrines to include (default: all built-in)."),
    ] = None,
    format: Annotated[ForcegenFormat, typer.Option("--format", "-f")] = ForcegenFormat.text,
) -> None:
    """Force generation: every doctrine's verdict, conditions and best path to yes; the mandate designer."""
    from missiongate import builtin_ids, load_doctrine
    from missiongate.paths.forcegen import force_generation
    from missiongate.paths.render import forcegen_csv, forcegen_data, forcegen_text

    loaded = read_mission(mission)
    view = force_generation([load_doctrine(ref) for ref in doctrines or builtin_ids()], loaded)
    if format is ForcegenFormat.json:
        _emit(_dump_json(forcegen_data(view, loaded.id)), None)
    elif format is ForcegenFormat.csv:
        _emit(forcegen_csv(view), None)
    else:
        _emit(forcegen_text(view, loaded.title, markdown=format is ForcegenFormat.md), None)


def register(app: typer.Typer) -> None:
    app.command()(paths)
    app.command()(forcegen)
