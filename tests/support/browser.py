"""The Chromium every browser test drives (Debian's, through Playwright; `MISSIONGATE_CHROMIUM` elsewhere)."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("MISSIONGATE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
