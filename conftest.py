"""Repository-wide pytest setup: no test and no notebook run writes a learner's real progress file.

Every passed check is recorded by :mod:`helpers.progress` in the file named by ``COURSE_PROGRESS_FILE``
(default: ``.course_progress.json`` in the course folder). Unless that variable is already set, this
points it into a temporary folder for the whole run, and at a fresh, empty file for each test file and
each notebook, so tests do not see each other's passes and ``00_start_here``'s progress overview is the
same on every run. Kernels started by nbval and the browser tests' servers inherit the variable.

Parallel runs (``make test`` runs ``pytest -n auto --dist loadscope``, pytest-xdist): each worker makes
its own temporary folder (the variable it inherits from the controlling process is replaced), and the
tests are handed out in work units that keep together what must stay together: a file (a notebook's
nbval cells share one kernel), or for the browser tests of ``test_jupyterlab.py`` one notebook (its
module-scoped run); the units that take longest (the Binder-like virtualenv, then the browser tests,
then the notebooks) are handed out first. Each worker starts its own JupyterLab/Voila servers on free
ports and its own Chromium.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

PROGRESS_ENV = "COURSE_PROGRESS_FILE"  # helpers.progress.ENV_VAR (not imported: keep startup light)
#: Set beside PROGRESS_ENV when this file pointed it, so a pytest-xdist worker (which inherits the
#: controlling process's environment) knows to make its own folder instead of sharing one file.
SET_BY_PYTEST_ENV = "COURSE_PROGRESS_FILE_SET_BY_PYTEST"
TABLE_CACHE_ENV = "INFLUENCER_COURSE_CACHE"  # helpers.data.CACHE_ENV


@dataclass
class _Isolation:
    """The temporary folder of this run and the test file whose progress file is current."""

    folder: Path
    count: int = 0
    current: Path | None = None

    def fresh_file(self) -> None:
        """Point the variable at a new, empty progress file (a new sub-folder, the usual name)."""
        sub = self.folder / str(self.count)
        self.count += 1
        sub.mkdir()
        os.environ[PROGRESS_ENV] = str(sub / ".course_progress.json")


_isolation: _Isolation | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Point ``COURSE_PROGRESS_FILE`` into a temporary folder unless the caller set it."""
    global _isolation
    _start_units_folder(config)
    _start_binder_kernel(config)
    if os.environ.get(PROGRESS_ENV, "").strip() and not os.environ.get(SET_BY_PYTEST_ENV):
        return
    _isolation = _Isolation(Path(tempfile.mkdtemp(prefix="course-progress-")))
    _isolation.fresh_file()
    os.environ[SET_BY_PYTEST_ENV] = "1"
    # helpers.data's parsed-table cache: in this run's folder (shared by its workers and kernels), not
    # in the user's ~/.cache
    if not os.environ.get(TABLE_CACHE_ENV, "").strip():
        os.environ[TABLE_CACHE_ENV] = str(_isolation.folder / "table-cache")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """A fresh progress file for each test file and each notebook (before nbval starts its kernel)."""
    if item.path.suffix == ".ipynb":
        wait_for_binder_kernel(item.config)
    if _isolation is None or item.path == _isolation.current:
        return
    _isolation.current = item.path
    _isolation.fresh_file()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the temporary folder and the variable this file set."""
    global _isolation
    if _isolation is not None:
        os.environ.pop(PROGRESS_ENV, None)
        os.environ.pop(SET_BY_PYTEST_ENV, None)
        if os.environ.get(TABLE_CACHE_ENV, "").startswith(str(_isolation.folder)):
            os.environ.pop(TABLE_CACHE_ENV, None)
        shutil.rmtree(_isolation.folder, ignore_errors=True)
        _isolation = None


# --------------------------------------------------------------------------------------------
# The notebooks' kernel in `make test`: the Binder-like virtualenv (tools/binder_env.py)
# --------------------------------------------------------------------------------------------

#: Set by the controlling process when the notebooks run in the Binder-like venv's kernel: the folder
#: that receives its kernelspec (on JUPYTER_PATH), and the process that builds it.
BINDER_KERNEL_DIR_ENV = "COURSE_BINDER_KERNEL_DIR"
BINDER_KERNEL_PID_ENV = "COURSE_BINDER_KERNEL_PID"
_binder_kernel_ready: Path | None = None


def binder_env_module() -> Any:
    """tools/binder_env.py, loaded by path (tools/ is not a package)."""
    if "binder_env" not in sys.modules:
        path = Path(__file__).parent / "tools" / "binder_env.py"
        spec = importlib.util.spec_from_file_location("binder_env", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["binder_env"] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
    return sys.modules["binder_env"]


def uses_binder_kernel(config: pytest.Config) -> bool:
    """Whether nbval runs the notebooks in the Binder-like venv's kernel (``make test``)."""
    if not config.getoption("nbval", False):
        return False
    return config.getoption("nbval_kernel_name", None) == binder_env_module().KERNEL_NAME


