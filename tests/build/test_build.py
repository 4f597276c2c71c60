"""One real build of the site, inspected: pages, languages, alternates, links."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from bicentennial.data import framework
from support.site import ROOT, SITE_URL

FW = framework.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")

SITE_NAME = {"en": "U.S.-Mexico Bicentennial Framework", "es": "Entendimiento Bicentenario México-Estados Unidos"}
ITEM_PATHS = (["", *[f"goals/{g.id}/" for g in FW.goals], *[f"areas/{a.id}/" for _, a in FW.areas()],
               *[f"objectives/{o.id}/" for _, _, o in FW.objectives()]])


def pages_of(site: Path, lang: str) -> dict[str, Path]:
    """Neutral URL → file, for one language."""
    root = site / "es" if lang == "es" else site
    found = {}
    for path in root.rglob("index.html"):
        rel = path.parent.relative_to(root).as_posix()
        if lang == "en" and rel.split("/")[0] == "es":
            continue
        found["" if rel == "." else rel + "/"] = path
    return found


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_item_has_a_page_in_both_languages(site):
    assert len(ITEM_PATHS) == 41
    for lang in ("en", "es"):
        found = pages_of(site, lang)
        missing = [p for p in ITEM_PATHS if p not in found]
        assert not missing, f"{lang}: missing {missing}"
        assert "about/" in found
    assert set(pages_of(site, "en")) == set(pages_of(site, "es")), "every page has a counterpart"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_page_has_its_language_title_and_alternate(site, lang):
    other = "es" if lang == "en" else "en"
    for neutral, path in pages_of(site, lang).items():
        doc = soup(path)
        assert doc.html["lang"] == lang, path
        title = doc.title.get_text()
        assert title.endswith(SITE_NAME[lang]), (path, title)
        page_url = urljoin(SITE_URL, ("es/" if lang == "es" else "") + neutral)
        alt = doc.find("link", rel="alternate", hreflang=other)
        assert alt is not None, f"{path}: no alternate for {other}"
        target = urljoin(page_url, alt["href"])
        expected = urljoin(SITE_URL, ("es/" if other == "es" else "") + neutral)
        assert target == expected, (path, target)


def test_item_titles_are_in_the_pages_language(site):
    en = soup(site / "objectives/2.1.3/index.html")
    es = soup(site / "es/objectives/2.1.3/index.html")
    assert en.title.get_text().startswith("Joint Objective 2.1.3: Strengthen oversight and coordination at airports")
    assert es.title.get_text().startswith("Objetivo conjunto 2.1.3: ")
    # The h1 is the objective's own words; its kind and number are the caption above it (issue 19.5).
    assert en.h1.get_text(strip=True) == "Strengthen oversight and coordination at airports of entry."
    assert en.select_one("p.bf-caption").get_text() == "Joint Objective 2.1.3"
    assert es.select_one("p.bf-caption").get_text() == "Objetivo conjunto 2.1.3"


def _own_language_text(doc: BeautifulSoup, lang: str) -> str:
    """The page's main content, minus parts marked as another language on purpose."""
    main = doc.find("article") or doc.body
    for el in main.find_all(attrs={"lang": True}):
        if el.decomposed:  # inside a part already removed (an English title quoted in a Spanish citation)
            continue
        if el.get("lang") != lang and not el.get("lang", "").startswith(lang + "-"):
            el.decompose()
    return main.get_text(" ", strip=True)


def _sentences(text: str) -> set[str]:
    parts = re.split(r"(?<=[.!?:])\s+", text)
    return {p.strip() for p in parts if len(p.strip()) >= 25 and re.search(r"[a-z]{3}", p)}


def test_no_english_sentence_on_a_spanish_page(site):
    en_pages, es_pages = pages_of(site, "en"), pages_of(site, "es")
    offenders = []
    for neutral, es_path in es_pages.items():
        en_sentences = _sentences(_own_language_text(soup(en_pages[neutral]), "en"))
        es_text = _own_language_text(soup(es_path), "es")
        offenders += [(neutral, s) for s in en_sentences if s in es_text]
    assert not offenders, offenders[:5]


