"""Turn framework items into the HTML of page parts, with every data string escaped.

Data text is shown literally, never interpreted: ``text`` HTML-escapes it and
writes its newlines as spaces, so even text that slipped past validation
renders as visible characters, never as a tag, a link or (data never starts
a line) a heading. What is made here is HTML, not Markdown: Python-Markdown
was the slowest step of a large build (bench/), so the markers that show data
on hand-written pages (content/markers.py) hand their HTML past it, and the pages of
single goals, areas and objectives (content/item_pages.py) skip it altogether. Links
are therefore final URLs, relative to the page that shows them.
"""

from __future__ import annotations

import html
import json
from typing import Callable

from bicentennial.content.ui import long_date, t
from bicentennial.data.model import Area, Framework, Goal, Objective

_YAML_BREAKS = str.maketrans({"\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"})



def heading(level: int, id_: str, inner_html: str) -> str:
    """One heading as item pages write it (inner_html already escaped), on a line of its own."""
    return f'<h{level} id="{id_}">{inner_html}</h{level}>\n\n'

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


def text(value: str) -> str:
    """Data text as HTML: escaped (shown literally, never run), newlines as spaces (data never starts a line)."""
    return html.escape(value, quote=False).replace("\n", " ")


def objective_item(obj: Objective, lang: str, href: str) -> str:
    """One objective in a list: its number and text, linked to its page."""
    return f'<li><a href="{href}"><strong class="bf-id">{obj.id}</strong> {text(obj.text[lang])}</a></li>\n'


def source_block(fw: Framework, lang: str) -> str:
    """The source section (heading, note, link to the original; translation note in Spanish)."""
    src = fw.source
    # The title is quoted as published (in English); other languages add the site's rendering in brackets.
    title = text(src.title["en"]) if lang == "en" else f'<span lang="en">{text(src.title["en"])}</span>'
    note = text(t(lang, "source_note")).format(publisher=text(src.publisher[lang]), title=title,
                                                rendering=text(src.title[lang]), date=long_date(src.date, lang))
    out = heading(2, "source", text(t(lang, "source"))) + (
        f"<p>{note} <a href=\"{html.escape(src.url)}\" hreflang=\"en\">{text(t(lang, 'original'))}</a></p>\n")
    if t(lang, "translation_note"):
        out += f'<p class="bf-unofficial">{text(t(lang, "translation_note"))}</p>\n'
    return out + "\n"


def outline(fw: Framework, lang: str, title: Callable[[str, Goal | Area], str],
            objectives: Callable[[Area], str]) -> str:
    """Goals (h2, statement) → areas (h3) → objectives, in reading order, with the anchors every page shares.

    `title(kind, item)` gives the HTML after "Goal 1: " or "Cooperation Area 1.1: " (a link or the
    text); `objectives(area)` the HTML of an area's objectives.
    """
    out = []
    for goal in fw.goals:
        out.append(heading(2, f"goal-{goal.id}", f"{text(goal_label(goal, lang))}: {title('goal', goal)}"))
        out.append(f"<p>{text(goal.statement[lang])}</p>\n")
        for area in goal.areas:
            out.append(heading(3, f"area-{area.id}", f"{text(area_label(area, lang))}: {title('area', area)}"))
            out.append(objectives(area))
    return "".join(out)


def overview(fw: Framework, lang: str, root: str = "") -> str:
    """The whole framework at a glance: goals → areas → objectives, all linked.

    `root`: the relative URL from the page to its language's home page ("" on the home page).
    """
    n_areas = sum(1 for _ in fw.areas())
    n_obj = sum(1 for _ in fw.objectives())
    counts = f'<p class="bf-counts">{text(t(lang, "counts", goals=len(fw.goals), areas=n_areas, objectives=n_obj))}</p>\n'
    return counts + outline(
        fw, lang,
        title=lambda kind, item: f'<a href="{root}{kind}s/{item.id}/">{text(item.title[lang])}</a>',
        objectives=lambda area: "<ul>\n" + "".join(objective_item(o, lang, f"{root}objectives/{o.id}/")
                                                   for o in area.objectives) + "</ul>\n")


def introduction(fw: Framework, lang: str) -> str:
    return "".join(f"<p>{text(p[lang])}</p>\n" for p in fw.introduction) + f"<p>{text(fw.lead_in[lang])}</p>\n"
