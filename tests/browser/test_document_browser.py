"""Reads like a trustworthy public document (issue 19), the goals at a glance and label in name (issue 12).

In Chromium at a desktop (1280×800) and a phone (390×844) size, in both
languages, on every page kind: the identity banner and (Spanish) the
unofficial-translation notice are in the first screen; the header's site
name is whole; the language link is visible without a menu and leads to the
same item; the h1 is bold and near-black; desktop body text is 18 px or more
with lines of at most 75 characters; an item's h1 is its own words under a
caption with its kind and number; the three goal cards fit a phone's first
screen; and every control whose name differs from its visible label contains it.
"""

from __future__ import annotations

import pytest

from support.browser import goto

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
KINDS = {"home": "", "goal": "goals/2/", "area": "areas/2.2/", "objective": "objectives/2.1.3/",
         "side by side": "side-by-side/", "about": "about/"}
BANNER = {"en": "Independent reference site — not a U.S. or Mexican government website",
          "es": "Sitio de consulta independiente — no es un sitio del gobierno de México ni de los Estados Unidos"}


@pytest.fixture(scope="module", params=list(SIZES))
def sized(request, browser):
    context = browser.new_context(viewport=SIZES[request.param])
    yield request.param, context.new_page()
    context.close()


def _in_first_screen(page, selector: str) -> bool:
    return page.evaluate("""(sel) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        const r = el.getBoundingClientRect(), s = getComputedStyle(el);
        return s.visibility === "visible" && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }""", selector)


# Relative luminance and contrast (WCAG 2.x) of an element's text against white, the page's background.
_CONTRAST = """(sel) => {
    const c = getComputedStyle(document.querySelector(sel)).color.match(/[\\d.]+/g).map(Number);
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    const a = c.length > 3 ? c[3] : 1, mix = c.slice(0, 3).map((v) => v * a + 255 * (1 - a));
    const l = 0.2126 * lin(mix[0]) + 0.7152 * lin(mix[1]) + 0.0722 * lin(mix[2]);
    return 1.05 / (l + 0.05);
}"""


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_banner_notice_header_and_title_on_every_page_kind(server, sized, kind, lang):
    size, page = sized
    prefix = "" if lang == "en" else "es/"
    goto(page, server + prefix + KINDS[kind])
    where = f"{kind} ({lang}, {size})"
    assert _in_first_screen(page, ".bf-banner"), f"{where}: the identity banner is not in the first screen"
    assert BANNER[lang] in page.locator(".bf-banner").inner_text()
    assert page.locator(".bf-banner a").get_attribute("href").endswith("about/")
    if lang == "es":
        assert _in_first_screen(page, ".bf-notice"), f"{where}: the Spanish notice is not in the first screen"
        link = page.locator(".bf-notice a[hreflang=en]")
        assert link.get_attribute("href").endswith(KINDS[kind] or "../")
    else:
        assert page.locator(".bf-notice").count() == 0
    # The source line under the h1 names the publisher and the date.
    line = page.locator("h1 ~ .bf-source-line").inner_text()
    assert ("U.S. Embassy & Consulates in Mexico · January 31, 2022" if lang == "en"
            else "Embajada y Consulados de Estados Unidos en México · 31 de enero de 2022") in line
    # The header's site name is whole: visible and not cut off.
    name = page.evaluate("""() => {
        const el = [...document.querySelectorAll('.md-header .bf-name')].find((e) => e.offsetParent !== null);
        return el && {text: el.textContent.trim(), cut: el.scrollWidth > el.clientWidth + 1
                      || el.getBoundingClientRect().right > document.querySelector('.bf-lang').getBoundingClientRect().left};
    }""")
    assert name and not name["cut"], f"{where}: header name cut off: {name}"
    if size == "phone":
        assert name["text"] == ("Bicentennial Framework" if lang == "en" else "Entendimiento Bicentenario")
    # The h1: bold, near-black (≥ 7:1).
    h1 = page.evaluate("() => { const s = getComputedStyle(document.querySelector('article h1'));"
                       " return {weight: +s.fontWeight, size: parseFloat(s.fontSize)}; }")
    assert h1["weight"] >= 600 and page.evaluate(_CONTRAST, "article h1") >= 7
    assert 26 <= h1["size"] <= 28 if size == "phone" else h1["size"] >= 34


