"""The course's catalogue of checks: every ``helpers.exercises.lessonNN`` module, the questions and
concept quizzes each defines, their known mistakes, the check ids :mod:`helpers.progress` counts, and
:func:`validate_lesson`, which the course tests run on every lesson module.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from helpers.exercises.questions import Question

if TYPE_CHECKING:
    from helpers.exercises.quiz import Quiz

__all__ = [
    "all_questions",
    "all_quizzes",
    "checkable_ids",
    "known_mistakes",
    "lesson_modules",
    "questions_in",
    "quizzes_in",
    "validate_lesson",
]

#: The package the lesson modules live in (``helpers.exercises``) and its folder.
_PACKAGE = __name__.rsplit(".", 1)[0]
_PACKAGE_DIR = Path(__file__).resolve().parent

_LESSON_MODULE = re.compile(r"^lesson(\d\d)$")


def lesson_modules() -> list[ModuleType]:
    """Every ``helpers.exercises.lessonNN`` module present, imported, in lesson order."""
    names = sorted(m.name for m in pkgutil.iter_modules([str(_PACKAGE_DIR)]) if _LESSON_MODULE.match(m.name))
    return [importlib.import_module(f"{_PACKAGE}.{name}") for name in names]


def questions_in(module: ModuleType) -> list[Question]:
    """The questions a lesson module defines, in definition order."""
    return [v for k, v in vars(module).items() if isinstance(v, Question) and not k.startswith("_")]


def quizzes_in(module: ModuleType) -> list[Quiz]:
    """The concept quizzes a lesson module defines, in definition order."""
    from helpers.exercises.quiz import Quiz

    return [v for k, v in vars(module).items() if isinstance(v, Quiz) and not k.startswith("_")]


def all_questions() -> list[Question]:
    """Every exercise in the course (all lesson modules), in lesson and definition order."""
    return [q for module in lesson_modules() for q in questions_in(module)]


def all_quizzes() -> list[Quiz]:
    """Every concept quiz in the course, in lesson and definition order."""
    return [z for module in lesson_modules() for z in quizzes_in(module)]


def known_mistakes() -> dict[str, dict[str, str]]:
    """Every check id of the course (``"01.q3"``, ``"01.quiz.2"``) -> its known mistakes, slips and
    wrong quiz options as stable id -> short label (for :mod:`helpers.class_report`)."""
    found = {q.id: q.known_mistakes() for q in all_questions()}
    for quiz in all_quizzes():
        for i, question in enumerate(quiz.questions):
            found[quiz.question_id(i)] = question.known_mistakes()
    return found


def validate_lesson(module: ModuleType) -> list[str]:
    """Problems with a lesson module's definitions (empty when fine): ids match the module number and
    attribute names, ids are unique, known mistakes and slips are distinct from the right answer."""
    match = _LESSON_MODULE.match(module.__name__.rsplit(".", 1)[-1])
    number = match.group(1) if match else "??"
    problems = []
    seen: set[str] = set()
    for attr, value in vars(module).items():
        if attr.startswith("_") or not isinstance(value, Question):
            continue
        if value.id != f"{number}.{attr}":
            problems.append(f"{attr}: id {value.id!r} should be {number}.{attr!r}")
        if value.id in seen:
            problems.append(f"{attr}: duplicate id {value.id!r}")
        seen.add(value.id)
        for mistake in value.mistakes:
            if value.checker is None and value._is_correct(mistake.sample()):
                problems.append(f"{value.id}: mistake {mistake.feedback[:40]!r} matches the right answer")
        live = value.live_slips()
        problems += [
            f"{value.id}: slip {s.name!r} gives the right answer" for s in value.slips if s not in live
        ]
    from helpers.exercises.quiz import Quiz

    for attr, value in vars(module).items():
        if attr.startswith("_"):
            continue
        if isinstance(value, Quiz) and value.id != f"{number}.{attr}":
            problems.append(f"{attr}: quiz id {value.id!r} should be {number}.{attr!r}")
    return problems


def checkable_ids() -> list[str]:
    """Every check id of the course, in lesson order: exercise ids (``"01.q3"``) and one id per quiz
    question (``"01.quiz.2"``) - what :mod:`helpers.progress` counts as a lesson's total."""
    ids = [q.id for q in all_questions()]
    for quiz in all_quizzes():
        ids.extend(quiz.question_id(i) for i in range(len(quiz.questions)))
    return ids
