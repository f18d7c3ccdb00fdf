"""Debian's Chromium, headless, as this project drives it (browser tests, screenshots,
benchmarks): one copy of the path and of the flags it needs on a machine without a display
or network access."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
#: with a fresh ``--user-data-dir`` (Playwright gives each launch its own)
HEADLESS_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
