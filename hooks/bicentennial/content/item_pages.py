"""The pages of single goals, cooperation areas and joint objectives (8,000 of them at 100×).

Item pages are data, and Python-Markdown is slow on data (bench/: 64 s of a
140 s profiled 100× build when they were Markdown). So they are written as
HTML, headings included, and the build skips Markdown for them (the adapter
takes their content, table of contents and anchors from adapter/render_bypass.py):

- front matter (title, description, kind, ID, search boost) as on any page;
- data text ``html.escape``'d (shown literally, never run), with its
  newlines written as spaces, so data never starts a line (adapter/render_bypass.py reads
  each heading from a line of its own);
- links as final URLs relative to the page (use_directory_urls: the page
  ``objectives/2.1.3/`` reaches its area at ``../../areas/2.1/``). MkDocs
  does not check links in HTML; tests/build/test_build.py checks every one.

The HTML is the same, class for class and attribute for attribute, as the
Markdown version of these pages produced, so CSS, JS, search and the tests
see no change.
"""

from __future__ import annotations

import html

from bicentennial.content.blocks import (
    area_label,
    front_matter,
    goal_label,
    heading,
    objective_item,
    objective_label,
    source_block,
    text,
)
from bicentennial.content.menu import nearest, snippet
from bicentennial.content.ui import t
from bicentennial.data.model import Area, Framework, Goal, Objective
from bicentennial.features import citations, report_links, side_by_side
from bicentennial.translations.review import notice

_SEP = ' <span class="bf-sep" aria-hidden="true">›</span> '


def url(from_kind: str, kind: str, id_: str) -> str:
    """Final URL of an item page, relative to an item page of kind `from_kind` (e.g. objectives/2.1.3/)."""
    return f"../{id_}/" if from_kind == kind else f"../../{kind}s/{id_}/"


def crumbs(lang: str, *trail: tuple[str, str | None]) -> str:
    """Breadcrumbs: (label, URL or None for the current page); Home is the language root."""
    items = [f'<a href="../../">{text(t(lang, "home"))}</a>']
    for label, link in trail:
        items.append(f'<a href="{link}">{text(label)}</a>' if link else f'<span aria-current="page">{text(label)}</span>')
    return (f'<nav aria-label="{html.escape(t(lang, "breadcrumb"))}" class="bf-crumbs">\n'
            f"<p>{_SEP.join(items)}</p>\n</nav>\n\n")


def _objective_list(area: Area, lang: str, from_kind: str) -> str:
    return "<ul>\n" + "".join(objective_item(o, lang, url(from_kind, "objective", o.id)) for o in area.objectives) + "</ul>\n\n"


def _context(lang: str, from_kind: str, goal: Goal, area: Area | None = None) -> str:
    items = [f'<li>{text(goal_label(goal, lang))}: <a href="{url(from_kind, "goal", goal.id)}">'
             f"{text(goal.title[lang])}</a></li>\n"]
    if area is not None:
        items.append(f'<li>{text(area_label(area, lang))}: <a href="{url(from_kind, "area", area.id)}">'
                     f"{text(area.title[lang])}</a></li>\n")
    return heading(2, "context", text(t(lang, "context"))) + f"<ul>\n{''.join(items)}</ul>\n\n"


def _lead(value: str) -> str:
    return f'<p class="bf-lead">{text(value)}</p>\n\n'


def _title(caption: str, title: str) -> str:
    """The page's title: a small caption with the item's kind and number, then an h1 of its own words."""
    return f'<p class="bf-caption">{text(caption)}</p>\n\n' + heading(1, "top", text(title))


def _end(kind: str, id_: str, lang: str) -> str:
    return side_by_side.item_link(kind, id_, lang) + citations.section(kind, lang)


