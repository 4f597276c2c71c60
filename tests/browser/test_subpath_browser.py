"""In Chromium: the site works at a GitHub Pages project address, under /REPO/.

The site is built with SITE_URL=http://127.0.0.1:PORT/REPO/ (the port is
chosen first) and served only under /REPO/, with the root 404.html for every
missing address, as GitHub Pages does. Links, the language switcher, the
404 page, the downloads and search must all stay under /REPO/; every request
is recorded and none may fail or leave 127.0.0.1.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urlsplit

import pytest

from support.browser import goto
from support.pages_server import Requests

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(subpath_site, browser):
    return subpath_site[1]


def origin_of(base: str) -> str:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}/"


def internal_links(page, base: str) -> set[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => new URL(a.getAttribute('href'), document.baseURI).href)")
    return {urldefrag(h).url for h in hrefs if h.startswith(origin_of(base))}


@pytest.mark.parametrize("start", ["", "es/", "objectives/2.1.3/", "es/areas/2.1/"])
def test_every_internal_link_resolves_under_the_sub_path(page, base, start):
    requests = Requests(page)
    goto(page, base + start)
    page.wait_for_load_state("networkidle")
    links = internal_links(page, base)
    assert len(links) > 5
    outside = sorted(link for link in links if not link.startswith(base))
    assert outside == [], "links that leave the sub-path"
    broken = []
    for link in sorted(links):
        response = page.request.get(link)
        if response.status != 200:
            broken.append(f"{response.status} {link}")
    assert broken == []
    assert requests.problems(origin_of(base)) == []


def test_language_switch_under_the_sub_path(page, base):
    requests = Requests(page)
    goto(page, base + "objectives/2.1.3/")
    page.wait_for_load_state("networkidle")
    page.click("a.bf-lang[hreflang=es]")
    page.wait_for_url(base + "es/objectives/2.1.3/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "es"
    assert requests.problems(origin_of(base)) == []


def test_404_under_the_sub_path_speaks_the_readers_language(page, base):
    requests = Requests(page)
    missing = base + "es/nope/"
    goto(page, missing, status=404)
    page.wait_for_url(missing)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").first.inner_text().startswith("Página no encontrada")
    page.get_by_role("link", name="Ir a la página de inicio").click()
    page.wait_for_url(base + "es/")
    assert requests.problems(origin_of(base), allowed_404=(missing,)) == []
    goto(page, base + "nope/", status=404)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text().startswith("Page not found")


@pytest.mark.parametrize("lang", ["", "es/"])
def test_downloads_under_the_sub_path(page, base, lang):
    goto(page, base + lang + "data/")
    files = page.eval_on_selector_all("a[download]", "els => els.map(a => a.href)")
    assert {f.rsplit("/", 1)[1] for f in files} >= {"framework.json", "framework.csv", "framework.yaml"}
    for href in files:
        assert href.startswith(base + "data/"), href
        response = page.request.get(href)
        assert response.status == 200 and len(response.body()) > 1000, href


def test_search_under_the_sub_path(page, base):
    requests = Requests(page)
    goto(page, base)
    page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("airports")
    page.locator(".md-search-result__item").first.wait_for()
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.startswith(base), first
    assert requests.problems(origin_of(base)) == []
