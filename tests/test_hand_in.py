"""Attempts and known mistakes in the progress file, and the learner's hand-in (file and code)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers import progress
from helpers.exercises import all_questions, all_quizzes, known_mistakes, lesson00
from helpers.exercises.quiz import MultipleChoice
from helpers.exercises.slips import FRACTION_FOR_PERCENT

T1 = datetime(2025, 3, 1, 9, 30, 12, tzinfo=UTC)


@pytest.fixture
def progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    file = tmp_path / "state" / ".course_progress.json"
    monkeypatch.setenv(progress.ENV_VAR, str(file))
    progress._reset_session_state()
    lesson00.quiz.reset()
    yield file
    progress._reset_session_state()
    lesson00.quiz.reset()


def tries(file: Path) -> dict:
    return json.loads(file.read_text(encoding="utf-8"))["tries"]


# -- stable mistake ids -----------------------------------------------------------------------------


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_every_known_mistake_is_recorded_under_its_own_id_or_the_named_slip_it_equals():
    """What a learner's wrong answer is counted as: the mistake it matched (or, when the same answer is
    also a named slip such as a fraction for a percentage, that slip's course-wide id)."""
    checked = 0
    for question in all_questions():
        for mistake in question.mistakes:
            result = question.evaluate(mistake.sample())
            slip = question.matching_slip(mistake.sample()) if question.checker is None else None
            assert result.mistake_id == (slip.id if slip else mistake.id), (question.id, mistake.label)
            checked += 1
        for slip in question.live_slips():
            if question.checker is None:
                assert question.evaluate(slip.sample(question.expected_value)).mistake_id == slip.id
    assert checked > 100


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_mistake_ids_are_distinct_within_a_check_and_the_same_in_a_fresh_process():
    catalogue = known_mistakes()
    for question in all_questions():
        distinct = {m.feedback for m in question.mistakes}
        assert len({m.id for m in question.mistakes}) == len(distinct), question.id
    for quiz in all_quizzes():
        for question in quiz.questions:
            if isinstance(question, MultipleChoice):
                wrong = [o for o in question.options if not o.correct]
                assert len({o.id for o in wrong}) == len(wrong), quiz.id
    script = "import json; from helpers.exercises import known_mistakes as k; print(json.dumps(k()))"
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        for seed in ("1", "2")
    ]
    first, second = (json.loads(run.stdout) for run in runs)
    assert first == second  # the same ids in any process, whatever its hash seed
    assert first["00.q1"] == catalogue["00.q1"]
    assert catalogue["00.q1"][FRACTION_FOR_PERCENT.id] == "fraction for percent"


# -- attempts and mistakes in the progress file -----------------------------------------------------


def test_attempts_and_mistakes_count_until_the_first_pass_only(progress_file):
    q = lesson00.q1
    assert not q.check(0.5)  # generic wrong answer
    assert not q.check(3.0 / 100)  # the fraction: a known mistake
    assert not q.check("3")  # wrong type still counts as an attempt
    assert q.check(3.0)
    assert progress.progress_data().tries["00.q1"] == {"attempts": 4, "mistakes": {"fraction-for-percent": 1}}
    before = progress_file.read_text(encoding="utf-8")
    q.check(0.03)  # after the pass: trying the wrong answer again to read its feedback
    q.check(3.0)  # re-running the solved cell
    assert progress_file.read_text(encoding="utf-8") == before


def test_a_wrong_quiz_option_is_recorded_under_the_option_id(progress_file):
    question = lesson00.quiz.questions[0]
    wrong = next(k for k, o in enumerate(question.options) if not o.correct)
    lesson00.quiz.answer(0, wrong)
    lesson00.quiz.check(0)
    lesson00.quiz.answer(0, question.correct_index)
    lesson00.quiz.check(0)
    entry = tries(progress_file)["00.quiz.1"]
    assert entry == {"attempts": 2, "mistakes": {question.options[wrong].id: 1}}
    assert question.options[wrong].id in known_mistakes()["00.quiz.1"]


