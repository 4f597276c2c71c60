"""adapter/theme_strings.py and overrides/partials/language.html give every string Material's own file gives."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from mkdocs.theme import Theme

from bicentennial.adapter import theme_strings

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"
KEYS = re.findall(r'^\s*"([\w.\-]+)":', (MATERIAL / "partials" / "languages" / "en.html").read_text(), re.M)


def _env(language: str):
    return Theme(name="material", custom_dir=str(ROOT / "overrides"), language=language).get_env()


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_string_is_what_materials_own_language_file_gives(language):
    env = _env(language)
    context = {"config": {"theme": {"language": language}}}
    materials = env.from_string((MATERIAL / "partials" / "language.html").read_text()).make_module(context)
    ours_without_table = env.get_template("partials/language.html").make_module(context)  # Material's search plugin
    theme_strings.install(env)
    ours = env.get_template("partials/language.html").make_module(dict(context, bf_t=env.globals["bf_t"]))
    assert len(KEYS) > 50
    for key in [*KEYS, "no.such.key"]:
        expected = str(materials.t(key))
        assert str(ours.t(key)) == expected, key
        assert str(ours_without_table.t(key)) == expected, key
    if language == "es":  # our partials/languages/es.html still wins over Material's
        assert str(ours.t("search")) == str(env.get_template("partials/languages/es.html").module.t("search"))


def test_each_string_is_asked_of_materials_macros_once_per_language():
    env = _env("es")
    strings = theme_strings.install(env).globals["bf_t"]
    calls = []
    real = strings._macro
    strings._macro = lambda language: (calls.append(language), real(language))[1]
    for _ in range(3):
        strings("es", "search.placeholder")
        strings("en", "search.placeholder")
    assert calls == ["es", "en"]
