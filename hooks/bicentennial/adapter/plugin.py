"""The site's MkDocs plugin: the build's events, with the build's state on the plugin.

``hooks/mkdocs_hooks.py`` (listed under ``hooks:`` in mkdocs.yml) makes one
``BicentennialPlugin`` and hands MkDocs its event handlers, so nothing needs
installing. The plugin defines ``on_startup``: by MkDocs' plugin lifecycle
(and because MkDocs loads a hooks file once per process) the same object is
kept across the rebuilds of ``mkdocs serve``. What it keeps on ``self``:

- ``is_serve``: set once in ``on_startup``;
- ``framework``, ``synced_docs_dir``: the data last read and the folder its
  pages were written to (static-i18n's inner passes reuse them);
- ``held``: the data markers' HTML, per page, between Markdown and
  ``on_page_content`` (content/markers.py);
- ``collected``: what the site-wide steps need from every language pass
  (every page's PageInfo, each language's 404 page, the files finished, the cards published);
- ``children``: the forked builds of the other languages (forked_build.py);
- ``repo``, ``cards``: the repository the report links point at (None without
  ``repo_url``) and the preview cards' cache, from the options.

Everything of one build is reset in the outer ``on_config`` and dropped in
``on_build_error``, so a failed rebuild under ``mkdocs serve`` leaves nothing
stale behind for the next one.

Options (typed; set under ``extra: bicentennial:`` in mkdocs.yml, because a
hooks file has no ``plugins:`` entry of its own): ``data_file``, ``schema_file``,
``serial``, ``memo``, ``repo_url``, ``repo_branch``, ``cards_cache``, ``build_cache``. ``SITE_URL``, ``SITE_DIR``
and ``PAGES_CNAME`` stay environment variables for CI (mkdocs.yml reads the first
two; hosting_files.py the last), as do ``REPO_URL`` and ``REPO_BRANCH`` (mkdocs.yml
passes them to ``repo_url`` and ``repo_branch``).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from bicentennial import LANGS
from bicentennial.adapter import (
    forked_build,
    render_bypass,
    search_parser,
    serve_errors,
    template_cache,
    template_memo,
    theme_strings,
)
from bicentennial.content import markers, page_files, paths, ui
from bicentennial.content.menu import Menu
from bicentennial.data import framework
from bicentennial.data.load import FrameworkError
from bicentennial.features import cards, downloads, report_links
from bicentennial.publish import csp, hosting_files, not_found, search_index, sitemap, steps
from bicentennial.publish.page_info import PageInfo
from bicentennial.translations import review
from bicentennial.upstream import UpstreamChanged, require

log = get_plugin_logger("bicentennial")

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
# Our errors: each is one line that says what to do. The adapter shows it as MkDocs' PluginError.
PLAIN_ERRORS = (FrameworkError, UpstreamChanged, markers.MarkerError, hosting_files.HostingError,
                report_links.RepoError)


class PluginConfig(base.Config):
    data_file = c.File(exists=False, default=str(ROOT / "data" / "framework.yaml"))
    """The framework's data file (relative to mkdocs.yml)."""
    schema_file = c.File(exists=True, default=str(ROOT / "data" / "framework.schema.json"))
    """Its JSON Schema."""
    serial = c.Type(bool, default=False)
    memo = c.Type(bool, default=True)  # draw the parts pages share once (adapter/template_memo.py)
    """Build the languages one after the other, as static-i18n does, instead of in a forked child."""
    repo_url = c.Type(str, default="")
    """The site's repository, https://github.com/OWNER/REPO: "Report a problem" and data-file links (none if empty)."""
    repo_branch = c.Type(str, default="main")
    """The branch the data-file links show."""
    cards_cache = c.Dir(exists=False, default=str(ROOT / ".cache" / "cards"))
    """Where preview cards are cached by content (features/cards.py)."""
    build_cache = c.Dir(exists=False, default=str(ROOT / ".cache" / "build"))
    """Where the checked data (data/framework.py), the pages' search sections (adapter/search_parser.py) and the
    compiled templates (adapter/template_cache.py) are kept between builds, by content."""


def _plain(handler):
    """Show our own errors as one-line PluginErrors (no traceback)."""
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except PLAIN_ERRORS as exc:
            raise PluginError(str(exc)) from None
    wrapper.__name__, wrapper.__doc__ = handler.__name__, handler.__doc__
    if hasattr(handler, "mkdocs_priority"):
        wrapper.mkdocs_priority = handler.mkdocs_priority
    return wrapper


