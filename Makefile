# The edition's commands. `make serve` and `make test` set everything up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

# Material 9 announces MkDocs 2 at every build; this project pins mkdocs<2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test bench clean

setup: $(STAMP) $(NODE_STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint requirements.lock --editable '.[test]'
	touch $(STAMP)

# Test tools from npm (axe-core, ESLint), exactly as package-lock.json pins them.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

serve: $(STAMP)
	$(BIN)/python scripts/docs.py serve

build: $(STAMP)
	$(BIN)/python scripts/docs.py build

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .site-build-* .site-previous .cache
