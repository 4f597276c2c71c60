"""Compile each of the theme's Jinja templates once per process, not once per build and language.

MkDocs makes a new Jinja environment for every build, and static-i18n one
for every language pass, so each compiled Material's templates from source
again: a fifth of a 1× build, paid on every rebuild of `mkdocs serve`.
``install`` gives each new environment the same in-memory bytecode cache.
Jinja keys a template by its name and file and checks its source's checksum
before using the cached code, so an edited template (overrides/ under
`mkdocs serve`) is compiled anew.
"""

from __future__ import annotations

import jinja2


class InMemory(jinja2.BytecodeCache):
    """Jinja's BytecodeCache over a dict (Jinja ships file and memcached ones only)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored by the bucket if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


CACHE = InMemory()


def install(env: jinja2.Environment) -> jinja2.Environment:
    if env.bytecode_cache is None:
        env.bytecode_cache = CACHE
    return env
