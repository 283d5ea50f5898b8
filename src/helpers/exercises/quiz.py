"""Concept quizzes as plain ipywidgets: multiple choice and numeric questions with per-answer feedback.

For ideas that are not computations ("which of these is a vendor claim?"). Plain ipywidgets run
offline, in JupyterLab, classic Notebook and Voilà, and are driven from tests without a browser::

    from helpers.exercises.quiz import MultipleChoice, Numeric, Option, Quiz

    quiz = Quiz(
        id="00.quiz",
        title="Claims and evidence",
        questions=[
            MultipleChoice(
                prompt="Which of these is a vendor claim?",
                options=[
                    Option("A platform's sales page: 'our clients earn $6 per $1'", correct=True,
                           feedback="Yes: the seller publishes it to sell; no method, no sample."),
                    Option("A peer-reviewed study with its data and method",
                           feedback="No: its method was reviewed and can be checked."),
                ],
            ),
            Numeric(prompt="A creator has 50,000 followers and an ER of 4 %. Engagements per post?",
                    answer=2_000, rel_tol=0.01),
        ],
    )

In a notebook, ``ex.quiz`` on the last line of a cell shows the widgets (one Check button per
question, feedback underneath, large fonts for projectors). From code or tests::

    quiz.answer(0, 0)        # question 0: choose option 0 (or the option's text)
    quiz.answer(1, "2000")   # question 1: type into the box (a number or text)
    results = quiz.check()   # clicks every Check button; a list of Result
    quiz.feedback(0)         # the plain text of question 0's feedback

Numbering in code is 0-based; learners see "1.", "2." and question ids ``00.quiz.1``, ``00.quiz.2``.
A lesson's quiz is called ``quiz`` (id ``"NN.quiz"``); a second one ``quiz2`` (id ``"NN.quiz2"``).
Every check calls the :data:`helpers.exercises.on_check` listeners, like exercises do.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from helpers.exercises.kinds import NumericQuestion
from helpers.exercises.mistakes import Mistake, Slip, mistake_id
from helpers.exercises.results import Result, Status, _notify

if TYPE_CHECKING:  # ipywidgets loads when a quiz is first shown, not when a lesson is imported
    import ipywidgets as widgets

__all__ = [
    "AnswerKeyStats",
    "MultipleChoice",
    "Numeric",
    "Option",
    "Quiz",
    "answer_key_stats",
    "parse_number",
]

_QUIZ_ID = re.compile(r"^\d\d\.quiz\d*$")

#: CSS for the quiz, scoped to ``.course-quiz``: large, readable text on a projector.
QUIZ_CSS = """
<style>
.course-quiz { font-size: 1.25rem; line-height: 1.5; max-width: 60rem; }
.course-quiz .course-quiz-prompt { font-size: 1.3rem; font-weight: 600; margin: 0.6em 0 0.3em 0; }
.course-quiz .widget-radio-box label { font-size: 1.2rem; line-height: 1.6; white-space: normal;
  height: auto; margin: 0.15em 0; display: flex; align-items: flex-start; }
.course-quiz .widget-radio-box input { transform: scale(1.3); margin: 0.45em 0.6em 0 0.15em;
  flex: 0 0 auto; width: auto; order: -1; }
.course-quiz .widget-text input { font-size: 1.2rem; height: 2.2rem; }
.course-quiz .widget-button { font-size: 1.15rem; height: 2.4rem; }
.course-quiz .widget-html-content { font-size: inherit; line-height: inherit; }
</style>
"""


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question, with the feedback shown when it is chosen:
    why it is right, or why it is wrong."""

    text: str
    correct: bool = False
    feedback: str = ""

    def __post_init__(self) -> None:
        if not self.feedback.strip():
            raise ValueError(f"option {self.text!r} needs feedback explaining why it is right or wrong")

    @property
    def id(self) -> str:
        """Stable id of the option (a hash of its text): the known-mistake id when a wrong option is
        chosen, whatever position the option is shown at."""
        return mistake_id(text=self.text)


