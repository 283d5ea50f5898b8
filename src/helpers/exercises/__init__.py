"""Exercises with immediate, specific feedback: each question is defined once, declaratively.

A question knows its expected answer (a value, or a zero-argument callable that computes it lazily from
the bundled data) or a custom checker, its tolerance, its hints in order, its solution (code and
explanation) and the *known mistakes* learners make, each with its own feedback. Lesson modules
(``helpers.exercises.lesson00`` ... ``lesson12``) hold the questions; see :mod:`helpers.exercises.lesson00`
for a worked template.

In a notebook::

    from helpers.exercises import ____, lesson00 as ex

    likes, comments, followers = 1_850, 150, 80_000
    answer = ____            # the starter runs as it stands
    ex.q1.check(answer)      # -> "not attempted yet", never an exception

    ex.q1.hint()             # hints one at a time, in order
    ex.q1.solution()         # code and explanation

Answer kinds:

- :class:`NumericQuestion` -- a number with absolute/relative tolerance; recognises answers that are off
  by a factor of 10, 100 (percent vs fraction) or 1000 (per-thousand, "k"), and says how far off the rest are.
- :class:`ChoiceQuestion` -- a string, compared ignoring case and extra whitespace; optional list of options.
- :class:`SetQuestion` -- a collection of ids, order-insensitive by default (``ordered=True`` for ranked
  lists); says how many ids are missing or extra.
- :class:`TableQuestion` -- a pandas Series or DataFrame, values compared with tolerance; says which
  index labels, columns or cells differ.
- :class:`TupleQuestion` -- numbers and choices in one tuple (``(replies, "C")``): each part with its own
  tolerance or options; says which part is wrong and how (a number: how far off; a choice: why not).
- :class:`Question` with ``checker=`` -- a custom callable returning ``(ok, message)``.

Every check returns a :class:`Result` (truthy when correct) and, inside IPython, displays it once.
Listeners in :data:`on_check` are called with every :class:`Result` (the hook for ``helpers.progress``).
:func:`all_questions` and :func:`all_quizzes` discover every lesson module so the test suite can test
every question in the course.

The package is made of parts with one idea each, re-exported here: :mod:`~helpers.exercises.blanks`
(``____``), :mod:`~helpers.exercises.results` (Result, Hint, Solution, the ``on_check`` hook),
:mod:`~helpers.exercises.mistakes` (Mistake, Slip), :mod:`~helpers.exercises.questions` (Question) and
:mod:`~helpers.exercises.kinds` (the answer kinds), :mod:`~helpers.exercises.catalogue` (every lesson
module and check); :mod:`~helpers.exercises.formatting` describes answers in messages. Concept quizzes are
in :mod:`helpers.exercises.quiz`, reusable slips in :mod:`helpers.exercises.slips`.
"""

from __future__ import annotations

from helpers import progress as _progress
from helpers.exercises.blanks import BLANK, Blank, ____, is_blank
from helpers.exercises.catalogue import (
    all_questions,
    all_quizzes,
    checkable_ids,
    known_mistakes,
    lesson_modules,
    questions_in,
    quizzes_in,
    validate_lesson,
)
from helpers.exercises.formatting import _fmt_number as _fmt_number  # the tests reach for it
from helpers.exercises.kinds import (
    ChoicePart,
    ChoiceQuestion,
    NumberPart,
    NumericQuestion,
    SetQuestion,
    TableQuestion,
    TupleQuestion,
    lettered_options,
)
from helpers.exercises.mistakes import Mistake, Slip, mistake_id
from helpers.exercises.questions import NOTEBOOK_ALIAS, Question
from helpers.exercises.results import Hint, Result, Solution, Status, on_check
from helpers.exercises.results import _notify as _notify  # kept for code written against the old module

__all__ = [
    "BLANK",
    "NOTEBOOK_ALIAS",
    "Blank",
    "ChoicePart",
    "ChoiceQuestion",
    "Hint",
    "Mistake",
    "NumberPart",
    "NumericQuestion",
    "Question",
    "Result",
    "SetQuestion",
    "Slip",
    "Solution",
    "Status",
    "TableQuestion",
    "TupleQuestion",
    "____",
    "all_questions",
    "all_quizzes",
    "is_blank",
    "known_mistakes",
    "lesson_modules",
    "lettered_options",
    "mistake_id",
    "on_check",
    "questions_in",
    "quizzes_in",
    "validate_lesson",
]


# Record passed checks in the learner's local progress file, and tell it which checks exist (see
# helpers.progress, which sits below this package and never imports it).
_progress.register_catalogue(checkable_ids)
on_check.append(_progress.record)
