# The two set-up commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WARTA := $(BIN)/warta
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/warta
APT_TEST_PACKAGES := libmagic1 libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils tesseract-ocr tesseract-ocr-ind ghostscript clamav chromium

.PHONY: run dev test test-sqlite test-postgres lint messages install install-test system-packages demo clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

node_modules/axe-core/axe.min.js: package.json
	@if command -v npm >/dev/null; then npm install --no-audit --no-fund --silent; \
	else echo "!! npm is missing: the browser tests will be SKIPPED (install Node.js and npm)." >&2; fi

install-test: $(VENV)/.installed-test system-packages node_modules/axe-core/axe.min.js

# Debian packages the tests (and the app) use; installed only when running as root on Debian/Ubuntu.
system-packages:
	@./scripts/system-packages $(APT_TEST_PACKAGES)

demo: install
	$(WARTA) migrate --noinput
	$(WARTA) collectstatic --noinput --verbosity 0
	$(WARTA) pos load
	$(WARTA) demo

run: demo
	@./scripts/serve $(HOST) $(PORT)

dev: demo
	WARTA_DEBUG=1 $(WARTA) runserver $(HOST):$(PORT)

lint: install-test
	$(BIN)/ruff check warta tests
	$(BIN)/ruff format --check warta tests

test: install-test
	@./scripts/test-all

test-sqlite: install-test
	$(BIN)/pytest -q

test-postgres: install-test
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q

# Each app's English catalogue (warta/<app>/locale/en), refreshed from the Indonesian source texts, then compiled.
# Fill every new or fuzzy entry before committing the .po and .mo (tests/test_catalogues.py checks).
messages: install
	@for app in warta/*/locale; do \
		(cd $$app/.. && $(CURDIR)/$(WARTA) makemessages -l en --no-obsolete --add-location=file \
			&& $(CURDIR)/$(WARTA) compilemessages -l en) || exit 1; \
	done

clean:
	rm -rf $(VENV) var
