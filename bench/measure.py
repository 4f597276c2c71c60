"""Browser measurements: what a first visit fetches, and `mkdocs serve` reload time.

first_visit(): opens one page with a cold cache in Chromium (Playwright,
/usr/bin/chromium) against the built site served gzip-compressed
(tools/gzip_server.py), waits for the network to go idle, and sums the
encoded (on-the-wire) body bytes of every response, split by kind; plus the
render-blocking bytes (the HTML and what Chromium marks renderBlockingStatus
"blocking": the page cannot paint without them) and the bytes of every
request that started before first contentful paint: the HTML, the style
sheets and the small script loader (the scripts follow after the first
paint: overrides/assets/javascripts/bf-boot.js); the favicon may or may not
start before it, from run to run. Requests to other hosts are blocked and
listed (the site must make none).

serve_reload(): runs `mkdocs serve` on a prepared copy, opens an objective
page, rewrites the data file with that objective's text changed, and times
how long until the open page shows the new text (live reload).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402
import gzip_server  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-quic"]

_TIMING = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {fcp: fcp ? fcp.startTime : null, nav: nav.encodedBodySize,
          res: performance.getEntriesByType('resource').map(e => ({url: e.name, start: e.startTime,
                                                                  bytes: e.encodedBodySize,
                                                                  blocking: e.renderBlockingStatus === 'blocking'}))};
}"""


def _kind(url: str, content_type: str) -> str:
    path = url.split("?", 1)[0]
    if path.endswith(".json"):
        return "json"
    for kind in ("html", "css", "javascript", "font", "image"):
        if kind in content_type:
            return {"javascript": "js"}.get(kind, kind)
    return "other"


def _wire_size(url: str) -> int:
    """Bytes on the wire for `url` from the gzip server (Playwright reports 0 for worker scripts)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return len(response.read())
    except OSError:
        return 0


def _launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def first_visit(site: Path, path: str) -> dict:
    """Bytes a cold first visit to `path` (e.g. "objectives/1.1.1/") fetches, gzip-served."""
    from playwright.sync_api import sync_playwright

    server = gzip_server.serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    records: list = []
    blocked: list[str] = []
    try:
        with sync_playwright() as p:
            browser = _launch(p)
            context = browser.new_context(viewport={"width": 390, "height": 844})
            context.route(lambda url: not url.startswith(base),
                          lambda route: (blocked.append(route.request.url), route.abort()))
            page = context.new_page()
            page.on("requestfinished", lambda req: records.append(req))
            page.goto(base + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            timing = page.evaluate(_TIMING)
            by_kind: dict[str, int] = {}
            urls = []
            for req in records:
                response = req.response()
                size = _wire_size(req.url)
                kind = _kind(req.url, (response.headers.get("content-type", "") if response else ""))
                by_kind[kind] = by_kind.get(kind, 0) + size
                urls.append([req.url[len(base) - 1:], size])
            browser.close()
    finally:
        server.shutdown()
    fcp = timing["fcp"]
    before_fcp = timing["nav"] + sum(r["bytes"] for r in timing["res"] if fcp is not None and r["start"] < fcp)
    return {
        "path": path,
        "render_blocking_bytes": timing["nav"] + sum(r["bytes"] for r in timing["res"] if r["blocking"]),
        "fcp_ms": round(fcp) if fcp is not None else None,
        "total_bytes": sum(by_kind.values()),
        "render_bytes": sum(v for k, v in by_kind.items() if k != "json"),
        "before_fcp_bytes": before_fcp,
        "by_kind": by_kind,
        "search_index_on_load": any(u.endswith("search_index.json") for u, _ in urls),
        "requests": urls,
        "blocked_third_party": blocked,
    }


def _wait_http(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("mkdocs serve exited")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"mkdocs serve did not answer {url}")


def serve_reload(copy: Path, edits: int = 3) -> list[float]:
    """Seconds from saving a data edit to the open page showing it, per edit."""
    from playwright.sync_api import sync_playwright

    port = gzip_server.free_port()
    data_file = copy / "data" / "framework.yaml"
    original = data_file.read_text(encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("BF_DATA", None)
    log = open(copy / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(copy / "mkdocs.yml"),
                             "-a", f"127.0.0.1:{port}"], cwd=copy, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    times = []
    try:
        url = f"http://127.0.0.1:{port}/objectives/1.1.1/"
        _wait_http(url, proc)
        with sync_playwright() as p:
            browser = _launch(p)
            page = browser.new_page()
            page.goto(url, wait_until="load")
            page.wait_for_timeout(1500)  # let livereload connect
            data = generate.generate(1)
            for n in range(edits):
                marker = f"Reload check number {n + 1} for the benchmark."
                data["goals"][0]["areas"][0]["objectives"][0]["text"]["en"] = marker
                start = time.monotonic()
                data_file.write_text(generate.dump(data), encoding="utf-8")
                page.wait_for_function("m => document.body && document.body.innerText.includes(m)",
                                       arg=marker, timeout=60_000, polling=50)
                times.append(time.monotonic() - start)
                page.wait_for_timeout(1500)
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
        data_file.write_text(original, encoding="utf-8")
    return times
