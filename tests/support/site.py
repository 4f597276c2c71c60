"""The project's paths, the real build, and the address the shared test build is made for."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from support.pages_server import PagesHandler

ROOT = Path(__file__).resolve().parents[2]
REPO = "/bicentennial-site/"  # a GitHub Pages project site's sub-path


def build_site(dest: Path, **env) -> subprocess.CompletedProcess:
    """Run the real build (tools/build.py, as `make build` does) into `dest`."""
    full_env = dict(os.environ, SITE_DIR=str(dest), **env)
    return subprocess.run([sys.executable, str(ROOT / "tools" / "build.py")], cwd=ROOT, env=full_env,
                          capture_output=True, text=True)


def build_copy(config: Path, out: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build` of a project copy (bench/prepare.site_copy) into `out`, with `options` and extra `env`."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *options, "-f", str(config), "-d", str(out)],
                          cwd=config.parent, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
                          capture_output=True, text=True, timeout=300)


def digest(site: Path) -> dict[str, str]:
    """Every published file → the SHA-256 of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


# The shared build is made for the address it is served at, so absolute links
# (canonical, hreflang, the switcher's sitemap fetches, citations) stay on the
# test server, which answers like GitHub Pages (support/pages_server.py). The
# socket is bound now to reserve the port; conftest starts serving later.
SITE_DIR = Path(tempfile.mkdtemp(prefix="bf-test-")) / "site"
SERVER = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHandler, site=SITE_DIR, prefix="/"))
SITE_URL = f"http://127.0.0.1:{SERVER.server_address[1]}/"
os.environ["SITE_URL"] = SITE_URL  # every build the tests run defaults to it
# The shared build shows the "Report a problem" links, so every whole-site test (valid HTML, axe, links) sees them.
REPO_URL = "https://github.com/example-owner/bicentennial-site"
os.environ["REPO_URL"] = REPO_URL
os.environ.pop("REPO_BRANCH", None)
