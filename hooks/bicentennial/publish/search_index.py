"""One search index per language, tuned for readers of this framework.

Material's search plugin writes a single ``search/search_index.json``;
static-i18n fills it with the entries of every language. Its worker loads
``{config.base}/search/search_index.json``, where ``config.base`` comes from
the ``__config`` JSON in each page. After the last language is built, this
module:

1. splits the index: ``search/search_index.json`` keeps the English entries,
   ``es/search/search_index.json`` the Spanish ones (locations made relative
   to ``es/``), each with its own ``config.lang`` so the worker loads only the
   stemmer it needs;
2. points every Spanish page at its index: ``base`` in ``__config`` becomes
   the ``es/`` root (Material uses ``config.base`` only to fetch the index,
   resolve result links and, with instant navigation, which is off, the
   sitemap), and ``search`` names the worker extension
   ``assets/javascripts/workers/bf-search.js`` (see that file), which loads
   Material's own worker and adds accent folding, stemming and number keys;
3. makes IDs first-class: the main entry of a goal, area or objective page
   gets a ``key`` field (``id_2.1.3``) that only a query for that exact
   number matches, and the page boost from front matter (goal 4, area 3,
   objective 2) stays on that entry only, so a goal page's heading that
   repeats an area title does not outrank the area's own page;
4. sets a separator that strips punctuation but keeps dotted numbers whole
   ("2.1.3:" and "2.1.3." both give the token ``2.1.3``) and a pipeline
   without lunr's trimmer, which would strip the digits of "2.1.3" in Spanish.

Upstream contract (tests/contract/): Material writes ``search/search_index.json``
and a ``<script id="__config" type="application/json">`` in every page whose
``search`` names its worker ``…/search.<hash>.min.js``; static-i18n fills the
index with every language. Anything else raises UpstreamChanged.

The ``*_f`` (accent-folded) and ``*_s`` (folded and stemmed) fields are listed
here with their boosts; the worker extension fills them from ``title`` and
``text``, so the index file carries no copy of the text. What a reader sees
(titles, teasers) stays exactly as written, accents included.

Cost (issue 7): Material's search plugin indexes every page, item pages
included, by splitting each page's content into sections. The adapter gives
it a faster stand-in for its parser, and keeps each page's sections between
builds by the hash of its content (adapter/search_parser.py), so a build
splits only the pages whose content changed: at 100×, 5–6 s of each
process's build before.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from bicentennial import DEFAULT_LANG, LANGS
from bicentennial.upstream import require

INDEX = Path("search") / "search_index.json"
WORKER = "bf-search.js"
# Split on anything that is not a letter, digit, "_", apostrophe or a dot
# inside a number; also drop HTML entities such as &amp; from the tokens.
SEPARATOR = r"[^\w\u00C0-\u024F.'&]+|&[a-z]+;|&|\.(?!\d)"
PIPELINE = ["stopWordFilter"]
FIELDS = {
    "title": 1000, "title_f": 1000, "title_s": 1000,
    "text": 1, "text_f": 1, "text_s": 1,
    "tags": 1_000_000, "key": 10_000,
}
_ITEM = re.compile(r"^(?:goals|areas|objectives)/(\d+(?:\.\d+)*)/$")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_HTML_LANG = re.compile(r'<html[^>]*\slang="([a-zA-Z-]+)"')
WHERE = "hooks/bicentennial/publish/search_index.py"


def lang_of(location: str, langs=LANGS, default=DEFAULT_LANG) -> tuple[str, str]:
    """("es", "objectives/2.1.3/") for "es/objectives/2.1.3/"; the default language has no prefix."""
    for code in langs:
        if code != default and (location == code or location.startswith((f"{code}/", f"{code}#"))):
            return code, location[len(code):].lstrip("/")
    return default, location


def tune(entry: dict) -> dict:
    """The entry as indexed: a key on item pages' main entry, page boosts on that entry only."""
    out = {k: v for k, v in entry.items() if k != "boost"}
    match = _ITEM.match(out["location"])
    if match:
        out["key"] = f"id_{match.group(1)}"
    if "#" not in out["location"] and "boost" in entry:
        out["boost"] = entry["boost"]
    return out


def split(index: dict, langs=LANGS, default=DEFAULT_LANG) -> dict[str, dict]:
    """The combined index → one index per language, locations relative to that language's root."""
    docs: dict[str, list[dict]] = {code: [] for code in langs}
    for entry in index["docs"]:
        code, location = lang_of(entry["location"], langs, default)
        docs[code].append(tune({**entry, "location": location}))
    config = {k: v for k, v in index.get("config", {}).items()}
    config.update(separator=SEPARATOR, pipeline=PIPELINE,
                  fields={name: {"boost": float(boost)} for name, boost in FIELDS.items()})
    return {code: {"config": {**config, "lang": [code]}, "docs": docs[code]} for code in langs}


def localize_config(page: str, default=DEFAULT_LANG) -> str:
    """Point a page's ``__config`` at its language's index (from ``<html lang>``) and the worker extension."""
    lang_match = _HTML_LANG.search(page)
    config_match = _CONFIG.search(page)
    require(config_match is not None, "mkdocs-material",
            'a <script id="__config" type="application/json"> in every page', WHERE)
    lang = (lang_match.group(1) if lang_match else default).split("-")[0].lower()
    payload = _localized(config_match.group(2), lang, default)
    return page[:config_match.start(2)] + payload + page[config_match.end(2):]


@functools.lru_cache(maxsize=256)
def _localized(config_json: str, lang: str, default: str) -> str:
    """The config for `lang`: one per language and page depth, so each is worked out once (bench/: 2% at 100×)."""
    config = json.loads(config_json)
    if lang != default and lang in LANGS:
        base = config.get("base", "")
        config["base"] = f"{base}{'' if base in ('', '/') or base.endswith('/') else '/'}{lang}/"
    worker = config.get("search", "")
    folder, _, name = worker.rpartition("/")
    require(name.startswith("search.") and name.endswith(".js"), "mkdocs-material",
            f"the page config's search worker to be …/search.<hash>.min.js (it is {worker!r})", WHERE)
    config["search"] = f"{folder}/{WORKER}?material={name}" if folder else f"{WORKER}?material={name}"
    return json.dumps(config, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def publish(site_dir: Path, langs=LANGS, default=DEFAULT_LANG, pages=None) -> dict[str, int]:
    """Split the built index and point pages at their own; return entries per language.

    `pages`: the HTML files to point (default: every one). The build localizes
    each page as it is written (localize_config in on_post_page) and passes
    only the files written without that step (the 404 pages): re-reading all
    8,000 pages at 100× cost seconds (bench/).
    """
    site_dir = Path(site_dir)
    require((site_dir / INDEX).is_file(), "mkdocs-material", f"its search plugin to write {INDEX.as_posix()}", WHERE)
    combined = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    counts = {}
    for code, index in split(combined, langs, default).items():
        path = site_dir / (INDEX if code == default else Path(code) / INDEX)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[code] = len(index["docs"])
    for page in (site_dir.rglob("*.html") if pages is None else pages):
        text = page.read_text(encoding="utf-8")
        new = localize_config(text, default=default)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return counts

