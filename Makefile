# Career Guide. Quick start: `make build`, then `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := build

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
CHECKERS := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test test-fast lint check changes export import rename delete move screenshot bench lock clean browser java

# The virtual environment, with every dependency at its pinned version.
$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

build: $(STAMP)  ## Build the site into site/ (a failed build leaves site/ untouched)
	$(PYTHON) -m macros.publish site

serve: $(STAMP)  ## Preview at http://127.0.0.1:8000, rebuilding when docs/ or data/ change
	$(VENV)/bin/mkdocs serve

check: $(STAMP)  ## Validate data/ without building the site
	$(PYTHON) -m macros.check data

export: $(STAMP)  ## Write the data as one workbook to review and edit in a spreadsheet (FILE=career-guide.xlsx)
	$(PYTHON) -m macros.spreadsheet.export "$(or $(FILE),career-guide.xlsx)"

import: $(STAMP)  ## List a workbook's edits to data/ (FILE=...xlsx); APPLY=1 writes them
	$(PYTHON) -m macros.spreadsheet.importing "$(FILE)" $(if $(APPLY),--apply)

rename: $(STAMP)  ## Rename a role, competency, family, template or worksheet everywhere, keeping its old address (KIND=role OLD=... NEW=...)
	$(PYTHON) -m macros.refactor rename "$(KIND)" "$(OLD)" "$(NEW)"

delete: $(STAMP)  ## List what points to a role before you delete it (ID=...)
	$(PYTHON) -m macros.refactor delete "$(ID)"

move: $(STAMP)  ## List the questions a role's page gains and loses in another family (ID=... FAMILY=...)
	$(PYTHON) -m macros.refactor move "$(ID)" "$(FAMILY)"

screenshot: $(STAMP) browser  ## Refresh the README's picture of a family page with its map (scripts/family-page.png)
	$(PYTHON) scripts/screenshot.py

changes: $(STAMP)  ## What changed in data/ since SINCE (a commit, tag, branch or YYYY-MM-DD), in words for an announcement
	$(PYTHON) -m macros.changes "$(SINCE)"

test: lint browser java $(CHECKERS)  ## Run the whole test suite: type and style checks, unit, build and browser tests
	$(PYTHON) -m pytest

test-fast: $(STAMP)  ## Only the unit tests: a quick check while working (under 30 s)
	$(PYTHON) -m pytest -m unit

lint: $(STAMP)  ## Type-check (mypy --strict) and lint (ruff) the code
	$(VENV)/bin/mypy --strict macros
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(STAMP)  ## Measure build time, memory and size at 1x, 10x and 50x the default data (LARGE=1: also 100x, 200x; see bench/README.md)
	$(PYTHON) bench/run.py $(if $(LARGE),--large)

# What the tests need from Debian: installed when we can, otherwise we say how.
# $(1): the command that must exist, $(2): the Debian package, $(3): what needs it.
define debian_package
	@if ! command -v $(1) >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(2) for $(3)..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(3) need Debian's $(2). Install it with:"; \
	    echo "    sudo apt-get install -y $(2)"; \
	    exit 1; \
	  fi; \
	fi
endef

# Browser tests drive Debian's Chromium.
browser:
	$(call debian_package,$(CHROMIUM),chromium,The browser tests)

# The Nu HTML Checker runs on Java.
java:
	$(call debian_package,java,default-jre-headless,The HTML checks)

# The checkers the tests run over the built site (axe-core, the Nu HTML
# Checker), at the versions pinned in package-lock.json.
$(CHECKERS): package.json package-lock.json
	$(call debian_package,npm,npm,The accessibility and HTML checks)
	@# No install scripts: vnu-jar's would download a Java runtime; Debian's is used.
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

lock: $(STAMP)  ## Re-pin requirements.lock after changing pyproject.toml
	$(PYTHON) -m pip install --quiet -e '.[test]'
	( echo "# Every package the guide and its tests install, at exact versions (pip freeze)."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  $(PYTHON) -m pip freeze --exclude-editable ) > requirements.lock

clean:
	rm -rf site .site-* $(VENV) .pytest_cache node_modules
