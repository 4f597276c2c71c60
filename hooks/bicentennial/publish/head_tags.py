"""Head tags that let search engines and link previews find and share a page.

Material writes relative ``<link rel="alternate">`` tags (static-i18n's
per-page switcher links) and a description that falls back to the site's. Search engines want absolute ``hreflang`` alternates for
every language plus ``x-default``, an absolute canonical URL and a
description of the page itself; link previews (Open Graph) want a title,
description, URL, locale and site name in the page's language, and the
page's preview card (features/cards.py) with its size and a description of
it in the page's language (``twitter:card`` asks for the large picture).

``apply()`` removes Material's alternates, canonical and description and
writes the full set, with every attribute value escaped, just before
``<title>``. It is a plain string step on Material's known head markup.

Upstream contract (tests/contract/): Material's head has a ``<title>`` and
writes those tags in exactly the forms matched below. If it wrote one in
another form, the page would carry two canonicals or two sets of
alternates; ``apply`` raises UpstreamChanged instead.
"""

from __future__ import annotations

import html
import re

from bicentennial import DEFAULT_LANG, LANGS
from bicentennial.features.cards import HEIGHT, WIDTH
from bicentennial.publish.page_info import PageInfo
from bicentennial.upstream import require

# Open Graph locales: the site's English is U.S. English, its Spanish follows Mexico's SRE.
OG_LOCALE = {"en": "en_US", "es": "es_MX"}

_REPLACED = re.compile(  # the indentation matched once, not once per kind of tag: a third of the time (bench/)
    r'[ \t]*<(?:link rel="alternate" href="[^"]*" hreflang="[^"]*">'
    r'|link rel="canonical" href="[^"]*">'
    r'|meta name="description" content="[^"]*">)\n?'
)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
_TITLE = re.compile(r"[ \t]*<title>")
_TITLE_TEXT = re.compile(r"<title>([^<]*)</title>")
_LEFT_OVER = re.compile(r'<link\b[^>]*\brel="(?:canonical|alternate)"[^>]*\bhreflang=|<link\b[^>]*\brel="canonical"'
                        r'|<meta\b[^>]*\bname="description"', re.I)
WHERE = "hooks/bicentennial/publish/head_tags.py"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def tags(info: PageInfo, site_name: str, description: str, title: str = "") -> list[str]:
    """The head tags for one page, as HTML strings (values escaped)."""
    canonical = info.absolute()
    out = [f'<link rel="canonical" href="{_attr(canonical)}">']
    for code in LANGS:
        if code in info.alternates:
            href = info.absolute(info.alternates[code])
            out.append(f'<link rel="alternate" hreflang="{code}" href="{_attr(href)}">')
    if DEFAULT_LANG in info.alternates:
        href = info.absolute(info.alternates[DEFAULT_LANG])
        out.append(f'<link rel="alternate" hreflang="x-default" href="{_attr(href)}">')
    out.append(f'<meta name="description" content="{_attr(description)}">')
    og = {
        "og:type": "website",
        "og:site_name": site_name,
        "og:title": title or info.title or site_name,
        "og:description": description,
        "og:url": canonical,
        "og:locale": OG_LOCALE.get(info.lang, info.lang),
    }
    out += [f'<meta property="{key}" content="{_attr(value)}">' for key, value in og.items()]
    out += [f'<meta property="og:locale:alternate" content="{OG_LOCALE.get(code, code)}">'
            for code in LANGS if code != info.lang and code in info.alternates]
    if info.image:
        image = {"og:image": info.absolute(info.image), "og:image:type": "image/png",
                 "og:image:width": str(WIDTH), "og:image:height": str(HEIGHT), "og:image:alt": info.image_alt}
        out += [f'<meta property="{key}" content="{_attr(value)}">' for key, value in image.items()]
        out.append('<meta name="twitter:card" content="summary_large_image">')
    return out


def apply(page_html: str, info: PageInfo, site_name: str) -> str:
    """Return `page_html` with its discovery and sharing tags replaced."""
    title = _TITLE.search(page_html)
    head_end = page_html.find("</head>")
    require(title is not None and head_end >= 0 and title.start() < head_end, "mkdocs-material",
            f"a <title> in the <head> of every page (not in {info.url or 'the home page'})", WHERE)
    head, body = page_html[:head_end], page_html[head_end:]
    found = _DESCRIPTION.search(head)
    # Material's own description already falls back to the site's, in the page's language.
    description = info.description or (html.unescape(found.group(1)) if found else "") or site_name
    # The title Material shows (front matter `title`, else the nav title), without the site name.
    shown = _TITLE_TEXT.search(head)
    page_title = html.unescape(shown.group(1)).strip() if shown else ""
    page_title = page_title.removesuffix(f" - {site_name}") if page_title != site_name else ""
    head = _REPLACED.sub("", head)
    require(not _LEFT_OVER.search(head), "mkdocs-material",
            'its canonical, alternate and description tags in the forms <link rel="canonical" href="…">, '
            '<link rel="alternate" href="…" hreflang="…"> and <meta name="description" content="…">', WHERE)
    title = _TITLE.search(head)
    indent = "      "
    block = "".join(f"{indent}{tag}\n" for tag in tags(info, site_name, description, page_title))
    return head[:title.start()] + block + head[title.start():] + body
