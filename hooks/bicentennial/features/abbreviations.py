"""Expand acronyms (HLSD, DANS, TCO/TCOs, SRE…) on hover and keyboard focus.

A bare ``<abbr title>`` shows its expansion only to mouse users, so every
acronym in a page's main text becomes ``<abbr title="…" tabindex="0">`` and
bf.css shows the title as a tooltip on :hover and :focus. Expansions are in
the page's language, even inside a passage in the other language (a Spanish
reader of the English column still gets the Spanish expansion).

It runs on the final HTML of each page, inside <article> only, in text
between tags, and never inside links, buttons, code, SVG or an existing
<abbr> (a focusable element inside a link would nest interactive controls).
Upstream contract (tests/contract/): Material puts a page's main text in one
``<article>``; ``mark`` raises UpstreamChanged on a page without it.
"""

from __future__ import annotations

import html
import re

from bicentennial.upstream import require

EXPANSIONS: dict[str, dict[str, str]] = {
    "en": {
        "HLSD": "High-Level Security Dialogue",
        "DANS": "Diálogo de Alto Nivel en Seguridad (High-Level Security Dialogue)",
        "TCOs": "Transnational Criminal Organizations",
        "TCO": "Transnational Criminal Organization",
        "SRE": "Secretaría de Relaciones Exteriores (Mexico’s Ministry of Foreign Affairs)",
        "CSV": "Comma-Separated Values",
        "JSON": "JavaScript Object Notation",
        "YAML": "YAML Ain’t Markup Language",
    },
    "es": {
        "HLSD": "Diálogo de Alto Nivel en Seguridad (High-Level Security Dialogue, por sus siglas en inglés)",
        "DANS": "Diálogo de Alto Nivel en Seguridad",
        "TCOs": "Organizaciones criminales transnacionales (Transnational Criminal Organizations, "
                "por sus siglas en inglés)",
        "TCO": "Organizaciones criminales transnacionales (Transnational Criminal Organizations, "
               "por sus siglas en inglés)",
        "SRE": "Secretaría de Relaciones Exteriores",
        "CSV": "Valores separados por comas (Comma-Separated Values)",
        "JSON": "Notación de objetos de JavaScript (JavaScript Object Notation)",
        "YAML": "Formato de datos legible por personas (YAML Ain’t Markup Language)",
    },
}

SKIP = {"a", "abbr", "button", "code", "pre", "svg", "script", "style", "textarea", "kbd", "samp"}
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_ALL = sorted({k for d in EXPANSIONS.values() for k in d})
_WORDS = re.compile(r"(?<![\w.-])(" + "|".join(sorted({k for d in EXPANSIONS.values() for k in d},
                                                         key=len, reverse=True)) + r")(?![\w-])")


def _mark_text(text: str, table: dict[str, str]) -> str:
    def repl(m: re.Match) -> str:
        word = m.group(1)
        return f'<abbr title="{html.escape(table[word])}" tabindex="0">{word}</abbr>'
    return _WORDS.sub(repl, text)


def mark_fragment(fragment: str, lang: str) -> str:
    """Wrap acronyms in an HTML fragment's text (not in tags, comments or SKIP elements)."""
    if not any(word in fragment for word in _ALL) or not _WORDS.search(fragment):
        return fragment  # no acronym anywhere (most item pages): skip the tag walk (substring tests first: fast)
    table = EXPANSIONS.get(lang, EXPANSIONS["en"])
    out, depth = [], 0
    for part in _TAG.split(fragment):
        if part.startswith("<"):
            m = _NAME.match(part)
            if m and m.group(1).lower() in SKIP and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
                depth = max(depth, 0)
            out.append(part)
        elif part and depth == 0:
            out.append(_mark_text(part, table))
        else:
            out.append(part)
    return "".join(out)


def mark(page_html: str, lang: str) -> str:
    """Apply mark_fragment to the page's <article> (its main text) only."""
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    require(start >= 0 and end > start, "mkdocs-material", "each page's main text inside one <article>",
            "hooks/bicentennial/features/abbreviations.py")
    return page_html[:start] + mark_fragment(page_html[start:end], lang) + page_html[end:]
