"""helpers.progress: recording passed checks, the status table, the overview, and failure handling."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

import pytest

import helpers.exercises as exercises
from helpers import progress, safe_files
from helpers.course import COURSE
from helpers.exercises import NumericQuestion, Result, Status, ____, all_questions, all_quizzes
from helpers.exercises.quiz import MultipleChoice, Option, Quiz
from helpers.paths import REPO_ROOT

T1 = datetime(2025, 3, 1, 9, 30, 12, tzinfo=UTC)
T2 = datetime(2025, 3, 2, 10, 0, 0, tzinfo=UTC)


@pytest.fixture
def progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty progress location of its own, and no messages remembered from other tests."""
    file = tmp_path / "state" / ".course_progress.json"
    monkeypatch.setenv(progress.ENV_VAR, str(file))
    progress._reset_session_state()
    yield file
    progress._reset_session_state()


def question(qid: str = "99.q1") -> NumericQuestion:
    return NumericQuestion(id=qid, title="A number", expected=2.5, hints=["h"], solution_code="answer = 2.5")


def passed(qid: str) -> Result:
    return Result(qid, "t", Status.CORRECT, "")


def stored(file: Path) -> dict[str, str]:
    return json.loads(file.read_text(encoding="utf-8"))["passed"]


# -- recording ------------------------------------------------------------------------------------


def test_importing_exercises_registers_the_recorder_once():
    assert exercises.on_check.count(progress.record) == 1


def test_a_passed_check_is_recorded_with_its_first_utc_time(progress_file):
    assert question().check(2.5)
    data = json.loads(progress_file.read_text(encoding="utf-8"))
    assert data["format"] == progress.FORMAT and data["version"] == 2
    assert list(data["passed"]) == ["99.q1"]
    assert data["tries"] == {"99.q1": {"attempts": 1, "mistakes": {}}}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["passed"]["99.q1"])


def test_an_untouched_starter_records_nothing(progress_file):
    assert not question().check(____)
    assert not progress_file.exists()


@pytest.mark.parametrize("answer", [250, 7.0], ids=["known-scale-slip", "wrong"])
def test_checks_that_do_not_pass_count_an_attempt_but_no_pass(progress_file, answer):
    assert not question().check(answer)
    assert progress.passed_ids() == {}
    assert progress.progress_data().tries == {"99.q1": {"attempts": 1, "mistakes": {}}}


def test_passing_again_keeps_the_first_time_and_does_not_rewrite_the_file(progress_file):
    progress.record(passed("99.q1"), now=T1)
    before = progress_file.stat().st_mtime_ns, progress_file.read_text(encoding="utf-8")
    progress.record(passed("99.q1"), now=T2)
    assert stored(progress_file) == {"99.q1": "2025-03-01T09:30:12Z"}
    assert (progress_file.stat().st_mtime_ns, progress_file.read_text(encoding="utf-8")) == before


def test_a_passed_quiz_question_is_recorded_under_its_question_id(progress_file):
    quiz = Quiz(
        id="99.quiz",
        title="T",
        questions=[
            MultipleChoice(
                prompt="Q?", options=[Option("yes", correct=True, feedback="y"), Option("no", feedback="n")]
            )
        ],
    )
    quiz.answer(0, 1)
    quiz.check()
    assert progress.passed_ids() == {}
    quiz.answer(0, 0)
    quiz.check()
    assert list(progress.passed_ids()) == ["99.quiz.1"]


def test_writes_leave_no_temporary_files_behind(progress_file):
    for k in range(5):
        progress.record(passed(f"99.q{k}"), now=T1)
    names = sorted(p.name for p in progress_file.parent.iterdir())
    assert names == sorted({progress_file.name, progress.lock_path(progress_file).name})
    assert progress.lock_path(progress_file).name == ".course_progress.json.lock"  # git-ignored too


def test_the_listener_never_raises_into_a_check(progress_file, monkeypatch, capsys):
    def broken(new):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(progress, "_store", broken)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not even the RuntimeWarning of a failing listener
        result = question().check(2.5)
        progress.record(object())  # not a Result at all: ignored
    assert result.ok
    assert "could not record a passed check" in capsys.readouterr().err


# -- where the file is ----------------------------------------------------------------------------


def test_the_environment_variable_chooses_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv(progress.ENV_VAR, str(tmp_path / "mine.json"))
    assert progress.path() == tmp_path / "mine.json"


