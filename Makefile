# The edition's commands. `make serve`, `make test` and `make check` set everything up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

# Material 9 announces MkDocs 2 at every build; this project pins mkdocs<2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test check bench clean help

setup: $(STAMP) $(NODE_STAMP) ## Install the pinned Python packages (.venv) and npm test tools (node_modules)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint requirements.lock --editable '.[test]'
	touch $(STAMP)

# Test tools from npm (axe-core, ESLint, DAISY Ace), exactly as package-lock.json pins them.
# No install scripts: Ace's runners would download a browser (Puppeteer's, Electron);
# Ace runs with Debian's Chromium instead (tests/browser/test_epub_ace.py).
$(NODE_STAMP): package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

serve: $(STAMP) ## Serve the site on http://127.0.0.1:8000, rebuilt on every save
	$(BIN)/python scripts/docs.py serve

build: $(STAMP) ## Build the site into site/ (strict)
	$(BIN)/python scripts/docs.py build

test: setup ## Run every test, the browser tests (headless Chromium) included
	$(BIN)/python -m pytest

# The browser tests are the ones under tests/browser (marked `browser` by its conftest.py).
check: setup ## Run every test but the browser tests: nothing launches Chromium
	$(BIN)/python -m pytest -m "not browser"

bench: setup ## Run the benchmark (scripts/bench.py, about half an hour)
	$(BIN)/python scripts/bench.py

clean: ## Remove the built site and the build cache
	rm -rf site .site-build-* .site-previous .cache

help: ## List these targets
	@awk -F ':.*## ' '/^[a-z]+:.*## / { printf "  make %-6s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
