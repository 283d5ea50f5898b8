"""helpers.class_report on a synthetic class of 30 learners who answered the real checks of lesson 00.

Every learner works in a progress file of their own, answers through the real ``check()`` calls
(right answers, known mistakes, other wrong answers, re-runs after passing), and hands in with the
real ``progress.hand_in`` - 20 as files, 10 as codes pasted into one text file. The trainer's
command then runs in a subprocess, as a trainer would run it, and its numbers are compared with
what the seeded plan says each learner did.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import statistics
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from matplotlib.image import imread

from helpers import class_report, progress
from helpers.exercises import known_mistakes, lesson00

LEARNERS = 30
SEED = 20261204


@dataclass
class Plan:
    """What the seeded plan says happened for one check."""

    attempted: int = 0
    passed: int = 0
    tries: list[int] | None = None
    mistakes: Counter[str] | None = None


def _wrong_answers() -> dict[str, list[tuple[object, str]]]:
    """Per check, wrong answers a learner may give and the mistake id each should be counted under
    ("" for a wrong answer that is no known mistake)."""
    q1, q2 = lesson00.q1, lesson00.q2
    quiz_mc = lesson00.quiz.questions[0]
    quiz_num = lesson00.quiz.questions[1]
    return {
        "00.q1": [(0.03, "fraction-for-percent"), *[(m.sample(), m.id) for m in q1.mistakes[1:3]], (0.5, "")],
        "00.q2": [
            (q2.mistakes[0].sample(), q2.mistakes[0].id),
            (q2.expected_value / 100, "fraction-for-percent"),
            (99.0, ""),
        ],
        "00.quiz.1": [(k, o.id) for k, o in enumerate(quiz_mc.options) if not o.correct],
        "00.quiz.2": [(m.sample(), m.id) for m in quiz_num.mistakes] + [("12", "")],
    }


def _answer(check: str, answer: object) -> None:
    """Answer one check the way a learner does: the exercise's check(), or the quiz's Check button."""
    if check.startswith("00.quiz."):
        i = int(check.rsplit(".", 1)[1]) - 1
        lesson00.quiz.answer(i, answer)
        lesson00.quiz.check(i)
    else:
        getattr(lesson00, check.split(".")[1]).check(answer)


def _right(check: str) -> object:
    if check == "00.quiz.1":
        return lesson00.quiz.questions[0].correct_index
    if check == "00.quiz.2":
        return lesson00.quiz.questions[1].answer
    return getattr(lesson00, check.split(".")[1]).expected_value


@pytest.fixture(scope="module")
def synthetic_class(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Plan]]:
    """30 learners' hand-ins (20 files, 10 codes) and the plan they came from."""
    root = tmp_path_factory.mktemp("class")
    rng = random.Random(SEED)
    wrong = _wrong_answers()
    plans = {check: Plan(tries=[], mistakes=Counter()) for check in wrong}
    codes = []
    monkeypatch = pytest.MonkeyPatch()
    try:
        for learner in range(LEARNERS):
            monkeypatch.setenv(progress.ENV_VAR, str(root / "progress" / f"learner{learner}.json"))
            progress._reset_session_state()
            lesson00.quiz.reset()
            for check, options in wrong.items():
                slips = rng.choice([0, 0, 0, 1, 1, 2, 3])
                passes = rng.random() < 0.75
                if not slips and not passes:
                    continue  # never tried this one
                hit = set()
                for _ in range(slips):
                    answer, mistake = rng.choice(options)
                    _answer(check, answer)
                    if mistake:
                        hit.add(mistake)
                if passes:
                    _answer(check, _right(check))
                    if rng.random() < 0.3:  # after passing: a wrong answer, then the cell re-run
                        _answer(check, options[0][0])
                        _answer(check, _right(check))
                plan = plans[check]
                plan.attempted += 1
                plan.passed += passes
                plan.tries.append(slips + passes)
                plan.mistakes.update(hit)
            name = f"Learner {learner}" if learner % 3 else None
            note = progress.hand_in(name, folder=root / "hand_ins")
            if learner >= 20:
                note.file.unlink()  # these learners could not upload: they paste the code
                codes.append(f"{name or 'anonymous'} says: {note.code}")
    finally:
        monkeypatch.undo()
        progress._reset_session_state()
        lesson00.quiz.reset()
    (root / "codes.txt").write_text("\n".join(codes) + "\n", encoding="utf-8")
    # what also lands in a trainer's inbox: a second copy, a broken file, a cut code, a stray JSON
    first = sorted((root / "hand_ins").iterdir())[0]
    shutil.copy(first, root / "hand_ins" / "copy of first.json")
    (root / "hand_ins" / "broken.json").write_text(
        '{"format": "influencer-course-hand-in", "vers', encoding="utf-8"
    )
    (root / "hand_ins" / "notes.json").write_text('{"todo": ["print slides"]}', encoding="utf-8")
    (root / "late.txt").write_text(codes[0].split(": ", 1)[1][:-10] + "\n", encoding="utf-8")
    return root, plans


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "helpers.class_report", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_the_report_counts_a_synthetic_class_of_30_as_the_plan_says(synthetic_class, tmp_path):
    root, plans = synthetic_class
    run = _run(
        root / "hand_ins", root / "codes.txt", root / "late.txt", root / "missing.json", "--out", tmp_path
    )
    assert run.returncode == 0, run.stderr
    print(run.stdout)  # pytest -s shows the class picture
    assert "Class report: 30 learner(s) (20 named), 5 source(s) skipped; 4 check(s) attempted." in run.stdout
    rows = {
        row["check"]: row for row in csv.DictReader((tmp_path / "class_report.csv").open(encoding="utf-8"))
    }
    assert list(rows) == ["00.q1", "00.q2", "00.quiz.1", "00.quiz.2"]  # course order
    labels = known_mistakes()
    for check, plan in plans.items():
        row = rows[check]
        assert int(row["attempted"]) == plan.attempted
        assert int(row["passed"]) == plan.passed
        assert float(row["pass_rate_pct"]) == round(100 * plan.passed / plan.attempted, 1)
        assert float(row["median_attempts"]) == statistics.median(plan.tries)
        expected = sorted(plan.mistakes.items(), key=lambda item: (-item[1], item[0]))
        assert row["mistakes"] == "; ".join(f"{labels[check].get(m, m)} ({n})" for m, n in expected)
        top_label, top_n = labels[check].get(expected[0][0], expected[0][0]), expected[0][1]
        line = next(line for line in run.stdout.splitlines() if line.startswith(check + " "))
        assert f"{plan.passed / plan.attempted:.0%}" in line and f"({top_n})" in line
        assert top_label[:20] in line
    png = tmp_path / "class_report.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and imread(png).shape[0] > 200


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_bad_and_duplicate_hand_ins_are_named_with_the_reason_and_skipped(synthetic_class, tmp_path):
    root, _ = synthetic_class
    run = _run(
        root / "hand_ins", root / "codes.txt", root / "late.txt", root / "missing.json", "--out", tmp_path
    )
    skipped = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 5, run.stderr
    reasons = "\n".join(skipped)
    assert "broken.json: it is not valid JSON" in reasons
    assert "notes.json: it is not a hand-in" in reasons
    assert "late.txt: the code is damaged or cut short" in reasons
    assert "missing.json: no such file or folder" in reasons
    assert "duplicate: the same learner as" in reasons and "copy of first.json" in reasons
    assert "Traceback" not in run.stderr


