"""Build a virtualenv from environment.yml alone and run every course notebook in it.

Binder (repo2docker) builds the course from ``environment.yml`` and nothing else. mybinder.org cannot
be reached from the test machines, so this script does the closest thing offline: a fresh virtualenv
whose packages come only from environment.yml's pins (turned into pip requirements by
``tools/env_pins.py``) plus its ``pip:`` section (``-e .``), with no test extras and no Makefile
constraints; then every ``notebooks/*.ipynb`` runs top to bottom in that virtualenv's own kernel.

Differences from Binder, on purpose and stated: packages from PyPI instead of conda-forge (same minor
versions), installed by uv as `make test` installs .venv (pip when uv is missing or fails). The
interpreter is Python 3.12 as on Binder when one is installed here (``python3.12`` on PATH, or under
pyenv's versions), else the interpreter running this script; the output says which.

The virtualenv is cached in ``build/binder-venv`` and reused while environment.yml, pyproject.toml,
tools/env_pins.py, the interpreter and the checkout path are unchanged.

Usage::

    python tools/binder_env.py                 # build (or reuse) the venv, run every notebook
    python tools/binder_env.py --rebuild       # build from scratch even when the cache is valid
    python tools/binder_env.py --venv DIR      # use another folder for the virtualenv
    python tools/binder_env.py --kernelspec DIR  # build (or reuse) the venv, then write its kernelspec
                                                 # (DIR/kernels/course-binder) instead of running notebooks

``make test`` uses the last form: strict nbval runs every notebook in the Binder-like virtualenv's kernel
(``--nbval-kernel-name course-binder``), so one run of each notebook proves both that its stored outputs
are reproduced and that it runs in what Binder would build. The root ``conftest.py`` starts the build in
the background when the run begins and holds each notebook until the kernelspec is there.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
ENVIRONMENT_YML = ROOT / "environment.yml"
NOTEBOOKS = ROOT / "notebooks"
DEFAULT_VENV = ROOT / "build" / "binder-venv"
#: File inside a virtualenv built by this script; its content is the cache key.
MARKER = ".binder-env-key"
#: Files whose content decides whether a cached virtualenv is still valid.
KEY_FILES = ("environment.yml", "pyproject.toml", "tools/env_pins.py")
#: pip output that means PyPI (or the configured index) could not be reached.
_NETWORK_SIGNS = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "Connection refused",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "Could not fetch URL",
    "ProxyError",
)


def _load_tool(name: str) -> ModuleType:
    """A sibling module of tools/ (by path: tests load this file by path, without tools/ on sys.path)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


env_pins = _load_tool("env_pins")
#: Environment of the notebook kernels: the course's warning policy, as in `make test` and notebook builds.
KERNEL_ENV = {
    "PYTHONHASHSEED": "0",
    "PYTHONWARNINGS": _load_tool("warning_policy").PYTHONWARNINGS,
}


#: Name of the kernelspec of the Binder-like virtualenv (``--nbval-kernel-name`` in ``make test``).
KERNEL_NAME = "course-binder"
#: In a kernelspec folder: written when the build failed (its text says why).
FAILED_FILE = "failed.txt"


class BinderEnvError(RuntimeError):
    """The Binder-like environment could not be built or used; the message says what to do."""


# --------------------------------------------------------------------------- reading environment.yml


def pip_section(text: str) -> list[str]:
    """Entries of the ``- pip:`` list inside ``dependencies`` (e.g. ``["-e ."]``), in file order."""
    entries: list[str] = []
    pip_indent: int | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if pip_indent is None:
            if re.match(r"^\s*-\s+pip:\s*$", line):
                pip_indent = indent
            continue
        if indent <= pip_indent:
            break
        m = re.match(r"^\s*-\s+(.+?)\s*(#.*)?$", line)
        if m:
            entries.append(m.group(1))
    return entries


def python_pin(text: str) -> str:
    """The ``python=X.Y`` version environment.yml asks for (``""`` when it names none)."""
    return env_pins.conda_pins(text).get("python", "")