def test_an_old_version_1_file_still_loads_and_is_upgraded_keeping_its_passes(progress_file):
    progress_file.parent.mkdir(parents=True)
    old = {"format": progress.FORMAT, "version": 1, "passed": {"01.q1": "2025-03-01T09:30:12Z"}}
    progress_file.write_text(json.dumps(old), encoding="utf-8")
    assert progress.passed_ids() == {"01.q1": "2025-03-01T09:30:12Z"}
    assert not lesson00.q1.check(0.03)
    data = json.loads(progress_file.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["passed"] == old["passed"]
    assert data["tries"]["00.q1"]["attempts"] == 1 and len(data["learner"]) == 12


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_two_processes_counting_attempts_at_once_lose_none(progress_file):
    progress_file.parent.mkdir(parents=True)
    script = (
        "import sys\nfrom helpers import progress\n"
        "for k in range(150):\n    progress.record_check('77.q1', passed=False, mistake=sys.argv[1])\n"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", script, name], stderr=subprocess.PIPE, text=True)
        for name in ("slip-a", "slip-b")
    ]
    errs = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0] and not any(errs), errs
    assert tries(progress_file)["77.q1"] == {"attempts": 300, "mistakes": {"slip-a": 150, "slip-b": 150}}


def test_restoring_the_same_copy_twice_counts_its_attempts_once(progress_file, tmp_path):
    copy = tmp_path / "copy.json"
    copy.write_text(
        progress.serialise_progress(
            {"01.q1": "2025-03-01T09:30:12Z"},
            {"01.q1": {"attempts": 3, "mistakes": {"m-1": 2}}},
            "abcdef123456",
        ),
        encoding="utf-8",
    )
    progress.restore(copy)
    progress.restore(copy)
    data = progress.progress_data()
    assert data.tries == {"01.q1": {"attempts": 3, "mistakes": {"m-1": 2}}}
    assert data.learner == "abcdef123456"  # a new session's file takes the copy's learner id


# -- the hand-in --------------------------------------------------------------------------------------


def test_hand_in_writes_a_small_file_and_the_same_as_a_code(progress_file, tmp_path):
    assert not lesson00.q1.check(0.03)
    assert lesson00.q1.check(3.0)
    assert not lesson00.q2.check(0.5)
    note = progress.hand_in("  Ana   Lopez ", folder=tmp_path / "out")
    data = json.loads(note.file.read_text(encoding="utf-8"))
    assert note.file.name.startswith("hand_in-ana-lopez-") and note.file.stat().st_size < 2_000
    assert set(data) == {"format", "version", "name", "learner", "made", "checks"}  # nothing else
    assert data["name"] == "Ana Lopez"
    assert data["checks"] == {
        "00.q1": {"passed": True, "attempts": 2, "mistakes": {"fraction-for-percent": 1}},
        "00.q2": {"passed": False, "attempts": 1, "mistakes": {}},
    }
    assert "\n" not in note.code and note.code in repr(note) and note.code in note._repr_html_()
    decoded = progress.decode_code(note.code)
    assert decoded == progress.parse_hand_in(note.file.read_text(encoding="utf-8"))
    assert decoded.checks["00.q1"].mistakes == {"fraction-for-percent": 1}
    again = progress.hand_in(folder=tmp_path / "out")  # never overwrites; no name: anonymous
    assert again.file != note.file and progress.decode_code(again.code).name is None
    assert progress.decode_code(again.code).learner == decoded.learner


@pytest.mark.parametrize("name", ["x" * 61, "Ana\x00", "tab\there\x07"])
def test_hand_in_refuses_a_name_it_cannot_use_and_writes_nothing(progress_file, tmp_path, name):
    with pytest.raises(ValueError, match="printable characters"):
        progress.hand_in(name, folder=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_hand_in_into_an_unwritable_place_says_so_and_gives_the_code(progress_file, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    lesson00.q1.check(3.0)
    with pytest.raises(OSError, match=r"ICH1:") as info:
        progress.hand_in(folder=blocker / "sub")
    assert "hand_in(folder='~')" in str(info.value)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("hello", "not a hand-in code"),
        ("ICH1:", "characters a hand-in code never has"),
        ("ICH1:abc$def", "characters a hand-in code never has"),
        ("ICH1:" + base64.urlsafe_b64encode(zlib.compress(b"[1, 2]")).decode().rstrip("="), "not a hand-in"),
        ("ICH1:" + base64.urlsafe_b64encode(zlib.compress(b"\x00" * 5_000_000)).decode(), "more than"),
    ],
    ids=["no-prefix", "empty", "bad-characters", "not-a-hand-in", "zip-bomb"],
)
def test_a_bad_code_is_explained(code, reason):
    with pytest.raises(progress.ProgressFileError, match=reason):
        progress.decode_code(code)


def test_a_damaged_or_cut_code_is_detected_not_misread(progress_file, tmp_path):
    lesson00.q1.check(3.0)
    code = progress.hand_in(folder=tmp_path).code
    for bad in (code[:-6], code[:20] + ("A" if code[20] != "A" else "B") + code[21:]):
        with pytest.raises(
            progress.ProgressFileError, match=r"damaged or cut short|not valid JSON|not a hand-in"
        ):
            progress.decode_code(bad)
