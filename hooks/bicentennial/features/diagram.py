"""A picture of the framework, 3 goals → 11 areas → 26 objectives, drawn at build time as SVG.

The home pages show it inline (no script, nothing fetched), every box a link
to its page. Two drawings of the same tree are emitted: a left-to-right one
for wide screens and a top-to-bottom one that stays legible at phone width;
bf.css shows exactly one (display: none also hides the other from assistive
technology). The text alternative is the caption plus the linked list of the
whole framework that follows on the page. Text widths are estimated from the
font size, since nothing measures text at build time.
"""

from __future__ import annotations

import html
import textwrap

from bicentennial.content import paths
from bicentennial.content.ui import t
from bicentennial.data.model import Framework

CHAR = 0.53  # average glyph width of the site's sans-serif, in em


def _wrap(text: str, width: float, size: float) -> list[str]:
    return textwrap.wrap(text, max(8, int(width / (size * CHAR))))


def _box(href: str, name: str, cls: str, x: float, y: float, w: float, h: float,
         lines: list[str], size: float, bold_first: bool = False) -> str:
    lh = size * 1.25
    top = y + (h - lh * len(lines)) / 2 + size * 0.95
    strong = ' class="bf-dg-strong"'
    spans = "".join(
        f'<tspan x="{x + 8:g}" y="{top + i * lh:.1f}"{strong if bold_first and i == 0 else ""}>'
        f"{html.escape(line)}</tspan>" for i, line in enumerate(lines))
    return (f'<a href="{html.escape(href)}" class="bf-dg-{cls}"><title>{html.escape(name)}</title>'
            f'<rect x="{x:g}" y="{y:.1f}" width="{w:g}" height="{h:.1f}" rx="4"/>'
            f'<text font-size="{size:g}">{spans}</text></a>')


def _line(points: list[tuple[float, float]]) -> str:
    d = "M" + " L".join(f"{x:g} {y:.1f}" for x, y in points)
    return f'<path class="bf-dg-line" d="{d}"/>'


def _names(fw: Framework, lang: str, root: str):
    """(href, accessible name) for every goal, area and objective."""
    def ref(kind, id_):
        return root + paths.item_path(kind, id_, lang)
    return ref, {
        "goal": lambda g: f"{t(lang, 'goal')} {g.id}: {g.title[lang]}",
        "area": lambda a: f"{t(lang, 'area')} {a.id}: {a.title[lang]}",
        "objective": lambda o: f"{t(lang, 'objective')} {o.id}: {o.text[lang]}",
    }


def wide(fw: Framework, lang: str, root: str) -> tuple[str, float, float]:
    ref, name = _names(fw, lang, root)
    gx, gw, ax, aw, ox, ow = 0, 190, 226, 360, 622, 78
    parts, y = [], 0.0
    for goal in fw.goals:
        g_top, mids = y, []
        for area in goal.areas:
            lines = _wrap(f"{area.id} {area.title[lang]}", aw - 16, 13)
            n = len(area.objectives)
            h = max(n * 34 - 6, len(lines) * 16.25 + 12)
            parts.append(_box(ref("area", area.id), name["area"](area), "area", ax, y, aw, h, lines, 13))
            mids.append(y + h / 2)
            oy = y + (h - (n * 34 - 6)) / 2
            for obj in area.objectives:
                parts.append(_box(ref("objective", obj.id), name["objective"](obj), "objective",
                                  ox, oy, ow, 28, [obj.id], 13))
                parts.append(_line([(ax + aw, y + h / 2), (ax + aw + 18, y + h / 2), (ax + aw + 18, oy + 14), (ox, oy + 14)]))
                oy += 34
            y += h + 8
        lines = [f"{t(lang, 'goal')} {goal.id}"] + _wrap(goal.title[lang], gw - 16, 15)
        h = max(y - 8 - g_top, len(lines) * 18.75 + 14)
        parts.append(_box(ref("goal", goal.id), name["goal"](goal), "goal", gx, g_top, gw, h, lines, 15, True))
        for mid in mids:
            parts.append(_line([(gx + gw, g_top + h / 2), (gx + gw + 18, g_top + h / 2), (gx + gw + 18, mid), (ax, mid)]))
        y = max(y, g_top + h + 8) + 14
    return "".join(parts), ox + ow + 2, y - 20


def narrow(fw: Framework, lang: str, root: str) -> tuple[str, float, float]:
    ref, name = _names(fw, lang, root)
    parts, y, width = [], 0.0, 360
    for goal in fw.goals:
        lines = _wrap(f"{t(lang, 'goal')} {goal.id}: {goal.title[lang]}", width - 16, 15)
        h = len(lines) * 18.75 + 12
        parts.append(_box(ref("goal", goal.id), name["goal"](goal), "goal", 0, y, width, h, lines, 15, True))
        trunk, y = y + h, y + h + 6
        for area in goal.areas:
            lines = _wrap(f"{area.id} {area.title[lang]}", width - 18 - 16, 13)
            h = len(lines) * 16.25 + 10
            parts.append(_box(ref("area", area.id), name["area"](area), "area", 18, y, width - 18, h, lines, 13))
            parts.append(_line([(8, trunk), (8, y + h / 2), (18, y + h / 2)]))
            cy = y + h + 6
            for i, obj in enumerate(area.objectives):
                parts.append(_box(ref("objective", obj.id), name["objective"](obj), "objective",
                                  36 + i * 64, cy, 58, 26, [obj.id], 13))
            parts.append(_line([(26, y + h), (26, cy + 13), (36, cy + 13)]))
            trunk, y = y + h / 2, cy + 26 + 8
        y += 12
    return "".join(parts), width, y - 20


def figure(fw: Framework, lang: str, root: str) -> str:
    """The <figure>: both drawings and the caption, for a page at `root` from the site root.

    Each drawing is sent as a data block (<script type="text/html">, never run)
    after an empty <svg> of the same viewBox that holds its place: text browsers
    and a page without JavaScript print none of its labels (w3m and lynx print
    every SVG text node, so the two drawings came out as doubled, run-together
    text ahead of the list), and bf-browse.js swaps each drawing in, at the size
    already reserved (no layout shift). Without JavaScript bf-nojs.css hides the
    figure; the linked list after it holds the same items.
    """
    title = html.escape(t(lang, "diagram_title"))
    first = fw.goals[0]
    parts = []
    for layout, draw in (("wide", wide), ("narrow", narrow)):
        body, w, h = draw(fw, lang, root)
        box = f'class="bf-diagram__{layout}" viewBox="0 0 {w:g} {h:.0f}"'
        parts.append(f'<svg {box} aria-hidden="true" xmlns="http://www.w3.org/2000/svg"></svg>'
                     f'<script type="text/html" data-bf-diagram>'
                     f'<svg {box} role="group" aria-labelledby="bf-diagram-{layout}-title" '
                     f'xmlns="http://www.w3.org/2000/svg">'
                     f'<title id="bf-diagram-{layout}-title">{title}</title>{body}</svg></script>')
    caption = (f'{html.escape(t(lang, "diagram_caption"))} '
               f'<a href="#goal-{first.id}">{html.escape(t(lang, "goal"))} {first.id}: {html.escape(first.title[lang])}</a>.')
    # Left out of search: the list below the figure holds the same items as text, while the
    # drawing's labels would index every item twice more, run together ("…Public health1.1 Public…").
    return (f'<figure class="bf-diagram" data-search-exclude>\n{"".join(parts)}\n'
            f'<figcaption>{caption}</figcaption>\n</figure>\n')
