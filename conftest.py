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

import os
import shutil
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
# Parallel runs: work units and their order (pytest-xdist, --dist loadscope)
# --------------------------------------------------------------------------------------------

#: Test files whose tests of one notebook share a module-scoped run of it: one work unit per notebook
#: (the id in brackets); every other file is one unit, so its module-scoped fixtures are built once.
SPLIT_BY_NOTEBOOK = ("tests/browser/test_jupyterlab.py",)


def work_unit(nodeid: str) -> str:
    """The work unit of a test id: its file (a notebook's nbval cells share one kernel, in order), or
    for SPLIT_BY_NOTEBOOK files the file and the notebook's id."""
    path, _, rest = nodeid.partition("::")
    if path in SPLIT_BY_NOTEBOOK and rest.endswith("]") and "[" in rest:
        return f"{path}[{rest[rest.index('[') + 1 : -1]}]"
    return path


def unit_rank(unit: str) -> int:
    """Units that take longest are handed out first: the Binder-like and wheel-install virtualenvs, the
    per-notebook browser runs, other browser tests, the notebooks, then the rest."""
    path = unit.partition("[")[0]
    if path == "tests/test_hub.py":  # a real JupyterHub and three learners: about a minute, with the browsers
        return 2
    if path in ("tests/test_binder.py", "tests/test_install.py"):
        return 0
    if path in SPLIT_BY_NOTEBOOK:
        return 1
    if path.startswith("tests/browser/"):
        return 2
    return 3 if path.endswith(".ipynb") else 4


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: pytest runs without it too
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With ``--dist loadscope``: pytest-xdist hands out whole work units (:func:`work_unit`), longest
    first (:func:`unit_rank`). (pytest-xdist's ``xdist_group`` marks do not work with pytest 9.2, whose
    test ids cannot be renamed any more.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class CourseScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

        def _assign_work_unit(self, node: Any) -> None:
            self.workqueue = OrderedDict(sorted(self.workqueue.items(), key=lambda kv: unit_rank(kv[0])))
            super()._assign_work_unit(node)

    return CourseScheduling(config, log)
