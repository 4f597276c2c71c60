"""Split a page's HTML into search sections, as Material's search plugin does, faster.

Material's search plugin (material/plugins/search/plugin.py, class
``Parser``) reads each page's content with an ``html.parser.HTMLParser``
subclass and cuts it into sections at every heading with an ID: a title
(the heading's text) and a text (what follows, keeping only p, code, pre,
li, ol, ul, sub and sup tags, whitespace collapsed, entities escaped),
leaving out any element marked ``data-search-exclude``. At 100× (8,000 pages)
that parser was the largest single cost of the build (bench/: 22 of 97
profiled seconds): a pure-Python tokenizer and, per token, Python-level
comparisons of element objects.

``Parser`` here gives the same sections, with the same quirks, from
html_tokens.feed and plain strings: the plugin compares elements by tag name
only, so its context and skip list are kept here as tag names (closing any
element with an excluded element's tag name ends the exclusion, as there).
It has the plugin parser's interface (``feed``, ``close``, ``data``; each
section has ``id``, ``title``, ``text``, ``is_excluded()``), so the adapter
can hand it to the plugin in place of its own. tests/build/test_search.py
checks that both give identical sections for every page of a built site.

Upstream contract (tests/contract/): the search plugin looks its parser up
as the module global ``material.plugins.search.plugin.Parser`` each time it
indexes a page. ``StandIn.install`` replaces that global with a subclass
that counts its uses, and the adapter checks the count after the first page:
if Material stopped looking the name up, the build says so instead of
quietly using the slow parser.

``SectionCache`` keeps the sections of every page between builds, by the
hash of the page's content (in the ``build_cache`` option's folder, ``.cache/build``):
a build splits only the pages whose content changed since the last one and
takes the others' sections from there, the same as splitting them again
(tests/unit/test_search.py). Its files carry a fingerprint of this parser's
code and Python's version, and a file with another fingerprint is ignored.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from html import escape
from pathlib import Path

from bicentennial.adapter import html_tokens
from bicentennial.files import atomic_write, fingerprint
from bicentennial.upstream import require

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_KEEP = frozenset("p code pre li ol ul sub sup".split())
_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
_RAW = ("script", "style", "object")


class Section:
    """One search section: the element that starts it (tag, attributes), its depth, ID, title and text parts."""

    __slots__ = ("tag", "attrs", "depth", "id", "title", "text")

    def __init__(self, tag: str, attrs: dict, depth: float = 0):
        self.tag, self.attrs, self.depth = tag, attrs, depth
        self.id: str | None = None
        self.title: list[str] = []
        self.text: list[str] = []

    def is_excluded(self) -> bool:
        return "data-search-exclude" in self.attrs


class Parser:
    """Drop-in for the search plugin's Parser: ``feed(html)``, ``close()``, then ``data``."""

    def __init__(self):
        self.tags: list[str] = []       # open elements (the plugin's context), by tag name
        self.attrs: list[dict] = []     # their attributes
        self.skip = set(_RAW)           # tag names whose content is left out
        self.section: Section | None = None
        self.data: list[Section] = []

    def feed(self, html: str) -> None:
        html_tokens.feed(self, html)

    def close(self) -> None:
        pass

    def _preface(self) -> None:
        if self.section is None:
            self.section = Section("hx", {})
            self.data.append(self.section)

    def _parts(self) -> list[str]:
        # Inside the section's heading (any open element with its tag name): its title.
        return self.section.title if self.section.tag in self.tags else self.section.text

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _VOID:
            return
        attrs = dict(attrs)
        self.tags.append(tag)
        self.attrs.append(attrs)
        if tag in _HEADINGS and "id" in attrs:
            depth = len(self.tags)
            if tag != "h1" and not self.data:
                self.data.append(Section("hx", {}, depth))
            self.section = Section(tag, attrs, depth)
            if self.data:
                self.section.id = attrs["id"]
            self.data.append(self.section)
        self._preface()
        for key, value in attrs.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self.skip.add(tag)
                return
        if tag in _KEEP and self.skip.isdisjoint(self.tags):
            self._parts().append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if not self.tags or self.tags[-1] != tag:
            return
        open_ = len(self.tags)
        if self.section.depth > open_:  # leaving the element a heading was nested in
            for section in reversed(self.data):
                if section.depth <= open_:
                    self.section.depth = float("inf")
                    self.section = section
                    break
        self.tags.pop()
        self.attrs.pop()
        if tag in self.skip:
            if tag not in _RAW:
                self.skip.remove(tag)
            return
        if tag in _KEEP and self.skip.isdisjoint(self.tags):
            parts = self._parts()
            index = parts.index(f"<{tag}>")
            if all(part.isspace() for part in parts[index + 1:]):
                del parts[index:]  # an empty element is dropped
            else:
                parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skip.isdisjoint(self.tags):
            return
        in_pre = "pre" in self.tags
        if not in_pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        self._preface()
        section = self.section
        if section.tag in self.tags:
            if not any(tag == "a" and attrs.get("class") == "headerlink" for tag, attrs in zip(self.tags, self.attrs)):
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or in_pre:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))


