"""`make test` runs pytest in parallel (pytest-xdist, ``--dist loadscope``): the root conftest.py decides
the work units. A notebook's nbval cells share one kernel, so they must run on one worker, in order; the
browser tests of one notebook share one run of it; each worker needs its own progress file."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("course_root_conftest", ROOT / "conftest.py")
assert _spec and _spec.loader
root_conftest = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = root_conftest  # dataclasses look their module up while it loads
_spec.loader.exec_module(root_conftest)


def test_work_units_keep_a_notebook_together_and_split_browser_runs_by_notebook():
    unit = root_conftest.work_unit
    cells = [f"notebooks/03_why_it_works.ipynb::Cell {k}" for k in range(12)]
    assert {unit(c) for c in cells} == {"notebooks/03_why_it_works.ipynb"}
    run = "tests/browser/test_jupyterlab.py::test_notebook_runs_all_cells_without_errors[03_why_it_works]"
    lab = "tests/browser/test_jupyterlab.py::test_every_lab_renders_its_controls[03_why_it_works]"
    other = "tests/browser/test_jupyterlab.py::test_every_lab_renders_its_controls[04_landscape]"
    assert unit(run) == unit(lab) == "tests/browser/test_jupyterlab.py[03_why_it_works]"
    assert unit(other) != unit(run)
    # other files stay whole, parameters or not (their module-scoped fixtures are built once)
    assert unit("tests/browser/test_slides_offline.py::test_deck[00_start_here]") == (
        "tests/browser/test_slides_offline.py"
    )
    assert unit("tests/test_metrics.py::TestEr::test_er[1-2]") == "tests/test_metrics.py"


def test_longest_units_are_handed_out_first():
    units = [
        "tests/test_metrics.py",
        "notebooks/03_why_it_works.ipynb",
        "tests/browser/test_voila.py",
        "tests/browser/test_jupyterlab.py[03_why_it_works]",
        "tests/test_binder.py",
    ]
    assert sorted(units, key=root_conftest.unit_rank) == units[::-1]


needs_xdist = pytest.mark.skipif(
    importlib.util.find_spec("xdist") is None, reason="pytest-xdist missing: run `make test-deps`"
)


def _probe(folder: Path, name: str) -> str:
    """A one-test file that prints its worker and progress file."""
    probe = folder / f"test_probe_{name}.py"
    probe.write_text(
        "import os\n\n\n"
        f"def test_progress_file_{name}():\n"
        "    print('PROGRESS', os.environ['PYTEST_XDIST_WORKER'], os.environ['COURSE_PROGRESS_FILE'])\n",
        encoding="utf-8",
    )
    return str(probe)


def _run_two_workers(*paths: str) -> str:
    """``pytest -n 2 --dist loadscope`` (as `make test`) on ``paths``: its output (it must pass)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}
    env.pop("COURSE_PROGRESS_FILE", None)
    env.pop(root_conftest.SET_BY_PYTEST_ENV, None)
    nbval = [
        "--nbval",
        "--nbval-current-env",
        "--nbval-sanitize-with",
        str(ROOT / "tests" / "nbval_sanitize.cfg"),
    ]
    xdist = ["-n", "2", "--dist", "loadscope", "-p", "no:cacheprovider", "-rA", "-v"]
    config = ["--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml")]
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", *xdist, *nbval, *config, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-3000:]
    return out


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@needs_xdist
def test_two_workers_run_every_cell_of_a_notebook_on_one_worker_in_order(tmp_path):
    """A real parallel run: cells share one kernel, so a cell on the other worker would fail (NameError)."""
    notebook = next((ROOT / "notebooks").glob("04_*.ipynb"))
    out = _run_two_workers(str(notebook), _probe(tmp_path, "a"), _probe(tmp_path, "b"))
    cells = re.findall(r"\[(gw\d)\] \[\s*\d+%\] PASSED \S*04_\w+(?:\.|::)ipynb::Cell (\d+)", out)
    assert len(cells) > 5, out[-3000:]
    assert len({worker for worker, _ in cells}) == 1, f"a notebook's cells ran on several workers: {cells}"
    assert [int(n) for _, n in cells] == sorted(int(n) for _, n in cells), "cells ran out of order"


