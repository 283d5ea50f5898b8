"""Fixtures for the real-browser tests: JupyterLab, RISE and Voila driven by Chromium through Playwright.

Design (kept fast: one JupyterLab server, one Voila server and one Chromium for the whole session):

* Every server listens on 127.0.0.1 only, on a free port, with a random token, and is isolated
  from the user's Jupyter setup: its own temporary config, data, runtime, IPython and JupyterLab
  settings/workspaces folders. It serves a temporary *copy* of ``notebooks/`` (plus the fixture
  notebooks), so nothing the user owns can be saved over. Autosave is off anyway, and the tests
  never save.
* Nothing reaches the network: JupyterLab's news feed and update check are off, the extension
  manager is read-only, and Chromium resolves no host name but 127.0.0.1.
* Readiness is awaited by polling the HTTP API; each server is ended (its process group) at the
  end of the session, after its kernels were shut down through the API.
* A failing test (setup or call) leaves ``test-artifacts/<test name>.png`` (git-ignored), a
  screenshot of the page it was driving, and the end of the servers' logs in its report.

Chromium is Debian's (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``); ``make test`` installs it
(``tools/ensure_chromium.sh``). Without it these tests are skipped with a message saying how to
install it. Playwright's own browser download is never used.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    CHROMIUM_CANDIDATES,
    EXTERNAL_REQUESTS,
    FIXTURES,
    INSTALL_HINT,
    OPEN_PAGES,
    REPO,
    SERVED_FIXTURES,
    SERVED_NOTEBOOKS,
    SERVERS,
    LabDriver,
    Notebook,
    PageFactory,
    Server,
    all_notebooks,
    chromium_executable,
    isolated_env,
    params,
    root_flag,
    slideshow_notebooks,
    start_server,
    stop_server,
    voila_notebooks,
    write_lab_settings,
)

# The fixture notebooks are data for these tests, not tests: keep nbval (`pytest --nbval`) off them.
collect_ignore_glob = ["fixtures/*"]


# --------------------------------------------------------------------------------------------
# Notebooks under test
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=params(all_notebooks()))
def course_notebook(request: pytest.FixtureRequest) -> Notebook:
    """Each notebook in turn (module scope: the tests of one notebook share one run of it)."""
    return request.param


@pytest.fixture(params=params(slideshow_notebooks()))
def slideshow_notebook(request: pytest.FixtureRequest) -> Notebook:
    return request.param


@pytest.fixture(params=params(voila_notebooks()))
def voila_notebook(request: pytest.FixtureRequest) -> Notebook:
    return request.param


# --------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def served_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary copy of what the servers serve: notebooks/, the fixture notebooks, datasets/."""
    root = tmp_path_factory.mktemp("served")
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    notebooks = REPO / "notebooks"
    if notebooks.is_dir():
        shutil.copytree(notebooks, root / SERVED_NOTEBOOKS, ignore=ignore)
    else:
        (root / SERVED_NOTEBOOKS).mkdir()
    shutil.copytree(FIXTURES, root / SERVED_FIXTURES, ignore=ignore)
    # The full-screen app notebooks that the labs' links open (/voila/render/apps/<lab>.ipynb).
    if (REPO / "apps").is_dir():
        shutil.copytree(REPO / "apps", root / "apps", ignore=ignore)
    # Notebooks find the data through helpers.paths (absolute); a copy covers "../datasets" too.
    if (REPO / "datasets").is_dir():
        shutil.copytree(REPO / "datasets", root / "datasets", ignore=ignore)
    return root


