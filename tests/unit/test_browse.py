"""Browse and read (issue 12): the menu's branch and caps, the pager, the offer's text, the 404 and the policy."""

from __future__ import annotations

import dataclasses

from bs4 import BeautifulSoup

from bicentennial.content import item_pages, menu, paths, ui
from bicentennial.content.menu import CAP, GOAL_CAP, Menu, nearest, snippet
from bicentennial.data import framework
from bicentennial.data.model import Area, Goal, Objective, Text
from bicentennial.publish import csp, no_script, not_found
from support.site import ROOT

FW = framework.read(ROOT / "data" / "framework.yaml", ROOT / "data" / "framework.schema.json")
JS = (ROOT / "overrides" / "assets" / "javascripts" / "bf-browse.js").read_text(encoding="utf-8")


def _big(goals: int, objectives: int):
    """A framework of `goals` goals, each with one area of `objectives` objectives."""
    t = Text(en="Some text to read here and there", es="Un texto para leer aquí y allá")
    return dataclasses.replace(FW, goals=tuple(
        Goal(id=str(g), title=t, statement=t, areas=(Area(id=f"{g}.1", title=t, objectives=tuple(
            Objective(id=f"{g}.1.{o}", text=t) for o in range(1, objectives + 1))),))
        for g in range(1, goals + 1)))


def _links(html: str) -> list:
    return BeautifulSoup(f"<ul>{html}</ul>", "html.parser").find_all("a")


def test_nearest_keeps_the_current_item_in_a_window_of_cap_items():
    items = list(range(40))
    assert nearest(items[:5], 2) == (items[:5], False)
    assert nearest(items, None) == (items[:CAP], True)
    assert nearest(items, 0)[0] == items[:CAP]
    assert nearest(items, 39)[0] == items[-CAP:]
    window, more = nearest(items, 20)
    assert more and len(window) == CAP and 20 in window and window[0] == 20 - CAP // 2


def test_snippet_cuts_at_a_word_and_marks_the_cut():
    assert snippet("Short text.") == "Short text."
    cut = snippet("word " * 40, 30)
    assert cut.endswith("…") and len(cut) <= 31 and not cut[:-1].endswith(" ")


def test_menu_of_a_hand_written_page_lists_the_goals_only():
    links = _links(Menu(FW).html("en", "", "", "../"))
    assert [a["href"] for a in links] == ["../goals/1/", "../goals/2/", "../goals/3/"]
    assert not any(a.has_attr("aria-current") for a in links)


def test_menu_of_an_objective_opens_its_goal_and_area_and_marks_it():
    html = Menu(FW).html("es", "objective", "2.1.3", "../../")
    links = _links(html)
    hrefs = [a["href"] for a in links]
    assert hrefs[:3] == ["../../goals/1/", "../../goals/2/", "../../areas/2.1/"]
    assert "../../goals/3/" == hrefs[-1]
    assert [a["href"] for a in links if a.has_attr("aria-current")] == ["../../objectives/2.1.3/"]
    assert {h for h in hrefs if "/areas/" in h} == {f"../../areas/2.{n}/" for n in range(1, 5)}
    assert {h for h in hrefs if "/objectives/" in h} == {f"../../objectives/2.1.{n}/" for n in range(1, 6)}
    assert "Meta 2: Prevenir" in html  # in the page's language
    for kind, id_ in (("goal", "1"), ("area", "3.2")):
        current = [a["href"] for a in _links(Menu(FW).html("en", kind, id_, "../../")) if a.has_attr("aria-current")]
        assert current == [f"../../{kind}s/{id_}/"]


