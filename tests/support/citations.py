"""The citation a reader should get for an item, written from the data file and the style rules alone.

Nothing here calls features/citations.py: the tests compare what the build
published (and what the copy button puts on the clipboard) with these strings.
The rules are those of objective 2.1.3's citation, which tests/build/test_staff_build.py
also spells out in full:

    “Joint Objective 2.1.3: Strengthen … of entry.” In <framework>. <publisher>, January 31, 2022. <url> (accessed [date]).
    «Objetivo conjunto 2.1.3: Fortalecer … de entrada». <publisher>, «<the summary's English title>»
    [<its Spanish rendering>], 31 de enero de 2022; traducción no oficial al español. <url> (consultado el [fecha]).

(The Spanish cites the English summary by its English title, with the site's rendering in brackets: no
Spanish publication of it exists, issue 13.)

English closes the quotation after the item's final period (added if the text has none); Spanish
puts it after the closing » (the text's own final period is dropped).
"""

from __future__ import annotations

import yaml

from support.site import ROOT

RAW = yaml.safe_load((ROOT / "data" / "framework.yaml").read_text(encoding="utf-8"))
LABEL = {"en": {"goal": "Goal", "area": "Cooperation Area", "objective": "Joint Objective"},
         "es": {"goal": "Meta", "area": "Área de coordinación", "objective": "Objetivo conjunto"}}
DATE = {"en": "January 31, 2022", "es": "31 de enero de 2022"}
PLACEHOLDER = {"en": "[date]", "es": "[fecha]"}


def item_text(kind: str, id_: str, lang: str) -> str:
    """The item's title (goal, area) or text (objective), straight from data/framework.yaml."""
    for goal in RAW["goals"]:
        if kind == "goal" and goal["id"] == id_:
            return goal["title"][lang]
        for area in goal["areas"]:
            if kind == "area" and area["id"] == id_:
                return area["title"][lang]
            for obj in area["objectives"]:
                if kind == "objective" and obj["id"] == id_:
                    return obj["text"][lang]
    raise KeyError(f"no {kind} {id_} in data/framework.yaml")


def expected(kind: str, id_: str, lang: str, site_url: str, accessed: str | None = None) -> str:
    """The whole citation of one item in one language, as plain text."""
    text = item_text(kind, id_, lang).strip()
    url = site_url.rstrip("/") + "/" + ("es/" if lang == "es" else "") + f"{kind}s/{id_}/"
    framework, publisher = RAW["framework"]["title"][lang], RAW["framework"]["source"]["publisher"][lang]
    label, accessed = f"{LABEL[lang][kind]} {id_}", accessed or PLACEHOLDER[lang]
    if lang == "en":
        text = text if text[-1:] in ".?!" else text + "."
        return f"“{label}: {text}” In {framework}. {publisher}, {DATE[lang]}. {url} (accessed {accessed})."
    source = RAW["framework"]["source"]["title"]
    return (f"«{label}: {text.rstrip('.')}». {publisher}, «{source['en']}» [{source['es']}], {DATE[lang]}; "
            f"traducción no oficial al español. {url} (consultado el {accessed}).")
