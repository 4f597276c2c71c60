"""A first visit stays light: no palette.css, and search data only when search is used.

hooks/bicentennial/publish/page_weight.py edits each page; overrides/assets/javascripts/
bf-search-on-use.js holds Material's search index request and worker until
the reader opens search. If either broke, every page would again download the
search index (megabytes for a large framework) or search would stop working.
"""

from __future__ import annotations

import pytest

from bicentennial.publish import page_weight
from bicentennial.upstream import UpstreamChanged
from support.browser import goto

PAGE = """<html><head>
<link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css">
</head><body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">
<p>text</p>
<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script src="../assets/javascripts/bf.js"></script>
</body></html>"""


def test_palette_is_dropped_and_one_deferred_loader_lists_the_scripts_in_order():
    out = page_weight.lighten(PAGE)
    assert "palette." not in out and "main.57a0d79d.min.css" in out
    assert ('<script src="../assets/javascripts/bf-boot.js" data-bf-scripts="'
            "../assets/javascripts/bf-search-on-use.js ../assets/javascripts/bundle.a5f9d56c.min.js "
            '../assets/javascripts/bf.js" defer></script>') in out
    assert out.count("<script") == 1, "no script tag the preload scanner would fetch before the first paint"


def test_a_tail_with_an_inline_script_keeps_its_tags_deferred_in_order():
    page = PAGE.replace("</body>", '<script src="../x.js" type="module"></script>\n</body>')
    out = page_weight.lighten(page)
    assert "bf-boot" not in out
    first = out.index('<script src="../assets/javascripts/bf-search-on-use.js" defer></script>')
    bundle = out.index('<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>')
    assert first < bundle < out.index('<script src="../assets/javascripts/bf.js" defer></script>')


@pytest.mark.parametrize("body", ['data-md-color-scheme="slate"', 'data-md-color-primary="indigo"'])
def test_palette_is_kept_where_a_page_uses_it(body):
    page = PAGE.replace('data-md-color-scheme="default" data-md-color-primary="custom"', body)
    assert "palette.fb2fffe2.min.css" in page_weight.lighten(page)


def test_a_page_without_materials_bundle_is_refused_loudly():
    page = PAGE.replace('<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>', "")
    with pytest.raises(UpstreamChanged, match=r"bundle\.<hash>\.min\.js"):
        page_weight.lighten(page)


@pytest.mark.browser
@pytest.mark.parametrize("where, index", [("objectives/2.1.3/", "search/search_index.json"),
                                          ("es/objectives/2.1.3/", "es/search/search_index.json"),
                                          ("no-such-page/", "search/search_index.json"),  # the 404 pages too
                                          ("es/no-such-page/", "es/search/search_index.json")])
def test_search_index_loads_only_when_search_is_used(server, page, where, index):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    goto(page, server + where, status=404 if "no-such-page" in where else 200)
    page.wait_for_load_state("networkidle")
    assert page.locator("link[href*='palette.']").count() == 0
    blocking = page.evaluate("""() => performance.getEntriesByType('resource')
        .filter(e => e.renderBlockingStatus === 'blocking').map(e => e.name)""")
    # bf-notfound.js (0.8 KB) blocks on purpose: it must send a Spanish address to the Spanish 404 page before
    # anything English is drawn (publish/not_found.py).
    assert not [u for u in blocking if u.endswith(".js") and not u.endswith("/bf-notfound.js")], \
        f"scripts block the first paint: {blocking}"
    assert server + index not in requests, "the search index was fetched before search was used"
    assert not [u for u in requests if "/workers/" in u], "the search worker started before search was used"
    page.click("input[data-md-component=search-query]")
    page.type("input[data-md-component=search-query]", "2.1.3", delay=15)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert server + index in requests