def goal_page(fw: Framework, goal: Goal, lang: str, under_review: bool = False) -> str:
    out = front_matter(title=f"{goal_label(goal, lang)}: {goal.title[lang]}", description=goal.statement[lang],
                       bf_kind="goal", bf_id=goal.id, search={"boost": 4})
    out += crumbs(lang, (goal_label(goal, lang), None))
    out += _title(goal_label(goal, lang), goal.title[lang])
    out += notice("goal", goal.id, lang) if under_review else ""
    out += _lead(goal.statement[lang])
    out += heading(2, "areas", text(t(lang, "in_goal")))
    for area in goal.areas:
        out += heading(3, f"area-{area.id}", f'{text(area_label(area, lang))}: '
                                              f'<a href="{url("goal", "area", area.id)}">{text(area.title[lang])}</a>')
        out += _objective_list(area, lang, "goal")
    return out + _end("goal", goal.id, lang) + source_block(fw, lang, searchable=False) + report_links.MARKER


def area_page(fw: Framework, goal: Goal, area: Area, lang: str, under_review: bool = False) -> str:
    out = front_matter(title=f"{area_label(area, lang)}: {area.title[lang]}",
                       description=f"{goal_label(goal, lang)}: {goal.title[lang]}. {area.title[lang]}.",
                       bf_kind="area", bf_id=area.id, search={"boost": 3})
    out += crumbs(lang, (goal_label(goal, lang), url("area", "goal", goal.id)), (area_label(area, lang), None))
    out += _title(area_label(area, lang), area.title[lang])
    out += notice("area", area.id, lang) if under_review else ""
    out += _context(lang, "area", goal)
    out += heading(2, "objectives", text(t(lang, "in_area"))) + _objective_list(area, lang, "area")
    return out + _end("area", area.id, lang) + source_block(fw, lang, searchable=False) + report_links.MARKER


def _siblings(lang: str, area: Area, obj: Objective) -> str:
    """The other objectives of the area (the nearest ones, capped as in the menu; then a link to the area page)."""
    if len(area.objectives) < 2:
        return ""
    index = next(i for i, o in enumerate(area.objectives) if o.id == obj.id)
    near, more = nearest(area.objectives, index)
    items = "".join(objective_item(o, lang, url("objective", "objective", o.id)) for o in near if o.id != obj.id)
    if more:
        items += (f'<li><a href="{url("objective", "area", area.id)}">'
                  f'{text(t(lang, "siblings_all", n=len(area.objectives)))}</a></li>\n')
    # Out of search: each text is indexed on its own page (at 100× the siblings added ~4 MB of index).
    return heading(2, "siblings", text(t(lang, "siblings"))) + f'<ul class="bf-siblings" data-search-exclude>\n{items}</ul>\n\n'


def _pager(lang: str, prev: Objective | None, next_: Objective | None) -> str:
    """Previous/next objective: direction, then the neighbour's kind, ID and the start of its text."""
    links = []
    for obj, rel, word in ((prev, "prev", "previous"), (next_, "next", "next")):
        if obj:
            links.append(f'<a class="bf-{rel}" href="{url("objective", "objective", obj.id)}" rel="{rel}">'
                         f'<span class="bf-dir">{text(t(lang, word))}</span> '
                         f'{text(objective_label(obj, lang))}: {text(snippet(obj.text[lang]))}</a>')
    body = f"<p>{' '.join(links)}</p>\n" if links else ""
    return f'<nav aria-label="{html.escape(t(lang, "pager"))}" class="bf-pager" data-search-exclude>\n{body}</nav>\n'


def objective_page(fw: Framework, goal: Goal, area: Area, obj: Objective, lang: str,
                   prev: Objective | None, next_: Objective | None, under_review: bool = False) -> str:
    out = front_matter(title=f"{objective_label(obj, lang)}: {obj.text[lang].rstrip('.')}", description=obj.text[lang],
                       bf_kind="objective", bf_id=obj.id, search={"boost": 2})
    out += crumbs(lang, (goal_label(goal, lang), url("objective", "goal", goal.id)),
                  (area_label(area, lang), url("objective", "area", area.id)), (objective_label(obj, lang), None))
    out += _title(objective_label(obj, lang), obj.text[lang])
    out += notice("objective", obj.id, lang) if under_review else ""
    out += _context(lang, "objective", goal, area) + _siblings(lang, area, obj)
    out += _end("objective", obj.id, lang) + source_block(fw, lang, searchable=False) + report_links.MARKER
    return out + _pager(lang, prev, next_)
