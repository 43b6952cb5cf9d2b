# Career Guide. Quick start: `make build`, then `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := build

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test check bench lock clean browser

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

test: $(STAMP) browser  ## Run the whole test suite, browser tests included
	$(PYTHON) -m pytest

bench: $(STAMP)  ## Measure build time and memory at 1x, 10x and 50x the default data (see bench/README.md)
	$(PYTHON) bench/run.py

# Browser tests drive Debian's Chromium; install it when we can, otherwise say how.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Debian's Chromium. Install it with:"; \
	    echo "    sudo apt-get install -y chromium"; \
	    exit 1; \
	  fi; \
	fi

lock: $(STAMP)  ## Re-pin requirements.lock after changing pyproject.toml
	$(PYTHON) -m pip install --quiet -e '.[test]'
	( echo "# Every package the guide and its tests install, at exact versions (pip freeze)."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  $(PYTHON) -m pip freeze --exclude-editable ) > requirements.lock

clean:
	rm -rf site .site-* $(VENV) .pytest_cache
