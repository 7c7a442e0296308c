from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from missiongate.analyzer.readers import read_bytes, read_document
from missiongate.errors import MissionGateError
from tests.analyzer.helpers import TEXT_STREAM, make_pdf, raw_pdf, resolution

RESOLUTION_LINES = ["Resolution 872 (1993)", "of 5 October 1993", "", "The Security Council,", "",
                    "1. Decides to establish a peace-keeping operation;"]  # fmt: skip


def test_reads_committed_text() -> None:
    document = read_document(resolution(872))
    assert document.format == "text"
    assert document.text.startswith("Resolution 872 (1993)")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_detects_text_encodings(encoding: str) -> None:
    text = (
        "Resolution 872 (1993)\nThe Security Council,\n1. Décide d’établir la Mission « MINUAR » à Kigali;\n"
        * 3
    )
    data = text.encode(encoding, errors="replace")
    assert "Resolution 872" in read_bytes(data, "x.txt").text


def test_refuses_empty_binary_truncated_and_oversized(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="empty"):
        read_bytes(b"  \n", "empty.txt")
    with pytest.raises(MissionGateError, match="binary"):
        read_bytes(bytes(range(256)) * 40, "blob.bin")
    with pytest.raises(MissionGateError, match="truncated"):
        read_bytes("Résolution".encode()[:2], "cut.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(MissionGateError, match="limit"):
        read_document(big, max_bytes=1024)
    with pytest.raises(MissionGateError, match="cannot read"):
        read_document(tmp_path / "missing.txt")


def test_reads_pdf_text_layer(tmp_path: Path) -> None:
    document = read_document(make_pdf(tmp_path / "r.pdf", RESOLUTION_LINES))
    assert document.format == "pdf" and document.pages == 1
    assert "Decides to establish" in document.text


def test_pdf_page_limit(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="page limit"):
        read_document(make_pdf(tmp_path / "r.pdf", RESOLUTION_LINES), max_pages=0)


def test_scanned_pdf_without_text_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(MissionGateError, match="no text layer"):
        read_document(path)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", RESOLUTION_LINES)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(MissionGateError, match="encrypted"):
        read_document(locked)


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "r.pdf", RESOLUTION_LINES).read_bytes()
    with pytest.raises(MissionGateError, match="PDF"):
        read_bytes(data[: len(data) // 3], "cut.pdf")


def test_html_text() -> None:
    markup = (
        b"<html><head><style>p{}</style><script>x=1</script></head><body><p>The Security Council,</p>"
        b"<p>1. Decides to establish &ldquo;UNAMIR&rdquo;;</p></body></html>"
    )
    text = read_bytes(markup, "r.html").text
    assert "The Security Council," in text and "\u201cUNAMIR\u201d" in text and "x=1" not in text


AKN = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="resolution">
<preface><p>Resolution 872 (1993)</p><p>of 5 October 1993</p></preface>
<preamble><formula><p>The Security Council,</p></formula><p>Reaffirming its resolutions,</p></preamble>
<body><paragraph><num>1.</num><content><p>Welcomes the report;</p></content></paragraph>
<paragraph><num>2.</num><list><intro><p>Decides that the Mission shall have the following mandate:</p></intro>
<point><num>(a)</num><content><p>To monitor observance of the cease-fire agreement;</p></content>
</point></list>
</paragraph></body></act></akomaNtoso>"""


def test_akoma_ntoso_keeps_numbering() -> None:
    text = read_bytes(AKN, "r.xml").text
    assert "2. Decides that the Mission" in text
    assert "(a) To monitor observance" in text


@pytest.mark.parametrize(
    "markup",
    [
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<akomaNtoso>&lol2;</akomaNtoso>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><akomaNtoso>&xxe;</akomaNtoso>',
    ],
)
def test_xml_entities_are_refused(markup: bytes) -> None:
    with pytest.raises(MissionGateError, match="XML refused"):
        read_bytes(markup, "bomb.xml")


def test_truncated_xml_is_refused() -> None:
    with pytest.raises(MissionGateError, match="truncated XML"):
        read_bytes(AKN[:200], "cut.xml")


def test_hand_written_pdf_is_read() -> None:
    assert "Security Council" in read_bytes(raw_pdf("", TEXT_STREAM), "ok.pdf").text


@pytest.mark.parametrize(
    ("pdf", "message"),
    [
        (raw_pdf("/Filter /NoSuchDecode", TEXT_STREAM), "PDF"),
        (raw_pdf("/Filter /JBIG2Decode", b"\x00" * 40), "PDF"),
        (raw_pdf("", TEXT_STREAM, "/Encrypt << /Filter /NoSuchHandler /V 9 /R 9 >> /ID [<00> <00>]"), "PDF"),
        (raw_pdf("", TEXT_STREAM, "/Encrypt << /Filter /Standard /V 5 /R 6 /O <00> /U <00> >>"), "PDF"),
        (
            raw_pdf("/Filter /FlateDecode /DecodeParms << /Predictor 99 /Columns -1 >>", b"x\x9c\x03\x00"),
            "PDF",
        ),
    ],
)
def test_malformed_pdfs_give_one_clear_error(pdf: bytes, message: str) -> None:
    try:
        document = read_bytes(pdf, "bad.pdf")
    except MissionGateError as exc:
        assert message in exc.message and "\n" not in exc.message
    else:
        assert document.format == "pdf"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=12))
def test_fuzzed_pdfs_are_read_or_refused_never_crash(flips: list[tuple[int, int]]) -> None:
    data = bytearray(raw_pdf("", TEXT_STREAM))
    for position, value in flips:
        data[9 + position % (len(data) - 9)] = value  # keep the header, so it is parsed as a PDF
    with contextlib.suppress(MissionGateError):
        read_bytes(bytes(data), "fuzzed.pdf")


def test_long_texts_are_refused_before_analysis() -> None:
    with pytest.raises(MissionGateError, match="over the analyzer's limit"):
        read_bytes(b"The Security Council decides.\n" * 200_000, "long.txt")
    with pytest.raises(MissionGateError, match="over the analyzer's limit"):
        read_bytes(b"Decides " * 130_000, "long.txt")
