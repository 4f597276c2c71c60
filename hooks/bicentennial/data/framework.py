"""One entry point: read, check and model the framework, cached by content."""

from __future__ import annotations

import functools
import pickle
import sys
from importlib import metadata
from pathlib import Path

from bicentennial.data import load, model
from bicentennial.files import atomic_write, fingerprint

_cache: dict[str, model.Framework] = {}
CACHE_FILE = "framework.pickle"


@functools.cache
def _fingerprint() -> str:
    """What the checked model depends on besides the two files: this package's code, PyYAML, jsonschema, Python."""
    return fingerprint(*sorted(Path(__file__).parent.glob("*.py")),
                       versions=f"{sys.version}|{metadata.version('PyYAML')}|{metadata.version('jsonschema')}")


def read(data_file: Path, schema_file: Path, display: str | None = None,
         cache_dir: Path | None = None) -> model.Framework:
    """Return the validated Framework, or raise load.FrameworkError.

    Cached on the bytes of both files: static-i18n runs every hook once per
    language, and `mkdocs serve` rebuilds often; parsing once per change is enough.
    With `cache_dir` (the build's), the last checked model is also kept on disk
    with its key (``framework.pickle``): a build of data already checked loads it
    in 15 ms instead of reading and checking 1 MB of YAML (1.1 s at 100×). Only a
    model that passed every check is written there, and only the build writes it.
    """
    display = display or str(data_file)
    try:
        key = fingerprint(data_file, schema_file, versions=_fingerprint())
    except OSError:
        key = None
    if key and key in _cache:
        return _cache[key]
    stored = Path(cache_dir) / CACHE_FILE if cache_dir and key else None
    result = _load_stored(stored, key) if stored else None
    if result is None:
        from bicentennial.data import validate  # jsonschema: 0.15 s to import, needed only here

        loaded = load.parse(data_file, display)
        validate.check(loaded, load.load_schema(schema_file), display)
        result = model.from_plain(loaded.data, span=loaded.span)
        if stored:
            _store(stored, key, result)
    if key:
        _cache.clear()
        _cache[key] = result
    return result


def _load_stored(path: Path, key: str) -> model.Framework | None:
    try:
        stored_key, result = pickle.loads(path.read_bytes())
    except Exception:  # none yet, or unreadable (another version wrote it): read the data file
        return None
    return result if stored_key == key and isinstance(result, model.Framework) else None


def _store(path: Path, key: str, result: model.Framework) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL), durable=False)
