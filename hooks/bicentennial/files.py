"""Two file helpers every stage uses: a write that is never half done, and a fingerprint of code.

``atomic_write`` writes through a temporary file in the same folder and a
rename: the data file and translations (translations/), the checked data and
the pages' search sections kept between builds (data/framework.py,
adapter/search_parser.py). ``fingerprint`` is the hash of files and version
strings that a cached result depends on besides its own input: a cache entry
made by other code is never used (the same three, and the preview cards,
features/card_image.py).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable


def atomic_write(path: Path, data: bytes, check: Callable[[Path], None] | None = None, durable: bool = True) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename: never half-written.

    `check`, if given, is called with the temporary file before the rename; if
    it raises, the temporary file is removed and `path` is left as it was.
    `durable` flushes the file to the disk before the rename (what a reader or
    translator edits); a cache, which is rebuilt if lost, skips that wait.
    """
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if check is not None:
            check(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fingerprint(*paths: Path, versions: str = "") -> str:
    """The SHA-256 of the files' bytes, in order (each after its length, so no two splits hash alike), then of
    `versions`."""
    digest = hashlib.sha256()
    for path in paths:
        data = Path(path).read_bytes()
        digest.update(f"{len(data)}:".encode())
        digest.update(data)
    digest.update(versions.encode())
    return digest.hexdigest()
