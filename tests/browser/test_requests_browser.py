"""No third party, no broken request, no console error, no blocked script.

A real browser loads one page of every kind in both languages (home, goal,
area, objective, each hand-written page, 404), searches, and switches
language, at desktop and phone sizes. Every request of the page and its
workers must go to the local server and succeed; the console must stay free
of errors, and the Content-Security-Policy must not block anything
(`securitypolicyviolation` events are recorded from the first moment).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.browser import goto
from support.sitefiles import lang_of, sample_urls

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
RECORD_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""
SEARCH = {"en": "border", "es": "frontera"}


@pytest.fixture(scope="module")
def deployed(site, server, browser):
    """The shared build, made for the address it is served at, as on GitHub Pages: (site, base URL)."""
    return site, server


class Watcher:
    def __init__(self, context, server: str):
        self.origin = urlsplit(server).netloc
        self.problems: list[str] = []
        self.requests = 0
        self.where = ""
        context.on("request", self._request)
        context.on("requestfailed", lambda r: self._add(f"request failed: {r.url} ({r.failure})"))
        context.on("response", lambda r: r.status >= 400 and self._add(f"HTTP {r.status}: {r.url}"))

    def _add(self, text: str):
        self.problems.append(f"{self.where}: {text}")

    def _request(self, request):
        self.requests += 1
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob"):
            return
        if parts.netloc != self.origin:
            self._add(f"request to another host: {request.url}")

    def page(self, page):
        page.on("console", lambda m: m.type == "error" and self._add(f"console error: {m.text[:300]}"))
        page.on("pageerror", lambda e: self._add(f"uncaught exception: {e}"))

    def csp(self, page):
        for v in page.evaluate("window.__csp || []"):
            self._add(f"CSP violation: {v}")


@pytest.mark.parametrize("size", VIEWPORTS)
def test_every_page_kind_loads_searches_and_switches_cleanly(browser, deployed, size):
    site, server = deployed
    context = browser.new_context(viewport=VIEWPORTS[size])
    context.add_init_script(RECORD_CSP)
    watch = Watcher(context, server)
    page = context.new_page()
    watch.page(page)
    urls = sample_urls(site)
    kinds = {u.removeprefix("es/").split("/")[0] for u in urls}
    assert {"", "goals", "areas", "objectives", "404.html"} <= kinds, f"page kinds found: {sorted(kinds)}"
    for url in urls:
        watch.where = f"/{url} [{size}]"
        goto(page, server + url, wait_until="networkidle")
        watch.csp(page)
        if url.endswith("404.html"):
            continue
        lang = lang_of(url)
        page.keyboard.press("/")
        page.keyboard.type(SEARCH[lang])
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        page.keyboard.press("Escape")
        watch.csp(page)
        other = "en" if lang == "es" else "es"
        link = page.locator(f"a.bf-lang[hreflang={other}]")
        with page.expect_navigation(wait_until="networkidle"):
            link.click()
        watch.where += f" → switched to {other}"
        assert page.evaluate("document.documentElement.lang") == other
        watch.csp(page)
    context.close()
    assert watch.requests > 10 * len(urls) // 2, "suspiciously few requests: is the watcher attached?"
    assert not watch.problems, f"{len(watch.problems)} problems:\n" + "\n".join(watch.problems)


def test_the_watcher_sees_a_third_party_request_and_a_blocked_script(browser, deployed):
    server = deployed[1]
    """Planted in a page at run time: a request to another host and an inline script the policy forbids."""
    context = browser.new_context()
    context.add_init_script(RECORD_CSP)
    watch = Watcher(context, server)
    page = context.new_page()
    watch.page(page)
    watch.where = "planted"
    goto(page, server + "about/", wait_until="networkidle")
    with page.expect_event("requestfailed", lambda r: r.url == "http://192.0.2.1/pixel.gif"):
        page.evaluate("""() => {
            const img = document.createElement('img'); img.src = 'http://192.0.2.1/pixel.gif'; document.body.append(img);
            const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s);
        }""")
    page.wait_for_function("() => window.__csp.length >= 2")  # both violations reported
    assert page.evaluate("window.__ran") is None, "the planted inline script ran"
    watch.csp(page)
    context.close()
    text = "\n".join(watch.problems)
    assert "request to another host: http://192.0.2.1/pixel.gif" in text, text
    assert "request failed: http://192.0.2.1/pixel.gif (csp)" in text, text  # the policy stopped it
    assert "CSP violation: img-src blocked http://192.0.2.1/pixel.gif" in text, text
    assert "CSP violation: script-src-elem blocked inline" in text, text
