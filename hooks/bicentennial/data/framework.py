"""One entry point: read, check and model the framework, cached by content."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bicentennial.data import load, model, validate

_cache: dict[tuple[str, str], model.Framework] = {}


def read(data_file: Path, schema_file: Path, display: str | None = None) -> model.Framework:
    """Return the validated Framework, or raise load.FrameworkError.

    Cached on the bytes of both files: static-i18n runs every hook once per
    language, and `mkdocs serve` rebuilds often; parsing once per change is enough.
    """
    display = display or str(data_file)
    try:
        key = (hashlib.sha256(data_file.read_bytes()).hexdigest(),
               hashlib.sha256(schema_file.read_bytes()).hexdigest())
    except OSError:
        key = None
    if key and key in _cache:
        return _cache[key]
    loaded = load.parse(data_file, display)
    validate.check(loaded, load.load_schema(schema_file), display)
    result = model.from_plain(loaded.data, span=loaded.span)
    if key:
        _cache.clear()
        _cache[key] = result
    return result
