"""A class on a real JupyterHub, on this machine (issue 18 item 5).

JupyterHub (PyPI) with configurable-http-proxy (npm, ``make hub-deps``), JupyterHub's local spawner
(each learner gets their own home folder) and its test authenticator, all on 127.0.0.1 on free ports
(tools/local_hub.py). Three learners log in through the hub's API and its login form at the same
time, follow the class link that ``make hub-link`` prints (pointed at a bare clone of this
repository, as the hub would reach GitHub), so nbgitpuller clones the course into each home; each
runs one lesson notebook cell by cell through their own server and kernel (the Jupyter REST API and
the kernel websocket, as JupyterLab does) and must get what strict nbval expects: no error, and the
stored outputs of every checked cell, with the repository's sanitizer rules. Then, in the same
kernel, a lab's control changes and the new summary reaches the browser side as a widget update, and
the learner hands in (``progress.hand_in``): the file lands in their own course folder and the class
report over everyone's homes counts all three. Last, the trainer pushes a change mid-course and a
learner clicks the link again: nbgitpuller keeps the learner's edit, restores a file they deleted,
brings the new file and leaves the hand-in alone (the trainer guide's promise).

Bounded: three learners, one notebook, a minute or so; every process the hub started is ended in
the fixture's teardown, also when a step fails.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers.course import COURSE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import hub_link  # noqa: E402
import local_hub  # noqa: E402

pytestmark = [
    pytest.mark.hub,
    pytest.mark.skipif(
        not local_hub.CHP.exists(), reason="configurable-http-proxy is not installed: run `make hub-deps`"
    ),
]

LEARNERS = ("ada", "ben", "chidi")
#: The lesson every learner runs: one with a lab (the round trip needs one), found by its slug.
LESSON = next(lesson for lesson in COURSE if lesson.slug == "why_it_works")
FOLDER = "influencer-marketing-course"
#: The whole class (hub start, three spawns, pulls, runs) must fit in this many seconds.
BUDGET_S = 150.0

ROUND_TRIP = """
import json
from helpers.widgets.base import Lab, control_values
_labs = [v for v in list(globals().values()) if isinstance(v, Lab)]
_lab = _labs[0]
_before = _lab.result.summary
_changed = None
for _name, _control in _lab.controls.items():
    for _value in control_values(_control):
        if _value != _control.value and _lab.set(**{_name: _value}).summary != _before:
            _changed = [_name, repr(_value)]
            break
    if _changed:
        break
print(json.dumps({"lab": _lab.name, "before": _before, "after": _lab.result.summary, "control": _changed}))
"""


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.email=trainer@example.org", "-c", "user.name=Trainer", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def course_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The class's course repository: a bare clone of this checkout's committed HEAD."""
    return local_hub.bare_clone(ROOT, tmp_path_factory.mktemp("remote"), FOLDER)


@pytest.fixture(scope="module")
def course_head(course_repo: Path) -> str:
    """The commit the class starts from (before the mid-course update)."""
    return _git("rev-parse", "HEAD", cwd=course_repo)


@pytest.fixture(scope="module")
def hub():
    warnings = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "warning_policy.py")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    with local_hub.LocalHub(LEARNERS, env={"PYTHONWARNINGS": warnings}) as running:
        yield running
    assert not [p for p in running.processes() if p.is_running()], "processes outlived the hub"


def _learner_session(hub: local_hub.LocalHub, name: str, link: str) -> dict:
    """One learner's morning: log in, start the server, click the class link, run the lesson, move a lab."""
    learner = hub.learner(name)
    learner.login()
    spawn_s = learner.spawn()
    landing, pulled = learner.follow_link(link)
    notebook_path = f"{FOLDER}/notebooks/{LESSON.notebook}"
    stored = learner.read_notebook(notebook_path)
    session = learner.start_kernel(notebook_path)
    try:
        run = local_hub.run_notebook(session, stored)
        rss_mb = learner.rss_mb()
        trip = session.run(ROUND_TRIP)
        handed = session.run(f"from helpers import progress\nprint(progress.hand_in({name!r}).file)")
    finally:
        session.close()
    return {
        "learner": learner,
        "spawn_s": spawn_s,
        "landing": landing,
        "pulled": pulled,
        "run": run,
        "trip": trip,
        "rss_mb": rss_mb,
        "hand_in": Path(handed.outputs[-1]["text"].strip()) if handed.outputs else None,
    }


@pytest.fixture(scope="module")
def class_link(hub, course_repo) -> str:
    """The link `make hub-link` prints, for this hub and the class's repository and branch."""
    return hub_link.hub_link(
        hub.url,
        repo=course_repo.as_uri(),
        branch=_git("symbolic-ref", "--short", "HEAD", cwd=course_repo).strip(),
    )


