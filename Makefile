# Two commands for a newcomer (see README):
#   make lab   - set up .venv and open the course in JupyterLab
#   make test  - set up .venv (+ test tools, + Debian chromium if missing) and run every test
#                (in parallel: one pytest-xdist worker per core)
# Also: make test-fast NB=03 (unit tests + one notebook, under a minute: the loop while writing a lesson).
# Also: make data (regenerate datasets/), make notebooks (rebuild + execute notebooks), make bench (performance figures),
# make slides (offline HTML decks), make site (the course website, offline), make app LAB=<lab> (a lab full screen in Voila), make lint,
# make hub-link HUB=<url> (the class link and QR code for a JupyterHub, see docs/hub.md).
# Every target is idempotent: the virtualenv is rebuilt only when environment.yml or
# pyproject.toml change.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
# Packages are installed with uv (itself from PyPI, pinned here): the same pins and the same PyPI
# releases as pip, resolved the same way, but downloaded in parallel: a fresh .venv takes seconds
# instead of minutes. `make test INSTALLER=pip` uses pip alone (e.g. behind a mirror that only pip is
# configured for; uv reads UV_INDEX_URL, not pip.conf); if uv fails (an index or certificate only pip is
# set up for), the same install is retried with pip. Bytecode is compiled at install, as pip does.
INSTALLER ?= uv
UV_PIN    := uv==0.13.*
ifeq ($(INSTALLER),pip)
INSTALL := $(PIP) install
else
INSTALL := $(VENV)/bin/uv pip install --quiet --python $(PY) --compile-bytecode
endif
# pytest-xdist workers for `make test` (auto: one per core; 0 runs in one process).
TEST_WORKERS ?= auto
# Work units: a file, or one notebook of the browser tests; longest first (see conftest.py).
XDIST := -n $(TEST_WORKERS) --dist loadscope
RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP    := $(VENV)/.test-installed
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test test-fast data notebooks bench lint slides site app hub-link hub-deps venv test-deps browser-deps clean-venv

# Warnings that must fail the run, also inside notebook kernels (which inherit the environment):
# the course's policy in tools/warning_policy.py (deprecations are errors; named third-party exceptions).
STRICT_WARNINGS := PYTHONWARNINGS='$(shell $(PYTHON) tools/warning_policy.py)'
# pytest keeps each test file's assertion-rewritten bytecode in __pycache__ (git-ignored) unless
# PYTHONDONTWRITEBYTECODE is set (as on some machines): then every worker rewrites every test file at
# every run, seconds each time. The test targets write it (an empty value means "not set").
WRITE_BYTECODE := PYTHONDONTWRITEBYTECODE=

venv: $(RUNTIME_STAMP)

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python >= 3.11 is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)

# Runtime: the pins come from environment.yml (single source of truth), then helpers (editable).
# JupyterLab defaults for the course (tools/lab/overrides.json): RISE's default reveal.js theme
# loads Google Fonts, the white theme ships its fonts, so slideshows work offline.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

$(RUNTIME_STAMP): environment.yml pyproject.toml tools/env_pins.py tools/lab/overrides.json | $(PY)
	$(if $(filter pip,$(INSTALLER)),,$(PIP) install '$(UV_PIN)')
	$(PY) tools/env_pins.py environment.yml > $(VENV)/pins.txt
	$(INSTALL) --upgrade pip setuptools -r $(VENV)/pins.txt -e . || { \
		echo "uv could not install the pinned packages (see above): installing them with pip instead"; \
		$(PIP) install --upgrade pip setuptools -r $(VENV)/pins.txt -e .; }
	mkdir -p $(LAB_SETTINGS) && cp tools/lab/overrides.json $(LAB_SETTINGS)/overrides.json
	@touch $@

$(TEST_STAMP): $(RUNTIME_STAMP)
	$(INSTALL) -c $(VENV)/pins.txt -e '.[test]' || { \
		echo "uv could not install the test tools (see above): installing them with pip instead"; \
		$(PIP) install -c $(VENV)/pins.txt -e '.[test]'; }
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

NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# make test: strict nbval runs every notebook in the kernel of the Binder-like virtualenv
# (tools/binder_env.py, built from environment.yml alone, in the background while the first tests run),
# so one run of each notebook checks its stored outputs and that it runs in what Binder builds.
NBVAL_BINDER := --nbval --nbval-kernel-name course-binder --nbval-sanitize-with tests/nbval_sanitize.cfg

