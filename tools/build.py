"""Build the site into a temporary folder and replace site/ only on success.

`mkdocs build` cleans its output folder first and leaves a half-built one
behind when it fails, so a broken data file would destroy the last good site.
Here the previous site/ stays exactly as it was unless the new build passes.

BF_GENERATOR=properdocs builds with ProperDocs, the maintained continuation
of MkDocs 1.6, instead (`make build-properdocs`, README: "A way off MkDocs").
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def failure(output: str) -> str:
    """The one message that explains a failed build: MkDocs' ERROR lines without their prefix.

    MkDocs wraps a refused data file in log noise ("ERROR - ...", "Aborted with
    a BuildError!"); the reader needs only the message, which already names the
    file, line, place and fix. Anything unexpected (a traceback) is shown whole.
    """
    lines = [re.sub(r"^(?:ERROR|WARNING)\s+-\s+", "", ln).strip() for ln in output.splitlines()
             if re.match(r"^(?:ERROR|WARNING)\s+-", ln)]
    return " ".join(lines) if lines else output.strip()


def main(argv: list[str]) -> int:
    target = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    env = dict(os.environ, SITE_DIR=str(tmp), NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", "1643587200")  # 2022-01-31, the summary's date
    generator = os.environ.get("BF_GENERATOR", "mkdocs")
    if generator not in ("mkdocs", "properdocs"):
        print(f"BF_GENERATOR={generator!r}: use mkdocs (the default) or properdocs", file=sys.stderr)
        return 2
    mkdocs = [sys.executable, "-m", generator, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), *argv]
    result = subprocess.run(mkdocs, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
        print(f"{failure(result.stdout + result.stderr)} (Build failed: {shown}/ was left as it was.)",
              file=sys.stderr)
        return result.returncode
    sys.stderr.write(result.stderr)
    sys.stdout.write(result.stdout)
    old = None
    if target.exists():
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    tmp.rename(target)
    target.chmod(0o755)  # mkdtemp made it 0700; after the rename it is `target`
    if old:
        shutil.rmtree(old, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
