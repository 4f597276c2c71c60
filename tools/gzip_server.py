"""Serve a built site gzip-compressed, as GitHub Pages does, for measurements.

Python's http.server never compresses, and page weight and Lighthouse scores
measured against it are those of a server nobody publishes with. This one
sends text files (HTML, CSS, JS, JSON, SVG, XML, TXT) with
``Content-Encoding: gzip`` when the client accepts it, and everything else
as is. Compressed bodies are cached in memory by path and modification time.

Usage:  python tools/gzip_server.py SITE_DIR [--port 8000]
From Python:  server = serve(Path("site")); ...; server.shutdown()
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import socket
import threading
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    cache: dict[tuple[str, float], bytes] = {}
    lock = threading.Lock()

    def log_message(self, *args):  # quiet: measurements print their own report
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the 301 to the slash URL
            path = os.path.join(path, "index.html")
        suffix = Path(path).suffix.lower()
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if suffix not in COMPRESSIBLE or not accepts or not os.path.isfile(path):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime)
        with self.lock:
            body = self.cache.get(key)
        if body is None:
            with open(path, "rb") as fh:
                body = gzip.compress(fh.read(), compresslevel=6, mtime=0)
            with self.lock:
                self.cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return _Body(body)


class _Body:
    """A file-like object over bytes, for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def free_port() -> int:
    """A port free on 127.0.0.1 now (for a server that must know its address before it starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(directory: Path, port: int = 0, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """Start serving `directory` in a background thread; the caller calls .shutdown()."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = serve(args.directory, args.port)
    print(f"Serving {args.directory} gzip-compressed at http://127.0.0.1:{server.server_address[1]}/")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