def test_the_default_file_is_in_the_course_folder_and_git_ignored(monkeypatch):
    monkeypatch.delenv(progress.ENV_VAR, raising=False)
    default = progress.path()
    assert default == REPO_ROOT / ".course_progress.json"
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("git or the repository metadata is not available")
    ignored = subprocess.run(["git", "check-ignore", "-q", str(default)], cwd=REPO_ROOT, check=False)
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", default.name], cwd=REPO_ROOT, capture_output=True, check=False
    )
    assert ignored.returncode == 0 and tracked.returncode != 0


def test_test_runs_never_point_at_the_real_progress_file():
    """The root conftest.py redirects the file for every test, notebook kernel and browser server."""
    assert os.environ.get(progress.ENV_VAR)
    assert progress.path() != REPO_ROOT / ".course_progress.json"


# -- totals, minutes, status ----------------------------------------------------------------------


def test_totals_come_from_the_exercise_and_quiz_definitions():
    ids = progress.totals()
    expected = {item.number: [] for item in COURSE}
    for q in all_questions():
        expected[q.id[:2]].append(q.id)
    for quiz in all_quizzes():
        expected[quiz.id[:2]] += [f"{quiz.id}.{i + 1}" for i in range(len(quiz.questions))]
    assert ids == expected
    assert all(ids[item.number] for item in COURSE), "every notebook has at least one check"


@pytest.mark.parametrize(
    ("planned", "done", "total", "left"),
    [(45, 3, 9, 30.0), (45, 0, 9, 45.0), (45, 9, 9, 0.0), (20, 0, 0, 20.0), (70, 1, 15, 70 * 14 / 15)],
)
def test_minutes_left_scales_planned_minutes_by_the_share_not_passed(planned, done, total, left):
    assert progress.minutes_left(planned, done, total) == pytest.approx(left)


@pytest.mark.parametrize(("planned", "done", "total"), [(45, 4, 3), (-1, 0, 1), (45, -1, 3)])
def test_minutes_left_rejects_impossible_counts_with_a_message(planned, done, total):
    with pytest.raises(ValueError, match="passed <= total"):
        progress.minutes_left(planned, done, total)


@pytest.mark.parametrize(
    ("minutes", "text"), [(600, "10 h"), (581.4, "9 h 41 min"), (45, "45 min"), (0, "0 min"), (60.2, "1 h")]
)
def test_format_minutes_reads_as_hours_and_minutes(minutes, text):
    assert progress.format_minutes(minutes) == text


def test_status_counts_passes_per_notebook_and_suggests_the_first_incomplete_one():
    ids = progress.totals()
    table = progress.status_table([*ids["00"], ids["01"][0], "98.q1"], ids)  # 98.q1: unknown, ignored
    assert list(table.index) == [item.number for item in COURSE]
    assert table.loc["00", "complete"] and table.loc["00", "minutes_left"] == 0
    assert table.loc["01", "done"] == f"1/{len(ids['01'])}"
    assert table["next"].sum() == 1 and table.loc["01", "next"]
    minutes = {item.number: item.minutes for item in COURSE}
    expected_left = sum(minutes.values()) - minutes["00"] - minutes["01"] / len(ids["01"])
    assert table["minutes_left"].sum() == pytest.approx(expected_left)
    assert progress.next_lesson(table).number == "01"


def test_a_finished_course_has_no_next_notebook_and_no_time_left():
    ids = progress.totals()
    table = progress.status_table([k for v in ids.values() for k in v], ids)
    assert not table["next"].any() and table["minutes_left"].sum() == 0
    assert progress.next_lesson(table) is None


# -- the overview ---------------------------------------------------------------------------------


def test_overview_when_nothing_is_passed_yet(progress_file):
    text = repr(progress.overview())
    total = sum(len(v) for v in progress.totals().values())
    course_time = progress.format_minutes(sum(item.minutes for item in COURSE))
    assert f"You have passed 0 of {total} checks; about {course_time} of {course_time} left." in text
    assert "Next: 00 Start here (00_start_here.ipynb)." in text
    assert "progress.hand_in(" in text and "not your answers" in text
    assert "COURSE_PROGRESS_FILE" in text and "progress.reset()" in text
    assert "In Binder: the file lives in the session's container and vanishes when the session ends" in text
    assert "vanishes when the session ends" in text and "progress.export()" in text