@pytest.mark.parametrize("lang,other,label", [("en", "es", "Español"), ("es", "en", "English")])
@pytest.mark.parametrize("size", list(SIZES))
def test_language_link_is_visible_and_lands_on_the_same_item(server, browser, size, lang, other, label):
    context = browser.new_context(viewport=SIZES[size])
    try:
        page = context.new_page()
        prefix = "" if lang == "en" else "es/"
        goto(page, f"{server}{prefix}objectives/2.1.3/")
        link = page.locator("a.bf-lang")
        assert link.count() == 1 and link.is_visible()
        assert link.inner_text().strip() == label
        assert link.get_attribute("lang") == other and link.get_attribute("hreflang") == other
        assert link.get_attribute("data-bf-lang-switch") is not None
        link.focus()  # keyboard-reachable, and Enter follows it
        page.keyboard.press("Enter")
        page.wait_for_url(f"{server}{'es/' if other == 'es' else ''}objectives/2.1.3/")
        assert page.locator("html").get_attribute("lang").startswith(other)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_item_titles_are_their_own_words_under_a_caption(server, page, lang):
    prefix, caption = ("", "Joint Objective 2.1.3") if lang == "en" else ("es/", "Objetivo conjunto 2.1.3")
    words = ("Strengthen oversight and coordination at airports of entry." if lang == "en"
             else "Fortalecer la supervisión y la coordinación en los aeropuertos de entrada.")
    goto(page, f"{server}{prefix}objectives/2.1.3/")
    assert page.locator("article h1").inner_text().strip() == words
    assert page.evaluate("() => document.querySelector('article h1').previousElementSibling.className") == "bf-caption"
    assert page.locator("article .bf-caption").inner_text().strip() == caption
    # Nothing a staffer copies changes: the <title> keeps the number first.
    assert page.title().startswith(caption + ":")
    goto(page, f"{server}{prefix}areas/2.2/")
    assert page.locator("article .bf-caption").inner_text().strip().endswith("2.2")
    assert page.title().startswith(page.locator("article .bf-caption").inner_text().strip() + ":")


# Characters on each rendered line of the article's paragraphs and list items, from the layout itself.
_LINES = """() => {
    let longest = 0, where = "";
    for (const block of document.querySelectorAll("article p, article li")) {
        // Reading text only: not the tables, cards, or the one-line source line (metadata, 16 px).
        if (block.closest("table, .bf-cards, .bf-source-line")) continue;
        const lines = new Map(), walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest("p, li") !== block) continue;  // a nested block counts on its own
            for (let i = 0; i < node.length; i++) {
                range.setStart(node, i); range.setEnd(node, i + 1);
                const r = range.getClientRects()[0];
                if (!r) continue;
                const top = Math.round(r.top);
                lines.set(top, (lines.get(top) || 0) + 1);
            }
        }
        for (const n of lines.values()) if (n > longest) { longest = n; where = block.textContent.slice(0, 60); }
    }
    return {longest, where};
}"""


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", ["home", "goal", "objective", "about"])
def test_desktop_body_text_is_18px_with_lines_of_at_most_75_characters(server, browser, kind, lang):
    context = browser.new_context(viewport=SIZES["desktop"])
    try:
        page = context.new_page()
        goto(page, server + ("" if lang == "en" else "es/") + KINDS[kind])
        sizes = page.evaluate("() => [...document.querySelectorAll('article p')].filter((p) => !p.closest('table'))"
                              ".map((p) => parseFloat(getComputedStyle(p).fontSize))")
        assert sizes and min(sizes) >= 16 and max(sizes) >= 18
        body = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")
        assert body >= 18
        lines = page.evaluate(_LINES)
        assert lines["longest"] <= 75, lines
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_three_goal_cards_are_in_a_phones_first_screen(server, browser, lang):
    context = browser.new_context(viewport=SIZES["phone"])
    try:
        page = context.new_page()
        goto(page, server + ("" if lang == "en" else "es/"))
        cards = page.evaluate("""() => [...document.querySelectorAll('.bf-cards > .bf-card')].map((c) => ({
            bottom: c.getBoundingClientRect().bottom, link: c.querySelector('a').getAttribute('href'),
            text: c.innerText}))""")
        assert [c["link"] for c in cards] == ["goals/1/", "goals/2/", "goals/3/"]
        assert all(c["bottom"] <= 844 for c in cards), cards
        word = "Goal" if lang == "en" else "Meta"
        assert all(f"{word} {n}:" in c["text"] for n, c in zip((1, 2, 3), cards))
        # The introduction follows the cards and opens with the full official name.
        assert page.evaluate("() => document.querySelector('.bf-cards').nextElementSibling.className") == "bf-fullname"
    finally:
        context.close()


_LABEL_IN_NAME = """() => {
    const out = [];
    for (const el of document.querySelectorAll('a[aria-label], button[aria-label], input[aria-label], [role=button][aria-label]')) {
        if (!el.checkVisibility()) continue;
        const visible = (el.innerText || el.value || "").replace(/\\s+/g, " ").trim().toLowerCase();
        const name = el.getAttribute("aria-label").replace(/\\s+/g, " ").trim().toLowerCase();
        if (visible && !name.includes(visible)) out.push({visible, name});
    }
    return out;
}"""


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_control_name_contains_its_visible_label(server, browser, size, lang):
    context = browser.new_context(viewport=SIZES[size])
    try:
        page = context.new_page()
        problems = []
        for kind, path in KINDS.items():
            goto(page, server + ("" if lang == "en" else "es/") + path)
            problems += [(kind, p) for p in page.evaluate(_LABEL_IN_NAME)]
        copy = page.locator(".bf-permalink--page")
        assert copy.get_attribute("aria-label") == ("Copy link to this page" if lang == "en" else "Copiar enlace a esta página")
        assert not problems, problems
    finally:
        context.close()