def test_a_newer_hand_in_of_the_same_learner_replaces_the_older(tmp_path, monkeypatch):
    monkeypatch.setenv(progress.ENV_VAR, str(tmp_path / "p.json"))
    progress._reset_session_state()
    try:
        lesson00.q1.check(0.5)
        old = progress.hand_in("Kim", folder=tmp_path / "in").file
        lesson00.q1.check(3.0)
        new = progress.hand_in("Kim", folder=tmp_path / "in").file
    finally:
        progress._reset_session_state()
    data = json.loads(old.read_text(encoding="utf-8"))
    old.write_text(json.dumps(data | {"made": "2000-01-01T00:00:00Z"}), encoding="utf-8")
    loaded = class_report.load_sources([str(tmp_path / "in")])
    assert list(loaded.hand_ins) == [str(new)]
    assert loaded.hand_ins[str(new)].checks["00.q1"].passed
    [(where, reason)] = loaded.skipped  # whichever was read first, the older one is named as skipped
    assert where == str(old) and reason.startswith("duplicate:") and str(new) in reason


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_nothing_readable_exits_non_zero_with_the_reasons(tmp_path):
    (tmp_path / "a.txt").write_text("hello", encoding="utf-8")
    run = _run(tmp_path / "a.txt", "ICH1:@@", "--out", tmp_path / "out")
    assert run.returncode == 1
    assert "no hand-in in it" in run.stderr and "No hand-in could be read" in run.stderr
    assert not (tmp_path / "out").exists()


def test_an_old_progress_copy_counts_its_passes_with_unknown_tries(tmp_path):
    """A version-1 export (passes only, no name, no learner id) still counts: tried and passed, and
    no median tries for a check nobody's tries are known of."""
    copy = tmp_path / "course_progress-20250301T094155Z.json"
    copy.write_text(
        json.dumps({"format": progress.FORMAT, "version": 1, "passed": {"00.q1": "2025-03-01T09:30:12Z"}}),
        encoding="utf-8",
    )
    loaded, rows = class_report.collect([str(copy)])
    assert not loaded.skipped and len(loaded.hand_ins) == 1
    [row] = rows
    assert (row.check, row.attempted, row.passed, row.median_attempts, row.mistakes) == (
        "00.q1",
        1,
        1,
        None,
        (),
    )
    assert "  -  " in class_report.format_table(rows).splitlines()[-1]
