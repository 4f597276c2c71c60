"""Translators' round trip and the translation lock: `make translation-*` (see README.md, Translating).

    translations.py export [--out DIR]   translations/es.po and translations/es.xlf
    translations.py import FILE          a .po or .xlf back into data/framework.yaml
    translations.py status               stale Spanish texts (exit 1), or "nothing stale" (exit 0)
    translations.py confirm ID [ID …]    record the Spanish of an item (or one field's context) as reviewed
    translations.py lock [--reset]       write data/translations.lock for the current data

The data file is data/framework.yaml, or BF_DATA; the lock sits beside it
(BF_TRANSLATIONS_LOCK overrides). Any refusal is one line on stderr, exit 1,
and nothing written.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from bicentennial.data import framework  # noqa: E402
from bicentennial.data.load import FrameworkError  # noqa: E402
from bicentennial.translations import lock  # noqa: E402
from bicentennial.translations.fields import FRAMEWORK, by_item, fields  # noqa: E402
from bicentennial.translations.review import check  # noqa: E402

SCHEMA = ROOT / "data" / "framework.schema.json"


def shown(path: Path) -> str:
    cwd = Path.cwd()
    return os.path.relpath(path, cwd) if path.resolve().is_relative_to(cwd) else str(path)


def _read(data: Path):
    fw = framework.read(data, SCHEMA, shown(data))
    lock_file = lock.path_for(data)
    return fw, lock_file, lock.read(lock_file, shown(lock_file))


def _no_lock(lock_file: Path) -> FrameworkError:
    return FrameworkError(shown(lock_file), None, "", "there is no lock",
                          "Create it with `make translation-lock` (it records every current Spanish text as reviewed).")


def _label(f) -> str:
    return f"{f.item_id} {f.name}" if f.item_id != FRAMEWORK else f"framework {f.name}"


def cmd_export(args) -> int:
    from bicentennial.translations import exchange  # translate-toolkit: only export and import need it
    written, n, stale = exchange.export(args.data, SCHEMA, args.out)
    print(f"Wrote {', '.join(shown(p) for p in written)}: {n} entries"
          + (f", {stale} marked as needing review (their English changed since the Spanish was reviewed)." if stale
             else "."))
    return 0


def cmd_import(args) -> int:
    from bicentennial.translations import exchange
    result = exchange.import_file(args.file, args.data, SCHEMA)
    data, lock_file = shown(args.data), shown(lock.path_for(args.data))
    if result.changed:
        where = ", ".join(f"{f.context} (line {line})" for f, line in result.changed)
        print(f"{data}: {len(result.changed)} Spanish text{'s' if len(result.changed) > 1 else ''} updated: {where}. "
              "Validated as a build does.")
    else:
        print(f"{data}: no Spanish text changed.")
    if result.reviewed:
        print(f"{lock_file}: recorded as reviewed against the current English: "
              f"{', '.join(f.context for f in result.reviewed)}.")
    if result.lock_missing:
        print(f"{lock_file}: there is no lock, so nothing was recorded as reviewed (`make translation-lock`).")
    if result.skipped:
        print(f"Left out, still marked as needing review (fuzzy) in {shown(args.file)}: "
              f"{', '.join(result.skipped)}. Finish them in your tool (Poedit: clear \"Needs work\") and import again.")
    return 0


def cmd_status(args) -> int:
    fw, lock_file, records = _read(args.data)
    if records is None:
        raise _no_lock(lock_file)
    review = check(fields(fw), records)
    lines = source_lines(args.data)
    for f, old in review.stale:
        print(f"STALE  {_label(f)}  ({f.context}, {shown(args.data)}:{lines.get(f.context, '?')})")
        print(f"  reviewed against: {old}")
        print(f"  English now:      {f.text.en}")
        print(f"  Spanish:          {f.text.es}")
    for f in review.unrecorded:
        print(f"NEW    {_label(f)}  ({f.context}, {shown(args.data)}:{lines.get(f.context, '?')}): "
              f"not in {shown(lock_file)} yet")
    if review.gone:
        n = len(review.gone)
        print(f"({n} record{'s' if n > 1 else ''} in {shown(lock_file)} for fields no longer in the data; "
              "`make translation-lock` drops them.)")
    if review.ok:
        print(f"Nothing stale: all {len(review.fields)} Spanish texts were reviewed against the current English "
              f"({shown(lock_file)}).")
        return 0
    summary = []
    if review.stale:
        n, first = len(review.stale), review.stale[0][0]
        it = "them" if n > 1 else "it"
        summary.append(f"{n} stale Spanish text{'s' if n > 1 else ''}. Review {it}: `make translation-export` "
                       f"marks {it} as needing review (fuzzy in es.po, needs-review-translation in es.xlf); correct "
                       f"{it} in your tool, then `make translation-import FILE=translations/es.po`. Or, if the Spanish "
                       f"still fits, `make translation-confirm ID={first.item_id}`")
    if review.unrecorded:
        n = len(review.unrecorded)
        summary.append(f"{n} text{'s' if n > 1 else ''} not in the lock yet: `make translation-lock` records "
                       f"{'them' if n > 1 else 'it'} as reviewed")
    print("; ".join(summary) + ".")
    return 1


def source_lines(data: Path) -> dict[str, int]:
    """context → the line of its English in the YAML."""
    from bicentennial.data import load
    from bicentennial.data.load import yaml_path
    loaded_lines = load.parse(data, shown(data)).lines
    fw = framework.read(data, SCHEMA, shown(data))
    return {f.context: loaded_lines.get(yaml_path(f.parts + ("en",))) for f in fields(fw)}


def cmd_confirm(args) -> int:
    fw, lock_file, records = _read(args.data)
    if records is None:
        raise _no_lock(lock_file)
    all_fields = fields(fw)
    review = check(all_fields, records)
    open_ = {f.context for f, _ in review.stale} | {f.context for f in review.unrecorded}
    if args.ids == ["all"]:
        chosen = [f for f in all_fields if f.context in open_]
    else:
        chosen = []
        for id_ in args.ids:
            mine = by_item(all_fields, id_)
            if not mine:
                raise FrameworkError(shown(args.data), None, "", f"no goal, area or objective with ID {id_!r}",
                                     "Give an ID such as 2.1.3, 2.1 or 2, `framework`, a field's context such as "
                                     "objectives/2.1.3/text, or `all`.")
            chosen += [f for f in mine if f.context in open_]
    if not chosen:
        print(f"Nothing to confirm for {' '.join(args.ids)}: its Spanish is already recorded as reviewed against the "
              "current English.")
        return 0
    lock.write(lock_file, lock.refreshed(all_fields, records, {f.context for f in chosen}, add_new=False))
    print(f"{shown(lock_file)}: recorded as reviewed against the current English: "
          f"{', '.join(f.context for f in chosen)}.")
    return 0


def cmd_lock(args) -> int:
    lock_file = lock.path_for(args.data)
    fw = framework.read(args.data, SCHEMA, shown(args.data))
    records = None if args.reset else lock.read(lock_file, shown(lock_file))
    all_fields = fields(fw)
    new = lock.refreshed(all_fields, records, reset=args.reset)
    review = check(all_fields, new)
    changed = lock.write(lock_file, new)
    print(f"{shown(lock_file)}: {'written' if changed else 'unchanged'}, {len(new)} fields"
          + (f"; {len(review.stale)} still stale (see `make translation-status`)." if review.stale else "."))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="translations.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("BF_DATA", ROOT / "data" / "framework.yaml")),
                        help="the framework's YAML (default: data/framework.yaml, or BF_DATA)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("export", help="write translations/es.po and translations/es.xlf")
    p.add_argument("--out", type=Path, default=ROOT / "translations")
    p.set_defaults(run=cmd_export)
    p = sub.add_parser("import", help="write a translated .po or .xlf back into the YAML")
    p.add_argument("file", type=Path)
    p.set_defaults(run=cmd_import)
    sub.add_parser("status", help="list Spanish texts whose English changed since review").set_defaults(run=cmd_status)
    p = sub.add_parser("confirm", help="record an item's Spanish as reviewed against the current English")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(run=cmd_confirm)
    p = sub.add_parser("lock", help="write the lock for the current data (stale records are kept)")
    p.add_argument("--reset", action="store_true", help="record every current Spanish text as reviewed")
    p.set_defaults(run=cmd_lock)
    args = parser.parse_args(argv)
    args.data = args.data.resolve()
    try:
        return args.run(args)
    except FrameworkError as exc:
        print(str(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
