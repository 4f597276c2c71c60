"""What the publishing steps need to know about one rendered page, without MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageInfo:
    lang: str               # "en" or "es"
    url: str                # site-relative URL of the page, e.g. "es/objectives/2.1.3/" ("" for the home page)
    neutral_url: str        # the same without the language prefix: "objectives/2.1.3/"
    site_url: str           # absolute base, always ending in "/": "https://owner.github.io/repo/"
    title: str              # page title, plain text
    description: str = ""   # plain text
    kind: str = ""          # "goal", "area", "objective" or "" for hand-written pages
    item_id: str = ""       # "2.1.3"
    alternates: dict[str, str] = field(default_factory=dict)  # lang → site-relative URL
    image: str = ""         # site-relative path of its link-preview card ("" for none), e.g. "objectives/2.1.3/card.png"
    image_alt: str = ""     # what the card says, in the page's language
    publisher: str = ""     # who published the framework's text, in the page's language (page_frame.py)
    published: str = ""     # when, ISO 8601: "2022-01-31"

    def absolute(self, url: str | None = None) -> str:
        return self.site_url + (self.url if url is None else url)
