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
- :class:`Question` with ``checker=`` -- a custom callable returning ``(ok, message)``.

Every check returns a :class:`Result` (truthy when correct) and, inside IPython, displays it once.
Listeners in :data:`on_check` are called with every :class:`Result` (the hook for ``helpers.progress``).
:func:`all_questions` and :func:`all_quizzes` discover every lesson module so the test suite can test
every question in the course.
"""

from __future__ import annotations

import hashlib
import html
import importlib
import math
import pkgutil
import re
import textwrap
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from helpers.exercises.quiz import Quiz

__all__ = [
    "BLANK",
    "NOTEBOOK_ALIAS",
    "Blank",
    "ChoiceQuestion",
    "Hint",
    "Mistake",
    "NumericQuestion",
    "Question",
    "Result",
    "SetQuestion",
    "Slip",
    "Solution",
    "Status",
    "TableQuestion",
    "____",
    "all_questions",
    "all_quizzes",
    "is_blank",
    "known_mistakes",
    "lesson_modules",
    "mistake_id",
    "on_check",
    "questions_in",
    "quizzes_in",
    "validate_lesson",
]


# --------------------------------------------------------------------------------------------------
# The blank sentinel for starter cells
# --------------------------------------------------------------------------------------------------


class Blank:
    """The ``____`` placeholder in starter cells: ``answer = ____`` runs and counts as "not attempted".

    Arithmetic, indexing, attribute access and calls on the blank give the blank back, so a half-filled
    starter such as ``rate = ____ / followers * 100`` still runs top to bottom.
    """

    _instance: ClassVar[Blank | None] = None
    # Make numpy and pandas defer to our reflected operators instead of broadcasting over the blank.
    __array_ufunc__ = None
    __pandas_priority__ = 10_000

    def __new__(cls) -> Blank:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __reduce__(self) -> str:
        return "BLANK"

    def _absorb(self, *args: Any, **kwargs: Any) -> Blank:
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _absorb
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _absorb
    __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = __round__ = _absorb
    __getitem__ = __call__ = _absorb

    def __getattr__(self, name: str) -> Blank:
        if name.startswith("__"):
            raise AttributeError(name)
        return self


#: The placeholder learners replace: ``answer = ____``.
____ = Blank()
#: The same placeholder under a readable name.
BLANK = ____


def is_blank(answer: Any) -> bool:
    """True for an untouched starter: ``____``, ``None``, ``...``, or a non-empty list/tuple/set of them."""
    if answer is BLANK or answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, list | tuple | set | frozenset) and answer:
        return all(is_blank(item) for item in answer)
    return False


# --------------------------------------------------------------------------------------------------
# Results and the progress hook
# --------------------------------------------------------------------------------------------------


class Status(StrEnum):
    """What a check concluded."""

    CORRECT = "correct"
    NOT_ATTEMPTED = "not attempted"
    WRONG_TYPE = "wrong type"
    MISTAKE = "known mistake"  # one of the question's own known mistakes
    WRONG = "wrong"  # anything else; the message says how far off and suggests hint()
    ERROR = "error"  # the checker itself failed on this answer


_HEADLINES = {
    Status.CORRECT: "Correct",
    Status.NOT_ATTEMPTED: "Not attempted yet",
    Status.WRONG_TYPE: "Not the expected kind of answer",
    Status.MISTAKE: "Not quite (a common mistake)",
    Status.WRONG: "Not quite",
    Status.ERROR: "Could not check this answer",
}
_COLOURS = {  # (border, background): readable on a projector, colour-blind safe pairs
    Status.CORRECT: ("#1a7f37", "#dafbe1"),
    Status.NOT_ATTEMPTED: ("#6e7781", "#f6f8fa"),
    Status.WRONG_TYPE: ("#9a6700", "#fff8c5"),
    Status.MISTAKE: ("#bc4c00", "#fff1e5"),
    Status.WRONG: ("#bc4c00", "#fff1e5"),
    Status.ERROR: ("#cf222e", "#ffebe9"),
}
_ICONS = {
    Status.CORRECT: "✔",
    Status.NOT_ATTEMPTED: "…",
    Status.WRONG_TYPE: "✘",
    Status.MISTAKE: "✘",
    Status.WRONG: "✘",
    Status.ERROR: "!",
}


def _inline_html(text: str) -> str:
    """Escape text and render the tiny markup used in messages: `code`, **bold**, blank-line paragraphs."""
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)
    paragraphs = [p.strip().replace("\n", "<br>") for p in out.split("\n\n") if p.strip()]
    return "".join(f"<p style='margin:0.3em 0'>{p}</p>" for p in paragraphs)


class _ShowOnce:
    """Display support shared by results, hints and solutions.

    ``check()`` both returns its result and displays it; when the call is also the last line of the
    cell, IPython would show it a second time. ``_ipython_display_`` therefore shows an object at most
    once per executed cell. Outside IPython nothing is displayed (tests stay quiet).
    """

    _shown_in: int | None = None

    def _mimebundle(self) -> dict[str, str]:
        return {
            "text/plain": repr(self),
            "text/html": self._repr_html_(),
            "text/markdown": self._repr_markdown_(),
        }

    def _repr_html_(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_markdown_(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _ipython_display_(self) -> None:
        shell = _shell()
        count = getattr(shell, "execution_count", None)
        if count is not None and self._shown_in == count:
            return
        self._shown_in = count
        from IPython.display import display

        display(self._mimebundle(), raw=True)

    def _show(self) -> None:
        if _shell() is not None:
            self._ipython_display_()


def _shell() -> Any:
    """The running IPython shell, or None (plain Python, pytest)."""
    try:
        from IPython.core.interactiveshell import InteractiveShell
    except ImportError:  # pragma: no cover - IPython ships with ipywidgets
        return None
    return InteractiveShell.instance() if InteractiveShell.initialized() else None


@dataclass(eq=False)
class Result(_ShowOnce):
    """The outcome of one check. Truthy when correct; ``message`` is the specific feedback.

    The plain-text, Markdown and HTML renderings are deterministic (no addresses, no times), so
    notebooks with results in their outputs can be compared by nbval.
    """

    question_id: str
    title: str
    status: Status
    message: str
    hints_used: int = 0
    solution_seen: bool = False
    #: the stable id (:func:`mistake_id`) of the known mistake, slip or wrong quiz option this answer
    #: matched (``Status.MISTAKE``), else "": a named slip's id when the answer is also that slip's
    mistake_id: str = ""

    @property
    def ok(self) -> bool:
        """True when the answer is correct."""
        return self.status is Status.CORRECT

    @property
    def attempted(self) -> bool:
        """False for an untouched starter."""
        return self.status is not Status.NOT_ATTEMPTED

    def __bool__(self) -> bool:
        return self.ok

    @property
    def headline(self) -> str:
        """One line: icon, question id and title, verdict."""
        return f"{_ICONS[self.status]} {self.question_id} {self.title}: {_HEADLINES[self.status]}"

    def __repr__(self) -> str:
        return f"{self.headline}\n{self.message}" if self.message else self.headline

    def _repr_markdown_(self) -> str:
        return f"**{self.headline}**\n\n{self.message}\n"

    def _repr_html_(self) -> str:
        border, background = _COLOURS[self.status]
        return (
            f"<div class='course-feedback course-feedback-{self.status.name.lower()} mathjax_ignore' "
            f"style='border-left:6px solid {border};background:{background};color:#1f2328;"
            f"padding:0.5em 0.9em;margin:0.4em 0;font-size:1.15em;line-height:1.45'>"
            f"<div style='font-weight:bold'>{html.escape(self.headline)}</div>"
            f"{_inline_html(self.message)}</div>"
        )


#: Listeners called with every :class:`Result` produced by ``check()`` (exercises and quizzes).
#: A future ``helpers.progress`` appends one to record passed ids; a failing listener only warns.
on_check: list[Callable[[Result], None]] = []


def _notify(result: Result) -> None:
    for listener in list(on_check):
        try:
            listener(result)
        except Exception as exc:  # a broken progress tracker must never break a learner's check
            warnings.warn(f"progress listener {listener!r} failed: {exc!r}", RuntimeWarning, stacklevel=3)


@dataclass(eq=False)
class _Text(_ShowOnce):
    """A titled block of Markdown-ish text with an optional code block (hints and solutions)."""

    heading: str
    body: str
    code: str = ""

    def __repr__(self) -> str:
        parts = [self.heading]
        if self.code:
            parts.append(textwrap.indent(self.code, "    "))
        if self.body:
            parts.append(self.body)
        return "\n\n".join(parts)

    def _repr_markdown_(self) -> str:
        parts = [f"**{self.heading}**"]
        if self.code:
            parts.append(f"```python\n{self.code}\n```")
        if self.body:
            parts.append(self.body)
        return "\n\n".join(parts) + "\n"

    def _repr_html_(self) -> str:
        code = (
            f"<pre style='background:#f6f8fa;padding:0.6em;font-size:1em;overflow-x:auto'>"
            f"<code>{html.escape(self.code)}</code></pre>"
            if self.code
            else ""
        )
        return (
            "<div class='course-note mathjax_ignore' style='border-left:6px solid #0969da;background:#ddf4ff;"
            "color:#1f2328;padding:0.5em 0.9em;margin:0.4em 0;font-size:1.15em;line-height:1.45'>"
            f"<div style='font-weight:bold'>{html.escape(self.heading)}</div>{code}"
            f"{_inline_html(self.body)}</div>"
        )


class Hint(_Text):
    """One hint, as returned (and displayed) by :meth:`Question.hint`."""


class Solution(_Text):
    """Solution code and explanation, as returned (and displayed) by :meth:`Question.solution`."""


# --------------------------------------------------------------------------------------------------
# Known mistakes
# --------------------------------------------------------------------------------------------------


def mistake_id(name: str = "", text: str = "") -> str:
    """A stable, short id for a known mistake: the slug of its ``name`` (``"fraction for percent"`` ->
    ``"fraction-for-percent"``), else ``"m-"`` and 8 hex digits of a SHA-1 of its ``text`` (feedback or
    option text, whitespace-normalised). The same definition gives the same id in every run and
    course copy, so a trainer can count mistakes across a class's hand-ins."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if slug:
        return slug[:48]
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
    return f"m-{digest[:8]}"