def pip_install_args(text: str, root: Path = ROOT) -> list[str]:
    """Arguments for one ``pip install`` that mirrors environment.yml.

    Conda pins become ``name==X.Y.*`` (via tools/env_pins.py; python and pip are skipped there);
    ``pip:`` entries are passed on, with a local path (``-e .``) made absolute against ``root``.
    """
    args = list(env_pins.pip_requirements(text))
    for entry in pip_section(text):
        editable = re.fullmatch(r"-e\s+(\S+)", entry)
        if editable:
            args += ["-e", str((root / editable.group(1)).resolve())]
        elif entry.startswith("-"):
            raise BinderEnvError(
                f"environment.yml's pip section has {entry!r}; this script understands package names "
                "and '-e <path>' only. Put the option into a package name or extend pip_install_args()."
            )
        else:
            args.append(entry)
    return args


def pip_self_requirement(text: str) -> str | None:
    """The pip version environment.yml pins (``pip=25`` -> ``pip==25.*``), or None when unpinned."""
    version = env_pins.conda_pins(text).get("pip")
    return f"pip=={version}.*" if version else None


# --------------------------------------------------------------------------- the virtualenv


def _interpreter_version(python: str) -> str | None:
    """X.Y of an interpreter, or None when it does not run (e.g. a pyenv shim without that version)."""
    try:
        proc = subprocess.run(
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except OSError:
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def python_candidates(wanted: str) -> list[str]:
    """Interpreters that may be Python ``wanted`` (X.Y): ``python<wanted>`` on PATH, then pyenv's.

    pyenv puts a ``python3.12`` shim on PATH that fails unless 3.12 is pyenv's selected version, so
    the interpreters under ``$PYENV_ROOT/versions/<wanted>.*`` are tried too (newest patch first).
    """
    if not wanted:
        return []
    found = [p for p in (shutil.which(f"python{wanted}"),) if p]
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")

    def patch(path: Path) -> tuple[int, ...]:
        version = path.parents[1].name.removeprefix(f"{wanted}.")
        return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)

    versions = sorted(pyenv_root.glob(f"versions/{wanted}.*/bin/python{wanted}"), key=patch, reverse=True)
    found += [str(p) for p in versions if str(p) not in found]
    return found


def choose_python(wanted: str) -> tuple[str, str]:
    """(interpreter, its X.Y): Python ``wanted`` when one runs here, else the base of this interpreter."""
    for candidate in python_candidates(wanted):
        if _interpreter_version(candidate) == wanted:
            return candidate, wanted
    # the interpreter this one was made from, so running from .venv or from python3 gives one cache
    base = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    return base, f"{sys.version_info.major}.{sys.version_info.minor}"


def cache_key(python: str, root: Path = ROOT) -> str:
    """Hex digest of everything that decides what the virtualenv contains."""
    digest = hashlib.sha256()
    for name in KEY_FILES:
        digest.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    version = subprocess.run(
        [python, "-c", "import sys; print(sys.version)"], capture_output=True, text=True, check=True
    ).stdout
    digest.update(f"{python}\0{version}\0{root.resolve()}".encode())
    return digest.hexdigest()


def tool_env() -> dict[str, str]:
    """Environment for pip and the Jupyter tools: ours, minus strict warning filters meant for our code.

    ``make test`` exports PYTHONWARNINGS=error::...; third-party tools must not die of their own
    deprecations. The notebook kernels get the strict filters back (KERNEL_ENV).
    """
    return {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}


def venv_python(venv: Path) -> Path:
    """The interpreter inside a virtualenv (POSIX layout)."""
    return venv / "bin" / "python"


@dataclass
class BuildResult:
    """What build_venv did: the folder, whether the cache was reused, and seconds spent."""

    venv: Path
    reused: bool
    seconds: float
    python_version: str
    wanted_python: str
    log: list[str] = field(default_factory=list)


