"""Every exercise and quiz in the course, tested generically (lesson modules are discovered).

A failing test names the question: ``test_solution_passes[00.q1]``, ``test_known_mistake_gets_its_own
_message[00.q1-mistake2]``, ``test_wrong_option_explains_itself[00.quiz.1-option3]``.
"""

from __future__ import annotations

from typing import Any

import pytest

from helpers.exercises import (
    Question,
    Status,
    TupleQuestion,
    ____,
    all_questions,
    all_quizzes,
    lesson_modules,
    validate_lesson,
)
from helpers.exercises.kinds import NumberPart
from helpers.exercises.quiz import MultipleChoice, Numeric, Quiz

QUESTIONS = all_questions()
QUIZZES = all_quizzes()
MISTAKES = [(q, k) for q in QUESTIONS for k in range(len(q.mistakes))]
CHOICES = [(z, i) for z in QUIZZES for i, item in enumerate(z.questions) if isinstance(item, MultipleChoice)]
WRONG_OPTIONS = [
    (z, i, k) for z, i in CHOICES for k, option in enumerate(z.questions[i].options) if not option.correct
]
NUMERICS = [(z, i) for z in QUIZZES for i, item in enumerate(z.questions) if isinstance(item, Numeric)]
NUMERIC_MISTAKES = [(z, i, k) for z, i in NUMERICS for k in range(len(z.questions[i].mistakes))]


def run_cells(question: Question, *cells: str) -> dict[str, Any]:
    """Run the setup, then the given code cells, as the notebook would; return the namespace."""
    namespace: dict[str, Any] = {"__name__": "__exercise__", "____": ____}
    for code in (question.setup, *cells):
        exec(compile(code, f"<{question.id}>", "exec"), namespace)
    return namespace


def test_the_course_has_exercises_and_quizzes():
    assert QUESTIONS and QUIZZES


