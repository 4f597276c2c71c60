"""Build-and-inspect tests for the staff tools (issue 4): citations, side by side,
downloads, home overview, full text, print layout and acronyms, in both languages.

They parse the real build (the `site` fixture, SITE_URL unset → http://127.0.0.1:8000/)
and compare what it published with the framework data.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from bicentennial.content.ui import long_date
from bicentennial.data import framework
from bicentennial.features import abbreviations, citations
from support.citations import expected as expected_citation
from support.site import ROOT, SITE_URL, build_site

LANGS = ("en", "es")
FW = framework.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")
ITEMS = ([("goal", g.id) for g in FW.goals] + [("area", a.id) for _, a in FW.areas()]
         + [("objective", o.id) for _, _, o in FW.objectives()])


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def path(kind: str, id_: str, lang: str) -> str:
    return ("" if lang == "en" else f"{lang}/") + f"{kind}s/{id_}/"


def exists(site: Path, page_url: str, href: str) -> bool:
    """Does `href`, found on the page at site-relative `page_url`, lead to a published file?"""
    target = urlsplit(urljoin("http://x/" + page_url, href)).path.lstrip("/")
    return (site / target / "index.html").is_file() if target.endswith("/") or not target else (site / target).is_file()


def test_the_new_pages_exist_in_both_languages_with_the_same_file_names(site):
    for name in ("side-by-side", "full-text", "data"):
        for lang in LANGS:
            soup = page(site, name if lang == "en" else f"es/{name}")
            assert soup.html["lang"] == lang
            assert not soup.select_one("article").get_text().lstrip().startswith("title:"), "front matter parsed"
            assert soup.find("meta", attrs={"name": "description"})["content"].strip()
            alternates = {a["hreflang"]: a["href"] for a in soup.find_all("link", rel="alternate") if a.get("hreflang")}
            assert set(LANGS) <= set(alternates), name
            assert all(urlsplit(alternates[code]).path.rstrip("/").endswith(name) for code in LANGS), name


# 1. Permalinks ------------------------------------------------------------------

@pytest.mark.parametrize("kind,id_", ITEMS)
def test_item_pages_have_a_canonical_url_and_the_copy_link_script(site, kind, id_):
    for lang in LANGS:
        soup = page(site, path(kind, id_, lang))
        assert soup.find("link", rel="canonical")["href"] == SITE_URL + path(kind, id_, lang)
        scripts = [part for s in soup.find_all("script") for part in [s.get("src", "")] + s.get("data-bf-scripts", "").split()]
        assert any(src.endswith("assets/javascripts/bf.js") for src in scripts), "loaded directly or by the loader"
        headings = soup.select("article h2")
        assert headings and all(h.get("id") for h in headings), "every heading needs an anchor to link to"
    en_ids = [h["id"] for h in page(site, path(kind, id_, "en")).select("article [id]")]
    es_ids = [h["id"] for h in page(site, path(kind, id_, "es")).select("article [id]")]
    assert sorted(en_ids) == sorted(es_ids), "anchors are the same in both languages"


# 2. Citations -------------------------------------------------------------------

@pytest.mark.parametrize("kind,id_", ITEMS)
def test_item_pages_cite_the_item_in_both_languages_with_its_absolute_url(site, kind, id_):
    for page_lang in LANGS:
        soup = page(site, path(kind, id_, page_lang))
        quotes = soup.select("blockquote.bf-cite__text")
        assert [q["lang"] for q in quotes] == [page_lang, "en" if page_lang == "es" else "es"]
        for q in quotes:
            lang = q["lang"]
            text = " ".join(q.get_text().split())
            assert text == expected_citation(kind, id_, lang, SITE_URL)  # from the YAML and the style rules
            assert SITE_URL + path(kind, id_, lang) in text
            assert q.find("a")["href"] == SITE_URL + path(kind, id_, lang)
            assert FW.title[lang] in text and FW.source.publisher[lang] in text
            assert long_date(FW.source.date, lang) in text
            assert q.select_one("[data-bf-accessed]").get_text() == ("[date]" if lang == "en" else "[fecha]")
            assert ("traducción no oficial" in text) == (lang == "es")
            button = soup.find("button", attrs={"data-bf-copy": q["id"]})
            assert button is not None and button.has_attr("hidden"), "shown by bf.js only when it can work"


def test_citation_of_objective_2_1_3_reads_as_expected(site):
    en = " ".join(page(site, "objectives/2.1.3").select_one("#bf-cite-en").get_text().split())
    es = " ".join(page(site, "es/objectives/2.1.3").select_one("#bf-cite-es").get_text().split())
    assert en == ("“Joint Objective 2.1.3: Strengthen oversight and coordination at airports of entry.” "
                  "In U.S.-Mexico Bicentennial Framework for Security, Public Health, and Safe Communities. "
                  "U.S. Embassy & Consulates in Mexico, January 31, 2022. "
                  f"{SITE_URL}objectives/2.1.3/ (accessed [date]).")
    assert es == ("«Objetivo conjunto 2.1.3: Fortalecer la supervisión y la coordinación en los aeropuertos de "
                  "entrada». Embajada y Consulados de Estados Unidos en México, «Summary of the Action Plan for "
                  "U.S.-Mexico Bicentennial Framework for Security, Public Health, and Safe Communities» "
                  "[Resumen del Plan de Acción del Entendimiento Bicentenario sobre Seguridad, Salud Pública y "
                  "Comunidades Seguras entre México y los Estados Unidos], "
                  "31 de enero de 2022; traducción no oficial al español. "
                  f"{SITE_URL}es/objectives/2.1.3/ (consultado el [fecha]).")
    # The English title is quoted as published, and marked as English for screen readers.
    quoted = page(site, "es/objectives/2.1.3").select_one("#bf-cite-es span[lang=en]")
    assert quoted.get_text() == FW.source.title["en"]


def test_the_expected_citations_are_written_from_the_data_not_the_code():
    """The rules support/citations.py applies give objective 2.1.3's citations (spelled out above) to the letter."""
    en = expected_citation("objective", "2.1.3", "en", SITE_URL)
    assert en.startswith("“Joint Objective 2.1.3: Strengthen oversight and coordination at airports of entry.” In ")
    es = expected_citation("objective", "2.1.3", "es", SITE_URL)
    assert es.startswith("«Objetivo conjunto 2.1.3: Fortalecer la supervisión y la coordinación en los aeropuertos de "
                         "entrada». Embajada y Consulados de Estados Unidos en México, «Summary of the Action Plan ")
    assert expected_citation("goal", "1", "en", SITE_URL).startswith("“Goal 1: Protect Our People.” In ")


