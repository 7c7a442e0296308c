"""Charts drawn on the server as inline SVG: no script, readable without JavaScript, styled by the stylesheet.

Each chart carries a <title> and <desc> for screen readers and each cell its own <title>; glyphs and text
say what the colours say, so nothing depends on colour alone. Pages also give the data as a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from missiongate.web.render import RULE_STATUS, VERDICTS

CELL_W, CELL_H, GAP = 46, 34, 4
# LABEL_W fits the longest verdict label: "⚖ For ministerial decision (provisional)".
LABEL_W, ROW_H, HEAD_H = 340, 48, 28


def _svg(key: str, size: tuple[int, int], title: str, desc: str, body: list[str]) -> Markup:
    width, height = size
    return Markup(
        f'<svg class="chart" role="img" aria-labelledby="{key}-title {key}-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape(desc)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> str:
    return f'<text x="{x}" y="{y}" class="{cls}" text-anchor="{anchor}">{escape(text)}</text>'


def comparison_matrix(rows: Sequence[dict[str, Any]], operation: str) -> Markup:
    """One row per doctrine: its verdict, then one cell per rule with the rule's status."""
    widest = max((len(r["rules"]) for r in rows), default=0)
    width = LABEL_W + widest * (CELL_W + GAP) + 10
    height = HEAD_H + len(rows) * ROW_H + 6
    body = [_text(4, 18, "Doctrine and verdict", "chart-head"), _text(LABEL_W, 18, "Rules", "chart-head")]
    for index, row in enumerate(rows):
        body.extend(_matrix_row(row, HEAD_H + index * ROW_H))
    verdicts = "; ".join(f"{r['doctrine']['title']}: {VERDICTS[r['verdict']][2]}" for r in rows)
    return _svg("matrix", (width, height), f"{operation} across all doctrines", verdicts, body)


def _matrix_row(row: dict[str, Any], top: int) -> list[str]:
    css, glyph, words = VERDICTS[row["verdict"]]
    provisional = " (provisional)" if row["provisional"] else ""
    parts = [
        _text(4, top + 16, row["doctrine"]["title"].split(" — ")[0][:32], "chart-label"),
        f'<rect x="4" y="{top + 22}" width="{LABEL_W - 16}" height="18" rx="3" class="v-{css}"/>',
        _text(10, top + 35, f"{glyph} {words}{provisional}", "chart-verdict"),
    ]
    for column, rule in enumerate(row["rules"]):
        parts.append(_rule_cell(rule, LABEL_W + column * (CELL_W + GAP), top + 6))
    return parts


def _rule_cell(rule: dict[str, Any], x: int, y: int) -> str:
    glyph, words = RULE_STATUS.get(rule["status"], ("·", rule["status"]))
    edge = " deciding" if rule["deciding"] else ""
    return (
        f'<g class="cell s-{escape(rule["status"])}{edge}"><title>{escape(rule["id"])} '
        f"{escape(rule['title'])}: {escape(words)}{' (deciding)' if edge else ''}</title>"
        f'<rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" rx="3"/>'
        + _text(x + CELL_W / 2, y + 14, rule["id"], "cell-id", "middle")
        + _text(x + CELL_W / 2, y + 29, glyph, "cell-glyph", "middle")
        + "</g>"
    )


def task_chart(grid: Sequence[tuple[str, dict[str, list[str]]]], modalities: Sequence[str]) -> Markup:
    """Tasks of a mandate (rows) by modality (columns); a filled cell names the paragraphs."""
    label_w, col_w, row_h = 150, 110, 26
    width = label_w + len(modalities) * col_w + 4
    height = HEAD_H + len(grid) * row_h + 4
    body = [
        _text(label_w + i * col_w + col_w / 2, 18, m, "chart-head", "middle")
        for i, m in enumerate(modalities)
    ]
    for index, (task, cells) in enumerate(grid):
        y = HEAD_H + index * row_h
        body.append(_text(4, y + 17, task, "chart-label"))
        for column, modality in enumerate(modalities):
            body.append(_task_cell(task, modality, cells.get(modality), label_w + column * col_w, y, col_w))
    desc = "; ".join(f"{task}: {', '.join(sorted(cells))}" for task, cells in grid)
    return _svg("tasks", (width, height), "Tasks of the mandate by modality", desc or "no tasks found", body)


def _task_cell(task: str, modality: str, refs: list[str] | None, x: int, y: int, width: int) -> str:
    if refs is None:
        return f'<rect x="{x + 2}" y="{y + 2}" width="{width - 4}" height="22" class="task-empty"/>'
    where = ", ".join(refs) or "no paragraph"
    return (
        f"<g><title>{escape(task)}, {escape(modality)}: paragraph {escape(where)}</title>"
        f'<rect x="{x + 2}" y="{y + 2}" width="{width - 4}" height="22" rx="3" class="task-on"/>'
        + _text(x + width / 2, y + 18, f"● {where}"[:16], "task-text", "middle")
        + "</g>"
    )