@pytest.fixture(scope="session")
def jupyter_lab(served_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One JupyterLab server for the session (RISE is served by it too, at /rise/<path>)."""
    home = tmp_path_factory.mktemp("jupyterlab-home")
    env = isolated_env(home)
    write_lab_settings(Path(env["JUPYTERLAB_SETTINGS_DIR"]))
    # As `make lab`: the course notebooks are trusted (signed in this server's data folder), so
    # JupyterLab renders their stored widget state before anyone runs them.
    served = sorted(str(p) for p in (served_root / SERVED_NOTEBOOKS).glob("*.ipynb"))
    if served:
        subprocess.run(
            [sys.executable, "-m", "nbformat.sign", *served], env=env, check=True, capture_output=True
        )
    # As `make lab`: Voila pages (the labs' full-screen links) use the course's offline template.
    env["JUPYTER_PATH"] = str(REPO / "tools" / "voila_template")

    def argv(port: int, token: str) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyterlab",
            *root_flag(),
            "--no-browser",
            "--ServerApp.open_browser=False",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={served_root}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            f"--LabApp.user_settings_dir={env['JUPYTERLAB_SETTINGS_DIR']}",
            f"--LabApp.workspaces_dir={env['JUPYTERLAB_WORKSPACES_DIR']}",
            "--VoilaConfiguration.template=course-app",
        ]

    server = start_server("jupyterlab", argv, "api/status", served_root, home, env)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def voila_server(served_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One Voila server for the session, serving the copied tree (pages at /voila/render/<path>)."""
    home = tmp_path_factory.mktemp("voila-home")
    env = isolated_env(home)
    # The course's Voila template (as `make app` and `make lab` use): no CDN stylesheets.
    env["JUPYTER_PATH"] = str(REPO / "tools" / "voila_template")

    def argv(port: int, token: str) -> list[str]:
        return [
            sys.executable,
            "-m",
            "voila",
            str(served_root),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--Voila.port={port}",
            "--Voila.port_retries=0",
            f"--Voila.token={token}",
            # A failing cell shows its traceback in the page, where the test can report it.
            "--VoilaConfiguration.show_tracebacks=True",
            "--template=course-app",
        ]

    server = start_server("voila", argv, "voila/api/contents", served_root, home, env)
    yield server
    stop_server(server)


# --------------------------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the session (skips the browser tests when it is missing)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is missing: run `make test-deps`"
    )
    executable = chromium_executable()
    if executable is None:
        pytest.skip(
            f"Chromium not found ({', '.join(CHROMIUM_CANDIDATES)} or $CHROMIUM_PATH): {INSTALL_HINT}"
        )
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """One context for the session, so JupyterLab's static assets are loaded once and cached."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_default_timeout(30_000)
    context.set_default_navigation_timeout(90_000)
    yield context
    context.close()


@pytest.fixture(scope="session")
def new_page(browser_context: Any) -> PageFactory:
    """``new_page()`` opens a page (close it yourself; use ``page`` in function-scoped tests)."""
    return PageFactory(browser_context)


@pytest.fixture
def page(new_page: PageFactory) -> Iterator[Any]:
    """A fresh page; the test fails if the page asked any host but 127.0.0.1 for anything (the
    course must work offline: such requests are blocked here and would hang or fail in a classroom)."""
    seen = len(new_page.external_requests)
    p = new_page()
    yield p
    p.close()
    asked = new_page.external_requests[seen:]
    if asked:
        pytest.fail(f"the page asked hosts other than 127.0.0.1 for: {sorted(set(asked))[:5]}")


@pytest.fixture(scope="session")
def labs() -> LabDriver:
    """Finds the .course-lab widgets on a page and changes their controls like a learner."""
    return LabDriver()


# --------------------------------------------------------------------------------------------
# Skipping without Chromium, failure artefacts
# --------------------------------------------------------------------------------------------


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip a browser test before any server starts when Chromium or Playwright is missing."""
    if item.get_closest_marker("browser") is None:
        return
    if chromium_executable() is None:
        pytest.skip(
            f"Chromium not found ({', '.join(CHROMIUM_CANDIDATES)} or $CHROMIUM_PATH): {INSTALL_HINT}"
        )
    pytest.importorskip("playwright.sync_api", reason="playwright is missing: run `make test-deps`")


def _artifact_name(item: pytest.Item) -> str:
    return re.sub(r"[^\w.\-\[\]]+", "_", item.name)[:180]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A failing browser test saves test-artifacts/<test name>.png and shows the servers' last log lines."""
    report = yield
    if report.failed and report.when in ("setup", "call") and item.get_closest_marker("browser"):
        page = next((p for p in reversed(OPEN_PAGES) if not p.is_closed()), None)
        if page is not None:
            target = ARTIFACTS / f"{_artifact_name(item)}.png"
            try:
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(target), full_page=True, timeout=15_000)
                report.sections.append(("browser screenshot", f"{target} (page: {page.url})"))
            except Exception as err:  # never hide the test's own failure
                report.sections.append(("browser screenshot", f"could not save {target}: {err!r}"))
        for server in list(SERVERS):
            report.sections.append((f"{server.name} log (last lines)", server.log_tail()))
    return report


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say so when a page tried to reach the network (blocked here; it would be slow or fail offline)."""
    if EXTERNAL_REQUESTS:
        unique = sorted(set(EXTERNAL_REQUESTS))
        terminalreporter.write_sep("-", "browser tests: requests to hosts other than 127.0.0.1 (blocked)")
        for url in unique[:20]:
            terminalreporter.write_line(url)
