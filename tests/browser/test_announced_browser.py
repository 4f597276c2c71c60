"""What a screen reader announces (issue 17), from the accessibility tree Chromium builds.

For the home, goal, area and objective pages in both languages, Playwright's
``aria_snapshot()`` of the body must show: headings named by their own text
(no copy-link label inside them), levels h1 → h2 → h3 without gaps,
landmarks named in the page's language, and no landmark or list announced
twice in a row. On a phone, the closed search dialog is not in the tree at
all, and its opener says what it opens.

The snapshots of objective 2.1.3 are kept as reviewed reference files in
snapshots/ (the reader's "accessed" date in the citations is replaced by a
placeholder, the test server's address by https://site.example/). After a deliberate change, regenerate them with
``BF_UPDATE_SNAPSHOTS=1`` and review the diff like any other change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from bicentennial.content.ui import UI
from support.browser import goto

pytestmark = pytest.mark.browser

SNAPSHOTS = Path(__file__).parent / "snapshots"
KINDS = {"home": "", "goal": "goals/2/", "area": "areas/2.2/", "objective": "objectives/2.1.3/"}
LANDMARKS = ("banner", "navigation", "main", "contentinfo", "complementary", "region", "search", "form")
_HEADING = re.compile(r'heading "((?:[^"\\]|\\.)*)" \[level=(\d)\]')
_LANDMARK = re.compile(r"^\s*- '?(" + "|".join(LANDMARKS) + r')\b(?: "((?:[^"\\]|\\.)*)")?', re.M)


def _snapshot(page, url: str) -> str:
    # A reader who has chosen a language (bf-browse.js): the language offer, which depends on the
    # browser's languages, is not part of what the page itself sounds like.
    page.add_init_script("localStorage.setItem('bf-language-chosen', '1')")
    goto(page, url)
    return page.locator("body").aria_snapshot()


def _visible_headings(page) -> list[tuple[str, int]]:
    return page.evaluate("""() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        .filter((h) => h.checkVisibility())
        .map((h) => [h.innerText.replace(/\\s+/g, ' ').trim(), +h.tagName[1]])""")


def _unescape(name: str) -> str:
    return name.replace('\\"', '"').replace("\\\\", "\\")


def _twice_in_a_row(node) -> list[str]:
    """Landmarks or lists whose next sibling in the tree is the same thing again."""
    found = []
    if isinstance(node, dict):
        for value in node.values():
            found += _twice_in_a_row(value)
    elif isinstance(node, list):
        for a, b in zip(node, node[1:]):
            key = next(iter(a)) if isinstance(a, dict) else str(a)
            if key.split(" ")[0].strip("'") in (*LANDMARKS, "list") and a == b:
                found.append(key)
        for item in node:
            found += _twice_in_a_row(item)
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_what_each_page_kind_sounds_like(server, page, kind, lang):
    snap = _snapshot(page, server + ("" if lang == "en" else "es/") + KINDS[kind])
    where = f"{kind} ({lang})"
    # Headings are named by their text, in the order and at the levels the page shows.
    announced = [(_unescape(name), int(level)) for name, level in _HEADING.findall(snap)]
    assert announced == [tuple(h) for h in _visible_headings(page)], where
    levels = [level for _, level in announced]
    assert levels[0] == 1 and levels.count(1) == 1, where
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"{where}: a heading level skipped: {levels}"
    # Landmarks are named, in the page's language.
    landmarks = _LANDMARK.findall(snap)
    roles = {role for role, _ in landmarks}
    assert {"banner", "navigation", "main", "contentinfo"} <= roles, where
    unnamed = [role for role, name in landmarks if not name and role != "form"]
    assert not unnamed, f"{where}: landmarks without a name: {unnamed}"
    ui = UI[lang]
    for role, label in (("banner", "header_label"), ("main", "main_label"), ("contentinfo", "footer_label"),
                        ("complementary", "banner_label")):
        assert (role, ui[label]) in landmarks, f"{where}: {role} not named {ui[label]!r}"
    if lang == "es":
        english = {name for _, name in _LANDMARK.findall(_snapshot(page, server + KINDS[kind]))}
        assert not [name for _, name in landmarks if name in english and name], f"{where}: English landmark names"
    # Nothing is announced twice in a row.
    assert not _twice_in_a_row(yaml.safe_load(snap)), where


def _normalized(snap: str, server: str) -> str:
    # The citations end with the reader's own date ("accessed November 30, 2026"), filled in by bf.js,
    # and give the page's absolute address, on the test server's port.
    # The "report a problem" link carries that address percent-encoded in its query.
    snap = re.sub(r"\((accessed|consultado el) [^)]*\)", r"(\1 [date])", snap)
    snap = snap.replace(quote(server, safe=""), quote("https://site.example/", safe=""))
    return snap.replace(server, "https://site.example/") + "\n"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_objective_2_1_3_sounds_as_reviewed(server, page, lang):
    snap = _normalized(_snapshot(page, server + ("" if lang == "en" else "es/") + "objectives/2.1.3/"), server)
    reference = SNAPSHOTS / f"objective-2.1.3.{lang}.aria.yml"
    if os.environ.get("BF_UPDATE_SNAPSHOTS"):
        reference.write_text(snap, encoding="utf-8")
    assert snap == reference.read_text(encoding="utf-8"), (
        f"what objective 2.1.3 ({lang}) sounds like changed; if on purpose, rerun with BF_UPDATE_SNAPSHOTS=1 "
        f"and review the diff of {reference.relative_to(Path.cwd()) if reference.is_relative_to(Path.cwd()) else reference}")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_phone_the_closed_search_is_silent_and_its_opener_says_what_it_opens(server, browser, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        snap = _snapshot(page, server + ("" if lang == "en" else "es/") + "objectives/2.1.3/")
        search = "Search" if lang == "en" else "Buscar"
        assert "dialog" not in snap and "textbox" not in snap, snap
        opener = page.locator(".bf-header-button[data-bf-for=__search]")
        assert opener.get_attribute("aria-label") == search
        assert opener.get_attribute("aria-haspopup") == "dialog" and opener.get_attribute("aria-expanded") == "false"
        opener.click()
        page.locator(".md-search__input").wait_for(state="visible")
        snap = page.locator("body").aria_snapshot()
        assert f'dialog "{search}"' in snap and "textbox" in snap
        assert opener.get_attribute("aria-expanded") == "true"
    finally:
        context.close()