# compileall: every notebook kernel imports helpers; with PYTHONDONTWRITEBYTECODE set (some CI machines)
# each would compile it again, so its bytecode is written once here (a no-op when it is up to date).
test: $(TEST_STAMP) browser-deps hub-deps
	$(PY) -m ruff check src tests tools notebooks
	$(PY) -m compileall -q src
	$(WRITE_BYTECODE) $(STRICT_WARNINGS) $(PY) -m pytest $(XDIST) $(NBVAL_BINDER)

# The contributor's loop (README, CONTRIBUTING): every test except the browser, Binder and wheel-install ones, and
# strict nbval over one notebook (NB=NN, default 00); tests marked slow (seconds each: nested parallel
# runs, every lab at random values, ...) are left to `make test`. `make test` before you push.
NB ?= 00
test-fast: $(TEST_STAMP)
	$(PY) -m compileall -q src
	$(WRITE_BYTECODE) $(STRICT_WARNINGS) $(PY) -m pytest $(XDIST) -q -m "not browser and not binder and not hub and not install and not slow" $(NBVAL) \
		--ignore=tests/browser tests notebooks/$(NB)_*.ipynb

data: $(RUNTIME_STAMP)
	$(PY) -m helpers.generate --out datasets

notebooks: $(TEST_STAMP)
	$(PY) tools/nbtools.py

bench: $(TEST_STAMP) hub-deps
	$(PY) tools/bench.py

# Static HTML slide decks (reveal.js from a local copy, no CDN) in _slides/.
slides: $(RUNTIME_STAMP)
	$(PY) tools/slides.py

# The course website in _site/ (tools/site_build.py): static HTML built offline from the stored
# notebooks (not re-run), lesson plans, trainer guide, search, launch links; open _site/index.html.
#   make site [HUB_URL=https://hub.example.edu]   (adds JupyterHub launch links, as make hub-link does)
# HUB_URL reaches the tool unexpanded through the environment (as LAB and HUB above); it checks it.
unexport HUB_URL
site: override export COURSE_HUB_URL := $(value HUB_URL)
site: $(RUNTIME_STAMP)
	$(PY) tools/site_build.py

# One widget lab full screen in Voila (app mode, no code): make app LAB=budget-planner
# The lab name reaches tools/app.py as one argument after `--`, through the environment and
# unexpanded ($(value ...)), so no shell or make syntax in it ever runs; LAB itself is not exported
# (make would expand it for every recipe's environment). tools/app.py accepts only known lab names.
unexport LAB
app: override export APP_LAB := $(value LAB)
app: $(RUNTIME_STAMP)
	$(PY) tools/app.py -- "$$APP_LAB"

# The class link for a JupyterHub (nbgitpuller clones the course into each learner's home and opens
# 00_start_here) and its QR code for the projector (docs/hub.md):
#   make hub-link HUB=https://hub.example.edu [REPO=<git URL>] [BRANCH=main] [QR=build/hub_link_qr.png]
# As with LAB above, each value reaches tools/hub_link.py unexpanded, through the environment, as one
# argument after its option; tools/hub_link.py refuses anything but a plain address, git URL or branch.
QR ?= build/hub_link_qr.png
unexport HUB REPO BRANCH QR
hub-link: override export HUB_LINK_HUB := $(value HUB)
hub-link: override export HUB_LINK_REPO := $(value REPO)
hub-link: override export HUB_LINK_BRANCH := $(value BRANCH)
hub-link: override export HUB_LINK_QR := $(value QR)
hub-link: $(RUNTIME_STAMP)
	@$(PY) tools/hub_link.py --repo "$$HUB_LINK_REPO" --branch "$$HUB_LINK_BRANCH" --qr "$$HUB_LINK_QR" -- "$$HUB_LINK_HUB"

# configurable-http-proxy (npm registry, versions locked in tools/hub/package-lock.json) for the local
# JupyterHub of tests/test_hub.py and `make bench`: installed once (again only when the lock file
# changes); without npm, a message, and the hub test says it is skipped and why.
HUB_PROXY := tools/hub/node_modules/.bin/configurable-http-proxy
hub-deps:
	@if [ -x $(HUB_PROXY) ] && [ $(HUB_PROXY) -nt tools/hub/package-lock.json ]; then :; \
	elif command -v npm > /dev/null; then \
		cd tools/hub && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.bin/configurable-http-proxy; \
	else echo "npm not found: tests/test_hub.py (a real JupyterHub) will be skipped; install Node.js >= 20 and npm"; fi

lint: $(TEST_STAMP)
	$(PY) -m ruff check src tests tools notebooks
	$(PY) -m ruff format --check src tests tools

clean-venv:
	rm -rf $(VENV)
