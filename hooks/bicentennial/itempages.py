"""The pages of single goals, cooperation areas and joint objectives (8,000 of them at 100×).

Item pages are mostly data, and Python-Markdown is slow on data: render.esc
backslash-escapes every character Markdown could read as syntax, so its
inline patterns ran over the whole text, and the ``markdown``-attribute
<nav> blocks went through md_in_html (bench/: 64 s of a 140 s profiled
100× build). So these pages are minimal Markdown:

- Markdown keeps the front matter and the headings (``## Title { #id }``),
  so the table of contents and the heading anchors work as on any page;
  data text in a heading is still ``render.esc``'d.
- Everything else is raw HTML blocks, which Python-Markdown passes through
  untouched: data text ``html.escape``'d (shown literally, never run), and
  links as final URLs relative to the page (use_directory_urls: the page
  ``objectives/2.1.3/`` reaches its area at ``../../areas/2.1/``), exactly
  what MkDocs wrote for the Markdown links these blocks replace. MkDocs does
  not check links inside raw HTML; tests/test_build.py checks every one.

The HTML is the same, class for class and attribute for attribute, as the
Markdown version produced, so CSS, JS, search and the tests see no change.
"""

from __future__ import annotations

import html

from . import cite, compare
from .i18n import long_date, t
from .model import Area, Framework, Goal, Objective
from .render import area_label, esc, front_matter, goal_label, objective_label

_SEP = ' <span class="bf-sep" aria-hidden="true">›</span> '


def _text(value: str) -> str:
    # A newline shows as a space in HTML; written as one, data never starts a line (verbatim.py).
    return html.escape(value, quote=False).replace("\n", " ")


def _head(value: str) -> str:
    """Data text inside a Markdown heading (one line)."""
    return esc(value.replace("\n", " "))


def url(from_kind: str, kind: str, id_: str) -> str:
    """Final URL of an item page, relative to an item page of kind `from_kind` (e.g. objectives/2.1.3/)."""
    return f"../{id_}/" if from_kind == kind else f"../../{kind}s/{id_}/"


def crumbs(lang: str, *trail: tuple[str, str | None]) -> str:
    """Breadcrumbs: (label, URL or None for the current page); Home is the language root."""
    items = [f'<a href="../../">{_text(t(lang, "home"))}</a>']
    for label, link in trail:
        items.append(f'<a href="{link}">{_text(label)}</a>' if link else f'<span aria-current="page">{_text(label)}</span>')
    return (f'<nav aria-label="{html.escape(t(lang, "breadcrumb"))}" class="bf-crumbs">\n'
            f"<p>{_SEP.join(items)}</p>\n</nav>\n\n")


def _objective_item(obj: Objective, lang: str, from_kind: str) -> str:
    return (f'<li><a href="{url(from_kind, "objective", obj.id)}"><strong class="bf-id">{obj.id}</strong> '
            f"{_text(obj.text[lang])}</a></li>\n")


def _objective_list(area: Area, lang: str, from_kind: str) -> str:
    return "<ul>\n" + "".join(_objective_item(o, lang, from_kind) for o in area.objectives) + "</ul>\n\n"


def _context(lang: str, from_kind: str, goal: Goal, area: Area | None = None) -> str:
    items = [f'<li>{_text(goal_label(goal, lang))}: <a href="{url(from_kind, "goal", goal.id)}">'
             f"{_text(goal.title[lang])}</a></li>\n"]
    if area is not None:
        items.append(f'<li>{_text(area_label(area, lang))}: <a href="{url(from_kind, "area", area.id)}">'
                     f"{_text(area.title[lang])}</a></li>\n")
    return f"## {t(lang, 'context')} {{ #context }}\n\n<ul>\n{''.join(items)}</ul>\n\n"


def _lead(text: str) -> str:
    return f'<p class="bf-lead">{_text(text)}</p>\n\n'


