"""A first visit stays light: no palette.css, and search data only when search is used.

hooks/bicentennial/weight.py edits each page; overrides/assets/javascripts/
bf-search-on-use.js holds Material's search index request and worker until
the reader opens search. If either broke, every page would again download the
search index (megabytes for a large framework) or search would stop working.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bicentennial import weight  # noqa: E402

PAGE = """<html><head>
<link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css">
</head><body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">
<p>text</p>
<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script src="../assets/javascripts/bf.js"></script>
</body></html>"""


def test_palette_is_dropped_and_the_search_script_runs_just_before_the_deferred_bundle():
    out = weight.lighten(PAGE)
    assert "palette." not in out and "main.57a0d79d.min.css" in out
    first = out.index('<script src="../assets/javascripts/bf-search-on-use.js" defer></script>')
    bundle = out.index('<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>')
    assert first < bundle < out.index('<script src="../assets/javascripts/bf.js" defer></script>')


@pytest.mark.parametrize("body", ['data-md-color-scheme="slate"', 'data-md-color-primary="indigo"'])
def test_palette_is_kept_where_a_page_uses_it(body):
    page = PAGE.replace('data-md-color-scheme="default" data-md-color-primary="custom"', body)
    assert "palette.fb2fffe2.min.css" in weight.lighten(page)


def test_a_page_without_the_bundle_keeps_its_scripts():
    page = PAGE.replace('<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>', "")
    assert "bf-search-on-use" not in weight.lighten(page)


@pytest.mark.browser
@pytest.mark.parametrize("where, index", [("objectives/2.1.3/", "search/search_index.json"),
                                          ("es/objectives/2.1.3/", "es/search/search_index.json")])
def test_search_index_loads_only_when_search_is_used(server, page, where, index):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + where)
    page.wait_for_load_state("networkidle")
    assert page.locator("link[href*='palette.']").count() == 0
    blocking = page.evaluate("""() => performance.getEntriesByType('resource')
        .filter(e => e.renderBlockingStatus === 'blocking').map(e => e.name)""")
    assert not [u for u in blocking if u.endswith(".js")], f"scripts block the first paint: {blocking}"
    assert server + index not in requests, "the search index was fetched before search was used"
    assert not [u for u in requests if "/workers/" in u], "the search worker started before search was used"
    page.click("input[data-md-component=search-query]")
    page.type("input[data-md-component=search-query]", "2.1.3", delay=15)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert server + index in requests


def test_indentation_goes_except_where_whitespace_shows_or_runs():
    page = "<div>\n    <p>\n      text</p>\n  <pre>\n    kept\n  </pre>\n  <code>\n  kept</code>\n  <script>\n  var a;\n</script>\n</div>"
    out = weight.squeeze(page)
    assert out == "<div>\n<p>\ntext</p>\n<pre>\n    kept\n  </pre>\n<code>\n  kept</code>\n<script>\n  var a;\n</script>\n</div>"
