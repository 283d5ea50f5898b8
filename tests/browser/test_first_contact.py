"""A newcomer's first screen: `make lab` opens 00_start_here and nothing covers it.

The server is started the way the Makefile's ``lab`` target starts it (its ``--Option=value``
flags are read from the Makefile, the notebooks are trusted as it trusts them), with a *fresh*
JupyterLab user-settings folder: no test-only settings, only the course's defaults in
``tools/lab/overrides.json``. Then, at 1440x900 and at a 1024x768 projector size:

* no toast or dialog is shown over the notebook (JupyterLab's "get notified about Jupyter news?"
  prompt is one unless ``fetchNews`` is set), and the title of 00_start_here is the element on top
  at its own position;
* the server's start-up log has no DeprecationWarning (``ServerApp.token config is deprecated``
  came from notebook_shim, which the lab target turns off).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import (
    ARTIFACTS,
    REPO,
    SERVED_NOTEBOOKS,
    Server,
    isolated_env,
    root_flag,
    start_server,
    stop_server,
)

pytestmark = pytest.mark.browser

START = f"{SERVED_NOTEBOOKS}/00_start_here.ipynb"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# Anything that floats over the notebook: toasts (JupyterLab's notifications), dialogs.
OVERLAYS = ".Toastify__toast, .jp-Dialog, .jp-Notification-Toast"
SETTLE_S = 6  # the news prompt appears a moment after the page has loaded


def make_lab_flags() -> list[str]:
    """The ``--Option=value`` flags of the Makefile's ``lab`` recipe (root_dir aside: it is the
    checkout; the test serves a copy)."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no lab target"
    flags = re.findall(r'--([\w.]+)=("[^"]*"|\S+)', recipe.group(1).replace("\\\n", " "))
    return [f"--{name}={value.strip(chr(34))}" for name, value in flags if name != "ServerApp.root_dir"]


def test_make_lab_flags_are_read() -> None:
    flags = make_lab_flags()
    assert any(f.startswith("--VoilaConfiguration.template=") for f in flags), flags


@pytest.fixture(scope="module")
def newcomer_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab as `make lab` starts it, with fresh user settings and the course's overrides."""
    root = tmp_path_factory.mktemp("newcomer-served")
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    shutil.copytree(REPO / "notebooks", root / SERVED_NOTEBOOKS, ignore=ignore)
    shutil.copytree(REPO / "datasets", root / "datasets", ignore=ignore)
    home = tmp_path_factory.mktemp("newcomer-home")
    env = isolated_env(home)  # empty user settings, workspaces, config and data folders
    # `make lab` runs with Python's default warning filters; `make test` exports its strict policy, under
    # which a third-party server extension (jupyter_lsp) would log its own DeprecationWarning.
    env.pop("PYTHONWARNINGS", None)
    env["JUPYTER_PATH"] = str(REPO / "tools" / "voila_template")
    # The course's defaults as `make` installs them into the environment (app settings folder).
    app_settings = home / "app-settings"
    app_settings.mkdir()
    shutil.copy(REPO / "tools" / "lab" / "overrides.json", app_settings / "overrides.json")
    notebooks = sorted(str(p) for p in (root / SERVED_NOTEBOOKS).glob("*.ipynb"))
    subprocess.run(
        [sys.executable, "-m", "nbformat.sign", *notebooks], env=env, check=True, capture_output=True
    )

    def argv(port: int, token: str) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyterlab",
            *root_flag(),
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.app_settings_dir={app_settings}",
            *make_lab_flags(),
        ]

    server = start_server("jupyterlab-newcomer", argv, "api/status", root, home, env)
    yield server
    stop_server(server)


def test_make_lab_starts_without_a_deprecation_warning(newcomer_lab: Server) -> None:
    log = newcomer_lab.log_path.read_text(encoding="utf-8", errors="replace")
    warnings = [line for line in log.splitlines() if "DeprecationWarning" in line]
    assert not warnings, f"`make lab` prints: {warnings[:3]}"


@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)], ids=["1440x900", "1024x768"])
def test_first_screen_is_the_course_with_nothing_over_it(
    newcomer_lab: Server, browser: Any, size: tuple[int, int]
) -> None:
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    context.set_default_timeout(30_000)
    external: list[str] = []
    context.on("request", lambda r: external.append(r.url))
    page = context.new_page()
    try:
        page.goto(newcomer_lab.url(f"lab/tree/{START}"), timeout=90_000)
        title = page.locator(f"{PANEL} .jp-MarkdownCell h1").first
        title.wait_for(state="visible", timeout=90_000)
        time.sleep(SETTLE_S)
        overlays = page.evaluate(
            f"() => [...document.querySelectorAll('{OVERLAYS}')]"
            ".filter(e => e.getBoundingClientRect().width > 0).map(e => e.innerText.slice(0, 120))"
        )
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"first-contact-{width}x{height}.png"))
        assert not overlays, f"something covers the first notebook at {width}x{height}: {overlays}"
        # The course's title is what is on top at its own position (no popup, panel or banner over it).
        on_top = title.evaluate(
            "h => { const r = h.getBoundingClientRect();"
            " const e = document.elementFromPoint(r.left + Math.min(r.width / 2, 80), r.top + r.height / 2);"
            " return !!e && (h === e || h.contains(e)); }"
        )
        assert on_top, f"the title of 00_start_here is covered at {width}x{height}"
        remote = [
            u
            for u in external
            if u.startswith(("http:", "https:", "ws:", "wss:"))
            and urllib.parse.urlsplit(u).hostname not in ("127.0.0.1", "localhost")
        ]
        assert not remote, f"the first screen asked the network for: {remote[:5]}"
    finally:
        context.close()
        newcomer_lab.shutdown_sessions(START)
