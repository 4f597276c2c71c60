"""The full-text page: the whole framework in one language, on one page, for print and PDF.

Staff save the framework as one document, so this page holds all of it in
reading order (introduction, then each goal with its statement, areas and
objectives) with the same anchors as the side-by-side page. bf.css's print
section strips the site's navigation; the text stays.
"""

from __future__ import annotations

from . import render
from .itemhtml import heading
from .model import Framework


def full_text(fw: Framework, lang: str, root: str) -> str:
    """HTML for a page whose relative URL to its language's home page is `root`."""
    out = [render.introduction(fw, lang)]
    for goal in fw.goals:
        out.append(heading(2, f"goal-{goal.id}", f"{render.text(render.goal_label(goal, lang))}: "
                                                 f"{render.text(goal.title[lang])}"))
        out.append(f"<p>{render.text(goal.statement[lang])}</p>\n")
        for area in goal.areas:
            out.append(heading(3, f"area-{area.id}", f"{render.text(render.area_label(area, lang))}: "
                                                     f"{render.text(area.title[lang])}"))
            out += [f'<p class="bf-ft-objective" id="objective-{obj.id}"><a class="bf-id" href="{root}objectives/'
                    f'{obj.id}/"><strong>{obj.id}</strong></a> {render.text(obj.text[lang])}</p>\n'
                    for obj in area.objectives]
    return "".join(out) + render.source_block(fw, lang)
