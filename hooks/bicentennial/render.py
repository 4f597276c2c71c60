"""Turn framework items into the Markdown of pages, with every data string escaped.

Data text is shown literally, never interpreted: ``esc`` makes a string inert
for Python-Markdown (HTML-escaped, and every character Markdown could read as
syntax backslash-escaped), so even text that slipped past validation renders
as visible characters and not as a tag or a link.
"""

from __future__ import annotations

import html
import json
import re

from . import cite, compare
from .i18n import long_date, t
from .model import Area, Framework, Goal, Objective

# Python-Markdown's escapable characters (markdown.Markdown.ESCAPED_CHARS).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def esc(value: str) -> str:
    """Make data text inert and literal inside Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


_YAML_BREAKS = str.maketrans({"\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def front_matter(**fields) -> str:
    # JSON values are valid YAML and ~50× faster to write than yaml.safe_dump (bench/: 5,200 pages at 100×);
    # the characters YAML 1.1 reads as line breaks are escaped.
    body = "".join(f"{k}: {json.dumps(v, ensure_ascii=False).translate(_YAML_BREAKS)}\n" for k, v in fields.items())
    return f"---\n{body}---\n\n"


def goal_label(goal: Goal, lang: str) -> str:
    return f"{t(lang, 'goal')} {goal.id}"


def area_label(area: Area, lang: str) -> str:
    return f"{t(lang, 'area')} {area.id}"


def objective_label(obj: Objective, lang: str) -> str:
    return f"{t(lang, 'objective')} {obj.id}"


def href(base: str, kind: str, id_: str) -> str:
    """Link from a page whose language root is `base` (e.g. '../') to an item page."""
    return f"{base}{kind}/{id_}.md"


def crumbs(lang: str, base: str, *trail: tuple[str, str | None]) -> str:
    """A breadcrumb trail: (label, link or None for the current page)."""
    items = [f"[{t(lang, 'home')}]({base}index.md)"]
    for label, link in trail:
        items.append(f"[{esc(label)}]({link})" if link else f'<span aria-current="page">{esc(label)}</span>')
    sep = ' <span class="bf-sep" aria-hidden="true">›</span> '
    return f'<nav class="bf-crumbs" aria-label="{t(lang, "breadcrumb")}" markdown>\n{sep.join(items)}\n</nav>\n\n'


def source_block(fw: Framework, lang: str) -> str:
    src = fw.source
    note = t(lang, "source_note", publisher=esc(src.publisher[lang]), title=esc(src.title[lang]),
             date=long_date(src.date, lang))
    out = f"## {t(lang, 'source')} {{ #source }}\n\n{note} [{t(lang, 'original')}]({src.url}){{ hreflang=en }}\n"
    if t(lang, "translation_note"):
        out += f"\n{t(lang, 'translation_note')}\n{{ .bf-unofficial }}\n"
    return out + "\n"


def objective_link(obj: Objective, lang: str, base: str) -> str:
    return f"[**{obj.id}**{{ .bf-id }} {esc(obj.text[lang])}]({href(base, 'objectives', obj.id)})"


def area_section(area: Area, lang: str, base: str, level: int = 3, link: bool = True) -> str:
    title = f"[{esc(area.title[lang])}]({href(base, 'areas', area.id)})" if link else esc(area.title[lang])
    out = f"{'#' * level} {area_label(area, lang)}: {title} {{ #area-{area.id} }}\n\n"
    out += "".join(f"- {objective_link(o, lang, base)}\n" for o in area.objectives)
    return out + "\n"


def goal_section(goal: Goal, lang: str, base: str, level: int = 2) -> str:
    out = f"{'#' * level} {goal_label(goal, lang)}: [{esc(goal.title[lang])}]({href(base, 'goals', goal.id)}) {{ #goal-{goal.id} }}\n\n"
    out += f"{esc(goal.statement[lang])}\n\n"
    return out + "".join(area_section(a, lang, base, level + 1) for a in goal.areas)


def overview(fw: Framework, lang: str, base: str = "") -> str:
    """The whole framework at a glance: goals → areas → objectives, all linked."""
    n_areas = sum(1 for _ in fw.areas())
    n_obj = sum(1 for _ in fw.objectives())
    out = f"{t(lang, 'counts', goals=len(fw.goals), areas=n_areas, objectives=n_obj)}\n{{ .bf-counts }}\n\n"
    return out + "".join(goal_section(g, lang, base) for g in fw.goals)


def introduction(fw: Framework, lang: str) -> str:
    paras = "".join(f"{esc(p[lang])}\n\n" for p in fw.introduction)
    return paras + f"{esc(fw.lead_in[lang])}\n\n"


def goal_page(fw: Framework, goal: Goal, lang: str) -> str:
    base = "../"
    title = f"{goal_label(goal, lang)}: {goal.title[lang]}"
    out = front_matter(title=title, description=goal.statement[lang], bf_kind="goal", bf_id=goal.id,
                       search={"boost": 4})
    out += crumbs(lang, base, (goal_label(goal, lang), None))
    out += f"# {goal_label(goal, lang)}: {esc(goal.title[lang])} {{ #top }}\n\n"
    out += f"{esc(goal.statement[lang])}\n{{ .bf-lead }}\n\n"
    out += f"## {t(lang, 'in_goal')} {{ #areas }}\n\n"
    out += "".join(area_section(a, lang, base) for a in goal.areas)
    out += compare.item_link("goal", goal.id, lang) + cite.section("goal", lang)
    return out + source_block(fw, lang)


def area_page(fw: Framework, goal: Goal, area: Area, lang: str) -> str:
    base = "../"
    title = f"{area_label(area, lang)}: {area.title[lang]}"
    out = front_matter(title=title, description=f"{goal_label(goal, lang)}: {goal.title[lang]}. {area.title[lang]}.",
                       bf_kind="area", bf_id=area.id, search={"boost": 3})
    out += crumbs(lang, base, (goal_label(goal, lang), href(base, "goals", goal.id)), (area_label(area, lang), None))
    out += f"# {area_label(area, lang)}: {esc(area.title[lang])} {{ #top }}\n\n"
    out += f"## {t(lang, 'context')} {{ #context }}\n\n"
    out += f"- {goal_label(goal, lang)}: [{esc(goal.title[lang])}]({href(base, 'goals', goal.id)})\n\n"
    out += f"## {t(lang, 'in_area')} {{ #objectives }}\n\n"
    out += "".join(f"- {objective_link(o, lang, base)}\n" for o in area.objectives) + "\n"
    out += compare.item_link("area", area.id, lang) + cite.section("area", lang)
    return out + source_block(fw, lang)


def objective_page(fw: Framework, goal: Goal, area: Area, obj: Objective, lang: str,
                   prev: Objective | None, next_: Objective | None) -> str:
    base = "../"
    title = f"{objective_label(obj, lang)}: {obj.text[lang].rstrip('.')}"
    out = front_matter(title=title, description=obj.text[lang], bf_kind="objective", bf_id=obj.id,
                       search={"boost": 2})
    out += crumbs(lang, base, (goal_label(goal, lang), href(base, "goals", goal.id)),
                  (area_label(area, lang), href(base, "areas", area.id)), (objective_label(obj, lang), None))
    out += f"# {objective_label(obj, lang)} {{ #top }}\n\n"
    out += f"{esc(obj.text[lang])}\n{{ .bf-lead }}\n\n"
    out += f"## {t(lang, 'context')} {{ #context }}\n\n"
    out += f"- {goal_label(goal, lang)}: [{esc(goal.title[lang])}]({href(base, 'goals', goal.id)})\n"
    out += f"- {area_label(area, lang)}: [{esc(area.title[lang])}]({href(base, 'areas', area.id)})\n\n"
    out += compare.item_link("objective", obj.id, lang) + cite.section("objective", lang)
    out += source_block(fw, lang)
    links = []
    if prev:
        links.append(f'[<span class="bf-dir">{t(lang, "previous")}</span> {prev.id}]({href(base, "objectives", prev.id)}){{ rel=prev .bf-prev }}')
    if next_:
        links.append(f'[<span class="bf-dir">{t(lang, "next")}</span> {next_.id}]({href(base, "objectives", next_.id)}){{ rel=next .bf-next }}')
    out += f'<nav class="bf-pager" aria-label="{t(lang, "pager")}" markdown>\n{" ".join(links)}\n</nav>\n'
    return out
