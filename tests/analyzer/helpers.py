"""Paths to the committed data and small document builders for the analyzer tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data"
RESOLUTIONS = DATA / "unsc-resolutions"
# the heading of a constructed resolution, as the Council prints it
HEAD = "Resolution 9001 (2030)\n\nAdopted by the Security Council at its 9999th meeting, on 1 March 2030\n\n"


def council_text(pre: str, *operative: str) -> str:
    """A constructed resolution: `pre` as its preamble, `operative` as its numbered paragraphs."""
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(operative, start=1))
    return f"{HEAD}The Security Council,\n\n{pre}\n\n{body}\n"


def fields_of(pre: str, *operative: str) -> dict[str, Any]:
    """The summary's decision fields of a constructed resolution."""
    from missiongate.analyzer.analysis import analyze_text
    from missiongate.analyzer.summary import summarise

    return summarise(analyze_text(council_text(pre, *operative))).fields


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


def raw_pdf(stream_dict: str, stream: bytes, trailer_extra: str = "") -> bytes:
    """A one-page PDF written by hand, so a test can give it a filter or encryption no writer produces."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        f"<< /Length {len(stream)} {stream_dict} >>\nstream\n".encode() + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n"
    )
    return bytes(out + trailer.encode())


TEXT_STREAM = b"BT /F1 12 Tf 40 800 Td (The Security Council decides) Tj ET"
