"""The frame every page gets around its text: who publishes it, what it is, and what it sounds like.

Run on each page's final HTML (publish/steps.py), the same for hand-written
pages and generated item pages, so no page kind can miss it:

- the identity banner above the header ("Independent reference site — not a
  U.S. or Mexican government website · About"), in the page's language,
  inside Material's (otherwise empty) announce slot;
- the landmarks named in the page's language (main, footer, the banner's
  aside; the header is named in overrides/partials/header.html);
- under the page's h1: the source line (publisher · date of the text), the
  actions row where bf.js puts "Copy link" (a reserved slot, so nothing
  moves: CLS), and on Spanish pages the notice that the text is an
  unofficial translation, with a link to the same page in English;
- each h2–h6 with an ID wrapped in ``<div class="bf-h">``, where bf.js puts
  the section's copy-link button *after* the heading, not inside it: a
  heading's accessible name is then its text alone (issue 17).
"""

from __future__ import annotations

import html
import re

from bicentennial.content.paths import lang_prefix, relative
from bicentennial.content.ui import long_date, t
from bicentennial.publish.page_info import PageInfo

_ANNOUNCE = re.compile(r'(<div data-md-component="announce">)\s*(</div>)')
_MAIN = '<main class="md-main" data-md-component="main">'
_FOOTER = '<footer class="md-footer">'
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)
_H1_END = re.compile(r"</h1>")
_SECTION_HEADING = re.compile(r'<h([2-6]) id="[^"]*"[^>]*>.*?</h\1>', re.S)


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def banner(info: PageInfo) -> str:
    about = relative(info.url, lang_prefix(info.lang) + "about/")
    return (f'<aside class="bf-banner" aria-label="{_e(t(info.lang, "banner_label"))}">'
            f'<p class="bf-banner__inner md-grid">{_e(t(info.lang, "banner"))} '
            f'<span aria-hidden="true">·</span> <a href="{_e(about)}">{_e(t(info.lang, "about"))}</a></p></aside>')


def under_title(info: PageInfo) -> str:
    """Source line, actions row, and (Spanish) the unofficial-translation notice, for under the h1."""
    out = ""
    if info.publisher:
        line = t(info.lang, "source_line", publisher=info.publisher, date=long_date(info.published, info.lang))
        out += f'\n<p class="bf-source-line">{_e(line)}</p>'
    out += '\n<div class="bf-actions" data-bf-actions></div>'
    if t(info.lang, "unofficial_text") and "en" in info.alternates:
        english = relative(info.url, info.alternates["en"])
        out += (f'\n<div class="bf-notice" role="note"><p><strong>{_e(t(info.lang, "unofficial_title"))}</strong> '
                f'{_e(t(info.lang, "unofficial_text"))} '
                f'<a href="{_e(english)}" hreflang="en">{_e(t(info.lang, "unofficial_link"))}</a></p></div>')
    return out


def _article(body: str, info: PageInfo) -> str:
    body = _H1_END.sub(lambda m: m.group(0) + under_title(info), body, count=1)
    return _SECTION_HEADING.sub(lambda m: f'<div class="bf-h">{m.group(0)}</div>', body)


def apply(page: str, info: PageInfo) -> str:
    """The page with its banner, named landmarks, under-title rows and wrapped section headings."""
    lang = info.lang
    page = _ANNOUNCE.sub(lambda m: m.group(1) + banner(info) + m.group(2), page, count=1)
    page = page.replace(_MAIN, _MAIN[:-1] + f' aria-label="{_e(t(lang, "main_label"))}">', 1)
    page = page.replace(_FOOTER, _FOOTER[:-1] + f' aria-label="{_e(t(lang, "footer_label"))}">', 1)
    return _ARTICLE.sub(lambda m: _article(m.group(0), info), page, count=1)