def _start_binder_kernel(config: pytest.Config) -> None:
    """In the controlling (or only) process of a run that uses the Binder kernel: build the venv and its
    kernelspec in the background while the first tests run; workers and kernels inherit the folder."""
    if hasattr(config, "workerinput") or not uses_binder_kernel(config):
        return
    if os.environ.get(BINDER_KERNEL_DIR_ENV, "").strip():
        return  # a nested run inside a worker: its parent's build serves it
    folder = Path(tempfile.mkdtemp(prefix="course-binder-kernel-"))
    log = open(folder / "build.log", "w", encoding="utf-8")  # noqa: SIM115 - the child writes it
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent / "tools" / "binder_env.py"), "--kernelspec", str(folder)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    os.environ[BINDER_KERNEL_DIR_ENV] = str(folder)
    os.environ[BINDER_KERNEL_PID_ENV] = str(proc.pid)
    old = os.environ.get("JUPYTER_PATH", "")
    os.environ["JUPYTER_PATH"] = str(folder) + (os.pathsep + old if old else "")

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
        proc.wait()
        log.close()
        for name in (BINDER_KERNEL_DIR_ENV, BINDER_KERNEL_PID_ENV):
            os.environ.pop(name, None)
        shutil.rmtree(folder, ignore_errors=True)

    config.add_cleanup(stop)


def wait_for_binder_kernel(config: pytest.Config) -> Path | None:
    """The Binder-like venv once its kernelspec is written (None when this run does not use it); a build
    that failed fails the notebook (or test) with the build's reason."""
    global _binder_kernel_ready
    if _binder_kernel_ready is not None or not uses_binder_kernel(config):
        return _binder_kernel_ready
    folder = os.environ.get(BINDER_KERNEL_DIR_ENV, "").strip()
    if not folder:
        pytest.fail("--nbval-kernel-name course-binder, but no build of the Binder-like venv was started")
    pid = os.environ.get(BINDER_KERNEL_PID_ENV, "").strip()
    env = binder_env_module()
    try:
        _binder_kernel_ready = env.wait_for_kernelspec(Path(folder), int(pid) if pid else None)
    except env.BinderEnvError as exc:
        log = Path(folder) / "build.log"
        tail = log.read_text(encoding="utf-8")[-2000:] if log.is_file() else ""
        pytest.fail(f"the Binder-like virtualenv is not available: {exc}\n{tail}", pytrace=False)
    return _binder_kernel_ready


@pytest.fixture(scope="session")
def binder_kernel(request: pytest.FixtureRequest) -> Path | None:
    """The Binder-like venv whose kernel runs this run's notebooks, once ready (None: not this run)."""
    return wait_for_binder_kernel(request.config)


# --------------------------------------------------------------------------------------------
# Parallel runs: work units and their order (pytest-xdist, --dist loadscope)
# --------------------------------------------------------------------------------------------

#: Test files whose tests of one notebook share a module-scoped run of it: one work unit per notebook
#: (the id in brackets). Only the fallback (:func:`work_unit`) needs it: the workers' own rule
#: (:func:`item_unit`) finds such files from their fixtures.
SPLIT_BY_NOTEBOOK = ("tests/browser/test_jupyterlab.py",)
#: Set by the controlling process: the folder where each worker writes its work units (one JSON file).
UNITS_ENV = "COURSE_XDIST_UNITS"
#: Fixture scopes whose value is shared by the tests of one file (built once per file and worker).
SHARED_SCOPES = ("class", "module", "package")
#: Rough seconds per test, to hand out the longest units first: by marker, a notebook cell, the rest.
MARK_COST = {"binder": 60.0, "install": 60.0, "hub": 30.0, "browser": 10.0}
NOTEBOOK_CELL_COST = 0.5
DEFAULT_COST = 0.05


def work_unit(nodeid: str) -> str:
    """Fallback work unit of a test id (used when the workers did not report theirs): its file, or for
    SPLIT_BY_NOTEBOOK files the file and the notebook's id."""
    path, _, rest = nodeid.partition("::")
    if path in SPLIT_BY_NOTEBOOK and rest.endswith("]") and "[" in rest:
        return f"{path}[{rest[rest.index('[') + 1 : -1]}]"
    return path


def unit_rank(unit: str) -> int:
    """Fallback order (lower first): heavy virtualenv/hub files, per-notebook browser runs, other
    browser tests, the notebooks, then the rest."""
    path = unit.partition("[")[0]
    if path in ("tests/test_binder.py", "tests/test_install.py"):
        return 0
    if path in SPLIT_BY_NOTEBOOK:
        return 1
    if path.startswith("tests/browser/") or path == "tests/test_hub.py":
        return 2
    return 3 if path.endswith(".ipynb") else 4


