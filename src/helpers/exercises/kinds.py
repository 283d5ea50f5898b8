"""The answer kinds, each a :class:`~helpers.exercises.questions.Question` with its own comparison and
its own diagnosis of a wrong answer: :class:`NumericQuestion` (tolerance; off by 10, 100 or 1000; how
far off), :class:`ChoiceQuestion` (text, ignoring case and spacing), :class:`SetQuestion` (ids, missing
and extra), :class:`TableQuestion` (a Series or DataFrame: labels, columns, cells) and
:class:`TupleQuestion` (numbers and choices in one tuple, each a :class:`NumberPart` or :class:`ChoicePart`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from helpers.exercises.blanks import _MISSING, is_blank
from helpers.exercises.formatting import (
    _a_type,
    _as_number,
    _as_number_text,
    _examples,
    _fmt,
    _fmt_number,
    _normalise_text,
    _plain,
    _type_name,
)
from helpers.exercises.mistakes import Slip
from helpers.exercises.questions import Question
from helpers.text import word_list

__all__ = [
    "ChoicePart",
    "ChoiceQuestion",
    "NumberPart",
    "NumericQuestion",
    "SetQuestion",
    "TableQuestion",
    "TupleQuestion",
]


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
        return number_diagnosis(a, e, unit=self.unit, rel_tol=self.rel_tol, detect_scale=self.detect_scale)

    def generic_wrong_answer(self) -> Any:
        if self.wrong_example is not _MISSING:
            return self.wrong_example
        e = float(self.expected_value)
        return e * 1.37 + 1.0 if e else 1.0


def number_diagnosis(
    a: float,
    e: float,
    *,
    unit: str = "",
    rel_tol: float = 1e-3,
    detect_scale: bool = True,
    subject: str = "Your answer",
    tolerance: str | None = None,
    bracketed: bool = False,
) -> str:
    """How the number ``a`` is off from the expected ``e``, as one sentence about ``subject`` ("Your
    answer", "Your fee"): NaN or infinite, zero, the wrong sign, off by a factor of 10, 100 or 1000
    (``detect_scale``), else how far ("about 2x too high"); ``tolerance`` words the tolerance in the
    "close but" message (default: ``rel_tol`` as a percentage); ``bracketed`` writes the number in
    brackets after the subject ("Your fee (1,200 USD) is ...", for a subject of several words)."""
    units = f" {unit}" if unit else ""

    def said(x: float) -> str:
        return f"{subject} ({_fmt_number(x)}{units})" if bracketed else f"{subject} {_fmt_number(x)}{units}"

    if math.isnan(a):
        return f"{subject} is NaN (not a number): a division by zero, or missing values in the data?"
    if math.isinf(a):
        return f"{subject} is infinite: did you divide by zero?"
    if e == 0:
        return f"{said(a)} is off by {_fmt_number(abs(a))}{units}."
    if a == 0:
        return f"{subject} is 0: did a step return zero, or an integer division round down?"
    if (a > 0) != (e > 0):
        return f"{said(a)} has the wrong sign."
    ratio = a / e
    if detect_scale:
        message = _scale_message(ratio, unit, max(rel_tol, 0.01))
        if message:
            return message.replace("Your answer", subject, 1)
    far = _how_far(ratio, rel_tol, tolerance)
    return f"{said(a)} is {far}{'?' if far.startswith('close') else '.'}"


def _how_far(ratio: float, rel_tol: float, tolerance: str | None = None) -> str:
    """'about 2x too high', 'about 30% too low', 'close, but ...' for answer/expected ratios > 0."""
    direction = "high" if ratio > 1 else "low"
    factor = ratio if ratio > 1 else 1 / ratio
    if factor >= 1.5:
        return f"about {_fmt_number(round(factor, 1))}x too {direction}"
    off = abs(ratio - 1) * 100
    if off < 5:
        return (
            f"close but {off:.1f}% too {direction} (the tolerance is {tolerance or f'{rel_tol * 100:g}%'}). "
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


def lettered_options(options: Mapping[str, str]) -> str:
    """A choice exercise's options as Markdown bullets for its task text: ``* **A.** text`` per line."""
    return "\n".join(f"* **{letter}.** {text}" for letter, text in options.items())


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
# A tuple of numbers and choices
# --------------------------------------------------------------------------------------------------

_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True, kw_only=True)
class NumberPart:
    """One number in a :class:`TupleQuestion` answer.

    ``label`` names it in feedback after "your" ("fee", "expected replies"), ``meaning`` (default: the
    label) in the message for a malformed answer; ``expected`` is the value or a zero-argument callable
    computing it from the data; ``abs_tol``/``rel_tol`` and ``unit`` as in
    :class:`NumericQuestion`. ``advice`` (how to compute it) ends the message when it is wrong;
    ``others`` (a zero-argument callable: name -> value) names the numbers it is easily confused with,
    so an answer equal to one is told which ("the flat fee's"); ``whole=True`` asks for a whole number.
    """

    label: str
    expected: float | Callable[[], float]
    abs_tol: float = 0.0
    rel_tol: float = 1e-3
    unit: str = ""
    advice: str = ""
    others: Callable[[], Mapping[str, float]] | None = None
    whole: bool = False
    meaning: str = ""

    def value(self) -> float:
        """The expected number (a callable ``expected`` evaluated)."""
        return float(self.expected() if callable(self.expected) else self.expected)

    def read(self, item: Any) -> float | None:
        """The item as a float, or None when it is not a number of this part's kind."""
        number = _as_number(item)
        if number is None or (self.whole and not float(number).is_integer()):
            return None
        return number

    def problem(self, item: Any) -> str | None:
        """None when ``item`` can be this number, else what is wrong with it."""
        number = _as_number(item)
        if number is not None:
            if self.whole and not number.is_integer():
                return f"Your {self.label} is a count: give a whole number, not {_fmt(item)}."
            return None
        if isinstance(item, str):
            stripped = item.strip().rstrip("%").replace(",", "").strip()
            if _as_number_text(stripped) is not None:
                return f"Your {self.label} should be a number, not text: write {stripped} without quotes."
        return f"Your {self.label} should be a number; you gave {_a_type(item)}."

    def same(self, got: float, want: float) -> bool:
        """Whether two readings agree within this part's tolerance."""
        if math.isnan(got) or math.isnan(want):
            return math.isnan(got) and math.isnan(want)
        return math.isclose(got, want, rel_tol=self.rel_tol, abs_tol=self.abs_tol)

    def describe(self) -> str:
        what = self.meaning or self.label
        return f"{what} in {self.unit}" if self.unit and self.unit != "%" else what

    def diagnosis(self, got: float, want: float, subject: str) -> str:
        """What is wrong with ``got``, said of ``subject`` ("Your fee"), then the advice."""
        units = f" {self.unit}" if self.unit else ""
        named = {} if self.others is None else self.others()
        for name, other in named.items():
            if math.isfinite(other) and math.isclose(
                got, other, rel_tol=max(self.rel_tol, 1e-9), abs_tol=self.abs_tol
            ):
                message = f"{subject} ({_fmt_number(got)}{units}) is {name}."
                break
        else:
            tolerance = f"±{_fmt_number(self.abs_tol)}{units}" if self.abs_tol else None
            message = number_diagnosis(
                got,
                want,
                unit=self.unit,
                rel_tol=self.rel_tol,
                subject=subject,
                tolerance=tolerance,
                bracketed=True,
            )
        return f"{message} {self.advice}".strip()


