"""Gettext PO and XLIFF 1.2 out, and translators' files back in.

Both formats are written and read by translate-toolkit (the library behind
Pootle and Virtaal, whose formats Weblate also reads), never by hand. Only
`make translation-export` and `make translation-import` import this module;
the site build does not need translate-toolkit.

One unit per translatable field: the context (msgctxt, XLIFF ``id``) is the
field's stable name (``objectives/2.1.3/text``), the English is the source,
the Spanish the translation, and a reference gives the YAML line of the
Spanish. A field whose English changed since its Spanish was reviewed is
exported as needing review: ``#, fuzzy`` with the English it was reviewed
against as the previous msgid (``#| msgid``), which Poedit and Weblate show
as a diff; in XLIFF ``state="needs-review-translation"`` and a note.

Import refuses the whole file, with one line naming the file, the entry and
the problem, and writes nothing, when the file is malformed, an entry has no
or an unknown context, its English is not the current English (the file was
exported before the English changed), or its translation is empty or
contains markup. Entries still marked as needing review (fuzzy, or an XLIFF
``needs-*`` state) are left out and listed. Otherwise only the Spanish values
that changed are rewritten (yamledit: every other byte is kept), the result
is validated exactly as a build does before it replaces the file, and the
lock records each imported entry as reviewed against the current English.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # translate-toolkit's XML library
from translate.storage import po, xliff

from bicentennial.data import framework, load
from bicentennial.data.load import FrameworkError, yaml_path
from bicentennial.data.validate import _MARKUP
from bicentennial.files import atomic_write
from bicentennial.translations import lock
from bicentennial.translations.fields import Field, fields
from bicentennial.translations.review import check
from bicentennial.translations.yamledit import replace

SOURCE_LANG, TARGET_LANG = "en", "es"
MAX_BYTES = 20_000_000  # the real export is ~40 KB, a 100× framework's (bench/) a few MB
# Fixed, so that the same data always exports to the same bytes (as the build's SOURCE_DATE_EPOCH default).
EXPORT_DATE = "2022-01-31 00:00+0000"
PO_HEADER = {
    "project_id_version": "U.S.-Mexico Bicentennial Framework",
    "pot_creation_date": EXPORT_DATE,
    "po_revision_date": EXPORT_DATE,
    "last_translator": "",
    "language_team": "Spanish",
    "Language": TARGET_LANG,
    "plural_forms": "nplurals=2; plural=(n != 1);",
}
XLIFF_SKELETON = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="NoName" source-language="{SOURCE_LANG}" target-language="{TARGET_LANG}" datatype="plaintext">
<body>
</body>
</file>
</xliff>
""".encode()
STALE_NOTE = ("The English changed after this Spanish was last reviewed. It was reviewed against: {old}")
_NOT_DONE = re.compile(r"^(new|needs-.*)$")  # XLIFF 1.2 target states that mean "not finished"


def _shown(path: Path) -> str:
    cwd = Path.cwd()
    return os.path.relpath(path, cwd) if path.resolve().is_relative_to(cwd) else str(path)


# --- export -----------------------------------------------------------------------------------------------

@dataclass
class Unit:
    field: Field
    line: int            # the line of the Spanish in the YAML
    reviewed_en: str | None  # the English the Spanish was reviewed against, when that is not the current one


def _units(data_file: Path, schema_file: Path, records: lock.Records | None) -> list[Unit]:
    fw = framework.read(data_file, schema_file, _shown(data_file))
    lines = load.parse(data_file, _shown(data_file)).lines
    all_fields = fields(fw)
    stale = dict((f.context, old) for f, old in check(all_fields, records).stale) if records is not None else {}
    return [Unit(f, lines[yaml_path(f.parts + (TARGET_LANG,))], stale.get(f.context)) for f in all_fields]


