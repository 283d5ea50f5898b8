"""A real, local JupyterHub for a class rehearsal: learners log in, pull the course, run notebooks.

Used by ``tests/test_hub.py`` (the multi-user test) and ``tools/bench.py`` (the per-learner cost,
``hub_*`` lines). Everything runs on 127.0.0.1 on free ports, inside one temporary folder:

* JupyterHub (PyPI, pinned in environment.yml) with configurable-http-proxy (npm, installed in
  ``tools/hub/node_modules`` by ``make hub-deps``);
* JupyterHub's ``SimpleLocalProcessSpawner``: each learner's server is ``jupyterhub-singleuser`` from
  this environment, with its own home folder ``<tmp>/home/<name>`` (HOME points there), which is
  also the server's root, as on The Littlest JupyterHub;
* JupyterHub's ``DummyAuthenticator`` for a fixed list of learner names (any password).

A learner (:class:`Learner`) logs in through the hub's REST API (``POST /hub/api/users/<name>/tokens``
with a username and password, as a login form would), starts their server, follows the class's
nbgitpuller link (``tools/hub_link.py``) through the hub, and runs a notebook through their own
server: the Jupyter server's REST API for the session and the kernel's websocket for the code, as
JupyterLab does.

:meth:`LocalHub.stop` ends every process the hub started (servers, kernels, proxy), even when a
step failed: call it in a ``finally`` (or use the hub as a context manager).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import psutil
import requests
import websocket

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
#: Where the hub's log is kept when a run fails (git-ignored, like the browser tests' screenshots).
ARTIFACTS = REPO / "test-artifacts" / "hub"
#: configurable-http-proxy from the npm registry (tools/hub/package.json; `make hub-deps`).
CHP = REPO / "tools" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
#: Seconds to wait for the hub to answer, and for one learner's server to be ready.
HUB_START_TIMEOUT_S = 60.0
SPAWN_TIMEOUT_S = 60.0
#: Seconds one notebook cell may take through the kernel websocket.
CELL_TIMEOUT_S = 120.0


class HubError(RuntimeError):
    """The hub or a learner's server did not do what a learner needs (with the hub's log tail)."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _bin(name: str) -> str:
    """A console script of this Python's environment (the course's .venv)."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise HubError(f"{name} is not installed in {Path(sys.executable).parent}: run `make test-deps`")
    return str(path)


def hub_config(
    root: Path, users: Sequence[str], ports: dict[str, int], env: dict[str, str], spawn_timeout_s: float
) -> str:
    """The text of ``jupyterhub_config.py`` for a local hub in ``root`` (see the module docstring)."""
    args = ["--allow-root"] if os.geteuid() == 0 else []
    settings = {
        "bind_url": f"http://{HOST}:{ports['hub_public']}",
        "hub_ip": HOST,
        "hub_port": ports["hub_private"],
        "proxy_api": f"http://{HOST}:{ports['proxy_api']}",
        "db_url": f"sqlite:///{root / 'jupyterhub.sqlite'}",
        "cookie_secret_file": str(root / "jupyterhub_cookie_secret"),
        "chp": str(CHP),
        "chp_pid": str(root / "proxy.pid"),
        "home": str(root / "home") + "/{username}",
        "singleuser": _bin("jupyterhub-singleuser"),
        "args": args,
        "users": sorted(users),
        "env": env,
        "timeout": int(spawn_timeout_s),
    }
    return (
        "import json\n"
        f"s = json.loads({json.dumps(json.dumps(settings))})\n"
        "c.JupyterHub.bind_url = s['bind_url']\n"
        "c.JupyterHub.hub_ip = s['hub_ip']\n"
        "c.JupyterHub.hub_port = s['hub_port']\n"
        "c.JupyterHub.db_url = s['db_url']\n"
        "c.JupyterHub.cookie_secret_file = s['cookie_secret_file']\n"
        "c.JupyterHub.authenticator_class = 'dummy'\n"
        "c.Authenticator.allowed_users = set(s['users'])\n"
        "c.JupyterHub.spawner_class = 'simple'\n"
        "c.JupyterHub.cleanup_servers = True\n"
        "c.JupyterHub.cleanup_proxy = True\n"
        "c.ConfigurableHTTPProxy.command = [s['chp']]\n"
        "c.ConfigurableHTTPProxy.api_url = s['proxy_api']\n"
        "c.ConfigurableHTTPProxy.pid_file = s['chp_pid']\n"
        "c.SimpleLocalProcessSpawner.home_dir_template = s['home']\n"
        "c.Spawner.notebook_dir = s['home']\n"
        "c.Spawner.default_url = '/lab'\n"
        "c.Spawner.cmd = [s['singleuser']]\n"
        "c.Spawner.args = s['args']\n"
        "c.Spawner.environment = s['env']\n"
        "c.Spawner.start_timeout = s['timeout']\n"
        "c.Spawner.http_timeout = s['timeout']\n"
    )


class _DataAttributes(HTMLParser):
    """The ``data-*`` attributes of nbgitpuller's status page (what its JavaScript reads)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key.startswith("data-") and value is not None:
                self.data.setdefault(key[5:], value)