@dataclass(frozen=True, kw_only=True)
class ChoicePart:
    """One choice in a :class:`TupleQuestion` answer: an option's letter or name, compared ignoring
    case and extra spaces.

    ``label`` names it in feedback ("letter", "channel"); ``options`` lists the valid ones (or a
    zero-argument callable giving them from the data); ``expected`` is the right one (or a callable);
    ``aliases`` maps other accepted spellings to an option ("creator a" -> "A"). A wrong option gets
    ``why_not`` (option -> text, a mapping or a callable) when it says something, else ``advice``.
    """

    label: str
    options: Sequence[str] | Callable[[], Sequence[str]]
    expected: str | Callable[[], str]
    aliases: Mapping[str, str] = field(default_factory=dict)
    why_not: Mapping[str, str] | Callable[[str], str] | None = None
    advice: str = ""

    def choices(self) -> tuple[str, ...]:
        """The valid options, in order."""
        return tuple(self.options() if callable(self.options) else self.options)

    def value(self) -> str:
        """The right option."""
        return str(self.expected() if callable(self.expected) else self.expected)

    def read(self, item: Any) -> str | None:
        """The option ``item`` names (as spelled in :meth:`choices`), or None."""
        if not isinstance(item, str):
            return None
        text = _normalise_text(item)
        known = {_normalise_text(o): o for o in self.choices()}
        known.update({_normalise_text(k): v for k, v in self.aliases.items()})
        return known.get(text)

    def problem(self, item: Any) -> str | None:
        """None when ``item`` names an option, else what is wrong with it."""
        if self.read(item) is not None:
            return None
        options = _or_list(self.choices())
        if not isinstance(item, str):
            return f"The {self.label} should be text in quotes, {options}; you gave {_a_type(item)}."
        return f"The {self.label} should be {options}; {_literal(item)} is not one of them."

    def same(self, got: str, want: str) -> bool:
        return got == want

    def describe(self) -> str:
        return f"the {self.label} ({_or_list(self.choices())})"

    def reason(self, got: str) -> str | None:
        """What ``why_not`` says about the option ``got``, if anything."""
        if self.why_not is None:
            return None
        if callable(self.why_not):
            return self.why_not(got)
        return self.why_not.get(got)


