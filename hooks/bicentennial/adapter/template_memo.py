"""Render a part of the page template once and reuse it on every page it is the same for.

Most of what Material's templates draw around the text does not change from
one goal, area or objective page to the next: the menu's own entries (Home,
Side by side, Full text, Data, About: none of them is the current page there),
the search dialog, the page's configuration for Material's scripts, and the
whole page around a few parts of its own. Only the links change, with the
page's depth (``base_url``). Rendering all of it anew for each of 8,000 pages
at 100× was most of the template time of a build (bench/, py-spy).

A template wraps such a part in ``{% call bf_memo(name, key...) %}…{% endcall %}``:
the first page renders it, the pages after it with the same name and key get
that HTML back. The key must hold everything the part depends on beyond the
language pass (each pass has its own Jinja environment, so its own memory;
``install`` gives it one); ``fill`` puts per-page values in afterwards, where
the part holds their placeholder (``bf_slot(name)``). A key of ``None``
renders the part every time (a page the part does depend on, such as a page
listed in the menu).

The largest part is the page itself: overrides/bf-item.html draws main.html
as a frame per language, depth and kind for the goal, area and objective
pages (the adapter names that template in their page.meta), and fills its
slots with the page's own parts.

``memo: false`` (``BF_MEMO=false``; the adapter passes ``enabled``) renders
every part on every page and draws item pages with main.html, as Material
alone does: tests/unit/test_template_memo.py builds the site both ways and
compares every file, and checks the mechanism itself.
"""

from __future__ import annotations

from typing import Callable

import jinja2

ITEM_TEMPLATE = "bf-item.html"  # goal, area and objective pages: main.html in a frame (overrides/bf-item.html)
_SLOT = "\ue000bf-slot:{}\ue000"  # a private-use character: never in the site's text or Material's markup


def slot(name: str) -> str:
    """The placeholder `fill` replaces."""
    return _SLOT.format(name)


class Memo:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.parts: dict[tuple, str] = {}
        self.rendered = 0  # how many parts were rendered, not reused (tests)

    def __call__(self, name: str, key, caller: Callable[[], str], fill: dict | None = None) -> str:
        if key is None or not self.enabled:
            html = str(caller())
        else:
            whole = (name, *key)
            try:
                html = self.parts[whole]
            except KeyError:
                html = self.parts[whole] = str(caller())
                self.rendered += 1
        for placeholder, value in (fill or {}).items():
            html = html.replace(slot(placeholder), str(value))
        return html


def toc_key(page, nav) -> tuple | None:
    """A key for a page's contents list (overrides/partials/toc.html): everything it reads of the page.

    Goal, area and objective pages of one kind mostly have the same section headings under their own
    title, so the same list.
    """
    def items(toc) -> tuple:
        return tuple((item.url, item.title, item.level, repr(getattr(item, "typeset", None)), items(item.children))
                     for item in toc)

    meta = page.meta or {}
    toc = [] if meta.get("bf_no_toc") else list(page.toc)
    if toc and toc[0].level == 1:  # as the template does: a leading h1 (the page's own title) lists its children
        toc = toc[0].children
    return (str(meta.get("bf_contents", "")), page in nav.pages, items(toc))


def install(env: jinja2.Environment, enabled: bool = True) -> jinja2.Environment:
    env.globals["bf_memo"] = Memo(enabled)
    env.globals["bf_slot"] = slot
    return env
