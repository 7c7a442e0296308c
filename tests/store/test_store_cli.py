"""The workspace commands: db upgrade, user add/token, case import, audit verify, backup/restore."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.support.processes import free_port
from tests.support.processes import run as run_process
from typer.testing import CliRunner

from missiongate.cli.app import app
from missiongate.errors import MissionGateError
from missiongate.settings import get_settings
from missiongate.store import accounts, cases
from missiongate.store.db import Database, head
from missiongate.store.models import CaseStatus, Role

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "gaza-isf-inquiry.yaml"
Run = Callable[..., tuple[int, str]]


@pytest.fixture
def run(database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Run]:
    """Run `missiongate ...` against the test database; input errors come back as exit code 2."""
    monkeypatch.setenv("MISSIONGATE_DATABASE_URL", database.url)
    monkeypatch.setenv("MISSIONGATE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
        result = runner.invoke(app, list(args), input=stdin)
        if isinstance(result.exception, MissionGateError):
            return 2, str(result.exception)  # what `main()` turns it into
        return result.exit_code, result.output

    yield invoke
    get_settings.cache_clear()


def test_setup_commands(run: Run, database: Database) -> None:
    invoke = run
    code, out = invoke("db", "upgrade")
    assert code == 0 and f"revision {head()}" in out
    code, out = invoke("user", "add", "admin", "--role", "admin")
    assert code == 0 and "password (shown once):" in out
    password = out.rsplit(": ", 1)[1].strip()
    code, out = invoke("user", "add", "admin", "--role", "admin", "--if-missing")
    assert code == 0 and "password" not in out
    code, out = invoke("case", "import", str(EXAMPLE), "--if-missing")
    assert code == 0 and out.startswith("case 1:")
    assert invoke("case", "import", str(EXAMPLE), "--if-missing")[0] == 0
    code, token = invoke("user", "token", "admin")
    assert code == 0 and token.startswith("mgt_")
    with database.read() as session:
        assert accounts.authenticate(session, "admin", password) is not None
        assert accounts.user_for_token(session, token.strip()) is not None
        user = accounts.user_by_name(session, "admin")
        assert user is not None
        admin = accounts.Actor.of(user)
        listed, total = cases.list_cases(session, admin)
    assert total == 1 and listed[0].mission_ref == "gaza-isf-inquiry" and listed[0].example
    assert listed[0].requesting_party == "United States of America"


def test_audit_verify_reports_tampering(run: Run, database: Database) -> None:
    invoke = run
    invoke("user", "add", "ana", "--role", "analyst")
    code, out = invoke("audit", "verify")
    assert code == 0 and "audit chain intact: 1 entries" in out
    with database.engine.begin() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        else:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER ALL")
        connection.exec_driver_sql("UPDATE audit_log SET actor = 'mallory'")
    code, out = invoke("audit", "verify")
    assert code == 1 and "entry 1" in out and "altered" in out


def test_backup_and_restore_commands(run: Run, tmp_path: Path) -> None:
    invoke = run
    invoke("user", "add", "ana", "--role", "analyst")
    target = tmp_path / "workspace.backup"
    code, out = invoke("backup", str(target))
    assert code == 0 and target.exists()
    invoke("user", "add", "bob", "--role", "viewer")
    code, out = invoke("restore", str(target))
    assert code == 2 and "--force" in out
    code, out = invoke("restore", str(target), "--force")
    assert code == 0 and "audit chain intact (1 entries" in out


def test_serve_refuses_an_unusable_doctrines_directory(database: Database, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "MISSIONGATE_DATABASE_URL": database.url,
        "MISSIONGATE_DATA_DIR": str(tmp_path),
        "MISSIONGATE_SETTINGS_FILE": str(tmp_path / "absent.toml"),
        "MISSIONGATE_DOCTRINES_DIR": str(tmp_path / "no-such-directory"),
    }
    result = run_process("serve", "--port", str(free_port()), env=env)
    assert result.returncode == 2
    assert "no-such-directory: doctrines directory does not exist" in result.stderr


def test_audit_anchor_and_verify_against_it(run: Run, database: Database) -> None:
    invoke = run
    invoke("user", "add", "ana", "--role", "analyst")
    code, anchor = invoke("audit", "anchor")
    assert code == 0 and len(anchor.strip()) == 64
    code, out = invoke("audit", "verify", "--anchor", anchor.strip())
    assert code == 0 and anchor.strip() in out
    with database.engine.begin() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            connection.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER ALL")
        connection.exec_driver_sql("DELETE FROM audit_log")
        connection.exec_driver_sql("DELETE FROM users")
        connection.exec_driver_sql("UPDATE audit_head SET seq = 0, hash = '" + "0" * 64 + "'")
    code, out = invoke("audit", "verify")
    assert code == 0  # nothing left to contradict the empty chain ...
    code, out = invoke("audit", "verify", "--anchor", anchor.strip())
    assert code == 1 and "is not in the chain" in out  # ... but the anchor kept elsewhere does


def test_audit_verify_reports_rows_edited_outside(run: Run, database: Database) -> None:
    invoke = run
    invoke("user", "add", "ana", "--role", "viewer")
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE users SET role = 'admin'")
    code, out = invoke("audit", "verify")
    assert code == 1 and "row users:" in out and "edited outside the application" in out


def test_case_import_refuses_a_control_character_in_one_line(
    run: Run, database: Database, tmp_path: Path
) -> None:
    invoke = run
    invoke("user", "add", "admin", "--role", "admin")
    text = EXAMPLE.read_text().replace("United States of America", '"United States\\a of America"', 1)
    mission = tmp_path / "bell.yaml"
    mission.write_text(text)
    code, out = invoke("case", "import", str(mission))
    assert code == 2 and "\n" not in out.strip()
    assert re.search(r"requesting.party: contains the control character U\+0007", out), out
    with database.read() as session:
        user = accounts.user_by_name(session, "admin")
        assert user is not None
        assert cases.list_cases(session, accounts.Actor.of(user))[1] == 0


def test_case_list_filters_by_status(run: Run, database: Database) -> None:
    from missiongate.services import Workspace
    from missiongate.services import cases as case_service

    invoke = run
    invoke("user", "add", "admin", "--role", "admin")
    invoke("case", "import", str(EXAMPLE))
    invoke("case", "import", str(EXAMPLE))
    ws = Workspace.open(get_settings())
    with database.read() as session:
        admin = accounts.Actor.of(accounts.user_by_name(session, "admin"))  # type: ignore[arg-type]
    case_service.update_case(ws, admin, 2, None, {"status": "closed"})
    ws.db.dispose()
    code, out = invoke("case", "list", "--status", "closed")
    assert code == 0 and re.findall(r"^\s+(\d+)\s", out, re.M) == ["2"] and "1 of 1 case(s)" in out
    code, out = invoke("case", "list", "--status", "open")
    assert code == 0 and re.findall(r"^\s+(\d+)\s", out, re.M) == ["1"]
    assert invoke("case", "list", "--status", "decided")[1].strip() == "0 of 0 case(s)"
    assert invoke("case", "list", "--status", "shut") == (
        2,
        "unknown status 'shut' (open, awaiting_answers, decided, closed)",
    )


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=30).filter(lambda text: text not in {*CaseStatus, *Role}))
def test_an_unknown_status_or_role_is_one_line_before_any_database(text: str) -> None:
    """Refused before the workspace is opened: no database is named here, and none is needed."""
    runner = CliRunner()
    for args in (["case", "list", f"--status={text}"], ["user", "add", "someone", f"--role={text}"]):
        error = runner.invoke(app, args).exception
        assert isinstance(error, MissionGateError) and "\n" not in str(error)
        assert str(error).startswith(("unknown status ", "unknown role ")) and repr(text) in str(error)


def test_case_reads_list_conditions_and_alerts(run: Run, database: Database) -> None:
    """`case list`, `case conditions` and `case alerts` read through the services as a named user; an
    open withdrawal alert makes `case alerts` exit 1, so a cron job can watch for one."""
    from missiongate.services import Workspace
    from missiongate.services import cases as case_service
    from missiongate.services.conditions import ConditionChange, record_condition

    invoke = run
    invoke("db", "upgrade")
    invoke("user", "add", "admin", "--role", "admin")
    invoke("case", "import", str(EXAMPLE))
    code, out = invoke("case", "list")
    assert code == 0 and re.search(
        r"^\s+1\s+CLARIFICATION_REQUIRED\s+open\s+International Stabilization", out, re.M
    )
    assert invoke("case", "list", "--as", "nobody") == (
        2,
        "no user 'nobody'; create it with 'missiongate user add'",
    )
    ws = Workspace.open(get_settings())
    with database.read() as session:
        admin = accounts.Actor.of(accounts.user_by_name(session, "admin"))  # type: ignore[arg-type]
    change = ConditionChange(
        state="accepted", counterpart="Permanent Mission of Example", occurred_on=dt.date(2026, 3, 2),
        channel="note_verbale", reference="No. 7/2026",
    )  # fmt: skip
    record_condition(ws, admin, 1, "C3", change, None)
    code, out = invoke("case", "conditions", "1")
    assert code == 0 and "C1       not stated National caveats" in out
    recorded = "(Permanent Mission of Example, 2026-03-02, note_verbale, No. 7/2026)"
    assert f"C3       accepted   The right to withdraw {recorded}" in out
    assert invoke("case", "conditions", "99")[0] == 2
    assert invoke("case", "alerts", "1")[0] == 0
    facts = {"contingent.deployed": True, "consent.host_state": {"value": False, "source": "note"}}
    case_service.set_facts(ws, admin, 1, None, facts)
    code, out = invoke("case", "alerts", "1")
    assert code == 1 and re.search(r"^#\d+ \d{4}-\d\d-\d\d \d\d:\d\d OPEN: Withdrawal required", out, re.M)
    ws.db.dispose()
