"""Hostile text the validator lets through, in every field, through the real build and Material's templates.

tests/unit/test_every_field.py attacks each field past the validator, in the
HTML this project writes. Some of the data also reaches a page through
Material's templates (the page title in the header and <title>, the
description in a <meta>), which MkDocs renders without escaping. The validator
refuses tags and links there, but not quotes, ampersands or line breaks:
prose needs them. So here every translatable string of the data is set to
text the validator accepts that would still be markup if a template did not
escape it (a quote ending an attribute and adding http-equiv="refresh", an
onfocus handler, entities, Markdown, a heading on a new line), the real build
runs, and every published page must be made of exactly the elements and
attributes of a build whose strings are harmless text of the same shape.
"""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from support.markup import difference, harmless
from support.site import ROOT, build_site
from support.sitefiles import html_files

HOSTILE = ('Say "yes" & <3 it, 0;url=https://evil.example/" http-equiv="refresh x\' onfocus=\'alert(1) '
           "&lt;script&gt;alert(1)&lt;/script&gt; &amp;quot; **bold** _it_ `code` {#top}\n# Heading\n\n- item")


def _every_text(value, text: str):
    """The data with every translatable string (each en/es value) set to `text`."""
    if isinstance(value, dict):
        if set(value) == {"en", "es"}:
            return {"en": text, "es": text}
        return {k: _every_text(v, text) for k, v in value.items()}
    if isinstance(value, list):
        return [_every_text(v, text) for v in value]
    return value


def _build(tmp_path_factory, name: str, text: str):
    folder = tmp_path_factory.mktemp(name)
    data = yaml.safe_load((ROOT / "data" / "framework.yaml").read_text(encoding="utf-8"))
    path = folder / "framework.yaml"
    path.write_text(yaml.safe_dump(_every_text(data, text), allow_unicode=True, sort_keys=False, width=10**6),
                    encoding="utf-8")
    result = build_site(folder / "site", BF_DATA=str(path))
    assert result.returncode == 0, f"the validator refused the {name} text: {result.stderr[-2000:]}"
    return folder / "site"


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    return _build(tmp_path_factory, "hostile", HOSTILE), _build(tmp_path_factory, "harmless", harmless(HOSTILE))


def test_hostile_text_the_validator_accepts_adds_no_element_or_attribute_to_any_page(builds):
    hostile, calm = builds
    files = [p.relative_to(hostile) for p in html_files(hostile)]
    assert len(files) >= 80 and files == [p.relative_to(calm) for p in html_files(calm)]
    changed = []
    for rel in files:
        found = difference((hostile / rel).read_text(encoding="utf-8"), (calm / rel).read_text(encoding="utf-8"))
        if found:
            changed.append(f"{rel}: {found}")
    assert changed == [], f"{len(changed)} pages where the data's text became markup:\n" + "\n".join(changed[:20])


def test_the_hostile_text_is_shown_as_text(builds):
    hostile, _ = builds
    page = BeautifulSoup((hostile / "objectives/2.1.3/index.html").read_text(encoding="utf-8"), "html.parser")
    title = page.select_one("h1")  # the objective's own words are its title (issue 19)
    assert title is not None and title.get_text() == HOSTILE.replace("\n", " ")
    assert [m["content"] for m in page.find_all("meta", attrs={"name": "description"})] == [HOSTILE]
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
