"""Workspace commands: serve, db upgrade, user add/token, case import/list/conditions/alerts, backup/restore,
audit verify.

Heavy imports (SQLAlchemy, FastAPI, uvicorn) stay inside the functions so `missiongate assess` starts fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from missiongate.errors import MissionGateError

if TYPE_CHECKING:
    from missiongate.services import Workspace
    from missiongate.services.types import Database

db_app = typer.Typer(help="The workspace database.", no_args_is_help=True)
user_app = typer.Typer(help="Workspace users and API tokens.", no_args_is_help=True)
case_app = typer.Typer(help="Cases in the workspace.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit log.", no_args_is_help=True)

SYSTEM_ACTOR = "cli"
E = TypeVar("E", bound=StrEnum)


def _choice(kind: type[E], text: str, what: str) -> E:
    """`text` as one of `kind`'s values; anything else is a one-line input error that lists them."""
    try:
        return kind(text)
    except ValueError:
        raise MissionGateError(f"unknown {what} {text!r} ({', '.join(kind)})") from None


def _database(*, migrate: bool = True) -> Database:
    from missiongate.services.workspace import migrate as migrate_database
    from missiongate.services.workspace import open_database
    from missiongate.settings import get_settings

    database = open_database(get_settings(), migrate=False)
    if migrate:  # the commands migrate whatever MISSIONGATE_AUTO_MIGRATE says (that is for the server)
        migrate_database(database)
    return database


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Run the workspace server (REST API under /api, web pages when installed).

    The doctrines are the built-in ones plus the files in MISSIONGATE_DOCTRINES_DIR, read once by each
    worker at start; rejected files are logged. A doctrines directory that cannot be read stops the start.
    """
    import uvicorn

    from missiongate.doctrine import load_registry
    from missiongate.server.logs import configure_logging
    from missiongate.settings import get_settings

    settings = get_settings()
    load_registry(settings.doctrines_dir)  # an unusable doctrines directory: exit 2 before anything starts
    configure_logging(settings.log_level, json_lines=settings.log_json)
    _database().dispose()  # create or migrate the database before accepting requests
    typer.echo(f"MissionGate workspace on http://{host}:{port}/ (API docs at /api/docs)", err=True)
    uvicorn.run(
        "missiongate.cli.workspace_commands:build_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # the app logs every request itself, as JSON
        log_config=None,
        proxy_headers=True,
    )


def build_app() -> object:
    """The app uvicorn serves (a factory, so that each worker process builds its own)."""
    import gc

    from missiongate.server.app import create_app

    app = create_app()
    # Everything built so far lives as long as the process: keep it out of the garbage collector's
    # full collections, which otherwise walk it again and again (visible as tail latency).
    gc.collect()
    gc.freeze()
    return app


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database or bring its schema up to date."""
    from missiongate.services.workspace import migrate

    database = _database(migrate=False)
    revision = migrate(database)
    typer.echo(f"database at revision {revision} ({database.engine.url!r})")
    database.dispose()


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="Login name (lowercase).")],
    role: Annotated[str, typer.Option(help="viewer, analyst, approver or admin.")] = "analyst",
    display_name: Annotated[str, typer.Option(help="Full name.")] = "",
    password_stdin: Annotated[bool, typer.Option(help="Read the password from stdin.")] = False,
    if_missing: Annotated[bool, typer.Option(help="Do nothing if the user exists.")] = False,
) -> None:
    """Add a user. Without --password-stdin a password is generated and printed once."""
    import sys

    from missiongate.services import accounts
    from missiongate.services.types import Role

    parsed_role = _choice(Role, role, "role")
    password = sys.stdin.readline().rstrip("\n") if password_stdin else accounts.generate_password()
    database = _database()
    try:
        created = accounts.add_user(
            database,
            SYSTEM_ACTOR,
            username,
            parsed_role,
            password=password,
            display_name=display_name,
            if_missing=if_missing,
        )
    finally:
        database.dispose()
    if created is None:
        typer.echo(f"user {username!r} exists; nothing changed", err=True)
        return
    typer.echo(f"created {parsed_role.value} {username!r}")
    if not password_stdin:
        typer.echo(f"password (shown once): {password}")


