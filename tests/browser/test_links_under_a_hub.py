"""Full-screen lab links follow the notebook: JupyterLab served as on a hub with nbgitpuller.

The server's root folder is one level above a copy of the course (``<root>/<repository>/``, where
nbgitpuller puts it in a learner's home), and the server runs under a hub's base URL
(``--ServerApp.base_url=/user/<name>/``, with ``$JUPYTERHUB_SERVICE_PREFIX`` set as a hub sets it).
A learner opens the first course notebook that links a lab, runs it, and clicks the link: Voilà
renders that lab alone, at ``/user/<name>/voila/render/<repository>/apps/<lab>.ipynb``; the
notebook's link to the next lesson opens that lesson of the same copy.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    REPO,
    RUN_TIMEOUT_S,
    LabDriver,
    PageFactory,
    Server,
    isolated_env,
    root_flag,
    run_all_cells,
    start_server,
    stop_server,
    write_lab_settings,
)

from helpers import app_links
from helpers.course import COURSE, Lesson

pytestmark = pytest.mark.browser

#: The hub's base URL for the learner, and the folder nbgitpuller clones the course into.
BASE = "user/ada-lovelace/"
REPOSITORY = "influencer-marketing-course"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
_APP_LINK = re.compile(r"""app_links\.app_link\(\s*["']([\w-]+)["']""")


def first_linking_notebook() -> tuple[Lesson, str]:
    """The first lesson in course order whose notebook links a lab full screen, and that lab."""
    for lesson in COURSE:
        source = REPO / "notebooks" / lesson.notebook
        if source.is_file():
            cells = json.loads(source.read_text(encoding="utf-8"))["cells"]
            code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
            found = _APP_LINK.search(code)
            if found:
                return lesson, found.group(1)
    pytest.skip("no course notebook links a lab full screen")


@pytest.fixture(scope="module")
def hub_like_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab (with Voila) whose root is a learner's home holding the course, under a base URL."""
    root = tmp_path_factory.mktemp("learner-home")
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for part in ("notebooks", "apps"):
        shutil.copytree(REPO / part, root / REPOSITORY / part, ignore=ignore)
    home = tmp_path_factory.mktemp("hub-lab-state")
    env = isolated_env(home)
    write_lab_settings(Path(env["JUPYTERLAB_SETTINGS_DIR"]))
    env["JUPYTER_PATH"] = str(REPO / "tools" / "voila_template")
    env[app_links.BASE_URL_ENV] = f"/{BASE}"  # as a hub's single-user server has it

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
            f"--ServerApp.base_url=/{BASE}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            f"--LabApp.user_settings_dir={env['JUPYTERLAB_SETTINGS_DIR']}",
            f"--LabApp.workspaces_dir={env['JUPYTERLAB_WORKSPACES_DIR']}",
            "--VoilaConfiguration.template=course-app",
        ]

    server = start_server("jupyterlab-hub-like", argv, f"{BASE}api/status", root, home, env)
    yield server
    stop_server(server)


_STARTED_JS = f"""
() => [...document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputPrompt')]
  .some(p => /\\*/.test(p.textContent))
"""


def shutdown_sessions(server: Server) -> None:
    """End the kernels this test started (the server's API is under the base URL)."""
    for session in server.api("GET", f"{BASE}api/sessions") or []:
        server.api("DELETE", f"{BASE}api/sessions/{session['id']}")


def test_a_lab_link_opens_voila_with_the_course_in_a_subfolder_under_a_base_url(
    hub_like_lab: Server, page: Any, new_page: PageFactory, labs: LabDriver
) -> None:
    lesson, lab = first_linking_notebook()
    path = f"{REPOSITORY}/notebooks/{lesson.notebook}"
    expected = f"/{BASE}voila/render/{REPOSITORY}/apps/{lab}.ipynb"
    page.goto(hub_like_lab.url(f"{BASE}lab/tree/{path}", reset=""))
    page.locator(f"{PANEL} .jp-Notebook").first.wait_for(state="visible", timeout=90_000)
    page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=90_000)
    run_all_cells(page, _STARTED_JS)
    link = page.locator(f'{PANEL} a.course-app-link[href="{expected}"]').first
    try:
        link.wait_for(state="visible", timeout=RUN_TIMEOUT_S * 1000)
    except Exception as err:
        if type(err).__name__ != "TimeoutError":
            raise
        hrefs = page.locator(f"{PANEL} a.course-app-link").evaluate_all("els => els.map(e => e.href)")
        raise AssertionError(f"after Run All, no link to {expected}; the lab links are {hrefs}") from None
    assert link.get_attribute("target") == "_blank"

    with page.context.expect_page(timeout=30_000) as opened:
        link.click()
    app = opened.value
    app.on("request", new_page._record)  # the app page must stay offline too
    try:
        app.locator(".course-lab").first.wait_for(state="visible", timeout=180_000)
        assert expected in app.url
        assert app.locator(".jp-InputArea, .cm-editor, .CodeMirror").count() == 0, "code is visible"
        found = [one for one in labs.find(app) if one.controls and one.outputs]
        assert [one.name for one in found] == [lab], [one.name for one in found]
        labs.change_and_wait(app, found[0])
    finally:
        app.close()
        shutdown_sessions(hub_like_lab)

    # A course-internal link (the navigation to the next lesson, relative) opens that notebook of the
    # same course copy in JupyterLab.
    following = COURSE[COURSE.index(lesson) + 1]
    page.locator(f"{PANEL} a:has-text('Next: {following.number}')").first.click()
    tab = page.locator(f".lm-TabBar-tab.lm-mod-current:has-text('{following.notebook}')")
    tab.wait_for(timeout=60_000)
    wanted = f"{REPOSITORY}/notebooks/{following.notebook}"
    deadline = time.monotonic() + 60
    opened_paths: list[str] = []
    while wanted not in opened_paths and time.monotonic() < deadline:
        time.sleep(0.5)  # the notebook's session (its kernel) names the file JupyterLab opened
        opened_paths = [one.get("path", "") for one in hub_like_lab.api("GET", f"{BASE}api/sessions") or []]
    assert wanted in opened_paths, opened_paths
    shutdown_sessions(hub_like_lab)