@dataclass(kw_only=True)
class MultipleChoice:
    """A multiple-choice question: exactly one correct option, each option with its own feedback.
    Options keep the order given (no shuffling)."""

    prompt: str
    options: Sequence[Option]

    def __post_init__(self) -> None:
        self.options = tuple(self.options)
        if len(self.options) < 2:
            raise ValueError(f"{self.prompt!r}: a multiple-choice question needs at least two options")
        if sum(o.correct for o in self.options) != 1:
            raise ValueError(f"{self.prompt!r}: exactly one option must be correct")

    @property
    def correct_index(self) -> int:
        """Position of the correct option."""
        return next(i for i, o in enumerate(self.options) if o.correct)

    def evaluate(self, choice: int | None, qid: str, title: str) -> Result:
        """Judge a chosen option index (None when nothing is chosen)."""
        if choice is None:
            return Result(qid, title, Status.NOT_ATTEMPTED, "Choose an option, then press Check.")
        option = self.options[choice]
        if option.correct:
            others = "\n".join(f"- {o.text.rstrip('.')}: {o.feedback}" for o in self.options if not o.correct)
            return Result(qid, title, Status.CORRECT, f"{option.feedback}\n\nWhy not the others:\n{others}")
        return Result(
            qid, title, Status.MISTAKE, f"{option.feedback}\n\nTry another option.", mistake_id=option.id
        )

    def known_mistakes(self) -> dict[str, str]:
        """The wrong options as known mistakes: stable id -> option text."""
        return {o.id: o.text for o in self.options if not o.correct}


@dataclass(kw_only=True)
class Numeric:
    """A numeric question typed into a box, within tolerance, with known mistakes (values with
    feedback), named slips (:mod:`helpers.exercises.slips`) and the same factor-of-10/100/1000 and
    "how far off" feedback as exercises."""

    prompt: str
    answer: float
    abs_tol: float = 0.0
    rel_tol: float = 1e-2
    unit: str = ""
    why: str = ""
    mistakes: Sequence[Mistake] = ()
    slips: Sequence[Slip] = ()
    _checker: _QuizNumeric = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.mistakes = tuple(self.mistakes)
        self.slips = tuple(self.slips)
        self._checker = _QuizNumeric(
            id="00.q0",  # placeholder; results are relabelled with the quiz question's id
            title=self.prompt,
            expected=self.answer,
            abs_tol=self.abs_tol,
            rel_tol=self.rel_tol,
            unit=self.unit,
            why=self.why,
            mistakes=self.mistakes,
            slips=self.slips,
            hints=("(quiz)",),
            solution_code="(quiz)",
        )

    def evaluate(self, text: str | float | None, qid: str, title: str) -> Result:
        """Judge what was typed (text from the box, or a number)."""
        if text is None or (isinstance(text, str) and not text.strip()):
            return Result(qid, title, Status.NOT_ATTEMPTED, "Type a number, then press Check.")
        value = parse_number(text) if isinstance(text, str) else text
        if value is None:
            return Result(
                qid, title, Status.WRONG_TYPE, f"{text!r} is not a number: type digits, such as 12.5."
            )
        inner = self._checker.evaluate(value)
        return Result(qid, title, inner.status, inner.message, mistake_id=inner.mistake_id)

    def known_mistakes(self) -> dict[str, str]:
        """Its known mistakes and slips: stable id -> short label."""
        return self._checker.known_mistakes()


@dataclass(kw_only=True, eq=False)
class _QuizNumeric(NumericQuestion):
    """The exercise number-checker reused inside a quiz: no hints to point to."""

    def _nudge(self) -> str:
        return "Try again."


