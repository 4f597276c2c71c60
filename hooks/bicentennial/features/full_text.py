"""The full-text page: the whole framework in one language, on one page, for print and PDF.

Staff save the framework as one document, so this page holds all of it in
reading order (introduction, then each goal with its statement, areas and
objectives) with the same anchors as the side-by-side page. bf.css's print
section strips the site's navigation; the text stays.
"""

from __future__ import annotations

from bicentennial.content import blocks
from bicentennial.data.model import Framework


def full_text(fw: Framework, lang: str, root: str) -> str:
    """HTML for a page whose relative URL to its language's home page is `root`."""
    def objectives(area) -> str:
        return "".join(f'<p class="bf-ft-objective" id="objective-{obj.id}"><a class="bf-id" href="{root}objectives/'
                       f'{obj.id}/"><strong>{obj.id}</strong></a> {blocks.text(obj.text[lang])}</p>\n'
                       for obj in area.objectives)

    body = blocks.outline(fw, lang, title=lambda kind, item: blocks.text(item.title[lang]), objectives=objectives)
    return blocks.introduction(fw, lang) + body + blocks.source_block(fw, lang)
