"""Shared fixtures: one real build of the site, a local server, a browser."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

# The helpers live in support/ (tests import them from there); the fixtures here use them.
from support.browser import BROWSER_ARGS, CHROMIUM
from support.ci import SKIP_PREFIX, unavailable, under_ci
from support.pages_server import free_port
from support.pages_server import serve as serve_pages
from support.site import REPO, SERVER, SITE_DIR, SITE_URL, build_site


@pytest.fixture(scope="session")
def site() -> Path:
    result = build_site(SITE_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    yield SITE_DIR
    shutil.rmtree(SITE_DIR.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def server(site):
    """The built site served at SITE_URL (yields the base URL)."""
    threading.Thread(target=SERVER.serve_forever, daemon=True).start()
    yield SITE_URL
    SERVER.shutdown()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    """One build for http://127.0.0.1:PORT/bicentennial-site/, served only there: (site folder, base URL)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{REPO}"
    dest = tmp_path_factory.mktemp("subpath") / "site"
    result = build_site(dest, SITE_URL=url)
    assert result.returncode == 0, result.stdout + result.stderr
    srv = serve_pages(dest, REPO, port)
    yield dest, url
    srv.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        unavailable("Browser tests", f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Browser tests", "the playwright package is not installed (make test installs it)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    yield pg
    context.close()


_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """Under CI=true a skipped test is a failed run, whatever skipped it (support/ci.py fails its own skips)."""
    if under_ci() and _skipped and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    skipped = terminalreporter.stats.get("skipped", [])
    ours = [r for r in skipped if SKIP_PREFIX in str(r.longrepr)]
    if ours:
        terminalreporter.write_sep("!", f"{len(ours)} tests were SKIPPED because something they need is missing "
                                        "here (see the reasons above): `make test` gets what they need", yellow=True)
    if under_ci() and skipped:
        terminalreporter.write_sep("!", f"CI=true: {len(skipped)} skipped tests fail this run: "
                                        + ", ".join(_skipped[:10]), red=True)
