"""Lay out a throw-away project copy for one benchmark build.

Benchmarks never build inside the working tree (its docs/ holds the real
generated pages and others build there). Two kinds of copy:

- ``site``: the project's own build inputs (mkdocs.yml, the hand-written
  pages, hooks/, overrides/, the schema) with a synthetic data file; the
  hooks generate the item pages into the copy's docs/ as in a real build.
- ``default``: the same pages (generated with our generator, markers expanded
  beforehand) built with a stock Material + static-i18n configuration: the
  default theme, default nav (every page), the search plugin, no hooks.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

from bicentennial import LANGS  # noqa: E402
from bicentennial.content import markers, page_files  # noqa: E402
from bicentennial.data import framework  # noqa: E402

DEFAULT_CONFIG = """\
# Stock MkDocs Material + static-i18n: the baseline the benchmark compares with.
site_name: U.S.-Mexico Bicentennial Framework
site_url: http://127.0.0.1:8000/
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: es
          name: Español
          build: true
"""


def hand_written() -> list[Path]:
    """The hand-written pages (and assets) under docs/, without generated folders."""
    out = []
    for path in sorted((ROOT / "docs").rglob("*")):
        rel = path.relative_to(ROOT / "docs")
        if path.is_file() and not (len(rel.parts) > 1 and rel.parts[1] in page_files.GENERATED_DIRS):
            out.append(path)
    return out


def _copy_docs(dest: Path) -> None:
    for path in hand_written():
        target = dest / "docs" / path.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def site_copy(dest: Path, scale: int) -> Path:
    """Our project at `scale`: returns the copy's mkdocs.yml."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "data").mkdir()
    shutil.copy2(ROOT / "data" / "framework.schema.json", dest / "data" / "framework.schema.json")
    generate.write(scale, dest / "data" / "framework.yaml")
    _copy_docs(dest)
    return dest / "mkdocs.yml"


def default_copy(dest: Path, scale: int) -> Path:
    """The same pages with the stock configuration: returns the copy's mkdocs.yml."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    data = generate.write(scale, dest / "framework.yaml")
    fw = framework.read(data, ROOT / "data" / "framework.schema.json")
    _copy_docs(dest)
    for lang in LANGS:  # expand the data markers: the default build has no hooks
        for md in (dest / "docs" / lang).glob("*.md"):
            text = md.read_text(encoding="utf-8")
            held_md, held = markers.expand(text, fw, lang, f"{lang}/{md.name}")
            md.write_text(markers.restore(held_md, held), encoding="utf-8")
    page_files.sync(dest / "docs", page_files.all_pages(fw))
    (dest / "mkdocs.yml").write_text(DEFAULT_CONFIG, encoding="utf-8")
    return dest / "mkdocs.yml"
