"""A plain (non-editable) install of the package works outside the checkout.

The test builds a wheel from a copy of the project's build inputs (offline, no build isolation),
installs it into a fresh virtualenv outside the checkout (its dependencies come from the running
interpreter's site-packages through a ``.pth`` line, so nothing is downloaded; the checkout's editable
install is not seen there), copies the course's ``notebooks/`` folder into a temporary "course folder"
and runs a lesson notebook from it with nbclient under that interpreter, then answers the lesson's
first exercise and exports the progress, as a learner would. It checks that

* ``helpers`` and its tables come from the installed package (``helpers/datasets`` in site-packages);
* the progress file and the export land in the learner's course folder, and nothing is written into
  the install location or the per-user folder;
* with a read-only course folder the notebook still runs, says once which folder it could not write
  and where the files go instead (``~/influencer-course``), and the progress and export are there.

As root, permission bits do not stop writes, so the read-only folder is a read-only bind mount in a
private mount namespace (``unshare -m``) that ends with the notebook run; without that, that case is
skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from helpers import paths
from helpers.course import COURSE

pytestmark = pytest.mark.install

REPO = Path(__file__).resolve().parents[1]
#: What the wheel is built from (the checkout's other files are not needed and not copied).
BUILD_INPUTS = ("pyproject.toml", "MANIFEST.in", "README.md", "src", "datasets")
#: The lesson that is run: the first one with exercises (its notebook and exercises module).
LESSON = COURSE[1]
#: Seconds one notebook run may take.
RUN_TIMEOUT_S = 240

#: Runs a notebook with nbclient (argv: notebook, code of an extra last cell, result file); writes
#: every cell's stream text and errors, and what the last cell printed after "REPORT ".
RUNNER = r"""
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

notebook, extra, result, setup_only = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4] == "1"
nb = nbformat.read(notebook, as_version=4)
if setup_only:  # the cells up to the first that imports helpers (imports, data): a shorter run
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "from helpers" in c.source)
    nb.cells = nb.cells[: first + 1]
nb.cells.append(nbformat.v4.new_code_cell(extra))
client = NotebookClient(nb, timeout=240, kernel_name="python3",
                        resources={"metadata": {"path": str(notebook.parent)}})
failure = ""
try:
    client.execute()
except CellExecutionError as err:
    failure = str(err)[:3000]
streams = {"stdout": [], "stderr": []}
report = None
for cell in nb.cells:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            streams[out["name"]].append(out["text"])
            for line in out["text"].splitlines():
                if line.startswith("REPORT "):
                    report = json.loads(line[len("REPORT "):])
        elif out.get("output_type") == "error":
            failure = failure or out.get("ename", "") + ": " + out.get("evalue", "")
