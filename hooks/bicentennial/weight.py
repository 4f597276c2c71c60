"""Keep what a first visit downloads small (issue 7, measured by ``make bench``).

Four changes to each page's final HTML:

- Material's ``palette.css`` holds only its named colours and the dark
  ("slate") scheme. The site uses the default scheme with its own colours
  (bf.css) and has no colour toggle, so the link is dropped; it is kept on
  any page that does use a named colour, the slate scheme or a toggle.
- ``assets/javascripts/bf-search-on-use.js`` is loaded just before Material's
  bundle: it holds the search index and the search worker until the reader
  uses search, instead of fetching them on every page load.
- The external scripts from there to the end of the body get ``defer``: they
  still run in the same order, before DOMContentLoaded (when Material's
  bundle starts) and before the load event, but the browser no longer waits
  for them before it paints (Chromium counted them as render-blocking: 40 KB).
- The indentation Material's templates leave at the start of each line (a
  sixth of an item page, 23 MB of output at 100×) is removed, except inside
  the elements that show whitespace (pre, code, kbd, textarea) or run it
  (script, style). At the start of a line it never shows.
"""

from __future__ import annotations

import re

_PALETTE = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\s*')
_BODY = re.compile(r"<body\b[^>]*>")
_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
_KEEP = re.compile(r"(<(pre|code|kbd|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")


def squeeze(page: str) -> str:
    """Drop leading whitespace on each line outside pre, code, kbd, textarea, script and style."""
    parts = _KEEP.split(page)
    # split() yields: text, whole kept element, its tag name, text, ...
    return "".join(_INDENT.sub("\n", part) if i % 3 == 0 else (part if i % 3 == 1 else "")
                   for i, part in enumerate(parts))


def _needs_palette(page: str) -> bool:
    body = _BODY.search(page)
    attrs = body.group(0) if body else ""
    named = re.search(r'data-md-color-(?:primary|accent)="(?!custom")[^"]+"', attrs)
    return bool(named) or 'data-md-color-scheme="slate"' in attrs or 'data-md-component="palette"' in page


def lighten(page: str) -> str:
    """Return `page` without indentation, palette.css dropped when unused, search loaded on use,
    and the end-of-body scripts deferred.

    The search script sits beside Material's bundle (assets/javascripts/);
    pages without the bundle are left as they are.
    """
    page = squeeze(page)
    if not _needs_palette(page):
        page = _PALETTE.sub("", page, count=1)
    bundle = next((m for m in _SCRIPT.finditer(page) if _BUNDLE.search(m.group(1))), None)
    if bundle is None:
        return page
    url = _BUNDLE.sub("assets/javascripts/bf-search-on-use.js", bundle.group(1))
    tail = _SCRIPT.sub(r'<script src="\1" defer></script>', page[bundle.start():])
    return f'{page[:bundle.start()]}<script src="{url}" defer></script>\n{tail}'
