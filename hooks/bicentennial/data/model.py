"""Plain data for the framework: goals → cooperation areas → joint objectives."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterator

# The lines of the data file that hold an item's own fields (its `- id:` line to its last text),
# 1-based and inclusive; (0, 0) when not read from a file.
Lines = tuple[int, int]
NO_LINES: Lines = (0, 0)


@dataclass(frozen=True)
class Text:
    """One translatable string, in every published language."""

    en: str
    es: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Objective:
    id: str
    text: Text
    lines: Lines = field(default=NO_LINES, compare=False)


@dataclass(frozen=True)
class Area:
    id: str
    title: Text
    objectives: tuple[Objective, ...]
    lines: Lines = field(default=NO_LINES, compare=False)


@dataclass(frozen=True)
class Goal:
    id: str
    title: Text
    statement: Text
    areas: tuple[Area, ...]
    lines: Lines = field(default=NO_LINES, compare=False)


@dataclass(frozen=True)
class Source:
    publisher: Text
    title: Text
    date: str  # ISO 8601, e.g. "2022-01-31"
    url: str


@dataclass(frozen=True)
class Framework:
    title: Text
    short_title: Text
    introduction: tuple[Text, ...]
    lead_in: Text
    source: Source
    goals: tuple[Goal, ...]

    def areas(self) -> Iterator[tuple[Goal, Area]]:
        for goal in self.goals:
            for area in goal.areas:
                yield goal, area

    def objectives(self) -> Iterator[tuple[Goal, Area, Objective]]:
        for goal, area in self.areas():
            for objective in area.objectives:
                yield goal, area, objective

    @cached_property
    def items(self) -> dict[tuple[str, str], Goal | Area | Objective]:
        """Every goal, area and objective by (kind, ID): ("objective", "2.1.3") → Objective."""
        found: dict[tuple[str, str], Goal | Area | Objective] = {("goal", g.id): g for g in self.goals}
        found.update({("area", a.id): a for _, a in self.areas()})
        found.update({("objective", o.id): o for _, _, o in self.objectives()})
        return found


def text(value: dict) -> Text:
    return Text(en=value["en"], es=value["es"])


def _own(item: dict, children: str) -> list[str]:
    return [key for key in item if key != children]


def from_plain(data: dict, span: Callable[[str, list[str]], Lines] | None = None) -> Framework:
    """Build the dataclasses from already validated plain data.

    `span(yaml_path, fields)` gives the lines of an item's own fields (load.Loaded.span).
    """
    def lines(path: str, item: dict, children: str = "") -> Lines:
        return span(path, _own(item, children)) if span else NO_LINES

    fw = data["framework"]
    src = fw["source"]
    goals = []
    for gi, g in enumerate(data["goals"]):
        areas = []
        for ai, a in enumerate(g["areas"]):
            apath = f"goals[{gi}].areas[{ai}]"
            objectives = tuple(Objective(id=o["id"], text=text(o["text"]), lines=lines(f"{apath}.objectives[{oi}]", o))
                               for oi, o in enumerate(a["objectives"]))
            areas.append(Area(id=a["id"], title=text(a["title"]), objectives=objectives,
                              lines=lines(apath, a, "objectives")))
        goals.append(Goal(id=g["id"], title=text(g["title"]), statement=text(g["statement"]), areas=tuple(areas),
                          lines=lines(f"goals[{gi}]", g, "areas")))
    return Framework(
        title=text(fw["title"]),
        short_title=text(fw["short_title"]),
        introduction=tuple(text(p) for p in fw["introduction"]),
        lead_in=text(fw["lead_in"]),
        source=Source(
            publisher=text(src["publisher"]),
            title=text(src["title"]),
            date=src["date"],
            url=src["url"],
        ),
        goals=tuple(goals),
    )
