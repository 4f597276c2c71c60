"""The site's Spanish holds to data/glossary.yaml (issue 13).

Every Spanish text (the framework's es fields, docs/es/*.md, the UI strings,
mkdocs.yml's Spanish settings, the theme's Spanish strings) is checked for
forbidden renderings and for listed terms rendered another way than the
glossary's. The checker itself is tested on planted faults, so the site's
clean result cannot come from a checker that finds nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import glossary_check as gc

TERMS = gc.load()
UNITS = gc.site_units()


# The checker, on planted faults -----------------------------------------------------------

def test_glossary_entries_are_consistent():
    assert len(TERMS) >= 20
    for term in TERMS:
        assert term.never and term.bad and term.good and term.why, term.en
        assert not gc.forbidden([term], [gc.Unit("es", term.es)]), f"{term.en}: its own rendering is forbidden"


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.en)
def test_checker_flags_each_planted_forbidden_rendering_and_passes_the_good_wording(term):
    for text in term.bad:
        assert gc.forbidden([term], [gc.Unit("planted", text)]), f"not flagged: {text!r}"
    for pattern in term.never:  # no dead pattern: each one flags a planted fault of its own
        assert any(pattern.search(gc._without_allowed(text, term)) for text in term.bad), pattern.pattern
    for text in term.good:
        assert not gc.forbidden(TERMS, [gc.Unit("good", text)]), text


def test_checker_flags_a_planted_forbidden_rendering_in_a_page():
    page = gc.Unit("docs/es/planted.md", "Los Estados Unidos y México buscan identificar, focalizar y desmantelar "
                   "a las organizaciones; véase la Embajada de los Estados Unidos en México.")
    problems = gc.forbidden(TERMS, [page])
    assert any("«focalizar»" in p for p in problems), problems
    assert any("«Embajada de los Estados Unidos»" in p for p in problems), problems
    assert all(p.startswith("docs/es/planted.md: ") for p in problems)


def test_checker_flags_a_planted_second_rendering():
    # Neither rendering is on a `never` list: only the English counterpart shows the term is rendered two ways.
    first = gc.Unit("planted[0]", "Reducir la trata de personas y el tráfico ilícito de migrantes.",
                    "Reduce human trafficking and migrant smuggling.")
    second = gc.Unit("planted[1]", "Combatir la explotación de personas.", "Combat trafficking in persons.")
    problems = gc.renderings(TERMS, [first, second])
    assert len(problems) == 1 and problems[0].startswith("planted[1]: “human trafficking, trafficking in persons”")
    sbs = gc.Unit("planted[2]", "Comparar ambos textos, uno junto al otro", "Compare both texts side by side")
    assert gc.renderings(TERMS, [sbs])


def test_checker_reads_mkdocs_theme_and_script_strings_too():
    wheres = {u.where.split(" ")[0].split("[")[0] for u in UNITS}
    for source in ("framework.yaml.framework.title", "docs/es/about.md", "content/ui.py", "features/abbreviations.py", "bf.js",
                   "mkdocs.yml", "overrides/partials/languages/es.html"):
        assert any(w.startswith(source) for w in wheres), source
    assert sum(u.where.startswith("overrides/partials/languages/es.html") for u in UNITS) >= 50
    assert all(u.es.strip() for u in UNITS)


# The site ---------------------------------------------------------------------------------

def test_no_spanish_text_uses_a_forbidden_rendering():
    problems = gc.forbidden(TERMS, UNITS)
    assert not problems, "\n".join(problems)


def test_every_listed_term_is_rendered_the_glossarys_way():
    problems = gc.renderings(TERMS, UNITS)
    assert not problems, "\n".join(problems)


def test_every_term_with_an_english_pattern_occurs_in_the_english_text():
    # A `find` that matches nothing would make its rendering check vacuous (a typo, or a term no longer used).
    english = [u.en for u in UNITS if u.en]
    for term in TERMS:
        if term.find:
            assert any(term.find.search(text) for text in english), term.en


# The built site: the theme shows the reviewed strings, not Material's stock Spanish ----------

def _stock_spanish() -> dict[str, str]:
    import material
    return gc._theme_strings(Path(material.__file__).parent / "templates" / "partials" / "languages" / "es.html")


def test_spanish_pages_show_the_reviewed_theme_strings(site):
    ours = gc._theme_strings(gc.ROOT / "overrides" / "partials" / "languages" / "es.html")
    replaced = {v for k, v in _stock_spanish().items() if ours.get(k) != v}
    assert {"Tabla de contenidos", "Saltar a contenido", "Teclee para comenzar búsqueda", "Cabecera"} <= replaced
    for url in ("es/", "es/objectives/2.1.3/", "es/about/"):
        doc = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        shown = {doc.select_one("a.md-skip").get_text(strip=True), doc.select_one("button.md-top").get_text(strip=True)}
        shown |= {el[attr] for attr in ("aria-label", "title", "placeholder") for el in doc.find_all(attrs={attr: True})}
        config = doc.find("script", id="__config").string
        shown |= set(re.findall(r'"((?:[^"\\]|\\.)*)"', config))
        assert {"Ir al contenido", "Volver arriba", "Encabezado", "Contenido", "Buscar", "Escriba para buscar"} <= shown
        assert not shown & replaced, shown & replaced
