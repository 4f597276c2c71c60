""""Report a problem" and "View in the data file": the links decode to the item, its language, text and lines."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from bicentennial.content import markers, page_files
from bicentennial.data import framework, load
from bicentennial.features import report_links
from support.site import ROOT

DATA = ROOT / "data" / "framework.yaml"
FW = framework.read(DATA, ROOT / "data" / "framework.schema.json")
REPO = report_links.Repo.from_options("https://github.com/owner/bicentennial-site/", "main", "data/framework.yaml")
SITE = "https://owner.github.io/bicentennial-site/"
HREFS = re.compile(r'<a href="([^"]+)"[^>]*>([^<]+)</a>')


def links(src_uri: str, repo=REPO) -> dict[str, str]:
    """The report paragraph of an item page, as {link text: URL}."""
    return {text: html.unescape(href) for href, text in HREFS.findall(report_links.block(repo, FW, src_uri, SITE))}


def decoded(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {k: v[0] for k, v in parse_qs(parts.query).items()}


@pytest.mark.parametrize("lang, report, view, label, language", [
    ("en", "Report a problem with this text", "View in the data file", "Joint Objective 2.1.3", "English"),
    ("es", "Informar de un problema con este texto", "Ver en el archivo de datos", "Objetivo conjunto 2.1.3",
     "español"),
])
def test_the_issue_is_prefilled_with_the_item_its_language_text_and_page(lang, report, view, label, language):
    found = links(f"{lang}/objectives/2.1.3.md")
    assert list(found) == [report, view]
    address, query = decoded(found[report])
    assert address == "https://github.com/owner/bicentennial-site/issues/new"
    assert set(query) == {"title", "body"}
    assert label in query["title"] and f"({language})" in query["title"]
    body = query["body"]
    assert body.startswith(f"{label}, {language} ({lang})\n")
    text = FW.items[("objective", "2.1.3")].text[lang]
    assert f"\n> {text}\n" in body
    prefix = "" if lang == "en" else "es/"
    assert f"{SITE}{prefix}objectives/2.1.3/" in body
    assert found[view] in body  # the lines, for whoever picks the issue up


def test_a_goal_issue_quotes_its_title_and_statement():
    goal = FW.items[("goal", "1")]
    _, query = decoded(links("es/goals/1.md")["Informar de un problema con este texto"])
    assert f"> {goal.title.es}\n\n> {goal.statement.es}\n" in query["body"]
    assert "Meta 1 (español)" in query["title"]


@pytest.mark.parametrize("kind, id_, path", [
    ("goal", "2", "goals[1]"), ("area", "2.1", "goals[1].areas[0]"),
    ("objective", "2.1.3", "goals[1].areas[0].objectives[2]"),
])
def test_the_data_file_link_shows_the_items_lines(kind, id_, path):
    loaded = load.parse(DATA)
    url = links(f"en/{kind}s/{id_}.md")["View in the data file"]
    match = re.fullmatch(r"https://github\.com/owner/bicentennial-site/blob/main/data/framework\.yaml#L(\d+)-L(\d+)", url)
    assert match, url
    start, end = int(match.group(1)), int(match.group(2))
    assert start == loaded.lines[f"{path}.id"]  # the loader's line for the item's ID
    lines = DATA.read_text(encoding="utf-8").splitlines()[start - 1:end]
    last_field = {"goal": "statement", "area": "title", "objective": "text"}[kind]
    assert end == loaded.lines[f"{path}.{last_field}.es"]
    assert lines[0].strip() == f'- id: "{id_}"'


def test_the_branch_is_the_options():
    repo = report_links.Repo.from_options("https://github.com/owner/site", "release/2026", "data/framework.yaml")
    assert repo.data_lines_url((7, 9)) == "https://github.com/owner/site/blob/release/2026/data/framework.yaml#L7-L9"
    assert repo.data_lines_url((7, 7)).endswith("#L7")


def test_no_repository_no_links():
    assert report_links.Repo.from_options("", "main", "data/framework.yaml") is None
    assert report_links.block(None, FW, "en/objectives/2.1.3.md", SITE) == ""
    page = page_files.all_pages(FW)["es/objectives/2.1.3.md"]
    without, held = markers.expand(page, FW, "es", "es/objectives/2.1.3.md", SITE)
    assert "bf-report" not in markers.restore(without, held)
    with_repo, held = markers.expand(page, FW, "es", "es/objectives/2.1.3.md", SITE, repo=REPO)
    assert markers.restore(with_repo, held).count('class="bf-report"') == 1


def test_a_data_file_outside_the_repository_gets_no_lines_link():
    repo = report_links.Repo.from_options("https://github.com/owner/site", "main", "")
    assert list(links("en/areas/2.1.md", repo)) == ["Report a problem with this text"]


@pytest.mark.parametrize("bad", ["github.com/owner/site", "https://github.com/owner", "https://github.com/o/r/issues",
                                 "javascript:alert(1)", "https://github.com/o/r?x=1"])
def test_a_repository_address_that_is_not_one_is_refused(bad):
    with pytest.raises(report_links.RepoError, match="REPO_URL"):
        report_links.Repo.from_options(bad, "main", "data/framework.yaml")


def test_every_item_page_has_the_marker_once():
    for src_uri, page in page_files.all_pages(FW).items():
        assert page.count(report_links.MARKER.strip()) == 1, src_uri
