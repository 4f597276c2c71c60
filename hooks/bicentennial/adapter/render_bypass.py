"""The Page.render bypass: what MkDocs needs from a page, read from its HTML instead of from Markdown.

Goal, area and objective pages (content/item_pages.py) are written as HTML, headings
included (``<h2 id="context">…</h2>``): there is nothing for Markdown to do,
yet running Python-Markdown on them was the largest part of a 100× build
(bench/: a Markdown instance per page, its tree and inline processors and
the table-of-contents extension, about 12 of 41 seconds for its 8,000 item
pages). The adapter skips Markdown for these pages (and, on other pages, for
the HTML of data markers: content/markers.py) and takes from here what
Markdown used to give MkDocs:

- ``content``: the HTML as Markdown printed it (blocks one per line, no blank
  lines between them);
- ``toc_tokens``: the headings, nested, in Python-Markdown's ``toc_tokens``
  shape (level, id, name = the heading's text with tags stripped and entities
  kept, html = its inner HTML), for the page's table of contents;
- ``anchor_ids``: every ``id`` on the page, which MkDocs uses to check links
  to ``page.md#anchor`` from other pages.

Headings are read from lines of their own, ``<hN id="…">…</hN>``, as
content/item_pages.py, content/blocks.py and Python-Markdown write them;
tests/unit/test_render.py checks the tables of contents this gives.

Upstream contract (tests/contract/): MkDocs renders each page by calling
``page.render(config, files)`` and then reads ``page.content``, ``page.toc``
and ``page.present_anchor_ids``. ``replace_render`` swaps that call for a
page; the adapter checks in ``on_page_content`` that the swap really ran.
"""

from __future__ import annotations

import re
from typing import Callable

from mkdocs.structure.toc import get_toc

_BLANK = re.compile(r"\n{2,}")
_HEADING = re.compile(r"^<h([1-6])(\s[^>]*)?>(.*)</h\1>$", re.M)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]*>")


def content(body: str) -> str:
    """The page body as Python-Markdown prints raw HTML blocks: one newline between blocks."""
    return _BLANK.sub("\n", body.strip("\n"))


def toc_tokens(html: str) -> list[dict]:
    """The headings of `html`, nested by level like Python-Markdown's toc extension does."""
    root: list[dict] = []
    stack: list[dict] = []
    for match in _HEADING.finditer(html):
        level, inner, id_ = int(match.group(1)), match.group(3), _ID.search(match.group(2) or "")
        if id_ is None:
            continue  # Markdown gives every heading an ID; a heading without one is not in the contents
        token = {"level": level, "id": id_.group(1), "name": " ".join(_TAG.sub("", inner).split()),
                 "html": inner, "data-toc-label": "", "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def anchor_ids(html: str) -> set[str]:
    """Every element ID on the page."""
    return set(_ID.findall(html))


def set_rendered(page, html: str) -> None:
    """Set what MkDocs' Page.render would have set, read from the page's final HTML."""
    page.content = html
    page.toc = get_toc(toc_tokens(html))
    page.present_anchor_ids = anchor_ids(html)


def replace_render(page, finish: Callable[[str], str], rendered: set[str]) -> None:
    """Render `page` from its body as HTML (`finish` applied), without Markdown; record it in `rendered`."""
    def render(config, files) -> None:
        set_rendered(page, finish(content(page.markdown)))
        rendered.add(page.file.src_uri)
    page.render = render