def source(fw: Framework, lang: str) -> str:
    """The source section (heading, note, link to the original), as render.source_block shows it."""
    src = fw.source
    note = _text(t(lang, "source_note", publisher=src.publisher[lang], title=src.title[lang],
                   date=long_date(src.date, lang)))
    out = (f"## {t(lang, 'source')} {{ #source }}\n\n<p>{note} <a href=\"{html.escape(src.url)}\" hreflang=\"en\">"
           f"{_text(t(lang, 'original'))}</a></p>\n")
    if t(lang, "translation_note"):
        out += f'<p class="bf-unofficial">{_text(t(lang, "translation_note"))}</p>\n'
    return out + "\n"


def _end(kind: str, id_: str, lang: str) -> str:
    return compare.item_link(kind, id_, lang) + cite.section(kind, lang)


def goal_page(fw: Framework, goal: Goal, lang: str) -> str:
    out = front_matter(title=f"{goal_label(goal, lang)}: {goal.title[lang]}", description=goal.statement[lang],
                       bf_kind="goal", bf_id=goal.id, search={"boost": 4})
    out += crumbs(lang, (goal_label(goal, lang), None))
    out += f"# {goal_label(goal, lang)}: {_head(goal.title[lang])} {{ #top }}\n\n"
    out += _lead(goal.statement[lang])
    out += f"## {t(lang, 'in_goal')} {{ #areas }}\n\n"
    for area in goal.areas:
        out += f"### {area_label(area, lang)}: [{_head(area.title[lang])}](../areas/{area.id}.md) {{ #area-{area.id} }}\n\n"
        out += _objective_list(area, lang, "goal")
    return out + _end("goal", goal.id, lang) + source(fw, lang)


def area_page(fw: Framework, goal: Goal, area: Area, lang: str) -> str:
    out = front_matter(title=f"{area_label(area, lang)}: {area.title[lang]}",
                       description=f"{goal_label(goal, lang)}: {goal.title[lang]}. {area.title[lang]}.",
                       bf_kind="area", bf_id=area.id, search={"boost": 3})
    out += crumbs(lang, (goal_label(goal, lang), url("area", "goal", goal.id)), (area_label(area, lang), None))
    out += f"# {area_label(area, lang)}: {_head(area.title[lang])} {{ #top }}\n\n"
    out += _context(lang, "area", goal)
    out += f"## {t(lang, 'in_area')} {{ #objectives }}\n\n" + _objective_list(area, lang, "area")
    return out + _end("area", area.id, lang) + source(fw, lang)


def _pager(lang: str, prev: Objective | None, next_: Objective | None) -> str:
    links = []
    for obj, rel, word in ((prev, "prev", "previous"), (next_, "next", "next")):
        if obj:
            links.append(f'<a class="bf-{rel}" href="{url("objective", "objective", obj.id)}" rel="{rel}">'
                         f'<span class="bf-dir">{_text(t(lang, word))}</span> {obj.id}</a>')
    body = f"<p>{' '.join(links)}</p>\n" if links else ""
    return f'<nav aria-label="{html.escape(t(lang, "pager"))}" class="bf-pager">\n{body}</nav>\n'


def objective_page(fw: Framework, goal: Goal, area: Area, obj: Objective, lang: str,
                   prev: Objective | None, next_: Objective | None) -> str:
    out = front_matter(title=f"{objective_label(obj, lang)}: {obj.text[lang].rstrip('.')}", description=obj.text[lang],
                       bf_kind="objective", bf_id=obj.id, search={"boost": 2})
    out += crumbs(lang, (goal_label(goal, lang), url("objective", "goal", goal.id)),
                  (area_label(area, lang), url("objective", "area", area.id)), (objective_label(obj, lang), None))
    out += f"# {objective_label(obj, lang)} {{ #top }}\n\n"
    out += _lead(obj.text[lang]) + _context(lang, "objective", goal, area)
    out += _end("objective", obj.id, lang) + source(fw, lang)
    return out + _pager(lang, prev, next_)
