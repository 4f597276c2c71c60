"""Shim: mkdocs.yml lists this file under ``hooks:``; the site's plugin lives in bicentennial/adapter/plugin.py.

MkDocs loads a hooks file once per process, with its folder on sys.path
while it loads, and registers its ``on_*`` attributes as event handlers; a
plugin class listed under ``plugins:`` would need installing. So this file
makes the one plugin object and exports its handlers. It holds no state of
its own: the build's state is on the plugin (see its docstring).
"""

from bicentennial.adapter.plugin import BicentennialPlugin

plugin = BicentennialPlugin()
globals().update(plugin.hooks())
