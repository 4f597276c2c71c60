"""A failed rebuild under `mkdocs serve` answers page requests at once (adapter/serve_errors.py), on a stand-in server.

tests/contract/test_serve.py runs the real server; here a request that
arrives while a build is still running is checked deterministically.
"""

from __future__ import annotations

import threading
import types

import pytest

from bicentennial.adapter import serve_errors
from bicentennial.upstream import UpstreamChanged


class FakeServer:
    """What serve_errors uses of MkDocs' LiveReloadServer, with a build that waits to be told how to end."""

    def __init__(self):
        self._epoch_cond = threading.Condition()
        self._visible_epoch = self._wanted_epoch = 1
        self.go, self.fail = threading.Event(), False
        self.app = lambda environ, start_response: [b"the site"]

    def builder(self):
        self.go.wait(10)
        if self.fail:
            raise SystemExit("Aborted with a BuildError!")

    def get_app(self):
        return self.app

    def set_app(self, app):
        self.app = app

    def _inject_js_into_html(self, content, epoch):
        return content + b"<script>livereload(%d)</script>" % epoch

    def rebuild(self):
        """What MkDocs' build loop does: a new wanted epoch, the build, then the visible epoch on success."""
        self._wanted_epoch += 1
        try:
            self.builder()
        except SystemExit:
            return
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()


def request(server, path="/objectives/2.1.3/"):
    status = []
    body = b"".join(server.app({"PATH_INFO": path}, lambda s, headers: status.append(s)))
    return (status[0] if status else None), body.decode()


def test_a_request_during_a_failing_rebuild_gets_the_error_page_when_it_fails():
    server = FakeServer()
    serve_errors.install(server)
    server.fail = True
    build = threading.Thread(target=server.rebuild)
    build.start()
    answers = []
    asker = threading.Thread(target=lambda: answers.append(request(server)))
    asker.start()
    asker.join(0.5)
    assert asker.is_alive()  # waits for the build in progress, as MkDocs does
    server.go.set()
    asker.join(5)
    build.join(5)
    assert answers and answers[0][0] == "200 OK" and "Aborted with a BuildError!" in answers[0][1]
    assert "The site could not be rebuilt" in answers[0][1] and "livereload(1)" in answers[0][1]
    assert request(server, "/livereload/1/2")[1] == "the site"  # the poll itself passes through


def test_a_good_rebuild_serves_the_site_again():
    server = FakeServer()
    serve_errors.install(server)
    server.fail = True
    server.go.set()
    server.rebuild()
    assert "could not be rebuilt" in request(server)[1]
    server.fail = False
    server.rebuild()
    assert request(server) == (None, "the site")


def test_the_message_is_escaped():
    assert "&lt;script&gt;" in serve_errors.page(["ERROR   -  <script>x</script>"])


def test_a_server_without_what_it_needs_is_refused_loudly():
    server = FakeServer()
    bare = types.SimpleNamespace(**{name: getattr(server, name) for name in
                                    ("builder", "get_app", "set_app", "_epoch_cond", "_visible_epoch", "_wanted_epoch")})
    with pytest.raises(UpstreamChanged, match=r"^MkDocs \S+: expected its LiveReloadServer to have `_inject_js_into_html`"):
        serve_errors.install(bare)
