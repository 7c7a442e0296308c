"""axe-core in the browser tests (vendored: tests/web/vendor/axe.min.js, axe-core 4.14.1 from npm, MPL-2.0,
licence in vendor/axe.LICENSE.txt) and keyboard-only navigation helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

AXE = (Path(__file__).resolve().parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
SERIOUS = ("serious", "critical")


def axe_violations(page: Any) -> list[str]:
    """Serious and critical WCAG 2.x A/AA violations on the page as it is now (fragments included)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE + "\n;0")  # through DevTools, so the page's CSP does not apply to the test tool
    results = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results
        if v["impact"] in SERIOUS
    ]


def assert_accessible(page: Any, what: str) -> None:
    found = axe_violations(page)
    assert not found, f"{what}: {found}"


def tab_to(page: Any, matches: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies the JS predicate `matches` (given `el`); it must show
    a visible focus outline."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({matches}); }}"):
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {matches}"
            return
    raise AssertionError(f"Tab never reached {matches}")
