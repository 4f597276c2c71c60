"""Every published page passes the Nu Html Checker (vnu-jar from npm) with zero errors.

All pages go to one JVM call (a few seconds). Missing Java or vnu-jar skips
locally with a clear message and fails under CI=true, like the browser tests.
"""

from __future__ import annotations

from pathlib import Path

from support.sitefiles import html_files
from support.vnu import run_vnu


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
