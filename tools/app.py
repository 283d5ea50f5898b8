"""One widget lab full screen, without code, in Voilà (app mode for a projector).

    make app LAB=budget-planner            # or: .venv/bin/python tools/app.py budget-planner
    .venv/bin/python tools/app.py --list   # the lab names
    .venv/bin/python tools/app.py budget-planner --no-browser
    .venv/bin/python tools/app.py --write-apps   # regenerate apps/ from the lab registry

The server is Voilà on 127.0.0.1 (this machine only) on a free port, with a random token in the
printed URL. It serves ``apps/<lab>.ipynb`` with the course's ``course-app`` template
(``tools/voila_template/``: Voilà's lab template without its CDN stylesheets, so nothing is
fetched from the internet). A browser opens on that URL when this machine has a graphical one;
otherwise open the printed URL yourself. Ctrl+C stops the server (and its kernel).

Exit status: 0 after a clean stop or a successful --write-apps/--list, 1 when the server could not
start or apps/ is out of date, 2 for a missing or unknown lab name.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import webbrowser
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APPS = REPO / "apps"
#: A Jupyter data folder holding ``voila/templates/course-app`` (added to JUPYTER_PATH for Voilà).
TEMPLATE_ROOT = REPO / "tools" / "voila_template"
TEMPLATE = "course-app"
HOST = "127.0.0.1"
#: Seconds to wait for Voilà to listen (it imports Jupyter's server stack first).
START_TIMEOUT_S = 60.0

try:
    from helpers import app_links
except ModuleNotFoundError as err:  # pragma: no cover - depends on how the script is started
    raise SystemExit(
        f"tools/app.py needs the course's `helpers` package ({err}). Run it with the course "
        "environment: `make app LAB=<lab>` or `.venv/bin/python tools/app.py <lab>`."
    ) from err


# --------------------------------------------------------------------------------------------
# apps/: one generated notebook per registered lab
# --------------------------------------------------------------------------------------------


def expected_apps() -> dict[str, str]:
    """File name -> exact text of every app notebook the lab registry calls for."""
    return {f"{name}.ipynb": app_links.app_notebook_text(name) for name in app_links.lab_names()}


def apps_problems(apps_dir: Path = APPS) -> list[str]:
    """What differs between ``apps_dir`` and the registry (empty when they match)."""
    expected = expected_apps()
    present = {p.name for p in apps_dir.glob("*.ipynb")} if apps_dir.is_dir() else set()
    problems = [f"missing: {apps_dir.name}/{name}" for name in sorted(set(expected) - present)]
    problems += [f"no such lab: {apps_dir.name}/{name}" for name in sorted(present - set(expected))]
    problems += [
        f"out of date: {apps_dir.name}/{name}"
        for name in sorted(present & set(expected))
        if (apps_dir / name).read_text(encoding="utf-8") != expected[name]
    ]
    return problems


def _generated(path: Path) -> bool:
    """True when ``path`` is an app notebook this script wrote (so it may be replaced or removed)."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return False
    return meta.get("course_app", {}).get("generated_by") == app_links.GENERATOR


def write_apps(apps_dir: Path = APPS) -> list[str]:
    """Bring ``apps_dir`` in line with the registry; returns what changed.

    Writes missing and out-of-date app notebooks and removes those of labs that no longer exist.
    A notebook in ``apps_dir`` that this script did not write is never overwritten or removed.
    """
    apps_dir.mkdir(exist_ok=True)
    changes: list[str] = []
    expected = expected_apps()
    for name, text in expected.items():
        target = apps_dir / name
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        if target.exists() and not _generated(target):
            raise SystemExit(f"{target} was not written by tools/app.py; move it away, then run again.")
        changes.append(("updated " if target.exists() else "wrote ") + f"{apps_dir.name}/{name}")
        target.write_text(text, encoding="utf-8")
    for stale in sorted(p for p in apps_dir.glob("*.ipynb") if p.name not in expected):
        if _generated(stale):
            stale.unlink()
            changes.append(f"removed {apps_dir.name}/{stale.name} (no such lab)")
    return changes


# --------------------------------------------------------------------------------------------
# Serving one lab
# --------------------------------------------------------------------------------------------


def free_port(host: str = HOST) -> int:
    """A TCP port on ``host`` that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def voila_argv(notebook: Path, port: int) -> list[str]:
    """The Voilà command serving ``notebook`` alone on 127.0.0.1:``port`` with the course template.

    The token is not on the command line (any user of the machine can read that with ``ps``):
    ``--Voila.auto_token=True`` makes Jupyter's identity provider read it from the file named by
    ``JUPYTER_TOKEN_FILE`` (see :func:`voila_env` and :func:`write_token_file`).
    """
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        "--no-browser",
        f"--Voila.ip={HOST}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        "--Voila.auto_token=True",
        f"--template={TEMPLATE}",
        "--theme=light",
        # Only the page Voila renders; the URL cannot ask for another template or theme.
        "--VoilaConfiguration.allow_template_override=NO",
    ]


def voila_env(base: dict[str, str] | None = None, token_file: Path | None = None) -> dict[str, str]:
    """Environment for Voilà: the course template folder first on JUPYTER_PATH, the token's file.

    ``JUPYTER_TOKEN_FILE`` names ``token_file``; an inherited ``JUPYTER_TOKEN`` is dropped (Jupyter
    would prefer it to the file).
    """
    env = dict(os.environ if base is None else base)
    rest = env.get("JUPYTER_PATH", "")
    env["JUPYTER_PATH"] = str(TEMPLATE_ROOT) + (os.pathsep + rest if rest else "")
    env.pop("JUPYTER_TOKEN", None)
    env.pop("JUPYTER_TOKEN_FILE", None)
    if token_file is not None:
        env["JUPYTER_TOKEN_FILE"] = str(token_file)
    return env


def write_token_file(folder: Path, token: str) -> Path:
    """Write ``token`` (no newline) to a new file in ``folder`` readable by this user only (0600)."""
    path = folder / "voila-token"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(token)
    return path


def app_url(port: int, token: str) -> str:
    """The page Voilà serves in single-notebook mode (the token logs the browser in)."""
    return f"http://{HOST}:{port}/?token={token}"


def wait_listening(proc: subprocess.Popen[bytes], port: int, timeout_s: float = START_TIMEOUT_S) -> bool:
    """Wait until something accepts connections on 127.0.0.1:``port``; False if ``proc`` ended first."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.5):
            return True
        time.sleep(0.2)
    return False


