from __future__ import annotations

from pathlib import Path

import pytest

from missiongate.claims.sources import document_from_bytes, load_documents
from missiongate.errors import MissionGateError

from .conftest import ARTICLE, RSS


def make_pdf(text: str) -> bytes:
    """A one-page PDF with `text` in Helvetica, built by hand so the tests need no fixture files."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_plain_text_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kenya will send police officers to Haiti.\n", encoding="utf-8")
    (doc,) = load_documents(str(path))
    assert doc.text == path.read_text(encoding="utf-8") and doc.source == str(path)


def test_html_article_scripts_are_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(ARTICLE)
    (doc,) = load_documents(str(path))
    assert doc.title == "Gaza force"
    assert "Indonesia has pledged troops" in doc.text
    assert "fetch(" not in doc.text and "document.write" not in doc.text and "Home" not in doc.text


def test_pdf(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf("Japan has decided not to dispatch troops to Gaza."))
    (doc,) = load_documents(str(path))
    assert "Japan has decided not to dispatch troops to Gaza." in doc.text


def test_feed_file_gives_one_document_per_item(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS)
    docs = load_documents(str(path))
    assert [d.title for d in docs] == ["Envoy claims Baku is in", "Markets"]
    assert "alert" not in docs[0].text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty input"),
        (b"  \n\t", "empty input"),
        (b"\x00\x01\x02binary", "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
        (b"%PDF-1.4 garbage", "unreadable PDF"),
        (b"<html><script>x</script></html>", "no text in the HTML page"),
        (b"<rss><channel><item>", "malformed feed"),
    ],
)
def test_bad_inputs_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(MissionGateError, match=message):
        load = document_from_bytes if b"<rss" not in data else _load_feed
        load(data, "input", None)


def _load_feed(data: bytes, source: str, content_type: str | None) -> object:
    from missiongate.claims.sources import documents_from_bytes

    return documents_from_bytes(data, source, content_type)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="cannot read file"):
        load_documents(str(tmp_path / "nope.txt"))
    with pytest.raises(MissionGateError, match="is a directory"):
        load_documents(str(tmp_path))


def test_latin1_text_is_read() -> None:
    doc = document_from_bytes("Brasília said it would send troops.".encode("cp1252"), "x", None)
    assert "Brasília" in doc.text