def test_menu_stays_the_same_size_at_any_scale():
    small, big = _big(30, 30), _big(300, 300)
    sizes = [len(_links(Menu(fw).html("en", "objective", "15.1.15", "../../"))) for fw in (small, big)]
    assert sizes[0] == sizes[1] == GOAL_CAP + 1 + 1 + CAP + 1  # goals + all-goals link, its area, objectives + link
    hrefs = [a["href"] for a in _links(Menu(big).html("en", "objective", "150.1.299", "../../"))]
    goals = [h for h in hrefs if "/goals/" in h]
    objectives = [h for h in hrefs if "/objectives/" in h]
    assert goals == [f"../../goals/{n}/" for n in range(148, 153)]  # the 5 nearest the current goal
    assert objectives == [f"../../objectives/150.1.{n}/" for n in range(289, 301)]  # the 12 nearest, at the end
    assert hrefs[-1] == "../../"  # then all the goals, on the home page
    assert hrefs[hrefs.index(objectives[-1]) + 1] == "../../areas/150.1/"  # then all the area's objectives


def test_objective_page_lists_its_siblings_capped_and_its_pager_names_the_neighbours():
    page = item_pages.objective_page(FW, FW.goals[1], FW.goals[1].areas[0], FW.goals[1].areas[0].objectives[2], "en",
                                     FW.goals[1].areas[0].objectives[1], FW.goals[1].areas[0].objectives[3])
    soup = BeautifulSoup(page.split("---\n", 2)[-1], "html.parser")
    siblings = [a["href"] for a in soup.select(".bf-siblings a")]
    assert siblings == ["../2.1.1/", "../2.1.2/", "../2.1.4/", "../2.1.5/"]
    prev, next_ = soup.select_one(".bf-pager a[rel=prev]").get_text(" "), soup.select_one(".bf-pager a[rel=next]").get_text(" ")
    assert "Joint Objective 2.1.2: Strengthen oversight and coordination at land" in prev
    assert "Joint Objective 2.1.4: Strengthen" in next_
    big = _big(1, 40)
    area = big.goals[0].areas[0]
    page = item_pages.objective_page(big, big.goals[0], area, area.objectives[20], "es", None, None)
    soup = BeautifulSoup(page.split("---\n", 2)[-1], "html.parser")
    links = soup.select(".bf-siblings a")
    assert len(links) == CAP - 1 + 1 and links[-1]["href"] == "../../areas/1.1/"
    assert links[-1].get_text() == "Los 40 objetivos de esta área de coordinación"


def test_the_offer_script_says_what_ui_py_says_in_each_language():
    for lang in ("en", "es"):
        for key in ("question", "link", "dismiss"):
            assert f'{key}: "{ui.t(lang, "offer_" + key)}"' in JS, (lang, key)
    assert "location.replace" not in JS and "location.href =" not in JS  # never a redirect
    assert "fetch(" not in JS and "XMLHttpRequest" not in JS and "document.cookie" not in JS


def test_404_pages_say_it_in_both_languages_with_both_home_pages():
    for lang, other, home in (("en", "es", "/repo/es/"), ("es", "en", "/repo/")):
        html = not_found.content(lang, "/repo/")
        soup = BeautifulSoup(html, "html.parser")
        block = soup.select_one(f'.bf-nojs-only[lang="{other}"]')
        assert block.h2.get_text() == ui.t(other, "not_found")
        assert block.a["href"] == home


def test_no_script_sheet_is_linked_relative_to_the_page():
    assert paths.url_root("es/objectives/2.1.3/") == "../../../" and paths.url_root("") == ""
    page = no_script.add("<html><head><title>x</title></head><body></body></html>", "../")
    assert '<noscript><link rel="stylesheet" href="../assets/stylesheets/bf-nojs.css"></noscript>\n</head>' in page
    assert no_script.add(page, "../") == page


def test_meta_policy_uses_only_directives_every_browser_applies_in_a_meta_tag():
    ignored_in_meta = {"frame-ancestors", "report-uri", "report-to", "sandbox", "manifest-src"}
    assert not ignored_in_meta & set(csp.BASE_POLICY)
    assert menu.CAP == 12