def graphical_browser() -> webbrowser.BaseBrowser | None:
    """The default browser when one can open a window here, else None (no terminal browsers)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return None
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return None
    console = {"www-browser", "links", "elinks", "lynx", "w3m"}
    return None if getattr(browser, "name", "") in console else browser


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Ask Voilà to stop (it shuts its kernel down), then insist."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def announce(title: str, url: str, open_browser: bool) -> None:
    """Print the URL (first, for scripts and tests), then open a browser when there is one."""
    print(f"\n{title}\n  full screen, no code: {url}\n", flush=True)
    browser = graphical_browser() if open_browser else None
    if browser is not None:
        browser.open(url, new=2)
    elif open_browser:
        print("  (no graphical browser found here: open the URL above yourself)")
    print("  F11 in the browser fills the screen. Ctrl+C here stops the app.\n", flush=True)


class Interrupted(Exception):
    """SIGTERM arrived: stop Voila like Ctrl+C does."""


def _interrupt(_signum: int, _frame: object) -> None:
    raise Interrupted


def run_voila(notebook: Path, title: str, open_browser: bool) -> int | None:
    """Start Voila on a free port and wait for it to end; None when it could not listen (port taken)."""
    port, token = free_port(), secrets.token_urlsafe(24)
    # The token goes through a file only this user can read (0600 in a 0700 temporary folder),
    # never on the command line; the folder is removed when the server has ended.
    with tempfile.TemporaryDirectory(prefix="course-app-") as private:
        token_file = write_token_file(Path(private), token)
        proc = subprocess.Popen(voila_argv(notebook, port), cwd=APPS, env=voila_env(token_file=token_file))
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            if not wait_listening(proc, port):
                if proc.poll() is not None:
                    return None
                stop(proc)
                print(
                    f"error: Voila did not listen on {HOST}:{port} within {START_TIMEOUT_S:.0f} s.",
                    file=sys.stderr,
                )
                return 1
            announce(title, app_url(port, token), open_browser)
            code = proc.wait()
            return 0 if code in (0, -signal.SIGTERM, -signal.SIGINT) else code
        except (KeyboardInterrupt, Interrupted):
            stop(proc)
            return 0


def serve(lab: str, *, open_browser: bool = True) -> int:
    """Serve lab ``lab`` until Ctrl+C (or SIGTERM); returns the exit status."""
    stale = [p for p in apps_problems(APPS) if p.endswith(f"/{lab}.ipynb")]
    if stale:
        print(
            f"error: {stale[0]}. Regenerate the app notebooks: .venv/bin/python tools/app.py --write-apps",
            file=sys.stderr,
        )
        return 1
    for _attempt in range(3):  # the free port can be taken in between: try another
        status = run_voila(APPS / f"{lab}.ipynb", app_links.LABS[lab].title, open_browser)
        if status is not None:
            return status
    print("error: Voila could not start (see its messages above).", file=sys.stderr)
    return 1


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tools/app.py",
        description="Show one widget lab full screen, without code, in Voila (app mode).",
        epilog="Lab names: " + ", ".join(app_links.lab_names()),
    )
    parser.add_argument("lab", nargs="?", help="the lab to show, e.g. budget-planner")
    parser.add_argument("--no-browser", action="store_true", help="only print the URL")
    parser.add_argument("--list", action="store_true", help="print the lab names and exit")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write-apps", action="store_true", help="regenerate apps/ from the lab registry")
    group.add_argument("--check-apps", action="store_true", help="exit 1 when apps/ is out of date")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        for name in app_links.lab_names():
            print(f"{name:24} {app_links.LABS[name].title}")
        return 0
    if args.write_apps:
        for change in write_apps() or ["apps/ already matches the lab registry"]:
            print(change)
        return 0
    if args.check_apps:
        problems = apps_problems()
        for problem in problems:
            print(problem)
        if problems:
            print("Regenerate them: .venv/bin/python tools/app.py --write-apps")
        return 1 if problems else 0
    try:
        lab = app_links.check_lab_name(args.lab)
    except app_links.UnknownLabError as err:
        print(f"error: {err}\nExample: make app LAB=budget-planner", file=sys.stderr)
        return 2
    if importlib.util.find_spec("voila") is None:
        print(
            "error: Voila is not installed in this Python environment. It is pinned in environment.yml: "
            "run `make app LAB=<lab>` (installs it into .venv) or `pip install voila`.",
            file=sys.stderr,
        )
        return 1
    return serve(lab, open_browser=not args.no_browser)


if __name__ == "__main__":
    sys.exit(main())
