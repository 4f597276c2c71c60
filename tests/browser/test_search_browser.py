"""Search in Chromium, as a reader uses it: type into Material's search box, read the results.

The site is built with SITE_URL=http://127.0.0.1:PORT/REPO/ and served only
under /REPO/, as GitHub Pages serves a project site, so every test also
checks that search works under a sub-path. Each assertion fails on the
stack's defaults (one index for both languages, no folding, no stemming,
numbers matched as prefixes).
"""

from __future__ import annotations

import re

import pytest

from support.browser import goto

pytestmark = pytest.mark.browser

QUERY = "input[data-md-component=search-query]"
# One result per page: the page's own link, the first in its list item (sections follow it)
RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link:first-child')]
  .map(a => ({href: a.href, title: a.querySelector('h1, h2').textContent.trim()}))"""
SETTLED_JS = """(q) => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations
  const meta = (document.querySelector(".md-search-result__meta") || {}).textContent || ""
  const other = new RegExp("^" + t["search.result.other"].replace("#", "(\\\\d+)") + "$")
  const ok = [t["search.result.none"], t["search.result.one"]].includes(meta.trim()) || other.test(meta.trim())
  return document.querySelector('input[data-md-component=search-query]').value === q && ok
}"""
# Counts what Material's search asks its worker and what the worker answers (message types 2 and 3 of
# Material's search protocol), so a test reads the results only once the last query typed has its answer:
# earlier keystrokes' answers can still be arriving when the box already holds the whole query.
COUNT_JS = """(() => {
  const Real = window.Worker;
  const state = window.__bfSearch = {queries: 0, answers: 0, last: null};
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", e => { if (e.data && e.data.type === 3) state.answers++; });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { state.queries++; state.last = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})()"""
ANSWERED_JS = """(q) => window.__bfSearch.last === q && window.__bfSearch.answers === window.__bfSearch.queries"""


@pytest.fixture(scope="module")
def base(subpath_site, browser):
    """The site built for and served at http://127.0.0.1:PORT/bicentennial-site/ (shared with the sub-path tests)."""
    return subpath_site[1]


def search(page, url: str, query: str) -> tuple[int, list[dict]]:
    """Open `url`, type `query` into the search box; return (count shown, results listed)."""
    if not getattr(page.context, "_bf_counts_search", False):
        page.context.add_init_script(COUNT_JS)
        page.context._bf_counts_search = True
    if page.url != url:
        goto(page, url)
    assert page.evaluate("typeof window.__bfSearch") == "object", "the search counter is not installed"
    if page.viewport_size["width"] < 960:  # narrow screens: the header's search button opens the box
        page.click(".md-header__button[for=__search]")
    page.click(QUERY)
    page.fill(QUERY, "")
    page.type(QUERY, query, delay=15)
    page.wait_for_function(ANSWERED_JS, arg=query, timeout=15000)  # the answer to the whole query has arrived
    page.wait_for_function(SETTLED_JS, arg=query, timeout=15000)   # and is shown
    meta = page.inner_text(".md-search-result__meta")
    results = page.evaluate(RESULTS_JS)
    count = re.search(r"\d+", meta)
    return (int(count.group()) if count else (1 if results else 0)), results


def path_of(href: str, base: str) -> str:
    return href.split("?")[0].split("#")[0].replace(base, "/")


def is_spanish(href: str, base: str) -> bool:
    return href.startswith(base + "es/")


@pytest.mark.parametrize("where, query", [
    ("", "2.1.3"), ("", "cooperation"), ("objectives/2.1.3/", "seguridad"), ("about/", "firearms"),
    ("es/", "2.1.3"), ("es/", "cooperación"), ("es/objectives/2.1.3/", "security"), ("es/about/", "armas"),
])
def test_results_are_in_the_language_of_the_page(page, base, where, query):
    spanish_page = where.startswith("es/")
    count, results = search(page, base + where, query)
    # The other language's word ("seguridad" from an English page) still finds this language's pages (the
    # side-by-side page quotes both languages; the search is fuzzy), and only those: never an empty list.
    assert count > 0 and results, f"{query!r} found nothing on /{where}"
    wrong = [r["href"] for r in results if is_spanish(r["href"], base) != spanish_page]
    assert not wrong, f"{query!r} from /{where} listed pages in the other language: {wrong}"


@pytest.mark.parametrize("where, query, expected_path, word", [
    ("", "trafficked", "/areas/2.2/", "trafficking"),  # English stemmer: traffick-
    ("es/", "tráficos", "/es/areas/2.2/", "tráfico"),   # Spanish stemmer: trafic-
])
def test_stemming_fits_each_language(page, base, where, query, expected_path, word):
    count, results = search(page, base + where, query)
    assert results, f"{query!r} found nothing"
    assert path_of(results[0]["href"], base) == expected_path, results[:3]
    assert word in results[0]["title"]


@pytest.mark.parametrize("query", ["proteccion", "Protección", "PROTECCION", "protección"])
def test_accents_and_case_do_not_matter(page, base, query):
    count, results = search(page, base + "es/", query)
    paths = [path_of(r["href"], base) for r in results]
    assert "/es/" in paths, f"{query!r} did not find the home page, which says 'protección': {paths}"


@pytest.mark.parametrize("query, expected_path, shown", [
    ("extradicion", "/es/areas/3.4/", "extradición"),
    ("informacion", "/es/objectives/2.1.1/", "información"),
    ("politicas", "/es/objectives/1.1.1/", "políticas"),
])
def test_accentless_queries_find_accented_titles_shown_with_accents(page, base, query, expected_path, shown):
    count, results = search(page, base + "es/", query)
    assert results and path_of(results[0]["href"], base) == expected_path, results[:3]
    assert shown in results[0]["title"]


@pytest.mark.parametrize("where, query, expected_path, title_start", [
    ("", "2.1.3", "/objectives/2.1.3/", "Joint Objective 2.1.3:"),
    ("", "2.1.3.", "/objectives/2.1.3/", "Joint Objective 2.1.3:"),
    ("", "objective 2.1.3", "/objectives/2.1.3/", "Joint Objective 2.1.3:"),
    ("", "2.1", "/areas/2.1/", "Cooperation Area 2.1:"),
    ("", "3", "/goals/3/", "Goal 3:"),
    ("es/", "2.1.3", "/es/objectives/2.1.3/", "Objetivo conjunto 2.1.3:"),
    ("es/", "2.1.3.", "/es/objectives/2.1.3/", "Objetivo conjunto 2.1.3:"),
    ("es/", "objetivo 2.1.3", "/es/objectives/2.1.3/", "Objetivo conjunto 2.1.3:"),
    ("es/", "2.1", "/es/areas/2.1/", "Área de coordinación 2.1:"),
    ("es/", "3", "/es/goals/3/", "Meta 3:"),
])
def test_numbers_are_keys(page, base, where, query, expected_path, title_start):
    count, results = search(page, base + where, query)
    assert results, f"{query!r} found nothing"
    assert path_of(results[0]["href"], base) == expected_path, [r["href"] for r in results[:3]]
    assert results[0]["title"].startswith(title_start), results[0]["title"]


@pytest.mark.parametrize("where", ["", "es/"])
def test_a_single_digit_does_not_flood_the_list(page, base, where):
    count, results = search(page, base + where, "3")
    pages_in_language = page.evaluate(
        "async (u) => new Set((await (await fetch(u)).json()).docs.map(d => d.location.split('#')[0])).size",
        base + where + "search/search_index.json")
    assert 0 < count <= pages_in_language // 2, f"'3' listed {count} of {pages_in_language} pages"
    ids = [re.search(r"/(?:goals|areas|objectives)/([\d.]+)/", r["href"]) for r in results]
    outside = [r["href"] for r, m in zip(results, ids) if m and not (m.group(1) + ".").startswith("3.")]
    assert not outside, f"'3' listed items outside goal 3 among its first results: {outside}"


@pytest.mark.parametrize("where, query, expected_path, word", [
    ("", "firearms", "/areas/2.2/", "firearms"), ("es/", "armas de fuego", "/es/areas/2.2/", "armas"),
    ("", "trafficked", "/areas/2.2/", "trafficking"), ("es/", "extradicion", "/es/areas/3.4/", "extradición"),
])
def test_item_titles_rank_above_body_mentions_and_show_id_and_title(page, base, where, query, expected_path, word):
    count, results = search(page, base + where, query)
    assert results, f"{query!r} found nothing"
    assert path_of(results[0]["href"], base) == expected_path, [r["href"] for r in results[:3]]
    in_title = [word in r["title"].lower() for r in results]
    assert in_title == sorted(in_title, reverse=True), [(r["href"], r["title"]) for r in results]
    for r in results:
        m = re.search(r"/(?:goals|areas|objectives)/([\d.]+)/", r["href"])
        if m:
            assert re.search(rf"\b{re.escape(m.group(1))}: \S", r["title"]), r


@pytest.mark.parametrize("where, typed, suggestion, full, mark", [
    ("", "firea", "firearms", "firearms", "firearms"),
    ("es/", "extradi", "extradición", "extradición", "extradición"),
])
def test_suggestions_and_highlighting_on_the_page(page, base, where, typed, suggestion, full, mark):
    search(page, base + where, typed)
    assert page.inner_text(".md-search__suggest").strip() == suggestion
    search(page, base + where, full)
    page.press(QUERY, "Enter")
    page.wait_for_selector("mark[data-md-highlight]", timeout=10000)
    marks = page.eval_on_selector_all("mark[data-md-highlight]", "els => els.map(e => e.textContent.toLowerCase())")
    assert mark in marks, marks
    assert "h=" in page.url and page.url.startswith(base)


@pytest.mark.parametrize("where, own, other", [
    ("", "search/search_index.json", "es/search/search_index.json"),
    ("es/objectives/2.1.3/", "es/search/search_index.json", "search/search_index.json"),
])
def test_no_request_leaves_the_site_and_each_language_loads_only_its_index(browser, base, where, own, other):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    try:
        for query in ("2.1.3", "proteccion", "firearms"):
            search(pg, base + where, query)
    finally:
        context.close()
    assert requests, "no request recorded"
    outside = [u for u in requests if not u.startswith(base)]
    assert not outside, f"requests outside {base}: {outside}"
    assert base + own in requests
    assert base + other not in requests
