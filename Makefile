# policybuilder: `make run` serves the app, `make test` runs the whole suite.
# Both set everything up first on a fresh machine (virtualenv, packages, database, clause library).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test check setup db bench format clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
	$(PY) -m policybuilder.syscheck

db: setup
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py loadclauses

run: db
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver $(HOST)

test: setup
	$(PY) -m pytest

check: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check

bench: db
	$(PY) bench/assemble.py

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache db.sqlite3
