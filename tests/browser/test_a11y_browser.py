"""Accessibility in a real browser: axe-core on every page, and keyboard use.

Section 508 / WCAG 2.1 AA. axe runs (as bundled by axe-playwright-python) on
every published HTML page in both languages at desktop and phone sizes, and
also with the search dialog open; all violations are reported at once. The
keyboard tests tab through the skip link, the language switcher and search
without touching the mouse.
"""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from support.axe import AXE_OPTIONS, VIEWPORTS
from support.axe import describe as _describe
from support.browser import goto, wait_until_still
from support.sitefiles import page_urls

pytestmark = pytest.mark.browser



@contextmanager
def page_at(browser, size: str, **options):
    """A fresh page at one of VIEWPORTS' sizes; its context is closed even when a check fails."""
    context = browser.new_context(viewport=VIEWPORTS[size], **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_axe_every_page(browser, server, site, size):
    axe = Axe()
    with page_at(browser, size, bypass_csp=True) as page:
        problems: list[str] = []
        urls = page_urls(site)
        assert len(urls) >= 80, f"expected the whole site, found {len(urls)} pages"
        for url in urls:
            goto(page, server + url, wait_until="load")
            problems += _describe(url, size, axe.run(page, options=AXE_OPTIONS).response["violations"])
        for url in ("", "es/"):  # the search dialog, open, with results
            goto(page, server + url, wait_until="load")
            page.keyboard.press("/")
            page.keyboard.type("border" if url == "" else "frontera")
            page.locator(".md-search-result__item").first.wait_for()
            wait_until_still(page)  # the dialog's open transition has finished: contrast is measured on its end state
            problems += _describe(url + " (search open)", size,
                                  axe.run(page, options=AXE_OPTIONS).response["violations"])
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


def _focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement, r = el.getBoundingClientRect(), s = getComputedStyle(el);
        return {tag: el.tagName, cls: el.className, text: el.textContent.trim(), href: el.getAttribute('href'),
                bfFor: el.getAttribute('data-bf-for'), name: el.getAttribute('aria-label'),
                visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight && s.visibility !== 'hidden',
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                shadow: s.boxShadow !== 'none'};
    }""")


def _tab_to(page, predicate, limit=40) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = _focused(page)
        if predicate(info):
            return info
    raise AssertionError("never reached the element by pressing Tab")


@pytest.mark.parametrize("size", VIEWPORTS)
def test_skip_link_first_and_visible(browser, server, size):
    with page_at(browser, size) as page:
        for url, label in (("objectives/2.1.3/", "Skip to content"), ("es/objectives/2.1.3/", "Ir al contenido")):
            goto(page, server + url)
            page.keyboard.press("Tab")
            info = _focused(page)
            assert info["tag"] == "A" and "md-skip" in info["cls"], f"first Tab on /{url} focused {info}"
            assert info["text"] == label
            assert info["visible"], f"the skip link is not visible when focused on /{url} ({size})"
            page.keyboard.press("Enter")
            assert page.evaluate("location.hash") == "#top" or page.evaluate("document.activeElement.id") == "top"


def assert_visible_focus(info: dict) -> None:
    """The focused element is on screen and shows a focus indicator (outline or shadow)."""
    assert info["visible"] and (info["outline"] or info["shadow"]), f"no visible focus on {info}"


@pytest.mark.parametrize("size", VIEWPORTS)
def test_language_switch_by_keyboard(browser, server, size):
    with page_at(browser, size) as page:
        goto(page, server + "areas/2.1/")
        # One visible text link in the header (no menu to open), reached by Tab.
        link = _tab_to(page, lambda i: i["tag"] == "A" and "bf-lang" in i["cls"])
        assert_visible_focus(link)
        assert link["text"] == "Español" and (link["href"] or "").endswith("es/areas/2.1/")
        page.keyboard.press("Enter")
        page.wait_for_url(server + "es/areas/2.1/")
        assert page.evaluate("document.documentElement.lang") == "es"


@pytest.mark.parametrize("size", VIEWPORTS)
def test_search_by_keyboard(browser, server, size):
    with page_at(browser, size) as page:
        goto(page, server + "es/")
        # Desktop: the search field in the header. Phone: the search button (bf-keys.js).
        opener = _tab_to(page, lambda i: "md-search__input" in i["cls"] or i["bfFor"] == "__search")
        if opener["tag"] == "BUTTON":
            assert size == "phone"
            assert_visible_focus(opener)
            assert opener["name"] == "Buscar", opener
            page.keyboard.press("Enter")
            expect(page.locator(".md-search__input")).to_be_focused()
            wait_until_still(page)
        page.keyboard.type("frontera")
        page.locator(".md-search-result__item").first.wait_for()
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
        assert page.locator(".md-search__input").is_visible(), "typing into a search box that cannot be seen"
        # Material's keyboard model: arrow keys move from the query into the results, Enter opens one.
        page.keyboard.press("ArrowDown")
        result = _focused(page)
        assert result["tag"] == "A" and "md-search-result__link" in result["cls"], result
        assert_visible_focus(result)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expected = urljoin(server + "es/", result["href"]).split("#")[0]
        assert page.url.split("#")[0] == expected and expected.startswith(server + "es/"), (page.url, expected)


def test_menu_by_keyboard_on_a_phone(browser, server):
    with page_at(browser, "phone") as page:
        goto(page, server + "es/objectives/2.1.3/")
        button = _tab_to(page, lambda i: i["tag"] == "BUTTON" and i["bfFor"] == "__drawer", limit=3)
        assert_visible_focus(button)
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Navegación"
        page.keyboard.press("Enter")
        assert page.evaluate("document.getElementById('__drawer').checked"), "Enter did not open the menu"
        page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null", timeout=5000)
        wait_until_still(page)  # the drawer has slid in
        assert _focused(page)["visible"], "focus did not move to a visible link in the menu"
        link = _tab_to(page, lambda i: i["tag"] == "A" and (i["href"] or "").endswith("about/"), limit=30)  # past the menu's goals, areas and objectives
        assert link["visible"] and link["text"] == "Acerca de"
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the menu"
        assert page.evaluate("document.activeElement.dataset.bfFor") == "__drawer"


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("where, status", [pytest.param("areas/2.1/", 200, id="area"),  # and the 404 page, served:
                                           pytest.param("nope/", 404, id="404-en"),
                                           pytest.param("es/objectives/9.9.9/", 404, id="404-es")])
def test_every_tab_stop_can_be_seen(browser, server, size, where, status):
    """Tab through a whole page: focus never lands on something off-screen, hidden or transparent."""
    with page_at(browser, size) as page:
        goto(page, server + where, status=status)
        lang = "es" if where.startswith("es/") else "en"
        # Under es/, bf-notfound.js has replaced the root (English) 404 page with the Spanish one.
        page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=10_000)
        page.wait_for_load_state("load")
        check = """() => {
            const el = document.activeElement;
            if (el === document.body) return 'body';
            const r = el.getBoundingClientRect();
            // Above or below the viewport is fine (scrolling reaches it); beside it (an off-canvas drawer) is not.
            const top = r.top + scrollY, height = document.scrollingElement.scrollHeight;
            let ok = r.width > 1 && r.height > 1 && r.right > 0 && r.left < innerWidth && top + r.height > 0 && top < height
                     && getComputedStyle(el).visibility === 'visible';
            for (let a = el; a && ok; a = a.parentElement) ok = parseFloat(getComputedStyle(a).opacity) > 0.1;
            return ok ? 'ok' : `${el.outerHTML.slice(0, 100)} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        }"""
        hidden, stops = [], 0
        for _ in range(120):
            page.keyboard.press("Tab")
            state = page.evaluate(check)
            if state not in ("ok", "body"):
                # Still scrolling to it, or a dialog that opens on focus (search) fading in: wait for it to show.
                try:
                    page.wait_for_function(f"() => ['ok', 'body'].includes(({check})())", timeout=3000)
                except PlaywrightTimeout:
                    pass
                state = page.evaluate(check)
            if state == "body" and stops:
                break
            stops += 1
            if state not in ("ok", "body"):
                hidden.append(state)
        assert stops > (10 if status == 200 else 5), f"only {stops} tab stops on /{where}"
        assert not hidden, f"{len(hidden)} focus stops that cannot be seen on /{where} ({size}):\n" + "\n".join(hidden)
