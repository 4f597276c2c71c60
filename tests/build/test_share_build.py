"""Sharing an item, in a real build: preview cards and their tags, the cards' cache, and the report links.

The shared build (the `site` fixture) is made with REPO_URL set (support/site.py),
so every whole-site test also sees the report links. The cache tests build a
copy of the project three times (cold, warm, after an edit) with its own
cache and REPO_URL unset, and check that no page shows the links then.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from bicentennial.data import framework, load
from support.site import REPO_URL, ROOT, SITE_URL
from support.sitefiles import lang_of, page_urls

DATA = ROOT / "data" / "framework.yaml"
FW = framework.read(DATA, ROOT / "data" / "framework.schema.json")
ALT_END = {"en": ", in English.", "es": ", en español."}
REPORT = {"en": ("Report a problem with this text", "View in the data file"),
          "es": ("Informar de un problema con este texto", "Ver en el archivo de datos")}
KIND_LABEL = {"en": {"goal": "Goal", "area": "Cooperation Area", "objective": "Joint Objective"},
              "es": {"goal": "Meta", "area": "Área de coordinación", "objective": "Objetivo conjunto"}}
DRAWN = re.compile(r"Preview cards: (\d+) drawn, (\d+) from the cache")


def pages(site: Path) -> list[str]:
    return [u for u in page_urls(site) if not u.endswith("404.html")]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def og(doc: BeautifulSoup, prop: str) -> list[str]:
    return [m["content"] for m in doc.find_all("meta", property=prop)]


def item_of(url: str) -> tuple[str, str] | None:
    parts = (url[3:] if lang_of(url) == "es" else url).strip("/").split("/")
    return (parts[0][:-1], parts[1]) if len(parts) == 2 and parts[0] in ("goals", "areas", "objectives") else None


def cards(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("card.png"))}


# --- cards and their tags -------------------------------------------------------------------------

def test_every_page_names_its_card_in_its_language(site):
    urls = pages(site)
    kinds = {item_of(u)[0] if item_of(u) else ("home" if u in ("", "es/") else "page") for u in urls}
    assert kinds == {"home", "page", "goal", "area", "objective"}
    for url in urls:
        doc, lang = soup(site, url), lang_of(url)
        assert og(doc, "og:image") == [f"{SITE_URL}{url}card.png"], url
        assert og(doc, "og:image:type") == ["image/png"], url
        assert (og(doc, "og:image:width"), og(doc, "og:image:height")) == (["1200"], ["630"]), url
        [alt] = og(doc, "og:image:alt")
        assert alt.endswith(ALT_END[lang]), url
        assert [m["content"] for m in doc.find_all("meta", attrs={"name": "twitter:card"})] == ["summary_large_image"]
        if item_of(url):
            kind, id_ = item_of(url)
            assert alt.startswith(f"{KIND_LABEL[lang][kind]} {id_}: "), url


def test_every_card_is_a_1200_by_630_png_under_100_kb(site):
    found = cards(site)
    assert set(found) == {f"{url}card.png" for url in pages(site)}
    for rel in found:
        path = site / rel
        assert path.stat().st_size <= 100_000, rel
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), rel
    assert len(set(found.values())) == len(found), "two pages share a card"


def test_an_items_english_and_spanish_cards_differ(site):
    en, es = site / "objectives/2.1.3/card.png", site / "es/objectives/2.1.3/card.png"
    assert en.read_bytes() != es.read_bytes()
    with Image.open(en) as a, Image.open(es) as b:
        assert a.convert("L").tobytes() != b.convert("L").tobytes()


# --- report links ---------------------------------------------------------------------------------

def test_every_item_page_links_a_prefilled_issue_and_its_lines(site):
    loaded_lines = {key: item.lines for key, item in FW.items.items()}
    checked = 0
    for url in pages(site):
        doc, lang = soup(site, url), lang_of(url)
        report = doc.find_all(class_="bf-report")
        if not item_of(url):
            assert not report, url
            continue
        kind, id_ = item_of(url)
        [paragraph] = report
        found = {a.get_text(): a["href"] for a in paragraph.find_all("a")}
        issue_text, view_text = REPORT[lang]
        assert list(found) == [issue_text, view_text], url
        parts = urlsplit(found[issue_text])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        label = f"{KIND_LABEL[lang][kind]} {id_}"
        assert query["title"].startswith(f"{label} ("), url
        assert query["body"].startswith(f"{label}, {'English' if lang == 'en' else 'español'} ({lang})\n"), url
        assert f"{SITE_URL}{url}\n" in query["body"], url
        item = FW.items[(kind, id_)]
        shown = item.text[lang] if kind == "objective" else item.title[lang]
        assert f"> {shown}" in query["body"], url
        start, end = loaded_lines[(kind, id_)]
        assert found[view_text] == f"{REPO_URL}/blob/main/data/framework.yaml#L{start}-L{end}", url
        checked += 1
    assert checked == 2 * (3 + 11 + 26)


def test_the_lines_linked_are_the_items_lines_in_the_file(site):
    href = soup(site, "es/objectives/2.1.3/").find(class_="bf-report").find_all("a")[1]["href"]
    start, end = map(int, re.search(r"#L(\d+)-L(\d+)$", html.unescape(href)).groups())
    loaded = load.parse(DATA)
    path = "goals[1].areas[0].objectives[2]"
    assert (start, end) == (loaded.lines[f"{path}.id"], loaded.lines[f"{path}.text.es"])
    text = DATA.read_text(encoding="utf-8").splitlines()[start - 1:end]
    assert text[0].strip() == '- id: "2.1.3"' and FW.items[("objective", "2.1.3")].text.es in text[-1]


# --- the cards' cache (three builds of their own) -------------------------------------------------

def _drawn(result) -> tuple[int, int]:
    assert result.returncode == 0, result.stdout + result.stderr
    [counts] = DRAWN.findall(result.stdout + result.stderr)
    return int(counts[0]), int(counts[1])


def _project_copy(work: Path) -> Path:
    """A copy of the project to build (its own docs/ and card cache; the real ones stay as they are)."""
    for name in ("hooks", "overrides", "docs", "data", "tools"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    return work


def _build(work: Path, out: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("BF_CARDS_CACHE", "BF_DATA")}
    return subprocess.run([sys.executable, str(work / "tools" / "build.py")], cwd=work,
                          env=dict(env, SITE_DIR=str(out), REPO_URL=""), capture_output=True, text=True)


@pytest.fixture(scope="module")
def cache_builds(tmp_path_factory):
    """Cold, warm, then with objective 2.1.3's English text edited: one project copy, REPO_URL unset."""
    tmp = tmp_path_factory.mktemp("cards")
    work = _project_copy(tmp / "work")
    cold = _build(work, tmp / "cold")
    warm = _build(work, tmp / "warm")
    obj = FW.items[("objective", "2.1.3")]
    data = work / "data" / "framework.yaml"
    source = data.read_text(encoding="utf-8")
    assert source.count(f"en: {obj.text.en}\n") == 1
    data.write_text(source.replace(f"en: {obj.text.en}\n", "en: Strengthen oversight at airports of entry.\n"),
                    encoding="utf-8")
    edit = _build(work, tmp / "edit")
    return tmp, cold, warm, edit, work / ".cache" / "cards"


