"""Search index post-processing (hooks/bicentennial/publish/search_index.py): unit and build tests."""

from __future__ import annotations

import json
import os
import re

import pytest

from bicentennial.publish import search_index as si
from bicentennial.upstream import UpstreamChanged

CONFIG_RE = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def _page(lang: str, base: str, worker: str = "../assets/javascripts/workers/search.a7633da7.min.js") -> str:
    config = json.dumps({"base": base, "search": worker, "features": []})
    return f'<!doctype html><html lang="{lang}"><head></head><body><script id="__config" type="application/json">{config}</script></body></html>'


def _config(page: str) -> dict:
    return json.loads(CONFIG_RE.search(page).group(1))


def test_lang_of_strips_the_language_prefix_only():
    assert si.lang_of("es/objectives/2.1.3/") == ("es", "objectives/2.1.3/")
    assert si.lang_of("es/#area-2.1") == ("es", "#area-2.1")
    assert si.lang_of("es/") == ("es", "")
    assert si.lang_of("objectives/2.1.3/") == ("en", "objectives/2.1.3/")
    assert si.lang_of("#goal-1") == ("en", "#goal-1")
    assert si.lang_of("estonia/") == ("en", "estonia/")  # a page that merely starts with "es"


def test_tune_keys_item_pages_and_keeps_boost_on_the_main_entry_only():
    assert si.tune({"location": "objectives/2.1.3/", "title": "t", "text": "", "boost": 2}) == {
        "location": "objectives/2.1.3/", "title": "t", "text": "", "key": "id_2.1.3", "boost": 2}
    assert si.tune({"location": "goals/3/", "title": "t", "text": "", "boost": 4})["key"] == "id_3"
    section = si.tune({"location": "goals/2/#area-2.1", "title": "Cooperation Area 2.1", "text": "", "boost": 4})
    assert "boost" not in section and "key" not in section
    assert "key" not in si.tune({"location": "about/", "title": "t", "text": ""})


def test_split_gives_each_language_its_own_entries_and_config():
    combined = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
                "docs": [{"location": "", "title": "Home", "text": ""},
                         {"location": "areas/2.1/", "title": "Cooperation Area 2.1: Secure", "text": "", "boost": 3},
                         {"location": "es/", "title": "Inicio", "text": ""},
                         {"location": "es/areas/2.1/", "title": "Área de coordinación 2.1", "text": "", "boost": 3},
                         {"location": "es/areas/2.1/#top", "title": "Área", "text": "", "boost": 3}]}
    out = si.split(combined)
    assert [d["location"] for d in out["en"]["docs"]] == ["", "areas/2.1/"]
    assert [d["location"] for d in out["es"]["docs"]] == ["", "areas/2.1/", "areas/2.1/#top"]
    assert out["en"]["config"]["lang"] == ["en"] and out["es"]["config"]["lang"] == ["es"]
    assert out["es"]["docs"][1]["key"] == "id_2.1" and out["es"]["docs"][1]["boost"] == 3
    assert "trimmer" not in out["es"]["config"]["pipeline"]
    fields = out["es"]["config"]["fields"]
    assert {"title_f", "title_s", "text_f", "text_s", "key"} <= set(fields)
    assert fields["key"]["boost"] > fields["title"]["boost"] > fields["text"]["boost"]


@pytest.mark.parametrize("text, tokens", [
    ("Joint Objective 2.1.3: Strengthen", ["Joint", "Objective", "2.1.3", "Strengthen"]),
    ("objetivo 2.1.3.", ["objetivo", "2.1.3"]),
    ("U.S.-Mexico (TCOs), protección", ["U", "S", "Mexico", "TCOs", "protección"]),
    ("Security &amp; Health › Goal 3", ["Security", "Health", "Goal", "3"]),
])
def test_separator_keeps_dotted_numbers_and_accented_words_whole(text, tokens):
    assert [t for t in re.split(si.SEPARATOR, text) if t] == tokens


def test_localize_config_points_spanish_pages_at_the_spanish_root():
    es = _config(si.localize_config(_page("es", "../../..")))
    assert es["base"] == "../../../es/"
    assert es["search"] == "../assets/javascripts/workers/bf-search.js?material=search.a7633da7.min.js"
    assert _config(si.localize_config(_page("es", "/REPO/")))["base"] == "/REPO/es/"  # a 404 page
    assert _config(si.localize_config(_page("es", "..")))["base"] == "../es/"
    en = _config(si.localize_config(_page("en", ".")))
    assert en["base"] == "." and en["search"].endswith("bf-search.js?material=search.a7633da7.min.js")


def test_localize_config_refuses_a_page_without_materials_config_and_escapes_script_ends():
    plain = '<html lang="es"><body>hola</body></html>'
    with pytest.raises(UpstreamChanged, match="__config"):
        si.localize_config(plain)
    page = _page("en", ".").replace('"features": []', '"features": ["</script>"]')
    out = si.localize_config(page.replace("</script>\"]", "<\\/script>\"]"))
    assert out.count("</script>") == 1 and _config(out)["features"] == ["</script>"]


