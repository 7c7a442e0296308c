"""Imports point one way: core <- store <- services <- api / web / cli <- server.app (`serve` starts it).

Walks every module under src/missiongate with `ast` (module-level and function-level imports alike) and
fails on an import against the direction. The faces (api, web, cli) never import the store: they call the
services and name the store's types through `services.types`. `make lint` runs the same rules as
import-linter contracts; the last tests check that those contracts exist and hold.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import missiongate

SRC = Path(missiongate.__file__).resolve().parent
WORKSPACE = ("store", "services", "api", "web", "server", "cli")
# Layer -> the workspace packages it must never import (the core, below them all, imports none of them).
FORBIDDEN: dict[str, set[str]] = {
    "store": {"services", "api", "web", "server", "cli"},
    "services": {"api", "web", "server", "cli"},
    "api": {"web", "cli", "server.app", "store"},
    "web": {"api", "cli", "server.app", "store"},
    "server": {"api", "web", "cli"},  # its shared parts (deps, errors); server.app is the exception
    "documents": {"services", "api", "web", "server", "cli"},
    "cli": {"api", "web", "store"},  # `serve` starts server.app; the workspace commands call services
}
CORE_FORBIDDEN = set(WORKSPACE) | {"documents"}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


def _imports(path: Path) -> set[str]:
    """Every missiongate module a file imports, without the package prefix."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(n.removeprefix("missiongate.") for n in names if n.startswith("missiongate."))
    return found


def _rules(module: str) -> set[str]:
    if module == "server.app":
        return {"cli"}
    top = module.split(".")[0]
    if top in FORBIDDEN:
        return FORBIDDEN[top]
    return CORE_FORBIDDEN if module else set()  # the package's __init__ names its exports as strings


def _breaks(imported: str, forbidden: set[str]) -> bool:
    return any(imported == f or imported.startswith(f + ".") for f in forbidden)


MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_one_way(path: Path) -> None:
    module = _module(path)
    forbidden = _rules(module)
    back_edges = sorted(i for i in _imports(path) if _breaks(i, forbidden))
    assert not back_edges, f"{module} imports {back_edges}"


def test_only_the_app_factory_joins_api_and_web() -> None:
    joining = [
        _module(p)
        for p in MODULES
        if any(_breaks(i, {"api"}) for i in _imports(p)) and any(_breaks(i, {"web"}) for i in _imports(p))
    ]
    assert joining == ["server.app"]


def test_no_test_scaffolding_ships_in_the_package() -> None:
    shipped = [_module(p) for p in MODULES if "pytest" in {n.split(".")[0] for n in _imported_names(p)}]
    assert shipped == []


def _imported_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_walk_finds_a_back_edge(tmp_path: Path) -> None:
    """The check can fail: a store module importing a service is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from missiongate.services.cases import create_case\n")
    assert _breaks("services.cases", _rules("store.cases"))
    assert "services.cases" in _imports(bad)


def test_a_face_importing_the_store_is_a_back_edge(tmp_path: Path) -> None:
    for face in ("api.routers.cases", "web.routes.cases", "cli.workspace_commands"):
        assert _breaks("store.cases", _rules(face))
        assert _breaks("store", _rules(face))
    assert not _breaks("services.types", _rules("web.render"))


ROOT = SRC.parents[1]
FACES_CONTRACT = "The faces never import the store"


def _contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_the_faces_contract_forbids_the_store_to_api_web_and_cli() -> None:
    contract = _contracts()[FACES_CONTRACT]
    assert contract["type"] == "forbidden"
    assert set(contract["source_modules"]) == {"missiongate.api", "missiongate.web", "missiongate.cli"}
    assert contract["forbidden_modules"] == ["missiongate.store"]


def _lint_imports() -> str:
    found = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(found).exists():
        pytest.skip("import-linter is not installed")
    return found


def test_the_import_contracts_hold() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC.parent)}
    run = subprocess.run(
        [_lint_imports(), "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout[-2000:]
    assert f"{FACES_CONTRACT} KEPT" in run.stdout
