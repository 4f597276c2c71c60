"""Every published page passes the Nu Html Checker (vnu-jar from npm) with zero errors.

All pages go to one JVM call (a few seconds). Missing Java or vnu-jar skips
locally with a clear message and fails under CI=true, like the browser tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path


from support.ci import unavailable
from support.site import ROOT
from support.sitefiles import html_files

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(reason: str):
    unavailable("The HTML check", reason)


def run_vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if not java:
        _missing("java not found (apt-get install default-jre-headless)")
    if not VNU.exists():
        _missing(f"{VNU.relative_to(ROOT)} not found (npm ci)")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)  # vnu writes its report to stderr
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def test_every_page_is_valid_html(site):
    files = html_files(site)
    assert len(files) >= 80, f"expected the whole site, found {len(files)} pages"
    errors = run_vnu(files)
    lines = [f"{Path(m.get('url', '').removeprefix('file:')).relative_to(site) if m.get('url') else '?'}:"
             f"{m.get('lastLine', '?')}: {m['message']}" for m in errors]
    assert not errors, f"{len(errors)} Nu Html Checker errors:\n" + "\n".join(lines[:60])


def test_the_checker_catches_an_error(tmp_path):
    """The same call reports a real error: a page with a duplicate id and a stray end tag."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
                   '<body><p id="a">one</p><p id="a">two</p></div></body></html>', encoding="utf-8")
    messages = run_vnu([bad])
    assert any("Duplicate ID" in m["message"] for m in messages), messages