@dataclass(frozen=True)
class AnswerKeyStats:
    """Where the correct options sit in a set of multiple-choice questions, and how long they are
    compared with the wrong ones - the two tells a test-wise learner uses without reading the lesson."""

    questions: int
    #: number of questions whose correct option is stored at position k (0-based), for every k used
    positions: dict[int, int]
    #: questions whose correct option is longer (in characters) than every other option
    correct_longest: int
    #: questions whose correct option is shorter than every other option
    correct_shortest: int
    #: fewest options any question has
    fewest_options: int

    @property
    def top_position_share(self) -> float:
        """Share (0-1) of the questions whose correct option sits at the most used position."""
        return max(self.positions.values()) / self.questions if self.questions else 0.0

    @property
    def longest_share(self) -> float:
        """Share (0-1) of the questions where the correct option is the single longest."""
        return self.correct_longest / self.questions if self.questions else 0.0

    @property
    def shortest_share(self) -> float:
        """Share (0-1) of the questions where the correct option is the single shortest."""
        return self.correct_shortest / self.questions if self.questions else 0.0

    def __str__(self) -> str:
        where = ", ".join(f"{chr(65 + k)} {n}" for k, n in sorted(self.positions.items()))
        return (
            f"{self.questions} multiple-choice questions; correct option at {where} "
            f"(top position {self.top_position_share:.0%}); correct option is the single longest in "
            f"{self.correct_longest} ({self.longest_share:.0%}), the single shortest in "
            f"{self.correct_shortest} ({self.shortest_share:.0%}); fewest options {self.fewest_options}"
        )


def answer_key_stats(quizzes: Sequence[Quiz]) -> AnswerKeyStats:
    """Answer-key statistics over every multiple-choice question of ``quizzes``, in stored order."""
    positions: dict[int, int] = {}
    longest = shortest = 0
    fewest = 0
    choices = [q for quiz in quizzes for q in quiz.questions if isinstance(q, MultipleChoice)]
    for question in choices:
        k = question.correct_index
        positions[k] = positions.get(k, 0) + 1
        lengths = [len(o.text) for o in question.options]
        others = lengths[:k] + lengths[k + 1 :]
        longest += lengths[k] > max(others)
        shortest += lengths[k] < min(others)
        fewest = len(lengths) if not fewest else min(fewest, len(lengths))
    return AnswerKeyStats(len(choices), positions, longest, shortest, fewest)


