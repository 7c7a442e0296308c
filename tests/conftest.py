"""Shared fixtures for the core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate import Catalogue, Doctrine, load_builtin, load_catalogue

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def azerbaijan() -> Doctrine:
    return load_builtin("azerbaijan")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