def test_publish_writes_one_index_per_language(site):
    en = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    es = json.loads((site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert en["config"]["lang"] == ["en"] and es["config"]["lang"] == ["es"]
    for index, root, lang in ((en, site, "en"), (es, site / "es", "es")):
        pages = {d["location"].split("#")[0] for d in index["docs"]}
        assert len(pages) > 40
        for location in pages:
            assert not location.startswith("es/"), location
            html = (root / location / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, location
    keyed = {d["key"]: d["title"] for d in es["docs"] if "key" in d}
    assert keyed["id_2.1.3"].startswith("Objetivo conjunto 2.1.3")
    assert any("ó" in d["title"] for d in es["docs"])  # what readers see keeps its accents


def test_item_pages_keep_their_citations_and_source_note_out_of_search(site):
    """Each item page cites itself in both languages and repeats the source note: indexed, they put the
    other language's words in each index and made "embassy" or "plan" list every item page."""
    for index_file, other in ((site / "search" / "search_index.json", "Objetivo conjunto"),
                              (site / "es" / "search" / "search_index.json", "Joint Objective")):
        docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
        item_docs = [d for d in docs if d["location"].startswith(("goals/", "areas/", "objectives/"))]
        assert len({d["location"].split("#")[0] for d in item_docs}) == 40  # 3 goals, 11 areas, 26 objectives
        assert not [d["location"] for d in item_docs if d["location"].endswith(("#cite", "#source"))]
        assert not [d["location"] for d in docs if other in d["text"] and d["location"] != "side-by-side/"]
        # the text itself is still found on its page
        assert any(d["location"] == "objectives/2.1.3/#top" for d in item_docs)


def test_the_home_page_overview_is_indexed_under_its_areas(site):
    for index_file in (site / "search" / "search_index.json", site / "es" / "search" / "search_index.json"):
        docs = json.loads(index_file.read_text(encoding="utf-8"))["docs"]
        area = next(d for d in docs if d["location"] == "#area-1.1")
        assert "1.1.1" in area["text"]  # the overview's objectives under their area


def test_every_page_loads_its_own_language_index_through_the_worker_extension(site):
    assert (site / "assets" / "javascripts" / "workers" / si.WORKER).is_file()
    for path in [site / "index.html", site / "es" / "index.html", site / "es" / "objectives" / "2.1.3" / "index.html",
                 site / "404.html", site / "es" / "404.html"]:
        assert path.is_file(), f"{path.relative_to(site)} was not published"
        html = path.read_text(encoding="utf-8")
        config = _config(html)
        lang = re.search(r'<html[^>]*\slang="(\w+)"', html).group(1)
        assert config["search"].split("?")[0].endswith("workers/bf-search.js")
        worker = config["search"].split("material=")[1]
        assert (site / "assets" / "javascripts" / "workers" / worker).is_file()
        assert config["base"].endswith("/es/") == (lang == "es"), path


# --- The stand-in section parser (hooks/bicentennial/adapter/search_parser.py) ----------------------------

TRICKY = [
    "<p>Before any heading</p><h1 id='t'>Title &amp; more</h1><p>a  b\nc</p>",
    '<h2 id="first">Not an h1 first</h2><ul><li>one</li><li></li><li> </li></ul>',
    '<h1>No id</h1><h2 id="x">X <a class="headerlink" href="#x">¶</a></h2><p>t</p>',
    '<div><h2 id="in">Nested</h2><p>inside</p></div><p>after the div</p>',
    '<div data-search-exclude><p>hidden</p><div>inner</div><p>shown: the inner div ended it</p></div>',
    '<h2 id="ex" data-search-exclude>Excluded heading</h2><p>its text</p>',
    "<pre><code>  keep\n   spaces  </code></pre><p>x</p>",
    '<p>a<br>b<br/>c<img src="x" alt="y">d</p><!-- a <p> comment --><p>e&lt;f &gt; g &#169; &copy</p>',
    "<script>if (a < b && c > d) { x = '</p>'; }</script><style>p > a { }</style><p>ok</p>",
    "<P CLASS=lead Data-X='1' hidden>Upper case</P><p>unclosed <b>bold</i> text</p></p>",
    '<table class="linenodiv"><tr><td>1</td></tr></table><p><sub>2</sub><sup></sup></p>',
    "<h3 id='a'>A</h3><h4 id='b'>B</h4>text only\n\n<ol><li><p>para</p></li></ol>",
]


def _sections(parser_class, html: str) -> list:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.id, s.title, s.text, s.is_excluded(), s.depth) for s in parser.data]


@pytest.mark.parametrize("html", TRICKY)
def test_the_stand_in_parser_cuts_tricky_html_as_materials_parser_does(html):
    from material.plugins.search.plugin import Parser as MaterialParser

    from bicentennial.adapter.search_parser import Parser
    assert _sections(Parser, html) == _sections(MaterialParser, html)


def test_the_stand_in_parser_cuts_every_built_page_as_materials_parser_does(site):
    from material.plugins.search.plugin import Parser as MaterialParser

    from bicentennial.adapter.search_parser import Parser
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 80
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert _sections(Parser, html) == _sections(MaterialParser, html), path


# --- The sections cached between builds (search_parser.SectionCache) ---------------------------------------

def _material_entries(parser_class, html: str) -> list[dict]:
    """What Material's search plugin indexes for a page of `html`, with `parser_class` as its Parser."""
    import types

    from material.plugins.search import plugin as material_search

    original = material_search.Parser
    material_search.Parser = parser_class
    try:
        index = material_search.SearchIndex()
        index.add_entry_from_context(types.SimpleNamespace(meta={"title": "Page"}, title="Page", url="p/", toc=[],
                                                           content=html))
    finally:
        material_search.Parser = original
    return index.entries


def _splits(monkeypatch) -> list[str]:
    """The pages the stand-in's tokenizer is run on from now on."""
    from bicentennial.adapter import html_tokens

    fed: list[str] = []
    feed = html_tokens.feed
    monkeypatch.setattr(html_tokens, "feed", lambda handler, html: (fed.append(html), feed(handler, html))[1])
    return fed


def test_sections_taken_from_the_cache_index_as_materials_own_parser_does(tmp_path, monkeypatch):
    from material.plugins.search.plugin import Parser as MaterialParser

    from bicentennial.adapter.search_parser import StandIn
    stand_in, fed = StandIn(), _splits(monkeypatch)
    stand_in.cache.open(tmp_path, "en")
    first = [_material_entries(stand_in.parser_class, html) for html in TRICKY]
    assert stand_in.cache.save() == (len(TRICKY), 0) and len(fed) == len(TRICKY)
    stand_in.cache.open(tmp_path, "en")
    again = [_material_entries(stand_in.parser_class, html) for html in TRICKY]
    assert stand_in.cache.save() == (0, len(TRICKY)) and len(fed) == len(TRICKY)  # none split again
    expected = [_material_entries(MaterialParser, html) for html in TRICKY]
    assert first == expected and again == expected


def test_the_cache_file_changes_only_with_the_pages_and_drops_what_no_page_has(tmp_path, monkeypatch):
    from bicentennial.adapter.search_parser import StandIn
    stand_in, fed = StandIn(), _splits(monkeypatch)
    path = tmp_path / "search-es.marshal"

    def build(pages, keep_unused=False):
        stand_in.cache.open(tmp_path, "es")
        for html in pages:
            _material_entries(stand_in.parser_class, html)
        return stand_in.cache.save(keep_unused=keep_unused)

    assert build(TRICKY[:3]) == (3, 0)
    os.utime(path, ns=(1, 1))
    assert build(TRICKY[:3]) == (0, 3) and path.stat().st_mtime_ns == 1  # nothing new: not written
    assert build(TRICKY[1:4]) == (1, 2) and path.stat().st_mtime_ns != 1  # one new, one gone
    fed.clear()
    assert build(TRICKY[:1], keep_unused=True) == (1, 0)  # gone from the file above, so split again
    assert build(TRICKY[:4]) == (0, 4) and fed == [TRICKY[0]]  # --dirty kept the others
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("damage", ["garbage", "other code", "other type"])
def test_a_cache_file_from_other_code_or_damaged_is_ignored(tmp_path, monkeypatch, damage):
    import marshal

    from bicentennial.adapter import search_parser
    stand_in, fed = search_parser.StandIn(), _splits(monkeypatch)
    stand_in.cache.open(tmp_path, "en")
    _material_entries(stand_in.parser_class, TRICKY[0])
    stand_in.cache.save()
    path = tmp_path / "search-en.marshal"
    fingerprint, known = marshal.loads(path.read_bytes())
    path.write_bytes({"garbage": b"\x00not marshal", "other code": marshal.dumps(("0" * 32, known)),
                      "other type": marshal.dumps((fingerprint, [1, 2]))}[damage])
    stand_in.cache.open(tmp_path, "en")
    assert _material_entries(stand_in.parser_class, TRICKY[0]) == _material_entries(stand_in.parser_class, TRICKY[0])
    assert stand_in.cache.save() == (1, 1) and len(fed) == 2  # split again, then taken from what was just split
    assert marshal.loads(path.read_bytes())[0] == fingerprint  # and rewritten


def test_a_closed_cache_splits_every_page_and_writes_nothing(tmp_path, monkeypatch):
    from bicentennial.adapter.search_parser import StandIn
    stand_in, fed = StandIn(), _splits(monkeypatch)
    stand_in.cache.open(tmp_path, "en")
    stand_in.cache.close()  # a failed build
    for _ in range(2):
        _material_entries(stand_in.parser_class, TRICKY[0])
    assert len(fed) == 2 and stand_in.cache.save() is None and list(tmp_path.iterdir()) == []
