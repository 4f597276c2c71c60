"""The translators' round trip (PO and XLIFF out and in) and the lock that catches stale Spanish.

Each test works on a copy of data/framework.yaml in a temporary folder, with
a lock written for it (`lock --reset`), through the same command line that
`make translation-*` runs (tools/translations.py). The files it exports are
read back by libraries other than translate-toolkit, which writes them:
polib and GNU msgfmt for the PO, the npm `xliff` package and the standard
library's XML parser for the XLIFF. Builds with a stale translation are in
test_translations_build.py.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest

from bicentennial.content import page_files
from bicentennial.data import framework, load
from bicentennial.data.load import FrameworkError, yaml_path
from bicentennial.translations import lock, review
from bicentennial.translations.fields import fields, fingerprint
from bicentennial.translations.yamledit import replace, scalar
from support.ci import unavailable
from support.site import ROOT

DATA = ROOT / "data" / "framework.yaml"
SCHEMA = ROOT / "data" / "framework.schema.json"
FW = framework.read(DATA, SCHEMA)
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
OLD_EN = "Strengthen oversight and coordination at airports of entry."
NEW_EN = "Strengthen oversight and coordination at international airports of entry."
ES_213 = "Fortalecer la supervisión y la coordinación en los aeropuertos de entrada."

_spec = importlib.util.spec_from_file_location("translations_cli", ROOT / "tools" / "translations.py")
cli = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cli)


def _missing(reason: str):
    unavailable("An independent parser", reason)


class Work:
    """A copy of the data with its own lock, and the command line run on it."""

    def __init__(self, folder: Path, capsys):
        self.folder, self.capsys = folder, capsys
        (folder / "data").mkdir()
        self.data = folder / "data" / "framework.yaml"
        self.lock = folder / "data" / "translations.lock"
        self.out = folder / "translations"
        shutil.copy2(DATA, self.data)
        assert self.run("lock", "--reset")[0] == 0

    def run(self, *args) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = cli.main(["--data", str(self.data), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def export(self) -> tuple[Path, Path]:
        code, out, err = self.run("export", "--out", str(self.out))
        assert code == 0, err
        return self.out / "es.po", self.out / "es.xlf"

    def set_english(self, old: str, new: str) -> None:
        text = self.data.read_text(encoding="utf-8")
        assert text.count(f"en: {old}\n") == 1
        self.data.write_text(text.replace(f"en: {old}\n", f"en: {new}\n"), encoding="utf-8")

    def snapshot(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((self.folder / "data").iterdir())}


@pytest.fixture
def work(tmp_path, capsys) -> Work:
    return Work(tmp_path, capsys)


# --- fields and lock --------------------------------------------------------------------------------------

def test_every_text_is_one_field_named_by_its_item():
    all_fields = fields(FW)
    contexts = [f.context for f in all_fields]
    assert len(contexts) == len(set(contexts)) == 8 + 3 * 2 + 11 + 26
    for name in ("framework/title", "framework/introduction/2", "framework/source/publisher", "goals/2/statement",
                 "areas/2.1/title", "objectives/2.1.3/text"):
        assert name in contexts
    plain = load.parse(DATA).data
    for f in all_fields:  # each names one {en, es} mapping of the YAML, holding the model's text
        node = plain
        for part in f.parts:
            node = node[part]
        assert node == {"en": f.text.en, "es": f.text.es}, f.context


def test_the_committed_lock_covers_every_field():
    records = lock.read(ROOT / "data" / "translations.lock")
    assert records is not None, "data/translations.lock is missing: make translation-lock"
    missing = [f.context for f in fields(FW) if f.context not in records]
    assert not missing, f"not in data/translations.lock: {missing} (record them: make translation-lock)"


def test_lock_is_one_line_per_field_and_deterministic(work):
    text = work.lock.read_text(encoding="utf-8")
    records = json.loads(text)["fields"]
    assert len(records) == len(fields(FW))
    line = next(ln for ln in text.splitlines() if ln.startswith('"objectives/2.1.3/text"'))
    assert json.loads("{" + line.rstrip(",") + "}")["objectives/2.1.3/text"] == {"en_sha256": fingerprint(OLD_EN),
                                                                                 "en": OLD_EN}
    assert work.run("lock")[0] == 0 and work.lock.read_text(encoding="utf-8") == text  # regenerating: the same bytes


# --- export -----------------------------------------------------------------------------------------------

def test_export_is_deterministic(work, tmp_path):
    po1, xlf1 = work.export()
    first = po1.read_bytes(), xlf1.read_bytes()
    po2, xlf2 = work.export()
    assert (po2.read_bytes(), xlf2.read_bytes()) == first
    header = polib.pofile(str(po1)).metadata  # no clock in the file: a later export is the same too
    assert header["POT-Creation-Date"] == header["PO-Revision-Date"] == "2022-01-31 00:00+0000"


def test_po_reads_back_with_polib(work):
    po_path, _ = work.export()
    catalog = polib.pofile(str(po_path))
    lines = load.parse(work.data).lines
    assert catalog.metadata["Language"] == "es" and "UTF-8" in catalog.metadata["Content-Type"]
    entries = [e for e in catalog if not e.obsolete]
    assert [e.msgctxt for e in entries] == [f.context for f in fields(FW)]
    for e, f in zip(entries, fields(FW)):
        assert (e.msgid, e.msgstr, e.fuzzy) == (f.text.en, f.text.es, False), f.context
        assert e.occurrences == [(str(work.data), str(lines[yaml_path(f.parts + ("es",))]))], f.context
    e = catalog.find(OLD_EN, msgctxt="objectives/2.1.3/text")
    assert e.msgstr == ES_213 and e.occurrences[0][1] == "105"


def test_po_passes_gnu_msgfmt_check(work):
    msgfmt = shutil.which("msgfmt")
    if not msgfmt:
        _missing("GNU gettext's msgfmt not found (apt-get install gettext)")
    po_path, _ = work.export()
    result = subprocess.run([msgfmt, "--check", "--statistics", "-o", os.devnull, str(po_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{len(fields(FW))} translated messages" in result.stderr


def _xliff_with_node(path: Path) -> dict:
    node = shutil.which("node")
    module = ROOT / "node_modules" / "xliff"
    if not node:
        _missing("node not found (apt-get install nodejs npm)")
    if not module.exists():
        _missing("node_modules/xliff not found (npm ci)")
    script = ("const {xliff12ToJs} = require('xliff'); const fs = require('fs');"
              "xliff12ToJs(fs.readFileSync(process.argv[1], 'utf8'), (err, res) => {"
              "if (err) { console.error(err.message); process.exit(1); } console.log(JSON.stringify(res)); });")
    result = subprocess.run([node, "-e", script, str(path)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_xliff_reads_back_with_the_npm_xliff_parser_and_the_standard_library(work):
    _, xlf_path = work.export()
    parsed = _xliff_with_node(xlf_path)
    assert (parsed["sourceLanguage"], parsed["targetLanguage"]) == ("en", "es")
    [units] = parsed["resources"].values()
    assert list(units) == [f.context for f in fields(FW)]
    for f in fields(FW):
        assert (units[f.context]["source"], units[f.context]["target"]) == (f.text.en, f.text.es), f.context
    root = ET.parse(xlf_path).getroot()  # expat, not libxml2: the version and namespace are XLIFF 1.2's
    assert root.tag == f"{{{XLIFF_NS}}}xliff" and root.get("version") == "1.2"
    ids = [u.get("id") for u in root.iter(f"{{{XLIFF_NS}}}trans-unit")]
    assert ids == [f.context for f in fields(FW)]
    assert all(t.get("state") == "translated" for t in root.iter(f"{{{XLIFF_NS}}}target"))


# --- import: the round trip -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["po", "xlf"])
def test_round_trip_unchanged_leaves_every_byte(work, fmt):
    before = work.snapshot()
    po_path, xlf_path = work.export()
    code, out, err = work.run("import", str(po_path if fmt == "po" else xlf_path))
    assert code == 0, err
    assert "no Spanish text changed" in out
    assert work.snapshot() == before


@pytest.mark.parametrize("fmt", ["po", "xlf"])
def test_windows_line_ends_and_byte_order_mark_are_fine(work, fmt):
    before = work.snapshot()
    path = work.export()[0 if fmt == "po" else 1]
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    code, out, err = work.run("import", str(path))
    assert code == 0 and "no Spanish text changed" in out, err
    assert work.snapshot() == before


def _one_line_changed(before: bytes, after: bytes) -> tuple[str, str]:
    lines = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), n=0, lineterm="")
    diff = [ln for ln in lines if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert len(diff) == 2, "\n".join(diff)
    return diff[0], diff[1]


NEW_ES = "Fortalecer la supervisión y la coordinación en los aeropuertos internacionales de entrada."


def test_one_changed_msgstr_changes_one_line(work):
    before = work.snapshot()
    po_path, _ = work.export()
    catalog = polib.pofile(str(po_path))  # as a translator's tool would: read, change one entry, save
    catalog.find(OLD_EN, msgctxt="objectives/2.1.3/text").msgstr = NEW_ES
    catalog.save(str(po_path))
    code, out, err = work.run("import", str(po_path))
    assert code == 0, err
    assert "1 Spanish text updated: objectives/2.1.3/text (line 105)" in out
    after = work.snapshot()
    assert after["translations.lock"] == before["translations.lock"]
    old, new = _one_line_changed(before["framework.yaml"], after["framework.yaml"])
    assert (old, new) == (f"-              es: {ES_213}", f"+              es: {NEW_ES}")
    assert framework.read(work.data, SCHEMA).goals[1].areas[0].objectives[2].text.es == NEW_ES


def test_one_changed_xliff_target_changes_one_line(work):
    before = work.snapshot()
    _, xlf_path = work.export()
    ET.register_namespace("", XLIFF_NS)
    tree = ET.parse(xlf_path)  # rewritten by another XML library: other quoting and namespace layout
    unit = next(u for u in tree.getroot().iter(f"{{{XLIFF_NS}}}trans-unit") if u.get("id") == "goals/1/title")
    unit.find(f"{{{XLIFF_NS}}}target").text = "Proteger a nuestras personas: una meta"  # ": " needs YAML quotes
    tree.write(xlf_path, encoding="UTF-8", xml_declaration=True)
    code, out, err = work.run("import", str(xlf_path))
    assert code == 0, err
    old, new = _one_line_changed(before["framework.yaml"], work.data.read_bytes())
    assert (old, new) == ("-      es: Proteger a nuestra gente", '+      es: "Proteger a nuestras personas: una meta"')


# --- import: refusals --------------------------------------------------------------------------------------

def _po_edit(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


CTX = 'msgctxt "objectives/2.1.3/text"'
MSGSTR = f'msgstr ""\n"{ES_213}"'
PO_REFUSALS = {
    "unknown context": (_po_edit(CTX, 'msgctxt "objectives/9.9.9/text"'), "objectives/9.9.9/text", "unknown context"),
    "outdated English": (_po_edit(f'msgid "{OLD_EN}"', 'msgid "Strengthen oversight at airports of entry."'),
                         "objectives/2.1.3/text", "not the current English"),
    "empty translation": (_po_edit(MSGSTR, 'msgstr ""'), "objectives/2.1.3/text", "empty translation"),
    "blank translation": (_po_edit(MSGSTR, 'msgstr "   "'), "objectives/2.1.3/text", "empty translation"),
    "HTML": (_po_edit(MSGSTR, 'msgstr "Fortalecer <b>la</b> supervisión."'), "objectives/2.1.3/text", "an HTML tag"),
    "Markdown link": (_po_edit(MSGSTR, 'msgstr "Fortalecer [la supervisión](https://evil.example/)."'),
                      "objectives/2.1.3/text", "a Markdown link"),
    "script URL": (_po_edit(MSGSTR, 'msgstr "Ver javascript:alert(1)"'), "objectives/2.1.3/text", "script or data URL"),
    "no context": (_po_edit(CTX + "\n", ""), None, "without a context"),
    "twice": (_po_edit('msgctxt "objectives/2.1.4/text"', CTX), "objectives/2.1.3/text", "appears twice"),
    "unterminated string": (_po_edit(f'"{ES_213}"', '"Fortalecer la supervisión'), None, "not a valid PO file"),
    "entry without msgstr": (_po_edit(MSGSTR, ""), "objectives/2.1.3/text", "empty translation"),
    "only entry without msgstr": (lambda text: text[: text.index("\n\n") + 2] + f'{CTX}\nmsgid "{OLD_EN}"\n', None,
                                  "2 msgid lines but 1 complete entries"),  # translate-toolkit's parser drops it
    "unknown escape": (_po_edit(MSGSTR, 'msgstr "Fortalecer \\q"'), None, "unknown escape"),
    "garbage": (lambda text: "this is not a PO file\n", None, "not a valid PO file"),
    "not UTF-8": (lambda text: text.replace("supervisión", "supervisi\udcf3n"), None, "not UTF-8"),
    "another language": (_po_edit('"Language: es\\n"', '"Language: fr\\n"'), None, "not 'es'"),
    "no entries": (lambda text: text[: text.index("\n\n") + 1], None, "no translations"),
}


@pytest.mark.parametrize("case", PO_REFUSALS)
def test_po_refusal_leaves_everything_as_it_was(work, case):
    edit, context, problem = PO_REFUSALS[case]
    po_path, _ = work.export()
    po_path.write_bytes(edit(po_path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    _assert_refused(work, po_path, context, problem)


def _assert_refused(work: Work, path: Path, context: str | None, problem: str) -> None:
    before = work.snapshot()
    code, out, err = work.run("import", str(path))
    assert code == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(str(path)), lines[0]
    if context:
        assert f"at {context}:" in lines[0], lines[0]
    assert problem in lines[0] and "Nothing was imported." in lines[0], lines[0]
    assert work.snapshot() == before  # the YAML and the lock byte for byte; no temporary file left


def _xlf_edit(old: str, new: str):
    return _po_edit(old, new)


XLF_REFUSALS = {
    "unknown id": (_xlf_edit('id="objectives/2.1.3/text"', 'id="objectives/9.9.9/text"'), "objectives/9.9.9/text",
                   "unknown context"),
    "outdated English": (_xlf_edit(f"<source>{OLD_EN}</source>", "<source>Old text.</source>"),
                         "objectives/2.1.3/text", "not the current English"),
    "empty target": (_xlf_edit(f'<target state="translated">{ES_213}</target>', '<target state="translated"/>'),
                     "objectives/2.1.3/text", "empty translation"),
    "inline markup": (_xlf_edit(f">{ES_213}<", '>Fortalecer <g id="1">la</g> supervisión.<'),
                      "objectives/2.1.3/text", "XLIFF inline markup (<g>)"),
    "escaped HTML": (_xlf_edit(f">{ES_213}<", ">Fortalecer &lt;script&gt;x&lt;/script&gt;<"),
                     "objectives/2.1.3/text", "an HTML tag"),
    "not XML": (lambda text: text[:200], None, "not a valid XLIFF 1.2 file"),
    "XLIFF 2.0": (_xlf_edit('version="1.2"', 'version="2.0"'), None, "XLIFF"),
    "entities": (lambda text: text.replace("<xliff ", '<!DOCTYPE x [<!ENTITY a "b">]>\n<xliff ', 1), None,
                 "DTD or entities"),
    "another language": (_xlf_edit('target-language="es"', 'target-language="fr"'), None, "not 'es'"),
}


@pytest.mark.parametrize("case", XLF_REFUSALS)
def test_xliff_refusal_leaves_everything_as_it_was(work, case):
    edit, context, problem = XLF_REFUSALS[case]
    _, xlf_path = work.export()
    xlf_path.write_text(edit(xlf_path.read_text(encoding="utf-8")), encoding="utf-8")
    _assert_refused(work, xlf_path, context, problem)


def test_refusal_of_a_file_that_is_neither(work):
    other = work.folder / "es.txt"
    other.write_text("hola\n", encoding="utf-8")
    _assert_refused(work, other, None, "not a .po, .xlf or .xliff file")


def test_import_validates_as_a_build_does(work):
    """A translation over the schema's length limit passes the entry checks but not the build's validation."""
    po_path, _ = work.export()
    catalog = polib.pofile(str(po_path))
    catalog.find(OLD_EN, msgctxt="objectives/2.1.3/text").msgstr = "Fortalecer la supervisión. " * 80
    catalog.save(str(po_path))
    before = work.snapshot()
    code, out, err = work.run("import", str(po_path))
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert re.search(r"framework\.yaml:105: at goals\[1\]\.areas\[0\]\.objectives\[2\]\.text\.es: after import from "
                     r".*es\.po: text of [\d,]+ characters, over the limit", err), err
    assert work.snapshot() == before


# --- stale translations: status, export, import, confirm ---------------------------------------------------

def test_english_edit_makes_status_fail_naming_the_item(work):
    assert work.run("status")[:2] == (0, f"Nothing stale: all {len(fields(FW))} Spanish texts were reviewed against "
                                         f"the current English ({work.lock}).\n")
    work.set_english(OLD_EN, NEW_EN)
    code, out, err = work.run("status")
    assert code == 1
    assert f"STALE  2.1.3 text  (objectives/2.1.3/text, {work.data}:104)" in out
    assert f"reviewed against: {OLD_EN}" in out and f"English now:      {NEW_EN}" in out
    assert out.count("STALE") == 1 and "make translation-confirm ID=2.1.3" in out


def test_stale_entry_is_exported_for_review_and_imported_once_reviewed(work):
    work.set_english(OLD_EN, NEW_EN)
    po_path, xlf_path = work.export()
    entry = polib.pofile(str(po_path)).find(NEW_EN, msgctxt="objectives/2.1.3/text")
    assert entry.fuzzy and entry.previous_msgid == OLD_EN and entry.msgstr == ES_213
    [target] = [u.find(f"{{{XLIFF_NS}}}target") for u in ET.parse(xlf_path).getroot().iter(f"{{{XLIFF_NS}}}trans-unit")
                if u.get("id") == "objectives/2.1.3/text"]
    assert target.get("state") == "needs-review-translation"

    lock_before = work.lock.read_bytes()
    code, out, err = work.run("import", str(po_path))  # still fuzzy: left out, lock unchanged
    assert code == 0 and "Left out, still marked as needing review (fuzzy)" in out and "objectives/2.1.3/text" in out
    assert work.lock.read_bytes() == lock_before and work.run("status")[0] == 1

    catalog = polib.pofile(str(po_path))
    entry = catalog.find(NEW_EN, msgctxt="objectives/2.1.3/text")
    entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    entry.msgstr = NEW_ES
    catalog.save(str(po_path))
    code, out, err = work.run("import", str(po_path))
    assert code == 0, err
    assert "recorded as reviewed against the current English: objectives/2.1.3/text" in out
    old, new = _one_line_changed(lock_before, work.lock.read_bytes())  # one line of the lock, too
    assert NEW_EN in new and fingerprint(NEW_EN) in new
    assert work.run("status")[0] == 0


def test_xliff_target_marked_translated_counts_as_reviewed(work):
    work.set_english(OLD_EN, NEW_EN)
    _, xlf_path = work.export()
    text = xlf_path.read_text(encoding="utf-8")
    xlf_path.write_text(text.replace(f'<target state="needs-review-translation">{ES_213}',
                                     f'<target state="translated">{NEW_ES}'), encoding="utf-8")
    code, out, err = work.run("import", str(xlf_path))
    assert code == 0 and "objectives/2.1.3/text" in out, err
    assert work.run("status")[0] == 0


def test_confirm_records_the_item_as_reviewed(work):
    work.set_english(OLD_EN, NEW_EN)
    lock_before = work.lock.read_bytes()
    code, out, err = work.run("confirm", "2.1.3")
    assert code == 0 and "objectives/2.1.3/text" in out, err
    _one_line_changed(lock_before, work.lock.read_bytes())
    assert work.run("status")[0] == 0
    assert work.run("confirm", "2.1.3")[0] == 0  # nothing left to confirm: says so, changes nothing
    code, out, err = work.run("confirm", "9.9")
    assert code == 1 and "no goal, area or objective with ID '9.9'" in err


def test_lock_keeps_stale_records_and_adds_new_fields(work):
    work.set_english(OLD_EN, NEW_EN)
    assert work.run("lock")[0] == 0
    assert work.run("status")[0] == 1  # regenerating the lock does not hide a stale translation
    assert work.run("lock", "--reset")[0] == 0
    assert work.run("status")[0] == 0


def test_new_item_is_reported_until_recorded(work):
    text = work.data.read_text(encoding="utf-8")
    anchor = '          - id: "2.1.4"\n'
    work.data.write_text(text.replace(anchor, '          - id: "2.1.6"\n            text:\n'
                                              '              en: A new objective.\n'
                                              '              es: Un objetivo nuevo.\n' + anchor), encoding="utf-8")
    code, out, err = work.run("status")
    assert code == 1 and "NEW    2.1.6 text" in out
    assert work.run("lock")[0] == 0 and work.run("status")[0] == 0


@pytest.mark.parametrize("damage,problem", [
    (lambda t: t.replace('"fields": {\n', '"fields": {\n<<<<<<< HEAD\n'), "a merge conflict marker"),
    (lambda t: t.replace('"en_sha256": "', '"en_sha256": "zz', 1), "expected {"),
])
def test_a_damaged_lock_is_refused_with_one_line(work, damage, problem):
    work.lock.write_text(damage(work.lock.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, err = work.run("status")
    assert code == 1 and len(err.strip().splitlines()) == 1 and problem in err, err
    assert err.startswith(f"{work.lock}:") and "make translation-lock RESET=1" in err
    with pytest.raises(FrameworkError):  # and the build stops on it, as on any bad input
        review.for_build(FW, work.data)


# --- the build's side, without building ---------------------------------------------------------------------

def test_review_for_build_finds_the_stale_item_and_warns(work):
    work.set_english(OLD_EN, NEW_EN)
    items, message = review.for_build(framework.read(work.data, SCHEMA), work.data)
    assert items == {("objective", "2.1.3")}
    assert message.startswith("WARNING (the build goes on): 1 Spanish text") and "objectives/2.1.3/text" in message
    assert not re.match(r"^(WARNING|ERROR)\s+-", message)  # not MkDocs' log format (tools/build.py reads those)


def test_no_lock_means_not_tracked(tmp_path):
    copy = tmp_path / "framework.yaml"
    shutil.copy2(DATA, copy)
    items, message = review.for_build(FW, copy)
    assert items == frozenset() and "make translation-lock" in message


def test_notice_only_on_the_stale_items_translated_page():
    generated = page_files.all_pages(FW, frozenset({("objective", "2.1.3")}))
    with_notice = sorted(k for k, v in generated.items() if "bf-review" in v)
    assert with_notice == ["es/objectives/2.1.3.md"]
    notice = review.notice("objective", "2.1.3", "es")
    assert "Traducción en revisión" in notice and 'href="../../../objectives/2.1.3/" hreflang="en"' in notice
    assert review.notice("objective", "2.1.3", "en") == ""
    assert page_files.all_pages(FW) == page_files.all_pages(FW, frozenset())


# --- yamledit --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,style,expected", [
    ("Texto simple.", None, "Texto simple."),
    ("Dos puntos: aquí", None, '"Dos puntos: aquí"'),
    ("# no es comentario", None, '"# no es comentario"'),
    ("123", None, '"123"'),
    ("sí", "'", "'sí'"),
    ('Comillas "dobles"', '"', '"Comillas \\"dobles\\""'),
    ("Línea\nnueva", None, '"Línea\\nnueva"'),
    ("x" * 300, None, "x" * 300),  # long text stays on one line
])
def test_scalar_keeps_style_and_one_line(value, style, expected):
    assert scalar(value, style) == expected


def test_replace_touches_only_the_value():
    src = 'a:\n  es: viejo  # comentario\n  en: "old"\nb: [1, 2]\n'
    assert replace(src, {("a", "es"): "nuevo: sí"}) == 'a:\n  es: "nuevo: sí"  # comentario\n  en: "old"\nb: [1, 2]\n'
    assert replace(src, {("a", "en"): "new"}) == 'a:\n  es: viejo  # comentario\n  en: "new"\nb: [1, 2]\n'


def test_make_targets_run_the_command_line(tmp_path):
    """`make translation-status` and `make translation-confirm` on a copy (BF_DATA), exit codes passed through make."""
    (tmp_path / "framework.yaml").write_text(DATA.read_text(encoding="utf-8").replace(OLD_EN, NEW_EN, 1),
                                             encoding="utf-8")
    lock.write(tmp_path / "translations.lock", lock.refreshed(fields(FW), None))
    env = dict(os.environ, BF_DATA=str(tmp_path / "framework.yaml"))
    status = subprocess.run(["make", "--no-print-directory", "translation-status"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert status.returncode != 0 and "STALE  2.1.3 text" in status.stdout, status.stdout + status.stderr
    assert "Error 1" in status.stderr  # the command's own exit status (make itself exits 2)
    usage = subprocess.run(["make", "--no-print-directory", "translation-confirm"], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    assert usage.returncode != 0 and "Usage: make translation-confirm ID=2.1.3" in usage.stderr
    confirm = subprocess.run(["make", "--no-print-directory", "translation-confirm", "ID=2.1.3"], cwd=ROOT, env=env,
                             capture_output=True, text=True)
    assert confirm.returncode == 0, confirm.stderr
    again = subprocess.run(["make", "--no-print-directory", "translation-status"], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    assert again.returncode == 0 and "Nothing stale" in again.stdout
