"""`missiongate memo|note|offer` as a user runs them: files written, one-line errors, exit code 2, nothing
written on error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from tests.support.processes import ROOT, run

INQUIRY = str(ROOT / "examples" / "gaza-isf-inquiry.yaml")
DECLINED = str(ROOT / "examples" / "gaza-isf-peace-enforcement.yaml")
SITE = str(ROOT / "examples" / "site-protection-chapter7.yaml")


def test_memo_markdown_on_stdout() -> None:
    result = run("memo", INQUIRY, "--doctrine", "azerbaijan", "--date", "2026-01-09")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Memo to the Minister:")
    assert "## Recommendation" in result.stdout and "# Annex B: the rule-by-rule report" in result.stdout


@pytest.mark.parametrize("command", ["memo", "note"])
def test_docx_and_pdf_files(tmp_path: Path, command: str) -> None:
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"{command}.{fmt}"
        result = run(command, INQUIRY, "-d", "azerbaijan", "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stderr.strip() == f"written: {out}"
    assert Document(str(tmp_path / f"{command}.docx")).paragraphs
    assert PdfReader(str(tmp_path / f"{command}.pdf")).pages


def test_note_options_name_the_ministry_number_and_addressee() -> None:
    result = run(
        "note",
        INQUIRY,
        "-d",
        "azerbaijan",
        "--number",
        "7/2026",
        "--date",
        "2026-01-09",
        "--ministry",
        "Ministry of Foreign Affairs of the Republic of Azerbaijan",
        "--to",
        "United States of America",
    )
    assert result.returncode == 0, result.stderr
    assert "No. 7/2026" in result.stdout and "9 January 2026" in result.stdout
    assert (
        "The Ministry of Foreign Affairs of the Republic of Azerbaijan presents its compliments to the "
        "Embassy of the United States of America" in result.stdout
    )


def test_note_for_a_declined_case_says_it_is_a_declining_note() -> None:
    result = run("note", DECLINED, "-d", "azerbaijan")
    assert result.returncode == 0, result.stderr
    assert "declining note, not a questionnaire" in result.stderr
    assert "not in a position to contribute forces" in result.stdout


def test_note_in_french(tmp_path: Path) -> None:
    result = run(
        "note", INQUIRY, "-d", "azerbaijan", "--lang", "fr", "--number", "7/2026", "--date", "2026-01-09"
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "N° 7/2026" in text and "9 janvier 2026" in text
    assert "présente ses compliments à l'Ambassade des États-Unis d'Amérique" in text
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"note.{fmt}"
        result = run("note", INQUIRY, "-d", "azerbaijan", "--lang", "fr", "-f", fmt, "-o", str(out))
        assert result.returncode == 0 and out.stat().st_size > 0, result.stderr
    assert "N° ____" in [p.text for p in Document(str(tmp_path / "note.docx")).paragraphs]


def test_offer_pdf(tmp_path: Path) -> None:
    out = tmp_path / "offer.pdf"
    result = run("offer", SITE, "-d", "azerbaijan", "--to", "France", "-f", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Annex: conditions and national caveats" in " ".join(text.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["offer", INQUIRY, "-d", "azerbaijan"], "questions are still open"),
        (["offer", DECLINED, "-d", "azerbaijan"], "the case is declined"),
        (["note", SITE, "-d", "azerbaijan"], "the note needs an addressee"),
        (["note", INQUIRY, "-d", "azerbaijan", "--format", "pdf"], "give --out FILE.pdf"),
        (["memo", INQUIRY, "-d", "no-such-doctrine"], "no doctrine 'no-such-doctrine'"),
        (
            [
                "note",
                INQUIRY,
                "-d",
                "azerbaijan",
                "--lang",
                "fr",
                "--to",
                "UN Department of Peace Operations",
            ],
            "no French name is known for the addressee",
        ),
        (["note", INQUIRY, "-d", "azerbaijan", "--lang", "fr", "--country", "Ecuador"], "give it in French"),
    ],
)
def test_bad_requests_give_one_line_and_write_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out.md"
    result = run(*args, *(["--out", str(out)] if "--format" not in args else []))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_an_answer_that_requires_withdrawal_raises_an_alert(tmp_path: Path) -> None:
    mission = tmp_path / "deployed.yaml"
    mission.write_text(Path(SITE).read_text("utf-8") + "  contingent.deployed: true\n", "utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text("answered_by: Force headquarters\nanswers:\n  risk.threat_level: severe\n", "utf-8")
    result = run("answer", str(mission), str(answers), "-d", "azerbaijan")
    assert result.returncode == 0, result.stderr
    assert "-> WITHDRAW" in result.stdout
    assert "ALERT: Withdrawal required: Threat level in the area of operations: Severe" in " ".join(
        result.stdout.split()
    )
    calm = tmp_path / "calm.yaml"
    calm.write_text("answers:\n  risk.threat_level: low\n", "utf-8")
    result = run("answer", str(mission), str(calm), "-d", "azerbaijan", "--dry-run")
    assert result.returncode == 0 and "ALERT" not in result.stdout
