# Two commands for a newcomer (see README):
#   make lab   - set up .venv and open the course in JupyterLab
#   make test  - set up .venv (+ test tools, + Debian chromium if missing) and run every test
# Also: make data (regenerate datasets/), make notebooks (rebuild + execute notebooks), make bench (performance figures),
# make slides (offline HTML decks), make app LAB=<lab> (a lab full screen in Voila), make lint.
# Every target is idempotent: the virtualenv is rebuilt only when environment.yml or
# pyproject.toml change.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP    := $(VENV)/.test-installed
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test data notebooks bench lint slides app venv test-deps browser-deps clean-venv

# Warnings that must fail the run, also inside notebook kernels (which inherit the environment):
# the course's policy in tools/warning_policy.py (deprecations are errors; named third-party exceptions).
STRICT_WARNINGS := PYTHONWARNINGS='$(shell $(PYTHON) tools/warning_policy.py)'

venv: $(RUNTIME_STAMP)

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python >= 3.11 is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)

# Runtime: the pins come from environment.yml (single source of truth), then helpers (editable).
# JupyterLab defaults for the course (tools/lab/overrides.json): RISE's default reveal.js theme
# loads Google Fonts, the white theme ships its fonts, so slideshows work offline.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

$(RUNTIME_STAMP): environment.yml pyproject.toml tools/env_pins.py tools/lab/overrides.json | $(PY)
	$(PIP) install --upgrade pip setuptools
	$(PY) tools/env_pins.py environment.yml > $(VENV)/pins.txt
	$(PIP) install -r $(VENV)/pins.txt
	$(PIP) install -c $(VENV)/pins.txt -e .
	mkdir -p $(LAB_SETTINGS) && cp tools/lab/overrides.json $(LAB_SETTINGS)/overrides.json
	@touch $@

$(TEST_STAMP): $(RUNTIME_STAMP)
	$(PIP) install -c $(VENV)/pins.txt -e '.[test]'
	@touch $@

test-deps: $(TEST_STAMP)

browser-deps:
	@sh tools/ensure_chromium.sh

# The course's Voila template (tools/voila_template) keeps the labs' full-screen links offline.
VOILA_ENV := JUPYTER_PATH="$(CURDIR)/tools/voila_template$${JUPYTER_PATH:+:$$JUPYTER_PATH}"

# `jupyter trust`: the course notebooks are signed in your Jupyter data folder, so JupyterLab shows
# their stored labs and quizzes (widget state) before anyone runs them. notebook_shim is off: it only
# carries classic-Notebook settings over (not used here) and prints a ServerApp.token
# DeprecationWarning at every start.
lab: $(RUNTIME_STAMP)
	$(VENV)/bin/jupyter trust notebooks/*.ipynb > /dev/null
	$(VOILA_ENV) $(VENV)/bin/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" \
		--ServerApp.jpserver_extensions="notebook_shim=False" \
		--VoilaConfiguration.template=course-app notebooks/00_start_here.ipynb

test: $(TEST_STAMP) browser-deps
	$(PY) -m ruff check src tests tools notebooks
	$(STRICT_WARNINGS) $(PY) -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

data: $(RUNTIME_STAMP)
	$(PY) -m helpers.generate --out datasets

notebooks: $(TEST_STAMP)
	$(PY) tools/nbtools.py

bench: $(TEST_STAMP)
	$(PY) tools/bench.py

# Static HTML slide decks (reveal.js from a local copy, no CDN) in _slides/.
slides: $(RUNTIME_STAMP)
	$(PY) tools/slides.py

# One widget lab full screen in Voila (app mode, no code): make app LAB=budget-planner
# The lab name reaches tools/app.py as one argument after `--`, through the environment and
# unexpanded ($(value ...)), so no shell or make syntax in it ever runs; LAB itself is not exported
# (make would expand it for every recipe's environment). tools/app.py accepts only known lab names.
unexport LAB
app: override export APP_LAB := $(value LAB)
app: $(RUNTIME_STAMP)
	$(PY) tools/app.py -- "$$APP_LAB"

lint: $(TEST_STAMP)
	$(PY) -m ruff check src tests tools notebooks
	$(PY) -m ruff format --check src tests tools

clean-venv:
	rm -rf $(VENV)