@pytest.mark.parametrize("lang", LANGS)
def test_citations_follow_site_url(lang):
    for kind, id_ in ITEMS:
        assert citations.text(FW, kind, id_, lang, "https://example.org/bf") == \
            expected_citation(kind, id_, lang, "https://example.org/bf")


# 3. Side by side ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_side_by_side_aligns_every_item_in_both_languages(site, lang):
    url = "side-by-side/" if lang == "en" else "es/side-by-side/"
    soup = page(site, url)
    order = [lang, "en" if lang == "es" else "es"]
    rows = soup.select("table.bf-sbs tbody tr")
    ids = [r["id"] for r in rows]
    expected = [f"{k}-{i}" for k, i in ITEMS]
    assert [i for i in ids if i.split("-")[0] in ("goal", "area", "objective")] == sorted(expected, key=lambda a: [
        int(n) for n in a.split("-")[1].split(".")])
    texts = {("goal", g.id): g.title for g in FW.goals} | {("area", a.id): a.title for _, a in FW.areas()} \
        | {("objective", o.id): o.text for _, _, o in FW.objectives()}
    for (kind, id_), text in texts.items():
        cells = soup.find("tr", id=f"{kind}-{id_}").find_all("td")
        assert [c["lang"] for c in cells] == order
        for cell in cells:
            assert text[cell["lang"]] in cell.get_text()
            href = cell.find("a")["href"]
            assert urljoin("http://x/" + url, href) == "http://x/" + path(kind, id_, cell["lang"])
            assert exists(site, url, href)


