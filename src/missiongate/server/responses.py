"""Response pieces the API and the pages share."""

from __future__ import annotations

from urllib.parse import quote


def attachment(filename: str) -> str:
    """A Content-Disposition for a download: an ASCII fallback name and the exact name (RFC 6266)."""
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
