"""Shared fixtures: one real build of the site, a local server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from pages_server import PagesHandler, free_port
from pages_server import serve as serve_pages

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                "--no-first-run", "--disable-component-update", "--disable-sync"]


def build_site(dest: Path, **env) -> subprocess.CompletedProcess:
    """Run the real build (tools/build.py, as `make build` does) into `dest`."""
    full_env = dict(os.environ, SITE_DIR=str(dest), **env)
    return subprocess.run([sys.executable, str(ROOT / "tools" / "build.py")], cwd=ROOT, env=full_env,
                          capture_output=True, text=True)


# Import this module as `conftest` only (never `tests.conftest`): a second copy
# would reserve a second port and build for the wrong address.
assert __name__ == "conftest", "import fixtures helpers with `from conftest import ...`"

# The shared build is made for the address it is served at, so absolute links
# (canonical, hreflang, the switcher's sitemap fetches, citations) stay on the
# test server, which answers like GitHub Pages (tests/pages_server.py). The
# socket is bound now to reserve the port; it starts serving later.
_SITE_DIR = Path(tempfile.mkdtemp(prefix="bf-test-")) / "site"
_SERVER = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(PagesHandler, site=_SITE_DIR, prefix="/"))
SITE_URL = f"http://127.0.0.1:{_SERVER.server_address[1]}/"
os.environ["SITE_URL"] = SITE_URL  # every build the tests run defaults to it
REPO = "/bicentennial-site/"  # a GitHub Pages project site's sub-path


@pytest.fixture(scope="session")
def site() -> Path:
    result = build_site(_SITE_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    yield _SITE_DIR
    shutil.rmtree(_SITE_DIR.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def server(site):
    """The built site served at SITE_URL (yields the base URL)."""
    threading.Thread(target=_SERVER.serve_forever, daemon=True).start()
    yield SITE_URL
    _SERVER.shutdown()


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


def _no_browser(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browser tests cannot run under CI: {reason}")
    pytest.skip(f"SKIPPED BROWSER TESTS: {reason}")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        _no_browser(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield b
        b.close()


READY = "() => !document.querySelector('script[data-bf-scripts]') || document.documentElement.hasAttribute('data-bf-ready')"


def goto(page, url: str, **kwargs):
    """page.goto, then wait until the page's scripts have run (returns the response).

    Pages load their scripts after the first paint (bf-boot.js, weight.py), which can be
    after the load event page.goto waits for; the loader then marks <html data-bf-ready>.
    Pages without the loader (the 404 pages) are ready once loaded.
    """
    response = page.goto(url, **kwargs)
    page.wait_for_function(READY, timeout=15_000)
    return response


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    yield pg
    context.close()


def pytest_terminal_summary(terminalreporter):
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "SKIPPED BROWSER TESTS" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_sep("!", f"{len(skipped)} browser tests were SKIPPED: Chromium is not available here "
                                        "(install it with `apt-get install chromium`; under CI=true this fails)",
                                   yellow=True)
