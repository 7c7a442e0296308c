"""`missiongate claims check FILE --case ID`: the position recorded on a workspace case, end to end."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from missiongate.settings import Settings
from missiongate.store import accounts
from missiongate.store import decisions as store_decisions
from missiongate.store.db import Database
from missiongate.store.models import Position

ROOT = Path(__file__).resolve().parents[2]


def missiongate(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MISSIONGATE_DATA_DIR": str(data_dir)}
    env.pop("MISSIONGATE_DATABASE_URL", None)
    command = [sys.executable, "-m", "missiongate.cli.app", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_check_against_a_case_records_the_contradiction(tmp_path: Path) -> None:
    assert missiongate(tmp_path, "db", "upgrade").returncode == 0
    assert missiongate(tmp_path, "user", "add", "admin", "--role", "admin").returncode == 0
    imported = missiongate(tmp_path, "case", "import", "examples/gaza-isf-inquiry.yaml", "--owner", "admin")
    assert imported.returncode == 0, imported.stderr
    settings = Settings(data_dir=tmp_path)
    database = Database(settings.resolved_database_url)
    try:
        with database.write() as session:
            user = accounts.user_by_name(session, "admin")
            assert user is not None
            store_decisions.record_position(
                session,
                accounts.Actor.of(user),
                1,
                position=Position.NO_CONSENT_GIVEN,
                stated_on=dt.date(2026, 1, 5),
                statement="No consent has been given.",
            )
    finally:
        database.dispose()
    article = tmp_path / "article.txt"
    article.write_text(
        "The US ambassador to the UN told reporters that Azerbaijan had agreed to send troops to the "
        "International Stabilization Force in Gaza.\n"
    )
    checked = missiongate(
        tmp_path,
        "claims",
        "check",
        str(article),
        "--case",
        "1",
        "--user",
        "admin",
        "--record",
        "--format",
        "json",
    )
    assert checked.returncode == 0, checked.stderr
    assert "contradicts" in checked.stdout and "AZE" in checked.stdout
    unknown = missiongate(tmp_path, "claims", "check", str(article), "--case", "99", "--user", "admin")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
