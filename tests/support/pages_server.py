"""A local stand-in for GitHub Pages, for browser tests.

Like Pages it serves the built site under a sub-path (``/REPO/``), redirects
a folder address without its trailing slash, never lists a folder, and
answers every missing address with the site's root ``404.html`` and status
404, whatever the depth of the address.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def __init__(self, *args, site: Path, prefix: str, **kwargs):
        self.site, self.prefix = site, prefix
        super().__init__(*args, directory=str(site), **kwargs)

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return str(self.site / "\0missing")
        rest = path[len(self.prefix):]
        return super().translate_path("/" + rest)

    def list_directory(self, path):
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = self.site / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(site: Path, prefix: str = "/", port: int = 0,
          handler_class: type[PagesHandler] = PagesHandler) -> http.server.ThreadingHTTPServer:
    """Serve `site` at http://127.0.0.1:PORT{prefix} in a daemon thread (with a PagesHandler, or a subclass)."""
    handler = functools.partial(handler_class, site=Path(os.fspath(site)), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Requests:
    """Every response and failed request a Playwright page makes, for "nothing fails" checks."""

    def __init__(self, page):
        self.responses: list[tuple[int, str]] = []
        self.failed: list[str] = []
        page.on("response", lambda r: self.responses.append((r.status, r.url)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))

    def problems(self, origin: str, allowed_404: tuple[str, ...] = ()) -> list[str]:
        """Failures, 4xx/5xx answers (except `allowed_404` URLs) and requests that left `origin`."""
        out = [f"failed: {f}" for f in self.failed]
        out += [f"{status}: {url}" for status, url in self.responses
                if status >= 400 and not (status == 404 and url in allowed_404)]
        out += [f"left {origin}: {url}" for _, url in self.responses
                if not url.startswith(origin) and not url.startswith("data:")]
        return out