def _short_label(text: str, limit: int = 60) -> str:
    """The first sentence of ``text``, at most ``limit`` characters (for tables)."""
    first = re.split(r"(?<=[.:;?!])\s", " ".join(text.split()), maxsplit=1)[0].rstrip(".:;")
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


class _Missing:
    def __repr__(self) -> str:
        return "<no value>"


_MISSING: Any = _Missing()


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer and the feedback it deserves.

    Either a wrong *value* (compared like the expected answer, with the question's tolerance; a
    zero-argument callable is evaluated lazily, like ``expected``) or a predicate ``when(answer) -> bool``
    with an ``example`` answer that triggers it (the course tests use the example)::

        Mistake(0.025, "That is a fraction; the question asks for a percentage: multiply by 100.")
        Mistake(lambda: total_emv(), "That is EMV, not revenue.")
        Mistake(when=lambda a: a < 0, feedback="Engagement rates cannot be negative.", example=-2.5)
    """

    value: Any = _MISSING
    feedback: str = ""
    when: Callable[[Any], bool] | None = None
    example: Any = _MISSING
    #: a short name shared by the same mistake in other questions (``"wrong denominator"``); optional
    name: str = ""

    def __post_init__(self) -> None:
        if not self.feedback.strip():
            raise ValueError("a Mistake needs feedback text")
        if (self.value is _MISSING) == (self.when is None):
            raise ValueError("give a Mistake either a wrong value or a when= predicate, not both")
        if self.when is not None and self.example is _MISSING:
            raise ValueError("a Mistake with when= needs an example= answer that triggers it")

    def resolved_value(self) -> Any:
        """The wrong value (evaluating a lazy one)."""
        return self.value() if callable(self.value) else self.value

    def sample(self) -> Any:
        """An answer that this mistake should catch: its value, or its example."""
        return self.example if self.when is not None else self.resolved_value()

    @property
    def id(self) -> str:
        """Stable id (:func:`mistake_id`): the slug of ``name``, else a hash of the feedback."""
        return mistake_id(self.name, self.feedback)

    @property
    def label(self) -> str:
        """A few words for a trainer's table: the name, else the feedback's first sentence."""
        return self.name or _short_label(self.feedback)


@dataclass(frozen=True)
class Slip:
    """A named slip that turns the right answer into a predictable wrong one, with its own feedback.

    Where a :class:`Mistake` is one wrong value, a slip is a *rule*: ``wrong(expected)`` gives the value
    the slip produces from whatever the right answer is (a fraction where a percentage is asked for:
    ``expected / 100``). The same slip can so be reused across exercises; ready-made ones are in
    :mod:`helpers.exercises.slips`. A question checks its slips after its own mistakes::

        Slip("fraction for percent", lambda e: e / 100, "That is a fraction; multiply by 100.")
    """

    name: str
    wrong: Callable[[Any], Any]
    feedback: str
    #: relative tolerance for numbers (a fraction, 0.01 = 1 %); None uses the question's own. A slip
    #: answer is often typed rounded (-0.58 for -0.5804), and lies far from the right one anyway.
    rel_tol: float | None = None

    def __post_init__(self) -> None:
        if not self.name.strip() or not self.feedback.strip():
            raise ValueError("a Slip needs a name and feedback text")
        if self.rel_tol is not None and not 0 <= self.rel_tol < 0.5:
            raise ValueError(f"slip {self.name!r}: rel_tol is a fraction between 0 and 0.5")

    def matches(self, answer: Any, wrong: Any, same: Callable[[Any, Any], bool]) -> bool:
        """Whether ``answer`` is this slip's ``wrong`` answer: within ``rel_tol`` for numbers when it is
        set, else by the question's own comparison ``same``."""
        if self.rel_tol is not None:
            a, w = _as_number(answer), _as_number(wrong)
            if a is not None and w is not None:
                return math.isclose(a, w, rel_tol=self.rel_tol)
        return same(answer, wrong)

    def sample(self, expected: Any) -> Any:
        """The answer this slip produces when the right answer is ``expected``."""
        return self.wrong(expected)

    @property
    def id(self) -> str:
        """Stable id (:func:`mistake_id`): the slug of the name, ``"fraction-for-percent"``."""
        return mistake_id(self.name)

    @property
    def label(self) -> str:
        """The slip's name, for a trainer's table."""
        return self.name


