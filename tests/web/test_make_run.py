"""`make run PORT=... HOST=...` serves where it is told (dry run: make prints the commands it would run)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.web.helpers import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("args", "expected"),
    [([], "--host 127.0.0.1 --port 8000"), (["PORT=8080", "HOST=0.0.0.0"], "--host 0.0.0.0 --port 8080")],
)
def test_make_run_serves_on_the_port_given(args: list[str], expected: str) -> None:
    dry = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "run", *args], capture_output=True, text=True, check=True
    )
    serve = [line for line in dry.stdout.splitlines() if "missiongate serve" in line]
    assert serve and serve[0].endswith(expected)
