"""App mode end to end: `tools/app.py <lab>` serves the lab alone in Voila; Chromium shows it, offline.

Starts the launcher exactly as `make app LAB=budget-planner` does (plus --no-browser), reads the URL it
prints, and checks in Chromium: the lab is there, no code is, a control changes the output, the page
has the projector type size, and no request leaves 127.0.0.1 (the course template drops Voila's CDN
stylesheets). Then SIGTERM - what Ctrl+C does - must end the launcher and close the port.
"""

from __future__ import annotations

import contextlib
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import REPO, LabDriver, PageFactory, end_process_group, isolated_env

pytestmark = pytest.mark.browser

LAB = "budget-planner"
URL_RE = re.compile(r"full screen, no code: (http://127\.0\.0\.1:\d+/\?token=[\w-]+)")
START_TIMEOUT_S = 90
ERROR_MARKERS = ("Traceback (most recent call last)", "Error displaying widget", "There was an error")


@dataclass
class App:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def port(self) -> int:
        return urllib.parse.urlsplit(self.url).port or 0

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _listening(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """`tools/app.py budget-planner --no-browser`, isolated from the user's Jupyter settings."""
    home = tmp_path_factory.mktemp("app-mode-home")
    log = home / "app.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, str(REPO / "tools" / "app.py"), LAB, "--no-browser"],
            cwd=REPO,
            env=isolated_env(home),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        found = None
        while found is None and time.monotonic() < deadline and proc.poll() is None:
            found = URL_RE.search(log.read_text(encoding="utf-8", errors="replace"))
            time.sleep(0.2)
        if found is None:
            pytest.fail(f"tools/app.py printed no URL in {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")
        yield App(found.group(1), proc, log)
    finally:
        end_process_group(proc, term_timeout=20)


def test_app_page_without_the_token_does_not_show_the_lab(app: App) -> None:
    bare = app.url.split("?")[0]
    try:
        with urllib.request.urlopen(bare, timeout=30) as resp:
            final, body = resp.geturl(), resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        assert err.code in (401, 403), f"unexpected HTTP {err.code} without the token"
        return
    assert "/login" in final, f"{bare} without the token answered {final}"
    assert "app_view" not in body and "course-lab" not in body


def test_app_shows_the_lab_alone_responds_to_a_control_and_stays_offline(
    app: App, new_page: PageFactory, labs: LabDriver
) -> None:
    page = new_page()
    off_machine: list[str] = []

    def record(request: Any) -> None:
        if urllib.parse.urlsplit(request.url).hostname not in ("127.0.0.1", None):
            off_machine.append(request.url)

    page.on("request", record)
    try:
        page.goto(app.url)
        page.locator(f".course-lab-{LAB}").wait_for(state="visible", timeout=120_000)
        page.wait_for_load_state("load")

        assert page.title() == "Budget planner: split a budget across tiers"
        inputs = page.locator(".jp-InputArea, .jp-InputArea-editor, .cm-editor, .CodeMirror").count()
        assert inputs == 0, f"the app shows {inputs} code input area(s)"
        body = page.locator("body").inner_text()
        assert "app_view" not in body and "import" not in body, f"code on the page:\n{body[:500]}"
        errors = [marker for marker in ERROR_MARKERS if marker in body]
        assert not errors, f"the app shows an error ({errors}):\n{body[-1500:]}"

        found = labs.find(page)
        assert [lab.name for lab in found] == [LAB], f"expected the {LAB} lab alone, found {found}"
        size = page.evaluate(f"getComputedStyle(document.querySelector('.course-lab-{LAB}')).fontSize")
        assert size == "18px", f"projector type size not applied (font-size {size})"

        action, _tried = labs.change_and_wait(page, found[0])
        assert action
    finally:
        page.close()
    assert not off_machine, f"the app asked hosts other than 127.0.0.1 for: {sorted(set(off_machine))}"


def _group_command_lines(pgid: int) -> dict[int, str]:
    """pid -> command line of every live process in process group ``pgid`` (Linux /proc)."""
    found: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid:
                argv = (stat.parent / "cmdline").read_bytes().split(b"\0")
                found[int(stat.parent.name)] = " ".join(a.decode(errors="replace") for a in argv)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_the_token_is_on_no_command_line_other_users_can_read(app: App) -> None:
    """`ps` shows every user's command lines: the launcher, Voila and its kernel must not carry the token."""
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(app.url).query)["token"][0]
    lines = _group_command_lines(app.process.pid)
    assert any(" -m voila " in line for line in lines.values()), f"Voila not found among {lines}"
    leaking = [line for line in lines.values() if token in line]
    assert not leaking, f"the token is visible through ps: {leaking}"


def test_sigterm_stops_the_launcher_and_frees_the_port(app: App) -> None:
    assert _listening(app.port), f"nothing listens on {app.url}"
    app.process.send_signal(signal.SIGTERM)
    assert app.process.wait(timeout=30) == 0, app.log_text()[-2000:]
    deadline = time.monotonic() + 15
    while _listening(app.port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _listening(app.port), "Voila still listens after the launcher stopped"
