"""Rendering: page Markdown is complete, linked, and shows data text literally."""

from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from bicentennial.adapter import render_bypass
from bicentennial.content import blocks, item_pages, page_files, ui
from bicentennial.data import framework
from bicentennial.data.model import Text
from support.site import ROOT

FW = framework.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![x](data:text/html,hi)",
    "**bold** _it_ `code` # heading",
    "1. not a list",
]


def item_html(md_text: str) -> str:
    """An item page's content as the build makes it: the file's body, which is HTML (render_bypass.py)."""
    return render_bypass.content(md_text.split("---\n", 2)[-1])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_data_text_is_shown_literally_never_run(payload):
    goal, area, obj = next(FW.objectives())
    evil = dataclasses.replace(obj, text=Text(en=payload, es=payload))
    html = item_html(item_pages.objective_page(FW, goal, area, evil, "en", None, None))
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "img", "em", "code", "ol"])
    assert all(tag.get("class") == ["bf-id"] for tag in soup.find_all("strong"))  # the siblings' IDs only
    for tag in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag
        for attr in ("href", "src"):
            assert not str(tag.get(attr, "")).startswith(("javascript:", "data:")), tag
    # The reader sees exactly the characters of the data: the objective's words are the page's h1.
    assert soup.find("h1").get_text() == payload


def test_objective_page_links_its_area_goal_neighbours_and_source():
    items = list(FW.objectives())
    i = next(n for n, (_, _, o) in enumerate(items) if o.id == "2.1.3")
    goal, area, obj = items[i]
    md = item_pages.objective_page(FW, goal, area, obj, "es", items[i - 1][2], items[i + 1][2])
    # Raw HTML, so final URLs relative to es/objectives/2.1.3/ (use_directory_urls).
    assert 'href="../../goals/2/"' in md and 'href="../../areas/2.1/"' in md
    assert 'href="../2.1.2/" rel="prev"' in md and 'href="../2.1.4/" rel="next"' in md
    assert 'href="../../side-by-side/#objective-2.1.3"' in md and 'href="../../">Inicio</a>' in md
    assert FW.source.url in md
    assert "Objetivo conjunto 2.1.3" in md and "Objetivo anterior" in md
    assert "Traducción no oficial" in md
    assert "title: 'Objetivo conjunto 2.1.3: " in md or 'title: "Objetivo conjunto 2.1.3: ' in md or "title: Objetivo conjunto 2.1.3: " in md


def test_source_line_quotes_the_english_title_and_gives_the_rendering_in_brackets():
    # No Spanish publication of the summary is known: the Spanish line must not present our rendering as its title.
    src = FW.source
    es = blocks.source_block(FW, "es")
    publisher, title = blocks.text(src.publisher["es"]), blocks.text(src.title["en"])
    assert (f'Texto original: {publisher}, «<span lang="en">{title}</span>» '
            f'[{blocks.text(src.title["es"])}], 31 de enero de 2022.') in es
    en = blocks.source_block(FW, "en")
    assert f'Text: {blocks.text(src.publisher["en"])}, “{title}”, January 31, 2022.' in en
    assert "[" not in en and "<span" not in en


def test_generators_make_one_page_per_item_and_language():
    all_pages = page_files.all_pages(FW)
    assert len(all_pages) == 2 * (3 + 11 + 26)
    assert "en/objectives/2.1.3.md" in all_pages and "es/objectives/2.1.3.md" in all_pages
    assert "es/areas/3.4.md" in all_pages and "en/goals/3.md" in all_pages


