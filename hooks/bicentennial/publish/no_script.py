"""Without JavaScript: one style sheet that hides what needs scripts, loaded only then.

Every page's head gets ``<noscript><link rel="stylesheet" href="…/bf-nojs.css"></noscript>``
(valid in <head>; no inline style, so the Content-Security-Policy is unchanged).
A browser running scripts never fetches the file, so it cannot shift the page
when the scripts start (they start after the first paint, page_weight.py);
a browser without them hides the search and the copy buttons, and shows what
is marked ``bf-nojs-only`` (the 404 page's other language). Text browsers
ignore style sheets: for them the markup itself is clean (publish/not_found.py;
the home page's overview is plain lists, content/blocks.py).
"""

from __future__ import annotations

SHEET = "assets/stylesheets/bf-nojs.css"


def tag(root: str) -> str:
    """The <noscript> tag, `root` being the page's relative (or absolute) URL of the site root."""
    return f'<noscript><link rel="stylesheet" href="{root}{SHEET}"></noscript>\n'


def add(page_html: str, root: str) -> str:
    if SHEET in page_html:
        return page_html
    return page_html.replace("</head>", tag(root) + "</head>", 1)
