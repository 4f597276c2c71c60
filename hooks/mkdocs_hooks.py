"""MkDocs adapter: the only module that knows about MkDocs events.

At import: Material's search plugin gets a faster stand-in for its section
parser (searchsections.py; the same sections, tested page for page).

Events handled:
- on_config: read and validate data/framework.yaml (cached), then write the
  generated goal/area/objective pages under docs/<lang>/. It runs once per
  language (static-i18n builds each language in its own pass); writing only
  changed files keeps `mkdocs serve` from rebuilding forever.
- on_page_markdown / on_page_content: expand the markers that pages use to
  show data (``<!-- bf:overview -->`` and friends), holding their HTML past
  Markdown (markers.py); item pages, whose body is already HTML, skip
  Markdown. Either way the content, table of contents and anchor IDs are
  then read from the HTML (itemhtml.py).
- on_pre_build / on_post_template: collect what the site-wide steps need
  from both language passes (every page's PageInfo, each language's 404
  page, which static-i18n's last pass would overwrite); reset only in the
  outer pass.
- on_files (after static-i18n's, once the output folder is clean): fork a
  child that builds the other language at the same time (forked.py), where
  static-i18n would build it afterwards; on_post_build takes its result back,
  on_build_error stops it. Not under `mkdocs serve`, nor on one core.
- on_post_page: per-page publishing steps on the final HTML.
- on_post_build (priority -200, after static-i18n's -100, which builds the
  other languages from inside its own on_post_build unless they were forked):
  take the forked children's results, then the site-wide publishing steps,
  once, after every language has been built.

Everything else lives in the plain-Python package ``bicentennial``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.toc import get_toc
from material.plugins.search import plugin as material_search

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bicentennial import LANGS, markers, pages, source  # noqa: E402
from bicentennial import abbr, downloads, forked  # noqa: E402
from bicentennial import csp, htmlfix  # noqa: E402
from bicentennial import head, hosting, notfound, sitemap  # noqa: E402
from bicentennial import search_index, searchsections  # noqa: E402
from bicentennial import itemhtml, weight  # noqa: E402
from bicentennial.load import FrameworkError  # noqa: E402
from bicentennial.pageinfo import PageInfo  # noqa: E402
from bicentennial.translations import review  # noqa: E402

log = get_plugin_logger("bicentennial")

# Material's search plugin splits every page with its own HTMLParser subclass, looked up by this name
# at each page: the stand-in gives identical sections 2.6× faster (tests/test_search.py compares them).
material_search.Parser = searchsections.Parser

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BF_DATA", ROOT / "data" / "framework.yaml")).resolve()
SCHEMA = ROOT / "data" / "framework.schema.json"


def _framework():
    display = os.path.relpath(DATA, Path.cwd()) if DATA.is_relative_to(Path.cwd()) else str(DATA)
    try:
        return source.read(DATA, SCHEMA, display=display)
    except FrameworkError as exc:
        raise PluginError(str(exc)) from None


_synced: list = [None, None]  # (framework, docs_dir) last written: static-i18n's inner pass skips it


_serving = [False]


def on_startup(command, dirty):
    _serving[0] = command == "serve"


def on_config(config):
    fw = _framework()
    inner = getattr(config.plugins.get("i18n"), "building", False)  # static-i18n's pass for another language
    if inner and _synced[0] is fw and _synced[1] == config["docs_dir"]:
        return config
    try:
        under_review, message = review.for_build(fw, DATA)  # Spanish texts whose English changed since review
    except FrameworkError as exc:
        raise PluginError(str(exc)) from None
    if message:  # stderr, not log.warning: --strict would make the warning fail the build
        print(message, file=sys.stderr)
    written, removed = pages.sync(Path(config["docs_dir"]), pages.all_pages(fw, under_review))
    _synced[:] = [fw, config["docs_dir"]]
    if written or removed:
        log.info(f"Generated pages: {written} written, {removed} removed")
    return config


def _page_lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme.get("language") or "en"


def on_page_markdown(markdown, page, config, files):
    held: list[str] = []
    if "<!-- bf:" in markdown:
        try:
            fw = _synced[0] or _framework()  # read in on_config: hashing the data per page was O(pages × size)
            markdown, held = markers.expand(markdown, fw, _page_lang(page, config), page.file.src_uri,
                                            site_url=config.site_url or "")
        except markers.MarkerError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
    if page.meta.get("bf_kind"):  # a generated item page: HTML already, so MkDocs' Markdown step is skipped
        page.render = lambda config, files: _render_html(page, markers.restore(itemhtml.content(page.markdown), held))
    elif held:
        _held[page.file.src_uri] = held
    return markdown


_held: dict[str, list[str]] = {}  # the markers' HTML, set aside past Markdown (markers.py)


def _render_html(page, html: str) -> None:
    # What Page.render sets, read from HTML (itemhtml.py).
    page.content = html
    page.toc = get_toc(itemhtml.toc_tokens(html))
    page.present_anchor_ids = itemhtml.anchor_ids(html)


def on_page_content(html, page, config, files):
    held = _held.pop(page.file.src_uri, None)
    if held:  # the markers' HTML is back: its headings join the table of contents, its IDs the anchors
        _render_html(page, markers.restore(html, held))
    return page.content if held else html


def page_info(page, config) -> PageInfo:
    lang = _page_lang(page, config)
    url = page.url
    neutral = url[len(lang) + 1:] if lang != LANGS[0] and url.startswith(f"{lang}/") else url
    alternates = {code: (neutral if code == LANGS[0] else f"{code}/{neutral}") for code in LANGS}
    site_url = config.site_url or "http://127.0.0.1:8000/"
    return PageInfo(
        lang=lang, url=url, neutral_url=neutral, site_url=site_url.rstrip("/") + "/",
        title=page.title or "", description=page.meta.get("description", "") or "",
        kind=page.meta.get("bf_kind", ""), item_id=str(page.meta.get("bf_id", "")), alternates=alternates,
    )


# What the site-wide steps need from both language passes: every page, each language's 404 page,
# the HTML files on_post_page finished (the site-wide steps redo only the others).
_built: dict[str, dict] = {"pages": {}, "404": {}, "finished": {}}


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):
        for part in _built.values():
            part.clear()


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _built["404"][config.theme.get("language") or LANGS[0]] = output_content
    return output_content


def on_post_page(output, page, config):
    # Per-page publishing steps, in order; the security policy must stay last.
    info = page_info(page, config)
    _built["pages"][info.url] = info
    output = head.apply(output, info, config.site_name)  # first: discovery and sharing tags
    output = abbr.mark(output, _page_lang(page, config))
    output = htmlfix.fix(output)
    output = weight.lighten(output)  # palette.css only if used; search index on use (make bench)
    output = search_index.localize_config(output)  # this language's search index
    _built["finished"][page.file.abs_dest_path] = True
    if _serving[0]:
        return output  # `mkdocs serve` injects an inline live-reload script a policy would block
    return csp.add_meta(output)  # keep last: it hashes the page's final inline scripts


_children: list = []  # forked builds of the other languages (forked.py), while this one runs


@event_priority(-150)
def on_files(files, config):
    i18n = config.plugins.get("i18n")
    if _serving[0] or i18n is None or i18n.building or not forked.available():
        return files
    others = [code for code in i18n.build_languages if code != i18n.current_language]
    _children[:] = [forked.start(lambda code=code: _build_language(config, i18n, code)) for code in others]
    i18n.building = True  # so its on_post_build only collects this language's search entries
    return files


def _build_language(config, i18n, code: str) -> dict:
    # In the child: what static-i18n's on_post_build does for each other language, minus cleaning
    # the output folder (the parent is writing into it).
    from mkdocs import utils
    from mkdocs.commands.build import build
    i18n.building, i18n.current_language = True, code
    utils.clean_directory = lambda path: path
    try:
        build(config, dirty="--dirty" in sys.argv)
    except Abort as exc:  # MkDocs has logged the reason
        raise forked.Expected(str(exc)) from None
    return {"built": _built, "search_entries": i18n.search_entries}


def _take_children(i18n) -> None:
    # Merge what the other languages' builds collected, in language order as static-i18n would.
    try:
        for child in _children:
            result = child.result()
            for key, part in result["built"].items():
                _built[key].update(part)
            i18n.search_entries.extend(result["search_entries"])
    except forked.ChildFailed as exc:
        for child in _children:  # any still running
            child.kill()
        raise Abort(str(exc)) from None
    finally:
        _children.clear()
        i18n.building = False


def on_build_error(error):
    for child in _children:
        child.kill()
    _children.clear()


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if _children:  # this build's other languages ran in forked children: take their results
        _take_children(i18n)
        i18n.reconfigure_search_index(config)  # the index of every language, as static-i18n writes it
    elif i18n is not None and getattr(i18n, "building", False):
        return  # an inner, per-language pass: the outer build finishes the site
    # Site-wide publishing steps: downloads, sitemaps, 404 pages, Pages files, search indexes.
    downloads.write(Path(config["site_dir"]), _framework(), config.site_url or "http://127.0.0.1:8000/", DATA, SCHEMA)
    site_dir, site_url = Path(config["site_dir"]), (config.site_url or "http://127.0.0.1:8000/").rstrip("/") + "/"
    try:
        sitemap.write(site_dir, _built["pages"].values())
        notfound.write(site_dir, _built["404"], site_url)
        hosting.write(site_dir, site_url, os.environ.get("PAGES_CNAME"))
    except (notfound.NotFoundError, hosting.HostingError) as exc:
        raise PluginError(str(exc)) from None
    others = [p for p in site_dir.rglob("*.html") if str(p) not in _built["finished"]]  # the 404 pages
    search_index.publish(site_dir, pages=others)  # one index per language; pages point at theirs
    # Keep this one last: the files on_post_page did not finish are lightened like every page
    # (search on use, scripts after the first paint) and get their final scripts' policy.
    if not _serving[0]:
        csp.apply_to_site(site_dir, before=lambda text: weight.lighten(htmlfix.fix(text)), paths=others)
