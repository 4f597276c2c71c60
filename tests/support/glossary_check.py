"""Check the site's Spanish against data/glossary.yaml (issue 13).

Two checks, both over plain data so that tests can feed them planted text:

- ``forbidden``: no Spanish text uses a rendering the glossary forbids
  (a term's ``never`` patterns, outside its ``allow``-ed proper names);
- ``renderings``: wherever an English text has a listed term (``find``), its
  Spanish counterpart uses the glossary's rendering (``use``), so a term
  rendered a second way is caught even when that way is not listed.

``site_units`` gathers every Spanish text of the site with its English
counterpart: the framework's YAML, the hand-written pages, the UI strings of
the hooks and of bf.js, mkdocs.yml's Spanish settings and the theme's Spanish
strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "data" / "glossary.yaml"


@dataclass(frozen=True)
class Term:
    en: str
    es: str
    find: re.Pattern | None
    use: re.Pattern
    never: tuple[re.Pattern, ...]
    allow: tuple[str, ...] = ()
    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True)
class Unit:
    """One Spanish text and the English it renders ("" when it has no English counterpart)."""
    where: str
    es: str
    en: str = ""


@dataclass
class Corpus:
    units: list[Unit] = field(default_factory=list)

    def add(self, where: str, es: str, en: str = "") -> None:
        self.units.append(Unit(where, es, en))


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def load(path: Path = GLOSSARY) -> list[Term]:
    terms = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]:
        terms.append(Term(
            en=entry["en"], es=entry["es"],
            find=_rx(entry["find"]) if entry.get("find") else None,
            use=_rx(entry.get("use") or re.escape(entry["es"])),
            never=tuple(_rx(p) for p in entry.get("never", ())),
            allow=tuple(entry.get("allow", ())), bad=tuple(entry.get("bad", ())),
            good=tuple(entry.get("good", ())), why=entry.get("why", "")))
    return terms


def _without_allowed(text: str, term: Term) -> str:
    for phrase in term.allow:
        text = text.replace(phrase, " " * len(phrase))
    return text


def forbidden(terms: list[Term], units: list[Unit]) -> list[str]:
    """One message per forbidden rendering found in a Spanish text."""
    problems = []
    for unit in units:
        for term in terms:
            text = _without_allowed(unit.es, term)
            for pattern in term.never:
                for m in pattern.finditer(text):
                    problems.append(f"{unit.where}: «{m.group(0)}» is forbidden; "
                                    f"{term.en} → «{term.es}» ({term.why})")
    return problems


def renderings(terms: list[Term], units: list[Unit]) -> list[str]:
    """One message per English term whose Spanish counterpart does not use the glossary's rendering."""
    problems = []
    for unit in units:
        for term in terms:
            if term.find and unit.en and term.find.search(unit.en) and not term.use.search(unit.es):
                problems.append(f"{unit.where}: “{term.en}” is rendered another way than «{term.es}»: "
                                f"{unit.es[:120]!r}")
    return problems


# The site's texts ---------------------------------------------------------------------------

def _pairs(node, where: str, corpus: Corpus) -> None:
    """Every {en, es} text of a YAML tree."""
    if isinstance(node, dict):
        if set(node) == {"en", "es"} and all(isinstance(v, str) for v in node.values()):
            corpus.add(where, node["es"], node["en"])
            return
        for key, value in node.items():
            _pairs(value, f"{where}.{key}", corpus)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _pairs(value, f"{where}[{i}]", corpus)


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml has !ENV tags: read them as null."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _theme_strings(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"), re.M))


def _js_ui(path: Path) -> dict[str, dict[str, str]]:
    """bf.js's UI table: {lang: {key: string}}."""
    source = path.read_text(encoding="utf-8")
    table = {}
    for lang, body in re.findall(r"^\s{4}(en|es): \{(.*?)^\s{4}\}", source, re.M | re.S):
        table[lang] = dict(re.findall(r'^\s*(\w+): "((?:[^"\\]|\\.)*)"', body, re.M))
    return table


def site_units(root: Path = ROOT) -> list[Unit]:
    import material  # the installed theme, for its English strings

    from bicentennial.content import ui
    from bicentennial.features import abbreviations

    corpus = Corpus()
    _pairs(yaml.safe_load((root / "data" / "framework.yaml").read_text(encoding="utf-8")), "framework.yaml", corpus)
    for es_page in sorted((root / "docs" / "es").glob("*.md")):  # hand-written pages (subfolders are generated)
        en_page = root / "docs" / "en" / es_page.name
        corpus.add(f"docs/es/{es_page.name}", es_page.read_text(encoding="utf-8"),
                   en_page.read_text(encoding="utf-8") if en_page.exists() else "")
    for key, text in ui.UI["es"].items():
        corpus.add(f"content/ui.py UI['es'][{key!r}]", text, ui.UI["en"].get(key, ""))
    for key, text in abbreviations.EXPANSIONS["es"].items():
        corpus.add(f"features/abbreviations.py EXPANSIONS['es'][{key!r}]", text, abbreviations.EXPANSIONS["en"].get(key, ""))
    js = _js_ui(root / "overrides" / "assets" / "javascripts" / "bf.js")
    for key, text in js["es"].items():
        corpus.add(f"bf.js UI.es.{key}", text, js["en"].get(key, ""))

    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    i18n_plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    langs = {lang["locale"]: lang for lang in i18n_plugin["languages"]}
    for key in ("site_name", "copyright", "site_description"):
        if key in langs["es"]:
            corpus.add(f"mkdocs.yml es.{key}", langs["es"][key], langs["en"].get(key) or config.get(key) or "")
    for en, es in langs["es"].get("nav_translations", {}).items():
        corpus.add(f"mkdocs.yml nav_translations[{en!r}]", es, en)

    stock_en = _theme_strings(Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html")
    for key, text in _theme_strings(root / "overrides" / "partials" / "languages" / "es.html").items():
        corpus.add(f"overrides/partials/languages/es.html {key!r}", text, stock_en.get(key, ""))
    return corpus.units
