# The two commands of the README: `make run` and `make test`. Everything else is a step of them.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
DEV := DEBUG=true

.PHONY: setup browser node run test lint bench

setup: $(VENV)/.installed

# Python 3.11's own pip installs every requirement: upgrading it first only cost CI time.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

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

run: setup
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py load_demo
	$(DEV) $(PY) manage.py runserver 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check .

test: setup browser node lint
	$(VENV)/bin/pytest

# Benchmarks (not tests): need PostgreSQL; BENCH_DATABASE_URL overrides the default below.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_bench
bench: setup
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) tests/perf/bench_search.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) tests/perf/bench_api.py
