"""Named slips: the predictable wrong answers people produce from a right one, each with its feedback.

A :class:`~helpers.exercises.Slip` is a rule, not a value: ``wrong(expected)`` turns the right answer
into the answer the slip gives. Questions list them in ``slips=[...]``; they are tried after the
question's own :class:`~helpers.exercises.Mistake` values and before the generic "how far off"
message, and a match counts as a known mistake (``Status.MISTAKE``). Every percentage question
(``NumericQuestion(unit="%")``) checks :data:`FRACTION_FOR_PERCENT` without being told.

Slips that need a second number from the data (the rate per reach where the rate per follower is
asked for, revenue where profit is asked for) are wrong *values*, not rules: :func:`wrong_denominator`
and :func:`revenue_for_profit` build :class:`~helpers.exercises.Mistake` objects with the standard wording.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from helpers.exercises.mistakes import Mistake, Slip

__all__ = [
    "FRACTION_FOR_PERCENT",
    "LOG_SLOPE_FOR_PERCENT_CHANGE",
    "PERCENT_FOR_FRACTION",
    "ROAS_FOR_ROI",
    "TEN_TO_THE_LOG_SLOPE",
    "revenue_for_profit",
    "wrong_denominator",
]

#: A share typed as a fraction (0.03) where the question asks for a percentage (3.0).
FRACTION_FOR_PERCENT = Slip(
    "fraction for percent",
    lambda e: e / 100,
    "That is the right ratio as a fraction; the question asks for a percentage: multiply by 100.",
    rel_tol=0.01,
)

#: A percentage (50) typed where the question asks for a fraction (0.5), as for ROI in this course.
PERCENT_FOR_FRACTION = Slip(
    "percent for fraction",
    lambda e: e * 100,
    "That is the right ratio as a percentage; the question asks for a fraction: divide by 100.",
    rel_tol=0.01,
)

#: The slope of ln(rate) on log10(followers) typed where the question asks for the percent change of
#: the rate per tenfold followers: the answer ``p`` comes from the slope ``b`` as ``p = (e^b - 1) x 100``,
#: so the slip types ``b = ln(1 + p / 100)``.
LOG_SLOPE_FOR_PERCENT_CHANGE = Slip(
    "slope for percent change",
    lambda e: math.log1p(e / 100),
    "That is the slope itself: the change in ln(ER) per tenfold followers, not a percentage. Turn it "
    "into the percent change of ER: (e^slope - 1) x 100, that is `np.expm1(slope) * 100`.",
    rel_tol=0.01,
)


#: The same fit read with 10 to the slope where e to the slope belongs (the fit is of the natural log):
#: from the right answer ``p`` the slip gives ``(10^b - 1) x 100`` with ``b = ln(1 + p / 100)``.
TEN_TO_THE_LOG_SLOPE = Slip(
    "10 to the slope",
    lambda e: math.expm1(math.log1p(e / 100) * math.log(10)) * 100,
    "You raised 10 to the slope. The fit is of ln(ER), the natural log, so each tenfold step "
    "multiplies ER by e^slope: (e^slope - 1) x 100, that is `np.expm1(slope) * 100`.",
    rel_tol=0.01,
)

#: ROAS (revenue / cost) typed where the question asks for ROI as a fraction ((revenue - cost) / cost).
ROAS_FOR_ROI = Slip(
    "ROAS for ROI",
    lambda e: e + 1,
    "That is ROAS (revenue / cost). ROI subtracts the cost first: ROI = ROAS - 1.",
)


def wrong_denominator(value: float | Callable[[], Any], used: str, wanted: str) -> Mistake:
    """The rate computed over the wrong base: ``value`` is what dividing by ``used`` gives (a number or
    a zero-argument callable, evaluated lazily), where the question divides by ``wanted``."""
    return Mistake(
        value,
        f"You divided by the {used}: that is the rate per {_singular(used)}. This question asks per "
        f"{_singular(wanted)}: divide by the {wanted}.",
        name=f"per {_singular(used)} instead of per {_singular(wanted)}",
    )


def revenue_for_profit(value: float | Callable[[], Any], cost: str = "the cost") -> Mistake:
    """Revenue (``value``) typed where the question asks for what is left after ``cost``."""
    return Mistake(
        value,
        f"That is the revenue: money in before {cost} is paid. The question asks what is left: "
        f"subtract {cost} first.",
        name="revenue for profit",
    )


def _singular(noun: str) -> str:
    """'followers' -> 'follower', 'views' -> 'view'; other words unchanged."""
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
