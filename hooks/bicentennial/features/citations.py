"""Ready-made citations for one goal, cooperation area or joint objective.

Staff quote single items in memos and reports, in either language, so every
item page carries two citations: one in the page's language and one in the
other, each with the item's ID and title, the framework's official name in
that language (the Spanish one names the source by its English title, with
the site's rendering in brackets: no Spanish publication of it is known), the
source's publisher and date, the item's permanent address and an "accessed
on" date. The date is the reader's, so the page ships a
placeholder ("[date]") that overrides/assets/javascripts/bf.js replaces; the
citation stays readable and correct (minus the date) without JavaScript.

The marker ``<!-- bf:cite -->`` (placed by ``section``) is expanded with the
site's address, which generated Markdown must not contain: it is the same
file for every build, whatever SITE_URL is.
"""

from __future__ import annotations

import html

from bicentennial import LANGS
from bicentennial.content import paths
from bicentennial.content.blocks import heading
from bicentennial.content.ui import long_date, t
from bicentennial.data.model import Framework

KINDS = {"goals": "goal", "areas": "area", "objectives": "objective"}


def section(kind: str, lang: str) -> str:
    """The citation section of an item page (heading, intro, marker); `kind` is goal, area or objective.

    Out of search: it repeats the item's text (found on the page's own entry) and holds the other
    language's citation, which put Spanish words in the English index and the other way round.
    """
    intro = html.escape(t(lang, "cite_intro"), quote=False)
    return heading(2, "cite", html.escape(t(lang, "cite_" + kind), quote=False), searchable=False) + \
        f"<p>{intro}</p>\n\n<!-- bf:cite -->\n\n"


_table: list = [None, {}]  # (framework, {(kind, id): text}): a scan per page was quadratic (bench/)


def _texts(fw: Framework) -> dict:
    if _table[0] is not fw:
        texts = {("goal", g.id): g.title for g in fw.goals}
        texts.update({("area", a.id): a.title for _, a in fw.areas()})
        texts.update({("objective", o.id): o.text for _, _, o in fw.objectives()})
        _table[:] = [fw, texts]
    return _table[1]


def item(fw: Framework, kind: str, id_: str) -> tuple[str, str, dict]:
    """(kind, id, text by language) of the goal, area or objective `id_`."""
    found = _texts(fw).get((kind if kind in ("goal", "area") else "objective", id_))
    if found is None:
        raise KeyError(f"no {kind} {id_!r} in the framework")
    return kind, id_, {lang: found[lang] for lang in LANGS}


def page_url(site_url: str, kind: str, id_: str, lang: str) -> str:
    """The absolute, canonical address of an item page in one language."""
    return paths.absolute(site_url, paths.item_path(kind, id_, lang))


def _fields(fw: Framework, kind: str, id_: str, lang: str, site_url: str) -> dict[str, str]:
    _, _, texts = item(fw, kind, id_)
    text = texts[lang].strip()
    if lang == "es":
        text = text.rstrip(".")  # Spanish puts the period after the closing »
    elif text[-1:] not in ".?!":
        text += "."  # English puts it inside the closing ”
    return {
        "label": f"{t(lang, kind)} {id_}", "text": text, "framework": fw.title[lang],
        "publisher": fw.source.publisher[lang], "date": long_date(fw.source.date, lang),
        # The source's title as published (English) and, for a translation, the site's rendering of it.
        "source": fw.source.title["en"], "rendering": fw.source.title[lang],
        "url": page_url(site_url, kind, id_, lang),
    }


def text(fw: Framework, kind: str, id_: str, lang: str, site_url: str, accessed: str | None = None) -> str:
    """The citation as plain text, with `accessed` (default: the placeholder) as the date."""
    fields = _fields(fw, kind, id_, lang, site_url)
    return t(lang, "cite_format", accessed=accessed or t(lang, "date_placeholder"), **fields)


def citation_html(fw: Framework, kind: str, id_: str, lang: str, page_lang: str, site_url: str) -> str:
    # Newlines as spaces (the same on screen): data never starts a line of an item page (adapter/render_bypass.py reads headings by line).
    fields = {k: html.escape(v).replace("\n", " ") for k, v in _fields(fw, kind, id_, lang, site_url).items()}
    fields["url"] = f'<a href="{fields["url"]}">{fields["url"]}</a>'
    if lang != "en":
        fields["source"] = f'<span lang="en">{fields["source"]}</span>'
    date = f'<span class="bf-accessed" data-bf-accessed>{html.escape(t(lang, "date_placeholder"))}</span>'
    body = t(lang, "cite_format", accessed=date, **fields)
    box = f"bf-cite-{lang}"
    return (
        f'<div class="bf-cite">\n'
        f'<p class="bf-cite__label" id="{box}-label">{html.escape(t(page_lang, "cite_label_" + lang))}</p>\n'
        f'<blockquote class="bf-cite__text" id="{box}" lang="{lang}"><p>{body}</p></blockquote>\n'
        f'<p class="bf-cite__actions"><button type="button" class="md-button bf-copy" data-bf-copy="{box}" '
        f'data-bf-done="cite" hidden>{html.escape(t(page_lang, "copy_cite_" + lang))}</button></p>\n'
        f"</div>\n"
    )


def from_src_uri(src_uri: str) -> tuple[str, str, str]:
    """'es/objectives/2.1.3.md' → ('es', 'objective', '2.1.3')."""
    lang, folder, name = src_uri.split("/")
    return lang, KINDS[folder], name.removesuffix(".md")


def block(fw: Framework, src_uri: str, site_url: str) -> str:
    """Both citations for the item page `src_uri`, the page's language first."""
    page_lang, kind, id_ = from_src_uri(src_uri)
    order = [page_lang] + [lang for lang in LANGS if lang != page_lang]
    inner = "".join(citation_html(fw, kind, id_, lang, page_lang, site_url) for lang in order)
    return f'<div class="bf-cites">\n{inner}</div>\n'
