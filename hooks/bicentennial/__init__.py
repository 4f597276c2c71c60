"""The Bicentennial Framework site's build: load → validate → render → publish.

One folder per stage:

    data/       load, validate and model data/framework.yaml (framework.read is the entry point)
    content/    the pages: addresses, UI strings, HTML blocks, item pages, page files, data markers
    features/   what readers and staff use: citations, side by side, full text, downloads,
                abbreviations
    publish/    the final HTML and the site's files: the ordered page steps (steps.py), head tags,
                Content-Security-Policy, page weight, search index, sitemap, 404 pages, hosting files
    adapter/    everything that imports or imitates MkDocs, Material or static-i18n: the plugin,
                the Page.render bypass, the search parser stand-in, the forked build
    upstream.py the one error raised when an upstream package no longer does what we rely on
    files.py    writes that are never half done, and the fingerprint of code a cached result depends on

Only adapter/ imports MkDocs, Material or static-i18n (and hooks/mkdocs_hooks.py, the shim
mkdocs.yml lists under ``hooks:``), so a move to another generator touches that folder only.
"""

LANGS = ("en", "es")
DEFAULT_LANG = "en"
