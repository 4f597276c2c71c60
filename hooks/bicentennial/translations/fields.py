"""Every translatable field of the framework, under a stable name.

A field is one ``{en, es}`` mapping of the YAML. Its context names it by the
item's ID, not by its position in the file, so it survives reordering:

    framework/title                 framework/introduction/2 (2nd paragraph)
    framework/source/publisher      goals/2/statement
    areas/2.1/title                 objectives/2.1.3/text

The walk goes over the model's dataclasses (so a field added to the model is
covered without a change here), in document order, once: O(fields).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from bicentennial.data.model import Framework, Text

FRAMEWORK = "framework"  # the "ID" of the framework-wide fields (title, introduction…)


@dataclass(frozen=True)
class Field:
    context: str      # objectives/2.1.3/text
    parts: tuple      # YAML path of the {en, es} mapping: ("goals", 1, "areas", 0, "objectives", 2, "text")
    text: Text
    kind: str         # "goals", "areas", "objectives" or "framework"
    item_id: str      # "2.1.3", or "framework"
    name: str         # "text", "title", "introduction/2", "source/title"

    @property
    def page_kind(self) -> str | None:
        """'objective', 'area' or 'goal' for a field shown on an item page of its own; None for the framework's."""
        return None if self.kind == FRAMEWORK else self.kind[:-1]


def fingerprint(english: str) -> str:
    """A short, stable fingerprint of one English text (the first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:16]


def _walk(value, kind: str, item_id: str, name: str, parts: tuple, out: list[Field]) -> None:
    if isinstance(value, Text):
        prefix = FRAMEWORK if kind == FRAMEWORK else f"{kind}/{item_id}"
        out.append(Field(f"{prefix}/{name}", parts, value, kind, item_id, name))
    elif isinstance(value, tuple):
        for i, child in enumerate(value):
            if dataclasses.is_dataclass(child) and hasattr(child, "id"):  # an item: named by its ID
                for f in dataclasses.fields(child):
                    _walk(getattr(child, f.name), name, child.id, f.name, parts + (i, f.name), out)
            else:  # a paragraph: numbered from 1
                _walk(child, kind, item_id, f"{name}/{i + 1}", parts + (i,), out)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _walk(getattr(value, f.name), kind, item_id, f"{name}/{f.name}", parts + (f.name,), out)
    # plain strings (IDs, dates, URLs) are not translated


def fields(fw: Framework) -> list[Field]:
    """Every translatable field, in the order of data/framework.yaml."""
    out: list[Field] = []
    for f in dataclasses.fields(fw):
        value = getattr(fw, f.name)
        if f.name == "goals":  # the YAML's `goals:`; everything else sits under its `framework:`
            _walk(value, FRAMEWORK, FRAMEWORK, "goals", ("goals",), out)
        else:
            _walk(value, FRAMEWORK, FRAMEWORK, f.name, (FRAMEWORK, f.name), out)
    return out


def by_item(all_fields: list[Field], item_id: str) -> list[Field]:
    """The fields of one item: an ID ("2.1.3", "2.1", "2", "framework") or one field's context."""
    return [f for f in all_fields if f.item_id == item_id or f.context == item_id]
