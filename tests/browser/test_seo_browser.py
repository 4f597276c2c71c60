"""In Chromium: the language switcher and the 404 page, served like GitHub Pages.

The site is built with SITE_URL set to the local server's own address (as
the Pages workflow does), so its absolute alternates point at the server
that Material's switcher then asks for sitemaps.
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


def test_language_switch_stays_on_the_objective_with_no_failing_request(page, origin):
    requests = Requests(page)
    goto(page, origin + "objectives/2.1.3/")
    switch(page, "es")
    page.wait_for_url(origin + "es/objectives/2.1.3/")
    assert page.locator("html").get_attribute("lang") == "es"
    switch(page, "en")
    page.wait_for_url(origin + "objectives/2.1.3/")
    page.wait_for_load_state("networkidle")
    assert requests.problems(origin) == []
    fetched = {url for status, url in requests.responses if status == 200 and url.endswith("sitemap.xml")}
    assert {origin + "objectives/2.1.3/sitemap.xml", origin + "es/objectives/2.1.3/sitemap.xml"} <= fetched


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
