"""Found and shared correctly: head tags, sitemaps, 404 pages and Pages' root files in a real build.

Every published page is parsed: absolute canonical and hreflang alternates
(en, es, x-default), a description of the page itself in its language, Open
Graph tags, and one sitemap, at the root. The pure steps get unit tests on edge cases (escaping, custom
domain checks).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from bicentennial.data import framework
from bicentennial.publish import head_tags, hosting_files, not_found
from bicentennial.publish.page_info import PageInfo
from bicentennial.upstream import UpstreamChanged
from support.site import ROOT, build_site
from support.sitefiles import lang_of, page_urls

FW = framework.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/").rstrip("/") + "/"
SITE_NAME = {"en": "U.S.-Mexico Bicentennial Framework", "es": "Entendimiento Bicentenario México-Estados Unidos"}
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def pages(site: Path) -> list[str]:
    """Every published page's URL (the 404 pages are not pages)."""
    return [u for u in page_urls(site) if not u.endswith("404.html")]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def neutral(url: str) -> str:
    return url[3:] if lang_of(url) == "es" else url


def meta(doc: BeautifulSoup, **attrs) -> list[str]:
    return [m["content"] for m in doc.find_all("meta", attrs=attrs)]


def assert_addresses(doc: BeautifulSoup, base: str, url: str) -> None:
    """The page at `url` names itself (canonical) and its language versions (en, es, x-default) absolutely."""
    assert [link["href"] for link in doc.find_all("link", rel="canonical")] == [base + url], url
    alternates = {link["hreflang"]: link["href"] for link in doc.find_all("link", rel="alternate")
                  if link.get("hreflang")}
    en = base + neutral(url)
    assert alternates == {"en": en, "es": base + "es/" + neutral(url), "x-default": en}, url


def test_every_page_has_absolute_canonical_and_alternates(site):
    urls = pages(site)
    assert len(urls) >= 2 * (2 + 3 + 11 + 26)
    for url in urls:
        doc = soup(site, url)
        assert_addresses(doc, SITE_URL, url)
        assert doc.html["lang"] == lang_of(url), url


def test_descriptions_are_the_items_own_text_in_the_pages_language(site):
    for goal in FW.goals:
        for lang, prefix in (("en", ""), ("es", "es/")):
            assert meta(soup(site, f"{prefix}goals/{goal.id}/"), name="description") == [goal.statement[lang]]
    for _, area in FW.areas():
        for lang, prefix in (("en", ""), ("es", "es/")):
            [description] = meta(soup(site, f"{prefix}areas/{area.id}/"), name="description")
            assert area.title[lang] in description
    for _, _, obj in FW.objectives():
        for lang, prefix in (("en", ""), ("es", "es/")):
            doc = soup(site, f"{prefix}objectives/{obj.id}/")
            assert meta(doc, name="description") == [obj.text[lang]]
            assert meta(doc, property="og:description") == [obj.text[lang]]


def test_every_page_describes_itself_differently_in_each_language(site):
    described = {url: meta(soup(site, url), name="description") for url in pages(site)}
    for url, descriptions in described.items():
        assert len(descriptions) == 1 and descriptions[0].strip(), url
        if lang_of(url) == "es":
            assert descriptions != described[neutral(url)], f"{url}: same description as the English page"


def test_open_graph_tags_are_in_the_pages_language(site):
    for url in pages(site):
        doc, lang = soup(site, url), lang_of(url)
        assert meta(doc, property="og:url") == [SITE_URL + url], url
        assert meta(doc, property="og:locale") == [{"en": "en_US", "es": "es_MX"}[lang]], url
        assert meta(doc, property="og:locale:alternate") == [{"en": "es_MX", "es": "en_US"}[lang]], url
        assert meta(doc, property="og:site_name") == [SITE_NAME[lang]], url
        assert doc.title.string.strip().endswith(SITE_NAME[lang]), url
        [og_title] = meta(doc, property="og:title")
        assert og_title and og_title in doc.title.string, url
        assert meta(doc, property="og:type") == ["website"]


