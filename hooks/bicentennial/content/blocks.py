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
_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(v, ensure_ascii=False) makes an encoder per call



def heading(level: int, id_: str, inner_html: str, searchable: bool = True) -> str:
    """One heading as item pages write it (inner_html already escaped), on a line of its own.

    Not `searchable`: Material's search leaves out the whole section (the heading and all up to the next
    one) when its heading carries data-search-exclude.
    """
    exclude = "" if searchable else " data-search-exclude"
    return f'<h{level} id="{id_}"{exclude}>{inner_html}</h{level}>\n\n'

def front_matter(**fields) -> str:
    # JSON values are valid YAML and ~50× faster to write than yaml.safe_dump (bench/: 5,200 pages at 100×);
    # the characters YAML 1.1 reads as line breaks are escaped.
    body = "".join(f"{k}: {_JSON(v).translate(_YAML_BREAKS)}\n" for k, v in fields.items())
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
    """One objective in a list: its number (the link to its page, bold) and its text (plain)."""
    return f'<li><a href="{href}" class="bf-id">{obj.id}</a> {text(obj.text[lang])}</li>\n'


def source_block(fw: Framework, lang: str, searchable: bool = True) -> str:
    """The source section (heading, note, link to the original; translation note in Spanish).

    Item pages keep theirs out of search (`searchable=False`): the same note on 8,000 pages at 100×
    made every query for "action plan" or "embassy" a list of them.
    """
    src = fw.source
    # The title is quoted as published (in English); other languages add the site's rendering in brackets.
    title = text(src.title["en"]) if lang == "en" else f'<span lang="en">{text(src.title["en"])}</span>'
    note = text(t(lang, "source_note")).format(publisher=text(src.publisher[lang]), title=title,
                                                rendering=text(src.title[lang]), date=long_date(src.date, lang))
    out = heading(2, "source", text(t(lang, "source")), searchable) + (
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
    """The whole framework at a glance, as a tree in the page's text: goals (h2) → areas (h3) → objectives.

    The counts come first, in body text. Codes are the links ("Goal 2", "2.1", "2.1.3"), the
    titles and sentences plain text after them. One element, ``#bf-overview`` (the home page's only
    picture of the whole framework). `root`: the relative URL from the page to its language's home
    page ("" on the home page).
    """
    n_areas = sum(1 for _ in fw.areas())
    n_obj = sum(1 for _ in fw.objectives())
    counts = f'<p class="bf-counts">{text(t(lang, "counts", goals=len(fw.goals), areas=n_areas, objectives=n_obj))}</p>\n'
    out = ['<div class="bf-overview" id="bf-overview">\n', counts]
    for goal in fw.goals:
        out.append(heading(2, f"goal-{goal.id}", f'<a href="{root}goals/{goal.id}/">{text(goal_label(goal, lang))}</a>: '
                                                 f"{text(goal.title[lang])}"))
        out.append(f"<p>{text(goal.statement[lang])}</p>\n")
        for area in goal.areas:
            out.append(heading(3, f"area-{area.id}", f'<a href="{root}areas/{area.id}/">{text(area_label(area, lang))}</a>: '
                                                     f"{text(area.title[lang])}"))
            out.append('<ul class="bf-tree">\n' + "".join(
                objective_item(o, lang, f"{root}objectives/{o.id}/") for o in area.objectives) + "</ul>\n")
    out.append("</div>\n")
    return "".join(out)


def goal_cards(fw: Framework, lang: str, root: str = "") -> str:
    """The three goals as cards under the home page's title: number, title (the link), counts."""
    cards = []
    for goal in fw.goals:
        n_obj = sum(len(area.objectives) for area in goal.areas)
        cards.append(f'<li class="bf-card"><a href="{root}goals/{goal.id}/">'
                     f'{text(goal_label(goal, lang))}: {text(goal.title[lang])}</a>'
                     f'<span class="bf-card__counts">{text(t(lang, "goal_counts", areas=len(goal.areas), objectives=n_obj))}</span></li>\n')
    return f'<ul class="bf-cards" aria-label="{html.escape(t(lang, "goal_cards"))}">\n{"".join(cards)}</ul>\n'


def introduction(fw: Framework, lang: str) -> str:
    """The introduction, opened by the framework's full official name (the home page's h1 is the short one)."""
    return (f'<p class="bf-fullname"><strong>{text(fw.title[lang])}</strong></p>\n'
            + "".join(f"<p>{text(p[lang])}</p>\n" for p in fw.introduction) + f"<p>{text(fw.lead_in[lang])}</p>\n")
