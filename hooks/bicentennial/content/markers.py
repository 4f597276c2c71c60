"""Expand data markers in pages, e.g. ``<!-- bf:overview -->``, and carry their HTML past Markdown.

Hand-written pages keep their prose in docs/<lang>/ and pull the framework's
text from the data with a marker on a line of its own, so the text still lives
in one place only. Every marker gives HTML with final links (blocks.py).

Python-Markdown would read that HTML tag by tag (its raw-HTML block parser is
pure Python) only to pass it through unchanged: at 100× the home, full-text
and side-by-side pages hold thousands of items, and that reading was a
seventh of the build (bench/). So ``expand`` puts a one-line placeholder
comment where each marker was and returns the HTML aside; ``restore`` puts
it back into the HTML Markdown made. The adapter then reads the page's
headings and IDs from the result (adapter/render_bypass.py), since Markdown's table of
contents never saw the headings the markers brought.
"""

from __future__ import annotations

import re

from bicentennial.content import blocks, paths
from bicentennial.data.model import Framework
from bicentennial.features import citations, downloads, full_text, report_links, side_by_side

_MARKER = re.compile(r"^<!-- bf:([a-z-]+) -->$", re.M)
_PLACEHOLDER = re.compile(r"<!--bf-held-(\d+)-->")


class MarkerError(ValueError):
    pass


def renderers(src_uri: str, site_url: str, repo: report_links.Repo | None = None) -> dict:
    """Every marker's name → a function (framework, language) → its HTML, for the page built from `src_uri`.

    Links are final and relative: to the page's language root (overview, full text) or to
    the site root (the features' links cross languages); citations also need the site's
    absolute address, and the report links the repository (none without one).
    """
    lang_root, site_root = paths.lang_root(src_uri), paths.site_root(src_uri)
    return {
        "introduction": lambda fw, lang: blocks.introduction(fw, lang),
        "overview": lambda fw, lang: blocks.overview(fw, lang, lang_root),
        "goal-cards": lambda fw, lang: blocks.goal_cards(fw, lang, lang_root),
        "source": lambda fw, lang: blocks.source_block(fw, lang),
        "cite": lambda fw, lang: citations.block(fw, src_uri, site_url),
        "side-by-side": lambda fw, lang: side_by_side.side_by_side(fw, lang, site_root),
        "full-text": lambda fw, lang: full_text.full_text(fw, lang, lang_root),
        "downloads": lambda fw, lang: downloads.listing(lang, site_root),
        "report": lambda fw, lang: report_links.block(repo, fw, src_uri, site_url),
    }


def expand(markdown: str, fw: Framework, lang: str, src_uri: str, site_url: str = "",
           repo: report_links.Repo | None = None) -> tuple[str, list[str]]:
    """(`markdown` with each marker replaced by a placeholder, the markers' HTML in order)."""
    table = renderers(src_uri, site_url, repo)
    held: list[str] = []

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in table:
            raise MarkerError(f"unknown marker <!-- bf:{name} -->; known: {', '.join(sorted(table))}")
        held.append(table[name](fw, lang))
        return f"<!--bf-held-{len(held) - 1}-->"

    return _MARKER.sub(replace, markdown), held


def restore(html: str, held: list[str]) -> str:
    """Put the markers' HTML back where Markdown left their placeholders."""
    if not held:
        return html
    return _PLACEHOLDER.sub(lambda m: held[int(m.group(1))], html)
