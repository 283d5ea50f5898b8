"""Repository-wide pytest setup: no test and no notebook run writes a learner's real progress file.

Every passed check is recorded by :mod:`helpers.progress` in the file named by ``COURSE_PROGRESS_FILE``
(default: ``.course_progress.json`` in the course folder). Unless that variable is already set, this
points it into a temporary folder for the whole run, and at a fresh, empty file for each test file and
each notebook, so tests do not see each other's passes and ``00_start_here``'s progress overview is the
same on every run. Kernels started by nbval and the browser tests' servers inherit the variable.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

PROGRESS_ENV = "COURSE_PROGRESS_FILE"  # helpers.progress.ENV_VAR (not imported: keep startup light)


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
    if os.environ.get(PROGRESS_ENV, "").strip():
        return
    _isolation = _Isolation(Path(tempfile.mkdtemp(prefix="course-progress-")))
    _isolation.fresh_file()


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
        shutil.rmtree(_isolation.folder, ignore_errors=True)
        _isolation = None