def po_bytes(units: list[Unit], reference: str) -> bytes:
    store = po.pofile()
    store.updateheader(add=True, **PO_HEADER)
    for u in units:
        unit = store.addsourceunit(u.field.text.en)
        unit.setcontext(u.field.context)
        unit.target = u.field.text.es
        unit.addlocation(f"{reference}:{u.line}")
        if u.reviewed_en is not None:
            unit.addnote(STALE_NOTE.format(old=u.reviewed_en), origin="developer")
            unit.prev_source = u.reviewed_en
            unit.markfuzzy(True)
    return bytes(store)


def xliff_bytes(units: list[Unit], reference: str) -> bytes:
    store = xliff.xlifffile.parsestring(XLIFF_SKELETON)  # a 1.2 document: translate-toolkit keeps its namespace
    store.setfilename(store.getfilenode("NoName"), reference)
    for u in units:
        unit = store.addsourceunit(u.field.text.en, filename=reference)
        unit.setid(u.field.context)
        unit.target = u.field.text.es
        unit.addlocation(f"{reference}:{u.line}")
        if u.reviewed_en is not None:
            unit.addnote(STALE_NOTE.format(old=u.reviewed_en), origin="developer")
            unit.set_state_n(unit.S_NEEDS_REVIEW)  # state="needs-review-translation"
    # New units start in translate-toolkit's default (1.1) namespace and keep its now unused declaration.
    etree.cleanup_namespaces(store.document)
    return bytes(store)


def export(data_file: Path, schema_file: Path, out_dir: Path) -> tuple[list[Path], int, int]:
    """Write es.po and es.xlf into out_dir; return (paths, units, units needing review)."""
    records = lock.read(lock.path_for(data_file), _shown(lock.path_for(data_file)))
    units = _units(data_file, schema_file, records)
    reference = _shown(data_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in ((f"{TARGET_LANG}.po", po_bytes(units, reference)),
                       (f"{TARGET_LANG}.xlf", xliff_bytes(units, reference))):
        atomic_write(out_dir / name, data)
        written.append(out_dir / name)
    return written, len(units), sum(u.reviewed_en is not None for u in units)


# --- reading a translator's file ----------------------------------------------------------------------------

@dataclass
class Entry:
    context: str | None
    source: str
    target: str
    done: bool       # False: still marked as needing review (fuzzy / needs-*)
    line: int | None
    markup: str = ""  # XLIFF inline elements found in the target, if any


_FIX_FILE = "Export a fresh file with `make translation-export` and translate in that one. Nothing was imported."
_ESCAPE = re.compile(r'\\(.)')
_PO_OK_ESCAPES = set('ntrabfv"\\01234567x')


def _malformed(display: str, line: int | None, problem: str) -> FrameworkError:
    return FrameworkError(display, line, "", problem, _FIX_FILE)


def _read_po(raw: bytes, display: str) -> list[Entry]:
    text = raw.decode("utf-8-sig")  # a byte order mark, as some Windows editors write, is fine
    # translate-toolkit's parser is lenient: it drops an entry without msgstr and reads "\q" as "q".
    # Count the entries and check the escapes first, so that a damaged file is refused, not half read.
    live = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if not ln.lstrip().startswith("#")]
    for i, ln in live:
        for m in _ESCAPE.finditer(ln):
            if m.group(1) not in _PO_OK_ESCAPES:
                raise _malformed(display, i, f"not a valid PO file: unknown escape \\{m.group(1)}")
    msgids = sum(1 for _, ln in live if re.match(r"\s*msgid\s", ln))
    try:
        store = po.pofile.parsestring(raw)
    except Exception as exc:  # translate-toolkit's PoParseError and friends
        m = re.search(r"line (\d+)", str(exc))
        raise _malformed(display, int(m.group(1)) if m else None, f"not a valid PO file ({exc})") from None
    units = [u for u in store.units if not u.isobsolete()]
    if msgids != len(units):
        raise _malformed(display, None, f"not a valid PO file: {msgids} msgid lines but {len(units)} complete "
                                        "entries (an entry without msgstr?)")
    header = store.parseheader()
    charset = re.search(r"charset=([\w-]+)", header.get("Content-Type", ""))
    if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "charset"):
        raise _malformed(display, 1, f"the file declares charset={charset.group(1)}: it must be UTF-8")
    language = header.get("Language", TARGET_LANG).strip()
    if language and re.split(r"[_@.-]", language)[0].lower() != TARGET_LANG:
        raise _malformed(display, 1, f"the file is for language {language!r}, not {TARGET_LANG!r} (Spanish)")
    entries = []
    for u in units:
        if u.isheader():
            continue
        if u.hasplural():
            raise _malformed(display, u.line_number, "an entry with plural forms (msgid_plural): this file has none")
        entries.append(Entry(u.getcontext() or None, str(u.source), str(u.target or ""), not u.isfuzzy(),
                             u.line_number))
    return entries


