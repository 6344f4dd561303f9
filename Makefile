# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)

.PHONY: site test lint golden screenshots serve clean browser

site: $(STAMP)
	$(BIN)/digest build --seeds seeds --out site

test: $(STAMP) browser
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy

# Regenerate the golden Markdown after an intended change to the output.
golden: $(STAMP)
	$(BIN)/python -m tests.golden --update

screenshots: site browser
	$(BIN)/python -m tests.screenshots site screenshots
	$(BIN)/python -m tests.screenshots --after-update screenshots

serve: site
	$(BIN)/digest serve

clean:
	$(BIN)/digest clean 2>/dev/null || rm -rf build
	rm -rf site .site.staging .site.old

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# pip 23 mis-resolves extras under --require-hashes (weasel -> smart-open[http]).
	$(BIN)/python -m pip install --quiet 'pip==25.3'
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

# Browser tests drive Debian's Chromium; install it when missing and we may.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install -y chromium' for the browser tests" >&2; fi; }