@pytest.mark.parametrize("module", lesson_modules(), ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_lesson_module_definitions_are_consistent(module):
    assert validate_lesson(module) == []


def test_ids_are_unique_across_the_course():
    ids = [q.id for q in QUESTIONS] + [z.id for z in QUIZZES]
    assert len(ids) == len(set(ids))


# -- exercises -------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_untouched_starter_runs_and_says_not_attempted(question):
    namespace = run_cells(question, question.starter)
    result = question.evaluate(namespace[question.var])
    assert result.status is Status.NOT_ATTEMPTED, repr(result)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_solution_passes(question):
    namespace = run_cells(question, question.starter, question.solution_code)
    result = question.evaluate(namespace[question.var])
    assert result.ok, repr(result)


@pytest.mark.parametrize(
    ("question", "k"), MISTAKES, ids=[f"{q.id}-mistake{k + 1}" for q, k in MISTAKES] or None
)
def test_known_mistake_gets_its_own_message(question, k):
    mistake = question.mistakes[k]
    result = question.evaluate(mistake.sample())
    assert result.status is Status.MISTAKE, repr(result)
    assert result.message == mistake.feedback.strip()


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_arbitrary_wrong_answer_gets_a_helpful_generic_message(question):
    result = question.evaluate(question.generic_wrong_answer())
    assert result.status is Status.WRONG, repr(result)
    assert f"`{question.call('hint')}`" in result.message


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_answer_of_a_strange_type_is_explained_not_raised(question):
    result = question.evaluate(object())
    assert not result.ok and result.message and "0x" not in repr(result)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_hints_and_solution_are_shown(question):
    question.reset()
    try:
        shown = [repr(question.hint()) for _ in question.hints]
        assert all(hint in text for hint, text in zip(question.hints, shown, strict=True))
        assert "no more hints" in repr(question.hint())
        assert question.solution_code in question.solution()._repr_markdown_()
        assert question.explanation.strip(), "an explanation is needed"
    finally:
        question.reset()


TUPLES = [q for q in QUESTIONS if isinstance(q, TupleQuestion)]
TUPLE_NUMBERS = [(q, i) for q in TUPLES for i, p in enumerate(q.parts) if isinstance(p, NumberPart)]


@pytest.mark.parametrize("question", TUPLES, ids=lambda q: q.id)
def test_tuple_exercise_example_has_the_shape_and_is_not_the_answer(question):
    """The example in the malformed-answer message is typed as the learner would type it, and wrong."""
    assert question.read(question.example) is not None
    assert not question.evaluate(question.example).ok
    message = question.evaluate("text").message
    assert "Answer with" in message and str(question.example[-1]) in message


@pytest.mark.parametrize(
    ("question", "i"), TUPLE_NUMBERS, ids=[f"{q.id}-part{i + 1}" for q, i in TUPLE_NUMBERS]
)
def test_tuple_exercise_names_its_wrong_number(question, i):
    """A number ten times too large, the rest right, is named by its label (unless it is a known mistake)."""
    answer = list(question.expected_value)
    answer[i] = answer[i] * 10 if answer[i] else 10.0
    result = question.evaluate(tuple(answer))
    assert not result.ok
    if result.status is Status.WRONG:
        assert question.parts[i].label in result.message and "10 times too large" in result.message


# -- quizzes ---------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh_quizzes():
    for quiz in QUIZZES:
        quiz.reset()
    yield
    for quiz in QUIZZES:
        quiz.reset()


def _quiz_id(quiz: Quiz, i: int, suffix: str = "") -> str:
    return quiz.question_id(i) + suffix


@pytest.mark.parametrize(("quiz", "i"), CHOICES, ids=[_quiz_id(z, i) for z, i in CHOICES] or None)
def test_correct_option_passes(quiz, i):
    quiz.answer(i, quiz.questions[i].correct_index)
    assert quiz.check(i).ok


@pytest.mark.parametrize(
    ("quiz", "i", "k"),
    WRONG_OPTIONS,
    ids=[_quiz_id(z, i, f"-option{k + 1}") for z, i, k in WRONG_OPTIONS] or None,
)
def test_wrong_option_explains_itself(quiz, i, k):
    quiz.answer(i, k)
    result = quiz.check(i)
    assert result.status is Status.MISTAKE
    assert quiz.questions[i].options[k].feedback in result.message


QUIZ_ITEMS = [(z, i) for z in QUIZZES for i in range(len(z.questions))]


@pytest.mark.parametrize(("quiz", "i"), QUIZ_ITEMS, ids=[_quiz_id(z, i) for z, i in QUIZ_ITEMS] or None)
def test_unanswered_quiz_question_says_not_attempted(quiz, i):
    assert quiz.check(i).status is Status.NOT_ATTEMPTED


@pytest.mark.parametrize(("quiz", "i"), NUMERICS, ids=[_quiz_id(z, i) for z, i in NUMERICS] or None)
def test_numeric_quiz_answer_passes_typed_as_text(quiz, i):
    quiz.answer(i, f"{quiz.questions[i].answer:g}")
    assert quiz.check(i).ok


@pytest.mark.parametrize(
    ("quiz", "i", "k"),
    NUMERIC_MISTAKES,
    ids=[_quiz_id(z, i, f"-mistake{k + 1}") for z, i, k in NUMERIC_MISTAKES] or None,
)
def test_numeric_quiz_known_mistake_gets_its_own_message(quiz, i, k):
    mistake = quiz.questions[i].mistakes[k]
    quiz.answer(i, mistake.sample())
    assert quiz.check(i).message == mistake.feedback


@pytest.mark.parametrize(("quiz", "i"), NUMERICS, ids=[_quiz_id(z, i) for z, i in NUMERICS] or None)
def test_numeric_quiz_wrong_answer_gets_a_generic_message(quiz, i):
    quiz.answer(i, quiz.questions[i].answer * 1.37 + 1)
    result = quiz.check(i)
    assert result.status is Status.WRONG and "Try again." in result.message


def test_02_q2_computes_its_answer_from_the_inputs_its_task_states():
    """02.q2's expected numbers come from ``Q2_CREATORS``; the stored notebook's task table must state
    the same followers, engaged per post and finance shares, or the check marks the table's arithmetic
    wrong."""
    import json
    import re
    from pathlib import Path

    from helpers.exercises import lesson02

    [path] = (Path(__file__).resolve().parents[1] / "notebooks").glob("02_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    [task] = [
        "".join(c["source"])
        for c in cells
        if c["cell_type"] == "markdown" and "Exercise 02.q2" in "".join(c["source"])
    ]
    rows = {
        cells_[0]: cells_[1:]
        for line in task.splitlines()
        if line.startswith("| ") and (cells_ := [c.strip() for c in line.strip("|").split("|")])
    }

    def number(text: str) -> float:
        return float(re.search(r"\d[\d,.]*", text)[0].replace(",", ""))  # type: ignore[index]

    for column, creator in enumerate(("A", "B")):
        stated = lesson02.Q2_CREATORS[creator]
        assert number(rows["followers"][column]) == stated["followers"]
        assert number(rows["likes + comments per post"][column]) == stated["engaged_per_post"]
        assert (
            number(rows["followers interested in personal finance"][column]) / 100 == stated["finance_share"]
        )
