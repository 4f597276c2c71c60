"""What the build relies on in MkDocs, Material and static-i18n: each assumption holds, and breaking it is loud.

Material for MkDocs is in its final maintenance period and MkDocs 1.x is
unmaintained, so every upstream name, flag and piece of HTML the build
relies on has two tests here:

- it holds with the pinned versions (checked against the real packages:
  Material's own search index, Material's own HTML, static-i18n's own
  on_post_build);
- when it is broken as a later release could break it (tests/contract/breaks.py,
  applied inside a real `mkdocs build`), the build stops with our one-line
  UpstreamChanged message naming the package and its version — no
  traceback, no quietly different site.

Run them alone with `pytest -m contract`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
from importlib import metadata
from pathlib import Path

import pytest

from bicentennial.adapter import render_bypass, search_parser
from bicentennial.features import abbreviations
from bicentennial.publish import head_tags, not_found, page_weight, search_index, valid_markup
from bicentennial.publish.page_info import PageInfo
from bicentennial.upstream import UpstreamChanged
from support.site import ROOT

pytestmark = pytest.mark.contract

MATERIAL = f"Material for MkDocs {metadata.version('mkdocs-material')}"
MKDOCS = f"MkDocs {metadata.version('mkdocs')}"
I18N = f"mkdocs-static-i18n {metadata.version('mkdocs-static-i18n')}"


def build(dest: Path, brk: str, **env) -> subprocess.CompletedProcess:
    """A real `mkdocs build --strict` of the site into `dest`, with one assumption broken (breaks.py)."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=os.pathsep.join([str(ROOT / "tests"), str(ROOT / "hooks")]),
                    SOURCE_DATE_EPOCH="1643587200", **env)
    return subprocess.run([sys.executable, str(ROOT / "tests" / "contract" / "run_build.py"), brk, "--strict",
                           "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)],
                          cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=600)


# --- Breaking an assumption stops the build with one line that names the package ---------------------

LOUD = {
    "parser_not_looked_up": (MATERIAL, "expected its search plugin to split pages with `Parser`"),
    "parser_renamed": (MATERIAL, "expected material.plugins.search.plugin to define the class `Parser`"),
    "render_not_called": (MKDOCS, "expected pages to be rendered by calling page.render(config, files)"),
    "i18n_without_building_flag": (I18N, "expected its plugin to have `building`"),
    "build_cleans_another_way": (MKDOCS, "expected mkdocs.commands.build.build to empty the output folder "
                                         "with mkdocs.utils.clean_directory"),
    "no_spanish_404": (I18N, "expected each language's pass to render Material's 404.html (none for 'es')"),
}


@pytest.mark.parametrize("brk", sorted(LOUD))
def test_a_broken_upstream_assumption_stops_the_build_with_one_line(tmp_path, brk):
    # One process, so the line is said once (a forked child would say it for its language too); the
    # forked child's own assumption is checked with the fork on.
    result = build(tmp_path / "site", brk, BF_SERIAL="false" if brk == "build_cleans_another_way" else "true")
    out = result.stdout + result.stderr
    package, expected = LOUD[brk]
    assert result.returncode != 0, out[-3000:]
    lines = [line for line in out.splitlines() if expected in line]
    assert len(lines) == 1, out[-3000:]
    assert re.search(rf"{re.escape(package)}: {re.escape(expected)}", lines[0]), lines[0]
    assert "relies on it)" in lines[0] and "Pin the last version that worked" in lines[0]
    assert "Traceback" not in out, out[-3000:]


def test_a_handler_after_the_policy_stops_the_build(tmp_path):
    result = build(tmp_path / "site", "late_post_page_handler")
    out = result.stdout + result.stderr
    assert result.returncode != 0, out[-3000:]
    assert re.search(r"ERROR +- +the Content-Security-Policy must be the last on_post_page handler, but "
                     r"contract\.breaks\.\S+<lambda> runs after it: give that handler a higher priority", out), out
    assert "Traceback" not in out, out[-3000:]


# --- Each assumption holds with the pinned versions ---------------------------------------------------

def test_materials_search_index_makes_its_parser_from_the_module_global_it_gets_replaced_with():
    from material.plugins.search import plugin as material_search

    stand_in = search_parser.StandIn()
    original = material_search.Parser
    try:
        stand_in.install()
        index = material_search.SearchIndex()
        page = types.SimpleNamespace(meta={}, title="T", url="x/", toc=[],
                                     content='<h1 id="t">T</h1><p>Hello <code>world</code></p>')
        index.add_entry_from_context(page)
    finally:
        material_search.Parser = original
    assert stand_in.uses == 1
    assert [e["text"] for e in index.entries] == ["<p>Hello <code>world</code></p>"]


def test_mkdocs_renders_each_page_by_calling_its_render_attribute():
    import inspect

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.pages import Page

    assert "page.render(config, files)" in inspect.getsource(mkdocs_build._populate_page)
    page = types.SimpleNamespace(markdown="<h2 id=\"a\">A &amp; B</h2>\n\n<p>x</p>\n", file=types.SimpleNamespace(src_uri="a.md"))
    rendered: set[str] = set()
    render_bypass.replace_render(page, lambda html: html, rendered)
    page.render(None, None)
    assert rendered == {"a.md"} and page.content == '<h2 id="a">A &amp; B</h2>\n<p>x</p>'
    assert [item.title for item in page.toc] == ["A &amp; B"] and page.present_anchor_ids == {"a"}
    assert callable(Page.render)


def test_mkdocs_build_empties_the_output_folder_with_the_function_the_forked_child_replaces():
    import inspect

    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build

    assert callable(utils.clean_directory)
    assert "utils.clean_directory(config.site_dir)" in inspect.getsource(mkdocs_build.build)


def _i18n_plugin(monkeypatch):
    """static-i18n's plugin as the site configures it, with MkDocs' build replaced by a recorder."""
    import mkdocs_static_i18n.plugin as i18n_module
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    i18n = config.plugins["i18n"]
    calls: list[str] = []
    monkeypatch.setattr(i18n_module, "build", lambda config, dirty=False: calls.append(i18n.current_language))
    monkeypatch.setattr(i18n, "reconfigure_search_index", lambda config: None)
    config = i18n.on_config(config)
    return config, i18n, calls


def test_static_i18n_building_flag_makes_its_post_build_only_collect_search_entries(monkeypatch):
    config, i18n, calls = _i18n_plugin(monkeypatch)
    assert vars(i18n).get("building") is False  # the flag exists, and a new plugin is not in an inner pass
    collected: list[str] = []
    monkeypatch.setattr(i18n, "extend_search_entries", lambda config: collected.append(i18n.current_language))
    i18n.building = True
    i18n.on_post_build(config)
    assert calls == [] and collected == ["en"] and i18n.building is True
    i18n.building = False
    i18n.on_post_build(config)
    assert calls == ["es"] and i18n.building is False  # without the flag, it builds the other language itself
    assert i18n.build_languages == ["en", "es"] and isinstance(i18n.search_entries, list)


def test_static_i18n_post_build_runs_before_the_sites(monkeypatch):
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    handlers = config.plugins.events["post_build"]
    owners = [getattr(getattr(h, "__self__", None), "__class__", type(None)).__name__ for h in handlers]
    assert owners.index("I18n") < owners.index("BicentennialPlugin")


def test_the_policy_is_the_last_post_page_handler():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    last = config.plugins.events["post_page"][-1]
    assert last.__func__.__name__ == "_page_policy" and type(last.__self__).__name__ == "BicentennialPlugin"


# --- Every pattern we match in Material's HTML still finds its anchor ---------------------------------

@pytest.fixture(scope="module")
def raw_site(tmp_path_factory):
    """The site as Material writes it, before any of our final-HTML steps."""
    dest = tmp_path_factory.mktemp("raw") / "site"
    result = build(dest, "raw", BF_SERIAL="true")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return dest


RAW_PAGES = ["index.html", "es/index.html", "objectives/2.1.3/index.html", "es/objectives/2.1.3/index.html",
             "about/index.html"]
INFO = PageInfo(lang="en", url="objectives/2.1.3/", neutral_url="objectives/2.1.3/",
                site_url="https://example.org/", title="Joint Objective 2.1.3",
                alternates={"en": "objectives/2.1.3/", "es": "es/objectives/2.1.3/"})


@pytest.mark.parametrize("path", RAW_PAGES)
def test_materials_head_tags_are_in_the_forms_head_tags_replaces(raw_site, path):
    page = (raw_site / path).read_text(encoding="utf-8")
    head = page[:page.index("</head>")]
    assert len(head_tags._REPLACED.findall(head)) >= 2  # canonical and description at least
    assert head_tags._TITLE.search(head)
    out = head_tags.apply(page, INFO, "S")
    assert out.count('rel="canonical"') == 1


@pytest.mark.parametrize("path", RAW_PAGES)
def test_materials_scripts_and_styles_are_where_page_weight_expects_them(raw_site, path):
    page = (raw_site / path).read_text(encoding="utf-8")
    assert page_weight._PALETTE.search(page)
    assert any(page_weight._BUNDLE.search(m.group(1)) for m in page_weight._SCRIPT.finditer(page))
    assert "bf-boot.js" in page_weight.lighten(page)


@pytest.mark.parametrize("path", RAW_PAGES)
def test_materials_page_config_is_what_search_index_rewrites(raw_site, path):
    page = (raw_site / path).read_text(encoding="utf-8")
    assert search_index._CONFIG.search(page)
    assert "bf-search.js?material=search." in search_index.localize_config(page)


@pytest.mark.parametrize("path", RAW_PAGES)
def test_materials_checkboxes_and_article_are_what_valid_markup_and_abbreviations_read(raw_site, path):
    page = (raw_site / path).read_text(encoding="utf-8")
    assert 'data-md-toggle="drawer"' in page and valid_markup._CHECKBOX.search(page)
    assert 'autocomplete="off"' not in valid_markup.fix(page).split("<body", 1)[1].split('data-md-toggle="search"')[0]
    assert page.count("<article") == 1


@pytest.mark.parametrize("path", ["404.html", "es/404.html"])
def test_materials_404_page_is_what_not_found_rewrites(raw_site, path):
    page = (raw_site / path).read_text(encoding="utf-8")
    assert not_found._CONTENT in page and not_found._VIEWPORT.search(page) and not_found._SWITCH.search(page)


@pytest.mark.parametrize("change, package, expected", [
    (lambda p: p.replace("<title>", "<title data-x>"), MATERIAL, "a <title> in the <head>"),
    (lambda p: re.sub(r'<link rel="canonical" href="([^"]*)">', r'<link href="\1" rel="canonical">', p),
     MATERIAL, "its canonical, alternate and description tags"),
    (lambda p: re.sub(r'<meta name="description" content="([^"]*)">', r'<meta content="\1" name="description">', p),
     MATERIAL, "its canonical, alternate and description tags"),
], ids=["title", "canonical", "description"])
def test_head_tags_refuse_materials_head_in_another_form(raw_site, change, package, expected):
    page = change((raw_site / "objectives/2.1.3/index.html").read_text(encoding="utf-8"))
    with pytest.raises(UpstreamChanged, match=rf"^{re.escape(package)}: expected {re.escape(expected)}"):
        head_tags.apply(page, INFO, "S")


@pytest.mark.parametrize("step, change, expected", [
    (page_weight.lighten, lambda p: re.sub(r"bundle\.([0-9a-f]+)\.min\.js", r"bundle-\1.js", p), "bundle.<hash>.min.js"),
    (page_weight.lighten, lambda p: re.sub(r'<link rel="stylesheet" href="([^"]*palette[^"]*)">',
                                           r'<link href="\1" rel="stylesheet">', p), "palette.<hash>.min.css"),
    (search_index.localize_config, lambda p: p.replace('id="__config"', 'id="__md_config"'), "__config"),
    (search_index.localize_config, lambda p: re.sub(r"search\.([0-9a-f]+)\.min\.js", r"search-\1.js", p),
     "search worker"),
    (valid_markup.fix, lambda p: p.replace('type="checkbox"', 'type=checkbox'), "drawer toggle"),
    (lambda p: abbreviations.mark(p, "en"), lambda p: p.replace("<article", "<div").replace("</article>", "</div>"),
     "<article>"),
], ids=["bundle", "palette", "config", "worker", "checkbox", "article"])
def test_publish_steps_refuse_materials_page_in_another_form(raw_site, step, change, expected):
    page = change((raw_site / "objectives/2.1.3/index.html").read_text(encoding="utf-8"))
    with pytest.raises(UpstreamChanged, match=rf"^{re.escape(MATERIAL)}: expected .*{re.escape(expected)}"):
        step(page)


def test_not_found_refuses_materials_404_page_in_another_form(raw_site):
    page = (raw_site / "404.html").read_text(encoding="utf-8")
    with pytest.raises(UpstreamChanged, match=rf"^{re.escape(MATERIAL)}: expected its 404 page to hold"):
        not_found.page(page.replace("<h1>404 - Not found</h1>", "<h1>Not found</h1>"), "en", "/")
    with pytest.raises(UpstreamChanged, match=rf"^{re.escape(MATERIAL)}: expected language switcher links"):
        not_found.page(page.replace('class="md-select__link"', 'class="md-select__item"'), "en", "/")
