"""Shared code for the real-browser tests (servers, notebooks, labs); fixtures are in conftest.py.

Kept out of conftest.py so test modules can import it by a unique name (``browser_support``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
ARTIFACTS = REPO / "test-artifacts"

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--no-sandbox",
    "--disable-gpu",
    # Belt and braces for "nothing reaches the network": no host name resolves except loopback.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
INSTALL_HINT = (
    "install Debian's Chromium with `make browser-deps` (runs tools/ensure_chromium.sh, i.e. "
    "`apt-get install chromium` as root), or point CHROMIUM_PATH at a Chromium binary"
)

SERVER_START_TIMEOUT_S = 90
# Upper bound for one notebook's "Run All" in JupyterLab, and for Voila to execute one notebook.
RUN_TIMEOUT_S = float(os.environ.get("BROWSER_TEST_RUN_TIMEOUT_S", "300"))

# Where served notebooks live inside the temporary server root.
SERVED_NOTEBOOKS = "notebooks"
SERVED_FIXTURES = "browser-test-fixtures"

# --------------------------------------------------------------------------------------------
# Notebooks under test
# --------------------------------------------------------------------------------------------

SLIDE_TYPES = {"slide", "subslide"}
# Code that uses the course's widget labs: `from helpers import ..., widgets`, `helpers.widgets`,
# or a lab built by hand with the convention's CSS class.
LAB_HINT_RE = re.compile(
    r"^\s*from\s+helpers\s+import\s+[^\n]*\bwidgets\b|helpers\.widgets|course-lab", re.MULTILINE
)


@dataclass(frozen=True)
class Notebook:
    """One notebook as the servers see it (``path`` is relative to the served root, POSIX)."""

    path: str
    source: Path
    is_fixture: bool

    @property
    def id(self) -> str:
        return ("fixture-" if self.is_fixture else "") + Path(self.path).stem

    def load(self) -> dict[str, Any]:
        return json.loads(self.source.read_text(encoding="utf-8"))

    def code_cells(self) -> list[dict[str, Any]]:
        return [c for c in self.load().get("cells", []) if c.get("cell_type") == "code"]

    def code_text(self) -> str:
        return "\n".join("".join(c.get("source", "")) for c in self.code_cells())

    def markdown_text(self) -> str:
        cells = self.load().get("cells", [])
        return "\n".join("".join(c.get("source", "")) for c in cells if c.get("cell_type") == "markdown")

    def slide_count(self) -> int:
        cells = self.load().get("cells", [])
        return sum(
            1 for c in cells if c.get("metadata", {}).get("slideshow", {}).get("slide_type") in SLIDE_TYPES
        )

    def mentions_a_lab(self) -> bool:
        """Static hint that the notebook shows a widget lab (used to pick course notebooks for Voila)."""
        return bool(LAB_HINT_RE.search(self.code_text()))


def course_notebooks() -> list[Notebook]:
    return [
        Notebook(f"{SERVED_NOTEBOOKS}/{p.name}", p, is_fixture=False)
        for p in sorted((REPO / "notebooks").glob("*.ipynb"))
    ]


def fixture_notebooks() -> list[Notebook]:
    return [
        Notebook(f"{SERVED_FIXTURES}/{p.name}", p, is_fixture=True) for p in sorted(FIXTURES.glob("*.ipynb"))
    ]


def all_notebooks() -> list[Notebook]:
    """Every course notebook, plus the fixture lab so there is always at least one case."""
    return course_notebooks() + fixture_notebooks()


def slideshow_notebooks() -> list[Notebook]:
    """The fixture (always) and the first course notebook with at least two slides, if any."""
    course = [nb for nb in course_notebooks() if nb.slide_count() >= 2][:1]
    return course + [nb for nb in fixture_notebooks() if nb.slide_count() >= 2]


def voila_notebooks() -> list[Notebook]:
    """The fixture lab (always) and the first course notebook that shows a helpers.widgets lab, if any."""
    course = [nb for nb in course_notebooks() if nb.mentions_a_lab()][:1]
    return course + [nb for nb in fixture_notebooks() if nb.mentions_a_lab()]


def params(notebooks: list[Notebook]) -> list[Any]:
    """pytest params, one per notebook, with readable ids."""
    return [pytest.param(nb, id=nb.id) for nb in notebooks]


# --------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------

#: Servers started and not yet stopped (their logs go into failure reports).
SERVERS: list[Server] = []


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A Jupyter-family server started for the tests."""

    name: str
    port: int
    token: str
    root: Path
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def url(self, path: str = "", **query: str) -> str:
        """Absolute URL of ``path`` with the token (and ``query``) in the query string."""
        parts = [urllib.parse.quote(k) + (f"={urllib.parse.quote(v)}" if v else "") for k, v in query.items()]
        parts.append(f"token={self.token}")
        return self.base_url + urllib.parse.quote(path.lstrip("/")) + "?" + "&".join(parts)

    def api(self, method: str, path: str, timeout: float = 10) -> Any:
        """Call the server's REST API with the token; returns decoded JSON (or None)."""
        req = urllib.request.Request(
            self.base_url + path.lstrip("/"),
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def shutdown_sessions(self, path: str | None = None) -> None:
        """Shut down the kernels of the sessions on ``path`` (all sessions when None)."""
        try:
            for session in self.api("GET", "api/sessions") or []:
                if path is None or session.get("path") == path:
                    self.api("DELETE", f"api/sessions/{session['id']}")
        except (OSError, urllib.error.URLError, ValueError):
            pass


def isolated_env(home: Path) -> dict[str, str]:
    """Environment for a server: Jupyter/IPython state in ``home``, not in the user's folders."""
    env = dict(os.environ)
    for var, sub in {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "IPYTHONDIR": "ipython",
        "JUPYTERLAB_SETTINGS_DIR": "lab-user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces",
    }.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_CONFIG_PATH", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def write_lab_settings(settings_dir: Path) -> None:
    """JupyterLab user settings for the tests: no news/update prompt, no autosave, all cells in the DOM."""
    settings = {
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }
    for plugin, values in settings.items():
        pkg, _, name = plugin.rpartition("/")
        target = settings_dir / pkg / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")


def root_flag() -> list[str]:
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def start_server(
    name: str,
    argv: Callable[[int, str], list[str]],
    ready_path: str,
    root: Path,
    home: Path,
    env: dict[str, str],
) -> Server:
    """Start ``argv(port, token)`` in its own process group; wait until ``ready_path`` answers 200."""
    last_error = ""
    for _attempt in range(3):  # a port picked by free_port() can be taken in between: retry
        port, token = free_port(), secrets.token_hex(24)
        log_path = home / f"{name}-{port}.log"
        server = Server(name, port, token, root, log_path)
        with open(log_path, "wb") as log:
            server.process = subprocess.Popen(
                argv(port, token),
                cwd=root,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                last_error = f"{name} exited with {server.process.returncode}:\n{server.log_tail()}"
                break
            try:
                server.api("GET", ready_path, timeout=2)
                SERVERS.append(server)
                return server
            except (OSError, urllib.error.URLError, ValueError) as err:
                last_error = repr(err)
                time.sleep(0.25)
        else:
            stop_server(server)
            raise RuntimeError(
                f"{name} did not answer {ready_path} in {SERVER_START_TIMEOUT_S} s:\n{server.log_tail()}"
            )
    raise RuntimeError(f"could not start {name}: {last_error}")


def end_process_group(proc: subprocess.Popen[Any], term_timeout: float = 15) -> None:
    """End a process started with ``start_new_session=True`` and its children: TERM, then KILL."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=term_timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def stop_server(server: Server) -> None:
    """Shut the server's kernels down, then end its process group (TERM, then KILL)."""
    proc = server.process
    if proc is None:
        return
    if proc.poll() is None:
        server.shutdown_sessions()
        end_process_group(proc)
    if server in SERVERS:
        SERVERS.remove(server)


# --------------------------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------------------------

#: Requests that pages tried to send to a host other than 127.0.0.1 (reported at the end of the run).
EXTERNAL_REQUESTS: list[str] = []
#: Pages opened and not yet closed (the newest is screenshotted when a test fails).
OPEN_PAGES: list[Any] = []


def chromium_executable() -> str | None:
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        return override if os.access(override, os.X_OK) else None
    return next((exe for exe in CHROMIUM_CANDIDATES if os.access(exe, os.X_OK)), None)


@dataclass
class PageFactory:
    """Opens pages in the session's context; each is screenshotted if a test fails while it is open."""

    context: Any
    #: Every request a page tried to send off 127.0.0.1 (Chromium cannot resolve those hosts).
    external_requests: list[str] = field(default_factory=lambda: EXTERNAL_REQUESTS)

    def __call__(self) -> Any:
        page = self.context.new_page()
        page.on("request", self._record)
        page.on("close", lambda p: OPEN_PAGES.remove(p) if p in OPEN_PAGES else None)
        OPEN_PAGES.append(page)
        return page

    def _record(self, request: Any) -> None:
        host = urllib.parse.urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in (
            "127.0.0.1",
            "localhost",
        ):
            self.external_requests.append(request.url)


# --------------------------------------------------------------------------------------------
# Labs (the course convention: .course-lab > controls + .course-lab-output)
# --------------------------------------------------------------------------------------------

# Controls a learner can change, in the order they are tried.
CONTROL_SELECTOR = ", ".join(
    [
        ".noUi-handle",  # ipywidgets 8 sliders (noUiSlider): keyboard arrows after focus
        "select",  # Dropdown, Select
        "input[type=checkbox]",
        "input[type=radio]",
        ".widget-toggle-buttons button",
        "button.widget-toggle-button",
        "input[type=number]",
        "button.widget-button",
    ]
)

_MARK_LABS_JS = """
([controlSelector]) => {
  // The ipywidgets description next to a control ("Followers"), for readable failure messages.
  const widgetLabel = c => {
    const box = c.closest('.widget-inline-hbox, .widget-hbox, .widget-inline-vbox, .widget-vbox');
    const label = box && box.querySelector(':scope > .widget-label');
    return label ? label.textContent : '';
  };
  const labs = [...document.querySelectorAll('.course-lab')]
    .filter(el => !el.parentElement || !el.parentElement.closest('.course-lab'))
    .filter(el => !el.closest('.lm-mod-hidden'));
  return labs.map((lab, i) => {
    lab.setAttribute('data-browser-test-lab', String(i));
    const classes = [...lab.classList];
    const name = classes.find(c => c.startsWith('course-lab-') && c !== 'course-lab-output') || null;
    const controls = [...lab.querySelectorAll(controlSelector)]
      .filter(c => !c.closest('.course-lab-output'))
      .filter(c => !c.disabled && !c.closest('[disabled]'));
    controls.forEach((c, k) => c.setAttribute('data-browser-test-control', `${i}-${k}`));
    return {
      index: i,
      name: name ? name.slice('course-lab-'.length) : null,
      controls: controls.map(c => ({
        kind: c.classList.contains('noUi-handle') ? 'slider'
          : c.tagName === 'SELECT' ? (c.multiple ? 'multiselect' : 'select')
          : c.type === 'checkbox' ? 'checkbox'
          : c.type === 'radio' ? 'radio'
          : c.type === 'number' ? 'number'
          : c.closest('.widget-toggle-buttons') ? 'toggle-buttons'
          : c.classList.contains('widget-toggle-button') ? 'toggle-button'
          : 'button',
        label: (c.getAttribute('aria-label') || widgetLabel(c) || c.textContent || c.value || '')
          .trim().slice(0, 60),
      })),
      outputs: lab.querySelectorAll('.course-lab-output').length,
      text: lab.innerText.slice(0, 400),
    };
  });
}
"""

_OUTPUT_STATE_JS = """
([lab]) => {
  const root = document.querySelector(`[data-browser-test-lab="${lab}"]`);
  if (!root) return null;
  const outs = [...root.querySelectorAll('.course-lab-output')];
  const html = outs.map(o => o.innerHTML).join('\\n<!--output-->\\n');
  const filled = outs.some(o => o.textContent.trim() || o.querySelector('img[src], svg, canvas'));
  return {html, filled};
}
"""

_OUTPUT_CHANGED_JS = """
([lab, before]) => {
  const root = document.querySelector(`[data-browser-test-lab="${lab}"]`);
  if (!root) return false;
  const outs = [...root.querySelectorAll('.course-lab-output')];
  const html = outs.map(o => o.innerHTML).join('\\n<!--output-->\\n');
  const filled = outs.some(o => o.textContent.trim() || o.querySelector('img[src], svg, canvas'));
  return filled && html !== before;
}
"""


@dataclass
class LabInfo:
    index: int
    name: str | None
    controls: list[dict[str, str]]
    outputs: int
    text: str

    @property
    def label(self) -> str:
        return f"lab #{self.index} ({self.name or 'no course-lab-<name> class'})"


class LabDriver:
    """Finds the labs on a page and changes their controls like a learner (keyboard, clicks)."""

    def __init__(self, change_timeout_ms: int = 20_000) -> None:
        self.change_timeout_ms = change_timeout_ms

    def find(self, page: Any) -> list[LabInfo]:
        return [LabInfo(**lab) for lab in page.evaluate(_MARK_LABS_JS, [CONTROL_SELECTOR])]

    def wait_filled(self, page: Any, lab: LabInfo, timeout_ms: int = 60_000) -> None:
        page.wait_for_function(
            '([lab]) => { const r = document.querySelector(`[data-browser-test-lab="${lab}"]`);'
            " return r && [...r.querySelectorAll('.course-lab-output')]"
            ".some(o => o.textContent.trim() || o.querySelector('img[src], svg, canvas')); }",
            arg=[lab.index],
            timeout=timeout_ms,
        )

    def _act(self, page: Any, lab: LabInfo, k: int) -> str | None:
        """Change control ``k`` of ``lab``; returns a description, or None when it cannot be changed."""
        control = lab.controls[k]
        loc = page.locator(f'[data-browser-test-control="{lab.index}-{k}"]')
        kind = control["kind"]
        loc.scroll_into_view_if_needed()
        if kind == "slider":
            now, top = loc.get_attribute("aria-valuenow"), loc.get_attribute("aria-valuemax")
            key = (
                "ArrowLeft"
                if now is not None and top is not None and float(now) >= float(top)
                else "ArrowRight"
            )
            loc.focus()
            loc.press(key)
            return f"slider {control['label']!r}: {key}"
        if kind == "select":
            count = loc.locator("option").count()
            if count < 2:
                return None
            current = loc.evaluate("s => s.selectedIndex")
            loc.select_option(index=(current + 1) % count)
            return f"dropdown {control['label']!r}: option {(current + 1) % count}"
        if kind in ("checkbox", "toggle-button", "button"):
            loc.click()
            return f"{kind} {control['label']!r}: click"
        if kind in ("radio", "toggle-buttons"):
            if loc.evaluate("c => c.checked === true || c.classList.contains('mod-active')"):
                return None
            loc.click()
            return f"{kind} {control['label']!r}: click"
        if kind == "number":
            loc.focus()
            loc.press("ArrowUp")
            loc.press("Enter")
            return "number: ArrowUp + Enter"
        return None

    def change_and_wait(self, page: Any, lab: LabInfo, max_controls: int = 4) -> tuple[str, list[str]]:
        """Change controls in order until the lab's output changes.

        Returns (what changed it, what was tried); raises AssertionError when nothing did.
        """
        self.wait_filled(page, lab)
        tried: list[str] = []
        for k in range(min(len(lab.controls), max_controls)):
            before = page.evaluate(_OUTPUT_STATE_JS, [lab.index])["html"]
            action = self._act(page, lab, k)
            if action is None:
                continue
            try:
                page.wait_for_function(
                    _OUTPUT_CHANGED_JS, arg=[lab.index, before], timeout=self.change_timeout_ms
                )
                return action, tried
            except Exception as err:  # playwright TimeoutError: try the next control
                if type(err).__name__ != "TimeoutError":
                    raise
                tried.append(f"{action} (output unchanged after {self.change_timeout_ms / 1000:.0f} s)")
        tried_text = "; ".join(tried) or "no control could be changed"
        raise AssertionError(f"{lab.label}: no control changed its .course-lab-output. Tried: {tried_text}")


#: True once a cell of the visible notebook has started or run (its prompt shows * or a number): right
#: for a notebook whose outputs and prompts were cleared first.
RUN_STARTED_JS = """
() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
  .some(p => /[*\\d]/.test(p.textContent))
"""


def run_all_cells(page: Any, started_js: str = RUN_STARTED_JS) -> None:
    """Run > Run All Cells, through the menu bar as a learner does; retried once if nothing starts.

    ``started_js``: a page function that is true once a cell has started (a stored notebook's prompts
    already hold numbers, so there only a * counts)."""
    for _attempt in range(2):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(started_js, timeout=15_000)
            return
        except Exception as err:
            if type(err).__name__ != "TimeoutError":
                raise
            page.keyboard.press("Escape")
    raise AssertionError("Run > Run All Cells did not start any cell")


# Every menu of every lab: each option's text width in the menu's font vs the width the closed menu shows.
MENUS_JS = """
() => {
  const canvas = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('.course-lab select:not([multiple])')]
    .filter(s => s.getBoundingClientRect().width > 0)
    .map(s => {
      const st = getComputedStyle(s);
      canvas.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      // the text box: the menu's inner width less its padding (the right padding holds the arrow)
      const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
      const lab = [...s.closest('.course-lab').classList].find(c => c.startsWith('course-lab-')) || '?';
      const label = (s.closest('.widget-dropdown')?.querySelector('.widget-label')?.textContent || '').trim();
      const options = [...s.options]
        .map(o => ({text: o.text, px: Math.ceil(canvas.measureText(o.text).width)}));
      const width = Math.round(s.getBoundingClientRect().width);
      return {lab, label, room: Math.floor(room), width, options};
    });
}
"""