@user_app.command("token")
def user_token(
    username: Annotated[str, typer.Argument(help="Whose token.")],
    name: Annotated[str, typer.Option(help="What the token is for.")] = "cli",
) -> None:
    """Create an API token for a user and print it (only its hash is stored)."""
    from missiongate.services.accounts import token_for

    database = _database()
    try:
        raw = token_for(database, SYSTEM_ACTOR, username, name)
    finally:
        database.dispose()
    typer.echo(raw)


@case_app.command("import")
def case_import(
    mission_file: Annotated[Path, typer.Argument(help="Mission file (YAML).")],
    owner: Annotated[str, typer.Option(help="User recorded as having opened the case.")] = "admin",
    if_missing: Annotated[bool, typer.Option(help="Skip if a case for this mission id exists.")] = False,
) -> None:
    """Open a case from a mission file, with its facts and their provenance (and its first assessment)."""
    from missiongate import load_mission
    from missiongate.services import Workspace
    from missiongate.services.cases import import_mission
    from missiongate.settings import get_settings

    mission = load_mission(mission_file)
    workspace = Workspace.open(get_settings())
    try:
        imported = import_mission(workspace, owner, mission, if_missing=if_missing)
    finally:
        workspace.db.dispose()
    if imported.case is None:
        typer.echo(f"a case for {mission.id!r} exists; nothing changed", err=True)
        return
    typer.echo(f"case {imported.case.id}: {mission.title}")


AsUser = Annotated[str, typer.Option("--as", help="Read as this user: what that user may see.")]


def _workspace() -> Workspace:
    from missiongate.services import Workspace
    from missiongate.settings import get_settings

    return Workspace.open(get_settings())


