"""Plain data for the framework: goals → cooperation areas → joint objectives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


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


@dataclass(frozen=True)
class Area:
    id: str
    title: Text
    objectives: tuple[Objective, ...]


@dataclass(frozen=True)
class Goal:
    id: str
    title: Text
    statement: Text
    areas: tuple[Area, ...]


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


def text(value: dict) -> Text:
    return Text(en=value["en"], es=value["es"])


def from_plain(data: dict) -> Framework:
    """Build the dataclasses from already validated plain data."""
    fw = data["framework"]
    src = fw["source"]
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
        goals=tuple(
            Goal(
                id=g["id"],
                title=text(g["title"]),
                statement=text(g["statement"]),
                areas=tuple(
                    Area(
                        id=a["id"],
                        title=text(a["title"]),
                        objectives=tuple(Objective(id=o["id"], text=text(o["text"])) for o in a["objectives"]),
                    )
                    for a in g["areas"]
                ),
            )
            for g in data["goals"]
        ),
    )