@dataclass
class CellRun:
    """One code cell run through the kernel websocket: its outputs (nbformat dicts) and wall ms."""

    outputs: list[dict[str, Any]]
    ms: float
    comm_msgs: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Learner:
    """One learner of a :class:`LocalHub`: their token and server URL, once logged in."""

    hub: LocalHub
    name: str
    token: str = ""
    http: requests.Session = field(default_factory=requests.Session)

    @property
    def server(self) -> str:
        """The learner's server URL (through the hub's proxy), ending in a slash."""
        return f"{self.hub.url}user/{quote(self.name)}/"

    def login(self, password: str = "class-password") -> None:
        """Log in through the hub's API with a username and password; keep the token it issues."""
        response = self.hub.http.post(
            f"{self.hub.url}hub/api/users/{quote(self.name)}/tokens",
            json={"auth": {"username": self.name, "password": password}, "note": "class rehearsal"},
            timeout=30,
        )
        if response.status_code != 201:
            raise HubError(f"login of {self.name} refused: {response.status_code} {response.text[:200]}")
        self.token = response.json()["token"]
        # and in the browser: the hub's login form sets the cookie its pages (the class link) need
        form = self.http.get(f"{self.hub.url}hub/login", timeout=30)
        form.raise_for_status()
        response = self.http.post(
            f"{self.hub.url}hub/login",
            data={"username": self.name, "password": password, "_xsrf": self.http.cookies.get("_xsrf", "")},
            allow_redirects=False,
            timeout=30,
        )
        if response.status_code != 302:
            raise HubError(f"login form refused {self.name}: {response.status_code} {response.text[:200]}")
        self.http.headers["Authorization"] = f"token {self.token}"

    def spawn(self) -> float:
        """Start the learner's server through the hub; seconds until the hub reports it ready."""
        t0 = time.perf_counter()
        response = self.http.post(f"{self.hub.url}hub/api/users/{quote(self.name)}/server", timeout=30)
        if response.status_code not in (201, 202):
            raise HubError(f"spawn of {self.name}: {response.status_code} {response.text[:200]}")
        deadline = time.monotonic() + self.hub.spawn_timeout_s
        while time.monotonic() < deadline:
            model = self.http.get(f"{self.hub.url}hub/api/users/{quote(self.name)}", timeout=30).json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return time.perf_counter() - t0
            time.sleep(0.1)
        raise HubError(
            f"{self.name}'s server was not ready after {self.hub.spawn_timeout_s:.0f} s\n"
            + self.hub.log_tail()
        )

    def follow_link(self, link: str) -> tuple[str, list[str]]:
        """Follow a class link (``<hub>/hub/user-redirect/git-pull?...``) as the learner's browser:
        the hub redirects to the learner's nbgitpuller page, whose parameters go to nbgitpuller's API
        (as its page's JavaScript does). Returns (the page the learner lands on, relative to their
        server; the pull's progress lines)."""
        response = self.http.get(link, timeout=60)
        response.raise_for_status()
        if not urlsplit(response.url).path.startswith(urlsplit(self.server).path + "git-pull"):
            raise HubError(f"the link led {self.name} to {response.url}, not to nbgitpuller")
        page = _DataAttributes()
        page.feed(response.text)
        params = {"repo": page.data["repo"], "targetpath": page.data["targetpath"]}
        params |= {key: page.data[key] for key in ("branch", "depth") if key in page.data}
        params = {key: requests.utils.unquote(value) for key, value in params.items()}
        params["_xsrf"] = requests.utils.unquote(page.data.get("xsrf", ""))
        lines, phase = [], ""
        with self.http.get(f"{self.server}git-pull/api", params=params, stream=True, timeout=120) as events:
            events.raise_for_status()
            for raw in events.iter_lines(decode_unicode=True):
                if not raw or not raw.startswith("data:"):
                    continue
                event = json.loads(raw[5:])
                phase = event.get("phase", "")
                lines.append(str(event.get("output") or event.get("message") or "").strip())
                if phase in ("finished", "error"):
                    break
        if phase != "finished":
            raise HubError(f"nbgitpuller did not finish for {self.name}: {lines[-3:]}")
        return requests.utils.unquote(page.data["path"]), lines

    def read_notebook(self, path: str) -> dict[str, Any]:
        """The notebook at ``path`` (relative to the server root) through the contents API."""
        response = self.http.get(
            f"{self.server}api/contents/{quote(path)}", params={"content": 1}, timeout=60
        )
        response.raise_for_status()
        return response.json()["content"]

    def start_kernel(self, path: str) -> KernelSession:
        """Open the notebook at ``path`` as JupyterLab does: a session (kernel in the notebook's
        folder) and the kernel's websocket."""
        response = self.http.post(
            f"{self.server}api/sessions",
            json={"path": path, "name": Path(path).name, "type": "notebook", "kernel": {"name": "python3"}},
            timeout=60,
        )
        response.raise_for_status()
        session = response.json()
        ws_url = (
            self.server.replace("http://", "ws://", 1) + f"api/kernels/{session['kernel']['id']}/channels"
        )
        sock = websocket.create_connection(
            f"{ws_url}?session_id={session['id']}",
            header=[f"Authorization: token {self.token}"],
            timeout=CELL_TIMEOUT_S,
        )
        return KernelSession(self, session, sock)

    def rss_mb(self) -> float:
        """Resident memory of the learner's server and everything it started (kernels), in MB."""
        total = 0
        for proc in self.hub.server_processes(self.name):
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        return total / 1e6


