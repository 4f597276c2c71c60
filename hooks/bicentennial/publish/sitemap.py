"""Sitemaps: the one search engines read, and the small ones Material fetches.

- ``sitemap.xml`` (and ``sitemap.xml.gz``) at the site root lists every page
  with ``xhtml:link`` alternates for each language and ``x-default``.
- Material's JavaScript fetches ``sitemap.xml`` *beside every*
  ``<link rel="alternate">`` of the page on screen, to map pages between
  languages. The alternates are per page (``…/objectives/2.1.3/`` and
  ``…/es/objectives/2.1.3/``), so each page folder gets a sitemap too, and
  ``es/sitemap.xml`` lists the Spanish pages; otherwise every page view would
  make two requests that end in 404. A sitemap may only list addresses in its
  own folder and below, so each of those lists just what lies under it.

The output is stable from build to build: no dates, entries in URL order,
and a gzip file without a timestamp.
"""

from __future__ import annotations

import bisect
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
    """Site-relative path → sitemap text, for the root and every page folder."""
    infos = sorted(infos, key=lambda i: i.url)
    urls = [i.url for i in infos]
    out = {"sitemap.xml": document(infos)}
    for n, info in enumerate(infos):
        if info.url:
            # Everything under this folder: for "es/" that is every Spanish page. In URL order
            # they follow it in one run, found by bisection (a scan per page was quadratic: bench/).
            end = bisect.bisect_left(urls, info.url + "\U0010ffff", lo=n)
            out[f"{info.url}sitemap.xml"] = document(infos[n:end])
    return out


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