# --------------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------------


def _fmt_number(x: float) -> str:
    """A number for messages: thousands separators, at most 6 significant digits, no float noise."""
    if not math.isfinite(x):
        return str(x)
    if x == 0:
        return "0"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    digits = max(0, 5 - math.floor(math.log10(abs(x))))
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _fmt(value: Any, limit: int = 60) -> str:
    """A short, deterministic description of any answer for messages."""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | float | np.integer | np.floating):
        return _fmt_number(float(value))
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame with {len(value)} rows and {len(value.columns)} columns"
    if isinstance(value, pd.Series):
        return f"a Series of {len(value)} values"
    text = repr(value)
    if " at 0x" in text:  # default object reprs carry memory addresses: not deterministic
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_name(value: Any) -> str:
    kind = type(value)
    return (
        kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__.split('.')[0]}.{kind.__name__}"
    )


def _a_type(value: Any) -> str:
    """'an `int`', 'a `str`', 'a `pandas.DataFrame`': the type of an answer, with its article."""
    name = _type_name(value)
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} `{name}`"


def _examples(items: Iterable[Any], limit: int = 3) -> str:
    items = list(items)
    shown = ", ".join(_fmt(i) for i in items[:limit])
    return shown + (", …" if len(items) > limit else "")


def _plain(value: Any) -> Any:
    """numpy scalars -> Python scalars, so ids compare and print the same whatever produced them."""
    return value.item() if isinstance(value, np.generic) else value


