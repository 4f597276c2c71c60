"""The build cache (data/framework.py, adapter/search_parser.py, adapter/template_cache.py): nothing redone twice.

A build keeps the checked data, every page's search sections and the
compiled templates in the ``build_cache`` folder (``.cache/build``), by
content. The next build loads the data from there if its bytes are the same,
splits for search only the pages whose content changed, and compiles no
template whose source is the same. Whatever the cache holds, the site must be
the one a build without it publishes.
"""

from __future__ import annotations

import re
import shutil

import pytest

from bench import prepare
from bicentennial.data import framework
from support.site import build_copy, digest

SECTIONS = re.compile(r"Search sections: (\d+) pages split, (\d+) from the cache")


def _counts(result) -> list[tuple[int, int]]:
    assert result.returncode == 0, result.stderr[-3000:]
    return sorted((int(split), int(reused)) for split, reused in SECTIONS.findall(result.stderr))


@pytest.mark.parametrize("serial", ["false", "true"])
def test_a_second_build_splits_no_page_again_and_publishes_the_same_site(tmp_path, serial):
    config = prepare.site_copy(tmp_path / "project", 1)
    cache = config.parent / ".cache" / "build"
    cold = _counts(build_copy(config, tmp_path / "cold", BF_SERIAL=serial))
    assert len(cold) == 2 and all(split > 40 and reused == 0 for split, reused in cold), cold  # en and es
    assert sorted(p.name for p in cache.iterdir()) == [framework.CACHE_FILE, "search-en.marshal", "search-es.marshal",
                                                      "templates"]  # the last: adapter/template_cache.py
    assert len(list((cache / "templates").iterdir())) > 20

    def written():
        return {p.relative_to(cache).as_posix(): p.stat().st_mtime_ns for p in cache.rglob("*")}

    before = written()
    warm = _counts(build_copy(config, tmp_path / "warm", BF_SERIAL=serial))
    assert warm == [(0, split) for split, _ in cold]
    assert written() == before  # nothing changed, nothing written
    a, b = digest(tmp_path / "cold"), digest(tmp_path / "warm")
    assert len(a) > 100 and a == b


def test_after_an_edit_only_the_pages_it_changed_are_split_and_the_site_is_a_cold_builds(tmp_path):
    config = prepare.site_copy(tmp_path / "project", 1)
    data = config.parent / "data" / "framework.yaml"
    first = _counts(build_copy(config, tmp_path / "first"))
    text = framework.read(data, config.parent / "data" / "framework.schema.json").items[("objective", "2.1.3")].text.en
    source = data.read_text(encoding="utf-8")
    assert source.count(text) == 1
    data.write_text(source.replace(text, text.rstrip(".") + " and more."), encoding="utf-8")
    edited = _counts(build_copy(config, tmp_path / "edited"))
    pages = sum(first[0])
    assert all(0 < split < pages / 4 and split + reused == pages for split, reused in edited), edited
    shutil.rmtree(config.parent / ".cache" / "build")
    assert _counts(build_copy(config, tmp_path / "cold")) == first
    assert digest(tmp_path / "edited") == digest(tmp_path / "cold")
