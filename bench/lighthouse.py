"""Lighthouse mobile performance (median of 3) on home, goal and objective pages.

The site is served gzip-compressed (tools/gzip_server.py), as GitHub Pages
serves it: compression, not the theme, decides this score. Lighthouse is
looked up in $LIGHTHOUSE, then tools/lighthouse/ and node_modules/ (the audit
tooling installs it there); without it the scores are reported as not measured.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import audit  # noqa: E402  (one way to run Lighthouse: tools/audit.py)
import gzip_server  # noqa: E402

PAGES = {"home": "", "goal": "goals/2/", "objective": "objectives/2.1.3/"}
RUNS = 3


def find() -> str | None:
    candidates = [os.environ.get("LIGHTHOUSE", ""),
                  str(ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"),
                  str(ROOT / "node_modules" / ".bin" / "lighthouse")]
    return next((c for c in candidates if c and Path(c).exists()), None)


def _run(binary: str, url: str) -> dict:
    data = audit.lighthouse(url, "mobile", categories=("performance",), binary=binary)
    audits = data["audits"]
    return {"score": round(data["categories"]["performance"]["score"] * 100),
            "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
            "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"])}


def scores(site: Path) -> dict | None:
    """{page: {"median": score, "runs": [...]}} or None when Lighthouse is not installed."""
    binary = find()
    if not binary or not shutil.which("node"):
        return None
    server = gzip_server.serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = {}
    try:
        for name, path in PAGES.items():
            if not (site / path / "index.html").exists():
                continue
            runs = [_run(binary, base + path) for _ in range(RUNS)]
            out[name] = {"median": statistics.median(r["score"] for r in runs), "runs": runs}
    finally:
        server.shutdown()
    return out
