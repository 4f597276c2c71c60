"""The side-by-side page: the whole framework, English and Spanish in aligned rows.

Staff compare the two wordings item by item, so the page is one table: a row
per part of the framework (name, introduction, every goal, area and
objective), one cell per language, each cell marked with its ``lang``. The
page's language comes first. Every row has the item's anchor (``goal-1``,
``area-2.1``, ``objective-2.1.3``), the address item pages link to. On a
phone, bf.css stacks the two cells of each row.
"""

from __future__ import annotations

import html

from bicentennial import LANGS
from bicentennial.content import paths
from bicentennial.content.ui import t
from bicentennial.data.model import Framework, Text


def item_link(kind: str, id_: str, lang: str) -> str:
    """HTML link from an item page (``objectives/2.1.3/``: two folders below the language root) to its row."""
    return (f'<p><a class="bf-sbs-link" href="../../side-by-side/#{kind}-{id_}">'
            f"{html.escape(t(lang, 'sbs_link'), quote=False)}</a></p>\n\n")


def _order(lang: str) -> list[str]:
    return [lang] + [code for code in LANGS if code != lang]


def _cell(lang: str, body: str) -> str:
    return f'<td lang="{lang}">{body}</td>'


def _row(anchor: str, cells: list[str]) -> str:
    kind = anchor.split("-")[0]
    return f'<tr id="{anchor}" class="bf-sbs__{kind}">{"".join(cells)}</tr>\n'


def _item_cell(root: str, kind: str, id_: str, lang: str, title: str, extra: str = "") -> str:
    href = html.escape(root + paths.item_path(kind, id_, lang))
    head = f'<a href="{href}"><span class="bf-sbs__id">{html.escape(t(lang, kind))} {id_}</span></a>'
    body = f'<p class="bf-sbs__item">{head}<br>{html.escape(title)}</p>'
    if extra:
        body += f"<p>{html.escape(extra)}</p>"
    return _cell(lang, body)


def _text_row(anchor: str, text: Text, order: list[str], label: dict[str, str] | None = None) -> str:
    cells = []
    for lang in order:
        lead = f'<span class="bf-sbs__id">{html.escape(label[lang])}</span><br>' if label else ""
        cells.append(_cell(lang, f"<p>{lead}{html.escape(text[lang])}</p>"))
    return _row(anchor, cells)


def side_by_side(fw: Framework, lang: str, root: str) -> str:
    """The table, for a page in `lang` whose relative path to the site root is `root`."""
    order = _order(lang)
    head = "".join(f'<th scope="col">{html.escape(t(lang, "sbs_col_" + code))}</th>' for code in order)
    rows = [_text_row("name", fw.title, order, label={c: t(c, "sbs_title") for c in order})]
    for n, para in enumerate(fw.introduction, 1):
        rows.append(_text_row(f"intro-{n}", para, order, label={c: t(c, "sbs_intro") for c in order} if n == 1 else None))
    rows.append(_text_row("lead-in", fw.lead_in, order))
    for goal in fw.goals:
        rows.append(_row(f"goal-{goal.id}", [_item_cell(root, "goal", goal.id, c, goal.title[c], goal.statement[c])
                                              for c in order]))
        for area in goal.areas:
            rows.append(_row(f"area-{area.id}", [_item_cell(root, "area", area.id, c, area.title[c]) for c in order]))
            for obj in area.objectives:
                rows.append(_row(f"objective-{obj.id}",
                                 [_item_cell(root, "objective", obj.id, c, obj.text[c]) for c in order]))
    return (f'<div class="bf-sbs-wrap">\n<table class="bf-sbs">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "".join(rows) + "</tbody>\n</table>\n</div>\n")
