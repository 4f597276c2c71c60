"""The other language's pages are built in a forked child at the same time (hooks/bicentennial/adapter/forked_build.py).

The forked build must publish exactly what the one-language-after-the-other
build publishes, and a failure that happens only in the child (a Spanish
page) must fail the whole build as it did before, with MkDocs' own message.
"""

from __future__ import annotations

import os

import pytest

from bench import prepare
from bicentennial.adapter import forked_build
from support.ci import require
from support.site import build_copy, build_site, digest


def test_a_forked_build_publishes_what_a_serial_build_publishes(tmp_path):
    require(forked_build.available(), "The forked build",
            "forked_build.available() is false: no os.fork or a single core, so only the serial build ran")
    parallel, serial = tmp_path / "forked" / "site", tmp_path / "serial" / "site"
    r1 = build_site(parallel)
    assert r1.returncode == 0, r1.stderr[-3000:]
    r2 = build_site(serial, BF_SERIAL="true")
    assert r2.returncode == 0, r2.stderr[-3000:]
    a, b = digest(parallel), digest(serial)
    assert len(a) > 100 and sorted(set(a) ^ set(b)) == []
    assert sorted(f for f in a if a[f] != b[f]) == []


@pytest.mark.parametrize("serial", ["false", "true"])
def test_a_failure_in_the_spanish_pages_alone_fails_the_build(tmp_path, serial):
    config = prepare.site_copy(tmp_path / "project", 1)
    about = config.parent / "docs" / "es" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[roto](no-existe.md)\n", encoding="utf-8")
    result = build_copy(config, tmp_path / "out", "--strict", BF_SERIAL=serial)
    out = result.stdout + result.stderr
    assert result.returncode != 0, out[-3000:]
    assert "WARNING -  Doc file 'es/about.md' contains a link 'no-existe.md'" in out, out[-3000:]
    assert out.count("Aborted with 1 warnings in strict mode!") == 1, out[-3000:]
    assert "Traceback" not in out


def test_the_child_reports_its_result_and_its_failure():
    require(hasattr(os, "fork"), "The forked build", "this Python has no os.fork")
    assert forked_build.start(lambda: {"pages": [1, 2, 3]}).result() == {"pages": [1, 2, 3]}

    def expected():
        raise forked_build.Expected("Aborted with 1 warnings in strict mode!")

    with pytest.raises(forked_build.ChildFailed, match="Aborted with 1 warnings"):
        forked_build.start(expected).result()
    with pytest.raises(forked_build.ChildFailed, match="ZeroDivisionError"):
        forked_build.start(lambda: 1 / 0).result()


_PROBE = '''
import gc, os
from mkdocs.plugins import event_priority

def _note(what):
    with open(os.environ["BF_PROBE"], "a") as out:
        out.write(f"{what} {os.getpid()} {gc.isenabled()}\\n")

def on_page_context(context, page, config, nav):
    _note("page")

def on_shutdown():
    _note("end")
    with open(os.environ["BF_PROBE"], "a") as out:  # the build's objects, kept out of the collector's passes
        out.write(f"frozen {gc.get_freeze_count()} -\\n")
'''


@pytest.mark.parametrize("serial", ["false", "true"])
def test_the_garbage_collector_is_off_while_the_pages_are_built_and_on_again_after(tmp_path, serial):
    """adapter/plugin.py `_pause_gc`: off in every process that builds pages, back on once the site is written,
    with the build's objects frozen (`_resume_gc`)."""
    config = prepare.site_copy(tmp_path / "project", 1)
    (config.parent / "probe.py").write_text(_PROBE, encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - hooks/mkdocs_hooks.py\n", "  - hooks/mkdocs_hooks.py\n  - probe.py\n", 1),
                      encoding="utf-8")
    probe = tmp_path / "probe.txt"
    result = build_copy(config, tmp_path / "out", "-q", BF_SERIAL=serial, BF_PROBE=str(probe))
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line.split() for line in probe.read_text().splitlines()]
    pages = [(pid, on) for what, pid, on in lines if what == "page"]
    assert len(pages) > 80 and {on for _, on in pages} == {"False"}
    assert len({pid for pid, _ in pages}) == (1 if serial == "true" else 2)
    assert [(what, on) for what, _, on in lines if what == "end"] == [("end", "True")]
    # No collection walks the whole build's objects once the collector is on again (at 100× that took
    # 0.5 s between the end of the build and its exit): they are frozen first.
    frozen = next(int(count) for what, count, _ in lines if what == "frozen")
    assert frozen > 10_000, frozen
