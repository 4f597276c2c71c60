"""Every translatable field, attacked: hostile text in the data never becomes markup on any page.

The validator (data/validate.py) refuses markup in the data; the pages must not
rely on it. So the model is changed directly (dataclasses.replace), past the
validator, one field at a time: each framework-level field, a goal's title and
statement, an area's title and an objective's text, in English and in Spanish,
each set to each hostile payload. Every page is then made as the build makes
it: the item pages from content/page_files.all_pages, with their data markers
expanded (citations), and the data markers of every hand-written page in
docs/<lang>/ (introduction, overview, diagram, source, side by side, full
text), plus the head tags that publish/head_tags.py writes from a page's
front matter.

The same is done with a harmless text of the same shape (every character a
letter, spaces and line breaks kept, so that text wraps the same in the
diagram). The two must give the same pages element for element and attribute
for attribute (only text and text-carrying attribute values may differ): no
element, attribute or link that the harmless text does not give. Every test
first checks that the field is shown at all, where it is expected.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from html import escape as html_escape

import pytest
import yaml

from bicentennial.adapter import render_bypass
from bicentennial.content import markers, page_files
from bicentennial.data import framework
from bicentennial.data.model import Text
from bicentennial.publish import head_tags
from bicentennial.publish.page_info import PageInfo
from support.markup import difference as markup_difference
from support.markup import harmless, shown, skeleton
from support.site import ROOT

FW = framework.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")
SITE_URL = "https://example.org/site/"
LANGS = ("en", "es")

PAYLOADS = {
    "script tag": "<script>alert(1)</script> and </p></div><script src=x></script>",
    "event handler": '<img src=x onerror="alert(1)"> x" onmouseover="alert(1)" y=\' onfocus=\'alert(1)',
    "javascript link": '<a href="javascript:alert(1)">click</a> javascript:alert(1)',
    "Markdown link": "[click](javascript:alert(1)) ![i](x.png) [home](https://evil.example/) <https://evil.example/>",
    "heading syntax": "# Heading { #top }\n## Second\n\nPara\n<h2 id=\"x\">H</h2>\n- item\u2028# YAML\x85bf_kind: x",
    "entities": "&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#60;i&#62; &quot;",
}

# Field → (where it is in the model, the pages that must show it). Representative items in the
# middle of the framework (goal 2, area 2.1, objective 2.1.3: they have neighbours on every side).
# Pages are the source files the build makes them from; "{lang}" is the field's language, "*" both.
ITEMS = ("goals/2", "areas/2.1", "areas/2.2", "objectives/2.1.1", "objectives/2.1.3", "objectives/2.2.1")
FIELDS = {
    "framework title": ("title", {"*/side-by-side", *(f"*/{i}" for i in ITEMS)}),  # in every citation
    "framework short title": ("short_title", set()),  # not shown on any page: only in the downloads
    "introduction paragraph": ("introduction.0", {"{lang}/index", "*/side-by-side", "{lang}/full-text"}),
    "lead-in": ("lead_in", {"{lang}/index", "*/side-by-side", "{lang}/full-text"}),
    "source publisher": ("source.publisher", {"{lang}/index", "{lang}/full-text", "{lang}/side-by-side",
                                              *(f"*/{i}" for i in ITEMS)}),
    "source title": ("source.title", {"{lang}/index", "{lang}/full-text", "{lang}/side-by-side",
                                      *(f"{{lang}}/{i}" for i in ITEMS)}),
    "goal title": ("goals.1.title", {"{lang}/index", "*/side-by-side", "{lang}/full-text", "*/goals/2",
                                     "{lang}/areas/2.1", "{lang}/objectives/2.1.3"}),
    "goal statement": ("goals.1.statement", {"{lang}/index", "*/side-by-side", "{lang}/full-text", "{lang}/goals/2"}),
    "area title": ("goals.1.areas.0.title", {"{lang}/index", "*/side-by-side", "{lang}/full-text", "{lang}/goals/2",
                                             "*/areas/2.1", "{lang}/objectives/2.1.3"}),
    "objective text": ("goals.1.areas.0.objectives.2.text", {"{lang}/index", "*/side-by-side", "{lang}/full-text",
                                                             "{lang}/goals/2", "{lang}/areas/2.1",
                                                             "*/objectives/2.1.3"}),
}
MATERIAL_HEAD = ('<html lang="{lang}"><head>\n<meta charset="utf-8">\n<meta name="description" content="Site">\n'
                 '<title>{title} - Site</title></head><body></body></html>')


def _set(obj, path: list[str], lang: str, value: str):
    """`obj` with the Text at `path` ("goals.1.title" → fw.goals[1].title) changed in `lang`."""
    if not path:
        assert isinstance(obj, Text)
        return dataclasses.replace(obj, **{lang: value})
    head, rest = path[0], path[1:]
    if head.isdigit():
        items = list(obj)
        items[int(head)] = _set(items[int(head)], rest, lang, value)
        return tuple(items)
    return dataclasses.replace(obj, **{head: _set(getattr(obj, head), rest, lang, value)})


def _split(source: str) -> tuple[dict, str]:
    """(front matter, body) of a page source."""
    _, front, body = source.split("---\n", 2)
    return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), body


@lru_cache(maxsize=None)
def hand_written() -> dict[str, str]:
    """Every hand-written page with a data marker: 'en/index' → its Markdown body."""
    out = {}
    for path in sorted((ROOT / "docs").glob("*/*.md")):
        body = _split(path.read_text(encoding="utf-8"))[1]
        if "<!-- bf:" in body:
            out[path.relative_to(ROOT / "docs").with_suffix("").as_posix()] = body
    assert {"en/index", "es/index", "en/side-by-side", "en/full-text"} <= set(out), sorted(out)
    return out


def pages(fw) -> dict[str, tuple[dict, str]]:
    """Page → (front matter, HTML) for every page that shows data, made as the build makes it."""
    out = {}
    for src, source in page_files.all_pages(fw).items():  # goals, areas, objectives: HTML already
        front, body = _split(source)
        lang = src.split("/")[0]
        held_md, held = markers.expand(body, fw, lang, src, SITE_URL)  # their citations
        html = markers.restore(render_bypass.content(held_md), held)
        info = PageInfo(lang=lang, url=src[:-3] + "/", neutral_url=src[3:-3] + "/", site_url=SITE_URL,
                        title=front["title"], description=front["description"],
                        alternates={code: f"{code}/{src[3:-3]}/" for code in LANGS})
        head = head_tags.apply(MATERIAL_HEAD.format(lang=lang, title=html_escape(front["title"])), info, "Site")
        out[src[:-3]] = (front, head + html)
    for src, body in hand_written().items():
        lang = src.split("/")[0]
        _, held = markers.expand(body, fw, lang, src + ".md", SITE_URL)
        out[src] = ({}, "\n".join(held))
    return out


def expected_pages(field: str, lang: str) -> set[str]:
    pages = {p.replace("{lang}", code).replace("*", code) for p in FIELDS[field][1]
             for code in (LANGS if p.startswith("*") else (lang,))}
    if field == "framework title" and lang != LANGS[0]:
        # The Spanish citation cites the English summary by its English title (no Spanish publication of it
        # exists, issue 13): the framework's Spanish name is shown in the side-by-side table only.
        pages = {p for p in pages if p.endswith("/side-by-side")}
    return pages


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_in_any_field_adds_no_element_or_attribute(field, lang, payload):
    path = FIELDS[field][0].split(".")
    hostile, calm = PAYLOADS[payload], harmless(PAYLOADS[payload])
    bad, good = pages(_set(FW, path, lang, hostile)), pages(_set(FW, path, lang, calm))
    assert set(bad) == set(good) and len(good) == len(page_files.all_pages(FW)) + len(hand_written())
    showing = {p for p in good if good[p] != bad[p]}
    assert expected_pages(field, lang) <= showing, f"{field} ({lang}) is not shown on {expected_pages(field, lang) - showing}"
    if not expected_pages(field, lang):
        assert showing == set(), f"{field} ({lang}) is shown on {sorted(showing)}: add those pages to FIELDS"
        return
    for page in sorted(showing):
        (front, html), (calm_front, calm_html) = bad[page], good[page]
        difference = markup_difference(html, calm_html)
        assert difference is None, f"{payload} in the {field} ({lang}) changed the markup of {page}: {difference}"
        assert front.keys() == calm_front.keys(), f"{page}: the front matter gained or lost keys"
        for key, value in front.items():  # front matter keeps the text as data: the same but for the field
            assert (value.replace(hostile, calm) if isinstance(value, str) else value) == calm_front[key], (page, key)
    # The reader sees exactly the characters of the data (newlines as spaces), at least on the smallest page.
    smallest = min(expected_pages(field, lang), key=lambda p: len(bad[p][1]))
    assert shown(bad[smallest][1], hostile), f"{payload} in the {field} ({lang}) is not shown literally on {smallest}"


def test_the_comparison_sees_one_added_element_or_attribute():
    """The skeleton check itself: what an unescaped payload would add is a difference."""
    assert shown("<p>a &lt;b&gt;\n  c</p>", "a <b> c") and not shown("<p>a <b>b</b></p>", "a <b>b</b>")
    assert markup_difference('<p title="x">a</p>', '<p title="y">b</p>') is None
    assert markup_difference('<p>&lt;i&gt;</p>', '<p>qqq</p>') is None
    assert markup_difference('<p><i>q</i></p>', '<p>qqq</p>') and markup_difference('<p>qqq</p>', '<p><i>q</i></p>')
    assert markup_difference('<meta content="x" onload="y">', '<meta content="qqqqqqqqqqq">')
    calm = '<p class="bf-lead">qqq</p><a href="../x/">y</a>'
    assert skeleton(calm) == skeleton('<p class="bf-lead">&lt;b&gt;</p><a href="../x/">z</a>')  # text only
    for changed in ('<p class="bf-lead"><b>q</b></p><a href="../x/">y</a>',            # an element
                    '<p class="bf-lead" onclick="x">qqq</p><a href="../x/">y</a>',     # an attribute
                    '<p class="bf-lead" class="x">qqq</p><a href="../x/">y</a>',       # the same one twice
                    '<p class="bf-lead">qqq</p><a href="javascript:x">y</a>',          # a link
                    '<p class="bf-lead">qqq</p></div><a href="../x/">y</a>'):          # an end tag
        assert skeleton(changed) != skeleton(calm), changed