def test_sitemap_lists_every_page_with_its_alternates(site):
    tree = ElementTree.parse(site / "sitemap.xml")
    entries = {u.findtext("s:loc", namespaces=NS): {x.get("hreflang"): x.get("href") for x in u.findall("x:link", NS)}
               for u in tree.getroot().findall("s:url", NS)}
    assert set(entries) == {SITE_URL + url for url in pages(site)}
    for url in pages(site):
        en = SITE_URL + neutral(url)
        assert entries[SITE_URL + url] == {"en": en, "es": SITE_URL + "es/" + neutral(url), "x-default": en}
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" not in text  # stable from build to build
    gz = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(gz).decode() == text and gz[4:8] == b"\0\0\0\0"  # no timestamp


def test_the_root_sitemap_is_the_only_one(site):
    """Material's requests for a sitemap beside each alternate are answered in the browser
    (bf-search-on-use.js; tests/browser/test_seo_browser.py): no page folder holds one."""
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("sitemap.xml*")) == ["sitemap.xml",
                                                                                         "sitemap.xml.gz"]


def test_pages_root_files(site):
    assert (site / ".nojekyll").is_file()
    assert f"\nSitemap: {SITE_URL}sitemap.xml\n" in (site / "robots.txt").read_text()
    assert not (site / "CNAME").exists()


@pytest.mark.parametrize("lang, path, home", [("en", "404.html", "/"), ("es", "es/404.html", "/es/")])
def test_404_pages_speak_their_language_with_absolute_links(site, lang, path, home):
    doc = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    assert doc.html["lang"] == lang
    assert doc.h1.string == {"en": "Page not found", "es": "Página no encontrada"}[lang]
    assert doc.title.string.strip().endswith(SITE_NAME[lang])
    assert meta(doc, name="robots") == ["noindex"]
    assert not doc.find_all("link", hreflang=True)  # no page to alternate with, so nothing for Material to fetch
    script = doc.find("script", src="/assets/javascripts/bf-notfound.js")
    assert script["data-bf-root"] == "/" and script["data-bf-langs"] == "es"
    form = doc.find("form", class_="bf-notfound-search")
    assert form["action"] == home and form.find("input", attrs={"name": "q"})
    assert doc.find("a", string=lambda s: s and "home page" in s or s and "página de inicio" in s)["href"] == home
    assert {a["hreflang"]: a["href"] for a in doc.select("a.md-select__link")} == {"en": "/", "es": "/es/"}
    for tag in doc.find_all(href=True) + doc.find_all(src=True):
        value = tag.get("href") or tag.get("src")
        assert value.startswith(("/", "#", "https://", "mailto:")), f"{path}: relative link {value}"


def test_custom_domain_build(tmp_path):
    """Built for a custom domain, every absolute address is on it: head tags, sitemaps, citations, 404 pages."""
    domain = "https://bicentennial.example.org/"
    dest = tmp_path / "site"
    result = build_site(dest, SITE_URL=domain, PAGES_CNAME="bicentennial.example.org")
    assert result.returncode == 0, result.stderr
    assert (dest / "CNAME").read_text() == "bicentennial.example.org\n"
    assert "Sitemap: https://bicentennial.example.org/sitemap.xml" in (dest / "robots.txt").read_text()
    urls = pages(dest)
    assert len(urls) >= 2 * (2 + 3 + 11 + 26)
    for url in urls:  # canonical, alternates and Open Graph, as for the shared build, on the domain
        doc = soup(dest, url)
        assert_addresses(doc, domain, url)
        assert meta(doc, property="og:url") == [domain + url], url
    tree = ElementTree.parse(dest / "sitemap.xml")
    entries = {u.findtext("s:loc", namespaces=NS): {x.get("hreflang"): x.get("href") for x in u.findall("x:link", NS)}
               for u in tree.getroot().findall("s:url", NS)}
    assert set(entries) == {domain + url for url in urls}
    for url in urls:
        en = domain + neutral(url)
        assert entries[domain + url] == {"en": en, "es": domain + "es/" + neutral(url), "x-default": en}, url
    cite = soup(dest, "es/objectives/1.1.1/").select_one("#bf-cite-en a")
    assert cite is not None and cite["href"] == domain + "objectives/1.1.1/"
    for lang, path, home in (("en", "404.html", "/"), ("es", "es/404.html", "/es/")):  # served at any depth
        doc = BeautifulSoup((dest / path).read_text(encoding="utf-8"), "html.parser")
        assert doc.html["lang"] == lang and doc.find("form", class_="bf-notfound-search")["action"] == home
        assert {a["hreflang"]: a["href"] for a in doc.select("a.md-select__link")} == {"en": "/", "es": "/es/"}
        refs = [tag.get("href") or tag.get("src") for tag in doc.find_all(href=True) + doc.find_all(src=True)]
        assert refs and all(r.startswith(("/", "#", "mailto:", domain)) for r in refs), (path, refs)
    # Nothing published points at the address of a build for another host.
    others = [p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.suffix in (".html", ".xml", ".txt", ".json", ".csv")
              and ("127.0.0.1" in (text := p.read_text(encoding="utf-8")) or "github.io" in text)]
    assert others == [], others


