"""Browser tests (Chromium) for the staff tools: copy buttons put the right text on
the clipboard and announce it, the overview's links navigate, the side-by-side
columns stack on a phone, acronyms expand on focus, print drops the navigation.
"""

from __future__ import annotations

import re

import pytest

from support.browser import goto
from support.citations import expected as expected_citation
from support.site import SITE_URL

pytestmark = pytest.mark.browser


@pytest.fixture
def clip_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


def clipboard(pg) -> str:
    return pg.evaluate("navigator.clipboard.readText()")


def live_text(pg) -> str:
    """The live region's announcement, once it appears (no string eval: the site's CSP forbids it)."""
    from playwright.sync_api import expect  # here: without playwright, the `browser` fixture skips
    expect(pg.locator(".bf-live")).not_to_have_text("")
    return pg.locator(".bf-live").text_content()


@pytest.mark.parametrize("lang,copied", [("en", "Link copied"), ("es", "Enlace copiado")])
def test_heading_copy_link_copies_the_absolute_canonical_url_with_the_anchor(server, clip_page, lang, copied):
    prefix = "" if lang == "en" else "es/"
    goto(clip_page, f"{server}{prefix}objectives/2.1.3/")
    button = clip_page.locator("h2#cite + button.bf-permalink")  # next to the heading, not inside it
    label = button.get_attribute("aria-label")
    assert label.startswith("Copy link" if lang == "en" else "Copiar enlace")
    button.focus()  # keyboard: focusable, and Enter activates it
    clip_page.keyboard.press("Enter")
    assert live_text(clip_page) == copied
    assert clipboard(clip_page) == f"{SITE_URL}{prefix}objectives/2.1.3/#cite"
    assert clip_page.locator(".bf-live").get_attribute("aria-live") == "polite"


def test_page_copy_link_is_visible_and_copies_the_page_url(server, clip_page):
    goto(clip_page, f"{server}es/areas/2.3/")
    button = clip_page.locator("h1 ~ .bf-actions button.bf-permalink--page")
    button.wait_for(state="visible")  # bf.js loads just after first paint
    assert button.inner_text().strip() == "Copiar enlace"
    button.click()
    assert clipboard(clip_page) == f"{SITE_URL}es/areas/2.3/"


def test_every_heading_on_a_hand_written_page_gets_a_copy_link(server, clip_page):
    goto(clip_page, f"{server}about/")
    from playwright.sync_api import expect
    headings = clip_page.locator("article h2[id]")
    assert headings.count() >= 3
    # bf.js may run after the first paint (scripts load lazily): wait for the buttons.
    expect(clip_page.locator("article h2[id] + button.bf-permalink")).to_have_count(headings.count())
    assert clip_page.locator("article h2 button").count() == 0  # headings are named by their text alone


@pytest.mark.parametrize("page_lang", ["en", "es"])
def test_citation_copy_buttons_copy_the_citation_with_todays_date(server, clip_page, page_lang):
    prefix = "" if page_lang == "en" else "es/"
    goto(clip_page, f"{server}{prefix}objectives/2.1.3/")
    for lang in ("en", "es"):
        button = clip_page.locator(f"button[data-bf-copy='bf-cite-{lang}']")
        assert button.is_visible()
        button.click()
        assert live_text(clip_page) == ("Citation copied" if page_lang == "en" else "Cita copiada")
        text = clipboard(clip_page)
        date = re.search(r"\((?:accessed|consultado el) ([^)]+)\)\.$", text).group(1)
        assert "[date]" not in text and "[fecha]" not in text
        assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}" if lang == "en" else r"\d{1,2} de [a-z]+ de \d{4}", date)
        assert text == expected_citation("objective", "2.1.3", lang, SITE_URL, accessed=date)
        clip_page.locator(".bf-live:empty").wait_for(state="attached", timeout=6000)  # cleared after 4 s


def test_home_overview_codes_navigate(server, page):
    goto(page, server)
    page.locator("#bf-overview a.bf-id[href='objectives/2.1.3/']").click()
    page.wait_for_url(f"{server}objectives/2.1.3/")
    assert "2.1.3" in page.locator(".bf-caption").inner_text()


def test_side_by_side_columns_stack_on_a_phone(server, browser):
    def cells(width):
        context = browser.new_context(viewport={"width": width, "height": 844})
        pg = context.new_page()
        goto(pg, server + "es/side-by-side/")
        boxes = [pg.locator(f"tr[id='objective-2.1.3'] td[lang='{lang}']").bounding_box() for lang in ("es", "en")]
        context.close()
        return boxes
    es, en = cells(1280)
    assert es["y"] == en["y"] and en["x"] > es["x"] + es["width"] - 1  # side by side
    es, en = cells(390)
    assert abs(es["x"] - en["x"]) < 1 and en["y"] >= es["y"] + es["height"] - 1  # stacked


def test_acronym_expansion_shows_on_keyboard_focus(server, page):
    goto(page, server + "es/")
    acronym = page.locator("article abbr", has_text="DANS").first
    before = acronym.evaluate("a => getComputedStyle(a, '::after').content")
    acronym.focus()
    after = acronym.evaluate("a => getComputedStyle(a, '::after').content")
    assert before in ("none", "normal", "")
    assert after == '"Diálogo de Alto Nivel en Seguridad"'


def test_printing_leaves_the_text_without_navigation(server, page):
    goto(page, server + "full-text/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "h1 .bf-permalink"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("[id='objective-3.4.1']").is_visible()
    article = page.locator("article").bounding_box()
    assert article["x"] < 60 and article["width"] > 1000, "the text uses the whole page width"
