"""Run `mkdocs build` with one upstream assumption broken (breaks.py): run_build.py NAME [mkdocs build args]."""

import os
import sys

from contract import breaks

if __name__ == "__main__":
    name, *argv = sys.argv[1:]
    breaks.BREAKS[name]()
    if os.environ.get("BF_BREAK"):  # see conftest.py
        breaks.BREAKS[os.environ["BF_BREAK"]]()
    from mkdocs.__main__ import cli

    cli(["build", *argv])
