# The two commands of the README: `make run` and `make test`. Everything else is a step of them.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEV := DEBUG=true

.PHONY: setup browser node run test lint bench messages wrk

IATI_SCHEMAS := $(VENV)/iati-schemas/2.02

setup: $(VENV)/.installed $(IATI_SCHEMAS)/iati-activities-schema.xsd messages

# The interface's translations: every app's locale/*/LC_MESSAGES/django.po compiled to .mo by
# Babel in pure Python (portal.i18n.catalogues), so no GNU gettext is needed to run or test.
# Extracting new strings (manage.py makemessages) needs gettext: a developer's step.
messages: $(VENV)/.installed
	$(DEV) $(PY) manage.py compile_translations

# Python 3.11's own pip installs every requirement: upgrading it first only cost CI time.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

# IATI's activity schema for the IATI export's tests (tests/iati/fetch_schemas.py says how).
$(IATI_SCHEMAS)/iati-activities-schema.xsd: | $(VENV)/.installed
	$(PY) tests/iati/fetch_schemas.py $(IATI_SCHEMAS)

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The front-end checks' tools from npm, pinned in package-lock.json: axe-core (injected into
# pages) and vnu-jar (the Nu HTML checker, which needs Java: Debian's JRE if java is missing).
node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
		echo "Installing Debian's npm and JRE for the front-end checks"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm default-jre-headless; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# The quick start runs the background worker (webhooks, search index, translation tasks) in
# the background of the same command and stops it with the server: no second terminal.
run: setup
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py load_demo
	$(DEV) $(PY) manage.py worker --verbosity 0 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check .

test: setup browser node lint
	$(VENV)/bin/pytest

# Benchmarks (not tests): need PostgreSQL; BENCH_DATABASE_URL overrides the default below.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
BENCH_ITEMS ?= 10000,100000
bench: setup wrk
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) tests/perf/bench_search.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) tests/perf/bench_api.py
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) tests/perf/bench_http.py --items $(BENCH_ITEMS)

# The HTTP load generator of `make bench`, Debian's package, installed like chromium above.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the benchmark"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
