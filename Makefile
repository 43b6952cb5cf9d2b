# Career Guide. Quick start: `make build`, then `make serve`.
SHELL := /bin/bash
.DEFAULT_GOAL := build

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
CHECKERS := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
INSTALL := $(PYTHON) -m pip install --quiet --disable-pip-version-check

# What a person sees is what the commands say: make echoes none of them.
.SILENT:
MAKEFLAGS += --no-print-directory

# $(call run,COMMAND,SENTENCE): run COMMAND; if it fails, SENTENCE is the last line.
# Make follows a failed command with a line of its own, `make: *** [Makefile:NN:
# target] Error N`, and has no setting to leave it out. So a failed command does
# not return to make: the recipe's shell (make's child, hence $$PPID) stops make
# with SIGPIPE, the one signal that make does not catch (SIGINT it catches, and
# reports) and that shells do not report. No later command runs, and the exit
# status is still a failure (141). Where SIGPIPE is ignored, make reports the
# failure as it always did. SENTENCE holds no comma and no quote.
stop = kill -PIPE $$PPID; exit 1
run = $(1) || { echo '$(2)' >&2; $(stop); }

.PHONY: build serve test test-fast test-js lint check changes export import rename delete move new-company screenshot bench lock clean browser java node

# The virtual environment, with every dependency at its pinned version.
$(STAMP): requirements.lock pyproject.toml
	echo "Installing the guide's tools into $(VENV)/ (the first time and after an update: a few minutes)..."
	$(call run,python3 -m venv $(VENV) && $(INSTALL) -r requirements.lock && $(INSTALL) --no-deps -e .,Installing the tools failed: see the message above and run the command again.)
	touch $@

build: $(STAMP)  ## Build the site into site/ (a failed build leaves site/ untouched)
	$(call run,$(PYTHON) -m macros.commands.publish site,The site was not built: fix the problems above and run `make build` again.)

serve: $(STAMP)  ## Preview at http://127.0.0.1:8000, rebuilding when docs/ or data/ change
	$(call run,$(VENV)/bin/mkdocs serve,The preview stopped: fix the problems above and run `make serve` again.)

check: $(STAMP)  ## Validate data/ without building the site (FORMAT=github: also as annotations on a pull request's lines)
	$(call run,$(PYTHON) -m macros.commands.check data $(if $(FORMAT),--format $(FORMAT)),The check found problems: fix them and run `make check` again.)

export: $(STAMP)  ## Write the data as one workbook to review and edit in a spreadsheet (FILE=career-guide.xlsx)
	$(call run,$(PYTHON) -m macros.commands.spreadsheet.export "$(or $(FILE),career-guide.xlsx)",The export stopped: see the message above.)

import: $(STAMP)  ## List a workbook's edits to data/ (FILE=...xlsx); APPLY=1 writes them
	$(call run,$(PYTHON) -m macros.commands.spreadsheet.importing "$(FILE)" $(if $(APPLY),--apply),The import stopped: see the message above.)

rename: $(STAMP)  ## Rename a role, competency, family, template or worksheet everywhere, keeping its old address (KIND=role OLD=... NEW=...)
	$(call run,$(PYTHON) -m macros.commands.refactor rename "$(KIND)" "$(OLD)" "$(NEW)",Nothing was renamed: see the message above.)

delete: $(STAMP)  ## List what points to a role before you delete it (ID=...)
	$(call run,$(PYTHON) -m macros.commands.refactor delete "$(ID)",The listing stopped: see the message above.)

move: $(STAMP)  ## List the questions a role's page gains and loses in another family (ID=... FAMILY=...)
	$(call run,$(PYTHON) -m macros.commands.refactor move "$(ID)" "$(FAMILY)",The listing stopped: see the message above.)

new-company: $(STAMP)  ## Replace the example company in data/ with a small starter company named NAME="..." (FORCE=1: even over changes not yet committed)
	$(call run,$(PYTHON) -m macros.commands.new_company "$(NAME)" $(if $(FORCE),--force),Nothing was replaced: see the message above.)

screenshot: $(STAMP) browser  ## Refresh the README's picture of a family page with its map (scripts/family-page.png)
	$(call run,$(PYTHON) scripts/screenshot.py,The picture was not made: see the message above.)

changes: $(STAMP)  ## What changed in data/ since SINCE (a commit, tag, branch or YYYY-MM-DD), in words for an announcement
	$(call run,$(PYTHON) -m macros.commands.changes "$(SINCE)",The changes could not be listed: see the message above.)

test: lint browser java $(CHECKERS) test-js  ## Run the whole test suite: type and style checks, the scripts' tests, unit, build and browser tests
	$(call run,$(PYTHON) -m pytest --numprocesses=auto,Some tests failed: see the report above.)

test-fast: $(STAMP) test-js  ## Only the unit tests, the scripts' included: a quick check while working (under 30 s)
	$(call run,$(PYTHON) -m pytest -m unit,Some tests failed: see the report above.)

test-js: node  ## The browser scripts' logic under Node's own test runner (tests/js/)
	$(call run,node --test tests/js/,Some tests of the scripts failed: see the report above.)

lint: $(STAMP)  ## Type-check (mypy --strict) and lint (ruff) the code
	$(call run,$(VENV)/bin/mypy --strict macros,The code has type errors: see the report above.)
	$(call run,$(VENV)/bin/ruff check .,The code has style problems: see the report above.)
	$(call run,$(VENV)/bin/ruff format --check .,The code is not formatted: run ruff format.)

bench: $(STAMP)  ## Measure build time, memory and size at 1x, 10x and 50x the default data, against plain Material building the same pages as HTML and as plain text (LARGE=1: also 100x, 200x; see bench/README.md)
	$(call run,$(PYTHON) bench/run.py $(if $(LARGE),--large),The benchmark stopped: see the message above.)

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
	    $(stop); \
	  fi; \
	fi
endef

# Browser tests drive Debian's Chromium.
browser:
	$(call debian_package,$(CHROMIUM),chromium,The browser tests)

# The scripts' unit tests, and the check of their routes against Python's, run on Node.
node:
	$(call debian_package,node,nodejs,The scripts' unit tests)

# The Nu HTML Checker runs on Java.
java:
	$(call debian_package,java,default-jre-headless,The HTML checks)

# The checkers the tests run over the built site (axe-core, the Nu HTML
# Checker), at the versions pinned in package-lock.json.
$(CHECKERS): package.json package-lock.json
	$(call debian_package,npm,npm,The accessibility and HTML checks)
	@# No install scripts: vnu-jar's would download a Java runtime; Debian's is used.
	$(call run,npm ci --ignore-scripts --no-audit --no-fund --loglevel=error,Installing the checkers failed: see the message above.)
	touch $@

# --all pins setuptools too, the build backend tests/test_wheel.py builds with offline; pip stays the venv's own.
lock: $(STAMP)  ## Re-pin requirements.lock after changing pyproject.toml
	$(call run,$(INSTALL) -e '.[test]',Installing failed: see the message above.)
	( echo "# Every package the guide and its tests install, at exact versions (pip freeze)."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  $(PYTHON) -m pip freeze --all --exclude-editable | grep -v '^pip==' ) > requirements.lock

clean:
	rm -rf site .site-* $(VENV) .pytest_cache node_modules
