"""Material's interface strings, each looked up once per build and language instead of once per use.

Material's templates ask for every interface string through
``partials/language.html``: ``lang.t(key)`` calls the macro of
``partials/languages/<language>.html``, which builds a table of about a hundred
strings and picks one, falling back to English and then to the key itself.
Material asks about 25 times a page, so at 100× (8,000 pages) that was 4% of the
build (bench/, py-spy). overrides/partials/language.html calls ``bf_t``
instead: this module asks Material's own macros once per language and key,
through the same template loader (so our partials/languages/es.html still
wins), and remembers the answer for the rest of the build. ``install`` gives
each new Jinja environment (a build, a language pass) its own memory, so an
edited language file is read again on the next `mkdocs serve` rebuild.

tests/unit/test_theme_strings.py checks every key Material defines, in both
languages, against Material's own macro chain.
"""

from __future__ import annotations

import jinja2


class Strings:
    """``bf_t(language, key)``: what Material's ``lang.t(key)`` gives for a page in `language`."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.memo: dict[tuple[str, str], str] = {}

    def _macro(self, language: str):
        return self.env.get_template(f"partials/languages/{language}.html").module.t

    def __call__(self, language: str, key: str) -> str:
        try:
            return self.memo[(language, key)]
        except KeyError:
            pass
        # Material's partials/language.html: lang.t(key) or fallback.t(key) or key
        value = str(self._macro(language)(key)) or str(self._macro("en")(key)) or key
        self.memo[(language, key)] = value
        return value


def install(env: jinja2.Environment) -> jinja2.Environment:
    env.globals["bf_t"] = Strings(env)
    return env
