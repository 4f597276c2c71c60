"""Chromium for the browser tests: where it is, how it starts, and how a test opens a page."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                "--no-first-run", "--disable-component-update", "--disable-sync"]

READY = "() => !document.querySelector('script[data-bf-scripts]') || document.documentElement.hasAttribute('data-bf-ready')"
# No CSS transition or animation is running (a dialog has finished opening, a drawer sliding in).
STILL = "() => document.getAnimations().every(a => a.playState !== 'running')"


def goto(page, url: str, *, status: int = 200, **kwargs):
    """page.goto, check the answer's HTTP status, then wait until the page's scripts have run (returns the response).

    `status`: the status the address must answer with: 200 (any 2xx) unless the caller
    expects a missing page (404), so a test pointed at a page that does not exist
    fails here instead of passing on the 404 page.

    Pages load their scripts after the first paint (bf-boot.js, publish/page_weight.py), which can be
    after the load event page.goto waits for; the loader then marks <html data-bf-ready>.
    Pages without the loader (the 404 pages) are ready once loaded.
    """
    response = page.goto(url, **kwargs)
    assert response is not None, f"{url}: no response (the same page with another #fragment?)"
    ok = 200 <= response.status < 300 if status == 200 else response.status == status
    assert ok, f"{url} answered HTTP {response.status}, expected {status}"
    page.wait_for_function(READY, timeout=15_000)
    return response


def wait_until_still(page, timeout: float = 10_000) -> None:
    """Wait (on the condition, not a clock) until no CSS transition or animation runs on the page."""
    page.wait_for_function(STILL, timeout=timeout)


# Every layout shift since the page began that no input caused (what Cumulative Layout Shift adds up), with what
# moved and from where to where (x, y, width, height in CSS px). Read after two frames, so a change made just before
# has been laid out and reported. observe(buffered) copies the page's earlier entries into the observer at once.
SHIFTS = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({type: "layout-shift", buffered: true});
    const entries = observer.takeRecords();
    observer.disconnect();
    const box = r => r && [r.x, r.y, r.width, r.height].map(Math.round);
    const name = n => !n ? "(removed)" : n.nodeType !== 1 ? `text "${n.textContent.trim().slice(0, 30)}"`
        : n.tagName.toLowerCase() + (n.id ? "#" + n.id : "")
          + [...n.classList].map(c => "." + c).join("") + (n.parentElement && !n.id ? ` in ${n.parentElement.tagName.toLowerCase()}`
          + [...n.parentElement.classList].slice(0, 1).map(c => "." + c).join("") : "");
    done(entries.filter(e => !e.hadRecentInput).map(e => ({
        value: e.value, at: Math.round(e.startTime),
        sources: (e.sources || []).map(s => ({node: name(s.node), before: box(s.previousRect), after: box(s.currentRect)}))})));
})))"""


def layout_shifts(page) -> list[dict]:
    """The page's layout shifts so far, not caused by input: [{value, at (ms), sources: [{node, before, after}]}]."""
    return page.evaluate(SHIFTS)


def describe_shifts(shifts: list[dict]) -> str:
    """One line per shift and one per element it moved, for an assertion's message."""
    lines = []
    for s in shifts:
        lines.append(f"  {s['value']:.4f} at {s['at']} ms:")
        lines += [f"    {src['node']}: {src['before']} -> {src['after']}" for src in s["sources"]]
    return "\n".join(lines)