def test_a_second_build_draws_no_card(cache_builds):
    tmp, cold, warm, _, cache = cache_builds
    n = len(pages(tmp / "cold"))
    assert _drawn(cold) == (n, 0)
    assert _drawn(warm) == (0, n)
    assert cards(tmp / "warm") == cards(tmp / "cold")
    assert len(list(cache.glob("*/*.png"))) == n


def test_an_edit_redraws_only_its_cards(cache_builds):
    tmp, _, warm, edit, cache = cache_builds
    n = len(pages(tmp / "warm"))
    assert _drawn(edit) == (1, n - 1)
    assert len(list(cache.glob("*/*.png"))) == n  # the card no page uses any more is gone
    before, after = cards(tmp / "warm"), cards(tmp / "edit")
    assert {rel for rel in after if after[rel] != before[rel]} == {"objectives/2.1.3/card.png"}
    assert "Strengthen oversight at airports of entry" in og(soup(tmp / "edit", "objectives/2.1.3/"), "og:image:alt")[0]


def test_no_report_links_without_repo_url(cache_builds):
    tmp = cache_builds[0]
    urls = pages(tmp / "warm")
    assert any(item_of(u) for u in urls)
    for url in urls:
        page = (tmp / "warm" / url / "index.html").read_text(encoding="utf-8")
        assert "bf-report" not in page and "/issues/new" not in page and "framework.yaml#L" not in page, url