def _lazy(value: Any) -> Any:
    return value() if callable(value) else value


# --------------------------------------------------------------------------------------------------
# Questions
# --------------------------------------------------------------------------------------------------

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


@dataclass(kw_only=True, eq=False)
class NumericQuestion(Question):
    """A number, within ``abs_tol`` or ``rel_tol`` of the expected value.

    With ``unit="%"`` the factor-of-100 messages talk about percentages vs fractions. Answers off by a
    factor of 10, 100 or 1000 get a specific message (``detect_scale=False`` turns that off); other
    wrong answers are told how far off they are ("about 2x too high", "about 20% too low").
    """

    abs_tol: float = 0.0
    rel_tol: float = 1e-3
    unit: str = ""
    detect_scale: bool = True

    expected_kind: ClassVar[str] = "a number"

    def all_slips(self) -> tuple[Slip, ...]:
        """Its own slips, then, for a percentage (``unit="%"``, scale detection on), the fraction typed
        for the percentage (:data:`helpers.exercises.slips.FRACTION_FOR_PERCENT`)."""
        from helpers.exercises.slips import FRACTION_FOR_PERCENT

        own = tuple(self.slips)
        if self.unit == "%" and self.detect_scale and FRACTION_FOR_PERCENT not in own:
            return (*own, FRACTION_FOR_PERCENT)
        return own

    def _type_problem(self, answer: Any) -> str | None:
        if _as_number(answer) is not None:
            return None
        if isinstance(answer, str):
            stripped = answer.strip().rstrip("%").replace(",", "").strip()
            if _as_number_text(stripped) is not None:
                return (
                    f"This question expects a number, not text: write {stripped} without quotes"
                    f"{' or a % sign' if '%' in answer else ''}."
                )
        if isinstance(answer, pd.Series | pd.DataFrame | list | tuple | np.ndarray):
            return f"This question expects a single number; you gave {_fmt(answer)}. Reduce it to one value."
        return f"This question expects a number (an `int` or a `float`); you gave {_a_type(answer)}."

    def _same(self, answer: Any, value: Any) -> bool:
        a, e = _as_number(answer), _as_number(value)
        if a is None or e is None:
            return False
        if math.isnan(a) or math.isnan(e):
            return math.isnan(a) and math.isnan(e)
        return math.isclose(a, e, rel_tol=self.rel_tol, abs_tol=self.abs_tol)

    def _diagnose(self, answer: Any) -> str:
        a = _as_number(answer)
        e = _as_number(self.expected_value)
        assert a is not None and e is not None
        unit = f" {self.unit}" if self.unit else ""
        if math.isnan(a):
            return "Your answer is NaN (not a number): a division by zero, or missing values in the data?"
        if math.isinf(a):
            return "Your answer is infinite: did you divide by zero?"
        if e == 0:
            return f"Your answer {_fmt_number(a)}{unit} is off by {_fmt_number(abs(a))}{unit}."
        if a == 0:
            return "Your answer is 0: did a step return zero, or an integer division round down?"
        if (a > 0) != (e > 0):
            return f"Your answer {_fmt_number(a)}{unit} has the wrong sign."
        ratio = a / e
        if self.detect_scale:
            message = _scale_message(ratio, self.unit, max(self.rel_tol, 0.01))
            if message:
                return message
        far = _how_far(ratio, self.rel_tol)
        return f"Your answer {_fmt_number(a)}{unit} is {far}{'?' if far.startswith('close') else '.'}"

    def generic_wrong_answer(self) -> Any:
        if self.wrong_example is not _MISSING:
            return self.wrong_example
        e = float(self.expected_value)
        return e * 1.37 + 1.0 if e else 1.0


