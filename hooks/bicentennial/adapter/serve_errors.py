"""Under `mkdocs serve`, a failed rebuild shows in the browser, and the page comes back by itself once fixed.

MkDocs' development server (mkdocs/livereload) keeps serving the last good
site only in name: after a failed rebuild, every page request waits for a
build that succeeds ("The server will appear stuck until build errors are
resolved"), so an editor who saved a mistake in data/framework.yaml sees a
frozen browser. ``install(server)``, called from the plugin's ``on_serve``:

- wraps the server's builder: the messages MkDocs logs at WARNING or above
  while a build runs are kept; if the build fails, they become the error;
  a build that succeeds clears it;
- wraps the server's WSGI application: while there is an error, every page
  request is answered at once with a page that shows the
  messages exactly as the terminal does, in English and Spanish, and MkDocs'
  own live-reload script, which reloads it when a rebuild succeeds. The
  live-reload polls themselves pass through. Its status is 200: the server
  logs every other status as a warning, and `--strict` counts warnings, so
  a 5xx answer would fail the very rebuild that fixes the error.

`make build` and CI never serve, so they are unchanged.

A request that arrives while a build runs waits for it, as MkDocs' own
handler does, but is answered with the error page as soon as that build
fails instead of waiting for the next good one.

Upstream contract (tests/contract/test_serve.py): MkDocs' LiveReloadServer
has ``builder``, ``get_app``/``set_app`` (wsgiref), ``_epoch_cond``,
``_visible_epoch``, ``_wanted_epoch`` and ``_inject_js_into_html(content, epoch)``.
"""

from __future__ import annotations

import html
import logging

from bicentennial.upstream import require

WHERE = "hooks/bicentennial/adapter/serve_errors.py"
LOGGER = "mkdocs"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")  # as MkDocs prints it (no colour)


def page(lines: list[str]) -> str:
    """The error page: what the terminal said, and what to do, in both languages."""
    shown = html.escape("\n".join(lines) or "(MkDocs logged no message: see the terminal)")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Build failed · No se pudo generar el sitio</title>
<style>
body {{ font: 18px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }}
h1 {{ font-size: 1.6rem; color: #8b0000; margin-bottom: .25rem; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #fff4f4; border-left: 4px solid #8b0000; padding: 1rem; font-size: 16px; }}
</style>
</head>
<body>
<main>
<h1>The site could not be rebuilt</h1>
<p>Fix what the message says and save the file: this page reloads by itself once the site builds again.</p>
<div lang="es">
<h2>No se pudo volver a generar el sitio</h2>
<p>Corrija lo que indica el mensaje y guarde el archivo: esta página se vuelve a cargar sola cuando el sitio
se genere de nuevo.</p>
</div>
<pre>{shown}</pre>
</main>
</body>
</html>
"""


def install(server) -> None:
    """Make `server` (MkDocs' LiveReloadServer) show a failed rebuild in the browser."""
    for name in ("builder", "get_app", "set_app", "_epoch_cond", "_visible_epoch", "_wanted_epoch",
                 "_inject_js_into_html"):
        require(hasattr(server, name), "mkdocs", f"its LiveReloadServer to have `{name}`", WHERE)
    state: dict[str, list[str] | None] = {"error": None}
    build, app = server.builder, server.get_app()

    def builder(*args, **kwargs):
        collect = _Collect()
        logger = logging.getLogger(LOGGER)
        logger.addHandler(collect)
        try:
            build(*args, **kwargs)
        except BaseException as exc:
            state["error"] = collect.lines + ([str(exc)] if str(exc) else [])
            with server._epoch_cond:  # requests waiting for this build get the error page now
                server._epoch_cond.notify_all()
            raise
        else:
            state["error"] = None
        finally:
            logger.removeHandler(collect)

    def application(environ, start_response):
        if environ.get("PATH_INFO", "").startswith("/livereload/"):
            return app(environ, start_response)
        with server._epoch_cond:  # as the server does: wait for a build in progress, but also stop at a failure
            server._epoch_cond.wait_for(lambda: state["error"] is not None
                                        or server._visible_epoch == server._wanted_epoch)
            lines = state["error"]
        if lines is None:
            return app(environ, start_response)
        body = server._inject_js_into_html(page(lines).encode("utf-8"), server._visible_epoch)
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                            ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]

    server.builder = builder
    server.set_app(application)