@pytest.fixture(scope="module")
def morning(hub, class_link, course_head) -> dict[str, dict]:
    """All learners at once, as in a room; prints the run's summary."""
    t0 = time.perf_counter()
    with ThreadPoolExecutor(len(LEARNERS)) as pool:
        results = list(pool.map(lambda name: _learner_session(hub, name, class_link), LEARNERS))
    elapsed = time.perf_counter() - t0
    spawns = sorted(r["spawn_s"] for r in results)
    cells = sorted(ms for r in results for ms in r["run"].cell_ms)
    print(
        f"\nhub test: {len(LEARNERS)} learners at once, lesson {LESSON.number}, {len(cells)} cells run, "
        f"spawn max {spawns[-1]:.1f} s, slowest cell {cells[-1]:.0f} ms, "
        f"server+kernel RSS {[round(r['rss_mb']) for r in results]} MB, {elapsed:.1f} s"
    )
    assert elapsed < BUDGET_S, f"the class took {elapsed:.0f} s (budget {BUDGET_S:.0f} s)"
    return {r["learner"].name: r for r in results}


def test_the_class_link_clones_the_course_into_each_learners_home_and_opens_start_here(
    hub, morning, course_head
):
    for name, result in morning.items():
        home = hub.root / "home" / name
        assert (home / FOLDER / "notebooks" / LESSON.notebook).is_file(), name
        assert _git("rev-parse", "HEAD", cwd=home / FOLDER) == course_head
        assert result["landing"] == f"lab/tree/{FOLDER}/notebooks/00_start_here.ipynb"
    assert len({str(hub.root / "home" / name) for name in morning}) == len(LEARNERS)


def test_each_learners_kernel_gives_what_strict_nbval_expects(morning):
    patterns = local_hub.sanitize_patterns(ROOT / "tests" / "nbval_sanitize.cfg")
    for name, result in morning.items():
        run = result["run"]
        checked = [
            cell for cell, out in run.cells if out is not None and local_hub.nbval_options(cell)["check"]
        ]
        assert len(checked) >= 3, "the lesson has too few checked cells to prove anything"
        assert run.mismatches(patterns) == [], f"{name}: outputs differ from what strict nbval expects"


def test_a_lab_update_round_trips_through_the_learners_server(morning):
    for name, result in morning.items():
        trip = json.loads(result["trip"].outputs[-1]["text"])
        assert trip["control"] and trip["after"] != trip["before"], (name, trip)
        updates = [
            m["data"]["state"]["value"]
            for m in result["trip"].comm_msgs
            if m.get("data", {}).get("method") == "update" and "value" in m["data"].get("state", {})
        ]
        escaped = html.escape(trip["after"])
        assert any(isinstance(v, str) and escaped in v for v in updates), (
            f"{name}: the new summary never reached the browser side"
        )


def test_hand_ins_land_in_each_learners_course_folder_and_the_class_report_reads_them(hub, morning, tmp_path):
    """progress.hand_in() in a learner's kernel writes to their own course folder (not the install
    location), and the trainer guide's class-report command over everyone's homes counts each learner."""
    for name, result in morning.items():
        assert result["hand_in"] is not None, f"{name}: hand_in printed nothing"
        assert result["hand_in"].parent == hub.root / "home" / name / FOLDER / "output", result["hand_in"]
        assert result["hand_in"].is_file()
    found = sorted((hub.root / "home").glob(f"*/{FOLDER}/output/hand_in-*.json"))
    report = subprocess.run(
        [sys.executable, "-m", "helpers.class_report", *map(str, found), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert report.returncode == 0, report.stderr
    assert f"Class report: {len(LEARNERS)} learner(s) ({len(LEARNERS)} named)" in report.stdout


def test_a_mid_course_update_keeps_the_learners_edits(hub, morning, course_repo, class_link, tmp_path):
    """nbgitpuller's merge, as the trainer guide promises: the learner's edit wins, a file they
    deleted comes back, the trainer's new file arrives."""
    name = LEARNERS[0]
    clone = hub.root / "home" / name / FOLDER
    edited, deleted = clone / "README.md", clone / "LICENSE"
    learner_line = "My own notes for the course, kept by nbgitpuller\n"
    original = edited.read_text(encoding="utf-8")
    edited.write_text(learner_line + original, encoding="utf-8")
    deleted.unlink()
    # the trainer changes the same first line and adds a handout
    work = tmp_path / "trainer"
    _git("clone", "--quiet", str(course_repo), str(work), cwd=tmp_path)
    (work / "README.md").write_text("Trainer's new first line\n" + original, encoding="utf-8")
    (work / "handout_day2.md").write_text("Day 2 handout\n", encoding="utf-8")
    _git("add", "README.md", "handout_day2.md", cwd=work)
    _git("commit", "--quiet", "-m", "Day 2 handout", cwd=work)
    _git("push", "--quiet", "origin", "HEAD", cwd=work)

    handed_in = morning[name]["hand_in"].read_bytes()
    learner = morning[name]["learner"]
    learner.follow_link(class_link)

    assert edited.read_text(encoding="utf-8").startswith(learner_line), "the learner's edit was overwritten"
    assert "Trainer's new first line" not in edited.read_text(encoding="utf-8")
    assert deleted.is_file(), "the file the learner deleted was not restored"
    assert (clone / "handout_day2.md").read_text(encoding="utf-8") == "Day 2 handout\n"
    assert morning[name]["hand_in"].read_bytes() == handed_in, "the learner's hand-in was touched"