def _as_number(value: Any) -> float | None:
    """A real number as float, else None (bools, strings, containers are not numbers)."""
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    return None


def _as_number_text(text: str) -> float | None:
    try:
        return float(text.replace("_", ""))
    except ValueError:
        return None


def _how_far(ratio: float, rel_tol: float) -> str:
    """'about 2x too high', 'about 30% too low', 'close, but ...' for answer/expected ratios > 0."""
    direction = "high" if ratio > 1 else "low"
    factor = ratio if ratio > 1 else 1 / ratio
    if factor >= 1.5:
        return f"about {_fmt_number(round(factor, 1))}x too {direction}"
    off = abs(ratio - 1) * 100
    if off < 5:
        return (
            f"close but {off:.1f}% too {direction} (the tolerance is {rel_tol * 100:g}%). "
            "Did you round an intermediate step, or use a slightly different number"
        )
    return f"about {off:.0f}% too {direction}"


def _scale_message(ratio: float, unit: str, tol: float) -> str | None:
    """A message when answer/expected is about 10, 100 or 1000 (or their inverses), else None."""

    def near(target: float) -> bool:
        return math.isclose(ratio, target, rel_tol=tol)

    if near(0.01):
        if unit == "%":
            return (
                "Your answer is 100 times too small: it looks like a fraction (such as 0.03) where the "
                "question asks for a percentage (3.0). Multiply by 100."
            )
        return (
            "Your answer is 100 times too small: a percentage/fraction mix-up "
            "(dividing by 100 once too often)?"
        )
    if near(100):
        if unit == "%":
            return "Your answer is 100 times too large: did you multiply by 100 twice?"
        return (
            "Your answer is 100 times too large: it looks like a percentage (such as 3.0) where the "
            "question asks for a fraction or a plain number (0.03). Divide by 100."
        )
    if near(1000):
        return (
            "Your answer is 1,000 times too large: a per-thousand mix-up (CPM is per 1,000 impressions) "
            "or a figure given in thousands ('k')?"
        )
    if near(0.001):
        return (
            "Your answer is 1,000 times too small: a per-thousand mix-up (CPM is per 1,000 impressions) "
            "or a figure given in thousands ('k')?"
        )
    if near(10) or near(0.1):
        size = "large" if ratio > 1 else "small"
        return f"Your answer is 10 times too {size}: check the decimal point and the number of zeros."
    return None


