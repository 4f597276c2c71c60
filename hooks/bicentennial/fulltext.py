"""The full-text page: the whole framework in one language, on one page, for print and PDF.

Staff save the framework as one document, so this page holds all of it in
reading order (introduction, then each goal with its statement, areas and
objectives) with the same anchors as the side-by-side page. bf.css's print
section strips the site's navigation; the text stays.
"""

from __future__ import annotations

from . import render
from .model import Framework


def full_text(fw: Framework, lang: str, base: str) -> str:
    """Markdown for a page whose relative path to its language root is `base`."""
    out = render.introduction(fw, lang)
    for goal in fw.goals:
        out += f"## {render.goal_label(goal, lang)}: {render.esc(goal.title[lang])} {{ #goal-{goal.id} }}\n\n"
        out += f"{render.esc(goal.statement[lang])}\n\n"
        for area in goal.areas:
            out += f"### {render.area_label(area, lang)}: {render.esc(area.title[lang])} {{ #area-{area.id} }}\n\n"
            for obj in area.objectives:
                link = f"[**{obj.id}**]({render.href(base, 'objectives', obj.id)}){{ .bf-id }}"
                out += f"{link} {render.esc(obj.text[lang])}\n{{ #objective-{obj.id} .bf-ft-objective }}\n\n"
    return out + render.source_block(fw, lang)
