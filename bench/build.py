"""Build one prepared copy and measure it: wall time, peak memory, output.

Each build runs ``mkdocs build`` in a child process; ``os.wait4`` gives that
child's own peak resident memory (ru_maxrss), so concurrent work elsewhere
on the machine does not count, and the wall time is the child's. Our build
forks once more (the Spanish pages, hooks/bicentennial/adapter/forked_build.py): wait4
counts that grandchild's CPU time, and its memory only if it is the larger.

Our builds keep their preview cards, their checked data and their pages'
search sections in the copy's own cache (``.cache/cards`` and ``.cache/build``
beside its mkdocs.yml; features/cards.py, data/framework.py,
adapter/search_parser.py): ``cold=True`` empties it first, so every card is
drawn, the data checked and every page split; otherwise the previous build's
are reused.
They show the "Report a problem" links, as the published site does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO_URL = "https://github.com/OWNER/REPO"  # report links as on the published site (their bytes count)


def build(config: Path, site: Path, strict: bool, cold: bool = False) -> dict:
    """Build `config` into `site`; return {"seconds", "cpu_seconds", "peak_mib"} or raise with the log.

    CPU seconds (user + system of the child) are reported beside wall time: on
    a machine shared with other work, they vary much less.
    """
    shutil.rmtree(site, ignore_errors=True)
    if cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    # The last run's output (320 MB, 16,000 files at 100×) was just deleted: let the disk finish that
    # (journal, discards) before the clock starts. Otherwise the build paid for it at random: equal 100×
    # builds took 4 to 17 s of system time, and making 8,000 directories took 1.7 s just after a delete,
    # 0.5 s on an idle disk.
    os.sync()
    env = dict(os.environ, SITE_DIR=str(site), NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1643587200",
               REPO_URL=REPO_URL)
    for name in ("BF_DATA", "BF_CARDS_CACHE", "BF_BUILD_CACHE", "REPO_BRANCH"):
        env.pop(name, None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    log = config.parent / "build.log"
    with open(log, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=config.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{log.read_text(errors='replace')[-3000:]}")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024}


def output_stats(site: Path) -> dict:
    """Output size (and the preview cards' share of it), page count, objective page HTML size, search index."""
    total = pages = cards = card_bytes = 0
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            pages += path.suffix == ".html"
            if path.name == "card.png":
                cards += 1
                card_bytes += size
    objective_html = [p.stat().st_size for lang in ("", "es/")
                      for p in (site / lang / "objectives").glob("*/index.html")]
    index = {}
    for lang, rel in (("en", "search/search_index.json"), ("es", "es/search/search_index.json")):
        path = site / rel
        index[lang] = path.stat().st_size if path.exists() else None
    return {
        "output_bytes": total,
        "card_bytes": card_bytes,
        "cards": cards,
        "pages": pages,
        "objective_html_bytes": round(sum(objective_html) / len(objective_html)) if objective_html else None,
        "search_index_bytes": index,
    }
