"""Rendering: page Markdown is complete, linked, and shows data text literally."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
import pytest

from bicentennial import i18n, itempages, pages, source, verbatim
from bicentennial.model import Text

ROOT = Path(__file__).resolve().parent.parent
FW = source.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![x](data:text/html,hi)",
    "**bold** _it_ `code` # heading",
    "1. not a list",
]


def to_html(md_text: str) -> str:
    body = md_text.split("---\n", 2)[-1]
    return markdown.markdown(body, extensions=["attr_list", "md_in_html", "admonition", "toc"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_data_text_is_shown_literally_never_run(payload):
    goal, area, obj = next(FW.objectives())
    evil = dataclasses.replace(obj, text=Text(en=payload, es=payload))
    html = to_html(itempages.objective_page(FW, goal, area, evil, "en", None, None))
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "strong", "em", "code", "ol"])
    for tag in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag
        for attr in ("href", "src"):
            assert not str(tag.get(attr, "")).startswith(("javascript:", "data:")), tag
    # The reader sees exactly the characters of the data.
    assert soup.select_one(".bf-lead").get_text() == payload


def test_objective_page_links_its_area_goal_neighbours_and_source():
    items = list(FW.objectives())
    i = next(n for n, (_, _, o) in enumerate(items) if o.id == "2.1.3")
    goal, area, obj = items[i]
    md = itempages.objective_page(FW, goal, area, obj, "es", items[i - 1][2], items[i + 1][2])
    # Raw HTML, so final URLs relative to es/objectives/2.1.3/ (use_directory_urls).
    assert 'href="../../goals/2/"' in md and 'href="../../areas/2.1/"' in md
    assert 'href="../2.1.2/" rel="prev"' in md and 'href="../2.1.4/" rel="next"' in md
    assert 'href="../../side-by-side/#objective-2.1.3"' in md and 'href="../../">Inicio</a>' in md
    assert FW.source.url in md
    assert "Objetivo conjunto 2.1.3" in md and "Objetivo anterior" in md
    assert "Traducción no oficial" in md
    assert "title: 'Objetivo conjunto 2.1.3: " in md or 'title: "Objetivo conjunto 2.1.3: ' in md or "title: Objetivo conjunto 2.1.3: " in md


def test_generators_make_one_page_per_item_and_language():
    all_pages = pages.all_pages(FW)
    assert len(all_pages) == 2 * (3 + 11 + 26)
    assert "en/objectives/2.1.3.md" in all_pages and "es/objectives/2.1.3.md" in all_pages
    assert "es/areas/3.4.md" in all_pages and "en/goals/3.md" in all_pages


def test_sync_writes_changed_files_only_and_removes_stale_ones(tmp_path):
    docs = tmp_path / "docs"
    all_pages = pages.all_pages(FW)
    assert pages.sync(docs, all_pages) == (80, 0)
    stamp = (docs / "en/objectives/2.1.3.md").stat().st_mtime_ns
    assert pages.sync(docs, all_pages) == (0, 0)  # unchanged: nothing rewritten (no serve loop)
    assert (docs / "en/objectives/2.1.3.md").stat().st_mtime_ns == stamp
    fewer = {k: v for k, v in all_pages.items() if "2.1.3" not in k}
    assert pages.sync(docs, fewer) == (0, 2)
    assert not (docs / "en/objectives/2.1.3.md").exists()


def test_dates_are_written_in_each_language():
    assert i18n.long_date("2022-01-31", "en") == "January 31, 2022"
    assert i18n.long_date("2022-01-31", "es") == "31 de enero de 2022"


def test_ui_strings_exist_in_both_languages():
    assert set(i18n.UI["en"]) == set(i18n.UI["es"])


def _md_via_stash(md_text: str) -> str:
    """What the build does to an item page: raw HTML set aside, Markdown, raw HTML put back."""
    body, blocks = verbatim.stash(md_text.split("---\n", 2)[-1])
    return verbatim.restore(markdown.markdown(body, extensions=["attr_list", "md_in_html", "admonition", "toc"]),
                            blocks)


def _normal(html: str) -> str:
    return "\n".join(line for line in html.splitlines() if line.strip())


@pytest.mark.parametrize("kind", ["goal", "area", "objective"])
def test_setting_raw_html_aside_gives_the_same_html_as_markdown(kind):
    goal, area, obj = list(FW.objectives())[5]
    md = {"goal": itempages.goal_page(FW, goal, "es"), "area": itempages.area_page(FW, goal, area, "en"),
          "objective": itempages.objective_page(FW, goal, area, obj, "en", None, obj)}[kind]
    assert _normal(_md_via_stash(md)) == _normal(to_html(md))
    assert "bf-verbatim" not in _md_via_stash(md)


@pytest.mark.parametrize("payload", PAYLOADS + ["two\n# lines { #top }", "para\n\n<b>graph</b>", "x\n\n- item"])
def test_data_with_newlines_never_becomes_a_heading_or_markup(payload):
    goal, area, obj = next(FW.objectives())
    evil_area = dataclasses.replace(area, title=Text(en=payload, es=payload))
    evil = dataclasses.replace(obj, text=Text(en=payload, es=payload))
    for md in (itempages.objective_page(FW, goal, evil_area, evil, "en", None, None),
               itempages.area_page(FW, goal, evil_area, "en")):
        soup = BeautifulSoup(_md_via_stash(md), "html.parser")
        assert not soup.find_all(["script", "img", "strong", "em", "code", "ol", "b"]) or \
            all(tag.get("class") == ["bf-id"] for tag in soup.find_all("strong"))
        assert [h.get("id") for h in soup.find_all(["h1", "h2", "h3"])] == \
            [h.get("id") for h in BeautifulSoup(to_html(md), "html.parser").find_all(["h1", "h2", "h3"])]
        assert len(soup.find_all("h1")) == 1 and soup.find("h1")["id"] == "top"
    lead = BeautifulSoup(_md_via_stash(itempages.objective_page(FW, goal, area, evil, "en", None, None)),
                         "html.parser").select_one(".bf-lead")
    assert lead.get_text() == payload.replace("\n", " ")