def test_generated_files_hold_what_does_not_change_with_the_text():
    """The stub written under docs/ is the same after any text edit; the page's text is put back as YAML reads it."""
    import yaml
    obj = next(o for _, _, o in FW.objectives() if o.id == "2.1.3")  # a text edit, as a save under `mkdocs serve`
    new_obj = dataclasses.replace(obj, text=Text(en="Edited while serving.", es="Editado."))
    edited_pages = page_files.all_pages(_with_objective(FW, new_obj))
    assert "Edited while serving." in edited_pages["en/objectives/2.1.3.md"]
    for rel, page in page_files.all_pages(FW).items():
        meta, body = page_files.split(page)
        front = page[4:page.index("\n---\n", 3)]
        assert meta == yaml.safe_load(front) and body.strip() and not body.startswith("---")
        stub_body, stub_meta = get_data(page_files.stub(page))  # as MkDocs reads the file
        assert stub_meta == {k: meta[k] for k in page_files.STABLE_KEYS} and not stub_body.strip()
    for rel, page in edited_pages.items():
        assert page_files.stub(page) == page_files.stub(page_files.all_pages(FW)[rel])


def test_the_stubs_are_known_without_writing_any_page(monkeypatch):
    """The build writes the stubs before the fork and each page in its own language's process (page_files.ItemPages)."""
    stubs = page_files.all_pages(FW).stubs()
    assert stubs == {rel: page_files.stub(page) for rel, page in page_files.all_pages(FW).items()}

    def unwanted(*args, **kwargs):
        raise AssertionError("a page was written before it was read")

    for name in ("goal_page", "area_page", "objective_page"):
        monkeypatch.setattr(item_pages, name, unwanted)
    pages = page_files.all_pages(FW)
    assert pages.stubs() == stubs and len(pages) == len(stubs)
    with pytest.raises(AssertionError, match="before it was read"):
        pages["es/objectives/2.1.3.md"]


def _with_objective(fw, new_obj):
    goals = []
    for goal in fw.goals:
        areas = [dataclasses.replace(a, objectives=tuple(new_obj if o.id == new_obj.id else o for o in a.objectives))
                 for a in goal.areas]
        goals.append(dataclasses.replace(goal, areas=tuple(areas)))
    return dataclasses.replace(fw, goals=tuple(goals))


def test_sync_writes_changed_files_only_and_removes_stale_ones(tmp_path):
    docs = tmp_path / "docs"
    all_pages = page_files.all_pages(FW)
    assert page_files.sync(docs, all_pages) == (80, 0)
    stamp = (docs / "en/objectives/2.1.3.md").stat().st_mtime_ns
    assert page_files.sync(docs, all_pages) == (0, 0)  # unchanged: nothing rewritten (no serve loop)
    assert (docs / "en/objectives/2.1.3.md").stat().st_mtime_ns == stamp
    fewer = {k: v for k, v in all_pages.items() if "2.1.3" not in k}
    assert page_files.sync(docs, fewer) == (0, 2)
    assert not (docs / "en/objectives/2.1.3.md").exists()


def test_dates_are_written_in_each_language():
    assert ui.long_date("2022-01-31", "en") == "January 31, 2022"
    assert ui.long_date("2022-01-31", "es") == "31 de enero de 2022"


def test_ui_strings_exist_in_both_languages():
    assert set(ui.UI["en"]) == set(ui.UI["es"])


def _ids(tokens: list[dict]) -> list:
    return [(t["id"], _ids(t["children"])) if t["children"] else t["id"] for t in tokens]


def test_item_pages_give_mkdocs_a_nested_table_of_contents_and_their_anchors():
    goal = FW.goals[0]
    html = item_html(item_pages.goal_page(FW, goal, "en"))
    tokens = render_bypass.toc_tokens(html)
    areas = [f"area-{a.id}" for a in goal.areas]
    assert _ids(tokens) == [("top", [("areas", areas), "cite", "source"])]
    first = tokens[0]["children"][0]["children"][0]
    # As Python-Markdown's toc extension: name is the text (tags stripped), html the inner HTML.
    assert first["level"] == 3 and first["name"] == f"Cooperation Area {goal.areas[0].id}: {goal.areas[0].title['en']}"
    assert f'<a href="../../areas/{goal.areas[0].id}/">' in first["html"]
    assert {"top", "areas", "cite", "source", *areas} <= render_bypass.anchor_ids(html)
    goal, area, obj = next(FW.objectives())
    html = item_html(item_pages.objective_page(FW, goal, area, obj, "es", None, None))
    assert _ids(render_bypass.toc_tokens(html)) == [("top", ["context", "siblings", "cite", "source"])]
    # The h1 is the objective's own words; the caption above it gives its kind and number.
    assert render_bypass.toc_tokens(html)[0]["name"] == blocks.text(obj.text["es"])
    assert f'<p class="bf-caption">Objetivo conjunto {obj.id}</p>\n<h1 id="top">' in html
    assert "\n\n" not in html  # printed as Markdown prints HTML blocks: one per line


