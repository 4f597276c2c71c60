"""Generate one Markdown file per goal, area and objective, per language.

static-i18n only gives per-page alternates (and a language switch that stays
on the page) to files that exist under ``docs/<lang>/``, so the pages are real
files. They live in folders the generator owns (``goals/``, ``areas/``,
``objectives/``), are git-ignored, and hold only what does not change with
the text (``stub``: the item's kind and ID); the adapter puts each page's
text in at build time (``split``). So an edit to the data file writes no
file under docs/, and ``mkdocs serve`` rebuilds once per edit, not twice (a
write there is itself a change it rebuilds for); files for items no longer
in the data are removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from bicentennial import LANGS
from bicentennial.content import item_pages
from bicentennial.content.blocks import front_matter
from bicentennial.data.model import Framework

GENERATED_DIRS = ("goals", "areas", "objectives")
STABLE_KEYS = ("bf_kind", "bf_id", "search")  # the front matter that does not change with the text


def split(page: str) -> tuple[dict, str]:
    """(front matter, body) of a generated page; its front matter is blocks.front_matter's, a JSON value a line."""
    if not page.startswith("---\n"):
        raise ValueError("a generated page starts with its front matter")
    end = page.index("\n---\n", 3)
    meta = {}
    for line in page[4:end].split("\n"):
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value)
    return meta, page[end + 5:].lstrip("\n")


def stub(page: str) -> str:
    """The file written for a generated page: its front matter's STABLE_KEYS only."""
    meta, _ = split(page)
    return front_matter(**{key: meta[key] for key in STABLE_KEYS if key in meta})


def goal_pages(fw: Framework, under_review=frozenset()) -> Iterator[tuple[str, str]]:
    for goal in fw.goals:
        for lang in LANGS:
            yield f"{lang}/goals/{goal.id}.md", item_pages.goal_page(fw, goal, lang, ("goal", goal.id) in under_review)


def area_pages(fw: Framework, under_review=frozenset()) -> Iterator[tuple[str, str]]:
    for goal, area in fw.areas():
        for lang in LANGS:
            yield f"{lang}/areas/{area.id}.md", item_pages.area_page(fw, goal, area, lang,
                                                                    ("area", area.id) in under_review)


def objective_pages(fw: Framework, under_review=frozenset()) -> Iterator[tuple[str, str]]:
    items = list(fw.objectives())
    for i, (goal, area, obj) in enumerate(items):
        prev = items[i - 1][2] if i > 0 else None
        next_ = items[i + 1][2] if i + 1 < len(items) else None
        for lang in LANGS:
            yield f"{lang}/objectives/{obj.id}.md", item_pages.objective_page(
                fw, goal, area, obj, lang, prev, next_, ("objective", obj.id) in under_review)


def all_pages(fw: Framework, under_review=frozenset()) -> dict[str, str]:
    """Every item page; those of the (kind, ID)s `under_review` say so on their translated pages."""
    pages: dict[str, str] = {}
    for generator in (goal_pages, area_pages, objective_pages):
        pages.update(generator(fw, under_review))
    return pages


def sync(docs_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Make the generated folders hold exactly `pages`; return (written, removed)."""
    written = removed = 0
    for rel, content in pages.items():
        path = docs_dir / rel
        data = content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".md.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written += 1
    for lang in LANGS:
        for folder in GENERATED_DIRS:
            root = docs_dir / lang / folder
            if not root.is_dir():
                continue
            for path in sorted(root.iterdir()):
                if path.relative_to(docs_dir).as_posix() not in pages:
                    path.unlink()
                    removed += 1
    return written, removed
