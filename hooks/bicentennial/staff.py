"""Markers for the staff tools: citations, side by side, full text, diagram, downloads.

Unlike the markers in markers.py, these need to know where the page is (their
raw-HTML links must be final, relative URLs) and, for citations, the site's
absolute address; markers.expand merges this table into its own.
"""

from __future__ import annotations

from . import cite, compare, diagram, downloads, fulltext, paths


def renderers(src_uri: str, site_url: str) -> dict:
    root = paths.site_root(src_uri)
    return {
        "cite": lambda fw, lang, base: cite.block(fw, src_uri, site_url),
        "side-by-side": lambda fw, lang, base: compare.side_by_side(fw, lang, root),
        "full-text": lambda fw, lang, base: fulltext.full_text(fw, lang, base),
        "diagram": lambda fw, lang, base: diagram.figure(fw, lang, root),
        "downloads": lambda fw, lang, base: downloads.listing(lang, root),
    }
