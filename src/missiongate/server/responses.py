"""Response pieces the API and the pages share."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Response

from missiongate.inputs import header_text
from missiongate.services.exports import Export


def attachment(filename: str) -> str:
    """A Content-Disposition for a download: an ASCII fallback name and the exact name (RFC 6266)."""
    # A name stored before control characters were refused would break the header.
    filename = header_text(filename) or "download"
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def download(export: Export) -> Response:
    """A generated document as a file to save."""
    headers = {"Content-Disposition": attachment(export.filename)}
    return Response(export.data, media_type=export.media_type, headers=headers)
