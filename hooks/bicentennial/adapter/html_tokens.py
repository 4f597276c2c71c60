"""A fast stand-in for ``html.parser.HTMLParser.feed`` on the HTML MkDocs writes.

Material's search plugin indexes a page by feeding its content to a
subclass of the standard library's HTMLParser, whose tokenizer is pure
Python: at 100× (8,000 pages) it was the largest single cost of the build
(bench/: 22 of 97 profiled seconds). ``feed(handler, html)`` finds the same
tokens with one regular expression and calls the same handler methods, in
the same order, with the same arguments as HTMLParser does with
``convert_charrefs=True``:

- ``handle_starttag(tag, attrs)``: tag and attribute names lower-cased,
  values unquoted and entity-decoded, ``None`` for a bare attribute; a
  self-closing tag (``<br/>``) calls ``handle_starttag`` then
  ``handle_endtag``, as HTMLParser's default ``handle_startendtag`` does;
- ``handle_endtag(tag)``;
- ``handle_data(text)``: every run of text between two tags, entity-decoded;
  the content of ``script`` and ``style`` as it is written (raw text);
- comments, doctypes and processing instructions are dropped (the handlers
  that would receive them do nothing in the search plugin).

It is only for well-formed HTML such as Python-Markdown and this site write;
tests/unit/test_search.py checks that the search plugin's entries come out
identical, byte for byte, for every page of a built site.
"""

from __future__ import annotations

import re
from html import unescape

_TOKEN = re.compile(
    r"<!--.*?-->"                                   # comment
    r"|<[!?][^>]*>"                                 # doctype, processing instruction
    r"|<(script|style)\b([^>]*)>(.*?)</\1\s*>"      # raw-text element: 1 tag, 2 attributes, 3 text
    r"|</([a-zA-Z][^\s/>]*)\s*>"                    # end tag: 4
    r"|<([a-zA-Z][^\s/>]*)"                         # start tag: 5 name,
    r"((?:\s+[^\s/>\"'=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)"  # 6 attributes,
    r"\s*(/?)>",                                    # 7 self-closing
    re.S | re.I,
)
_ATTR = re.compile(r"([^\s/>\"'=]+)(\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?")


def attrs(text: str) -> list[tuple[str, str | None]]:
    """Attributes as HTMLParser gives them: [(lower-case name, decoded value or None)]."""
    if not text:
        return []
    # findall: (name, "=value" or "", double-quoted, single-quoted, bare); only one value group is non-empty.
    return [(name.lower(), (unescape(dq + sq + bare) if "&" in dq + sq + bare else dq + sq + bare) if eq else None)
            for name, eq, dq, sq, bare in _ATTR.findall(text)]


def feed(handler, html: str) -> None:
    """Call `handler`'s handle_starttag / handle_endtag / handle_data for `html`, as HTMLParser.feed would."""
    start, end, data = handler.handle_starttag, handler.handle_endtag, handler.handle_data
    pos = 0
    for match in _TOKEN.finditer(html):
        if match.start() > pos:
            text = html[pos:match.start()]
            data(unescape(text) if "&" in text else text)
        pos = match.end()
        raw_tag, end_tag, start_tag = match.group(1, 4, 5)
        if start_tag:
            tag = start_tag.lower()
            start(tag, attrs(match.group(6)))
            if match.group(7):
                end(tag)
        elif end_tag:
            end(end_tag.lower())
        elif raw_tag:
            tag = raw_tag.lower()
            start(tag, attrs(match.group(2)))
            if match.group(3):
                data(match.group(3))
            end(tag)
    if pos < len(html):
        text = html[pos:]
        data(unescape(text) if "&" in text else text)