@dataclass
class KernelSession:
    """A learner's notebook session: run code cells over the kernel websocket."""

    learner: Learner
    session: dict[str, Any]
    sock: websocket.WebSocket

    def run(self, code: str) -> CellRun:
        """Run ``code`` and collect its outputs (as nbformat output dicts) until the kernel is idle."""
        msg_id = uuid.uuid4().hex
        message = {
            "header": {
                "msg_id": msg_id,
                "msg_type": "execute_request",
                "username": self.learner.name,
                "session": self.session["id"],
                "version": "5.3",
                "date": "",
            },
            "parent_header": {},
            "metadata": {},
            "content": {"code": code, "silent": False, "store_history": True, "allow_stdin": False},
            "channel": "shell",
            "buffers": [],
        }
        t0 = time.perf_counter()
        self.sock.send(json.dumps(message))
        outputs: list[dict[str, Any]] = []
        comms: list[dict[str, Any]] = []
        deadline = time.monotonic() + CELL_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                raw = self.sock.recv()
            except (websocket.WebSocketException, OSError) as err:
                raise HubError(
                    f"{self.learner.name}'s kernel connection broke ({err!r})\n{self.learner.hub.log_tail()}"
                ) from err
            if isinstance(raw, bytes):  # binary frame: a message with buffers (widget images)
                continue
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != msg_id or reply.get("channel") != "iopub":
                continue
            kind, content = reply["msg_type"], reply["content"]
            if kind == "status" and content.get("execution_state") == "idle":
                return CellRun(outputs, (time.perf_counter() - t0) * 1000, comms)
            if kind == "stream":
                outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
            elif kind in ("display_data", "execute_result"):
                outputs.append(
                    {"output_type": kind, "data": content["data"], "metadata": content["metadata"]}
                )
            elif kind == "error":
                outputs.append({"output_type": "error", **content})
            elif kind == "clear_output":
                outputs.clear()
            elif kind.startswith("comm"):
                comms.append(content)
        raise HubError(f"a cell of {self.learner.name} did not finish in {CELL_TIMEOUT_S:.0f} s")

    def close(self) -> None:
        """Close the websocket and shut the session's kernel down."""
        with contextlib.suppress(Exception):
            self.sock.close()
        with contextlib.suppress(Exception):
            self.learner.http.delete(f"{self.learner.server}api/sessions/{self.session['id']}", timeout=30)


