"""The Bicentennial Framework site's core: load → validate → render → publish.

Nothing in this package imports MkDocs. The only module that does is
``hooks/mkdocs_hooks.py``, the thin adapter that wires these functions to
MkDocs events, so a move to another generator only touches that file.
"""

LANGS = ("en", "es")
DEFAULT_LANG = "en"