def _or_list(options: Sequence[str]) -> str:
    """'"A", "B" or "C"': options as they are typed, in quotes."""
    return word_list([f'"{o}"' for o in options], last="or")


def _literal(value: Any) -> str:
    """A value as the learner types it: strings in double quotes, numbers as Python writes them."""
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


@dataclass(kw_only=True, eq=False)
class TupleQuestion(Question):
    """A tuple of numbers and choices, such as ``(engaged_a, engaged_b, "A")`` or ``("B", 950.0)``.

    ``parts`` lists the items in order (:class:`NumberPart`, :class:`ChoicePart`); the expected answer is
    the tuple of their expected values, computed lazily. ``example`` is a well-formed wrong answer shown
    in the message for a malformed one. Feedback names the first wrong part, in the tuple's order: a
    number with how far off it is (as :class:`NumericQuestion` says it); a choice with its ``why_not``
    or ``advice``, and "your numbers are right" when they are. :meth:`part_is` lets a
    :class:`~helpers.exercises.Mistake`'s ``when=`` test one part with that part's own tolerance.
    """

    parts: Sequence[NumberPart | ChoicePart] = ()
    example: tuple[Any, ...] = ()

    expected_kind: ClassVar[str] = "a tuple of numbers and choices"

    def __post_init__(self) -> None:
        self.parts = tuple(self.parts)
        if self.expected is _MISSING and self.checker is None:
            self.expected = self._expected_tuple
        super().__post_init__()
        if len(self.parts) < 2 or not any(isinstance(p, ChoicePart) for p in self.parts):
            raise ValueError(f"question {self.id!r}: a TupleQuestion needs two or more parts, one a choice")
        if len(self.example) != len(self.parts):
            raise ValueError(f"question {self.id!r}: example= needs one item per part")

    def _expected_tuple(self) -> tuple[Any, ...]:
        return tuple(p.value() for p in self.parts)

    def numbers(self) -> list[NumberPart]:
        """The number parts, in order."""
        return [p for p in self.parts if isinstance(p, NumberPart)]

    def read(self, answer: Any) -> tuple[Any, ...] | None:
        """The answer as a tuple of floats and option names, or None when it does not have the shape."""
        if not isinstance(answer, list | tuple) or len(answer) != len(self.parts):
            return None
        items = tuple(p.read(item) for p, item in zip(self.parts, answer, strict=True))
        return None if any(item is None for item in items) else items

    def part_is(self, answer: Any, index: int, value: Any) -> bool:
        """Whether part ``index`` of the answer is ``value`` (a number within that part's tolerance, an
        option); False for a malformed answer. For known mistakes: ``when=lambda a: q.part_is(a, 0, "C")``."""
        got = self.read(answer)
        part = self.parts[index]
        if got is None:
            return False
        want = part.read(value() if callable(value) else value)
        return want is not None and part.same(got[index], want)  # type: ignore[arg-type]

    def _shape(self) -> str:
        described = [p.describe() for p in self.parts]
        listed = word_list(described)
        example = "(" + ", ".join(_literal(v) for v in self.example) + ")"
        count = _COUNT_WORDS.get(len(self.parts), str(len(self.parts)))
        return f"Answer with {count} things, in this order: {listed}; e.g. `{example}`."

    def _type_problem(self, answer: Any) -> str | None:
        if not isinstance(answer, list | tuple):
            return f"You gave {_a_type(answer)}. {self._shape()}"
        if len(answer) != len(self.parts):
            return f"You gave {len(answer)} item{'s' if len(answer) != 1 else ''}. {self._shape()}"
        for part, item in zip(self.parts, answer, strict=True):
            problem = part.problem(item)
            if problem is not None:
                return f"{problem} {self._shape()}"
        return None

    def _same(self, answer: Any, value: Any) -> bool:
        got, want = self.read(answer), self.read(value)
        if got is None or want is None:
            return False
        return all(p.same(g, w) for p, g, w in zip(self.parts, got, want, strict=True))  # type: ignore[arg-type]

    def _diagnose(self, answer: Any) -> str:
        got, want = self.read(answer), self.read(self.expected_value)
        assert got is not None and want is not None
        right = [p.same(g, w) for p, g, w in zip(self.parts, got, want, strict=True)]  # type: ignore[arg-type]
        numbers = [ok for p, ok in zip(self.parts, right, strict=True) if isinstance(p, NumberPart)]
        for i, part in enumerate(self.parts):
            if right[i]:
                continue
            if isinstance(part, ChoicePart):
                reason = part.reason(got[i])
                if numbers and all(numbers):
                    yours = "Your number is right" if len(numbers) == 1 else "Your numbers are right"
                    again = "read it again" if len(numbers) == 1 else "read them again"
                    if reason:
                        return f"{yours}. {reason}"
                    return (
                        f"{yours}; {again}: {part.advice}"
                        if part.advice
                        else f"{yours}, but {_literal(got[i])} is not the right {part.label}."
                    )
                if reason:
                    return reason
                return f"{_literal(got[i])} is not the right {part.label}" + (
                    f": {part.advice}" if part.advice else "."
                )
            before = [p.label for p in self.parts[:i] if isinstance(p, ChoicePart)]
            chosen_right = all(
                ok for p, ok in zip(self.parts, right, strict=True) if isinstance(p, ChoicePart)
            )
            subject = (
                f"Right {' and '.join(before)}, but your {part.label}"
                if before and chosen_right
                else f"Your {part.label}"
            )
            return part.diagnosis(got[i], want[i], subject)  # type: ignore[arg-type]
        return "The answer is not the expected one."  # pragma: no cover - a wrong answer differs somewhere

    def generic_wrong_answer(self) -> Any:
        if self.wrong_example is not _MISSING:
            return self.wrong_example
        wrong = []
        for part, value in zip(self.parts, self.expected_value, strict=True):
            if isinstance(part, NumberPart):
                changed = value * 1.37 + 1.0 if value else 1.0
                wrong.append(float(round(changed)) if part.whole else changed)
            else:
                wrong.append(value)
        return tuple(wrong)

    def as_numeric(self) -> list[NumericQuestion]:
        """Each number part as a :class:`NumericQuestion` with this question's id (its title names the
        part): what the course's tests compare on-screen numbers with."""
        return [
            NumericQuestion(
                id=self.id,
                title=f"{self.title}: {p.label}",
                expected=p.value,
                abs_tol=p.abs_tol,
                rel_tol=p.rel_tol,
                unit=p.unit,
                hints=self.hints,
                solution_code=self.solution_code,
            )
            for p in self.numbers()
        ]
