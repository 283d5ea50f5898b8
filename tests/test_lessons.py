"""Every notebook has a lesson plan that a trainer can teach from, and the two agree.

Checks per lesson: the plan exists with every required section; its time matches the course map;
its timing table adds up to the stated total; every objective names the exercise or quiz ids that
assess it, each id exists, and every exercise and quiz of the lesson assesses some objective.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import course
from helpers.exercises import lesson_modules, questions_in, quizzes_in

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
REQUIRED_SECTIONS = (
    "Objectives",
    "Timing",
    "Outline",
    "Trainer notes",
    "Discussion prompts",
    "Common misconceptions",
    "Answers",
    "Sources",
)
EXERCISE_ID = re.compile(r"\b(\d\d\.(?:q\d+\w*|quiz\d*))\b")


def _plan(number: str) -> str:
    return (ROOT / "lessons" / course.lesson(number).lesson_plan).read_text(encoding="utf-8")


def _section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"section '## {title}' missing"
    return match.group(1)


def _table_rows(section: str) -> list[list[str]]:
    rows = [line for line in section.splitlines() if line.strip().startswith("|")]
    return [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows[2:]]


def _exercise_ids(number: str) -> set[str]:
    for module in lesson_modules():
        if module.__name__.endswith(f"lesson{number}"):
            return {q.id for q in questions_in(module)} | {z.id for z in quizzes_in(module)}
    return set()


LESSONS = [p.name[:2] for p in NOTEBOOKS]


def test_every_notebook_is_in_the_course_map_with_its_exact_file_name():
    names = {lesson.notebook for lesson in course.COURSE}
    assert {p.name for p in NOTEBOOKS} <= names


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_plan_has_every_required_section(number):
    text = _plan(number)
    for title in REQUIRED_SECTIONS:
        _section(text, title)


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_plan_time_matches_course_map_and_timing_table(number):
    text = _plan(number)
    stated = re.search(r"\*\*Time:\*\*\s*(\d+)\s*minutes", text)
    assert stated, "the plan's header must say '**Time:** N minutes'"
    total = int(stated.group(1))
    assert total == course.lesson(number).minutes, "helpers.course.COURSE and the plan disagree on minutes"
    minutes = [int(row[0]) for row in _table_rows(_section(text, "Timing")) if row and row[0].isdigit()]
    assert minutes, "the Timing table needs a minutes column first"
    print(f"lesson {number}: {total} min, timing table sums to {sum(minutes)} over {len(minutes)} sections")
    assert sum(minutes) == total


@pytest.mark.parametrize("number", LESSONS)
def test_every_objective_names_existing_exercises_and_every_exercise_has_an_objective(number):
    rows = _table_rows(_section(_plan(number), "Objectives"))
    assert rows, "the Objectives section needs a table: | # | objective | assessed by |"
    known = _exercise_ids(number)
    assert known, f"lesson {number} has no exercises in helpers.exercises.lesson{number}"
    covered: set[str] = set()
    for row in rows:
        ids = set(EXERCISE_ID.findall(row[-1]))
        assert ids, f"objective {row[0]} ({row[1][:50]}...) names no exercise id"
        unknown = ids - known
        assert not unknown, f"objective {row[0]} names unknown ids {sorted(unknown)}; known: {sorted(known)}"
        covered |= ids
    orphans = known - covered
    assert not orphans, f"exercises that assess no objective: {sorted(orphans)}"
    print(f"lesson {number}: {len(rows)} objectives -> {sorted(covered)}")


@pytest.mark.parametrize("number", LESSONS)
def test_answers_section_answers_every_exercise(number):
    answers = _section(_plan(number), "Answers")
    missing = {i for i in _exercise_ids(number) if i not in answers}
    assert not missing, f"the Answers section does not mention {sorted(missing)}"
