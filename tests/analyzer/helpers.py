"""Paths to the committed data and small document builders for the analyzer tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
RESOLUTIONS = DATA / "unsc-resolutions"


def resolution(number: int) -> Path:
    return next(RESOLUTIONS.glob(f"S_RES_{number:04d}_*"))


def make_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        pdf.drawString(40, y, line)
        y -= 14
    pdf.save()
    return path
