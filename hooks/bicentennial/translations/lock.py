"""``data/translations.lock``: the English each Spanish text was last reviewed against.

One JSON object, one line per field, in the order of the YAML, so that a
change to one field is a one-line diff:

    {
    "about": "…",
    "fields": {
    "objectives/2.1.3/text": {"en_sha256": "f1e269d0d88d5ab8", "en": "Strengthen oversight and coordination…"},
    …
    }
    }

``en_sha256`` is the fingerprint compared (fields.fingerprint); ``en`` is
that English, kept so that `make translation-status` can show what changed.
The lock sits beside the data file (``BF_TRANSLATIONS_LOCK`` overrides it):
a copy of the data without a lock (tests, bench/) is simply not tracked.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from bicentennial.data.load import FrameworkError
from bicentennial.files import atomic_write
from bicentennial.translations.fields import Field, fingerprint

NAME = "translations.lock"
ABOUT = ("For each Spanish text of framework.yaml: a fingerprint of the English it was last reviewed against, "
         "and that English. Written by make translation-lock, translation-confirm and translation-import; "
         "see README.md, Translating.")
_HEX = re.compile(r"^[0-9a-f]{16}$")
_FIX = ("Restore it (git checkout data/translations.lock), or rebuild it with `make translation-lock RESET=1`, "
        "which records every current Spanish text as reviewed.")

Records = dict  # context → {"en_sha256": str, "en": str}


def path_for(data_file: Path) -> Path:
    env = os.environ.get("BF_TRANSLATIONS_LOCK")
    return Path(env).resolve() if env else data_file.parent / NAME


def record(field: Field) -> dict:
    return {"en_sha256": fingerprint(field.text.en), "en": field.text.en}


def _line_of(text: str, needle: str) -> int | None:
    at = text.find(needle)
    return text[:at].count("\n") + 1 if at >= 0 else None


def read(path: Path, display: str | None = None) -> Records | None:
    """The lock's records, or None when there is no lock; FrameworkError when it is not one."""
    display = display or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FrameworkError(display, None, "", f"cannot read the lock ({exc.strerror})", _FIX) from exc
    try:
        text = raw.decode("utf-8")
        doc = json.loads(text)
    except UnicodeDecodeError as exc:
        raise FrameworkError(display, raw[: exc.start].count(b"\n") + 1, "", "not UTF-8", _FIX) from None
    except json.JSONDecodeError as exc:
        conflict = re.search(r"^(<<<<<<<|=======|>>>>>>>)", text, re.M)
        problem = "a merge conflict marker" if conflict else "not valid JSON"
        raise FrameworkError(display, exc.lineno, "", f"{problem} ({exc.msg})", _FIX) from None
    fields = doc.get("fields") if isinstance(doc, dict) else None
    if not isinstance(fields, dict):
        raise FrameworkError(display, 1, "", "no `fields` mapping", _FIX)
    for context, rec in fields.items():
        if not (isinstance(rec, dict) and isinstance(rec.get("en"), str)
                and isinstance(rec.get("en_sha256"), str) and _HEX.match(rec["en_sha256"])):
            raise FrameworkError(display, _line_of(text, json.dumps(context, ensure_ascii=False)), context,
                                 "expected {\"en_sha256\": 16 hex digits, \"en\": the English}", _FIX)
    return fields


def dumps(records: Records) -> str:
    lines = [json.dumps(context, ensure_ascii=False) + ": " + json.dumps(rec, ensure_ascii=False)
             for context, rec in records.items()]
    return ('{\n"about": ' + json.dumps(ABOUT) + ',\n"fields": {\n' + ",\n".join(lines)
            + ("\n" if lines else "") + "}\n}\n")


def write(path: Path, records: Records) -> bool:
    """Write the lock atomically; False (and nothing written) when it already holds exactly this."""
    data = dumps(records).encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True


def refreshed(all_fields: list[Field], old: Records | None, reviewed: set[str] = frozenset(),
              add_new: bool = True, reset: bool = False) -> Records:
    """The lock for the current data, in document order.

    A field keeps its record (so a stale one stays stale) unless it is in
    `reviewed`, or `reset`, when it is recorded as reviewed against its
    current English; so is a field with no record yet if `add_new`. Records
    of fields no longer in the data are dropped.
    """
    old = old or {}
    out: Records = {}
    for f in all_fields:
        keep = old.get(f.context)
        if reset or f.context in reviewed or (keep is None and add_new):
            out[f.context] = record(f)
        elif keep is not None:
            out[f.context] = keep
    return out
