"""What only a browser shows: the language switch stays on the same item."""

from __future__ import annotations

import pytest

from support.browser import goto

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("start, target, choice", [
    ("objectives/2.1.3/", "es/objectives/2.1.3/", "es"),
    ("es/objectives/2.1.3/", "objectives/2.1.3/", "en"),
    ("areas/2.4/", "es/areas/2.4/", "es"),
    ("es/goals/3/", "goals/3/", "en"),
])
def test_language_switch_lands_on_the_same_item(page, server, start, target, choice):
    goto(page, server + start)
    page.locator(f'a.bf-lang[hreflang="{choice}"]').click()  # one visible link, no menu
    page.wait_for_url(server + target)
    assert page.locator("html").get_attribute("lang") == choice
    item = start.rstrip("/").split("/")[-1]
    assert item in page.locator(".bf-caption").inner_text()


def test_objective_page_shows_text_context_and_neighbours(page, server):
    goto(page, server + "objectives/2.1.3/")
    assert "Strengthen oversight and coordination at airports of entry." in page.locator("article h1").inner_text()
    page.locator(".bf-pager a[rel=next]").click()
    page.wait_for_url(server + "objectives/2.1.4/")
    page.locator(".bf-crumbs a", has_text="Cooperation Area 2.1").click()
    page.wait_for_url(server + "areas/2.1/")
    assert page.locator(".bf-caption").inner_text() == "Cooperation Area 2.1"