def _read_xliff(raw: bytes, display: str) -> list[Entry]:
    if re.search(rb"<!(DOCTYPE|ENTITY)", raw):
        raise _malformed(display, None, "not accepted: the file declares a DTD or entities")
    try:
        store = xliff.xlifffile.parsestring(raw)
    except Exception as exc:  # lxml's XMLSyntaxError, translate-toolkit's errors
        m = re.search(r"line (\d+)", str(exc))
        problem = str(exc) or type(exc).__name__
        raise _malformed(display, int(m.group(1)) if m else None, f"not a valid XLIFF 1.2 file ({problem})") from None
    root = store.document.getroot()
    if not (root.tag.startswith("{urn:oasis:names:tc:xliff:document:1.") and root.get("version", "").startswith("1.")):
        raise _malformed(display, root.sourceline, "not an XLIFF 1.x file (expected <xliff version=\"1.2\">)")
    for file_node in root.iterchildren(store.namespaced("file")):
        language = file_node.get("target-language") or TARGET_LANG
        if re.split(r"[_@.-]", language)[0].lower() != TARGET_LANG:
            raise _malformed(display, file_node.sourceline,
                             f"the file is for language {language!r}, not {TARGET_LANG!r} (Spanish)")
    entries = []
    for u in store.units:
        element = u.xmlelement
        target = u.getlanguageNode(lang=None, index=1)
        state = target.get("state") if target is not None else None
        done = not _NOT_DONE.match(state) if state else element.get("approved") != "no"
        inline = sorted({etree_name(child) for child in target}) if target is not None else []
        entries.append(Entry(element.get("id") or None, str(u.source or ""), str(u.target or ""), done,
                             element.sourceline, markup=", ".join(f"<{n}>" for n in inline)))
    return entries


def etree_name(element) -> str:
    tag = element.tag if isinstance(element.tag, str) else "?"
    return tag.rsplit("}", 1)[-1]