def test_a_heading_name_keeps_entities_as_markdown_does():
    html = blocks.heading(2, "x", "Tom &amp; <em>Jerry</em>  &lt;3")
    assert render_bypass.toc_tokens(html)[0]["name"] == "Tom &amp; Jerry &lt;3"


@pytest.mark.parametrize("payload", PAYLOADS + ["two\n# lines { #top }", "para\n\n<b>graph</b>", "x\n\n- item",
                                     'a\n<h2 id="evil">b</h2>', "</h1>\n<h1 id=\"x\">"])
def test_data_with_newlines_never_becomes_a_heading_or_markup(payload):
    goal, area, obj = next(FW.objectives())
    evil_area = dataclasses.replace(area, title=Text(en=payload, es=payload))
    evil = dataclasses.replace(obj, text=Text(en=payload, es=payload))
    for md, ids in ((item_pages.objective_page(FW, goal, evil_area, evil, "en", None, None),
                     ["context", "siblings", "cite", "source"]),
                    (item_pages.area_page(FW, goal, evil_area, "en"), ["context", "objectives", "cite", "source"])):
        html = item_html(md)
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find_all(["script", "img", "em", "code", "ol", "b"]) == []
        assert soup.find_all("strong") == []  # never from the data
        # the objective numbers are the page's own links (a.bf-id): the area page lists its objectives,
        # an objective page its siblings (the others of its area)
        numbers = soup.select("a.bf-id")
        assert len(numbers) == len(evil_area.objectives) - ("siblings" in ids)
        assert all(re.fullmatch(r"\d+\.\d+\.\d+", a.get_text()) for a in numbers)
        assert [h.get("id") for h in soup.find_all(["h1", "h2", "h3"])] == ["top", *ids]
        assert _ids(render_bypass.toc_tokens(html)) == [("top", ids)]
    title = BeautifulSoup(item_html(item_pages.objective_page(FW, goal, area, evil, "en", None, None)),
                          "html.parser").find("h1")
    assert title.get_text() == payload.replace("\n", " ")


@pytest.mark.parametrize("payload", PAYLOADS + ['two\n<h2 id="evil">lines</h2>'])
def test_marker_html_shows_data_literally_and_adds_no_heading(payload):
    from bicentennial.content import blocks, markers
    from bicentennial.features import full_text
    goal, area, obj = next(FW.objectives())
    evil_obj = dataclasses.replace(obj, text=Text(en=payload, es=payload))
    evil_area = dataclasses.replace(area, title=Text(en=payload, es=payload), objectives=(evil_obj,))
    evil_goal = dataclasses.replace(goal, areas=(evil_area,))
    fw = dataclasses.replace(FW, goals=(evil_goal,))
    heads = [f"goal-{goal.id}", f"area-{area.id}"]
    for html, ids in ((blocks.overview(fw, "en", "../"), heads), (full_text.full_text(fw, "es", ""), heads + ["source"])):
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find_all(["script", "img", "em", "code", "ol", "b"])
        assert [h["id"] for h in soup.find_all(["h2", "h3"])] == ids
        assert _ids(render_bypass.toc_tokens(html)) == [(heads[0], [heads[1]]), *ids[2:]]
        assert payload.replace("\n", " ") in soup.get_text()
    # Markers hold their HTML past Markdown and put it back unchanged.
    md, held = markers.expand("# T\n\n<!-- bf:overview -->\n\ntext\n", fw, "en", "en/index.md")
    assert "<!-- bf:" not in md and len(held) == 1 and 'href="objectives/' in held[0]
    assert markers.restore(md, held) == md.replace("<!--bf-held-0-->", held[0])