@pytest.mark.parametrize("kind,id_", ITEMS)
def test_every_item_page_links_to_its_row_on_the_side_by_side_page(site, kind, id_):
    for lang in LANGS:
        url = path(kind, id_, lang)
        link = page(site, url).select_one("a.bf-sbs-link")
        target = urljoin("http://x/" + url, link["href"])
        assert target == f"http://x/{'' if lang == 'en' else 'es/'}side-by-side/#{kind}-{id_}"
        assert page(site, urlsplit(target).path.lstrip("/")).find(id=f"{kind}-{id_}") is not None


# 4. Downloads ---------------------------------------------------------------------

def _strip_pages(value):
    if isinstance(value, dict):
        return {k: _strip_pages(v) for k, v in value.items() if k != "pages"}
    if isinstance(value, list):
        return [_strip_pages(v) for v in value]
    return value


def test_downloads_say_exactly_what_the_pages_say(site):
    data = site / "data"
    with (data / "framework.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 26
    assert [r["objective_id"] for r in rows] == [o.id for _, _, o in FW.objectives()]
    for r in rows:
        for lang in LANGS:
            obj_page = page(site, path("objective", r["objective_id"], lang))
            assert r[f"objective_text_{lang}"] == obj_page.select_one("article h1").get_text()
            assert r[f"url_{lang}"] == obj_page.find("link", rel="canonical")["href"]
            context = [li.get_text() for li in obj_page.select(".bf-h:has(> #context) + ul li")]
            assert context[0].endswith(": " + r[f"goal_title_{lang}"]) and f" {r['goal_id']}:" in context[0]
            assert context[1].endswith(": " + r[f"area_title_{lang}"]) and f" {r['area_id']}:" in context[1]


def test_json_equals_the_yaml_plus_page_urls(site):
    data = site / "data"
    assert (data / "framework.yaml").read_bytes() == (ROOT / "data" / "framework.yaml").read_bytes()
    assert (data / "framework.schema.json").read_bytes() == (ROOT / "data" / "framework.schema.json").read_bytes()
    tree = json.loads((data / "framework.json").read_text(encoding="utf-8"))
    source_data = yaml.safe_load((data / "framework.yaml").read_text(encoding="utf-8"))
    assert _strip_pages(tree) == source_data
    jsonschema.validate(_strip_pages(tree), json.loads((data / "framework.schema.json").read_text(encoding="utf-8")))
    for goal in tree["goals"]:
        for area in goal["areas"]:
            for obj in area["objectives"]:
                for lang in LANGS:
                    url = obj["pages"][lang]
                    assert url == SITE_URL + path("objective", obj["id"], lang)
                    soup = page(site, path("objective", obj["id"], lang))
                    assert soup.select_one("article h1").get_text() == obj["text"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_data_pages_link_to_the_four_published_files(site, lang):
    url = "data/" if lang == "en" else "es/data/"
    links = page(site, url).select("table.bf-downloads a")
    targets = [urlsplit(urljoin("http://x/" + url, a["href"])).path for a in links]
    assert targets == ["/data/framework.json", "/data/framework.csv", "/data/framework.yaml",
                       "/data/framework.schema.json"]
    assert all(exists(site, url, a["href"]) for a in links)


def test_downloads_are_byte_reproducible(site, tmp_path):
    again = tmp_path / "site"
    result = build_site(again)
    assert result.returncode == 0, result.stderr
    for name in ("framework.json", "framework.csv", "framework.yaml", "framework.schema.json"):
        assert (again / "data" / name).read_bytes() == (site / "data" / name).read_bytes(), name


# 5. The home page's overview (it replaced the diagram) ------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_home_overview_links_every_goal_area_and_objective_once_by_its_code(site, lang):
    url = "" if lang == "en" else "es/"
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("figure.bf-diagram") is None  # drawn once, as text
    overview = soup.select_one("#bf-overview.bf-overview")
    links = overview.find_all("a")
    expected = {"http://x/" + path(k, i, lang) for k, i in ITEMS}
    assert len(links) == 3 + 11 + 26
    assert {urljoin("http://x/" + url, a["href"]) for a in links} == expected
    assert all(exists(site, url, a["href"]) for a in links)
    # Codes are the links; an objective's sentence is plain text after its code.
    for li in overview.select("ul.bf-tree > li"):
        code = li.find("a")
        assert code["class"] == ["bf-id"] and code.get_text() in li.get_text()
        assert len(li.get_text()) > len(code.get_text()) + 10
    assert overview.find("p", class_="bf-counts").get_text().startswith("3 ")


# 8. Full text and print -------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_full_text_page_holds_the_whole_framework(site, lang):
    soup = page(site, "full-text" if lang == "en" else "es/full-text")
    text = soup.select_one("article").get_text()
    for p in FW.introduction:
        assert p[lang] in text
    for goal in FW.goals:
        assert goal.title[lang] in soup.find(id=f"goal-{goal.id}").get_text()
        assert goal.statement[lang] in text
    for _, area in FW.areas():
        assert area.title[lang] in soup.find(id=f"area-{area.id}").get_text()
    for _, _, obj in FW.objectives():
        assert obj.text[lang] in soup.find(id=f"objective-{obj.id}").get_text()


def test_print_stylesheet_hides_navigation(site):
    css = (site / "assets" / "stylesheets" / "bf-staff.css").read_text()
    block = css[css.index("@media print"):]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".bf-permalink", ".bf-copy", ".bf-crumbs"):
        assert selector in block.split("display: none")[0], selector


# 9. Acronyms --------------------------------------------------------------------------

def test_acronyms_expand_in_the_page_language_and_are_focusable(site):
    cases = [("", "HLSD", "High-Level Security Dialogue"), ("es/", "DANS", "Diálogo de Alto Nivel en Seguridad"),
             ("goals/2/", "TCOs", "Transnational Criminal Organizations"),
             ("es/goals/2/", "TCO", "Organizaciones criminales transnacionales (Transnational Criminal Organizations,"),
             ("about/", "SRE", "Secretaría de Relaciones Exteriores")]
    for url, word, expansion in cases:
        found = [a for a in page(site, url).select("article abbr") if a.get_text() == word]
        assert found, (url, word)
        assert all(a["title"].startswith(expansion) and a["tabindex"] == "0" for a in found), (url, word)


@pytest.mark.parametrize("lang", LANGS)
def test_acronyms_in_the_other_language_column_are_expanded_in_the_page_language(site, lang):
    soup = page(site, "side-by-side" if lang == "en" else "es/side-by-side")
    titles = {a["title"] for a in soup.select("table.bf-sbs abbr")}
    assert titles and titles <= set(abbreviations.EXPANSIONS[lang].values())
    assert not soup.select("a abbr, svg abbr, button abbr"), "no focusable abbr nested in a control"


def test_abbr_marking_leaves_tags_links_and_code_alone():
    html = '<p title="TCO">TCOs and <a href="#TCO">TCO</a> <code>HLSD</code> HLSDX HLSD.</p>'
    out = abbreviations.mark_fragment(html, "en")
    assert out == ('<p title="TCO"><abbr title="Transnational Criminal Organizations" tabindex="0">TCOs</abbr> and '
                   '<a href="#TCO">TCO</a> <code>HLSD</code> HLSDX '
                   '<abbr title="High-Level Security Dialogue" tabindex="0">HLSD</abbr>.</p>')