def read_entries(path: Path) -> tuple[str, list[Entry]]:
    display = _shown(path)
    suffix = path.suffix.lower()
    if suffix not in (".po", ".xlf", ".xliff"):
        raise FrameworkError(display, None, "", "not a .po, .xlf or .xliff file",
                             "Import the PO or XLIFF file that `make translation-export` wrote. Nothing was imported.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FrameworkError(display, None, "", f"cannot read the file ({exc.strerror})",
                             "Check the path given as FILE=. Nothing was imported.") from None
    if len(raw) > MAX_BYTES:
        raise _malformed(display, None, f"the file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _malformed(display, line, f"byte 0x{raw[exc.start]:02x} is not UTF-8") from None
    entries = _read_po(raw, display) if suffix == ".po" else _read_xliff(raw, display)
    if not entries:
        raise _malformed(display, None, "the file holds no translations")
    return display, entries


# --- import -------------------------------------------------------------------------------------------------

@dataclass
class Imported:
    changed: list[tuple[Field, int]] = field(default_factory=list)  # (field, YAML line of its Spanish)
    reviewed: list[Field] = field(default_factory=list)             # now recorded as reviewed in the lock
    skipped: list[str] = field(default_factory=list)                # still marked as needing review
    lock_written: bool = False
    lock_missing: bool = False


def _refuse(display: str, e: Entry, problem: str, fix: str) -> FrameworkError:
    return FrameworkError(display, e.line, e.context or "", problem, fix + " Nothing was imported.")


def import_file(path: Path, data_file: Path, schema_file: Path) -> Imported:
    """Write the file's changed Spanish texts into data_file; raise FrameworkError (and write nothing) to refuse."""
    data_display = _shown(data_file)
    fw = framework.read(data_file, schema_file, data_display)  # the YAML as it is must be valid first
    display, entries = read_entries(path)
    all_fields = fields(fw)
    by_context = {f.context: f for f in all_fields}
    lock_file = lock.path_for(data_file)
    records = lock.read(lock_file, _shown(lock_file))
    review = check(all_fields, records or {})
    needs_review = {f.context for f, _ in review.stale} | {f.context for f in review.unrecorded}

    seen: dict[str, int | None] = {}
    for e in entries:  # every check, for every entry, before anything is written
        if not e.context:
            raise _refuse(display, e, f"an entry without a context (msgid {e.source[:40]!r})",
                          "Every entry must keep the msgctxt / id the export gave it, such as objectives/2.1.3/text.")
        if e.context in seen:
            raise _refuse(display, e, f"the entry appears twice (also at line {seen[e.context]})", "Keep one of them.")
        seen[e.context] = e.line
        f = by_context.get(e.context)
        if f is None:
            raise _refuse(display, e, "unknown context: no such field in " + data_display,
                          "Keep each entry's context as the export wrote it; export again if items were renumbered.")
        if e.source != f.text.en:
            raise _refuse(display, e, "its English is not the current English: the file was exported before the "
                          "English changed (or the source text was edited)",
                          "Export again (`make translation-export`) and carry your translation over to the new file.")
        if not e.target.strip():
            raise _refuse(display, e, "empty translation", "Translate the entry, or remove it from the file.")
        if e.markup:
            raise _refuse(display, e, f"the translation contains XLIFF inline markup ({e.markup})",
                          "Write plain text: the site shows the framework as text.")
        for pattern, what in _MARKUP:
            if pattern.search(e.target):
                raise _refuse(display, e, f"the translation contains {what}",
                              "Write plain prose: the site shows data as text and never runs markup from it.")

    result = Imported()
    lines = load.parse(data_file, data_display).lines
    values: dict[tuple, str] = {}
    reviewed: set[str] = set()
    for e in entries:
        f = by_context[e.context]
        if not e.done:
            result.skipped.append(e.context)
            continue
        if e.target != f.text.es:
            values[f.parts + (TARGET_LANG,)] = e.target
            result.changed.append((f, lines[yaml_path(f.parts + (TARGET_LANG,))]))
        if e.context in needs_review:
            reviewed.add(e.context)
            result.reviewed.append(f)

    if values:
        original = data_file.read_text(encoding="utf-8")
        updated = replace(original, values)
        expected = load.parse(data_file, data_display).data
        for parts, value in values.items():
            _set(expected, parts, value)

        def validate(tmp: Path) -> None:  # exactly as a build does, before the file is replaced
            try:
                framework.read(tmp, schema_file, data_display)
            except FrameworkError as exc:
                raise FrameworkError(exc.file, exc.line, exc.path, f"after import from {display}: {exc.problem}",
                                     (exc.fix + " " if exc.fix else "") + "Nothing was imported.") from None
            if load.parse(tmp, data_display).data != expected:  # nothing but the imported values changed
                raise FrameworkError(data_display, None, "", "the edit changed more than the imported values",
                                     "Report this as a bug. Nothing was imported.")

        atomic_write(data_file, updated.encode("utf-8"), check=validate)
    if records is None:
        result.lock_missing = bool(reviewed)
    elif reviewed:
        new_fields = fields(framework.read(data_file, schema_file, data_display))
        result.lock_written = lock.write(lock_file, lock.refreshed(new_fields, records, reviewed, add_new=False))
    return result


def _set(data, parts: tuple, value: str) -> None:
    for part in parts[:-1]:
        data = data[part]
    data[parts[-1]] = value
