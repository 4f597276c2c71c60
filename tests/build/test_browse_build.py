"""Browse and read (issue 12), in the built site: the menu on every page, the home pages in a text browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from support.ci import require
from support.sitefiles import html_files, lang_of, page_urls

GOAL_WORD = {"en": "Goal", "es": "Meta"}


def _soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_page_menu_lists_the_goals_in_its_language(site):
    for url in page_urls(site):
        if url.endswith("404.html"):
            continue
        soup = _soup(site, url)
        goals = soup.select(".md-nav--primary .bf-menu__list > li > a")
        lang = lang_of(url)
        assert [a.get_text().split(":")[0] for a in goals] == [f"{GOAL_WORD[lang]} {n}" for n in (1, 2, 3)], url


@pytest.mark.parametrize("url, current, open_area", [
    ("objectives/2.1.3/", "objectives/2.1.3/", "areas/2.1/"),
    ("es/objectives/2.1.3/", "objectives/2.1.3/", "areas/2.1/"),
    ("es/areas/3.2/", "areas/3.2/", "areas/3.2/"),
    ("goals/1/", "goals/1/", None),
])
def test_the_current_branch_is_open_and_the_page_marked(site, url, current, open_area):
    menu = _soup(site, url).select_one(".md-nav--primary .bf-menu")
    marked = menu.select("a[aria-current=page]")
    assert len(marked) == 1 and marked[0]["href"].endswith(current)
    opened = [li for li in menu.select(".bf-menu__list > li") if li.ul]
    assert len(opened) == 1  # only the current goal's areas
    areas_open = [li for li in opened[0].ul.find_all("li", recursive=False) if li.ul]
    assert [li.a["href"].split("../")[-1] for li in areas_open] == ([open_area] if open_area else [])


def test_hand_written_pages_mark_themselves_in_the_menu(site):
    for url in ("", "es/"):
        marked = _soup(site, url).select(".md-nav--primary a[aria-current=page]")
        assert [a.get_text(strip=True) for a in marked] == [{"": "Home", "es/": "Inicio"}[url]]


def test_no_menu_entry_points_nowhere(site):
    for url in ("objectives/2.1.3/", "es/areas/2.4/", "about/"):
        page = site / url / "index.html"
        for a in _soup(site, url).select(".bf-menu a"):
            assert (page.parent / a["href"] / "index.html").resolve().exists(), (url, a["href"])


def test_every_page_links_the_no_script_sheet(site):
    for path in html_files(site):
        assert "bf-nojs.css\"></noscript>" in path.read_text(encoding="utf-8"), path


def _w3m(path) -> list[str]:
    require(bool(shutil.which("w3m")), "The text-browser test", "w3m is not installed (make test installs it)")
    out = subprocess.run(["w3m", "-dump", "-cols", "100", "-T", "text/html", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


@pytest.mark.parametrize("url", ["", "es/"])
def test_home_pages_in_a_text_browser(site, url):
    lines = _w3m(site / url / "index.html")
    title = _soup(site, url).h1.get_text(" ", strip=True)
    first = next(i for i, line in enumerate(lines) if line.strip() and title.startswith(line.strip()))
    assert first < 40, "\n".join(lines[:45])
    text = "\n".join(lines)
    assert not re.search(r"(Goal|Meta) \d[A-Za-zÁÉÍÓÚ]", text)  # a diagram label run together
    assert not re.search(r"\d\.\d\.\d \d\.\d\.\d", text)  # the diagram's objective boxes in a row


def test_404_page_in_a_text_browser_says_it_in_both_languages(site):
    text = "\n".join(_w3m(site / "404.html"))
    assert "Page not found" in text and "Página no encontrada" in text
    assert "Go to the home page" in text and "Ir a la página de inicio" in text
