# policybuilder: `make run` serves the app, `make test` runs the whole suite.
# Both set everything up first on a fresh machine (virtualenv, packages, database, clause library).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
# Local development and the test suite may run without a SECRET_KEY (settings.py); production may not.
export ALLOW_INSECURE_KEY ?= true

.PHONY: run test check setup db bench format clean pdf-packages chromium messages

# Fonts for every script a shop's name may use in the PDF (Latin, Greek, Cyrillic, Arabic, Chinese,
# Japanese), and pdftoppm for the PDF tests. Installed when missing on Debian as root; the Dockerfile's
# apt line lists the same fonts.
PDF_PACKAGES := fonts-dejavu-core fonts-noto-core fonts-noto-cjk poppler-utils

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: pdf-packages $(VENV)/.installed
	$(PY) -m policybuilder.syscheck

pdf-packages:
	@command -v dpkg-query >/dev/null || exit 0; \
	missing=$$(for p in $(PDF_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" != 0 ]; then echo "policybuilder: install these packages: sudo apt-get install" $$missing >&2; exit 1; fi; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

# The browser tests drive Debian's Chromium (Playwright never downloads a browser here).
chromium:
	@test -x /usr/bin/chromium && exit 0; \
	if [ "$$(id -u)" != 0 ]; then echo "policybuilder: the browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

db: setup
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py loadclauses

run: db
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver $(HOST)

test: setup chromium
	$(PY) -m pytest

check: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy policybuilder
	$(PY) manage.py check

bench: db
	$(PY) bench/assemble.py
	$(PY) bench/pdf.py
	$(PY) bench/catalogue.py

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The gettext catalogues (locale/): update them from the code and templates, then compile them. Needs GNU
# gettext (Debian's gettext package); the compiled .mo files are committed, so running the app does not.
messages: setup
	$(PY) manage.py makemessages --no-obsolete --ignore=.venv --ignore=tests --ignore=staticfiles -l es -l fr -l fr_CA -l de -l pt_BR -l it
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache db.sqlite3