def test_overview_after_three_passes_shows_counts_bars_and_time_left(progress_file):
    ids = progress.totals()
    for qid in ids["01"][:3]:
        progress.record(passed(qid), now=T1)
    view = progress.overview()
    text, page = repr(view), view._repr_html_()
    planned = sum(item.minutes for item in COURSE)
    left = progress.format_minutes(planned - COURSE[1].minutes * 3 / len(ids["01"]))
    course_time = progress.format_minutes(planned)
    assert f"passed 3 of {sum(map(len, ids.values()))} checks; about {left} of {course_time} left." in text
    row = next(line for line in text.splitlines() if line.startswith("01 "))
    assert f"3/{len(ids['01'])}" in row and "[" in row
    assert "<- next" in next(line for line in text.splitlines() if line.startswith("00 "))
    # not colour alone: every bar has its count as text, and the next notebook is marked in words
    assert f"</progress> 3/{len(ids['01'])}" in page and "aria-label='01: 3 of" in page
    assert "<strong>next</strong>" in page


def test_overview_never_shows_machine_specific_paths(progress_file):
    progress.record(passed("01.q1"), now=T1)
    view = progress.overview()
    for shown in (repr(view), view._repr_html_()):
        assert not re.search(r"/(work|tmp|root|home|Users)/[\w.-]+/", shown)
        assert str(progress_file.parent) not in shown


# -- failures: corrupt file, read-only folder -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"passed": {}}', "not a course progress file"),
        ('{"format": "influencer-course-progress", "version": 3, "passed": {}}', "format version 3"),
        (
            '{"format": "influencer-course-progress", "version": 2, "passed": {}, '
            '"tries": {"01.q1": {"attempts": -1, "mistakes": {}}}}',
            "whole number",
        ),
        ('{"format": "influencer-course-progress", "version": 1, "passed": {"01.q1": "soon"}}', "ISO 8601"),
    ],
    ids=["not-json", "not-ours", "newer-version", "bad-time", "bad-attempts"],
)
def test_a_corrupt_file_is_reported_once_treated_as_empty_and_left_untouched(
    progress_file, capsys, text, reason
):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text(text, encoding="utf-8")
    assert progress.status()["passed"].sum() == 0
    progress.record(passed("01.q1"), now=T1)
    progress.overview()
    err = capsys.readouterr().err
    assert err.count("Course progress:") == 1 and reason in err and "progress.reset()" in err
    assert progress_file.read_text(encoding="utf-8") == text
    assert list(progress.passed_ids()) == ["01.q1"]  # kept in memory for this session


