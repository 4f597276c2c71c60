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

import functools
import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Iterator

from bicentennial import LANGS
from bicentennial.content import item_pages
from bicentennial.data.model import Framework

GENERATED_DIRS = ("goals", "areas", "objectives")
STABLE_KEYS = ("bf_kind", "bf_id")  # what does not change with the text


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
    """The file written for a generated page: its kind and ID (STABLE_KEYS)."""
    meta, _ = split(page)
    return stub_of(meta["bf_kind"], meta["bf_id"])


def stub_of(kind: str, id_: str) -> str:
    """The same stub, from the item's kind and ID alone, without writing its page.

    Written as MultiMarkdown-style meta-data ("key: value" lines), which MkDocs reads with one regular
    expression: a YAML front matter cost 0.25 ms a page to parse (2 s of CPU at 100×), for two plain
    strings. The adapter replaces the meta-data with the page's own front matter when it reads the page.
    """
    return f"bf_kind: {kind}\nbf_id: {id_}\n"


class ItemPages(Mapping[str, str]):
    """Every item page by its path under docs/ ("es/objectives/2.1.3.md"), each written only when asked for.

    The build asks for a page when it reads it, in the pass of the page's language; with the languages
    built in parallel (adapter/forked_build.py), each process writes its own language's pages instead
    of one process writing them all before the fork (1.3 s at 100×). ``stubs()`` needs no page.
    """

    def __init__(self):
        self._makers: dict[str, tuple[str, str, Callable[[], str]]] = {}

    def add(self, rel: str, kind: str, id_: str, make: Callable[[], str]) -> None:
        self._makers[rel] = (kind, id_, make)

    def __getitem__(self, rel: str) -> str:
        return self._makers[rel][2]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def stubs(self) -> dict[str, str]:
        return {rel: stub_of(kind, id_) for rel, (kind, id_, _) in self._makers.items()}


def _goal_pages(fw: Framework, under_review, pages: ItemPages) -> None:
    for goal in fw.goals:
        for lang in LANGS:
            pages.add(f"{lang}/goals/{goal.id}.md", "goal", goal.id, functools.partial(
                item_pages.goal_page, fw, goal, lang, ("goal", goal.id) in under_review))


def _area_pages(fw: Framework, under_review, pages: ItemPages) -> None:
    for goal, area in fw.areas():
        for lang in LANGS:
            pages.add(f"{lang}/areas/{area.id}.md", "area", area.id, functools.partial(
                item_pages.area_page, fw, goal, area, lang, ("area", area.id) in under_review))


def _objective_pages(fw: Framework, under_review, pages: ItemPages) -> None:
    items = list(fw.objectives())
    for i, (goal, area, obj) in enumerate(items):
        prev = items[i - 1][2] if i > 0 else None
        next_ = items[i + 1][2] if i + 1 < len(items) else None
        for lang in LANGS:
            pages.add(f"{lang}/objectives/{obj.id}.md", "objective", obj.id, functools.partial(
                item_pages.objective_page, fw, goal, area, obj, lang, prev, next_,
                ("objective", obj.id) in under_review))


def all_pages(fw: Framework, under_review=frozenset()) -> ItemPages:
    """Every item page; those of the (kind, ID)s `under_review` say so on their translated pages."""
    pages = ItemPages()
    for add in (_goal_pages, _area_pages, _objective_pages):
        add(fw, under_review, pages)
    return pages


def sync(docs_dir: Path, pages: Mapping[str, str]) -> tuple[int, int]:
    """Make the generated folders hold exactly `pages`; return (written, removed)."""
    written = removed = 0
    for rel, content in pages.items():  # plain os calls: 16,000 stubs at 100×, before anything else can start
        path = os.path.join(docs_dir, rel)
        data = content.encode("utf-8")
        try:
            with open(path, "rb") as old:
                if old.read() == data:
                    continue
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.tmp"
        with open(tmp, "wb") as new:
            new.write(data)
        os.replace(tmp, path)
        written += 1
    for lang in LANGS:
        for folder in GENERATED_DIRS:
            root = docs_dir / lang / folder
            if not root.is_dir():
                continue
            for name in sorted(os.listdir(root)):
                if f"{lang}/{folder}/{name}" not in pages:
                    os.unlink(root / name)
                    removed += 1
    return written, removed
