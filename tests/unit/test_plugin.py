"""The MkDocs side: one plugin that owns its state, typed options, and the only code that touches upstream."""

from __future__ import annotations

import re
import types

import pytest

from bicentennial.adapter.plugin import BicentennialPlugin
from bicentennial.publish import steps
from support.site import ROOT

UPSTREAM_IMPORT = re.compile(r"^\s*(?:from|import)\s+(mkdocs|material|mkdocs_static_i18n)\b", re.M)


def test_only_the_adapter_and_the_shim_import_mkdocs_material_or_static_i18n():
    hits = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "hooks").rglob("*.py")
                  if UPSTREAM_IMPORT.search(path.read_text(encoding="utf-8")))
    assert hits and all(h.startswith("hooks/bicentennial/adapter/") for h in hits), hits


def test_the_hook_module_holds_no_state_of_its_own():
    import mkdocs_hooks

    names = {name for name in vars(mkdocs_hooks) if not name.startswith("__")}
    assert {"plugin", "on_config", "on_post_page", "on_post_build", "on_startup"} <= names
    for name in names - {"plugin", "BicentennialPlugin"}:
        handler = getattr(mkdocs_hooks, name)
        assert name.startswith("on_"), name
        owners = [getattr(m, "__self__", None) for m in getattr(handler, "methods", [handler])]
        assert owners and all(owner is mkdocs_hooks.plugin for owner in owners), name
    assert not [name for name in names if isinstance(getattr(mkdocs_hooks, name), (list, dict, set))]


def test_every_event_handler_says_what_it_does():
    plugin = BicentennialPlugin()
    for name, handler in plugin.hooks().items():
        for method in getattr(handler, "methods", [handler]):
            assert (method.__doc__ or "").strip(), f"{name} ({method.__name__}) has no docstring"


def test_a_failed_build_leaves_nothing_behind_for_the_next():
    plugin = BicentennialPlugin()
    killed = []
    plugin.held["en/index.md"] = ["<p>held</p>"]
    plugin.collected["pages"]["x/"] = object()
    plugin.collected["404"]["en"] = "<html>"
    plugin.rendered.add("en/objectives/2.1.3.md")
    plugin.children.append(types.SimpleNamespace(kill=lambda: killed.append(1)))
    plugin.is_serve = True
    plugin.on_build_error(RuntimeError("boom"))
    assert plugin.held == {} and plugin.rendered == set() and plugin.children == [] and killed == [1]
    assert all(part == {} for part in plugin.collected.values())
    assert plugin.is_serve  # set once per process, kept across serve's rebuilds


def _config(**options):
    return types.SimpleNamespace(extra={"bicentennial": options}, config_file_path=str(ROOT / "mkdocs.yml"))


def test_options_are_typed_and_wrong_ones_are_refused_in_one_line():
    plugin = BicentennialPlugin()
    plugin._load_options(_config(data_file="data/framework.yaml", serial=True))
    assert plugin.data_path == ROOT / "data" / "framework.yaml" and plugin.config.serial is True
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"^mkdocs\.yml, extra\.bicentennial: serial: Expected type: <class 'bool'>"):
        plugin._load_options(_config(serial=1))
    with pytest.raises(PluginError, match=r"extra\.bicentennial: .*colour"):
        plugin._load_options(_config(colour="red"))


def test_the_final_html_steps_run_in_their_named_order():
    assert [step.name for step in steps.STEPS] == ["page frame", "head tags", "abbreviations", "valid markup",
                                                  "page weight", "search index", "no script"]
    assert [step.name for step in steps.STEPS if step.on_404] == ["valid markup", "page weight"]
