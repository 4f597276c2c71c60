"""Which Spanish texts are stale, and what the build does about it.

A Spanish text is stale when the fingerprint of its English differs from the
one the lock recorded when the Spanish was last reviewed. The build still
succeeds; it says so (``for_build``), and the Spanish page of a stale goal,
area or objective carries a notice, in Spanish, linking to the English page
(``notice``). One pass over the fields and one dict lookup each: O(items).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path

from bicentennial import LANGS
from bicentennial.content import paths
from bicentennial.content.ui import t
from bicentennial.data.model import Framework
from bicentennial.translations import lock
from bicentennial.translations.fields import Field, fields, fingerprint

_LISTED = 10  # the build names this many stale fields, then counts the rest


@dataclass
class Review:
    fields: list[Field]
    stale: list[tuple[Field, str]] = field(default_factory=list)  # (field, the English it was reviewed against)
    unrecorded: list[Field] = field(default_factory=list)          # not in the lock yet (new since it was written)
    gone: list[str] = field(default_factory=list)                  # records of fields no longer in the data

    @property
    def ok(self) -> bool:
        return not self.stale and not self.unrecorded

    def items(self) -> frozenset[tuple[str, str]]:
        """(page kind, ID) of every goal, area and objective with a stale Spanish text of its own."""
        return frozenset((f.page_kind, f.item_id) for f, _ in self.stale if f.page_kind)


def check(all_fields: list[Field], records: lock.Records) -> Review:
    review = Review(fields=all_fields)
    for f in all_fields:
        rec = records.get(f.context)
        if rec is None:
            review.unrecorded.append(f)
        elif rec["en_sha256"] != fingerprint(f.text.en):
            review.stale.append((f, rec["en"]))
    known = {f.context for f in all_fields}
    review.gone = [c for c in records if c not in known]
    return review


def _shown(path: Path) -> str:
    cwd = Path.cwd()
    return os.path.relpath(path, cwd) if path.is_relative_to(cwd) else str(path)


def _names(contexts: list[str]) -> str:
    more = len(contexts) - _LISTED
    return ", ".join(contexts[:_LISTED]) + (f" and {more} more" if more > 0 else "")


def for_build(fw: Framework, data_file: Path) -> tuple[frozenset[tuple[str, str]], str]:
    """(items whose Spanish page gets the notice, a message for the build's output or "").

    Raises load.FrameworkError for a lock that is not one (a build stops on bad input).
    """
    lock_file = lock.path_for(data_file)
    records = lock.read(lock_file, _shown(lock_file))
    if records is None:
        return frozenset(), (f"Note: no {_shown(lock_file)}: Spanish texts are not checked against changes "
                             f"to their English (`make translation-lock` creates it).")
    review = check(fields(fw), records)
    lines = []
    if review.stale:
        n = len(review.stale)
        lines.append(f"WARNING (the build goes on): {n} Spanish text{'s' if n > 1 else ''} "
                     f"translate{'' if n > 1 else 's'} an English text changed since it was reviewed "
                     f"({_shown(lock_file)}): "
                     f"{_names([f.context for f, _ in review.stale])}. The Spanish pages of these items say that "
                     f"their translation is under review. Details: `make translation-status`.")
    if review.unrecorded:
        n = len(review.unrecorded)
        lines.append(f"WARNING (the build goes on): {n} text{'s are' if n > 1 else ' is'} not in {_shown(lock_file)} "
                     f"yet: {_names([f.context for f in review.unrecorded])}. Record {'them' if n > 1 else 'it'} "
                     f"as reviewed with `make translation-lock`.")
    return review.items(), "\n".join(lines)


def notice(kind: str, id_: str, lang: str) -> str:
    """The notice on a stale item's page in a translated language ("" in the source language, English)."""
    if lang == LANGS[0]:
        return ""
    href = paths.site_root(f"{lang}/{kind}s/{id_}.md") + paths.item_path(kind, id_, LANGS[0])
    return (f'<div class="admonition warning bf-review" role="note">\n'
            f'<p class="admonition-title">{html.escape(t(lang, "review_title"))}</p>\n'
            f'<p>{html.escape(t(lang, "review_text"))} '
            f'<a href="{html.escape(href)}" hreflang="{LANGS[0]}">{html.escape(t(lang, "review_link"))}</a>.</p>\n'
            f"</div>\n\n")
