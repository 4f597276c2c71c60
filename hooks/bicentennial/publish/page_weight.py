"""Keep what a first visit downloads small (issue 7, measured by ``make bench``).

Four changes to each page's final HTML:

- Material's ``palette.css`` holds only its named colours and the dark
  ("slate") scheme. The site uses the default scheme with its own colours
  (bf.css) and has no colour toggle, so the link is dropped; it is kept on
  any page that does use a named colour, the slate scheme or a toggle.
- ``assets/javascripts/bf-search-on-use.js`` is loaded just before Material's
  bundle: it holds the search index and the search worker until the reader
  uses search, instead of fetching them on every page load.
- The script tags from there to the end of the body (that file, the bundle,
  bf.js, bf-keys.js) become one small deferred loader,
  ``assets/javascripts/bf-boot.js``, whose ``data-bf-scripts`` attribute lists
  their URLs in order. As tags, even deferred ones, Chromium's preload scanner
  fetched them (40 KB gzip) while the page was still waiting for its style
  sheets, before the first paint; the loader fetches them after the first
  paint and runs them in the same order, then gives Material's bundle the
  DOMContentLoaded it starts on (bf-boot.js says how). If the tail holds any
  other kind of script, its scripts are only deferred, as before.
- The indentation Material's templates leave (a sixth of an item page,
  23 MB of output at 100×) and the blank lines between tags (4 MB) are removed, except inside
  the elements that show whitespace (pre, code, kbd, textarea) or run it
  (script, style). At the start of a line it never shows.

Upstream contract (tests/contract/): Material links ``palette.<hash>.min.css``
and ends the body with ``<script src="…/assets/javascripts/bundle.<hash>.min.js">``.
If either appears in another form, ``lighten`` raises UpstreamChanged rather
than publish pages that fetch everything before the first paint.
"""

from __future__ import annotations

import re

from bicentennial.upstream import require

_PALETTE = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\s*')
_BODY = re.compile(r"<body\b[^>]*>")
_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
_ANY_SCRIPT = re.compile(r"<script\b", re.I)
_KEEP = re.compile(r"(<(pre|code|kbd|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")
_BLANK = re.compile(r">\n\n+<")  # blank lines between two tags (never in an attribute: its ">" is escaped)
WHERE = "hooks/bicentennial/publish/page_weight.py"


def squeeze(page: str) -> str:
    """Drop blank lines between tags and leading whitespace on each line outside pre, code, kbd, textarea, script and style."""
    parts = _KEEP.split(page)
    # split() yields: text, whole kept element, its tag name, text, ...
    return "".join(_BLANK.sub(">\n<", _INDENT.sub("\n", part)) if i % 3 == 0 else (part if i % 3 == 1 else "")
                   for i, part in enumerate(parts))


def _needs_palette(page: str) -> bool:
    body = _BODY.search(page)
    attrs = body.group(0) if body else ""
    named = re.search(r'data-md-color-(?:primary|accent)="(?!custom")[^"]+"', attrs)
    return bool(named) or 'data-md-color-scheme="slate"' in attrs or 'data-md-component="palette"' in page


def lighten(page: str) -> str:
    """Return `page` without indentation, palette.css dropped when unused, search loaded on use,
    and the end-of-body scripts fetched after the first paint.

    The search script and the loader sit beside Material's bundle (assets/javascripts/).
    """
    page = squeeze(page)
    if not _needs_palette(page):
        page, dropped = _PALETTE.subn("", page, count=1)
        require(dropped or "palette." not in page, "mkdocs-material",
                '<link rel="stylesheet" href="…assets/stylesheets/palette.<hash>.min.css">', WHERE)
    bundle = next((m for m in _SCRIPT.finditer(page) if _BUNDLE.search(m.group(1))), None)
    require(bundle is not None, "mkdocs-material",
            'every page to load <script src="…assets/javascripts/bundle.<hash>.min.js"></script>', WHERE)
    search = _BUNDLE.sub("assets/javascripts/bf-search-on-use.js", bundle.group(1))
    head, tail = page[:bundle.start()], page[bundle.start():]
    scripts = [m.group(1) for m in _SCRIPT.finditer(tail)]
    if len(scripts) != len(_ANY_SCRIPT.findall(tail)):  # an inline or module script would run out of order
        tail = _SCRIPT.sub(r'<script src="\1" defer></script>', tail)
        return f'{head}<script src="{search}" defer></script>\n{tail}'
    boot = _BUNDLE.sub("assets/javascripts/bf-boot.js", bundle.group(1))
    urls = " ".join(url.replace(" ", "%20") for url in [search, *scripts])
    tail = _SCRIPT.sub("", tail)
    return f'{head}<script src="{boot}" data-bf-scripts="{urls}" defer></script>\n{tail}'
