"""Markup, apart from text: what elements and attributes a page is made of, and where two pages differ.

For the tests that put hostile text into the data (tests/unit/test_every_field.py,
tests/build/test_every_field_build.py): a page made from hostile text must be
made of exactly the elements and attributes of the same page made from a
harmless text of the same shape; only text (and the values of attributes that
hold text to read) may differ.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

# Attributes whose value is text meant to be read (a description, a name), not markup or a link:
# their values may differ between the hostile and the harmless page; their presence may not.
TEXT_ATTRS = {"content", "title", "aria-label", "alt"}


def harmless(text: str) -> str:
    """Text of the same shape: every character a letter except white space, hyphens and sentence ends.

    The same words of the same lengths, so the same line breaks where a page wraps text (the diagram).
    """
    return re.sub(r"[^\s.?!-]", "q", text)


class Reader(HTMLParser):
    """What a page is made of: its tags in order, and the text a reader sees (HTML's parser, entities decoded)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        # Attribute values too, except those of TEXT_ATTRS (which count among the texts); a repeated
        # attribute stays repeated. A "report a problem" link carries the item's text, encoded, in its
        # query (features/report_links.py): that query counts among the texts too.
        attrs = [(k, v) for k, v in attrs]
        for i, (k, v) in enumerate(attrs):
            if k == "href" and v and "/issues/new?" in v:
                base, query = v.split("?", 1)
                attrs[i] = (k, base + "?")
                self.texts.append(unquote(query))
        self.tags.append((tag, tuple(sorted((k, "" if k in TEXT_ATTRS else v or "") for k, v in attrs))))
        self.texts += [v for k, v in attrs if k in TEXT_ATTRS and v]

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag,))

    def handle_data(self, data):
        self.texts.append(data)


def skeleton(html: str) -> list[tuple]:
    """Every start and end tag in order, with its attributes (values too, except those of TEXT_ATTRS)."""
    return Reader(html).tags


_TOKENS = re.compile(r"(<[^>]*>)")


def difference(html: str, calm: str) -> str | None:
    """Where `html` has other markup than `calm` (None if only text and TEXT_ATTRS values differ).

    The same as comparing the skeletons of the whole pages, but fast enough for every field and
    payload: both are cut at every `<...>`, and only tags that differ as strings are parsed. Text
    between tags holds no `<`, so it cannot start an element; a page with one more tag has more cuts.
    """
    a, b = _TOKENS.split(html), _TOKENS.split(calm)
    for i in range(1, min(len(a), len(b)), 2):
        if a[i] != b[i] and skeleton(a[i]) != skeleton(b[i]):
            return f"{a[i][:160]!r} where the harmless text gives {b[i][:160]!r}"
    if len(a) != len(b):
        return f"{(len(a) - len(b)) // 2:+d} tags, first {a[len(b)][:160] if len(a) > len(b) else ''!r}"
    return None


def shown(html: str, value: str) -> bool:
    """Is `value` on the page as text a reader sees (or in a text attribute), literally, lines joined?"""
    reader = Reader(html)
    flat = " ".join(value.split())
    return flat in " ".join("".join(reader.texts).split()) or any(flat in " ".join(t.split()) for t in reader.texts)
