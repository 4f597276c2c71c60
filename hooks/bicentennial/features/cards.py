"""Link-preview cards: a picture per page and language, for chat, e-mail and social media.

Every page the site publishes (home, goal, area, objective and hand-written
pages, in each language) gets a 1200×630 PNG beside it, ``card.png`` in the
page's folder (``es/objectives/2.1.3/card.png``), which head_tags.py names in
``og:image``. ``for_page`` says what a card shows, in the page's language:

- goal, area, objective: its kind and number, its text (a goal's statement
  and an area's goal below the title), the framework's short name, the language;
- home page: the counts, the framework's full name, the page's description;
- other pages: their title and description.

card_image.py draws it. Drawing 8,000 cards (100×) takes minutes, so cards
are cached by content (``Store``): a card's file name in the cache is the
hash of what it shows plus card_image's fingerprint (its code, the fonts,
Pillow), so a second build draws none and an edit redraws only the cards
whose text changed. The forked build of the other language draws its own.
The cache folder is the ``cards_cache`` option (``.cache/cards`` by default,
git-ignored); after a build, cards no page used are removed from it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path

from bicentennial.content.ui import t
from bicentennial.data.model import Framework
from bicentennial.features import card_image
from bicentennial.features.card_image import HEIGHT, WIDTH

FILE_NAME = "card.png"
_DRAWN_FIELDS = attrgetter(*(f.name for f in fields(card_image.Drawn)))  # all of them, in order (the cache key)
__all__ = ["HEIGHT", "WIDTH", "Card", "Store", "for_page", "path_for"]


@dataclass(frozen=True)
class Card:
    lang: str
    drawn: card_image.Drawn
    alt: str  # og:image:alt: what the card says, in full, in the page's language


def path_for(page_url: str) -> str:
    """Site-relative path of a page's card: '' → 'card.png', 'es/objectives/2.1.3/' → 'es/objectives/2.1.3/card.png'."""
    return f"{page_url}{FILE_NAME}"


def _item(fw: Framework, lang: str, kind: str, id_: str) -> tuple[str, str]:
    """(headline, detail) of a goal, area or objective."""
    item = fw.items[(kind, id_)]
    if kind == "goal":
        return item.title[lang], item.statement[lang]
    if kind == "area":
        goal = fw.items[("goal", id_.rsplit(".", 1)[0])]
        return item.title[lang], f"{t(lang, 'goal')} {goal.id}: {goal.title[lang]}"
    return item.text[lang], ""


def for_page(fw: Framework, lang: str, kind: str, id_: str, neutral_url: str, title: str, description: str) -> Card:
    """The card of one page: an item page (`kind`, `id_`), the home page (`neutral_url` ''), or another page."""
    if kind:
        eyebrow = f"{t(lang, kind)} {id_}"
        headline, detail = _item(fw, lang, kind, id_)
    elif neutral_url == "":
        n_areas, n_objectives = sum(1 for _ in fw.areas()), sum(1 for _ in fw.objectives())
        eyebrow = t(lang, "counts", goals=len(fw.goals), areas=n_areas, objectives=n_objectives).rstrip(".")
        headline, detail = fw.title[lang], description
    else:
        eyebrow, headline, detail = "", title, description
    drawn = card_image.Drawn(eyebrow=eyebrow, headline=" ".join(headline.split()), detail=" ".join(detail.split()),
                             footer=fw.short_title[lang], language=t(lang, "card_language"))
    what = f"{eyebrow}: {headline}" if eyebrow and kind else headline
    return Card(lang=lang, drawn=drawn, alt=t(lang, "card_alt", what=what.rstrip("."), framework=fw.short_title[lang]))


class Store:
    """Cards cached by content in `folder`: `publish` copies a cached card, or draws and caches a new one."""

    def __init__(self, folder: Path):
        self.folder = folder

    def key(self, card: Card) -> str:
        content = "\x1f".join(_DRAWN_FIELDS(card.drawn))  # the unit separator cannot occur in a text
        return hashlib.sha256(f"{card_image.fingerprint()}\n{content}".encode()).hexdigest()

    def _cached(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.png"

    def publish(self, card: Card, dest: Path) -> tuple[str, bool]:
        """Write `card` to `dest`; return (its cache key, whether it had to be drawn)."""
        key = self.key(card)
        cached = self._cached(key)
        if _link_or_copy(cached, dest):
            return key, False
        data = card_image.draw(card.drawn)
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f".{key}.{os.getpid()}.tmp")  # the other language's process may write beside us
        tmp.write_bytes(data)
        os.replace(tmp, cached)
        if not _link_or_copy(cached, dest):
            raise FileNotFoundError(cached)
        return key, True

    def prune(self, keep: set[str]) -> int:
        """Remove the cached cards whose keys are not in `keep`; return how many."""
        removed = 0
        for path in sorted(self.folder.glob("*/*.png")):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _link_or_copy(source: Path, dest: Path) -> bool:
    """Put `source` at `dest`: a hard link where the file system allows one (8,000 cards at 100×), else a copy.

    False when `source` does not exist. The common case (a new output folder's card) is one system call:
    this ran for every page of every build (bench/: 5% at 100× with a folder check and an unlink first).
    """
    try:
        os.link(source, dest)
        return True
    except FileExistsError:
        os.unlink(dest)
    except FileNotFoundError:
        if not os.path.exists(source):
            return False
        os.makedirs(os.path.dirname(dest), exist_ok=True)
    except OSError:  # no hard links here (another file system, or none at all)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(source, dest)
        return True
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)
    return True