SCRIPT_TIMES = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {fcp: fcp ? fcp.startTime : null,
          scripts: performance.getEntriesByType('resource').filter(e => /\\.js([?#]|$)/.test(e.name))
                     .map(e => ({url: e.name, start: e.startTime}))};
}"""
SCRIPTS = {"bf-boot.js", "bf-search-on-use.js", "bf.js", "bf-keys.js"}  # and Material's bundle.*.min.js


def _works(page) -> None:
    """bf.js and bf-keys.js ran, and Material's bundle started (once): its search answers the / key."""
    assert page.locator("h1 ~ .bf-actions button.bf-permalink--page").count() == 1
    assert page.locator(".bf-header-button[data-bf-for=__search]").count() == 1
    page.keyboard.press("/")
    page.keyboard.type("2.1.3", delay=15)
    results = ".md-search-result__item > a.md-search-result__link:first-child"
    page.locator(f"{results}[href*='objectives/2.1.3/?h=2.1.3']").wait_for(timeout=15000)
    hrefs = [h.split("?")[0] for h in page.eval_on_selector_all(results, "links => links.map(a => a.href)")]
    assert len(hrefs) == len(set(hrefs)), f"search results listed twice (Material started twice?): {hrefs}"


@pytest.mark.browser
@pytest.mark.parametrize("where, width, height", [("objectives/2.1.3/", 1280, 800), ("es/objectives/2.1.3/", 390, 844)])
def test_scripts_are_requested_only_after_the_first_paint_and_the_page_still_works(server, browser, where,
                                                                                 width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        goto(page, server + where)
        timing = page.evaluate(SCRIPT_TIMES)
        assert timing["fcp"] is not None, "no first contentful paint recorded"
        names = [s["url"].split("?")[0].rsplit("/", 1)[1] for s in timing["scripts"]]
        assert SCRIPTS <= set(names) and any(n.startswith("bundle.") for n in names), names
        early = [s["url"] for s in timing["scripts"] if s["start"] < timing["fcp"] and not s["url"].endswith("/bf-boot.js")]
        assert not early, f"requested before the first paint ({timing['fcp']:.0f} ms): {early}"
        _works(page)
    finally:
        context.close()


@pytest.mark.browser
def test_without_paint_timing_the_scripts_load_after_the_next_frame(server, page):
    page.add_init_script("delete window.PerformanceObserver")
    goto(page, server + "objectives/2.1.3/")
    assert page.evaluate("typeof PerformanceObserver") == "undefined"
    _works(page)


def test_indentation_and_blank_lines_go_except_where_whitespace_shows_or_runs():
    page = "<div>\n\n   \n    <p title='a\n\nb'>\n      text\n\n  more</p>\n  <pre>\n    kept\n\n  </pre>\n  <code>\n  kept</code>\n  <script>\n  var a;\n</script>\n</div>"
    out = page_weight.squeeze(page)
    assert out == "<div>\n<p title='a\n\nb'>\ntext\n\nmore</p>\n<pre>\n    kept\n\n  </pre>\n<code>\n  kept</code>\n<script>\n  var a;\n</script>\n</div>"


LAYOUT_SHIFT = """() => new Promise(resolve => {
  // Every shift so far (buffered), read once two more frames have been drawn: bf.js has run (goto waited
  // for it), so a shift its button caused has been laid out, painted and reported by then.
  let total = 0;
  const add = entries => { for (const e of entries) if (!e.hadRecentInput) total += e.value; };
  const observer = new PerformanceObserver(list => add(list.getEntries()));
  observer.observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => { add(observer.takeRecords()); resolve(total); }));
})"""


@pytest.mark.browser
@pytest.mark.parametrize("where, width, height", [("objectives/2.1.3/", 390, 844), ("es/objectives/2.1.3/", 390, 844),
                                                  ("", 1280, 800), ("es/", 1280, 800), ("es/", 390, 844),
                                                  ("es/areas/2.2/", 1280, 800)])
def test_the_copy_link_button_arriving_after_the_first_paint_moves_nothing(server, browser, where, width, height):
    # The page's button goes in the actions row under the title, whose height is reserved, and each section's
    # beside its heading, in a blank of its width (bf.css): nothing moves when they arrive.
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        goto(page, server + where)
        assert page.locator("h1 ~ .bf-actions button.bf-permalink--page").count() == 1
        assert page.locator(".bf-h > button.bf-permalink").count() >= 1
        shift = page.evaluate(LAYOUT_SHIFT)
        assert shift < 0.01, f"cumulative layout shift {shift:.4f} on {where or 'the home page'} at {width}px"
    finally:
        context.close()
