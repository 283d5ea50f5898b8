"""Known wrong answers: :class:`Mistake` (one wrong value or a predicate, with its feedback) and
:class:`Slip` (a rule turning the right answer into a predictable wrong one), each with a stable
:func:`mistake_id` so a trainer can count them across a class's hand-ins.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from helpers.exercises.blanks import _MISSING
from helpers.exercises.formatting import _as_number

__all__ = ["Mistake", "Slip", "mistake_id"]


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
