"""The final-HTML steps, in the order they run on every page.

Each published page passes through these steps after Material has rendered
it, in this order (each step's module says why it exists):

1. page frame     identity banner, named landmarks, source line and notice under the h1 (page_frame.py)
2. head tags       canonical, language alternates, description, Open Graph (head_tags.py)
3. abbreviations   acronyms expanded on hover and focus, in the page's language (features/abbreviations.py)
4. valid markup    Material's checkbox markup made valid HTML (valid_markup.py)
5. page weight     indentation dropped, search and scripts after the first paint (page_weight.py)
6. search index    the page pointed at its language's search index (search_index.py)
7. no script      a style sheet for browsers without JavaScript, fetched only by them (no_script.py)

and then, last of all, the Content-Security-Policy (csp.py): it hashes the
page's final inline scripts, so nothing may change the page after it. The
adapter runs ``finish`` in its ``on_post_page`` and ``csp.add_meta`` in a
second ``on_post_page`` handler at the lowest priority there is, after every
other plugin's (tests/contract/ checks that it is the last one registered).

The 404 pages are written by Material outside the per-page event: they get
the steps marked ``on_404`` (their head, abbreviations and search index are
handled by not_found.py and search_index.publish), then the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from bicentennial.content import paths
from bicentennial.features import abbreviations
from bicentennial.publish import head_tags, no_script, page_frame, page_weight, search_index, valid_markup
from bicentennial.publish.page_info import PageInfo


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[str, PageInfo, str], str]  # (page HTML, the page, the site's name) → page HTML
    on_404: bool = False


STEPS: tuple[Step, ...] = (
    Step("page frame", lambda html, info, site_name: page_frame.apply(html, info)),
    Step("head tags", lambda html, info, site_name: head_tags.apply(html, info, site_name)),
    Step("abbreviations", lambda html, info, site_name: abbreviations.mark(html, info.lang)),
    Step("valid markup", lambda html, info, site_name: valid_markup.fix(html), on_404=True),
    Step("page weight", lambda html, info, site_name: page_weight.lighten(html), on_404=True),
    Step("search index", lambda html, info, site_name: search_index.localize_config(html)),
    Step("no script", lambda html, info, site_name: no_script.add(html, paths.url_root(info.url))),
)


def finish(html: str, info: PageInfo, site_name: str) -> str:
    """Run every step, in order, on one page's final HTML (the policy comes after, in the adapter)."""
    for step in STEPS:
        html = step.run(html, info, site_name)
    return html


def finish_404(html: str) -> str:
    """The steps a 404 page gets (it has no PageInfo: its head is not_found.py's)."""
    for step in STEPS:
        if step.on_404:
            html = step.run(html, None, "")  # type: ignore[arg-type]  (these steps read neither)
    return html
