"""In Chromium: the language switcher and the 404 page, served like GitHub Pages.

The site is built with SITE_URL set to the local server's own address (as
the Pages workflow does), so its absolute alternates point at the server
that Material's scripts would ask for sitemaps (bf-search-on-use.js answers
them without a request).
"""

from __future__ import annotations

import re

import pytest

from support.browser import goto
from support.pages_server import Requests

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def origin(server, browser):
    """The shared build, served at the address it was built for."""
    return server


def switch(page, lang: str):
    page.wait_for_load_state("networkidle")
    page.click(f"a.bf-lang[hreflang={lang}]")  # the header's one visible language link


@pytest.mark.parametrize("start, other", [("objectives/2.1.3/", "es/objectives/2.1.3/"), ("", "es/")])
def test_language_switch_goes_straight_to_the_same_page_and_fetches_no_sitemap(page, origin, start, other):
    """Material's scripts asked for sitemap.xml beside each alternate on every page view (on a home page,
    the whole site's) and sent the language link to the address without its slash (a redirect)."""
    requests = Requests(page)
    goto(page, origin + start)
    switch(page, "es")
    page.wait_for_url(origin + other)
    assert page.locator("html").get_attribute("lang") == "es"
    switch(page, "en")
    page.wait_for_url(origin + start)
    page.wait_for_load_state("networkidle")
    assert requests.problems(origin) == []
    assert [url for _, url in requests.responses if "sitemap" in url] == []
    # the pages themselves, each once, no redirect (everything else a page loads is under assets/)
    assert [(status, url) for status, url in requests.responses if "/assets/" not in url] == [
        (200, origin + start), (200, origin + other), (200, origin + start)]


def test_404_under_es_speaks_spanish_and_keeps_the_address(page, origin):
    requests = Requests(page)
    missing = origin + "es/objectives/9.9.9/?ref=x"
    goto(page, missing, status=404)
    page.wait_for_url(missing)  # back in the address bar after the Spanish page loaded
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").first.inner_text().startswith("Página no encontrada")
    assert page.title().startswith("Página no encontrada - Entendimiento Bicentenario")
    assert page.locator(".md-search__input").get_attribute("placeholder") not in ("Search", "", None)
    assert requests.problems(origin, allowed_404=(missing,)) == []
    page.get_by_role("link", name="Ir a la página de inicio").click()
    page.wait_for_url(origin + "es/")


def test_404_elsewhere_speaks_english(page, origin):
    missing = origin + "nope/deeper/"
    goto(page, missing, status=404)
    page.wait_for_load_state("networkidle")
    assert page.url == missing
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text().startswith("Page not found")
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(origin)


def test_404_search_form_opens_search_in_the_readers_language(page, origin):
    requests = Requests(page)
    goto(page, origin + "es/nada/", status=404)
    page.wait_for_load_state("networkidle")
    page.fill("#bf-notfound-q", "aeropuertos")
    page.click(".bf-notfound-search button")
    page.wait_for_url(re.compile(re.escape(origin + "es/") + r"\?q=aeropuertos$"))
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    # The theme's Spanish strings (overrides/partials/languages/es.html): "6 resultados".
    assert re.fullmatch(r"\d+ resultados?", page.locator(".md-search-result__meta").inner_text().strip())
    assert requests.problems(origin, allowed_404=(origin + "es/nada/",)) == []
