"""The framework as data: framework.json, framework.csv, the YAML source and its schema.

Staff reuse the framework in spreadsheets and scripts, so the build publishes
it under ``data/`` at the site root, once, after every language is built.
framework.json has the YAML's structure, plus a ``pages`` object (English and
Spanish address) on every goal, area and objective; framework.csv has one row
per objective. Both come from the same validated data as the pages, and are
byte-reproducible: fixed key order, fixed line ends, no timestamps.
"""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
from pathlib import Path

from bicentennial import LANGS
from bicentennial.content import paths
from bicentennial.content.ui import t
from bicentennial.data.model import Framework, Text

FOLDER = "data"
FILES = ("framework.json", "framework.csv", "framework.yaml", "framework.schema.json")
CSV_COLUMNS = ("goal_id", "goal_title_en", "goal_title_es", "area_id", "area_title_en", "area_title_es",
               "objective_id", "objective_text_en", "objective_text_es", "url_en", "url_es")


def _text(value: Text) -> dict[str, str]:
    return {lang: value[lang] for lang in LANGS}


def _pages(site_url: str, kind: str, id_: str) -> dict[str, str]:
    return {lang: paths.absolute(site_url, paths.item_path(kind, id_, lang)) for lang in LANGS}


def as_data(fw: Framework, site_url: str) -> dict:
    src = fw.source
    return {
        "framework": {
            "title": _text(fw.title), "short_title": _text(fw.short_title),
            "introduction": [_text(p) for p in fw.introduction], "lead_in": _text(fw.lead_in),
            "source": {"publisher": _text(src.publisher), "title": _text(src.title), "date": src.date, "url": src.url},
        },
        "goals": [{
            "id": g.id, "title": _text(g.title), "statement": _text(g.statement), "pages": _pages(site_url, "goal", g.id),
            "areas": [{
                "id": a.id, "title": _text(a.title), "pages": _pages(site_url, "area", a.id),
                "objectives": [{"id": o.id, "text": _text(o.text), "pages": _pages(site_url, "objective", o.id)}
                               for o in a.objectives],
            } for a in g.areas],
        } for g in fw.goals],
    }


def as_json(fw: Framework, site_url: str) -> str:
    return json.dumps(as_data(fw, site_url), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def as_csv(fw: Framework, site_url: str) -> str:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the accents right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for goal, area, obj in fw.objectives():
        pages = _pages(site_url, "objective", obj.id)
        writer.writerow((goal.id, goal.title.en, goal.title.es, area.id, area.title.en, area.title.es,
                         obj.id, obj.text.en, obj.text.es, pages["en"], pages["es"]))
    return "\ufeff" + out.getvalue()


def write(site_dir: Path, fw: Framework, site_url: str, data_file: Path, schema_file: Path) -> list[Path]:
    """Write the four files into site_dir/data/; return their paths."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    out = [folder / name for name in FILES]
    out[0].write_text(as_json(fw, site_url), encoding="utf-8", newline="")
    out[1].write_text(as_csv(fw, site_url), encoding="utf-8", newline="")
    shutil.copyfile(data_file, out[2])
    shutil.copyfile(schema_file, out[3])
    return out


def listing(lang: str, root: str) -> str:
    """The Data page's table of downloads, for a page at `root` from the site root."""
    rows = "".join(
        f'<tr><td><a href="{root}{FOLDER}/{name}" download><code>{name}</code></a></td>'
        f'<td>{html.escape(t(lang, key))}</td></tr>\n'
        for name, key in zip(FILES, ("dl_json", "dl_csv", "dl_yaml", "dl_schema")))
    head = f'<tr><th scope="col">{t(lang, "dl_file")}</th><th scope="col">{t(lang, "dl_contents")}</th></tr>'
    return f'<table class="bf-downloads">\n<thead>{head}</thead>\n<tbody>\n{rows}</tbody>\n</table>\n'
