"""`BF_BREAK=NAME pytest -m contract` applies one break from breaks.py first, in this process and in
the builds the tests run, to show which contract tests catch it (they should fail)."""

import os

from contract import breaks

if os.environ.get("BF_BREAK"):
    breaks.BREAKS[os.environ["BF_BREAK"]]()