def _normalise_text(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


@dataclass(kw_only=True, eq=False)
class ChoiceQuestion(Question):
    """A short text answer, compared ignoring case and extra whitespace.

    ``expected`` is a string, or a tuple of accepted spellings (the first is the canonical one).
    ``choices``, when given, lists the valid options: other answers are told what the options are.
    """

    choices: Sequence[str] = ()

    expected_kind: ClassVar[str] = "text (a `str`)"

    def __post_init__(self) -> None:
        super().__post_init__()
        self.choices = tuple(self.choices)

    def _accepted(self, value: Any) -> set[str]:
        values = value if isinstance(value, tuple | list | set | frozenset) else (value,)
        return {_normalise_text(v) for v in values}

    def _type_problem(self, answer: Any) -> str | None:
        if isinstance(answer, str):
            return None
        options = f" such as one of {_examples(self.choices, 10)}" if self.choices else ""
        return f"This question expects text (a `str`{options}), in quotes; you gave {_a_type(answer)}."

    def _same(self, answer: Any, value: Any) -> bool:
        return isinstance(answer, str) and _normalise_text(answer) in self._accepted(value)

    def _diagnose(self, answer: Any) -> str:
        if self.choices and _normalise_text(answer) not in {_normalise_text(c) for c in self.choices}:
            return f"{answer!r} is not one of the options: {_examples(self.choices, 10)}."
        return f"{answer!r} is not the answer."

    def generic_wrong_answer(self) -> Any:
        if self.wrong_example is not _MISSING:
            return self.wrong_example
        accepted = self._accepted(self.expected_value)
        for choice in self.choices:
            if _normalise_text(choice) not in accepted and not any(
                self._same(choice, m.resolved_value()) for m in self.mistakes if m.when is None
            ):
                return choice
        return "something else entirely"


@dataclass(kw_only=True, eq=False)
class SetQuestion(Question):
    """A collection of ids (list, tuple, set, Series, Index or 1-d array).

    Order does not matter unless ``ordered=True`` (a ranking, a top-N list). Feedback says how many
    ids are missing or extra, with a few examples, and spots ids of the wrong type ('7' vs 7).
    """

    ordered: bool = False

    expected_kind: ClassVar[str] = "a list of ids"

    def _type_problem(self, answer: Any) -> str | None:
        if _as_items(answer) is not None:
            return None
        if isinstance(answer, str):
            return (
                "This question expects several ids in a list, such as `['c001', 'c002']`; "
                "you gave a single string."
            )
        return f"This question expects a list of ids; you gave {_a_type(answer)}."

    def _same(self, answer: Any, value: Any) -> bool:
        a, e = _as_items(answer), _as_items(value)
        if a is None or e is None:
            return False
        return a == e if self.ordered else Counter(a) == Counter(e)

    def _diagnose(self, answer: Any) -> str:
        a = _as_items(answer)
        e = _as_items(self.expected_value)
        assert a is not None and e is not None
        missing = [x for x in dict.fromkeys(e) if x not in set(a)]
        extra = [x for x in dict.fromkeys(a) if x not in set(e)]
        if missing and extra and {str(x) for x in missing} == {str(x) for x in extra}:
            return (
                f"The ids look right but have the wrong type: expected `{_type_name(missing[0])}` "
                f"such as {_fmt(missing[0])}, got `{_type_name(extra[0])}`."
            )
        parts = []
        if missing:
            parts.append(f"{len(missing)} missing")
        if extra:
            parts.append(f"{len(extra)} that should not be there (e.g. {_examples(extra)})")
        if parts:
            return f"Your {len(a)} ids vs {len(e)} expected: " + ", ".join(parts) + "."
        duplicates = [x for x, n in Counter(a).items() if n > Counter(e)[x]]
        if duplicates:
            return f"Some ids appear more than once: {_examples(duplicates)}."
        first = next(i for i, (x, y) in enumerate(zip(a, e, strict=True)) if x != y)
        return f"The right ids, in the wrong order: position {first + 1} should be {_fmt(e[first])}."

    def generic_wrong_answer(self) -> Any:
        if self.wrong_example is not _MISSING:
            return self.wrong_example
        items = _as_items(self.expected_value) or []
        return [*items[1:], "not-an-id"]


def _as_items(value: Any) -> list[Any] | None:
    """A collection of ids as a list of plain Python values, else None."""
    if isinstance(value, str | bytes | dict) or is_blank(value):
        return None
    if isinstance(value, pd.Series | pd.Index):
        value = value.tolist()
    elif isinstance(value, np.ndarray):
        if value.ndim != 1:
            return None
        value = value.tolist()
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return None


@dataclass(kw_only=True, eq=False)
class TableQuestion(Question):
    """A pandas Series or DataFrame: same labels, same columns, values within tolerance.

    Row order is ignored unless ``check_order=True``; Series names and dtypes are ignored. Feedback
    names the missing or extra index labels and columns, and the first cells that differ.
    """

    abs_tol: float = 0.0
    rel_tol: float = 1e-6
    check_order: bool = False

    expected_kind: ClassVar[str] = "a pandas Series or DataFrame"

    def _type_problem(self, answer: Any) -> str | None:
        expected = self.expected_value
        want = "Series" if isinstance(expected, pd.Series) else "DataFrame"
        if isinstance(answer, type(expected)):
            return None
        if want == "Series" and isinstance(answer, pd.DataFrame):
            return (
                "This question expects a pandas Series (one column); you gave a DataFrame with "
                f"columns {_examples(answer.columns, 5)}. Select one column, e.g. `df['column']`."
            )
        if want == "DataFrame" and isinstance(answer, pd.Series):
            return (
                "This question expects a DataFrame; you gave a Series. "
                "Use `series.to_frame()` or select more columns."
            )
        return f"This question expects a pandas {want}; you gave {_a_type(answer)}."

    def _same(self, answer: Any, value: Any) -> bool:
        return isinstance(answer, pd.Series | pd.DataFrame) and self._differences(answer, value) is None

    def _diagnose(self, answer: Any) -> str:
        return self._differences(answer, self.expected_value) or "The values differ."

    def _differences(
        self, answer: pd.Series | pd.DataFrame, expected: pd.Series | pd.DataFrame
    ) -> str | None:
        """None when equal (within tolerance), else a message naming what differs."""
        if type(answer) is not type(expected):
            return "This is not the same kind of table."
        if answer.index.has_duplicates:
            dup = answer.index[answer.index.duplicated()].unique()
            return f"Some index labels appear more than once: {_examples(dup)}."
        missing = expected.index.difference(answer.index, sort=False)
        extra = answer.index.difference(expected.index, sort=False)
        if len(missing) or len(extra):
            parts = []
            if len(missing):
                parts.append(f"{len(missing)} index label(s) missing (e.g. {_examples(missing)})")
            if len(extra):
                parts.append(f"{len(extra)} extra (e.g. {_examples(extra)})")
            return "The rows are not the expected ones: " + "; ".join(parts) + "."
        if self.check_order and not answer.index.equals(expected.index):
            return "The right rows, in the wrong order: check the sorting."
        answer = answer.loc[expected.index]
        if isinstance(expected, pd.DataFrame):
            assert isinstance(answer, pd.DataFrame)
            missing_cols = [c for c in expected.columns if c not in answer.columns]
            extra_cols = [c for c in answer.columns if c not in expected.columns]
            if missing_cols or extra_cols:
                parts = []
                if missing_cols:
                    parts.append(f"missing column(s) {_examples(missing_cols)}")
                if extra_cols:
                    parts.append(f"extra column(s) {_examples(extra_cols)}")
                return "The columns are not the expected ones: " + "; ".join(parts) + "."
            pairs = [(c, answer[c], expected[c]) for c in expected.columns]
        else:
            pairs = [(None, answer, expected)]
        cells: list[str] = []
        ratios: list[float] = []
        count = 0
        for column, got, want in pairs:
            bad = ~self._equal_values(got, want)
            count += int(bad.sum())
            for label in got.index[bad.to_numpy()]:
                g, w = got.loc[label], want.loc[label]
                a, e = _as_number(g), _as_number(w)
                if a is not None and e not in (None, 0.0):
                    ratios.append(a / e)  # type: ignore[operator]
                if len(cells) < 3:
                    where = _fmt(label) if column is None else f"({_fmt(label)}, {_fmt(column)})"
                    cells.append(f"at {where} you have {_fmt(g)}, expected {_fmt(w)}")
        if not count:
            return None
        message = f"{count} value(s) differ: " + "; ".join(cells) + ("; …" if count > 3 else "") + "."
        if ratios and len(ratios) == count:
            scale = _scale_message(float(np.median(ratios)), "", max(self.rel_tol, 0.01))
            if scale and all(math.isclose(r, ratios[0], rel_tol=0.01) for r in ratios):
                message += " " + scale.replace("Your answer is", "Every value is")
        return message

    def _equal_values(self, got: pd.Series, want: pd.Series) -> pd.Series:
        """Element-wise equality: numbers within tolerance, NaN equal to NaN, anything else by ``==``."""
        if pd.api.types.is_numeric_dtype(got) and pd.api.types.is_numeric_dtype(want):
            g = got.to_numpy(dtype=float, na_value=np.nan)
            w = want.to_numpy(dtype=float, na_value=np.nan)
            close = np.isclose(g, w, rtol=self.rel_tol, atol=self.abs_tol, equal_nan=True)
            return pd.Series(close, index=got.index)
        both_missing = got.isna().to_numpy() & want.isna().to_numpy()
        same = np.array([_safe_eq(g, w) for g, w in zip(got.to_numpy(), want.to_numpy(), strict=True)])
        return pd.Series(both_missing | same, index=got.index)

    def generic_wrong_answer(self) -> Any:
        if self.wrong_example is not _MISSING:
            return self.wrong_example
        expected = self.expected_value.copy()
        target = expected if isinstance(expected, pd.Series) else expected.iloc[:, 0]
        if pd.api.types.is_numeric_dtype(target):
            changed = target.astype(float) * 1.37 + 1.0
        else:
            changed = target.astype(str) + "?"
        if isinstance(expected, pd.Series):
            return changed
        expected[expected.columns[0]] = changed
        return expected


def _safe_eq(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return False


# --------------------------------------------------------------------------------------------------
# Registry: every lesson module, every question
# --------------------------------------------------------------------------------------------------

_LESSON_MODULE = re.compile(r"^lesson(\d\d)$")


def lesson_modules() -> list[ModuleType]:
    """Every ``helpers.exercises.lessonNN`` module present, imported, in lesson order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if _LESSON_MODULE.match(m.name))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


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


# Record passed checks in the learner's local progress file, and tell it which checks exist (see
# helpers.progress, which sits below this package and never imports it).
from helpers import progress as _progress  # noqa: E402 - after on_check and checkable_ids

_progress.register_catalogue(checkable_ids)
on_check.append(_progress.record)
