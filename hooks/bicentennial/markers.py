"""Expand data markers in hand-written pages, e.g. ``<!-- bf:overview -->``.

Hand-written pages keep their prose in docs/<lang>/ and pull the framework's
text from the data with a marker on a line of its own, so the text still lives
in one place only.
"""

from __future__ import annotations

import re

from . import render, staff
from .model import Framework

_MARKER = re.compile(r"^<!-- bf:([a-z-]+) -->$", re.M)


class MarkerError(ValueError):
    pass


def _renderers():
    return {
        "introduction": lambda fw, lang, base: render.introduction(fw, lang),
        "overview": render.overview,
        "source": lambda fw, lang, base: render.source_block(fw, lang),
    }


def expand(markdown: str, fw: Framework, lang: str, src_uri: str, site_url: str = "") -> str:
    # Links in the generated Markdown are relative to the language root.
    depth = src_uri.count("/") - 1  # "en/index.md" → 0, "en/about.md" → 0
    base = "../" * max(depth, 0)
    table = {**_renderers(), **staff.renderers(src_uri, site_url)}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in table:
            raise MarkerError(f"unknown marker <!-- bf:{name} -->; known: {', '.join(sorted(table))}")
        return table[name](fw, lang, base)

    return _MARKER.sub(replace, markdown)
