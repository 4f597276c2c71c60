"""Chromium for the browser tests: where it is, how it starts, and how a test opens a page."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                "--no-first-run", "--disable-component-update", "--disable-sync"]

READY = "() => !document.querySelector('script[data-bf-scripts]') || document.documentElement.hasAttribute('data-bf-ready')"


def goto(page, url: str, **kwargs):
    """page.goto, then wait until the page's scripts have run (returns the response).

    Pages load their scripts after the first paint (bf-boot.js, publish/page_weight.py), which can be
    after the load event page.goto waits for; the loader then marks <html data-bf-ready>.
    Pages without the loader (the 404 pages) are ready once loaded.
    """
    response = page.goto(url, **kwargs)
    page.wait_for_function(READY, timeout=15_000)
    return response
