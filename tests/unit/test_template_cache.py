"""adapter/template_cache.py: a template is compiled once per process, and again only when its source changes."""

from __future__ import annotations

import jinja2

from bicentennial.adapter import template_cache


class Counting(jinja2.Environment):
    compiled = 0

    def compile(self, *args, **kwargs):
        if not kwargs.get("raw"):
            Counting.compiled += 1
        return super().compile(*args, **kwargs)


def _env(templates: dict[str, str]) -> jinja2.Environment:
    return template_cache.install(Counting(loader=jinja2.DictLoader(templates)))


def test_a_new_environment_reuses_the_compiled_template_until_its_source_changes(monkeypatch):
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())
    Counting.compiled = 0
    assert _env({"page.html": "Hello {{ name }}"}).get_template("page.html").render(name="a") == "Hello a"
    assert Counting.compiled == 1
    # MkDocs makes a new environment per build and static-i18n one per language: no compiling again.
    assert _env({"page.html": "Hello {{ name }}"}).get_template("page.html").render(name="b") == "Hello b"
    assert Counting.compiled == 1
    # An edited template (overrides/ under `mkdocs serve`) is compiled anew and renders its new text.
    assert _env({"page.html": "Bye {{ name }}"}).get_template("page.html").render(name="c") == "Bye c"
    assert Counting.compiled == 2


def test_an_environment_with_its_own_cache_keeps_it():
    own = jinja2.FileSystemBytecodeCache()
    env = jinja2.Environment(bytecode_cache=own)
    assert template_cache.install(env).bytecode_cache is own


def test_a_new_process_loads_the_compiled_template_from_the_build_cache_folder(tmp_path, monkeypatch):
    def render(source: str, name: str) -> str:
        env = template_cache.install(Counting(loader=jinja2.DictLoader({"page.html": source})), tmp_path / "templates")
        return env.get_template("page.html").render(name=name)

    Counting.compiled = 0
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())
    assert render("Hello {{ name }}", "a") == "Hello a" and Counting.compiled == 1
    assert len(list((tmp_path / "templates").iterdir())) == 1
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())  # the next build: nothing in memory
    assert render("Hello {{ name }}", "b") == "Hello b" and Counting.compiled == 1
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())  # an edited template
    assert render("Bye {{ name }}", "c") == "Bye c" and Counting.compiled == 2
    monkeypatch.setattr(template_cache, "CACHE", template_cache.InMemory())
    assert render("Bye {{ name }}", "d") == "Bye d" and Counting.compiled == 2
    assert len(list((tmp_path / "templates").iterdir())) == 1  # replaced whole, no temporary file left


def test_templates_are_looked_up_in_a_dict_instead_of_jinjas_lru_cache():
    env = _env({"a.html": "A", "b.html": "{% include 'a.html' %}B"})
    assert type(env.cache) is dict
    assert env.get_template("b.html").render() == "AB"
    assert env.get_template("a.html") is env.get_template("a.html")  # each compiled template is kept
