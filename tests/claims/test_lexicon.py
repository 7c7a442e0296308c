"""The lexicon's patterns are module-level names: a name defined twice silently replaces the first pattern
(round 8 shadowed two that way), so each is defined once across the lexicon's modules."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import missiongate.claims.lexicon as lexicon


def test_every_pattern_name_is_defined_once() -> None:
    folder = Path(lexicon.__file__).parent
    names: Counter[str] = Counter()
    for module in sorted(folder.glob("*.py")):
        if module.name == "__init__.py":
            continue
        for node in ast.parse(module.read_text()).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            targets += [node.target] if isinstance(node, ast.AnnAssign) else []
            names.update(t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper())
    assert [name for name, count in names.items() if count > 1] == []
    assert set(lexicon.__all__) <= set(names)
