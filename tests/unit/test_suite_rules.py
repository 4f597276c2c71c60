"""Rules the test suite keeps, so that a green run means what it says.

- No quiet skip: every skip goes through support/ci.py (skip locally with the
  reason, fail under CI=true); no other pytest skip, skipif, importorskip or xfail.
- No fixed sleep before looking: waits are on conditions (Playwright's
  wait_for_function and expect, support/wait.py's until), never time.sleep or
  wait_for_timeout in a test.
- No assertion that holds on nothing: `assert not <found> or all(...)` is true
  when nothing is found.
- The browser helper `goto` fails on a page that does not answer as expected.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import browser, ci, wait
from support.site import ROOT

TESTS = ROOT / "tests"
SKIPS = re.compile(r"pytest\.skip\b|\.skipif\b|importorskip|pytest\.mark\.skip\b|\bxfail\b|unittest\.skip")
SLEEPS = re.compile(r"\bwait_for_timeout\s*\(|\btime\.sleep\s*\(|\basyncio\.sleep\s*\(|\bsleep\s*\(")
VACUOUS = re.compile(r"assert\s+not\s+[^\n]*\bor\b\s*\\?\s*\n?\s*all\(")


def _test_files() -> list[Path]:
    files = [p for p in sorted(TESTS.rglob("*.py")) if "__pycache__" not in p.parts]
    assert len(files) > 20, files
    return files


def offenders(pattern: re.Pattern, exempt: set[Path]) -> list[str]:
    out = []
    for path in _test_files():
        if path in exempt or path == Path(__file__):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                out.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    return out


def test_every_skip_goes_through_the_one_helper():
    assert offenders(SKIPS, {TESTS / "support" / "ci.py"}) == [], \
        "skip with support.ci.unavailable/require (it fails under CI=true) instead"


def test_no_fixed_sleep_in_tests():
    assert offenders(SLEEPS, {TESTS / "support" / "wait.py"}) == [], \
        "wait on a condition (page.wait_for_function, expect(...), support.wait.until) instead"


def test_no_assertion_that_holds_on_nothing():
    found = []
    for path in _test_files():
        if path != Path(__file__):
            found += [f"{path.relative_to(ROOT)}: {m.group(0)!r}" for m in VACUOUS.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_rules_see_what_they_refuse():
    assert SKIPS.search('pytest.skip("x")') and SKIPS.search("@pytest.mark.skipif(True, reason='x')")
    assert SKIPS.search('pytest.importorskip("x")') and SKIPS.search("@pytest.mark.xfail")
    assert SLEEPS.search("page.wait_for_timeout(300)") and SLEEPS.search("time.sleep(0.1)")
    assert VACUOUS.search("assert not soup.find_all('b') or all(t for t in x)")
    assert VACUOUS.search("assert not soup.find_all(['b']) or \\\n    all(t for t in x)")


def _outcome(call) -> type[BaseException] | None:
    """The exception `call` ends with (pytest's skip and fail are exceptions too), or None."""
    try:
        call()
    except BaseException as exc:  # noqa: BLE001 - Skipped and Failed are BaseExceptions
        return type(exc)
    return None


def test_unavailable_fails_unless_asked_to_skip_and_always_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert _outcome(lambda: ci.unavailable("Browser tests", "Chromium not found")) is pytest.fail.Exception
    assert _outcome(lambda: ci.require(False, "The forked build", "one core")) is pytest.fail.Exception
    assert _outcome(lambda: ci.require(True, "The forked build", "one core")) is None
    monkeypatch.setenv("CI", "false")
    monkeypatch.delenv("BF_ALLOW_SKIP", raising=False)
    assert _outcome(lambda: ci.unavailable("Browser tests", "Chromium not found")) is pytest.fail.Exception
    monkeypatch.setenv("BF_ALLOW_SKIP", "1")  # make test-fast
    assert _outcome(lambda: ci.unavailable("Browser tests", "Chromium not found")) is pytest.skip.Exception
    monkeypatch.delenv("CI")
    assert _outcome(lambda: ci.require(False, "The forked build", "one core")) is pytest.skip.Exception
    monkeypatch.setenv("CI", "true")  # never under CI, even when asked
    assert _outcome(lambda: ci.unavailable("Browser tests", "Chromium not found")) is pytest.fail.Exception
    monkeypatch.setenv("CI", "TRUE")
    with pytest.raises(pytest.fail.Exception, match="Browser tests cannot run under CI=true: Chromium not found"):
        ci.unavailable("Browser tests", "Chromium not found")


class FakeResponse:
    def __init__(self, status: int):
        self.status = status


class FakePage:
    """Just enough of a Playwright page for `goto`: answers with `status`, then is ready."""

    def __init__(self, status: int | None):
        self.status, self.waited = status, []

    def goto(self, url, **kwargs):
        return None if self.status is None else FakeResponse(self.status)

    def wait_for_function(self, expression, timeout=None):
        self.waited.append(expression)


def test_goto_fails_on_a_page_that_does_not_answer_as_expected():
    page = FakePage(404)
    with pytest.raises(AssertionError, match="answered HTTP 404, expected 200"):
        browser.goto(page, "http://127.0.0.1/objectives/9.9.9/")
    assert browser.goto(page, "http://127.0.0.1/nope/", status=404).status == 404
    assert page.waited == [browser.READY]  # and then waits until the page's scripts have run
    with pytest.raises(AssertionError, match="answered HTTP 200, expected 404"):
        browser.goto(FakePage(200), "http://127.0.0.1/objectives/2.1.3/", status=404)
    with pytest.raises(AssertionError, match="500"):
        browser.goto(FakePage(500), "http://127.0.0.1/")
    with pytest.raises(AssertionError, match="no response"):
        browser.goto(FakePage(None), "http://127.0.0.1/#top")
    assert browser.goto(FakePage(200), "http://127.0.0.1/").status == 200


def test_until_returns_as_soon_as_the_condition_holds_and_fails_saying_what_it_waited_for():
    calls = iter([0, 0, "done"])
    assert wait.until(lambda: next(calls), "the third call", timeout=5, every=0.001) == "done"
    with pytest.raises(AssertionError, match="waited 0.05 s for nothing, in vain"):
        wait.until(lambda: False, "nothing", timeout=0.05, every=0.01)