@pytest.fixture
def probe_dir() -> Iterator[Path]:
    """A folder inside the checkout (build/, git-ignored): test ids of files outside it have no path, so
    two probes there would be one work unit."""
    (ROOT / "build").mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="parallel-probe-", dir=ROOT / "build"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@needs_xdist
def test_each_worker_records_progress_into_a_file_of_its_own(probe_dir):
    """Each worker points COURSE_PROGRESS_FILE at its own temporary file (not the one it inherited from
    the controlling process)."""
    out = _run_two_workers(_probe(probe_dir, "a"), _probe(probe_dir, "b"))  # one unit for each worker
    files = dict(re.findall(r"PROGRESS (gw\d) (\S+)", out))
    assert set(files) == {"gw0", "gw1"}, out[-3000:]
    assert all("course-progress-" in f for f in files.values()), files
    assert len(set(files.values())) == 2, f"two workers share one progress file: {files}"


_SHARED_PROBE = """import os
import pytest

BUILT = []


@pytest.fixture(scope="module")
def expensive():
    BUILT.append(1)
    return os.environ["PYTEST_XDIST_WORKER"]


@pytest.mark.parametrize("k", range(4))
def test_shared(expensive, k):
    print("BUILT", len(BUILT))
"""

_PER_NOTEBOOK_PROBE = """import pytest

RUNS = []


@pytest.fixture(scope="module", params=["nb_a", "nb_b", "nb_c"])
def notebook(request):
    return request.param


@pytest.fixture(scope="module")
def run(notebook):
    RUNS.append(notebook)
    return notebook


def test_first(run):
    assert RUNS.count(run) == 1, RUNS


def test_second(run):
    assert RUNS.count(run) == 1, RUNS
"""

_INDEPENDENT_PROBE = """import time

import pytest


@pytest.mark.parametrize("k", range(8))
def test_independent(k):
    time.sleep(0.3)
"""


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@needs_xdist
def test_work_units_follow_what_the_tests_share(probe_dir):
    """The workers' own rule (conftest.item_unit), with no list of files: a file whose tests share a
    module-scoped fixture runs on one worker (built once); a module-scoped fixture per parameter (one
    run per notebook) makes one unit per parameter; tests that share nothing are spread over both."""
    for name, text in (
        ("test_probe_shared.py", _SHARED_PROBE),
        ("test_probe_per_notebook.py", _PER_NOTEBOOK_PROBE),
        ("test_probe_independent.py", _INDEPENDENT_PROBE),
    ):
        (probe_dir / name).write_text(text, encoding="utf-8")
    out = _run_two_workers(str(probe_dir))
    ran = re.findall(r"\[(gw\d)\] \[\s*\d+%\] PASSED \S*test_probe_(\w+)\.py::(\S+)", out)
    by_file: dict[str, list[tuple[str, str]]] = {}
    for worker, probe, test in ran:
        by_file.setdefault(probe, []).append((worker, test))
    assert len(by_file.get("shared", [])) == 4, out[-3000:]
    assert len({w for w, _ in by_file["shared"]}) == 1, f"a shared fixture's tests were split: {by_file}"
    per_notebook: dict[str, set[str]] = {}
    for worker, test in by_file["per_notebook"]:
        per_notebook.setdefault(test.partition("[")[2], set()).add(worker)
    assert len(per_notebook) == 3 and all(len(w) == 1 for w in per_notebook.values()), per_notebook
    assert {w for w, _ in by_file["independent"]} == {"gw0", "gw1"}, f"not spread: {by_file['independent']}"
