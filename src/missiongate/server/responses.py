"""Response pieces the API and the pages share."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Response

from missiongate.inputs import header_text
from missiongate.services.exports import Export


def attachment(filename: str, disposition: str = "attachment") -> str:
    """A Content-Disposition for a download: an ASCII fallback name and the exact name (RFC 6266)."""
    # A name stored before control characters were refused would break the header.
    filename = header_text(filename) or "download"
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def download(export: Export, *, inline: bool = False) -> Response:
    """A generated document as a file to save; `inline`: for the browser to show (a PDF in its viewer),
    under the same name when saved."""
    headers = {"Content-Disposition": attachment(export.filename, "inline" if inline else "attachment")}
    return Response(export.data, media_type=export.media_type, headers=headers)


def download_responses(*media_types: str, **extra: Any) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI 200 of an endpoint answering with `download`: the document in one of `media_types`."""
    content: dict[str, Any] = {media_type: {} for media_type in media_types}
    return {200: {"content": content, "description": "the document", **extra}}
