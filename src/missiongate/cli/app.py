"""`missiongate` entry point. Each command group lives in its own module and registers itself here.

Command modules keep heavy imports inside the command functions so that `missiongate assess` starts fast.
"""

from __future__ import annotations

import os
import sys

# MissionGate uses no pydantic plugins; looking for them costs ~80 ms of every cold start.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from missiongate.errors import MissionGateError

app = typer.Typer(
    name="missiongate",
    help="Decision support for contributing forces to international missions.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_commands() -> None:
    from missiongate.cli import core_commands

    core_commands.register(app)
    from missiongate.cli import analyze_commands

    analyze_commands.register(app)
    from missiongate.cli import claims_commands

    claims_commands.register(app)
    from missiongate.cli import paths_commands

    paths_commands.register(app)
    from missiongate.cli import workspace_commands

    workspace_commands.register(app)


_register_commands()


def main() -> None:
    """Run the CLI; input problems become one line on stderr and exit code 2, never a traceback."""
    try:
        app()
    except MissionGateError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        # A database that cannot be read (corrupt, foreign, unreachable). Matched by module so that the
        # core commands' cold start does not pay for importing SQLAlchemy.
        if not type(exc).__module__.startswith(("sqlalchemy", "sqlite3", "psycopg")):
            raise
        print(f"error: the database cannot be used: {' '.join(str(exc).split(chr(10))[0].split())[:300]}",
              file=sys.stderr)  # fmt: skip
        sys.exit(2)


if __name__ == "__main__":
    main()
