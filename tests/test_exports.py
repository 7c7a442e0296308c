"""The public surface: `__all__` of the package matches what it actually exposes, lazily or not."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import missiongate

SRC = Path(missiongate.__file__).resolve().parent


def _type_checking_names() -> set[str]:
    """Names imported under `if TYPE_CHECKING:` in missiongate/__init__.py (what type checkers see)."""
    tree = ast.parse((SRC / "__init__.py").read_text())
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in ast.walk(node):
                if isinstance(child, ast.ImportFrom):
                    names.update(alias.asname or alias.name for alias in child.names)
    return names


def test_all_is_sorted_and_unique() -> None:
    assert list(missiongate.__all__) == sorted(set(missiongate.__all__))


def test_lazy_exports_are_exactly_all() -> None:
    assert set(missiongate._EXPORTS) | {"__version__"} == set(missiongate.__all__)


def test_type_checking_imports_are_exactly_the_lazy_exports() -> None:
    assert _type_checking_names() == set(missiongate._EXPORTS)


@pytest.mark.parametrize("name", sorted(missiongate._EXPORTS))
def test_each_export_resolves_to_the_named_module(name: str) -> None:
    value = getattr(missiongate, name)
    assert value is getattr(importlib.import_module(missiongate._EXPORTS[name]), name)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = missiongate.nothing_here


def test_services_export_exactly_the_workspace() -> None:
    """The operations are reached by module (`services.cases.set_facts`); the package names the workspace."""
    import missiongate.services as services
    from missiongate.services.workspace import Workspace

    public = {name for name in vars(services) if not name.startswith("_")}
    modules = {p.stem for p in (SRC / "services").glob("*.py")}
    assert services.__all__ == ["Workspace"] and services.Workspace is Workspace
    assert public - modules == {"Workspace"}