# What the cached sections depend on besides the content: this parser, its tokenizer, Python (html.escape, marshal).
FINGERPRINT = fingerprint(Path(__file__), Path(html_tokens.__file__), versions=sys.version)


class SectionCache:
    """The sections of page contents already split, by their content's hash: one file per language pass.

    ``open`` reads a language pass's file; the stand-in asks ``get`` before splitting a
    page and gives ``put`` what it split; ``save`` writes what this pass's pages
    had (only if that differs from the file: nothing when nothing changed),
    dropping the contents no page has any more unless ``keep_unused``, and
    closes it. Only the sections the search plugin indexes are kept (those it
    leaves out, ``data-search-exclude``, are dropped), with their ID, title and text.
    """

    def __init__(self):
        self.path: Path | None = None
        self.known: dict[bytes, tuple] = {}  # from the file
        self.used: dict[bytes, tuple] = {}   # what this pass's pages had
        self.split = self.reused = 0         # pages split this pass, pages whose sections came from the cache

    def open(self, folder: Path, lang: str) -> None:
        """Read a pass's file (`save` the last pass first: this forgets it)."""
        self.path, self.used, self.split, self.reused = Path(folder) / f"search-{lang}.marshal", {}, 0, 0
        try:
            fingerprint, known = marshal.loads(self.path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):  # none yet, or unreadable: split every page
            fingerprint, known = None, {}
        self.known = known if fingerprint == FINGERPRINT and isinstance(known, dict) else {}

    def key(self, html: str) -> bytes | None:
        return None if self.path is None else hashlib.blake2b(html.encode(), digest_size=16).digest()

    def get(self, key: bytes | None) -> list[Section] | None:
        if key is None:
            return None
        found = self.used.get(key)
        if found is None:
            found = self.known.get(key)
        if found is None:
            return None
        self.used[key] = found
        self.reused += 1
        sections = []
        for id_, title, text in found:
            section = Section("hx", {})
            section.id, section.title, section.text = id_, [] if title is None else [title], [text]
            sections.append(section)
        return sections

    def put(self, key: bytes | None, data: list[Section]) -> None:
        if key is not None:
            self.split += 1
            self.used[key] = tuple((s.id, "".join(s.title) if s.title else None, "".join(s.text))
                                   for s in data if not s.is_excluded())

    def save(self, keep_unused: bool = False) -> tuple[int, int] | None:
        """Write the pass's file if it changed and close it: (pages split, pages from the cache), or None if closed."""
        if self.path is None:
            return None
        kept = {**self.known, **self.used} if keep_unused else self.used
        if kept.keys() != self.known.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, marshal.dumps((FINGERPRINT, kept)), durable=False)
        counts = (self.split, self.reused)
        self.close()
        return counts

    def close(self) -> None:
        """Forget the pass without writing anything (a failed build)."""
        self.path, self.known, self.used, self.split, self.reused = None, {}, {}, 0, 0


class StandIn:
    """The stand-in for one build process: a Parser subclass that counts how often the search plugin made one,
    and takes a page's sections from ``cache`` when it is open and has them."""

    def __init__(self):
        self.uses = 0
        self.cache = SectionCache()
        stand_in = self

        class CountingParser(Parser):
            def __init__(self):
                super().__init__()
                stand_in.uses += 1

            def feed(self, html: str) -> None:
                key = stand_in.cache.key(html)
                cached = stand_in.cache.get(key)
                if cached is None:
                    super().feed(html)
                    stand_in.cache.put(key, self.data)
                else:
                    self.data = cached

        self.parser_class = CountingParser

    def install(self) -> None:
        """Make Material's search plugin use the stand-in."""
        from material.plugins.search import plugin as material_search

        require(isinstance(getattr(material_search, "Parser", None), type), "mkdocs-material",
                "material.plugins.search.plugin to define the class `Parser`",
                "hooks/bicentennial/adapter/search_parser.py")
        material_search.Parser = self.parser_class

    @staticmethod
    def search_enabled(config) -> bool:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        return bool(search is not None and search.config.get("enabled", True))
