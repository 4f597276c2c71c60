"""The "page not found" page, in each language, for any address.

GitHub Pages answers every missing address with the site's one root
``404.html``, at whatever depth the address had. So:

- ``404.html`` (English) and ``es/404.html`` (Spanish) are Material's 404
  page of each language pass (captured by the adapter, since static-i18n's
  last pass overwrites the root one), with our content: what happened, a
  link to that language's home page and a search form (Material opens its
  search for ``?q=``). All their links are absolute paths under the site's
  sub-path, which MkDocs already does for 404 pages; the language switcher
  points at the two home pages (it kept the last built page's addresses).
- Their head loses the per-page alternates (there is no page to alternate)
  and says ``noindex``. It loads ``bf-notfound.js``: on the root page under
  ``<root>es/`` that script sends the reader to ``es/404.html``, which puts
  the address they asked for back in the address bar. Without JavaScript
  the reader gets the English page, with a link to the Spanish home page.
- Each also says it in the other languages, with a link to their home page,
  in a block marked ``bf-nojs-only`` (and ``lang``): shown without JavaScript
  (and by text browsers), by bf-nojs.css, which only a browser without
  JavaScript fetches; hidden when scripts run, where the reader already gets
  their language's page alone.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from bicentennial import DEFAULT_LANG, LANGS
from bicentennial.content.ui import t
from bicentennial.publish import no_script
from bicentennial.upstream import require

SCRIPT = "assets/javascripts/bf-notfound.js"

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_SWITCH = re.compile(r'<a href="[^"]*" hreflang="([a-z]{2})" class="md-select__link">')
_VIEWPORT = re.compile(r'<meta name="viewport" content="[^"]*">\n')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_CONTENT = "<h1>404 - Not found</h1>"
WHERE = "hooks/bicentennial/publish/not_found.py"


def root_path(site_url: str) -> str:
    """'https://owner.github.io/repo/' → '/repo/'."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def home(lang: str, root: str) -> str:
    return root if lang == DEFAULT_LANG else f"{root}{lang}/"


def content(lang: str, root: str) -> str:
    e = html.escape
    url = e(home(lang, root))
    return (f'<h1>{e(t(lang, "not_found"))}</h1>\n'
            f'<p>{e(t(lang, "not_found_text"))}</p>\n'
            f'<p><a href="{url}">{e(t(lang, "not_found_home"))}</a></p>\n'
            f'<form class="bf-notfound-search" action="{url}" method="get" role="search">\n'
            f'<label for="bf-notfound-q">{e(t(lang, "not_found_search"))}</label>\n'
            f'<input type="search" id="bf-notfound-q" name="q" required>\n'
            f'<button type="submit" class="md-button md-button--primary">{e(t(lang, "not_found_submit"))}</button>\n'
            f'</form>'
            + "".join(_other(code, root) for code in LANGS if code != lang))


def _other(lang: str, root: str) -> str:
    """The same news in another language, for readers without JavaScript."""
    e = html.escape
    return (f'\n<div class="bf-nojs-only" lang="{lang}">\n<h2>{e(t(lang, "not_found"))}</h2>\n'
            f'<p>{e(t(lang, "not_found_text"))}</p>\n'
            f'<p><a href="{e(home(lang, root))}" hreflang="{lang}">{e(t(lang, "not_found_home"))}</a></p>\n</div>')


def page(material_404: str, lang: str, root: str) -> str:
    """Material's 404 output for `lang` → the published 404 page."""
    require(_CONTENT in material_404 and bool(_VIEWPORT.search(material_404)), "mkdocs-material",
            f"its 404 page to hold {_CONTENT} and a viewport <meta>", WHERE)
    require(bool(_SWITCH.search(material_404)), "mkdocs-material",
            'language switcher links <a href="…" hreflang="xx" class="md-select__link"> on the 404 page', WHERE)
    out = material_404.replace(_CONTENT, content(lang, root), 1)
    out = _ALTERNATE.sub("", out)
    out = _SWITCH.sub(lambda m: f'<a href="{html.escape(home(m.group(1), root))}" hreflang="{m.group(1)}" '
                                f'class="md-select__link">', out)
    out = _TITLE.sub(lambda m: f"<title>{html.escape(t(lang, 'not_found'))} - {m.group(1)}</title>", out, 1)
    others = " ".join(code for code in LANGS if code != DEFAULT_LANG)
    extra = ('      <meta name="robots" content="noindex">\n'
             f'      <script src="{html.escape(root + SCRIPT)}" data-bf-root="{html.escape(root)}" '
             f'data-bf-langs="{others}"></script>\n'
             f'      {no_script.tag(html.escape(root))}')
    return _VIEWPORT.sub(lambda m: m.group(0) + extra, out, 1)


def write(site_dir: Path, material_404s: dict[str, str], site_url: str) -> list[Path]:
    """Write 404.html (default language) and <lang>/404.html for the others."""
    root = root_path(site_url)
    written = []
    for lang in LANGS:
        require(lang in material_404s, "mkdocs-static-i18n",
                f"each language's pass to render Material's 404.html (none for {lang!r})", WHERE)
        path = site_dir / ("404.html" if lang == DEFAULT_LANG else f"{lang}/404.html")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(material_404s[lang], lang, root), encoding="utf-8")
        written.append(path)
    return written
