"""Ways to break one upstream assumption each, applied inside a build process before MkDocs runs.

Each function imitates one change MkDocs, Material or static-i18n could make
in a later release. tests/contract/ builds the site with one applied
(``python tests/contract/run_build.py NAME …``) and checks that the build
stops with our one-line UpstreamChanged message, not a traceback and not a
quietly different site. ``raw`` is not a break: it switches our final-HTML
steps off, so the tests can read Material's own output.
"""

from __future__ import annotations

BREAKS = {}


def _break(function):
    BREAKS[function.__name__] = function
    return function


@_break
def parser_not_looked_up():
    """Material's search index keeps its own parser class instead of looking up the module global `Parser`."""
    from material.plugins.search import plugin as material_search

    own, add = material_search.Parser, material_search.SearchIndex.add_entry_from_context

    def add_entry_from_context(self, page):
        replaced, material_search.Parser = material_search.Parser, own
        try:
            return add(self, page)
        finally:
            material_search.Parser = replaced

    material_search.SearchIndex.add_entry_from_context = add_entry_from_context


@_break
def parser_renamed():
    """Material renames its search section parser."""
    from material.plugins.search import plugin as material_search

    material_search.SectionParser = material_search.Parser
    del material_search.Parser


@_break
def render_not_called():
    """MkDocs renders pages without calling the page's own `render` (so a replaced one is ignored)."""
    from mkdocs.structure.pages import Page

    render = Page.render
    Page.render = property(lambda page: render.__get__(page), lambda page, value: None)


@_break
def i18n_without_building_flag():
    """static-i18n renames the flag that marks its per-language passes."""
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    init = ExtendedPlugin.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.is_building = self.__dict__.pop("building")

    ExtendedPlugin.__init__ = __init__


@_break
def build_cleans_another_way():
    """MkDocs' build empties the output folder without mkdocs.utils.clean_directory (the forked child's no-op)."""
    import shutil

    from mkdocs.commands import build as mkdocs_build

    build = mkdocs_build.build

    def build_without_clean_directory(config, *, serve_url=None, dirty=False):
        shutil.rmtree  # what it would use instead
        return build(config, serve_url=serve_url, dirty=dirty)

    mkdocs_build.build = build_without_clean_directory


@_break
def no_spanish_404():
    """A language pass stops rendering the theme's 404.html."""
    from mkdocs.commands import build as mkdocs_build

    build_template = mkdocs_build._build_theme_template

    def _build_theme_template(template_name, env, files, config, nav):
        if template_name == "404.html" and config.theme.get("language") == "es":
            return None
        return build_template(template_name, env, files, config, nav)

    mkdocs_build._build_theme_template = _build_theme_template


@_break
def late_post_page_handler():
    """Another plugin's on_post_page runs after the Content-Security-Policy."""
    import types

    from mkdocs import config as mkdocs_config
    from mkdocs.plugins import event_priority

    load = mkdocs_config.load_config

    def load_config(*args, **kwargs):
        config = load(*args, **kwargs)
        late = types.ModuleType("late")
        late.on_post_page = event_priority(float("-inf"))(lambda output, page, config: output)
        config.plugins["late"] = late
        return config

    mkdocs_config.load_config = load_config  # mkdocs.__main__ calls it as config.load_config


@_break
def raw():
    """Not a break: publish Material's own HTML, without our final-HTML steps, 404 rewrite or policy."""
    from bicentennial.publish import csp, not_found, search_index, steps

    steps.STEPS = ()
    csp.add_meta = lambda html: html
    csp.apply_to_site = lambda *args, **kwargs: 0
    not_found.page = lambda material_404, lang, root: material_404
    search_index.publish = lambda *args, **kwargs: {}