class LocalHub:
    """JupyterHub + configurable-http-proxy on 127.0.0.1 for ``users`` (see the module docstring)."""

    def __init__(
        self,
        users: Sequence[str],
        env: dict[str, str] | None = None,
        spawn_timeout_s: float = SPAWN_TIMEOUT_S,
    ) -> None:
        if not CHP.exists():
            raise HubError(
                f"configurable-http-proxy is not installed ({CHP}): run `make hub-deps` "
                "(npm install from the npm registry into tools/hub/)"
            )
        self.users = list(users)
        self.env = dict(env or {})
        self.spawn_timeout_s = spawn_timeout_s
        self.root = Path(tempfile.mkdtemp(prefix="course-hub-"))
        self.ports = {key: free_port() for key in ("hub_public", "hub_private", "proxy_api")}
        self.url = f"http://{HOST}:{self.ports['hub_public']}/"
        self.http = requests.Session()
        self.process: subprocess.Popen[bytes] | None = None
        self._log = self.root / "jupyterhub.log"
        self._seen: dict[int, psutil.Process] = {}

    def start(self) -> LocalHub:
        """Start the hub (and its proxy) and wait until its API answers."""
        (self.root / "home").mkdir()
        config = self.root / "jupyterhub_config.py"
        config.write_text(
            hub_config(self.root, self.users, self.ports, self.env, self.spawn_timeout_s), encoding="utf-8"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        with self._log.open("wb") as log:
            self.process = subprocess.Popen(
                [_bin("jupyterhub"), "-f", str(config)],
                cwd=self.root,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + HUB_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HubError(f"JupyterHub exited with {self.process.returncode}\n{self.log_tail()}")
            with contextlib.suppress(requests.ConnectionError):
                if self.http.get(f"{self.url}hub/api/", timeout=5).status_code == 200:
                    return self
            time.sleep(0.2)
        raise HubError(f"JupyterHub did not answer in {HUB_START_TIMEOUT_S:.0f} s\n{self.log_tail()}")

    def learner(self, name: str) -> Learner:
        """A learner of this hub (one of ``users``), not logged in yet."""
        if name not in self.users:
            raise HubError(f"{name!r} is not a learner of this hub ({self.users})")
        return Learner(self, name)

    def processes(self) -> list[psutil.Process]:
        """The hub and every process below it (proxy, learners' servers, kernels), remembered so
        :meth:`stop` can end them even after the hub itself is gone."""
        if self.process is None:
            return []
        with contextlib.suppress(psutil.Error):
            hub = psutil.Process(self.process.pid)
            for proc in [hub, *hub.children(recursive=True)]:
                self._seen.setdefault(proc.pid, proc)
        return [proc for proc in self._seen.values() if proc.is_running()]

    def server_processes(self, name: str) -> list[psutil.Process]:
        """Learner ``name``'s single-user server and its kernels."""
        found = []
        for proc in self.processes():
            with contextlib.suppress(psutil.Error):
                if proc.environ().get("JUPYTERHUB_USER") == name and "jupyterhub-singleuser" in " ".join(
                    proc.cmdline()
                ):
                    found = [proc, *proc.children(recursive=True)]
                    break
        return found

    def own_rss_mb(self) -> float:
        """Resident memory of the hub and its proxy (not the learners' servers), in MB."""
        learners = {proc.pid for name in self.users for proc in self.server_processes(name)}
        total = 0
        for proc in self.processes():
            with contextlib.suppress(psutil.Error):
                if proc.pid not in learners:
                    total += proc.memory_info().rss
        return total / 1e6

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the hub's log (for error messages)."""
        try:
            text = self._log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the hub (it stops the servers and the proxy), then end whatever is left, then remove
        the temporary folder."""
        procs = self.processes()
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=20)
        for proc in procs:
            with contextlib.suppress(psutil.Error):
                proc.terminate()
        _, alive = psutil.wait_procs(procs, timeout=5)
        for proc in alive:
            with contextlib.suppress(psutil.Error):
                proc.kill()
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> LocalHub:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None:  # keep the hub's log (servers and kernels log there too)
            with contextlib.suppress(OSError):
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                shutil.copy(self._log, ARTIFACTS / f"jupyterhub-{time.strftime('%Y%m%d-%H%M%S')}.log")
        self.stop()


def bare_clone(source: Path, parent: Path, name: str) -> Path:
    """A bare git clone of ``source`` (its committed HEAD) at ``parent/name``: the class's course
    repository, as a hub would reach it on GitHub."""
    target = parent / name
    subprocess.run(["git", "clone", "--quiet", "--bare", str(source), str(target)], check=True)
    return target


# --------------------------------------------------------------------------------------------
# Strict nbval's comparison, applied to outputs that came through a learner's server
# --------------------------------------------------------------------------------------------

#: Output keys strict nbval does not compare (nbval's own list, and images: the course runs nbval
#: without nbdime, which leaves PNG/JPEG out too).
NBVAL_SKIP_COMPARE = (
    "metadata",
    "traceback",
    "prompt_number",
    "output_type",
    "name",
    "execution_count",
    "application/vnd.jupyter.widget-view+json",
    "image/png",
    "image/jpeg",
)


def nbval_options(cell: dict[str, Any]) -> dict[str, bool]:
    """nbval's options for a code cell from its tags and comment markers (``check``: compare the
    outputs; ``skip``: do not run it)."""
    from nbval.plugin import find_comment_markers, find_metadata_tags

    options = dict(find_metadata_tags(cell.get("metadata", {})))
    options.update(dict(find_comment_markers(_text(cell.get("source", "")))))
    options.setdefault("check", True)
    return options


def _text(value: Any) -> Any:
    return "".join(value) if isinstance(value, list) else value


def comparable(
    outputs: Sequence[dict[str, Any]], patterns: Sequence[tuple[str, str]]
) -> dict[str, list[Any]]:
    """Outputs as strict nbval compares them: streams merged by name, every compared key (MIME types
    flattened) mapped to its sanitized values, in order."""
    import nbformat
    from nbval.plugin import coalesce_streams, transform_streams_for_comparison

    def sanitize(value: Any) -> Any:
        value = _text(value)
        if isinstance(value, str):
            for regex, replace in patterns:
                value = re.sub(regex, replace, value)
        return value

    nodes = [nbformat.from_dict(json.loads(json.dumps(out))) for out in outputs]
    for node in nodes:
        if node.get("output_type") == "stream":
            node["text"] = _text(node["text"])
    flat: dict[str, list[Any]] = {}
    for out in transform_streams_for_comparison(coalesce_streams(nodes)):
        for key, value in out.items():
            if key in NBVAL_SKIP_COMPARE:
                continue
            if key == "data":
                for mime, data in value.items():
                    if mime not in NBVAL_SKIP_COMPARE:
                        flat.setdefault(mime, []).append(sanitize(data))
            else:
                flat.setdefault(key, []).append(sanitize(value))
    return flat


def sanitize_patterns(path: Path) -> list[tuple[str, str]]:
    """The (regex, replacement) pairs of an nbval sanitize file (tests/nbval_sanitize.cfg)."""
    from nbval.plugin import get_sanitize_patterns

    return get_sanitize_patterns(path.read_text(encoding="utf-8"))


@dataclass
class NotebookRun:
    """A notebook run cell by cell through a learner's kernel: per code cell, the stored cell and
    what came back (``None`` for a cell nbval skips)."""

    cells: list[tuple[dict[str, Any], CellRun | None]]

    def mismatches(self, patterns: Sequence[tuple[str, str]]) -> list[str]:
        """Cells whose outputs strict nbval would reject (errors anywhere; differing compared outputs
        in cells it checks), each as ``cell N: ...``."""
        problems = []
        for index, (cell, run) in enumerate(self.cells):
            if run is None:
                continue
            errors = [out for out in run.outputs if out["output_type"] == "error"]
            if errors:
                problems.append(f"cell {index}: {errors[0]['ename']}: {errors[0]['evalue']}")
                continue
            if not nbval_options(cell)["check"] or cell.get("execution_count") is None:
                continue
            got, want = comparable(run.outputs, patterns), comparable(cell.get("outputs", []), patterns)
            if got != want:
                keys = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
                problems.append(
                    f"cell {index}: outputs differ in {keys}: got {str(got)[:300]} want {str(want)[:300]}"
                )
        return problems

    @property
    def cell_ms(self) -> list[float]:
        """Wall milliseconds of every code cell that ran (request sent -> kernel idle)."""
        return [run.ms for _, run in self.cells if run is not None]


def run_notebook(session: KernelSession, notebook: dict[str, Any]) -> NotebookRun:
    """Run every code cell of ``notebook`` in order through ``session`` (Run All), except the cells
    nbval skips."""
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        if nbval_options(cell).get("skip"):
            cells.append((cell, None))
            continue
        cells.append((cell, session.run(_text(cell["source"]))))
    return NotebookRun(cells)


# --------------------------------------------------------------------------------------------
# A class at once: the per-learner cost (tools/bench.py's hub_* lines)
# --------------------------------------------------------------------------------------------

#: The lesson the benchmark's learners run (found by slug in helpers.course.COURSE).
BENCH_LESSON_SLUG = "why_it_works"
#: The folder the class link clones into (the course repository's name, as on GitHub).
COURSE_FOLDER = "influencer-marketing-course"


@dataclass
class LearnerDay:
    """What one learner's start of a lesson cost: seconds from "start my server" to ready and the CPU
    seconds the server used to start, wall milliseconds per code cell (sent -> kernel idle, through
    the proxy and the websocket), Run All's wall seconds, resident memory (MB) of the server alone
    after the pull and of server + kernel after Run All, and the CPU seconds server + kernel used from
    opening the notebook to the end of Run All."""

    name: str
    spawn_s: float
    spawn_cpu_s: float
    cell_ms: list[float]
    run_all_s: float
    idle_rss_mb: float
    rss_mb: float
    cpu_s: float
    problems: list[str]


def _cpu_s(procs: Sequence[psutil.Process]) -> float:
    total = 0.0
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            total += times.user + times.system
    return total


def learner_day(
    hub: LocalHub, name: str, link: str, notebook: str, patterns: Sequence[tuple[str, str]]
) -> LearnerDay:
    """Log ``name`` in, start their server, follow the class link, run ``notebook`` (path relative
    to the course folder) cell by cell; what it cost (:class:`LearnerDay`)."""
    learner = hub.learner(name)
    learner.login()
    spawn_s = learner.spawn()
    spawn_cpu = _cpu_s(hub.server_processes(name))
    learner.follow_link(link)
    idle_rss = learner.rss_mb()
    cpu_before = _cpu_s(hub.server_processes(name))
    path = f"{COURSE_FOLDER}/{notebook}"
    stored = learner.read_notebook(path)
    session = learner.start_kernel(path)
    try:
        t0 = time.perf_counter()
        run = run_notebook(session, stored)
        run_all_s = time.perf_counter() - t0
        rss, cpu = learner.rss_mb(), _cpu_s(hub.server_processes(name)) - cpu_before
    finally:
        session.close()
    return LearnerDay(
        name, spawn_s, spawn_cpu, run.cell_ms, run_all_s, idle_rss, rss, cpu, run.mismatches(patterns)
    )


def simulate_class(
    users: int, notebook: str, env: dict[str, str] | None = None
) -> tuple[list[LearnerDay], float]:
    """``users`` learners at once on a fresh local hub: each logs in, starts a server, follows the
    class link (a bare clone of this checkout) and runs ``notebook``. Returns one :class:`LearnerDay`
    each, and the resident memory (MB) of the hub and its proxy at the end."""
    from hub_link import hub_link

    names = [f"learner{i:02d}" for i in range(1, users + 1)]
    patterns = sanitize_patterns(REPO / "tests" / "nbval_sanitize.cfg")
    with tempfile.TemporaryDirectory(prefix="course-remote-") as remote:
        bare = bare_clone(REPO, Path(remote), COURSE_FOLDER)
        branch = subprocess.run(
            ["git", "symbolic-ref", "--short", "HEAD"], cwd=bare, check=True, capture_output=True, text=True
        ).stdout.strip()
        with LocalHub(names, env=env, spawn_timeout_s=60.0 + 15.0 * users) as hub:
            link = hub_link(hub.url, repo=bare.as_uri(), branch=branch)
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(users) as pool:
                days = list(pool.map(lambda name: learner_day(hub, name, link, notebook, patterns), names))
            return days, hub.own_rss_mb()