def parse_number(text: str) -> float | None:
    """A number typed by a person: ``"2,000"``, ``"2 000"``, ``"3.5 %"``, ``"3,5"`` (decimal comma)."""
    cleaned = text.strip().rstrip("%").strip().replace(" ", "").replace("_", "").replace("\u00a0", "")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    elif re.fullmatch(r"[-+]?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


class Quiz:
    """A titled group of :class:`MultipleChoice` and :class:`Numeric` questions shown as ipywidgets.

    The widgets are built on first use and kept, so redisplaying the quiz keeps what was answered.
    """

    def __init__(self, *, id: str, title: str, questions: Sequence[MultipleChoice | Numeric]) -> None:
        if not _QUIZ_ID.match(id):
            raise ValueError(f"quiz id {id!r} should look like '01.quiz' (or '01.quiz2' for a second one)")
        if not questions:
            raise ValueError(f"quiz {id!r} has no questions")
        self.id = id
        self.title = title
        self.questions: tuple[MultipleChoice | Numeric, ...] = tuple(questions)
        self._widget: widgets.VBox | None = None
        self._inputs: list[widgets.RadioButtons | widgets.Text] = []
        self._buttons: list[widgets.Button] = []
        self._feedback: list[widgets.HTML] = []
        self._results: list[Result | None] = [None] * len(self.questions)

    def __repr__(self) -> str:
        return f"<Quiz {self.id}: {self.title} ({len(self.questions)} questions)>"

    def question_id(self, i: int) -> str:
        """The stable id of question ``i`` (0-based): ``"00.quiz.1"`` for the first."""
        return f"{self.id}.{i + 1}"

    # -- widgets ---------------------------------------------------------------------------------

    @property
    def widget(self) -> widgets.VBox:
        """The quiz as one ipywidgets box (built once)."""
        if self._widget is None:
            self._widget = self._build()
        return self._widget

    def _build(self) -> widgets.VBox:
        import ipywidgets as widgets

        # the labs' button colours (WCAG AA contrast) and their grey not-connected mark
        from helpers.widgets.base import button_css, disconnected_mark_css

        rows: list[widgets.Widget] = [
            widgets.HTML(QUIZ_CSS),
            widgets.HTML(
                f"<style>{button_css('.course-quiz')}\n{disconnected_mark_css('.course-quiz')}</style>"
                f"<h3 style='font-size:1.5rem;margin:0.2em 0'>{html.escape(self.title)}</h3>"
            ),
        ]
        for i, question in enumerate(self.questions):
            prompt = widgets.HTML(
                f"<div class='course-quiz-prompt'>{i + 1}. {html.escape(question.prompt)}</div>"
            )
            if isinstance(question, MultipleChoice):
                box: widgets.RadioButtons | widgets.Text = widgets.RadioButtons(
                    options=[(o.text, k) for k, o in enumerate(question.options)],
                    value=None,
                    layout=widgets.Layout(width="auto"),
                )
                line: list[widgets.Widget] = [box]
            else:
                box = widgets.Text(placeholder="type a number", layout=widgets.Layout(width="14rem"))
                unit = widgets.HTML(f"<span style='font-size:1.2rem'>{html.escape(question.unit)}</span>")
                line = [widgets.HBox([box, unit])]
            button = widgets.Button(description="Check", button_style="primary", icon="check")
            button.style.font_size = "1.15rem"
            feedback = widgets.HTML("")
            button.on_click(lambda _b, i=i: self._on_check(i))
            box.observe(lambda _change, i=i: self._clear(i), names="value")
            self._inputs.append(box)
            self._buttons.append(button)
            self._feedback.append(feedback)
            rows.append(widgets.VBox([prompt, *line, button, feedback]))
        root = widgets.VBox(rows)
        root.add_class("course-quiz")
        return root

    def _ipython_display_(self) -> None:
        from IPython.display import display

        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = f"Quiz {self.id}: {self.title} ({len(self.questions)} questions)"
        display(bundle, raw=True)

    def _on_check(self, i: int) -> None:
        question = self.questions[i]
        box = self._inputs[i]
        title = f"{self.title} ({i + 1}/{len(self.questions)})"
        result = question.evaluate(box.value, self.question_id(i), title)
        self._results[i] = result
        self._feedback[i].value = result._repr_html_()
        _notify(result)

    def _clear(self, i: int) -> None:
        self._results[i] = None
        if self._feedback:
            self._feedback[i].value = ""

    # -- driving it from code and tests ----------------------------------------------------------

    def answer(self, i: int, choice: int | str | float) -> None:
        """Answer question ``i`` (0-based) as a learner would: an option index or option text for
        multiple choice; a number or typed text for numeric questions."""
        question = self.questions[i]
        self.widget  # noqa: B018 - build the widgets if needed
        box = self._inputs[i]
        if isinstance(question, MultipleChoice):
            if isinstance(choice, str):
                texts = [o.text for o in question.options]
                if choice not in texts:
                    raise ValueError(f"{choice!r} is not an option of question {i}: {texts}")
                choice = texts.index(choice)
            if not isinstance(choice, int) or not 0 <= choice < len(question.options):
                raise ValueError(f"question {i} has options 0 to {len(question.options) - 1}")
            box.value = choice
        else:
            box.value = choice if isinstance(choice, str) else repr(choice)

    def check(self, i: int | None = None) -> Result | list[Result]:
        """Press the Check button of question ``i`` (or of every question) and return the result(s)."""
        indices = range(len(self.questions)) if i is None else [i]
        self.widget  # noqa: B018 - build the widgets if needed
        for k in indices:
            self._buttons[k].click()
        results = [r for r in (self._results[k] for k in indices) if r is not None]
        return results if i is None else results[0]

    def feedback(self, i: int) -> str:
        """The plain text of question ``i``'s current feedback ("" before a check)."""
        result = self._results[i]
        return repr(result) if result is not None else ""

    def feedback_html(self, i: int) -> str:
        """The HTML shown under question ``i`` (what the learner sees)."""
        self.widget  # noqa: B018
        return self._feedback[i].value

    def reset(self) -> None:
        """Clear every answer and every feedback."""
        import ipywidgets as widgets

        self.widget  # noqa: B018
        for k, box in enumerate(self._inputs):
            box.value = None if isinstance(box, widgets.RadioButtons) else ""
            self._clear(k)
