# Startup Street — the verbs a newcomer expects. Everything runs inside .venv, made on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PYTEST_WORKERS ?= 2

.PHONY: help install demo serve test test-postgres lint format format-templates messages bench browser-deps clean

help:
	@echo "make demo      install, migrate, load demo data, serve http://127.0.0.1:8000"
	@echo "make test      install and run the whole test suite (SQLite)"
	@echo "make lint      ruff, makemigrations --check, import contracts, djLint (templates)"
	@echo "make format-templates  reformat every template with djLint (settings in pyproject.toml)"
	@echo "make bench     run the benchmarks in bench/"
	@echo "make messages  extract and compile translations (ko, zh-hans)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/startup-street demo

serve: install
	$(BIN)/startup-street runserver 127.0.0.1:8000

browser-deps:
	@sh scripts/ensure-browser.sh

test: install browser-deps
	$(BIN)/pytest -n $(PYTEST_WORKERS)

test-postgres: install browser-deps
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -n $(PYTEST_WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/startup-street makemigrations --check --dry-run
	$(BIN)/lint-imports
	$(BIN)/djlint startup_street --check
	$(BIN)/djlint startup_street --lint

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

format-templates: install
	$(BIN)/djlint startup_street --reformat

messages: install
	cd startup_street && ../$(BIN)/startup-street makemessages -l ko -l zh_Hans --no-obsolete --ignore 'demo/data/*'
	cd startup_street && ../$(BIN)/startup-street compilemessages

bench: install
	@for script in bench/bench_*.py; do echo "== $$script"; DEBUG=1 $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