result.write_text(json.dumps({"failure": failure, "streams": streams, "report": report}))
"""

#: The learner's last cell: answer the lesson's first exercise, export the progress, report.
LEARNER_CELL = f"""
import json as _json, sys as _sys
import helpers
from helpers import paths as _paths, progress as _progress
from helpers.exercises import lesson{LESSON.number} as _lesson
exec(_lesson.q1.solution_code)
_ok = _lesson.q1.check(eval(_lesson.q1.var)).ok
_export = _progress.export()
print("REPORT " + _json.dumps({{
    "python": _sys.executable, "helpers": helpers.__file__, "data": str(_paths.data_dir()),
    "progress": str(_progress.path()), "export": str(_export), "ok": _ok,
    "passed": sorted(_progress.passed_ids()), "id": _lesson.q1.id,
}}))
"""


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a fresh virtualenv outside the checkout with the wheel installed (not editable)."""
    work = tmp_path_factory.mktemp("wheel-install")
    source = work / "project"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints")
    for name in BUILD_INPUTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=ignore)
        else:
            shutil.copy2(REPO / name, source / name)
    for licence in REPO.glob("LICENSE*"):
        shutil.copy2(licence, source / licence.name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    build = subprocess.run(
        [
            *pip,
            "wheel",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            "-w",
            str(work / "dist"),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=work,
        env=env,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = (work / "dist").glob("*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [
            *pip,
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=work,
        env=env,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    assert (site_packages_helpers(python) / "paths.py").is_file(), install.stdout[-3000:]
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The dependencies (pandas, ipykernel, nbclient...) from this interpreter, without downloading them.
    # A path line in a .pth file does not run that folder's own .pth files: the checkout's editable
    # install of helpers stays invisible.
    Path(purelib, "course-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return python


def course_copy(parent: Path) -> Path:
    """A learner's course folder: a copy of the course's notebooks/ (nothing else)."""
    course = parent / "course"
    shutil.copytree(
        REPO / "notebooks", course / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    return course


def learner_env(home: Path) -> dict[str, str]:
    """The environment of a learner's Jupyter: none of the test run's redirections, a home of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COURSE_PROGRESS_FILE", "JPY_"))}
    for var in (paths.DATA_ENV, paths.HOME_ENV, "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(var, None)
    env["HOME"] = str(home)
    for var, sub in {
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTER_DATA_DIR": "data",
        "IPYTHONDIR": "ipython",
    }.items():
        env[var] = str(home / ".state" / sub)
    return env


def run_lesson(
    python: Path, course: Path, home: Path, wrapper: list[str] | None = None, *, setup_only: bool = False
) -> dict:
    """Run the lesson's notebook (``setup_only``: only its first cells, to the one importing helpers)
    from ``course`` with ``python``, then :data:`LEARNER_CELL`; what the cells printed and reported."""
    runner = home.parent / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    result = home.parent / "result.json"
    notebook = course / "notebooks" / LESSON.notebook
    proc = subprocess.run(
        [
            *(wrapper or []),
            str(python),
            str(runner),
            str(notebook),
            LEARNER_CELL,
            str(result),
            str(int(setup_only)),
        ],
        env=learner_env(home),
        cwd=home.parent,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S + 60,
        check=False,
    )
    assert proc.returncode == 0 and result.exists(), proc.stderr[-3000:]
    outcome = json.loads(result.read_text())
    assert not outcome["failure"], outcome["failure"]
    assert outcome["report"], outcome["streams"]
    return outcome


def site_packages_helpers(python: Path) -> Path:
    return (
        python.parents[1]
        / "lib"
        / f"python{sys.version_info.major}.{sys.version_info.minor}"
        / "site-packages"
        / "helpers"
    )


def test_a_wheel_install_finds_its_data_and_writes_into_the_learners_course_folder(installed, tmp_path):
    package = site_packages_helpers(installed)
    before = files_under(package)
    home = tmp_path / "home"
    home.mkdir()
    course = course_copy(tmp_path)

    report = run_lesson(installed, course, home)["report"]

    assert report["python"] == str(installed)
    assert Path(report["helpers"]).parent == package, "helpers came from the checkout, not the wheel"
    assert Path(report["data"]) == package / "datasets"
    assert report["ok"] and report["id"] in report["passed"]
    assert Path(report["progress"]) == course / ".course_progress.json"
    assert report["id"] in json.loads((course / ".course_progress.json").read_text())["passed"]
    assert Path(report["export"]).parent == course / "output"
    assert files_under(package) == before, "the package wrote into its install location"
    assert not (home / paths.USER_DIR_NAME).exists()


def read_only_wrapper(folder: Path) -> list[str] | None:
    """Run a command with ``folder`` read-only: chmod for a normal user; for root (whom permission bits
    do not stop) a read-only bind mount in a private mount namespace. None when neither is possible."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        for p in [folder, *folder.rglob("*")]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"'
    wrapper = [unshare, "-m", "sh", "-c", script, "sh", str(folder)]
    probe = subprocess.run(
        [*wrapper, "sh", "-c", f'! touch "{folder}/.probe" 2>/dev/null'], capture_output=True
    )
    return wrapper if probe.returncode == 0 and not (folder / ".probe").exists() else None


def test_with_a_read_only_course_folder_the_lesson_runs_and_says_where_the_files_go(installed, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    course = course_copy(tmp_path)
    wrapper = read_only_wrapper(course)
    if wrapper is None:
        pytest.skip("cannot make a read-only folder here (needs a non-root user, or root with unshare -m)")
    before = files_under(course)
    try:
        outcome = run_lesson(installed, course, home, wrapper, setup_only=True)
    finally:
        for p in [course, *course.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
    report = outcome["report"]
    fallback = home / paths.USER_DIR_NAME

    messages = [t for t in outcome["streams"]["stderr"] if "cannot be written" in t]
    assert len(messages) == 1, outcome["streams"]["stderr"]
    assert str(course) in messages[0] and str(fallback) in messages[0]
    assert report["ok"] and report["id"] in report["passed"]
    assert Path(report["progress"]) == fallback / ".course_progress.json"
    assert report["id"] in json.loads((fallback / ".course_progress.json").read_text())["passed"]
    assert Path(report["export"]).parent == fallback / "output"
    assert files_under(course) == before
