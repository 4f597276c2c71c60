"""Reporting a problem with an item's text, in a real build: the prefilled issue and the data file's lines.

The shared build (the `site` fixture) is made with REPO_URL set (support/site.py),
so every whole-site test also sees the report links; a build of a copy of the
project with REPO_URL unset shows none.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from bicentennial.data import framework, load
from support.site import REPO_URL, ROOT, SITE_URL
from support.sitefiles import lang_of, page_urls

DATA = ROOT / "data" / "framework.yaml"
FW = framework.read(DATA, ROOT / "data" / "framework.schema.json")
REPORT = {"en": ("Report a problem with this text", "View in the data file"),
          "es": ("Informar de un problema con este texto", "Ver en el archivo de datos")}
KIND_LABEL = {"en": {"goal": "Goal", "area": "Cooperation Area", "objective": "Joint Objective"},
              "es": {"goal": "Meta", "area": "Área de coordinación", "objective": "Objetivo conjunto"}}


def pages(site: Path) -> list[str]:
    return [u for u in page_urls(site) if not u.endswith("404.html")]


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def item_of(url: str) -> tuple[str, str] | None:
    parts = (url[3:] if lang_of(url) == "es" else url).strip("/").split("/")
    return (parts[0][:-1], parts[1]) if len(parts) == 2 and parts[0] in ("goals", "areas", "objectives") else None


# --- report links ---------------------------------------------------------------------------------

def test_every_item_page_links_a_prefilled_issue_and_its_lines(site):
    loaded_lines = {key: item.lines for key, item in FW.items.items()}
    checked = 0
    for url in pages(site):
        doc, lang = soup(site, url), lang_of(url)
        report = doc.find_all(class_="bf-report")
        if not item_of(url):
            assert not report, url
            continue
        kind, id_ = item_of(url)
        [paragraph] = report
        found = {a.get_text(): a["href"] for a in paragraph.find_all("a")}
        issue_text, view_text = REPORT[lang]
        assert list(found) == [issue_text, view_text], url
        parts = urlsplit(found[issue_text])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        label = f"{KIND_LABEL[lang][kind]} {id_}"
        assert query["title"].startswith(f"{label} ("), url
        assert query["body"].startswith(f"{label}, {'English' if lang == 'en' else 'español'} ({lang})\n"), url
        assert f"{SITE_URL}{url}\n" in query["body"], url
        item = FW.items[(kind, id_)]
        shown = item.text[lang] if kind == "objective" else item.title[lang]
        assert f"> {shown}" in query["body"], url
        start, end = loaded_lines[(kind, id_)]
        assert found[view_text] == f"{REPO_URL}/blob/main/data/framework.yaml#L{start}-L{end}", url
        checked += 1
    assert checked == 2 * (3 + 11 + 26)


def test_the_lines_linked_are_the_items_lines_in_the_file(site):
    href = soup(site, "es/objectives/2.1.3/").find(class_="bf-report").find_all("a")[1]["href"]
    start, end = map(int, re.search(r"#L(\d+)-L(\d+)$", html.unescape(href)).groups())
    loaded = load.parse(DATA)
    path = "goals[1].areas[0].objectives[2]"
    assert (start, end) == (loaded.lines[f"{path}.id"], loaded.lines[f"{path}.text.es"])
    text = DATA.read_text(encoding="utf-8").splitlines()[start - 1:end]
    assert text[0].strip() == '- id: "2.1.3"' and FW.items[("objective", "2.1.3")].text.es in text[-1]


# --- without REPO_URL ------------------------------------------------------------------------------

def _project_copy(work: Path) -> Path:
    """A copy of the project to build (its own docs/; the real one stays as it is)."""
    for name in ("hooks", "overrides", "docs", "data", "tools"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    return work


def test_no_report_links_without_repo_url(tmp_path):
    work = _project_copy(tmp_path / "work")
    env = {k: v for k, v in os.environ.items() if k != "BF_DATA"}
    result = subprocess.run([sys.executable, str(work / "tools" / "build.py")], cwd=work,
                            env=dict(env, SITE_DIR=str(tmp_path / "site"), REPO_URL=""), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    urls = pages(tmp_path / "site")
    assert any(item_of(u) for u in urls)
    for url in urls:
        page = (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")
        assert "bf-report" not in page and "/issues/new" not in page and "framework.yaml#L" not in page, url
