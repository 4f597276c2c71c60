"""Addresses of item pages, absolute and relative, for HTML that Markdown does not rewrite.

Raw HTML blocks (tables, SVG, citation boxes) are left alone by MkDocs, so
their links must already be final URLs: relative to the page that shows them,
or absolute (site_url + path) where a reader copies them elsewhere.
"""

from __future__ import annotations

from bicentennial import LANGS


def lang_prefix(lang: str) -> str:
    """'en' → '', 'es' → 'es/': where a language's pages start, site-relative."""
    return "" if lang == LANGS[0] else f"{lang}/"


def item_path(kind: str, id_: str, lang: str) -> str:
    """'objective', '2.1.3', 'es' → 'es/objectives/2.1.3/' (site-relative)."""
    return f"{lang_prefix(lang)}{kind}s/{id_}/"


def url_root(url: str) -> str:
    """From the page at site-relative `url` to the site root: 'es/objectives/2.1.3/' → '../../../', '' → ''
    (use_directory_urls)."""
    return "../" * url.count("/")


def relative(url: str, target: str) -> str:
    """Site-relative `target` (e.g. 'es/about/') as a link from the page at `url`."""
    return url_root(url) + target or "./"


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def lang_root(src_uri: str) -> str:
    """Relative URL from the page built from `src_uri` to its language's home page.

    'en/index.md' → '', 'es/index.md' → '', 'en/data.md' → '../', 'es/data.md' → '../'
    (use_directory_urls: every page but index.md is a folder of its own).
    """
    rest = src_uri.split("/", 1)[1]
    return "../" * (rest.count("/") + (0 if rest.rsplit("/", 1)[-1] == "index.md" else 1))


def site_root(src_uri: str) -> str:
    """Relative path from the page built from `src_uri` to the site root: its language root, one more up for es.

    'en/index.md' → '', 'es/index.md' → '../', 'en/data.md' → '../', 'es/data.md' → '../../'.
    """
    return lang_root(src_uri) + ("" if src_uri.split("/", 1)[0] == LANGS[0] else "../")