def item_unit(item: pytest.Item) -> str:
    """The work unit of a collected test, from what its fixtures share (no list of files or notebooks):

    * a notebook (nbval): the file - its cells share one kernel and run in order;
    * a test that uses a fixture shared by its file (class/module/package scope, e.g. a module-scoped
      notebook run in JupyterLab): the file, or, when every such fixture follows a parameter of that
      scope (one run per notebook), the file and those parameters - so each notebook is a unit;
    * any other test: itself (session fixtures such as the browser servers exist once per worker).
    """
    path = item.nodeid.partition("::")[0]
    info = getattr(item, "_fixtureinfo", None)
    if path.endswith(".ipynb") or info is None:
        return path
    defs = info.name2fixturedefs

    def scope(name: str) -> str:
        found = defs.get(name)
        return str(found[-1].scope) if found else "function"

    shared = [name for name in item.fixturenames if scope(name) in SHARED_SCOPES]
    if not shared:
        return item.nodeid
    callspec = getattr(item, "callspec", None)
    indices = dict(getattr(callspec, "indices", {}) or {})
    params = {name for name in shared if name in indices}

    def follows_a_param(name: str, seen: set[str]) -> bool:
        if name in params:
            return True
        if name in seen or name not in defs:
            return False
        seen.add(name)
        return any(follows_a_param(arg, seen) for arg in defs[name][-1].argnames)

    if params and all(follows_a_param(name, set()) for name in shared):
        return f"{path}[{','.join(f'{name}={indices[name]}' for name in sorted(params))}]"
    return path


def item_cost(item: pytest.Item) -> float:
    """Rough seconds of one test (for the order only): its heaviest marker, a notebook cell, or small."""
    costs = [cost for mark, cost in MARK_COST.items() if item.get_closest_marker(mark) is not None]
    if costs:
        return max(costs)
    return NOTEBOOK_CELL_COST if item.nodeid.partition("::")[0].endswith(".ipynb") else DEFAULT_COST


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a pytest-xdist worker: write each collected test's work unit and cost for the controller."""
    folder = os.environ.get(UNITS_ENV, "").strip()
    worker = getattr(config, "workerinput", {}).get("workerid")
    if not (folder and worker and Path(folder).is_dir()):
        return
    units = {item.nodeid: [item_unit(item), item_cost(item)] for item in items}
    partial = Path(folder) / f".{worker}.json"
    partial.write_text(json.dumps(units), encoding="utf-8")
    partial.replace(Path(folder) / f"{worker}.json")


def _start_units_folder(config: pytest.Config) -> None:
    """In the controlling process of a parallel run: a fresh folder for the workers' units (a nested run
    inside a worker gets its own, not its parent's)."""
    if hasattr(config, "workerinput") or config.getoption("dist", None) in (None, "no"):
        return
    folder = tempfile.mkdtemp(prefix="course-xdist-units-")
    os.environ[UNITS_ENV] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: pytest runs without it too
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With ``--dist loadscope``: pytest-xdist hands out whole work units - as the workers computed them
    (:func:`item_unit`), else by file (:func:`work_unit`) - the costliest first (LPT: the long units
    start early, the many small ones fill the gaps at the end). (pytest-xdist's ``xdist_group`` marks
    do not work with pytest 9.2, whose test ids cannot be renamed any more.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class CourseScheduling(LoadScopeScheduling):
        _reported: dict[str, list[Any]] | None = None
        _sorted = False

        def _units(self) -> dict[str, list[Any]]:
            if self._reported is None:
                self._reported = {}
                folder = os.environ.get(UNITS_ENV, "").strip()
                for path in sorted(Path(folder).glob("gw*.json")) if folder else []:
                    self._reported = json.loads(path.read_text(encoding="utf-8"))
                    break  # every worker collected the same tests (pytest-xdist checks it)
            return self._reported

        def _split_scope(self, nodeid: str) -> str:
            reported = self._units().get(nodeid)
            return reported[0] if reported else work_unit(nodeid)

        def _unit_cost(self, unit: str, nodeids: Any) -> float:
            reported = self._units()
            if not reported:
                return 10.0 ** (4 - unit_rank(unit)) + len(nodeids)
            return sum(reported.get(nodeid, [None, DEFAULT_COST])[1] for nodeid in nodeids)

        def _assign_work_unit(self, node: Any) -> None:
            if not self._sorted:  # once, when the queue is complete
                self.workqueue = OrderedDict(
                    sorted(self.workqueue.items(), key=lambda kv: -self._unit_cost(*kv))
                )
                self._sorted = True
            super()._assign_work_unit(node)

    return CourseScheduling(config, log)