def test_reset_moves_a_corrupt_file_aside_and_starts_a_new_one(progress_file):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text("{not json", encoding="utf-8")
    message = progress.reset()
    (aside,) = progress_file.parent.glob(".course_progress.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == "{not json" and "moved aside" in message
    progress.record(passed("01.q1"), now=T1)
    assert stored(progress_file) == {"01.q1": "2025-03-01T09:30:12Z"}


def test_an_unwritable_folder_keeps_passes_in_memory_with_one_message(progress_file, monkeypatch, capsys):
    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(progress.tempfile, "mkstemp", read_only)
    progress.record(passed("01.q1"), now=T1)
    progress.record(passed("01.q2"), now=T2)
    err = capsys.readouterr().err
    assert err.count("Course progress:") == 1 and "Permission denied" in err and "in memory" in err
    assert not progress_file.exists()
    assert progress.passed_ids() == {"01.q1": "2025-03-01T09:30:12Z", "01.q2": "2025-03-02T10:00:00Z"}
    assert progress.status().loc["01", "passed"] == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_really_read_only_folder_does_not_break_a_check(progress_file, capsys):
    progress_file.parent.mkdir(parents=True)
    progress_file.parent.chmod(0o500)
    try:
        assert question("01.q1").check(2.5)
    finally:
        progress_file.parent.chmod(0o700)
    assert "in memory" in capsys.readouterr().err and progress.passed_ids().keys() == {"01.q1"}


def test_a_folder_given_as_the_progress_file_is_explained_and_never_touched(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "a-folder"
    (folder / "keep.txt").parent.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setenv(progress.ENV_VAR, str(folder))
    progress._reset_session_state()
    progress.record(passed("01.q1"), now=T1)
    assert "is a folder, not a file" in capsys.readouterr().err
    assert "Nothing was deleted" in progress.reset()
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine" and folder.is_dir()
    progress._reset_session_state()


# -- reset, export, restore -----------------------------------------------------------------------


def test_reset_deletes_only_the_progress_file(progress_file):
    progress.record(passed("01.q1"), now=T1)
    neighbour = progress_file.parent / "notes.txt"
    neighbour.write_text("mine", encoding="utf-8")
    assert "deleted" in progress.reset()
    assert not progress_file.exists() and neighbour.read_text(encoding="utf-8") == "mine"
    assert progress.passed_ids() == {}
    assert "no progress to reset" in progress.reset()


def test_export_writes_a_visible_copy_and_never_overwrites(progress_file, tmp_path):
    progress.record(passed("01.q1"), now=T1)
    first, second = progress.export(tmp_path / "out"), progress.export(tmp_path / "out")
    assert first != second and not first.name.startswith(".")
    assert progress.parse_progress(first.read_text(encoding="utf-8")) == {"01.q1": "2025-03-01T09:30:12Z"}


def test_restore_merges_an_exported_copy_keeping_the_earliest_times(progress_file, tmp_path):
    copy = tmp_path / "copy.json"
    copy.write_text(
        progress.serialise_progress({"01.q1": "2025-03-01T09:30:12Z", "01.q2": "2025-03-01T09:00:00Z"})
    )
    progress.record(passed("01.q2"), now=T2)
    assert "1 new" in progress.restore(copy)
    assert stored(progress_file) == {"01.q1": "2025-03-01T09:30:12Z", "01.q2": "2025-03-01T09:00:00Z"}


def test_restore_explains_a_missing_or_invalid_file(progress_file, tmp_path):
    with pytest.raises(FileNotFoundError, match="upload the exported file first"):
        progress.restore(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(progress.ProgressFileError, match=r"bad\.json cannot be restored"):
        progress.restore(bad)


# -- two processes at once (issue 15, item 1) -----------------------------------------------------

_RECORDER = """
import sys
from helpers import progress

class Passed:
    ok = True

    def __init__(self, qid):
        self.question_id = qid

if sys.argv[2] == "no-fcntl":
    progress._fcntl = None  # the portable exclusive-create lock file
for k in range(int(sys.argv[3])):
    progress.record(Passed(f"{sys.argv[1]}.q{k}"))
"""


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@pytest.mark.parametrize("lock", ["flock", "no-fcntl"])
def test_two_processes_recording_at_once_keep_every_pass(progress_file, lock):
    """2 separate processes x 200 passes into one file: all 400 are kept (without the lock, 15-40 %
    were lost), no message, no temporary file left."""
    progress_file.parent.mkdir(parents=True)
    env = {**os.environ, progress.ENV_VAR: str(progress_file)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _RECORDER, prefix, lock, "200"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("AA", "BB")
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert all("Course progress" not in err for _out, err in outputs), outputs
    kept = stored(progress_file)
    assert len(kept) == 400
    assert kept.keys() == {f"{p}.q{k}" for p in ("AA", "BB") for k in range(200)}
    assert not [p for p in progress_file.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_lock_held_too_long_keeps_the_pass_in_memory_and_saves_it_with_the_next(
    progress_file, monkeypatch, capsys
):
    progress_file.parent.mkdir(parents=True)
    monkeypatch.setattr(progress, "LOCK_TIMEOUT_S", 0.05)
    with progress._locked(progress_file):  # another notebook in the middle of a (stuck) write
        progress.record(passed("01.q1"), now=T1)
    err = capsys.readouterr().err
    assert "locked for more than 0.05 s" in err and "kept in memory" in err
    assert not progress_file.exists() and progress.passed_ids().keys() == {"01.q1"}
    progress.record(passed("01.q2"), now=T2)
    assert stored(progress_file).keys() == {"01.q1", "01.q2"}


def test_a_stale_lock_file_without_fcntl_is_taken_over(progress_file, monkeypatch):
    """Without fcntl the lock is the lock file itself: one left by a crashed writer is removed."""
    monkeypatch.setattr(progress, "_fcntl", None)
    progress_file.parent.mkdir(parents=True)
    lock = progress.lock_path(progress_file)
    lock.touch()
    old = time.time() - progress.STALE_LOCK_S - 5
    os.utime(lock, (old, old))
    progress.record(passed("01.q1"), now=T1)
    assert stored(progress_file).keys() == {"01.q1"} and not lock.exists()


# -- hostile files and folders (issue 15, item 2) -------------------------------------------------

DEEP = (
    '{"format": "influencer-course-progress", "version": 1, "passed": ' + "[" * 100_000 + "]" * 100_000 + "}"
)


def test_a_deeply_nested_file_is_reported_not_a_recursion_error(progress_file, capsys):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text(DEEP, encoding="utf-8")
    progress.record(passed("01.q1"), now=T1)
    assert progress.passed_ids().keys() == {"01.q1"}  # the new pass is kept in memory
    assert progress.status().loc["01", "passed"] == 1
    assert "passed 1 of" in repr(progress.overview())
    err = capsys.readouterr().err
    assert err.count("Course progress:") == 1 and "nested far too deeply" in err
    assert progress_file.read_text(encoding="utf-8") == DEEP  # left as it is
    with pytest.raises(progress.ProgressFileError, match="nested far too deeply"):
        progress.parse_progress(DEEP)


def test_restoring_a_deeply_nested_copy_says_it_is_not_a_progress_file(progress_file, tmp_path):
    copy = tmp_path / "deep.json"
    copy.write_text(DEEP, encoding="utf-8")
    with pytest.raises(progress.ProgressFileError, match=r"deep\.json cannot be restored: .*nested"):
        progress.restore(copy)


@pytest.mark.parametrize("text", ["{not json", DEEP], ids=["not-json", "deeply-nested"])
def test_reset_after_the_corrupt_file_advice_keeps_this_sessions_passes(progress_file, capsys, text):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text(text, encoding="utf-8")
    progress.record(passed("01.q1"), now=T1)
    progress.record(passed("01.q2"), now=T2)
    assert "progress.reset()" in capsys.readouterr().err  # the advice the learner follows
    message = progress.reset()
    assert "moved aside" in message and "2 passed check(s) are saved in the new file" in message
    assert stored(progress_file) == {"01.q1": "2025-03-01T09:30:12Z", "01.q2": "2025-03-02T10:00:00Z"}
    (aside,) = progress_file.parent.glob(".course_progress.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == text


def test_restoring_a_picture_says_it_is_not_a_text_file(progress_file, tmp_path):
    picture = tmp_path / "x.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\xfd")
    with pytest.raises(progress.ProgressFileError, match=r"x\.png cannot be restored: it is not a text file"):
        progress.restore(picture)
    assert progress.passed_ids() == {}


def test_restoring_a_folder_names_the_copies_inside_it(progress_file, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    with pytest.raises(IsADirectoryError, match="is a folder, not a progress file: pass the exported file"):
        progress.restore(folder)
    progress.record(passed("01.q1"), now=T1)
    copy = progress.export(folder)
    with pytest.raises(IsADirectoryError, match=re.escape(f"it holds {copy.name}")):
        progress.restore(folder)


def test_export_into_a_path_under_a_file_explains_and_keeps_the_progress(progress_file, tmp_path):
    progress.record(passed("01.q1"), now=T1)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine", encoding="utf-8")
    with pytest.raises(
        OSError, match=r"Could not write into .*notes\.txt.*is a file, not a folder"
    ) as caught:
        progress.export(blocker / "out")
    assert "Your progress is unchanged" in str(caught.value)
    assert blocker.read_text(encoding="utf-8") == "mine"
    assert stored(progress_file).keys() == {"01.q1"}


def test_export_into_a_read_only_folder_explains_and_leaves_nothing(progress_file, tmp_path, monkeypatch):
    """A read-only folder, simulated so that it also holds for root (CI): creating a file there fails."""
    progress.record(passed("01.q1"), now=T1)
    out = tmp_path / "out"
    out.mkdir()

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_files.tempfile, "mkstemp", read_only)
    with pytest.raises(PermissionError, match="you cannot write there: choose a folder you can write to"):
        progress.export(out)
    assert list(out.iterdir()) == []
    assert stored(progress_file).keys() == {"01.q1"}


def test_an_interrupted_export_leaves_no_partial_copy(progress_file, tmp_path, monkeypatch):
    progress.record(passed("01.q1"), now=T1)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", disk_full)
    with pytest.raises(OSError, match=r"the disk \(or your quota\) is full"):
        progress.export(tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_restoring_while_the_file_is_corrupt_says_the_passes_are_only_in_memory(progress_file, tmp_path):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text("{not json", encoding="utf-8")
    copy = tmp_path / "copy.json"
    copy.write_text(progress.serialise_progress({"01.q1": "2025-03-01T09:30:12Z"}), encoding="utf-8")
    message = progress.restore(copy)
    assert "kept in memory only" in message and "progress.reset()" in message
    assert progress.passed_ids().keys() == {"01.q1"}
    assert "saved in the new file" in progress.reset()
    assert stored(progress_file).keys() == {"01.q1"}


def test_restoring_into_an_unwritable_folder_says_how_to_keep_the_passes(
    progress_file, tmp_path, monkeypatch
):
    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(progress.tempfile, "mkstemp", read_only)
    copy = tmp_path / "copy.json"
    copy.write_text(progress.serialise_progress({"01.q1": "2025-03-01T09:30:12Z"}), encoding="utf-8")
    message = progress.restore(copy)
    assert "kept in memory only" in message and "progress.export(" in message
    assert progress.passed_ids().keys() == {"01.q1"}
