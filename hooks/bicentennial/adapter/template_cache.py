"""Compile each of the theme's Jinja templates once, not once per build and language; look them up in a dict.

MkDocs makes a new Jinja environment for every build, and static-i18n one
for every language pass, so each compiled Material's templates from source
again: a fifth of a 1× build, paid on every rebuild of `mkdocs serve`, and
0.5 s of each process's build at 100×. ``install`` gives each new
environment the same bytecode cache: in memory, and on disk in the build
cache (``.cache/build/templates``), so that the next build's processes load
the compiled code instead of compiling. Jinja keys a template by its name
and file and checks its source's checksum before using the cached code (and
its own and Python's version, on disk), so an edited template (overrides/
under `mkdocs serve`) is compiled anew.

It also replaces the environment's template cache, a 400-entry LRU that
moves the looked-up key to its end with a linear ``deque.remove`` on every
lookup (every ``{% include %}`` of every page: 0.5 s of each process at
100×), by a plain dict, which is what Jinja itself uses when its cache size
is unlimited (``cache_size=-1``). The site has some 60 templates.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.utils import LRUCache


class InMemory(jinja2.BytecodeCache):
    """Jinja's BytecodeCache over a dict (Jinja ships file and memcached ones only), backed by a folder if given."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.disk: jinja2.FileSystemBytecodeCache | None = None

    def use_folder(self, folder: Path | None) -> None:
        if folder is None:
            self.disk = None
        elif self.disk is None or self.disk.directory != str(folder):
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.disk = jinja2.FileSystemBytecodeCache(str(folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by the bucket if the source's checksum differs
        if bucket.code is None and self.disk is not None:
            self.disk.load_bytecode(bucket)  # the same checks, and Jinja's and Python's version

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)  # written to a temporary file, then renamed into place


CACHE = InMemory()


def install(env: jinja2.Environment, folder: Path | None = None) -> jinja2.Environment:
    """Give `env` the shared bytecode cache (kept in `folder` too, if given) and a dict as its template cache."""
    if env.bytecode_cache is None:
        CACHE.use_folder(folder)
        env.bytecode_cache = CACHE
    if isinstance(env.cache, LRUCache):
        env.cache = dict(env.cache.items())
    return env
