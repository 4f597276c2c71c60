"""`mkdocs serve` over edits of the data: the page follows the YAML, a broken save is reported in the terminal and
in the browser at once, a fix brings the page back.

The plugin keeps its state on itself across serve's rebuilds (MkDocs loads
the hooks file once per process; the plugin defines on_startup) and resets
everything of one build at the next: this runs the real server on a copy of
the project and edits its data file as an editor would.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench import prepare
from support.pages_server import free_port
from support.site import ROOT
from support.wait import until

pytestmark = pytest.mark.contract

OLD = "Strengthen oversight and coordination at airports of entry."
NEW = "Strengthen oversight at airports of entry, edited while serving."


def _copy_project(dest: Path) -> Path:
    for name in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.lock"))
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for path in prepare.hand_written():
        target = dest / "docs" / path.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return dest / "data" / "framework.yaml"


def _save(path: Path, text: str) -> None:
    """Save as editors do: write a new file, then move it into place (one change for the watcher)."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # a rebuild may be running
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def _fetch(url: str) -> tuple[int, str]:
    """(status, body) of a request that must be answered within 10 s."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait(what: str, condition, seconds: float = 120, log: list[str] | None = None) -> None:
    try:
        until(condition, what, timeout=seconds, every=0.2)
    except AssertionError as exc:
        said = "".join([line for line in (log or []) if '"GET ' not in line][-30:])  # not the access log
        pytest.fail(f"{exc}; the server said:\n{said}")


def test_serve_follows_the_yaml_reports_a_broken_save_and_recovers(tmp_path):
    data = _copy_project(tmp_path / "project")
    good = data.read_text(encoding="utf-8")
    assert OLD in good
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    env.pop("BF_DATA", None)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                              cwd=data.parent.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(server.stdout), daemon=True)
    reader.start()
    try:
        page = f"{base}objectives/2.1.3/"
        _wait("the first build serves objective 2.1.3", lambda: OLD in (_get(page) or ""))
        mentions = (_get(base) or "").count(OLD)  # the home page's overview
        assert mentions >= 1

        _save(data, good.replace(OLD, NEW))
        _wait("the objective's page shows the edited text", lambda: NEW in (_get(page) or ""))
        assert (_get(base) or "").count(NEW) == mentions  # the home page's markers too
        # One rebuild per save: the generated files under docs/ hold no text, so the build wrote none (a write
        # there would be a change of its own, and serve would rebuild again; the request above waits for it).
        stub = (data.parent.parent / "docs" / "en" / "objectives" / "2.1.3.md").read_text(encoding="utf-8")
        assert NEW not in stub and OLD not in stub
        assert sum("Detected file changes" in line for line in list(log)) == 1, "".join(log[-30:])

        broken = good.replace(OLD, NEW).replace('id: "2.1.4"', 'id: "2.1.3"', 1)
        _save(data, broken)
        message = "duplicate ID '2.1.3'"
        _wait("serve reports the broken save", lambda: any(message in line for line in list(log)), 60)
        line = next(line for line in list(log) if message in line)
        assert "data/framework.yaml:" in line and ".objectives[" in line and "Give each goal" in line
        assert not any("Traceback" in line for line in list(log))
        # The browser gets the same message at once, on any page, with the live-reload script.
        _wait("the browser shows the broken save's message", lambda: line.strip() in html.unescape(_fetch(page)[1]))
        for url in (page, base, f"{base}es/areas/2.1/"):
            started = time.monotonic()
            status, shown = _fetch(url)
            assert time.monotonic() - started < 5 and status == 200, (url, status)  # 200: see serve_errors.py
            assert line.strip() in html.unescape(shown)  # exactly as the terminal printed it
            assert "The site could not be rebuilt" in shown and 'lang="es"' in shown and "livereload(" in shown

        _save(data, good.replace(OLD, NEW))
        _wait("the fixed save serves the page again", lambda: NEW in (_get(page) or ""), log=log)
        home = _get(base) or ""
        assert home.count(NEW) == mentions and OLD not in home  # this build's marker HTML, nothing stale
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