def _run_pip(python: Path, args: list[str], log: list[str], *, via: Path | None = None) -> None:
    """``pip install args`` into ``python``'s environment, with that environment's pip, or with the pip
    of the interpreter ``via`` (``pip --python``: how pip upgrades itself without replacing its own
    files while it runs, which can fail half-way)."""
    runner = [str(via), "-m", "pip", "--python", str(python)] if via else [str(python), "-m", "pip"]
    cmd = [*runner, "install", "--disable-pip-version-check", "--no-input", *args]
    log.append("$ " + " ".join(cmd))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=tool_env())
    log.append(proc.stdout[-4000:] + proc.stderr[-4000:])
    if proc.returncode == 0:
        return
    output = proc.stdout + proc.stderr
    if any(sign in output for sign in _NETWORK_SIGNS):
        raise BinderEnvError(
            "pip could not reach the package index (PyPI) to install environment.yml's pins. "
            "This check needs PyPI (or a mirror set with PIP_INDEX_URL); connect and run it again.\n"
            + output[-3000:]
        )
    if "(from versions: none)" in output:
        raise BinderEnvError(
            "pip found no release at all of a package environment.yml pins: either the package index "
            "(PyPI) cannot be reached from here (connect, or set PIP_INDEX_URL to a mirror) or a name "
            "in environment.yml has no PyPI counterpart (add it to CONDA_TO_PIP in tools/env_pins.py).\n"
            f"command: {' '.join(cmd)}\n" + output[-3000:]
        )
    raise BinderEnvError(
        "pip could not install environment.yml's pins into a fresh virtualenv: a pin may not exist "
        "on PyPI for this Python, or two pins may conflict. Fix the pin in environment.yml.\n"
        f"command: {' '.join(cmd)}\n" + output[-3000:]
    )


def _uv() -> Path | None:
    """uv beside this interpreter (``make test-deps`` installs it into .venv) or on PATH; None without."""
    beside = Path(sys.executable).parent / "uv"
    found = beside if beside.is_file() else shutil.which("uv")
    return Path(found) if found else None


def _install(python: Path, args: list[str], log: list[str]) -> None:
    """Install ``args`` (pip requirement syntax) into ``python``'s environment: with uv when there is one
    (the same pins from the same index, resolved the same way, as `make test` installs .venv: seconds
    instead of minutes), else - or if uv fails, e.g. an index only pip is set up for - with pip.
    ``BINDER_ENV_INSTALLER=pip`` uses pip alone."""
    uv = _uv()
    if uv is not None and os.environ.get("BINDER_ENV_INSTALLER", "uv") != "pip":
        cmd = [str(uv), "pip", "install", "--quiet", "--python", str(python), *args]
        log.append("$ " + " ".join(cmd))
        proc = subprocess.run(cmd, capture_output=True, text=True, env=tool_env())
        log.append(proc.stdout[-4000:] + proc.stderr[-4000:])
        if proc.returncode == 0:
            return
        log.append("uv could not install the pins (above): the same install with pip")
    _run_pip(python, args, log)


