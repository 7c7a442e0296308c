"""Document tests render from real records on both backends (they reuse the storage fixtures)."""

from __future__ import annotations
