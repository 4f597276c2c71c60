"""Helpers for whole-site tests: which pages a build published, and their kinds.

Whole-site tests must cover whatever pages exist when they run (other pages
and features keep being added), so they list the built folder instead of a
fixed set of URLs.
"""

from __future__ import annotations

from pathlib import Path

LANGS = ("en", "es")


def html_files(site: Path) -> list[Path]:
    """Every published HTML file, sorted for stable reports."""
    return sorted(site.rglob("*.html"))


def page_urls(site: Path) -> list[str]:
    """Site-relative URLs of every HTML page ('' for the home page, 'goals/1/', '404.html')."""
    urls = []
    for f in html_files(site):
        rel = f.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def lang_of(url: str) -> str:
    return "es" if url == "es/" or url.startswith("es/") else "en"


def sample_urls(site: Path) -> list[str]:
    """One page of each kind in each language: home, goal, area, objective, and any other top folder."""
    seen: dict[tuple[str, str], str] = {}
    for url in page_urls(site):
        lang = lang_of(url)
        rest = url[3:] if lang == "es" else url
        kind = rest.split("/", 1)[0] if "/" in rest else (rest or "home")
        seen.setdefault((lang, kind), url)
    return [seen[k] for k in sorted(seen)]