def _i18n(config):
    """static-i18n's plugin, checked for what this adapter uses of it."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        for name in ("building", "current_language", "build_languages", "search_entries",
                     "reconfigure_search_index"):
            require(hasattr(i18n, name), "mkdocs-static-i18n", f"its plugin to have `{name}`",
                    "hooks/bicentennial/adapter/plugin.py")
    return i18n


def _inner_pass(config) -> bool:
    """True in static-i18n's pass for another language (its `building` flag), or in a forked child's."""
    i18n = _i18n(config)
    return bool(i18n is not None and i18n.building)


class BicentennialPlugin(BasePlugin[PluginConfig]):

    def __init__(self):
        self.is_serve = False
        self.framework = None
        self.menu: Menu | None = None  # the framework's part of every page's menu (content/menu.py)
        self.item_pages: Mapping[str, str] = {}  # src_uri → a generated page's text (its file holds a stub)
        self.synced_docs_dir: str | None = None
        self.data_path = self.schema_path = None
        self.held: dict[str, list[str]] = {}
        self.collected: dict[str, dict] = {"pages": {}, "404": {}, "finished": {}, "cards": {}}
        self.children: list[forked_build.Child] = []
        self.rendered: set[str] = set()  # item pages whose Page.render our bypass replaced (this pass)
        self.parser = search_parser.StandIn()  # the search plugin's stand-in section parser
        self.repo: report_links.Repo | None = None
        self.cards: cards.Store | None = None
        self.dirty = False
        self.gc_paused = False  # the cyclic garbage collector is off for this build's pages (_pause_gc)

    # --- set-up ------------------------------------------------------------------------------------

    def hooks(self) -> dict:
        """The event handlers, by name, for a hooks module to export."""
        return {name: getattr(self, name) for name in dir(self) if name.startswith("on_")}

    def on_startup(self, command, dirty):
        """Once per process: remember whether this is `mkdocs serve` (its state survives rebuilds), or --dirty."""
        self.is_serve = command == "serve"
        self.dirty = dirty

    @_plain
    @event_priority(100)
    def on_config(self, config):
        """Read the options and the data, and write the generated pages (runs once per language pass).

        In the outer pass: the options are validated, per-build state is reset,
        the Material search plugin gets the stand-in parser, the data is read
        (cached by content), Spanish texts whose English changed since their
        review are found (translations/review.py; a warning on stderr, since
        --strict fails on MkDocs warnings), and the pages are synced to
        docs/<lang>/{goals,areas,objectives}/ as stubs that do not change with the text
        (content/page_files.py), so an edit under `mkdocs serve` rebuilds once.
        static-i18n's inner passes reuse it all.
        """
        if _inner_pass(config) and self.framework is not None and self.synced_docs_dir == config["docs_dir"]:
            self.rendered.clear()
            return config
        self._load_options(config)
        self.reset()
        self._check_policy_is_last(config)
        self.parser.install()
        self.framework = self._read()
        self.menu = Menu(self.framework)
        under_review, message = review.for_build(self.framework, self.data_path)  # English changed since review
        if message:  # stderr, not log.warning: --strict would make the warning fail the build
            print(message, file=sys.stderr)
        self.item_pages = page_files.all_pages(self.framework, under_review)  # each written when read
        written, removed = page_files.sync(Path(config["docs_dir"]), self.item_pages.stubs())
        self.synced_docs_dir = config["docs_dir"]
        if written or removed:
            log.info(f"Generated pages: {written} written, {removed} removed")
        return config

    def _check_policy_is_last(self, config) -> None:
        """Nothing may change a page after its policy hashed the page's scripts."""
        handlers = config.plugins.events.get("post_page", [])
        if not handlers or handlers[-1] != self._page_policy:
            last = (f"{getattr(handlers[-1], '__module__', '?')}.{getattr(handlers[-1], '__qualname__', '?')}"
                    if handlers else "none")
            raise PluginError(f"the Content-Security-Policy must be the last on_post_page handler, but {last} "
                              "runs after it: give that handler a higher priority (mkdocs.plugins.event_priority)")

    def _load_options(self, config) -> None:
        raw = dict((config.extra or {}).get("bicentennial") or {})
        errors, warnings = self.load_config(raw, config_file_path=config.config_file_path)
        problems = [f"{key}: {msg}" for key, msg in errors + warnings]
        if problems:
            raise PluginError(f"mkdocs.yml, extra.bicentennial: {'; '.join(problems)}")
        self.data_path = Path(self.config.data_file).resolve()
        self.schema_path = Path(self.config.schema_file).resolve()
        in_repo = self.data_path.relative_to(ROOT).as_posix() if self.data_path.is_relative_to(ROOT) else ""
        self.repo = report_links.Repo.from_options(self.config.repo_url, self.config.repo_branch, in_repo)
        self.cards = cards.Store(Path(self.config.cards_cache))

    def reset(self) -> None:
        """Forget everything of the last build (the options and the serve flag stay)."""
        self.held.clear()
        self.rendered.clear()
        for part in self.collected.values():
            part.clear()
        self._stop_children()
        self.parser.cache.close()
        self._resume_gc()

    def _pause_gc(self) -> None:
        """Turn Python's cyclic garbage collector off while the pages are built; `_resume_gc` turns it back on.

        The build allocates millions of small objects that live until its end (pages, templates' contexts,
        search entries), so the collector's full passes kept walking an ever larger heap and freed little,
        and they dirtied the forked child's copy-on-write memory. Warm 100× builds, paired, with the two
        other changes of the same commit: user CPU 70.4 → 67.9 s, wall 43.1 → 41.1 s. Memory grows by the
        cycles not freed until the end, in proportion to the pages (make bench, 100×: peak 327 → 351 MiB).
        Reference counting frees everything else at once.
        """
        if gc.isenabled():
            gc.disable()
            self.gc_paused = True

    def _resume_gc(self) -> None:
        """Turn the collector back on. After `mkdocs build`, freeze what the build made first (gc.freeze):
        the process is about to exit, and the first collection would otherwise walk every object made since
        the pause, millions at 100× (0.5 s between the end of the build and its exit). Not under `mkdocs
        serve`, whose next rebuild must be able to free this one's cycles (pages, files and nav refer to
        one another)."""
        if self.gc_paused:
            if not self.is_serve:
                gc.freeze()
            gc.enable()
            self.gc_paused = False

    def _read(self):
        data = self.data_path
        display = os.path.relpath(data, Path.cwd()) if data.is_relative_to(Path.cwd()) else str(data)
        return framework.read(data, self.schema_path, display=display, cache_dir=Path(self.config.build_cache))

    def on_env(self, env, config, files):
        """Compile the theme's templates once, kept in the build cache (adapter/template_cache.py);
        look each of Material's interface strings up once per language (adapter/theme_strings.py); draw the
        parts of a page that are the same on many pages once (adapter/template_memo.py)."""
        compiled = template_cache.install(env, Path(self.config.build_cache) / "templates")
        return template_memo.install(theme_strings.install(compiled), enabled=self.config.memo)

    @_plain
    def on_serve(self, server, config, builder):
        """Under `mkdocs serve`: rebuild when the data file changes, wherever it is, and show a failed
        rebuild in the browser until a rebuild succeeds (serve_errors.py)."""
        server.watch(str(self.data_path))
        serve_errors.install(server)
        return server

    # --- pages -------------------------------------------------------------------------------------

    @_plain
    @event_priority(100)  # before any other plugin reads the page: it is a stub until here
    def on_page_markdown(self, markdown, page, config, files):
        """Put a generated page's text in place of its stub; expand data markers, holding their HTML past
        Markdown; item pages skip Markdown altogether."""
        held: list[str] = []
        generated = self.item_pages.get(page.file.src_uri) if page.meta.get("bf_kind") else None
        if generated is not None:
            meta, markdown = page_files.split(generated)
            page.meta.update(meta)
        if "<!-- bf:" in markdown:
            try:
                markdown, held = markers.expand(markdown, self.framework, self._lang(page, config),
                                                page.file.src_uri, site_url=config.site_url or "", repo=self.repo)
            except markers.MarkerError as exc:
                raise PluginError(f"{page.file.src_uri}: {exc}") from None
        if page.meta.get("bf_kind"):  # a generated item page: HTML already
            render_bypass.replace_render(page, lambda html: markers.restore(html, held), self.rendered)
            if self.config.memo:  # drawn in a frame shared by the pages of its kind (adapter/template_memo.py)
                page.meta["template"] = template_memo.ITEM_TEMPLATE
        elif held:
            self.held[page.file.src_uri] = held
        return markdown

    @_plain
    def on_page_content(self, html, page, config, files):
        """Put the markers' HTML back; its headings join the table of contents, its IDs the anchors."""
        if page.meta.get("bf_kind"):
            require(page.file.src_uri in self.rendered, "mkdocs",
                    "pages to be rendered by calling page.render(config, files)",
                    "hooks/bicentennial/adapter/render_bypass.py")
        held = self.held.pop(page.file.src_uri, None)
        if held:
            render_bypass.set_rendered(page, markers.restore(html, held))
            return page.content
        return html

    def on_page_context(self, context, page, config, nav):
        """Give the templates this page's part of the menu (`bf_menu`, overrides/partials/nav.html), the site's
        UI strings (`bf_ui`) and short name (`bf_short_name`) in the page's language, and on item pages the key
        their contents list is drawn once for (`bf_toc_key`, adapter/template_memo.py).

        The menu is built per page from the current branch only (content/menu.py), so it
        stays the same size at any scale, where listing every item in the nav would not.
        """
        lang = self._lang(page, config)
        if self.menu is not None:
            context["bf_menu"] = self.menu.html(lang, page.meta.get("bf_kind", ""),
                                                str(page.meta.get("bf_id", "")), paths.lang_root(page.file.src_uri))
        context["bf_ui"] = ui.UI[lang]
        context["bf_short_name"] = self.framework.short_title[lang] if self.framework else config.site_name
        context["bf_toc_key"] = template_memo.toc_key(page, nav) if page.meta.get("bf_kind") else None
        return context

    def on_template_context(self, context, template_name, config):
        """The same for pages without a Page (the 404 page), in the language of the pass."""
        lang = config.theme.get("language") or LANGS[0]
        context["bf_ui"] = ui.UI.get(lang, ui.UI[LANGS[0]])
        context["bf_short_name"] = self.framework.short_title[lang] if self.framework and lang in ui.UI else config.site_name
        return context

    def on_post_template(self, output_content, template_name, config):
        """Keep each language's 404 page: static-i18n's last pass would overwrite the root one."""
        if template_name == "404.html":
            self.collected["404"][config.theme.get("language") or LANGS[0]] = output_content
        return output_content

    @_plain
    def _page_steps(self, output, page, config):
        """Every final-HTML step but the policy, in the order of publish/steps.py."""
        if self.parser.search_enabled(config):
            require(self.parser.uses > 0, "mkdocs-material",
                    "its search plugin to split pages with `Parser`, looked up in "
                    "material.plugins.search.plugin at each page", "hooks/bicentennial/adapter/search_parser.py")
        info = self._card(self._page_info(page, config), page, config)
        self.collected["pages"][info.url] = info
        self.collected["finished"][page.file.abs_dest_path] = True
        return steps.finish(output, info, config.site_name)

    @event_priority(float("-inf"))
    def _page_policy(self, output, page, config):
        """The Content-Security-Policy, after every other plugin's on_post_page (it hashes the final scripts).

        Not under `mkdocs serve`, which injects an inline live-reload script the policy would block.
        """
        return output if self.is_serve else csp.add_meta(output)

    on_post_page = CombinedEvent(_page_steps, _page_policy)

    def _card(self, info: PageInfo, page, config) -> PageInfo:
        """Publish the page's preview card beside it (drawn, or taken from the cache); the head tags name it.

        A hand-written page's card shows the title of its front matter, not its shorter menu title.
        """
        card = cards.for_page(self.framework, info.lang, info.kind, info.item_id, info.neutral_url,
                              str(page.meta.get("title") or info.title), info.description)
        path = cards.path_for(info.url)
        self.collected["cards"][path] = self.cards.publish(card, Path(config["site_dir"]) / path)
        return dataclasses.replace(info, image=path, image_alt=card.alt)

    def _lang(self, page, config) -> str:
        if config.plugins.get("i18n") is not None:
            require(hasattr(page.file, "locale"), "mkdocs-static-i18n", "each page's File to have `locale`",
                    "hooks/bicentennial/adapter/plugin.py")
            return page.file.locale
        return config.theme.get("language") or LANGS[0]

    def _page_info(self, page, config) -> PageInfo:
        lang = self._lang(page, config)
        url = page.url
        neutral = url[len(lang) + 1:] if lang != LANGS[0] and url.startswith(f"{lang}/") else url
        alternates = {code: (neutral if code == LANGS[0] else f"{code}/{neutral}") for code in LANGS}
        site_url = config.site_url or DEFAULT_SITE_URL
        return PageInfo(
            lang=lang, url=url, neutral_url=neutral, site_url=site_url.rstrip("/") + "/",
            title=page.title or "", description=page.meta.get("description", "") or "",
            kind=page.meta.get("bf_kind", ""), item_id=str(page.meta.get("bf_id", "")), alternates=alternates,
            publisher=self.framework.source.publisher[lang], published=self.framework.source.date,
        )

    # --- the other languages, forked ---------------------------------------------------------------

    @_plain
    @event_priority(50)
    def on_files(self, files, config):
        """Fork a child per other language, as soon as MkDocs has emptied the output folder.

        Each child builds its language while this process builds its own, where
        static-i18n would build them one after the other in its on_post_build.
        This runs before static-i18n's own on_files (2 s at 100×, which each child
        does again for its language anyway), so the child starts that much sooner.
        Not on one core, nor with the `serial` option. From here to the end of the
        build the cyclic garbage collector is off (`_pause_gc`), in every process.
        Then each process opens its language's search-section cache (after the
        fork, so that no two processes share one).
        """
        i18n = _i18n(config)
        self._pause_gc()
        if not (i18n is None or i18n.building or self.config.serial or not forked_build.available()):
            others = [code for code in i18n.build_languages if code != i18n.current_language]
            self.children[:] = [forked_build.start(lambda code=code: self._build_language(config, i18n, code))
                                for code in others]
            i18n.building = True  # so its on_post_build only collects this language's search entries
        lang = i18n.current_language if i18n is not None else config.theme.get("language") or LANGS[0]
        self._save_search_cache()  # the last pass's language, in a serial build
        self.parser.cache.open(Path(self.config.build_cache), lang)
        return files

    def _build_language(self, config, i18n, code: str) -> dict:
        """In the child: build language `code` and return what the parent needs from it."""
        try:
            forked_build.build_language(config, i18n, code)
        except PLAIN_ERRORS as exc:  # one line, as in the parent: no traceback
            raise forked_build.Expected(str(exc)) from None
        return {"collected": self.collected, "search_entries": i18n.search_entries}

    def _take_children(self, i18n) -> None:
        """Merge the children's results, in language order as static-i18n would."""
        try:
            for child in self.children:
                result = child.result()
                for key, part in result["collected"].items():
                    self.collected[key].update(part)
                i18n.search_entries.extend(result["search_entries"])
        except forked_build.ChildFailed as exc:
            raise Abort(str(exc)) from None
        finally:
            self._stop_children()
            i18n.building = False

    def _stop_children(self) -> None:
        for child in self.children:
            child.kill()
        self.children.clear()

    def on_build_error(self, error):
        """Stop any forked child and drop this build's state: the next build starts clean."""
        self.reset()

    # --- the site, once every language is built ----------------------------------------------------

    def _report_cards(self) -> None:
        """Say how many preview cards were drawn; drop cached cards no page used (not after --dirty)."""
        published = self.collected["cards"].values()
        drawn = sum(1 for _, new in published if new)
        removed = 0 if self.dirty else self.cards.prune({key for key, _ in published})
        log.info(f"Preview cards: {drawn} drawn, {len(published) - drawn} from the cache"
                 + (f", {removed} unused removed from it" if removed else ""))

    def _save_search_cache(self) -> None:
        counts = self.parser.cache.save(keep_unused=self.dirty)
        if counts and sum(counts):
            log.info(f"Search sections: {counts[0]} pages split, {counts[1]} from the cache")

    @_plain
    @event_priority(-200)
    def on_post_build(self, config):
        """Take the forked children's results, then the site-wide steps, once per build.

        Priority -200: after static-i18n's on_post_build (-100), which builds the
        other languages from inside itself unless they were forked; an inner,
        per-language pass returns at once.
        """
        self._save_search_cache()  # this pass's language (each pass and process has its own)
        i18n = _i18n(config)
        if not self.children and _inner_pass(config):
            return
        site_dir = Path(config["site_dir"])
        site_url = (config.site_url or DEFAULT_SITE_URL).rstrip("/") + "/"
        downloads.write(site_dir, self.framework, site_url, self.data_path, self.schema_path)  # while they finish
        if self.children:
            self._take_children(i18n)
            i18n.reconfigure_search_index(config)  # the index of every language, as static-i18n writes it
        sitemap.write(site_dir, self.collected["pages"].values())
        not_found.write(site_dir, self.collected["404"], site_url)
        hosting_files.write(site_dir, site_url, os.environ.get("PAGES_CNAME"))
        finished = self.collected["finished"]  # the pages on_post_page finished; the others are the 404s
        others = [Path(folder, name) for folder, _, names in os.walk(site_dir) for name in names  # (rglob: 1 s at 100×)
                  if name.endswith(".html") and os.path.join(folder, name) not in finished]
        search_index.publish(site_dir, pages=others)  # one index per language; pages point at theirs
        self._report_cards()
        # Last: the files on_post_page did not finish get the same final steps and their policy.
        if not self.is_serve:
            csp.apply_to_site(site_dir, before=steps.finish_404, paths=others)
        self._resume_gc()