# Unit tests of the pure steps.

INFO = PageInfo(lang="es", url="es/objectives/9.9.9/", neutral_url="objectives/9.9.9/",
                site_url="https://o.github.io/r/", title='Objetivo "9" <b>', description="Texto & <más>",
                alternates={"en": "objectives/9.9.9/", "es": "es/objectives/9.9.9/"})
MATERIAL_HEAD = ('<html lang="es"><head>\n<meta name="description" content="Sitio">\n'
                 '<link rel="canonical" href="https://o.github.io/r/es/objectives/9.9.9/">\n'
                 '<link rel="alternate" href="../../../objectives/9.9.9/" hreflang="en">\n'
                 '<link rel="alternate" href="./" hreflang="es">\n'
                 '<title>Objetivo &#34;9&#34; &lt;b&gt; - Sitio &#34;X&#34;</title></head><body></body></html>')


def test_head_escapes_values_and_replaces_materials_tags():
    out = head_tags.apply(MATERIAL_HEAD, INFO, 'Sitio "X"')
    doc = BeautifulSoup(out, "html.parser")
    assert meta(doc, name="description") == ["Texto & <más>"]
    assert meta(doc, property="og:title") == ['Objetivo "9" <b>']
    assert 'content="Objetivo &quot;9&quot; &lt;b&gt;"' in out
    assert [link["href"] for link in doc.find_all("link", rel="alternate")] == [
        "https://o.github.io/r/objectives/9.9.9/", "https://o.github.io/r/es/objectives/9.9.9/",
        "https://o.github.io/r/objectives/9.9.9/"]
    assert len(doc.find_all("link", rel="canonical")) == 1 and "../" not in out


def test_head_keeps_materials_description_when_the_page_has_none():
    bare = PageInfo(**{**INFO.__dict__, "description": ""})
    assert meta(BeautifulSoup(head_tags.apply(MATERIAL_HEAD, bare, "S"), "html.parser"), name="description") == ["Sitio"]


def test_head_refuses_a_page_without_title():
    with pytest.raises(UpstreamChanged, match=r"^Material for MkDocs \S+: expected a <title>"):
        head_tags.apply("<html><head></head><body></body></html>", INFO, "S")


def test_cname_must_be_a_domain_that_matches_the_site_url():
    assert hosting_files.check_cname("Docs.Example.org", "https://docs.example.org/") == "docs.example.org"
    with pytest.raises(hosting_files.HostingError, match="SITE_URL"):
        hosting_files.check_cname("docs.example.org", "https://o.github.io/r/")
    with pytest.raises(hosting_files.HostingError, match="not a domain"):
        hosting_files.check_cname("https://docs.example.org/", "https://docs.example.org/")


def test_root_path_of_the_site_url():
    assert not_found.root_path("https://o.github.io/repo/") == "/repo/"
    assert not_found.root_path("https://o.github.io/repo") == "/repo/"
    assert not_found.root_path("https://example.org") == "/"
