"""Only what we mean to publish: every file of a real build against an allow-list.

A file the list does not describe fails the test: a draft, a dotfile, a
Markdown source, an editor backup, a Python file, or what a build left behind
(temporary folders beside site/). New kinds of published files are added
here on purpose, one pattern each.
"""

from __future__ import annotations

import re

import pytest

from support.site import build_site

LANG = r"(?:es/)?"
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ITEM = r"(?:goals|areas|objectives)/\d+(?:\.\d+){0,2}"
ALLOWED = [re.compile(p) for p in (
    r"\.nojekyll", r"CNAME", r"robots\.txt", r"sitemap\.xml\.gz",
    rf"{LANG}404\.html",
    rf"{LANG}(?:(?:{SLUG}|{ITEM})/)?index\.html",                 # home, hand-written pages, items
    r"sitemap\.xml",                                             # one, at the root (publish/sitemap.py)
    rf"{LANG}(?:(?:{SLUG}|{ITEM})/)?card\.png",                 # link-preview cards (features/cards.py)
    rf"{LANG}search/search_index\.json",
    r"data/framework\.(?:csv|json|yaml|schema\.json)",          # the data downloads
    r"assets/images/[a-z0-9_.-]+\.(?:png|svg|ico)",
    r"assets/stylesheets/[a-z0-9_.-]+\.css",
    r"assets/stylesheets/[a-z0-9_.-]+\.min\.css\.map",          # the theme's source maps
    r"assets/javascripts/(?:workers/)?[a-z0-9_.-]+\.js",
    r"assets/javascripts/(?:workers/)?[a-z0-9_.-]+\.min\.js\.map",
    r"assets/javascripts/lunr/(?:min/)?[a-z0-9_.-]+\.js",        # the theme's search languages
)]
FORBIDDEN = re.compile(r"(?:^|/)\.(?!nojekyll$)|\.(?:md|markdown|tmp|temp|bak|orig|swp|py|pyc|log)$|~$"
                       r"|(?:^|/)(?:drafts?|__pycache__|node_modules)(?:/|$)", re.I)


def unexpected(files: list[str]) -> list[str]:
    """The files no pattern allows, and any the forbidden list names even if a pattern allows it."""
    return [f for f in files if FORBIDDEN.search(f) or not any(p.fullmatch(f) for p in ALLOWED)]


def test_only_what_we_mean_to_publish(site):
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert "index.html" in files and "es/index.html" in files
    bad = unexpected(files)
    assert not bad, f"{len(bad)} unexpected published files:\n" + "\n".join(bad)
    empty = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.stat().st_size == 0
             and p.name != ".nojekyll"]
    assert not empty, f"empty published files: {empty}"


def test_the_build_leaves_nothing_behind(tmp_path):
    """A good build and a failed one both leave only site/ in the output's parent folder."""
    dest = tmp_path / "site"
    assert build_site(dest).returncode == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text("framework: [\n", encoding="utf-8")
    assert build_site(dest, BF_DATA=str(broken)).returncode != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml", "site"]


@pytest.mark.parametrize("name", [
    ".DS_Store", "es/.hidden/index.html", "about/index.md", "drafts/index.html", "index.html~",
    "objectives/2.1.3/index.html.tmp", "hooks/x.py", "__pycache__/x.pyc", "notes.txt", "goals/one/two/index.html",
    "assets/javascripts/x.js.bak", "site.old/index.html",
])
def test_the_allow_list_refuses(name):
    assert unexpected([name]) == [name]
