"""The framework in every page's menu: the current branch only, each level capped.

Material's sidebar (the drawer on phones) lists the site's five hand-written
pages. Listing every goal, area and objective there would put the whole
framework in every page: output quadratic in the number of items (the reason
item pages are ``not_in_nav``). So the menu is built here, per page, like
Material's ``navigation.prune`` would, and each level is capped as well:

- the goals (at most GOAL_CAP of them, those nearest the current goal, then a
  link to the home page, which lists them all);
- under the current page's goal, its cooperation areas (same cap, then a link
  to the goal page);
- under the current area, its objectives (same cap, then a link to the area page);
- the current page's entry carries ``aria-current="page"``.

A page's menu is therefore at most GOAL_CAP + 2 × CAP + 3 entries at any scale. The
HTML goes into overrides/partials/nav.html through the page's template context
(the adapter's on_page_context). Links are relative to the page (``root`` = the
relative URL of its language's home page).
"""

from __future__ import annotations

import html
from typing import Sequence, TypeVar

from bicentennial.content.blocks import text
from bicentennial.content.ui import t
from bicentennial.data.model import Framework

CAP = 12  # areas or objectives per level ("about a dozen")
# Goals: fewer, since every page lists them (the real framework has 3, all shown): at the 100×
# benchmark (300 goals) 12 of them cost ~5 MB over the site, a third of the 100× output budget left.
GOAL_CAP = 5
# Characters of an objective's text in the menu and the pager. An area's objectives often start
# alike: at 40, 2.1.2 to 2.1.5 all read "Fortalecer la supervisión y la…" in the drawer.
SNIPPET = 64

T = TypeVar("T")


def nearest(items: Sequence[T], index: int | None, cap: int = CAP) -> tuple[Sequence[T], bool]:
    """The `cap` items nearest items[index] (the first `cap` if index is None), and whether any were left out."""
    if len(items) <= cap:
        return items, False
    start = 0 if index is None else min(max(index - cap // 2, 0), len(items) - cap)
    return items[start:start + cap], True


def snippet(value: str, limit: int = SNIPPET) -> str:
    """The start of a text: whole words up to `limit` characters, then an ellipsis."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[:limit + 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


class Menu:
    """Where every item sits in the framework, read once; then each page's menu in constant time."""

    def __init__(self, fw: Framework):
        self.fw = fw
        self.where: dict[tuple[str, str], tuple[int, int | None, int | None]] = {}
        for g, goal in enumerate(fw.goals):
            self.where["goal", goal.id] = (g, None, None)
            for a, area in enumerate(goal.areas):
                self.where["area", area.id] = (g, a, None)
                for o, obj in enumerate(area.objectives):
                    self.where["objective", obj.id] = (g, a, o)

    def html(self, lang: str, kind: str, id_: str, root: str) -> str:
        """The menu's <li> entries for a page (kind/id_ of its item, or "" on hand-written pages)."""
        g, a, o = self.where.get((kind, id_), (None, None, None))
        goals, more = nearest(self.fw.goals, g, GOAL_CAP)
        out = []
        for goal in goals:
            current = kind == "goal" and goal.id == id_
            label = f"{t(lang, 'goal')} {goal.id}: {goal.title[lang]}"
            sub = self._areas(lang, kind, id_, root, goal, a, o) if g is not None and goal is self.fw.goals[g] else ""
            out.append(_entry(f"{root}goals/{goal.id}/", text(label), current, sub))
        if more:
            out.append(_entry(root, text(t(lang, "menu_all_goals", n=len(self.fw.goals))), False, "", "bf-menu__more"))
        return "".join(out)

    def _areas(self, lang, kind, id_, root, goal, a, o) -> str:
        areas, more = nearest(goal.areas, a)
        out = []
        for area in areas:
            current = kind == "area" and area.id == id_
            sub = self._objectives(lang, kind, id_, root, area, o) if a is not None and area is goal.areas[a] else ""
            out.append(_entry(f"{root}areas/{area.id}/", f'{area.id} {text(area.title[lang])}', current, sub))
        if more:
            out.append(_entry(f"{root}goals/{goal.id}/", text(t(lang, "menu_all_areas", n=len(goal.areas))),
                              False, "", "bf-menu__more"))
        return f'<ul>{"".join(out)}</ul>'

    def _objectives(self, lang, kind, id_, root, area, o) -> str:
        objectives, more = nearest(area.objectives, o)
        out = [_entry(f"{root}objectives/{obj.id}/", f'{obj.id} {text(snippet(obj.text[lang]))}',
                      kind == "objective" and obj.id == id_, "") for obj in objectives]
        if more:
            out.append(_entry(f"{root}areas/{area.id}/", text(t(lang, "menu_all_objectives", n=len(area.objectives))),
                              False, "", "bf-menu__more"))
        return f'<ul>{"".join(out)}</ul>'


def _entry(href: str, label_html: str, current: bool, sub: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    mark = ' aria-current="page"' if current else ""
    return f'<li{klass}><a href="{html.escape(href or "./")}"{mark}>{label_html}</a>{sub}</li>'
