"""Turn framework items into the Markdown of pages, with every data string escaped.

Data text is shown literally, never interpreted: ``esc`` makes a string inert
for Python-Markdown (HTML-escaped, and every character Markdown could read as
syntax backslash-escaped), so even text that slipped past validation renders
as visible characters and not as a tag or a link. The pages of single goals,
areas and objectives are mostly raw HTML instead (itempages.py: faster).
"""

from __future__ import annotations

import html
import json
import re

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