def build_venv(
    venv: Path = DEFAULT_VENV, *, rebuild: bool = False, root: Path = ROOT, only_binary: bool = True
) -> BuildResult:
    """Create (or reuse) a virtualenv holding exactly what environment.yml asks for.

    A folder is only ever deleted when it carries this script's marker file, so a folder the user
    made is never overwritten: the call fails with a message instead.
    """
    start = time.perf_counter()
    text = (root / "environment.yml").read_text(encoding="utf-8")
    wanted = python_pin(text)
    python, version = choose_python(wanted)
    key = cache_key(python, root)
    marker = venv / MARKER
    log: list[str] = []
    if not rebuild and marker.is_file() and marker.read_text() == key and venv_python(venv).exists():
        return BuildResult(venv, True, time.perf_counter() - start, version, wanted, log)
    if venv.exists():
        if not marker.is_file():
            raise BinderEnvError(
                f"{venv} exists but was not made by tools/binder_env.py; move it away or pass --venv "
                "with another folder (nothing is deleted that this script did not create)."
            )
        shutil.rmtree(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([python, "-m", "venv", str(venv)], check=True, capture_output=True, env=tool_env())
    marker.write_text("incomplete")  # marks the folder as ours before anything can fail
    py = venv_python(venv)
    pip_pin = pip_self_requirement(text)
    if pip_pin:
        _run_pip(py, [pip_pin], log, via=Path(sys.executable))
    _install(py, [*(["--only-binary", ":all:"] if only_binary else []), *pip_install_args(text, root)], log)
    marker.write_text(key)
    return BuildResult(venv, False, time.perf_counter() - start, version, wanted, log)


# --------------------------------------------------------------------------- inside the virtualenv


def jupyter_extensions(venv: Path) -> dict[str, str]:
    """Labextension name -> status text (e.g. ``"enabled OK"``) as the venv's jupyter reports them."""
    proc = subprocess.run(
        [str(venv / "bin" / "jupyter"), "labextension", "list"],
        capture_output=True,
        text=True,
        env={**tool_env(), "NO_COLOR": "1"},
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)
    found: dict[str, str] = {}
    for m in re.finditer(r"^\s+(\S+) v\S+ (enabled|disabled)\s+(OK|X)\b", text, re.M):
        found[m.group(1)] = f"{m.group(2)} {m.group(3)}"
    return found


@dataclass
class NotebookRun:
    """One executed notebook: name, seconds, and the error outputs it produced (empty when clean)."""

    name: str
    seconds: float
    errors: list[str]


def run_notebooks(
    venv: Path,
    notebooks: list[Path],
    output_dir: Path | None = None,
    timeout: int = 300,
    total_timeout: int = 1800,
) -> tuple[str, list[NotebookRun]]:
    """Execute ``notebooks`` with the venv's own python and kernel; (kernel's sys.prefix, runs).

    ``timeout`` is seconds per cell, ``total_timeout`` seconds for all notebooks together. Executed
    copies go to ``output_dir`` when given (never over the stored notebooks).
    """
    cmd = [str(venv_python(venv)), str(Path(__file__).resolve()), "--execute-here", "--timeout", str(timeout)]
    if output_dir is not None:
        cmd += ["--output-dir", str(output_dir)]
    proc = subprocess.run(
        [*cmd, *map(str, notebooks)], capture_output=True, text=True, timeout=total_timeout, env=tool_env()
    )
    if proc.returncode != 0:
        raise BinderEnvError(
            f"the notebook runner failed inside {venv} (exit {proc.returncode}):\n{proc.stderr[-3000:]}"
        )
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    runs = [NotebookRun(r["name"], r["seconds"], r["errors"]) for r in report["runs"]]
    return report["kernel_prefix"], runs


def _execute_here(paths: list[str], timeout: int, output_dir: str | None) -> int:
    """Runs inside the Binder-like venv: execute notebooks with nbclient, print one JSON line."""
    import nbformat  # only inside the venv under test
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    # Set after this process started, so only the kernels get the strict warnings.
    os.environ.update(KERNEL_ENV)
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")])
    NotebookClient(probe, timeout=60, kernel_name="python3").execute()
    kernel_prefix = probe.cells[0].outputs[0]["text"].strip()

    runs = []
    for path in map(Path, paths):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(path.parent)}},
        )
        start = time.perf_counter()
        errors: list[str] = []
        try:
            client.execute()
        except (CellTimeoutError, DeadKernelError) as exc:
            errors.append(f"{type(exc).__name__}: {str(exc)[:500]}")
        for index, cell in enumerate(nb.cells):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    errors.append(f"cell {index}: {out.get('ename')}: {out.get('evalue')}")
        runs.append({"name": path.name, "seconds": round(time.perf_counter() - start, 2), "errors": errors})
        if output_dir:
            Path(output_dir).mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, Path(output_dir) / path.name)
    print(json.dumps({"kernel_prefix": kernel_prefix, "runs": runs}))
    return 0


# --------------------------------------------------------------------------- the venv as a kernel


