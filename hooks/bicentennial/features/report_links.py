""""Report a problem with this text" and "View in the data file", on every goal, area and objective page.

A reader who spots a mistake, or a translator with a better wording, gets
two links under the item's text, in the page's language:

- a new issue in the site's repository, its title and body filled in with
  the item's kind and ID, the page's language, its text as the page shows it
  and the page's address (``REPO_URL/issues/new?title=…&body=…``);
- the lines of the data file that hold the item
  (``REPO_URL/blob/BRANCH/data/framework.yaml#Lstart-Lend``), from the
  loader's line numbers (data/load.py: ``Loaded.span``).

The repository comes from the ``repo_url`` and ``repo_branch`` options
(``REPO_URL``, ``REPO_BRANCH`` in the environment; the Pages workflow sets
them from the repository it runs in). Without ``repo_url`` neither link is
shown. Item pages carry the marker ``<!-- bf:report -->`` (placed by
``marker``), expanded when the page is built: the generated files stay the
same whatever the repository or the site's address.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from bicentennial.content.ui import t
from bicentennial.data.model import Area, Framework, Goal, Objective
from bicentennial.features import citations

MARKER = "<!-- bf:report -->\n\n"
_REPO_URL = re.compile(r"https?://[^\s/?#]+(?:/[^\s/?#]+){2}")


class RepoError(ValueError):
    """The repository's address is not one the links can be made from."""


@dataclass(frozen=True)
class Repo:
    url: str                               # https://github.com/OWNER/REPO
    branch: str = "main"
    data_file: str = "data/framework.yaml"  # in the repository; "" when the data is not in it

    @classmethod
    def from_options(cls, url: str, branch: str, data_file: str) -> Repo | None:
        """The repository from the plugin's options; None without an address (no links then)."""
        url = (url or "").strip().removesuffix("/").removesuffix(".git")
        if not url:
            return None
        if not _REPO_URL.fullmatch(url):
            raise RepoError(f"REPO_URL {url!r} is not a repository's address: "
                            "set it like https://github.com/OWNER/REPO, or leave it unset for no report links")
        return cls(url=url, branch=(branch or "main").strip(), data_file=data_file)

    def data_lines_url(self, lines: tuple[int, int]) -> str:
        """The data file on the branch, at the lines `lines` (first, last)."""
        start, end = lines
        anchor = f"#L{start}" if start == end else f"#L{start}-L{end}"
        return f"{self.url}/blob/{quote(self.branch)}/{quote(self.data_file)}{anchor}"

    def new_issue_url(self, title: str, body: str) -> str:
        return f"{self.url}/issues/new?" + urlencode({"title": title, "body": body}, quote_via=quote)


def texts(item: Goal | Area | Objective, lang: str) -> list[str]:
    """The item's text as its page shows it: a goal's title and statement, an area's title, an objective's text."""
    if isinstance(item, Goal):
        return [item.title[lang], item.statement[lang]]
    if isinstance(item, Area):
        return [item.title[lang]]
    return [item.text[lang]]


def issue(repo: Repo, fw: Framework, kind: str, id_: str, lang: str, site_url: str) -> tuple[str, str]:
    """(title, body) of the new issue for the item `kind` `id_` as shown on its page in `lang`."""
    item = fw.items[(kind, id_)]
    label = f"{t(lang, kind)} {id_}"
    quoted = "\n\n".join("> " + value.strip().replace("\n", "\n> ") for value in texts(item, lang))
    lines = t(lang, "report_lines", url=repo.data_lines_url(item.lines)) if repo.data_file and item.lines[0] else ""
    body = t(lang, "report_body", label=label, language=t(lang, "language"), code=lang,
             url=citations.page_url(site_url, kind, id_, lang), lines=lines, text=quoted)
    return t(lang, "report_title", label=label, language=t(lang, "language")), body


def block(repo: Repo | None, fw: Framework, src_uri: str, site_url: str) -> str:
    """The two links for the item page `src_uri` ('es/objectives/2.1.3.md'); "" without a repository."""
    if repo is None:
        return ""
    lang, kind, id_ = citations.from_src_uri(src_uri)
    item = fw.items[(kind, id_)]
    links = [f'<a href="{html.escape(repo.new_issue_url(*issue(repo, fw, kind, id_, lang, site_url)))}" '
             f'rel="nofollow">{html.escape(t(lang, "report"), quote=False)}</a>']
    if repo.data_file and item.lines[0]:
        links.append(f'<a href="{html.escape(repo.data_lines_url(item.lines))}">'
                     f'{html.escape(t(lang, "view_data"), quote=False)}</a>')
    sep = '<span class="bf-sep" aria-hidden="true"> · </span>'
    return f'<p class="bf-report" data-search-exclude>{sep.join(links)}</p>\n'

