"""Run part of a build in a forked child process and take its result back.

The site is built once per language (static-i18n builds them one after the
other), and each language is independent work: at 100× the build spent
nearly all its time in two equal halves on one core while the other idled
(bench/). The adapter forks one child per extra language once the output
folder is clean; parent and child then build their languages at the same
time, into the same folder (different pages; the theme's files are the same
bytes from both), and the parent waits for the child's result before the
site-wide steps.

``build_language`` is what the child runs: static-i18n's build of one
other language, as its on_post_build does it, minus cleaning the output
folder (the parent is writing into it). Upstream contract
(tests/contract/): static-i18n's plugin has ``building`` (True makes its
on_post_build only collect the pass's search entries instead of building
the other languages), ``current_language``, ``build_languages``,
``search_entries`` and ``reconfigure_search_index``; MkDocs has
``mkdocs.commands.build.build`` and ``mkdocs.utils.clean_directory``.

``start(work)`` forks; the child runs ``work()``, pickles its return value
(or its failure) into an anonymous temporary file and exits without running
the parent's clean-up. ``Child.result()`` waits and returns the value, or
raises ``ChildFailed`` with the child's message; the child has already
printed its own log lines, and its traceback if the failure was unexpected.
"""

from __future__ import annotations

import inspect
import os
import pickle
import sys
import tempfile
import traceback
from typing import Any, Callable

from bicentennial.upstream import require


class ChildFailed(Exception):
    pass


class Expected(Exception):
    """Raised by `work` for a failure it has already reported: the child prints no traceback."""


def available() -> bool:
    """Forking helps only where it exists and there is a second core to run on (the `serial` option turns it off)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Child:
    def __init__(self, pid: int, out):
        self.pid, self._out, self._status = pid, out, None

    def result(self) -> Any:
        if self._status is None:
            _, self._status = os.waitpid(self.pid, 0)
        self._out.seek(0)
        try:
            ok, value = pickle.load(self._out)
        except (EOFError, pickle.UnpicklingError):
            ok, value = False, f"the child process ended without a result (exit status {self._status})"
        if not ok:
            raise ChildFailed(value)
        return value

    def kill(self) -> None:
        if self._status is None:
            try:
                os.kill(self.pid, 9)
                _, self._status = os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def start(work: Callable[[], Any]) -> Child:
    out = tempfile.TemporaryFile()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return Child(pid, out)
    code = 0
    try:
        payload = (True, work())
    except Expected as exc:
        payload, code = (False, str(exc)), 1
    except BaseException as exc:  # the child must always report and exit, whatever happened
        traceback.print_exc()
        payload, code = (False, f"{type(exc).__name__}: {exc}"), 1
    try:
        pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def build_language(config, i18n, code: str) -> None:
    """In the child: build language `code` into the same output folder, as static-i18n's on_post_build does."""
    from mkdocs import utils
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort

    where = "hooks/bicentennial/adapter/forked_build.py"
    require(callable(getattr(mkdocs_build, "build", None)) and callable(getattr(utils, "clean_directory", None))
            and "utils.clean_directory(" in inspect.getsource(mkdocs_build.build), "mkdocs",
            "mkdocs.commands.build.build to empty the output folder with mkdocs.utils.clean_directory "
            "(the child replaces it with a no-op: the parent is writing there)", where)
    i18n.building, i18n.current_language = True, code
    utils.clean_directory = lambda path: path
    try:
        mkdocs_build.build(config, dirty="--dirty" in sys.argv)
    except Abort as exc:  # MkDocs has logged the reason
        raise Expected(str(exc)) from None
