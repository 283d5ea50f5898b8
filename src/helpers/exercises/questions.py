"""The question: one exercise defined once (expected answer or checker, hints, solution, known mistakes
and slips), the learner's calls (``check``, ``hint``, ``solution``) and the order in which an answer is
judged. The answer kinds (number, text, ids, table) are in :mod:`helpers.exercises.kinds`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from helpers.exercises.blanks import _MISSING, BLANK, is_blank
from helpers.exercises.formatting import _a_type, _fmt
from helpers.exercises.mistakes import Mistake, Slip
from helpers.exercises.results import Hint, Result, Solution, Status, _notify

__all__ = ["NOTEBOOK_ALIAS", "Question"]


def _lazy(value: Any) -> Any:
    return value() if callable(value) else value


_ID_PATTERN = re.compile(r"^(\d\d)\.(q\d+)$")

#: How notebooks import a lesson's exercises (``from helpers.exercises import lesson01 as ex``);
#: feedback names calls with it, e.g. "Try `ex.q1.hint()`", so learners can copy them.
NOTEBOOK_ALIAS = "ex"


@dataclass(kw_only=True, eq=False)
class Question:
    """One exercise, defined once. Subclasses add answer kinds; this base class compares with ``==``
    or uses a custom ``checker``.

    Attributes:
        id: stable id ``"NN.qK"``; ``K`` matches the module attribute name (``q1``).
        title: a few words naming the task.
        expected: the right answer, or a zero-argument callable computing it (evaluated once, lazily).
        checker: instead of ``expected``: ``checker(answer) -> (ok, message)`` (or a bare bool).
        hints: in the order they are revealed; at least one.
        solution_code: code that, run after the starter, leaves the right answer in ``var``.
        explanation: why the solution is right (Markdown-ish text: `code`, **bold**).
        why: one or two sentences shown with "Correct"; defaults to nothing extra.
        mistakes: known mistakes, tried in order after the answer is found not to be correct.
        slips: named slips (:class:`Slip`), tried after the mistakes; see :meth:`all_slips` for the
            ones a question kind adds by itself.
        var: the learner's variable in the starter (``answer``).
        starter: the starter code; runs as it stands (default ``f"{var} = ____"``).
        setup: code that recreates what earlier notebook cells provide (imports, loaded tables), run
            before the starter by the course tests; the notebook itself already has it.
        wrong_example: an arbitrary wrong answer for the course tests; needed only with ``checker``.
    """

    id: str
    title: str
    expected: Any = _MISSING
    checker: Callable[[Any], tuple[bool, str] | bool] | None = None
    hints: Sequence[str] = ()
    solution_code: str = ""
    explanation: str = ""
    why: str = ""
    mistakes: Sequence[Mistake] = ()
    slips: Sequence[Slip] = ()
    var: str = "answer"
    starter: str = ""
    setup: str = ""
    wrong_example: Any = _MISSING

    _hints_shown: int = field(default=0, init=False, repr=False)
    _solution_seen: bool = field(default=False, init=False, repr=False)
    _expected_cache: Any = field(default=_MISSING, init=False, repr=False)

    #: what the generic wrong-type message calls the expected answer
    expected_kind: ClassVar[str] = "an answer"

    def __post_init__(self) -> None:
        problems = []
        if not _ID_PATTERN.match(self.id):
            problems.append(f"id {self.id!r} should look like '01.q3'")
        if not self.title.strip():
            problems.append("a title is needed")
        if (self.expected is _MISSING) == (self.checker is None):
            problems.append("give exactly one of expected= or checker=")
        if not self.hints:
            problems.append("at least one hint is needed")
        if not self.solution_code.strip():
            problems.append("solution_code is needed")
        if not self.var.isidentifier():
            problems.append(f"var {self.var!r} is not a Python name")
        if problems:
            raise ValueError(f"question {self.id!r}: " + "; ".join(problems))
        self.hints = tuple(textwrap.dedent(h).strip() for h in self.hints)
        self.mistakes = tuple(self.mistakes)
        self.slips = tuple(self.slips)
        self.solution_code = textwrap.dedent(self.solution_code).strip()
        self.starter = textwrap.dedent(self.starter).strip() or f"{self.var} = ____"
        self.setup = textwrap.dedent(self.setup).strip()

    # -- identity ------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The attribute name in the lesson module: ``"q1"`` for id ``"01.q1"``."""
        return self.id.split(".", 1)[1]

    @property
    def lesson(self) -> str:
        """The lesson number as two digits: ``"01"``."""
        return self.id.split(".", 1)[0]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}: {self.title}>"

    def call(self, method: str, *args: Any) -> str:
        """How a learner calls ``method`` on this question in a notebook: ``ex.q1.hint()``."""
        return f"{NOTEBOOK_ALIAS}.{self.name}.{method}({', '.join(map(repr, args))})"

    def cell_code(self, alias: str = NOTEBOOK_ALIAS) -> str:
        """The full exercise cell for a notebook: the starter, then the check call."""
        return f"{self.starter}\n{alias}.{self.name}.check({self.var})"

    # -- the expected answer -------------------------------------------------------------------

    @property
    def expected_value(self) -> Any:
        """The expected answer (a lazy ``expected`` is computed once, on first use)."""
        if self._expected_cache is _MISSING:
            self._expected_cache = _lazy(self.expected)
        return self._expected_cache

    # -- learner API ---------------------------------------------------------------------------

    def check(self, answer: Any = BLANK) -> Result:
        """Check an answer: returns a :class:`Result`, tells the :data:`on_check` listeners, and
        displays the feedback when run in a notebook. Never raises for any answer."""
        result = self.evaluate(answer)
        _notify(result)
        result._show()
        return result

    def hint(self, n: int | None = None) -> Hint:
        """Reveal the next hint (or hint number ``n``, counting from 1); after the last one, say so
        and point to :meth:`solution`."""
        total = len(self.hints)
        if n is None:
            if self._hints_shown >= total:
                note = Hint(
                    f"{self.id} {self.title}: no more hints",
                    f"You have seen all {total} hint{'s' if total > 1 else ''}: "
                    f"`{self.call('hint', 1)}` shows the first again, and `{self.call('solution')}` "
                    "shows the solution.",
                )
                note._show()
                return note
            self._hints_shown += 1
            n = self._hints_shown
        elif not 1 <= n <= total:
            raise ValueError(f"{self.id} has hints 1 to {total}; there is no hint {n}")
        else:
            self._hints_shown = max(self._hints_shown, n)
        more = "" if n == total else f"\n\nStill stuck? `{self.call('hint')}` gives the next one."
        note = Hint(f"{self.id} {self.title}: hint {n} of {total}", self.hints[n - 1] + more)
        note._show()
        return note

    def solution(self) -> Solution:
        """Show the solution code and the explanation."""
        self._solution_seen = True
        note = Solution(f"{self.id} {self.title}: solution", self.explanation, code=self.solution_code)
        note._show()
        return note

    def reset(self) -> None:
        """Forget which hints were shown and whether the solution was seen."""
        self._hints_shown = 0
        self._solution_seen = False

    # -- evaluation ----------------------------------------------------------------------------

    def evaluate(self, answer: Any) -> Result:
        """Judge an answer without side effects. Order: blank; correct; known mistakes; wrong type;
        the kind's own diagnosis (how far off, factor of 100...); a generic message."""
        if is_blank(answer):
            return self._result(
                Status.NOT_ATTEMPTED,
                f"Replace `____` in the starter with your answer, then run the cell again. "
                f"Stuck? `{self.call('hint')}`.",
            )
        try:
            return self._evaluate(answer)
        except Exception as exc:  # learners must never see a traceback from the checker
            return self._result(
                Status.ERROR,
                f"The checker could not handle {_fmt(answer)} ({type(exc).__name__}: {exc}). "
                f"This question expects {self.expected_kind}.",
            )

    def _evaluate(self, answer: Any) -> Result:
        if self.checker is not None:
            return self._run_checker(answer)
        type_problem = self._type_problem(answer)
        if type_problem is None and self._is_correct(answer):
            return self._result(Status.CORRECT, self.why)
        for mistake in self.mistakes:
            if self._mistake_matches(mistake, answer, type_problem is None):
                # the question's own feedback; the id of a named slip giving the same answer (the
                # fraction typed for a percentage), so a class report counts it as one mistake
                slip = self.matching_slip(answer) if type_problem is None else None
                return self._result(Status.MISTAKE, mistake.feedback, slip.id if slip else mistake.id)
        if type_problem is None:
            slip = self.matching_slip(answer)
            if slip is not None:
                return self._result(Status.MISTAKE, slip.feedback, slip.id)
        if type_problem is not None:
            return self._result(Status.WRONG_TYPE, type_problem)
        return self._result(Status.WRONG, f"{self._diagnose(answer)} {self._nudge()}")

    def _run_checker(self, answer: Any) -> Result:
        for mistake in self.mistakes:
            if self._mistake_matches(mistake, answer, True):
                return self._result(Status.MISTAKE, mistake.feedback, mistake.id)
        outcome = self.checker(answer)  # type: ignore[misc]
        ok, message = outcome if isinstance(outcome, tuple) else (bool(outcome), "")
        if ok:
            return self._result(Status.CORRECT, " ".join(m for m in (message, self.why) if m))
        message = message or "That is not the answer."
        return self._result(Status.WRONG, f"{message} {self._nudge()}")

    def _nudge(self) -> str:
        """What ends a wrong-answer message: where to get help."""
        return f"Try `{self.call('hint')}` for a nudge."

    def all_slips(self) -> tuple[Slip, ...]:
        """The slips this question checks: its own ``slips``, then those its kind adds (none here)."""
        return tuple(self.slips)

    def live_slips(self) -> tuple[Slip, ...]:
        """The slips that can fire: those whose wrong answer differs from the right one."""
        if self.checker is not None:
            return self.all_slips()
        live = []
        for slip in self.all_slips():
            try:
                if not self._is_correct(slip.sample(self.expected_value)):
                    live.append(slip)
            except Exception:
                continue
        return tuple(live)

    def matching_slip(self, answer: Any) -> Slip | None:
        """The first slip whose wrong answer ``answer`` is (None when none matches)."""
        if self.checker is not None:
            return None
        for slip in self.live_slips():
            try:
                if slip.matches(answer, slip.sample(self.expected_value), self._same):
                    return slip
            except Exception:
                continue
        return None

    def _mistake_matches(self, mistake: Mistake, answer: Any, type_ok: bool) -> bool:
        if mistake.when is not None:
            try:
                return bool(mistake.when(answer))
            except Exception:
                return False
        return type_ok and self._same(answer, mistake.resolved_value())

    def _result(self, status: Status, message: str, mistake: str = "") -> Result:
        return Result(
            question_id=self.id,
            title=self.title,
            status=status,
            message=message.strip(),
            hints_used=self._hints_shown,
            solution_seen=self._solution_seen,
            mistake_id=mistake,
        )

    def known_mistakes(self) -> dict[str, str]:
        """Every known mistake and slip this question can name: stable id -> short label."""
        found = {m.id: m.label for m in self.mistakes}
        for slip in self.all_slips():
            found.setdefault(slip.id, slip.label)
        return found

    # -- what subclasses override --------------------------------------------------------------

    def _type_problem(self, answer: Any) -> str | None:
        """None when the answer has the right type, else a message saying what type is expected."""
        expected = self.expected_value if self.checker is None else None
        if expected is None or isinstance(answer, type(expected)):
            return None
        return f"This question expects {_a_type(expected)}; you gave {_a_type(answer)}."

    def _same(self, answer: Any, value: Any) -> bool:
        """Whether ``answer`` equals ``value`` for this kind (tolerance, normalisation...)."""
        try:
            return bool(answer == value)
        except Exception:
            return False

    def _is_correct(self, answer: Any) -> bool:
        return self._same(answer, self.expected_value)

    def _diagnose(self, answer: Any) -> str:
        """Say how the answer is off (the generic message, before "Try hint()")."""
        return f"{_fmt(answer)} is not the answer."

    def generic_wrong_answer(self) -> Any:
        """An arbitrary wrong answer of the right type (used by the course-wide tests)."""
        if self.wrong_example is not _MISSING:
            return self.wrong_example
        raise NotImplementedError(f"{self.id}: give wrong_example= for a question with a custom checker")