@case_app.command("list")
def case_list(
    as_user: AsUser = "admin",
    query: Annotated[str | None, typer.Option(help="Words of the title or the operation.")] = None,
    status: Annotated[
        str | None, typer.Option(help="Only cases in this status: open, awaiting_answers, decided or closed.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
) -> None:
    """The cases, most recently changed first: id, latest verdict, status, open alerts, title."""
    from missiongate.services import alerts, cases
    from missiongate.services.accounts import actor_named
    from missiongate.services.types import CaseStatus

    wanted = _choice(CaseStatus, status, "status") if status is not None else None
    workspace = _workspace()
    try:
        actor = actor_named(workspace, as_user)
        listed, total = cases.list_cases(workspace, actor, status=wanted, query=query, limit=limit)
        alerted = {row.id: row.open for row in alerts.alerted_cases(workspace, actor) if row.open}
    finally:
        workspace.db.dispose()
    for case in listed:
        flag = f" {alerted[case.id]} open alert(s)" if case.id in alerted else ""
        verdict = case.latest_verdict or "not assessed"
        typer.echo(f"{case.id:>5}  {verdict:<28} {case.status:<10}{flag}  {case.title}")
    typer.echo(f"{len(listed)} of {total} case(s)", err=True)


@case_app.command("conditions")
def case_conditions(
    case_id: Annotated[int, typer.Argument(help="Case id.")], as_user: AsUser = "admin"
) -> None:
    """The case's conditions: each one's state (stated, accepted, refused, amended or not stated), with
    the last record's counterpart, date, channel and reference."""
    from missiongate.services.accounts import actor_named
    from missiongate.services.conditions import list_conditions

    workspace = _workspace()
    try:
        found = list_conditions(workspace, actor_named(workspace, as_user), case_id)
    finally:
        workspace.db.dispose()
    typer.echo(f"case {case_id}: {found.case.title} ({found.doctrine.id}, verdict {found.verdict.value})")
    for condition in found.conditions:
        line = f"{condition.rule_id:<8} {condition.state.replace('_', ' '):<10} {condition.title}"
        if (record := condition.current) is not None:
            reference = f", {record.reference}" if record.reference else ""
            line += f" ({record.counterpart}, {record.occurred_on}, {record.channel}{reference})"
        typer.echo(line if condition.agrees else f"{line} [the facts no longer say this]")


@case_app.command("alerts")
def case_alerts(
    case_id: Annotated[int, typer.Argument(help="Case id.")],
    as_user: AsUser = "admin",
    every: Annotated[bool, typer.Option("--all", help="Acknowledged alerts too.")] = False,
) -> None:
    """The case's withdrawal alerts, newest first: open ones only unless --all; exit 1 if one is open."""
    from missiongate.services import alerts
    from missiongate.services.accounts import actor_named

    workspace = _workspace()
    try:
        actor = actor_named(workspace, as_user)
        found = alerts.list_alerts(workspace, actor, case_id)
    finally:
        workspace.db.dispose()
    shown = [view for view in found if every or view.open]
    for view in shown:
        state = "OPEN" if view.open else f"acknowledged by {view.acknowledged_by}"
        typer.echo(f"#{view.alert.id} {view.alert.raised_at:%Y-%m-%d %H:%M} {state}: {view.alert.text}")
    if not shown:
        typer.echo("no open alert" if not every else "no alert", err=True)
    if any(view.open for view in found):
        raise typer.Exit(1)


def backup(destination: Annotated[Path, typer.Argument(help="Backup file to write.")]) -> None:
    """Consistent online backup: SQLite's backup API, or pg_dump for PostgreSQL."""
    from missiongate.services import backup as service

    database = _database(migrate=False)
    service.backup(database, destination)
    typer.echo(f"backup written: {destination}")
    database.dispose()


def restore(
    source: Annotated[Path, typer.Argument(help="Backup file made by 'missiongate backup'.")],
    force: Annotated[bool, typer.Option(help="Replace a database that already holds data.")] = False,
) -> None:
    """Restore a backup (stop the server first); it replaces the database only if its integrity, schema
    version and audit chain check out."""
    from missiongate.services import backup as service

    database = _database(migrate=False)
    report = service.restore(database, source, force=force)
    database.dispose()
    typer.echo(f"restored from {source}; checked before it replaced the database: audit chain intact "
               f"({report.entries} entries, head {report.head_hash})")  # fmt: skip


@audit_app.command("verify")
def audit_verify(
    anchor: Annotated[
        str | None,
        typer.Option(help="A head hash printed earlier by 'audit anchor'; it must still be in the chain."),
    ] = None,
) -> None:
    """Check the audit chain and the data it covers; exit 1 if an entry was edited, deleted or cut off, a
    row was changed outside the application, or the anchor is gone."""
    from missiongate.services import audit

    database = _database(migrate=False)
    report = audit.verify(database, anchor)
    database.dispose()
    if report.ok:
        typer.echo(f"audit chain intact: {report.entries} entries, head {report.head_hash}")
        return
    for problem in report.problems:
        typer.echo(f"audit: {problem}", err=True)
    raise typer.Exit(1)


@audit_app.command("anchor")
def audit_anchor() -> None:
    """Print the chain's head hash, to keep outside the database (paper, another system) for 'audit verify
    --anchor': a log and data rebuilt or deleted wholesale no longer contain it."""
    from missiongate.services import audit

    database = _database(migrate=False)
    report = audit.verify(database)
    database.dispose()
    if not report.ok:
        for problem in report.problems:
            typer.echo(f"audit: {problem}", err=True)
        raise typer.Exit(1)
    typer.echo(report.head_hash)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(backup)
    app.command()(restore)
    app.add_typer(db_app, name="db")
    app.add_typer(user_app, name="user")
    app.add_typer(case_app, name="case")
    app.add_typer(audit_app, name="audit")