def test_spanish_pages_say_the_translation_is_unofficial(site):
    for neutral in ("", "objectives/2.1.3/", "about/"):
        text = soup(site / "es" / neutral / "index.html").get_text(" ")
        assert re.search(r"traducción no oficial", text, re.I), neutral


def test_restored_wording_is_published_not_the_damaged_one(site):
    text = " ".join(soup(p).get_text() for p in pages_of(site, "en").values())
    assert "Strengthen oversight and coordination at airports of entry." in text
    assert "High-Level Security Dialogue (HLSD)" in text and "200th year" in text
    for damaged in ("Cooperation Space", "Joint goal", "Scale back", "legal organizations", "on-line world",
                    "Excessive-Stage", "12 months", "Public Heath", "well being"):
        assert damaged not in text, damaged


def _internal_target(site: Path, page_url: str, ref: str) -> Path | None:
    url = urljoin(page_url, ref)
    if not url.startswith(SITE_URL):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(SITE_URL).path):]
    target = site / path
    return target / "index.html" if path.endswith("/") or path == "" else target


def test_every_internal_link_resolves(site):
    broken = []
    for lang in ("en", "es"):
        for neutral, path in pages_of(site, lang).items():
            page_url = urljoin(SITE_URL, ("es/" if lang == "es" else "") + neutral)
            doc = soup(path)
            for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
                for el in doc.find_all(tag, attrs={attr: True}):
                    ref = el[attr]
                    if ref.startswith(("mailto:", "#")):
                        continue
                    target = _internal_target(site, page_url, ref.split("#")[0])
                    if target is not None and not target.exists():
                        broken.append((path.relative_to(site).as_posix(), ref))
                    frag = urlsplit(ref).fragment
                    if target is not None and frag and target.suffix == ".html" and target.exists():
                        if not soup(target).find(id=frag):
                            broken.append((path.relative_to(site).as_posix(), ref))
    assert not broken, broken[:10]


def test_objective_removed_from_the_data_disappears(site, tmp_path):
    """Build a copy of the project (so the real docs/ keeps its pages) without objective 2.1.5."""
    work = tmp_path / "work"
    for name in ("hooks", "overrides", "docs", "data", "tools"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    data = (ROOT / "data" / "framework.yaml").read_text(encoding="utf-8")
    start, end = data.index('          - id: "2.1.5"'), data.index('      - id: "2.2"')
    (work / "data" / "framework.yaml").write_text(data[:start] + data[end:], encoding="utf-8")
    assert (work / "docs/en/objectives/2.1.5.md").exists()  # left over from an earlier build

    out = tmp_path / "site"
    result = subprocess.run([sys.executable, str(work / "tools" / "build.py")], cwd=work,
                            env=dict(os.environ, SITE_DIR=str(out)), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "objectives/2.1.4/index.html").exists()
    assert not (out / "objectives/2.1.5/index.html").exists()
    assert not (out / "es/objectives/2.1.5/index.html").exists()
    assert not (work / "docs/en/objectives/2.1.5.md").exists()


def test_the_home_pages_contents_list_holds_the_three_goals_not_every_area(site):
    # The home pages' list of contents is the menu's goals (issue 12: no second list of the same goals
    # printed before the heading, for text browsers and screen readers); not every area.
    for home, goal in ((site / "index.html", "Goal"), (site / "es/index.html", "Meta")):
        page = soup(home)
        assert [a for nav in page.select("nav.md-nav--secondary") for a in nav.select("a")] == []
        goals = [li.a.get_text(" ", strip=True) for li in page.select(".bf-menu__list > li")]
        assert [g.split(":")[0] for g in goals] == [f"{goal} 1", f"{goal} 2", f"{goal} 3"], goals
        assert not page.select(".bf-menu__list > li ul")  # no goal opened: no area listed