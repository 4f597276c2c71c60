"""adapter/template_memo.py: parts of the page drawn once and reused, and the site the same as without it."""

from __future__ import annotations

import jinja2

from bicentennial.adapter import template_memo
from support.site import build_site, digest

PAGE = ('{% call bf_memo("menu", key, fill={"here": here}) %}<nav>{{ items }} · {{ bf_slot("here") }}</nav>{% endcall %}'
        '<h1>{{ title }}</h1>')


def _template() -> jinja2.Template:
    return template_memo.install(jinja2.Environment()).from_string(PAGE)


def test_a_part_is_drawn_once_per_key_and_its_slots_filled_on_every_page():
    page = _template()
    memo = page.globals["bf_memo"]
    first = page.render(key=["en", "../.."], items="A B", here="2.1.3", title="One")
    # The same key: the part is reused (even if the context changed: the key must hold what it depends on).
    second = page.render(key=["en", "../.."], items="CHANGED", here="2.1.4", title="Two")
    assert first == "<nav>A B · 2.1.3</nav><h1>One</h1>"
    assert second == "<nav>A B · 2.1.4</nav><h1>Two</h1>"
    assert memo.rendered == 1
    # Another key (another depth) is drawn anew; no key draws every time and keeps nothing.
    assert page.render(key=["en", ".."], items="C", here="x", title="") == "<nav>C · x</nav><h1></h1>"
    assert page.render(key=None, items="D", here="y", title="") == "<nav>D · y</nav><h1></h1>"
    assert page.render(key=None, items="E", here="z", title="") == "<nav>E · z</nav><h1></h1>"
    assert memo.rendered == 2


def test_each_environment_has_its_own_memory():
    # MkDocs makes an environment per build (each `mkdocs serve` rebuild) and static-i18n one per language.
    assert _template().render(key=["en"], items="old", here="", title="") == "<nav>old · </nav><h1></h1>"
    assert _template().render(key=["en"], items="new", here="", title="") == "<nav>new · </nav><h1></h1>"


def test_the_site_is_the_same_byte_for_byte_without_the_memo(site, tmp_path):
    """Every part the templates reuse is exactly what Material renders for each page on its own."""
    plain = tmp_path / "site"
    result = build_site(plain, BF_MEMO="false")
    assert result.returncode == 0, result.stderr[-3000:]
    a, b = digest(site), digest(plain)
    assert len(a) > 100 and sorted(set(a) ^ set(b)) == []
    assert sorted(f for f in a if a[f] != b[f]) == []


def test_the_contents_key_holds_what_the_contents_list_shows_and_not_the_pages_own_title():
    from types import SimpleNamespace as NS

    from bicentennial.adapter.template_memo import toc_key

    def page(title, sections, **meta):
        children = [NS(url=f"#{id_}", title=name, level=2, children=[]) for id_, name in sections]
        return NS(meta=meta, toc=[NS(url="#top", title=title, level=1, children=children)])

    nav = NS(pages=[])
    cite = [("context", "Where it belongs"), ("cite", "Cite this joint objective")]
    assert toc_key(page("Objective 2.1.3: Security", cite), nav) == toc_key(page("Objective 2.1.4: Justice", cite), nav)
    for other in (page("x", cite[:1]), page("x", [("context", "Where it is")]), page("x", [("ctx", cite[0][1])]),
                  page("x", cite, bf_contents="top"), page("x", cite, bf_no_toc=True)):
        assert toc_key(other, nav) != toc_key(page("x", cite), nav)
    listed = page("x", cite)
    assert toc_key(listed, NS(pages=[listed])) != toc_key(page("x", cite), nav)  # in the nav: a __toc label