def kernelspec_file(folder: Path) -> Path:
    """Where :func:`write_kernelspec` puts the kernelspec (a folder on JUPYTER_PATH finds it)."""
    return folder / "kernels" / KERNEL_NAME / "kernel.json"


def write_kernelspec(venv: Path, folder: Path) -> Path:
    """Write a kernelspec that starts the venv's own ipykernel, with the course's kernel environment.

    Written to a temporary name and renamed, so a reader never sees half a file.
    """
    spec = {
        "argv": [str(venv_python(venv)), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (Binder-like virtualenv)",
        "language": "python",
        "env": KERNEL_ENV,
        "metadata": {"venv": str(venv)},
    }
    target = kernelspec_file(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(".kernel.json.partial")
    partial.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    partial.replace(target)
    return target


def build_kernelspec(folder: Path, venv: Path = DEFAULT_VENV) -> int:
    """Build (or reuse) the venv and write its kernelspec into ``folder``; on failure write
    ``folder/failed.txt`` with the reason (for the tests that wait for it) and return 1."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        build = build_venv(venv)
    except (BinderEnvError, OSError, subprocess.SubprocessError) as exc:
        (folder / FAILED_FILE).write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
        print(f"the Binder-like virtualenv could not be built: {exc}", file=sys.stderr)
        return 1
    path = write_kernelspec(build.venv, folder)
    state = "reused" if build.reused else "built"
    print(f"virtualenv {state} in {build.seconds:.1f} s: {build.venv}; kernelspec {path}")
    return 0


def wait_for_kernelspec(folder: Path, pid: int | None, timeout_s: float = 900) -> Path:
    """The venv of the kernelspec in ``folder`` once its build (process ``pid``) has written it.

    Raises BinderEnvError with the build's reason when it failed, stopped without a kernelspec,
    or took longer than ``timeout_s``.
    """
    deadline = time.monotonic() + timeout_s
    spec = kernelspec_file(folder)
    while True:
        if spec.is_file():
            return Path(json.loads(spec.read_text(encoding="utf-8"))["metadata"]["venv"])
        failed = folder / FAILED_FILE
        if failed.is_file():
            raise BinderEnvError(failed.read_text(encoding="utf-8"))
        if pid is not None and not _alive(pid):
            if spec.is_file():
                continue
            raise BinderEnvError(
                f"the build of the Binder-like virtualenv (process {pid}) stopped without writing "
                f"{spec}; run `python tools/binder_env.py --kernelspec /tmp/k` to see why"
            )
        if time.monotonic() > deadline:
            raise BinderEnvError(f"the Binder-like virtualenv was not ready after {timeout_s:.0f} s")
        time.sleep(0.2)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a finished child that nobody waited for counts as stopped)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="virtualenv folder (cached)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild even when the cache is valid")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per notebook cell")
    parser.add_argument("--output-dir", help="write executed copies of the notebooks here")
    parser.add_argument(
        "--kernelspec", type=Path, help="build the venv and write its kernelspec here; run no notebook"
    )
    parser.add_argument("--execute-here", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("notebooks", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.execute_here:
        return _execute_here(args.notebooks, args.timeout, args.output_dir)
    if args.kernelspec is not None:
        return build_kernelspec(args.kernelspec, args.venv)

    build = build_venv(args.venv, rebuild=args.rebuild)
    state = "reused" if build.reused else "built"
    print(f"virtualenv {state} in {build.seconds:.1f} s: {build.venv} (Python {build.python_version})")
    if build.python_version != build.wanted_python:
        print(f"note: environment.yml asks for python={build.wanted_python}; not installed here")
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    prefix, runs = run_notebooks(build.venv, notebooks, Path(args.output_dir) if args.output_dir else None)
    print(f"kernel sys.prefix: {prefix}")
    for run in runs:
        print(f"{run.seconds:7.1f} s  {run.name}  {'OK' if not run.errors else run.errors}")
    return 1 if any(run.errors for run in runs) else 0


if __name__ == "__main__":
    raise SystemExit(main())
