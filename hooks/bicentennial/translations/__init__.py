"""The translators' round trip, and the record that keeps the Spanish in step with the English.

Plain Python, no MkDocs. ``data/framework.yaml`` stays the only place the
text lives; everything here reads it, or writes Spanish values back into it.

- ``fields``: every translatable field, named by a stable context such as
  ``objectives/2.1.3/text`` (the msgctxt / XLIFF id), with its YAML path.
- ``lock``: ``data/translations.lock``, a fingerprint of the English each
  Spanish text was last reviewed against (and that English, to show it).
- ``review``: which Spanish texts are stale (their English changed since),
  the build's warning and the notice on the Spanish page of a stale item.
- ``yamledit``: replace single scalar values at the loader's marks, every
  other byte of the file kept (files.atomic_write writes it).
- ``exchange``: PO and XLIFF 1.2 export and import (translate-toolkit, which
  only ``make translation-export`` / ``translation-import`` install: the site
  build never imports this module).

The command line is ``tools/translations.py`` (``make translation-*``).
"""
