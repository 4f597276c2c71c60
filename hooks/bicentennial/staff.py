"""Markers for the staff tools: citations, side by side, full text, diagram, downloads.

Unlike the markers in markers.py, these need the site's root (their links
are final, relative URLs) or, for citations, the site's absolute address;
markers.expand merges this table into its own.
"""

from __future__ import annotations

from . import cite, compare, diagram, downloads, fulltext, paths


def renderers(src_uri: str, site_url: str) -> dict:
    root = paths.site_root(src_uri)
    return {
        "cite": lambda fw, lang: cite.block(fw, src_uri, site_url),
        "side-by-side": lambda fw, lang: compare.side_by_side(fw, lang, root),
        "full-text": lambda fw, lang: fulltext.full_text(fw, lang, paths.lang_root(src_uri)),
        "diagram": lambda fw, lang: diagram.figure(fw, lang, root),
        "downloads": lambda fw, lang: downloads.listing(lang, root),
    }
