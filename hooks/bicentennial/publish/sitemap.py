"""The sitemap search engines read: ``sitemap.xml`` (and ``sitemap.xml.gz``) at the site root.

It lists every page with ``xhtml:link`` alternates for each language and
``x-default``; ``robots.txt`` names it (hosting_files.py).

There is one, at the root. Material's JavaScript asks for a ``sitemap.xml``
beside every ``<link rel="alternate">`` of the page on screen; the site used to
write one into every page folder so those requests did not end in 404 (8,000
files and 9 MB at 100×). bf-search-on-use.js now answers them in the browser
without a request (it says why), so none is written.

The output is stable from build to build: no dates, entries in URL order,
and a gzip file without a timestamp.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from bicentennial import DEFAULT_LANG, LANGS
from bicentennial.publish.page_info import PageInfo

_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
         '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
         'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n')


def entry(info: PageInfo) -> str:
    lines = [f"  <url>\n    <loc>{escape(info.absolute())}</loc>\n"]
    codes = [code for code in LANGS if code in info.alternates]
    if DEFAULT_LANG in info.alternates:
        codes.append("x-default")
    for code in codes:
        href = info.absolute(info.alternates[DEFAULT_LANG if code == "x-default" else code])
        lines.append(f'    <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(href)}/>\n')
    lines.append("  </url>\n")
    return "".join(lines)


def document(infos: Iterable[PageInfo]) -> str:
    return _HEAD + "".join(entry(i) for i in sorted(infos, key=lambda i: i.url)) + "</urlset>\n"


def files(infos: Iterable[PageInfo]) -> dict[str, str]:
    """Site-relative path → sitemap text: the root one, listing every page."""
    return {"sitemap.xml": document(infos)}


def write(site_dir: Path, infos: Iterable[PageInfo]) -> list[Path]:
    written = []
    for rel, text in files(infos).items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    gz = site_dir / "sitemap.xml.gz"
    gz.write_bytes(gzip.compress((site_dir / "sitemap.xml").read_bytes(), mtime=0))
    written.append(gz)
    return written
