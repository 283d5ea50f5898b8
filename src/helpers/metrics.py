"""Influencer-marketing metrics as small, pure, vectorised functions.

Every function accepts scalars, numpy arrays (or lists) and pandas Series and returns the same kind:
a scalar gives a Python ``float`` (or a ``str`` label), an array gives a numpy array (or a
``pandas.Categorical`` for tiers and bands), a Series gives a Series with the **same index**.
Several Series in one call must share the same index (they are never silently re-aligned; join or
merge first). Series can be mixed with scalars, which broadcast.

Conventions
-----------
Units
    * **Percent (0-100)**: the engagement-rate family (:func:`engagement_rate`, ``er_*``),
      :func:`conversion_rate` and :func:`niche_penetration` -- the way the industry quotes them
      (``3.0`` means 3.0 %).
    * **Fractions / plain ratios**: everything else that is dimensionless -- :func:`roi`,
      :func:`roas`, :func:`margin_roi`, :func:`break_even_roas`, :func:`frequency`,
      :func:`paid_post_performance`, :func:`following_ratio`, :func:`fake_follower_share`,
      :func:`cagr`, :func:`emv_to_roi_gap`, and the *inputs* ``authenticity`` and ``margin``
      (``0.75`` means 75 %). ROI is always a fraction (``0.5`` = +50 %); there is
      no ``as_percent`` switch -- multiply by 100 or format with ``f"{x:.0%}"`` to display it.
    * **Money** is in the currency of the inputs (USD throughout the course).
Missing values and zero denominators
    A denominator that is 0 or missing (NaN, None, ``pd.NA``) gives **NaN** -- never ``inf``, never
    an exception, never a silent 0 -- and no ``RuntimeWarning`` is emitted (division is masked).
    A missing numerator also gives NaN. An optional argument left as ``None`` (e.g. ``shares``)
    means "not part of this definition", which is different from a missing value.
Invalid input
    Negative counts or amounts, and infinite values, raise ``ValueError`` naming the argument.
    Non-numeric input (e.g. the strings ``"3.3k"`` of a raw export) raises ``TypeError``.
Tiers and bands
    Every range is **lower-bound inclusive, upper-bound exclusive**: exactly 10,000 followers is
    *micro* under Mediakix (10K-50K), not nano. Tier labels are the same six ordered categories for
    every scheme, ``TIER_LABELS = ("below nano", "nano", "micro", "mid", "macro", "mega")``;
    ``"below nano"`` is for accounts under a scheme's lowest bound (e.g. < 1,000 followers under
    Mediakix or HypeAuditor; it never occurs under Later x Fohr, whose nano tier starts at 0).
    Missing follower counts give a missing tier (NaN).

Definitions and thresholds are copied here with their sources (tags: P = read in the primary
source, S = read only in a secondary source quoting it); nothing is read from outside the package.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from types import MappingProxyType
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

#: What the functions accept: a number, a sequence/array of numbers or a pandas Series.
Numeric: TypeAlias = float | int | np.number | np.ndarray | pd.Series | Sequence[float]
#: What they return: the same kind as the input (float, ndarray or Series).
Result: TypeAlias = float | np.ndarray | pd.Series

__all__ = [
    "AUTHENTICITY_MIN",
    "BELOW_LOWEST_TIER",
    "ER_BENCHMARK_LOWER_BOUNDS",
    "ER_BENCHMARK_MEAN_PCT",
    "ER_BENCHMARK_MEDIAN_PCT",
    "ER_PLAUSIBILITY_FACTOR",
    "ER_QUALITY_DTYPE",
    "ER_QUALITY_LABELS",
    "ER_QUALITY_LOWER_BOUNDS",
    "FOLLOWING_RATIO_MAX",
    "MASS_FOLLOWING_MIN",
    "RETURN_ON_SPEND",
    "SPONSORED_VS_ORGANIC",
    "TIER_DTYPE",
    "TIER_LABELS",
    "TIER_SCHEMES",
    "NamedMetric",
    "TierScheme",
    "assign_tier",
    "audience_quality_flags",
    "break_even_roas",
    "cagr",
    "conversion_rate",
    "conversions_per_dollar",
    "cpa",
    "cpc",
    "cpe",
    "cpm",
    "emv",
    "emv_to_roi_gap",
    "engagement_rate",
    "er_by_followers",
    "er_by_reach",
    "er_by_views",
    "er_on_real_followers",
    "er_quality_band",
    "fake_follower_share",
    "following_ratio",
    "frequency",
    "margin_roi",
    "niche_penetration",
    "paid_post_performance",
    "pooled_er_ratio",
    "pooled_reach_er_ratio",
    "profit_after_margin",
    "real_followers",
    "reference_er",
    "roas",
    "roi",
    "tier_changes",
    "tier_counts",
    "tier_labels",
    "tier_scheme_table",
]


# ---------------------------------------------------------------------------------------------
# Input handling (private)
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Kind:
    """The kind of output to give back: a Series on ``index``, a scalar, or an array."""

    index: pd.Index | None
    scalar: bool

    def wrap(self, values: np.ndarray) -> Result:
        if self.index is not None:
            return pd.Series(np.broadcast_to(values, (len(self.index),)).copy(), index=self.index)
        if self.scalar:
            return float(values)
        return values

    def wrap_categorical(self, categorical: pd.Categorical) -> str | float | pd.Categorical | pd.Series:
        if self.index is not None:
            return pd.Series(categorical, index=self.index)
        if self.scalar:
            return categorical[0]
        return categorical


def _kind(*args: Any) -> _Kind:
    """Decide the output kind from the inputs; Series must share one index (no silent alignment)."""
    series = [a for a in args if isinstance(a, pd.Series)]
    if series:
        index = series[0].index
        for other in series[1:]:
            if not other.index.equals(index):
                raise ValueError(
                    "Series arguments must share the same index (they are not re-aligned silently); "
                    "join or merge them into one DataFrame first"
                )
        return _Kind(index=index, scalar=False)
    return _Kind(index=None, scalar=all(np.ndim(a) == 0 for a in args if a is not None))


def _floats(x: Any, name: str) -> np.ndarray:
    """``x`` as a float64 array; None / NaN / pd.NA become NaN. Raises TypeError if not numeric."""
    if x is None or x is pd.NA:
        return np.array(np.nan)
    if isinstance(x, pd.DataFrame):
        raise TypeError(f"{name} must be a column (Series), a number or an array, not a DataFrame")
    try:
        if isinstance(x, pd.Series | pd.Index):
            return x.to_numpy(dtype="float64", na_value=np.nan)
        try:
            return np.asarray(x, dtype="float64")
        except TypeError:  # e.g. a list holding pd.NA
            return pd.array(list(x), dtype="Float64").to_numpy(dtype="float64", na_value=np.nan)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must be numeric (a number, an array or a Series of numbers); "
            f"got {type(x).__name__} that cannot be read as numbers ({exc}). "
            "Parse strings such as '3.3k' or '1.39%' before calling."
        ) from None


def _nonneg(x: Any, name: str) -> np.ndarray:
    """``x`` as floats, checked: no negative and no infinite values (NaN is allowed: missing)."""
    values = _floats(x, name)
    with np.errstate(invalid="ignore"):
        negative = values < 0
    if np.any(negative):
        first = values[negative].flat[0]
        raise ValueError(
            f"{name} must not be negative: found {int(np.count_nonzero(negative))} negative value(s) "
            f"(first: {first:g}). Counts and amounts cannot be below 0 -- check the data."
        )
    if np.any(np.isposinf(values)):
        raise ValueError(f"{name} must be finite: found inf (a previous division by zero?)")
    return values


def _fraction(x: Any, name: str) -> np.ndarray:
    """A share in [0, 1] (NaN allowed); a value above 1 is most likely a percent."""
    values = _nonneg(x, name)
    with np.errstate(invalid="ignore"):
        above = values > 1
    if np.any(above):
        raise ValueError(
            f"{name} is a fraction in [0, 1] (0.75 means 75 %); found {values[above].flat[0]:g}. "
            "If the data is in percent, divide by 100."
        )
    return values


def _divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where the denominator is 0 or missing, without warnings."""
    numerator, denominator = np.broadcast_arrays(numerator, denominator)
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)  # NaN > 0 is False
    return out


def _ratio(numerator: Any, denominator: Any, names: tuple[str, str], scale: float = 1.0) -> Result:
    """The shared core: validated, masked ``numerator / denominator * scale`` of the input kind."""
    kind = _kind(numerator, denominator)
    num = _nonneg(numerator, names[0])
    den = _nonneg(denominator, names[1])
    return kind.wrap(_divide(num, den) * scale)


def _interactions(named: Mapping[str, Any]) -> np.ndarray:
    """Sum of the interaction counts that were given (None = not part of the definition)."""
    parts = [_nonneg(value, name) for name, value in named.items() if value is not None]
    return reduce(np.add, parts)


# ---------------------------------------------------------------------------------------------
# Engagement rates
# ---------------------------------------------------------------------------------------------
def engagement_rate(interactions: Numeric, denominator: Numeric) -> Result:
    """Generic engagement rate, in **percent**: ``interactions / denominator * 100``.

    The core every ``er_*`` function uses; the denominator decides which ER it is (followers, reach,
    views). Unit: percent (3.0 = 3.0 %). Zero or missing denominator -> NaN. Pass per-post counts to
    get per-post ERs, or per-post averages to get the account's ER (the same thing when the
    denominator is fixed). Source: the ER definitions of IZEA, GRIN and Modash (by followers),
    HypeAuditor (by reach and by views).

    >>> engagement_rate(1_500, 50_000)
    3.0
    """
    return _ratio(interactions, denominator, ("interactions", "denominator"), scale=100.0)


def er_by_followers(
    likes: Numeric,
    comments: Numeric,
    followers: Numeric,
    *,
    shares: Numeric | None = None,
    saves: Numeric | None = None,
) -> Result:
    """Engagement rate by followers, in **percent**.

    Formula: ``(likes + comments [+ shares] [+ saves]) / followers * 100``, per post or on per-post
    averages over recent posts. ``shares`` and ``saves`` are counted only when given (they are not
    public on Instagram, so most third-party figures use likes + comments). Unit: percent.
    0 or missing followers -> NaN. Sources: IZEA; GRIN glossary; Modash API (likes / followers over
    about two months, at most 500 posts) -- P.

    Signature style shared by the ER functions: the required interaction counts first, the
    denominator as the **last positional** argument, optional extra counts keyword-only.

    >>> er_by_followers(1_200, 300, 50_000)
    3.0
    """
    total = _interactions({"likes": likes, "comments": comments, "shares": shares, "saves": saves})
    kind = _kind(likes, comments, followers, shares, saves)
    return kind.wrap(_divide(total, _nonneg(followers, "followers")) * 100.0)


def er_by_reach(
    likes: Numeric,
    comments: Numeric,
    reach: Numeric,
    *,
    shares: Numeric | None = None,
    saves: Numeric | None = None,
) -> Result:
    """Engagement rate by reach (ERR), in **percent**.

    Formula: ``reactions / reach * 100`` with reactions = likes + comments [+ shares] [+ saves];
    reach = unique accounts that saw the post (an insight only the creator can export). Unit:
    percent. 0 or missing reach -> NaN. Source: HypeAuditor blog "What is Instagram engagement rate
    and how to calculate it" (ERR = total reactions / reach x 100 %) -- P.

    >>> er_by_reach(900, 100, 20_000)
    5.0
    """
    total = _interactions({"likes": likes, "comments": comments, "shares": shares, "saves": saves})
    kind = _kind(likes, comments, reach, shares, saves)
    return kind.wrap(_divide(total, _nonneg(reach, "reach")) * 100.0)


def er_by_views(likes: Numeric, comments: Numeric, shares: Numeric, views: Numeric) -> Result:
    """Engagement rate by views (TikTok), in **percent**.

    Formula: ``(likes + comments + shares) / views * 100``; HypeAuditor averages it over the last 30
    TikTok posts (average per post yourself, or pass per-post averages). Unit: percent. 0 or missing
    views -> NaN. Source: HypeAuditor "What is TikTok engagement rate" -- P.

    >>> er_by_views(800, 150, 50, 20_000)
    5.0
    """
    total = _interactions({"likes": likes, "comments": comments, "shares": shares})
    kind = _kind(likes, comments, shares, views)
    return kind.wrap(_divide(total, _nonneg(views, "views")) * 100.0)


def frequency(impressions: Numeric, reach: Numeric) -> Result:
    """Average number of times each reached account saw the content: ``impressions / reach``.

    Unit: views per unique viewer (a plain ratio, >= 1 for consistent data; it is not checked,
    because impressions and reach may come from different windows). 0 or missing reach -> NaN.
    Source: CreatorIQ metrics glossary (reach = unique viewers, impressions = total views) -- P.

    >>> frequency(30_000, 20_000)
    1.5
    """
    return _ratio(impressions, reach, ("impressions", "reach"))


# ---------------------------------------------------------------------------------------------
# Follower tiers
# ---------------------------------------------------------------------------------------------
#: The ordered tier labels shared by every scheme (lowest first).
TIER_LABELS: tuple[str, ...] = ("below nano", "nano", "micro", "mid", "macro", "mega")
#: Label for accounts under a scheme's lowest bound.
BELOW_LOWEST_TIER: str = TIER_LABELS[0]
#: Ordered categorical dtype of :func:`assign_tier` results (comparable across schemes).
TIER_DTYPE = pd.CategoricalDtype(list(TIER_LABELS), ordered=True)


@dataclass(frozen=True)
class TierScheme:
    """A follower-tier scheme: lower bounds (inclusive) of nano, micro, mid, macro and mega.

    A tier runs from its lower bound (included) to the next tier's lower bound (excluded); mega
    has no upper bound. Accounts under ``lower_bounds[0]`` are :data:`BELOW_LOWEST_TIER`.
    ``source_labels`` are the names the source itself uses, when it has its own.
    """

    key: str
    name: str
    source: str
    lower_bounds: tuple[int, int, int, int, int]
    source_labels: tuple[str, ...] = ()
    note: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """The five tier labels this scheme assigns above its lowest bound (nano .. mega)."""
        return TIER_LABELS[1:]


#: The follower-tier schemes, by key. They disagree: keep the scheme a parameter.
TIER_SCHEMES: Mapping[str, TierScheme] = MappingProxyType(
    {
        "mediakix": TierScheme(
            key="mediakix",
            name="Mediakix",
            source=(
                "Mediakix, 'Influencer tiers' (Standard Terminology in Influencer Marketing), "
                "Instagram: nano 1,000-10,000, micro 10,000-50,000, mid-tier 50,000-500,000, "
                "macro 500,000-1,000,000, mega 1,000,000+ followers -- P"
            ),
            lower_bounds=(1_000, 10_000, 50_000, 500_000, 1_000_000),
            note="Nano starts at 1,000 followers ('1-10K' means 1K-10K); below that: 'below nano'.",
        ),
        "later_fohr": TierScheme(
            key="later_fohr",
            name="Later x Fohr (2021)",
            source=(
                "Later x Fohr influencer benchmark report 2021: nano 0-10K, micro 10-100K, "
                "mid 100-500K, macro 500K-1M, mega 1M+ followers -- P"
            ),
            lower_bounds=(0, 10_000, 100_000, 500_000, 1_000_000),
            note="Nano starts at 0, so no account is 'below nano'.",
        ),
        "hypeauditor": TierScheme(
            key="hypeauditor",
            name="HypeAuditor",
            source=(
                "HypeAuditor blog, Instagram engagement-rate benchmark (March 2018, ~37K accounts): "
                "tier 5 Rookie 1K-5K, tier 4 Up-and-Coming 5K-20K, tier 3 Prosumer 20K-100K, "
                "tier 2 Maven 100K-1M, tier 1 Celebrity 1M+; tier 6 'Instagram user' 0-1K -- P "
                "(also quoted by Statista -- S)"
            ),
            lower_bounds=(1_000, 5_000, 20_000, 100_000, 1_000_000),
            source_labels=("Rookie", "Up-and-Coming", "Prosumer", "Maven", "Celebrity"),
            note=(
                "HypeAuditor names its tiers Rookie .. Celebrity; mapped in order to nano .. mega. "
                "Its tier 6 (0-1K, 'Instagram user') is 'below nano'."
            ),
        ),
    }
)


def _scheme(scheme: str) -> TierScheme:
    try:
        return TIER_SCHEMES[scheme]
    except (KeyError, TypeError):
        valid = ", ".join(repr(k) for k in TIER_SCHEMES)
        raise ValueError(f"unknown tier scheme {scheme!r}; valid schemes: {valid}") from None


def tier_labels(scheme: str = "mediakix", *, include_below: bool = True) -> tuple[str, ...]:
    """The tier labels :func:`assign_tier` can give under ``scheme``, lowest first.

    ``"below nano"`` comes first when the scheme's lowest bound is above 0 (Mediakix, HypeAuditor:
    under 1,000 followers) and ``include_below`` is true; Later x Fohr starts nano at 0, so it never
    has it. Use it to order or reindex counts of one scheme. Unknown scheme -> ValueError.

    >>> tier_labels("later_fohr")
    ('nano', 'micro', 'mid', 'macro', 'mega')
    >>> tier_labels("hypeauditor")[:2]
    ('below nano', 'nano')
    """
    definition = _scheme(scheme)
    below = (BELOW_LOWEST_TIER,) if include_below and definition.lower_bounds[0] > 0 else ()
    return below + definition.labels


def _tier_codes(followers: Any, scheme: str) -> np.ndarray:
    """Integer codes into :data:`TIER_LABELS` (-1 = missing), lower-bound inclusive."""
    bounds = np.asarray(_scheme(scheme).lower_bounds, dtype="float64")
    values = np.atleast_1d(_nonneg(followers, "followers"))
    codes = np.searchsorted(bounds, values, side="right")  # number of bounds <= value
    return np.where(np.isnan(values), -1, codes)


def assign_tier(followers: Numeric, scheme: str = "mediakix") -> str | float | pd.Categorical | pd.Series:
    """Follower tier of each account under ``scheme``, as an ordered categorical.

    Rule: lower-bound inclusive -- a tier runs from its lower bound (included) to the next tier's
    lower bound (excluded); e.g. under Mediakix 9,999 is nano and 10,000 is micro. Labels are
    :data:`TIER_LABELS` (``"below nano" < "nano" < ... < "mega"``) for every scheme, so results of
    different schemes can be compared; accounts under the scheme's lowest bound are
    ``"below nano"``; missing follower counts give NaN. Negative counts raise ValueError, an unknown
    scheme raises ValueError listing the valid ones. Returns a label (scalar input), a
    ``pandas.Categorical`` (array input) or a category Series with the input's index. Sources: see
    ``TIER_SCHEMES[scheme].source`` (Mediakix; Later x Fohr 2021; HypeAuditor 2018).

    >>> assign_tier(30_000, "mediakix"), assign_tier(30_000, "hypeauditor")
    ('micro', 'mid')
    """
    kind = _kind(followers)
    codes = _tier_codes(followers, scheme)
    return kind.wrap_categorical(pd.Categorical.from_codes(codes, dtype=TIER_DTYPE))


def tier_counts(followers: Numeric, scheme: str = "mediakix") -> pd.Series:
    """Number of accounts in each tier of ``scheme`` (all six labels, zeros included, in order).

    Missing follower counts are not counted. Returns an int Series indexed by the ordered tier
    labels (index name ``"tier"``), named after the scheme key. Boundary rule and sources: see
    :func:`assign_tier`.
    """
    codes = _tier_codes(followers, scheme)
    counts = np.bincount(codes[codes >= 0], minlength=len(TIER_LABELS))
    index = pd.CategoricalIndex(TIER_LABELS, dtype=TIER_DTYPE, name="tier")
    return pd.Series(counts, index=index, name=scheme)


def tier_changes(followers: Numeric, scheme_a: str, scheme_b: str) -> pd.DataFrame:
    """Crosstab of accounts by tier under ``scheme_a`` (rows) and ``scheme_b`` (columns).

    Off-diagonal cells are the accounts whose label changes with the scheme. All six labels appear
    on both axes (zeros included); the row axis is named ``scheme_a``, the column axis
    ``scheme_b``. Missing follower counts are not counted. Boundary rule: see :func:`assign_tier`.
    """
    codes_a = _tier_codes(followers, scheme_a)
    codes_b = _tier_codes(followers, scheme_b)
    known = (codes_a >= 0) & (codes_b >= 0)
    n = len(TIER_LABELS)
    table = np.zeros((n, n), dtype="int64")
    np.add.at(table, (codes_a[known], codes_b[known]), 1)
    rows = pd.CategoricalIndex(TIER_LABELS, dtype=TIER_DTYPE, name=scheme_a)
    cols = pd.CategoricalIndex(TIER_LABELS, dtype=TIER_DTYPE, name=scheme_b)
    return pd.DataFrame(table, index=rows, columns=cols)


def tier_scheme_table() -> pd.DataFrame:
    """All schemes in one long table: scheme, tier, lower (inclusive), upper (exclusive), source name.

    ``upper`` is <NA> for mega (no upper bound). Handy to display next to the tier-scheme explorer.
    """
    rows = []
    for scheme in TIER_SCHEMES.values():
        uppers = [*scheme.lower_bounds[1:], np.nan]
        for i, (label, lower, upper) in enumerate(
            zip(scheme.labels, scheme.lower_bounds, uppers, strict=True)
        ):
            source_label = scheme.source_labels[i] if scheme.source_labels else label
            rows.append(
                {
                    "scheme": scheme.key,
                    "scheme_name": scheme.name,
                    "tier": label,
                    "source_label": source_label,
                    "lower": lower,
                    "upper": upper,
                }
            )
    table = pd.DataFrame(rows)
    table["tier"] = table["tier"].astype(TIER_DTYPE)
    table["upper"] = table["upper"].astype("Int64")  # <NA> for mega
    return table


# ---------------------------------------------------------------------------------------------
# Cost and return
# ---------------------------------------------------------------------------------------------
def cpm(cost: Numeric, impressions: Numeric) -> Result:
    """Cost per mille: ``cost / (impressions / 1000)``, in USD per 1,000 impressions.

    0 or missing impressions -> NaN. Source: Influencer Marketing Hub, "How to calculate influencer
    costs" -- P.

    >>> cpm(500, 100_000)
    5.0
    """
    return _ratio(cost, impressions, ("cost", "impressions"), scale=1000.0)


def cpe(cost: Numeric, engagements: Numeric) -> Result:
    """Cost per engagement: ``cost / engagements``, in USD per engagement.

    0 or missing engagements -> NaN. Source: Influencer Marketing Hub -- P.

    >>> cpe(500, 2_000)
    0.25
    """
    return _ratio(cost, engagements, ("cost", "engagements"))


def cpc(cost: Numeric, clicks: Numeric) -> Result:
    """Cost per click: ``cost / clicks``, in USD per click.

    0 or missing clicks -> NaN. Source: Influencer Marketing Hub -- P.

    >>> cpc(500, 400)
    1.25
    """
    return _ratio(cost, clicks, ("cost", "clicks"))


def cpa(cost: Numeric, conversions: Numeric) -> Result:
    """Cost per acquisition: ``cost / conversions``, in USD per conversion (acquisition).

    0 or missing conversions -> NaN. Source: Influencer Marketing Hub -- P.

    >>> cpa(500, 20)
    25.0
    """
    return _ratio(cost, conversions, ("cost", "conversions"))


def roi(revenue: Numeric, cost: Numeric) -> Result:
    """**ROI on revenue** (return on investment) as a **fraction**: (revenue - cost) / cost.

    Unit: fraction (0.5 = +50 %, -1.0 = all money lost); multiply by 100 for percent. Equals
    ``roas(revenue, cost) - 1``. 0 or missing cost -> NaN. Source: standard definition. It is on
    revenue, not profit: the goods sold cost money too -- :func:`margin_roi` counts only the margin.

    >>> roi(1_500, 1_000)
    0.5
    """
    kind = _kind(revenue, cost)
    rev = _nonneg(revenue, "revenue")
    spent = _nonneg(cost, "cost")
    return kind.wrap(_divide(rev - spent, spent))


def roas(revenue: Numeric, spend: Numeric) -> Result:
    """**ROAS** (return on ad spend) as a **ratio**: revenue / spend (3.0 = $3 of revenue per $1).

    Unit: plain ratio (a fraction, not percent). 0 or missing spend -> NaN. Source: standard
    definition.

    >>> roas(3_000, 1_000)
    3.0
    """
    return _ratio(revenue, spend, ("revenue", "spend"))


def profit_after_margin(revenue: Numeric, margin: Numeric, cost: Numeric) -> Result:
    """**Profit after margin**, in USD: revenue x margin - cost.

    ``margin`` is the product's gross margin, a **fraction** of the selling price (0.4 = 40 %: of
    each $1 of sales, $0.40 is left after making and shipping the goods). ``cost`` is every cost of
    the campaign -- creators' fees plus other costs (products sent, agency fees, finding creators).
    Negative = the campaign lost money. Missing input -> NaN. A margin above 1 raises ValueError
    (divide percents by 100).

    >>> profit_after_margin(1_700, 0.4, 1_000)
    -320.0
    """
    kind = _kind(revenue, margin, cost)
    rev = _nonneg(revenue, "revenue")
    share = _fraction(margin, "margin")
    spent = _nonneg(cost, "cost")
    return kind.wrap(rev * share - spent)


def margin_roi(revenue: Numeric, margin: Numeric, cost: Numeric) -> Result:
    """**ROI on margin** as a **fraction**: (revenue x margin - cost) / cost.

    The return on the gross margin rather than on revenue: :func:`profit_after_margin` divided by
    the cost. Equals ``roas(revenue, cost) * margin - 1``, so it is 0 at ROAS = 1 / margin (see
    :func:`break_even_roas`). Unit: fraction (-0.32 = 32 cents lost per dollar spent). 0 or missing
    cost -> NaN; ``margin`` as in :func:`profit_after_margin`.

    >>> round(margin_roi(1_700, 0.4, 1_000), 2)
    -0.32
    """
    kind = _kind(revenue, margin, cost)
    spent = _nonneg(cost, "cost")
    profit = _nonneg(revenue, "revenue") * _fraction(margin, "margin") - spent
    return kind.wrap(_divide(profit, spent))


def break_even_roas(margin: Numeric) -> Result:
    """**Break-even ROAS**, a **ratio**: 1 / margin.

    The ROAS at which :func:`profit_after_margin` is 0: below it the campaign loses money however
    far its revenue exceeds its cost (at a 40 % margin, 2.5). 0 or missing margin -> NaN.

    >>> break_even_roas(0.4)
    2.5
    """
    kind = _kind(margin)
    share = _fraction(margin, "margin")
    return kind.wrap(_divide(np.ones_like(share), share))


def emv(
    impressions: Numeric,
    engagements: Numeric | None = None,
    *,
    cpm_rate: Numeric,
    cpe_rate: Numeric | None = None,
) -> Result:
    """Earned media value, in USD: ``impressions / 1000 * cpm_rate [+ engagements * cpe_rate]``.

    The reference rates are required and explicit -- there is no hidden market rate: ``cpm_rate``
    (USD per 1,000 impressions) always; ``cpe_rate`` (USD per engagement) exactly when
    ``engagements`` is given (passing one without the other raises ValueError, so engagements are
    never silently priced at 0).

    EMV is **not ROI**: it prices every impression at paid-media rates, subtracts no cost, and
    every vendor computes it differently (CreatorIQ / Tribe Dynamics use proprietary variants), so
    it is best understood as a relative metric within one method. See :func:`emv_to_roi_gap`.
    Sources: ignyteiq glossary; Duel; CreatorIQ -- P.

    >>> emv(200_000, cpm_rate=10.0)
    2000.0
    >>> emv(200_000, 5_000, cpm_rate=10.0, cpe_rate=0.1)
    2500.0
    """
    if (engagements is None) != (cpe_rate is None):
        raise ValueError(
            "emv: pass engagements and cpe_rate together (cpe_rate = USD per engagement), "
            "or neither to price impressions only"
        )
    kind = _kind(impressions, engagements, cpm_rate, cpe_rate)
    value = _nonneg(impressions, "impressions") / 1000.0 * _nonneg(cpm_rate, "cpm_rate")
    if engagements is not None:
        value = value + _nonneg(engagements, "engagements") * _nonneg(cpe_rate, "cpe_rate")
    return kind.wrap(value)


def emv_to_roi_gap(emv_value: Numeric, revenue: Numeric, cost: Numeric) -> Result:
    """How far an "EMV-based ROI" overstates the real one, as a **fraction** of cost.

    Formula: ``roi(emv_value, cost) - roi(revenue, cost) = (emv_value - revenue) / cost``.
    Positive = EMV makes the campaign look better than the revenue it brought (0.8 = 80
    percentage points of ROI that exist only on paper). 0 or missing cost -> NaN. The point it
    teaches (ignyteiq, P): EMV prices impressions at paid-media rates and subtracts no cost.

    >>> emv_to_roi_gap(5_000, 1_500, 1_000)
    3.5
    """
    kind = _kind(emv_value, revenue, cost)
    value = _nonneg(emv_value, "emv_value")
    rev = _nonneg(revenue, "revenue")
    spent = _nonneg(cost, "cost")
    return kind.wrap(_divide(value - rev, spent))


# ---------------------------------------------------------------------------------------------
# Sponsored vs organic engagement: three ideas, three names (see SPONSORED_VS_ORGANIC)
# ---------------------------------------------------------------------------------------------
def paid_post_performance(er_sponsored: Numeric, er_organic: Numeric) -> Result:
    """**Paid-post performance** of one creator, a **ratio**:
    mean ER of the creator's sponsored posts / mean ER of the same creator's organic posts.

    The comparison is *within* one creator, so the audience is the same on both sides. 1.0 =
    sponsored posts engage as well as organic ones; 0.8 = 20 % less. Both ERs must use the same
    definition and unit (the unit cancels); with ER by followers the follower count cancels too, so
    it equals mean (likes + comments) per sponsored post / the same per organic post. 0 or missing
    organic ER -> NaN. Pass one value per creator (or Series of creators). Source: Modash API
    "paid post performance" -- P.

    >>> paid_post_performance(2.0, 2.5)
    0.8
    """
    return _ratio(er_sponsored, er_organic, ("er_sponsored", "er_organic"))


def _pooled_mean(values: Numeric, name: str) -> float:
    arr = _nonneg(values, name).ravel()
    arr = arr[~np.isnan(arr)]
    return float(arr.mean()) if arr.size else float("nan")


def pooled_er_ratio(er_sponsored_posts: Numeric, er_organic_posts: Numeric) -> float:
    """**Pooled ER ratio** of a group of creators, a **ratio**:
    mean ER of all the group's sponsored posts / mean ER of all its organic posts.

    Posts of different creators are mixed, so the ratio also measures *who* publishes the ads: if
    large accounts (lower ER) publish more of them, it comes out below every creator's own
    paid-post performance. Inputs are per-post ERs (any one unit); missing values are skipped; no
    organic post, or a mean organic ER of 0 -> NaN.

    >>> pooled_er_ratio([1.0, 3.0], [4.0, 4.0])
    0.5
    """
    sponsored = _pooled_mean(er_sponsored_posts, "er_sponsored_posts")
    organic = _pooled_mean(er_organic_posts, "er_organic_posts")
    return float(_divide(np.array([sponsored]), np.array([organic]))[0])


def pooled_reach_er_ratio(
    sponsored_interactions: Numeric,
    sponsored_reach: Numeric,
    organic_interactions: Numeric,
    organic_reach: Numeric,
) -> float:
    """**Pooled ER-by-reach ratio** of a group of creators, a **ratio**:
    (sum of likes + comments / sum of reach over the group's sponsored posts) / (the same over its
    organic posts).

    Reach is in the denominator: when a brand boosts its sponsored posts to more people than the
    creator's organic posts reach, the ratio falls even if each follower engages as much as before.
    It is *not* the share of a creator's usual engagement that an ad keeps (that is
    :func:`paid_post_performance`). Inputs are per-post counts; zero or missing reach -> NaN.

    >>> pooled_reach_er_ratio([10, 30], [1000, 3000], [20], [1000])
    0.5
    """
    rates = []
    for interactions, reach, names in (
        (sponsored_interactions, sponsored_reach, ("sponsored_interactions", "sponsored_reach")),
        (organic_interactions, organic_reach, ("organic_interactions", "organic_reach")),
    ):
        total = np.nansum(_nonneg(interactions, names[0]))
        people = np.nansum(_nonneg(reach, names[1]))
        rates.append(_divide(np.array([total]), np.array([people]))[0])
    return float(_divide(np.array([rates[0]]), np.array([rates[1]]))[0])


@dataclass(frozen=True)
class NamedMetric:
    """One idea, its one name in the course's prose, the function that computes it and its formula.

    ``retired`` lists names the course used for the same idea before; they must not come back.
    """

    name: str
    function: str
    formula: str
    retired: tuple[str, ...] = ()


#: The course's ways to compare sponsored with organic engagement: each has one name, used for
#: nothing else (``tests/test_teaching_truth.py`` scans the notebooks, plans and exercises for it).
SPONSORED_VS_ORGANIC: tuple[NamedMetric, ...] = (
    NamedMetric(
        "paid-post performance",
        "paid_post_performance",
        "mean ER of the creator's sponsored posts / mean ER of the same creator's organic posts",
        retired=("sponsored lift",),
    ),
    NamedMetric(
        "pooled ER ratio",
        "pooled_er_ratio",
        "mean ER of all the group's sponsored posts / mean ER of all its organic posts",
    ),
    NamedMetric(
        "pooled ER-by-reach ratio",
        "pooled_reach_er_ratio",
        "(sum of likes + comments / sum of reach over the group's sponsored posts) / "
        "(the same over its organic posts)",
    ),
)


#: The course's returns on a campaign's money: each has one name, used for nothing else. ROI and ROAS
#: are on revenue; only "profit after margin" and "ROI on margin" may be called profit
#: (``tests/test_revenue_not_profit.py`` checks the docstrings and the lesson texts).
RETURN_ON_SPEND: tuple[NamedMetric, ...] = (
    NamedMetric("ROAS", "roas", "revenue / spend"),
    NamedMetric("ROI on revenue", "roi", "(revenue - cost) / cost"),
    NamedMetric("profit after margin", "profit_after_margin", "revenue x margin - cost"),
    NamedMetric("ROI on margin", "margin_roi", "(revenue x margin - cost) / cost"),
    NamedMetric("break-even ROAS", "break_even_roas", "1 / margin"),
)


# ---------------------------------------------------------------------------------------------
# Audience quality
# ---------------------------------------------------------------------------------------------
#: Audience authenticity ("followers credibility") under 0.75 often signals fraud. Modash -- P.
AUTHENTICITY_MIN: float = 0.75
#: "Mass followers" follow more than 1,500 accounts. HypeAuditor AQS -- P. HypeAuditor applies it
#: to audience accounts; the course also applies it to the creator's own following count
#: (an adaptation, said so in the flag's reason).
MASS_FOLLOWING_MIN: int = 1_500
#: following / followers above 1.0 (follows more accounts than follow it) is flagged. The ratio is
#: a fake-account signal for Modash and SRF Data 2017 (P), but neither publishes a cut-off:
#: 1.0 is a course heuristic.
FOLLOWING_RATIO_MAX: float = 1.0
#: ER is flagged when it is more than this factor below or above the median ER of the account's
#: follower band (:func:`reference_er`). Course heuristic: no published cut-off.
ER_PLAUSIBILITY_FACTOR: float = 4.0

#: Follower bands of the HypeAuditor Instagram ER benchmark (lower bounds, inclusive):
#: 0-1K, 1K-5K, 5K-20K, 20K-100K, 100K-1M, 1M+. HypeAuditor blog, March 2018, ~37K accounts -- P.
ER_BENCHMARK_LOWER_BOUNDS: tuple[int, ...] = (0, 1_000, 5_000, 20_000, 100_000, 1_000_000)
#: Median Instagram ER by follower band, percent (likes + comments / followers). Same source -- P.
ER_BENCHMARK_MEDIAN_PCT: tuple[float, ...] = (16.99, 6.45, 3.76, 2.63, 2.57, 2.56)
#: Mean Instagram ER by follower band, percent. Same source -- P.
ER_BENCHMARK_MEAN_PCT: tuple[float, ...] = (10.58, 4.26, 2.28, 1.62, 1.55, 1.54)

#: ER quality band labels, lowest first, and their lower bounds in percent (inclusive):
#: < 1 % low, 1-3.5 % average, 3.5-6 % high, > 6 % very high. Attributed to HypeAuditor / IMH -- S.
ER_QUALITY_LABELS: tuple[str, ...] = ("low", "average", "high", "very high")
ER_QUALITY_LOWER_BOUNDS: tuple[float, ...] = (0.0, 1.0, 3.5, 6.0)
#: Ordered categorical dtype of :func:`er_quality_band` results.
ER_QUALITY_DTYPE = pd.CategoricalDtype(list(ER_QUALITY_LABELS), ordered=True)


def following_ratio(following: Numeric, followers: Numeric) -> Result:
    """Accounts followed per follower: ``following / followers`` (plain ratio).

    A high ratio is a fake-account / follow-for-follow signal (Modash; SRF Data 2017 random-forest
    features -- P); see :data:`FOLLOWING_RATIO_MAX`. 0 or missing followers -> NaN.

    >>> following_ratio(500, 2_000)
    0.25
    """
    return _ratio(following, followers, ("following", "followers"))


def fake_follower_share(audience_authenticity: Numeric) -> Result:
    """Share of followers that are not real people: ``1 - audience_authenticity`` (**fraction**).

    ``audience_authenticity`` is a fraction in [0, 1] (Modash "followers credibility", HypeAuditor
    "% real followers"); a value above 1 raises ValueError (probably a percent). Missing -> NaN.

    >>> fake_follower_share(0.75)
    0.25
    """
    kind = _kind(audience_authenticity)
    return kind.wrap(1.0 - _fraction(audience_authenticity, "audience_authenticity"))


def real_followers(followers: Numeric, authenticity: Numeric) -> Result:
    """Estimated real followers: ``followers * authenticity`` (a count, as float).

    ``authenticity`` is a fraction in [0, 1] (see :func:`fake_follower_share`). Missing -> NaN.

    >>> real_followers(50_000, 0.8)
    40000.0
    """
    kind = _kind(followers, authenticity)
    return kind.wrap(_nonneg(followers, "followers") * _fraction(authenticity, "authenticity"))


def er_on_real_followers(
    likes: Numeric,
    comments: Numeric,
    followers: Numeric,
    authenticity: Numeric,
    *,
    shares: Numeric | None = None,
    saves: Numeric | None = None,
) -> Result:
    """ER on the estimated real audience, in **percent**.

    Formula: ``(likes + comments [+ shares] [+ saves]) / (followers * authenticity) * 100``.
    Assumes fake followers never engage, so it is an upper bound for the real audience's ER; it is
    :func:`er_by_followers` divided by ``authenticity``. 0 or missing followers, or authenticity 0
    or missing -> NaN. Sources: ER by followers as in :func:`er_by_followers`; authenticity as in
    HypeAuditor AQS ("% real followers") and Modash ("followers credibility") -- P.

    >>> er_on_real_followers(1_200, 300, 50_000, 0.75)
    4.0
    """
    total = _interactions({"likes": likes, "comments": comments, "shares": shares, "saves": saves})
    kind = _kind(likes, comments, followers, authenticity, shares, saves)
    real = _nonneg(followers, "followers") * _fraction(authenticity, "authenticity")
    return kind.wrap(_divide(total, real) * 100.0)


def er_quality_band(er_pct: Numeric) -> str | float | pd.Categorical | pd.Series:
    """Quality band of an engagement rate given in **percent** (3.0, not 0.03).

    Bands, lower-bound inclusive like the tiers: [0, 1) low, [1, 3.5) average, [3.5, 6) high,
    [6, inf) very high -- so exactly 1.0 is average, 3.5 is high and 6.0 is very high (the source's
    "> 6 %" leaves 6.0 open; we apply the module's one boundary rule). Missing -> NaN. Returns a
    label, a ``pandas.Categorical`` or a category Series (ordered, :data:`ER_QUALITY_DTYPE`).
    Source: bands attributed to HypeAuditor / Influencer Marketing Hub -- S (secondary). They ignore
    follower size; compare with :func:`reference_er` too.

    >>> er_quality_band(3.0)
    'average'
    """
    kind = _kind(er_pct)
    values = np.atleast_1d(_nonneg(er_pct, "er_pct"))
    bounds = np.asarray(ER_QUALITY_LOWER_BOUNDS)
    codes = np.where(np.isnan(values), -1, np.searchsorted(bounds, values, side="right") - 1)
    return kind.wrap_categorical(pd.Categorical.from_codes(codes, dtype=ER_QUALITY_DTYPE))


def reference_er(followers: Numeric, statistic: str = "median") -> Result:
    """Benchmark Instagram ER (percent) of the follower band an account falls in.

    Bands (lower-bound inclusive): 0-1K, 1K-5K, 5K-20K, 20K-100K, 100K-1M, 1M+; ``statistic`` is
    ``"median"`` (16.99 / 6.45 / 3.76 / 2.63 / 2.57 / 2.56 %) or ``"mean"`` (10.58 / 4.26 / 2.28 /
    1.62 / 1.55 / 1.54 %). ER there is (likes + comments) / followers. Missing followers -> NaN.
    Source: HypeAuditor blog, Instagram ER benchmark, March 2018, ~37K accounts, last 90 days -- P.
    A 2018 snapshot: Instagram ER has fallen since, so treat it as calibration, not a target.

    >>> reference_er(30_000)
    2.63
    """
    tables = {"median": ER_BENCHMARK_MEDIAN_PCT, "mean": ER_BENCHMARK_MEAN_PCT}
    if statistic not in tables:
        raise ValueError(f"statistic must be 'median' or 'mean', got {statistic!r}")
    kind = _kind(followers)
    values = _nonneg(followers, "followers")
    bands = np.searchsorted(np.asarray(ER_BENCHMARK_LOWER_BOUNDS, dtype="float64"), values, side="right") - 1
    reference = np.asarray(tables[statistic])[np.clip(bands, 0, None)]
    return kind.wrap(np.where(np.isnan(values), np.nan, reference))


def _flag(condition: np.ndarray, known: np.ndarray) -> pd.arrays.BooleanArray:
    """A nullable boolean flag: <NA> where its inputs are missing."""
    condition, known = np.broadcast_arrays(np.atleast_1d(condition), np.atleast_1d(known))
    return pd.arrays.BooleanArray(condition & known, ~known)


def audience_quality_flags(
    followers: Numeric,
    *,
    following: Numeric | None = None,
    authenticity: Numeric | None = None,
    er_pct: Numeric | None = None,
) -> pd.DataFrame:
    """Audience-quality red flags, one row per account, with the reasons in words.

    Columns (nullable booleans; <NA> when the inputs a flag needs are missing or not given):

    * ``low_authenticity``: ``authenticity < AUTHENTICITY_MIN`` (0.75; Modash "followers
      credibility" under 75 % often signals fraud -- P);
    * ``mass_follower``: ``following > MASS_FOLLOWING_MIN`` (1,500; HypeAuditor's "mass follower"
      cut-off for audience accounts, applied here to the creator -- adaptation);
    * ``high_following_ratio``: ``following / followers > FOLLOWING_RATIO_MAX`` (1.0; course
      heuristic, the ratio itself is a Modash / SRF Data 2017 signal -- P);
    * ``er_implausibly_low`` / ``er_implausibly_high``: ``er_pct`` (percent, by followers) more than
      ``ER_PLAUSIBILITY_FACTOR`` (4x) below / above :func:`reference_er` for the follower band
      (HypeAuditor 2018 medians -- P; factor is a course heuristic). Instagram-calibrated.

    plus ``n_flags`` (how many flags are True), ``any_flag`` (Kleene OR: True if any flag is True,
    <NA> if none is True but some are unknown) and ``reasons`` ("; "-joined, "" if none). A flag is a
    reason to look closer, not proof of fraud. The index is the input Series' index, else 0..n-1.
    """
    kind = _kind(followers, following, authenticity, er_pct)
    fol = _nonneg(followers, "followers")
    fing = _nonneg(following, "following")
    auth = _fraction(authenticity, "authenticity")
    er = _nonneg(er_pct, "er_pct")
    fol, fing, auth, er = (np.atleast_1d(a) for a in np.broadcast_arrays(fol, fing, auth, er))
    ratio = _divide(fing, fol)
    ref = np.atleast_1d(reference_er(fol))
    with np.errstate(invalid="ignore"):
        flags = {
            "low_authenticity": _flag(auth < AUTHENTICITY_MIN, ~np.isnan(auth)),
            "mass_follower": _flag(fing > MASS_FOLLOWING_MIN, ~np.isnan(fing)),
            "high_following_ratio": _flag(ratio > FOLLOWING_RATIO_MAX, ~np.isnan(ratio)),
            "er_implausibly_low": _flag(er < ref / ER_PLAUSIBILITY_FACTOR, ~np.isnan(er + ref)),
            "er_implausibly_high": _flag(er > ref * ER_PLAUSIBILITY_FACTOR, ~np.isnan(er + ref)),
        }
    reasons = {
        "low_authenticity": lambda i: (
            f"authenticity {auth[i]:.0%} < {AUTHENTICITY_MIN:.0%} (Modash credibility)"
        ),
        "mass_follower": lambda i: (
            f"follows {fing[i]:,.0f} accounts > {MASS_FOLLOWING_MIN:,} (HypeAuditor mass-follower cut-off)"
        ),
        "high_following_ratio": lambda i: f"following/followers {ratio[i]:.2f} > {FOLLOWING_RATIO_MAX:g}",
        "er_implausibly_low": lambda i: (
            f"ER {er[i]:.2f}% < band median {ref[i]:.2f}% / {ER_PLAUSIBILITY_FACTOR:g}"
        ),
        "er_implausibly_high": lambda i: (
            f"ER {er[i]:.2f}% > band median {ref[i]:.2f}% x {ER_PLAUSIBILITY_FACTOR:g}"
        ),
    }
    index = kind.index if kind.index is not None else pd.RangeIndex(len(fol))
    table = pd.DataFrame(flags, index=index)
    true = {name: flag.fillna(False).to_numpy(dtype=bool) for name, flag in flags.items()}
    table["n_flags"] = np.sum(list(true.values()), axis=0).astype("int64")
    table["any_flag"] = reduce(operator.or_, flags.values())
    table["reasons"] = [
        "; ".join(reasons[name](i) for name in flags if true[name][i]) for i in range(len(fol))
    ]
    return table


# ---------------------------------------------------------------------------------------------
# Funnel, niche and growth
# ---------------------------------------------------------------------------------------------
def niche_penetration(followers: Numeric, niche_audience: Numeric) -> Result:
    """Creator's followers as a share of the niche's total audience, in **percent**.

    Formula: ``followers / niche_audience * 100``. Assumes every follower belongs to the niche, so
    it is an upper bound; above 100 means the inputs are inconsistent (not checked). 0 or missing
    niche audience -> NaN. Source: course definition (share of audience).

    >>> niche_penetration(50_000, 2_000_000)
    2.5
    """
    return _ratio(followers, niche_audience, ("followers", "niche_audience"), scale=100.0)


def conversion_rate(conversions: Numeric, clicks: Numeric) -> Result:
    """Click-to-conversion rate, in **percent**: ``conversions / clicks * 100``.

    0 or missing clicks -> NaN. Source: standard funnel definition (IMH uses the same counts for
    CPC and CPA).

    >>> conversion_rate(20, 400)
    5.0
    """
    return _ratio(conversions, clicks, ("conversions", "clicks"), scale=100.0)


def conversions_per_dollar(conversions: Numeric, cost: Numeric) -> Result:
    """Conversions bought per USD spent: ``conversions / cost`` (the reciprocal of :func:`cpa`).

    Unit: conversions per USD. 0 or missing cost -> NaN. Source: standard definition.

    >>> conversions_per_dollar(20, 500)
    0.04
    """
    return _ratio(conversions, cost, ("conversions", "cost"))


def cagr(start_value: Numeric, end_value: Numeric, years: Numeric) -> Result:
    """Compound annual growth rate as a **fraction**: ``(end_value / start_value) ** (1 / years) - 1``.

    Unit: fraction per year (0.25 = +25 % a year); ``start_value * (1 + cagr) ** years ==
    end_value``. 0 or missing start value, or 0 or missing years -> NaN; negative values raise
    ValueError. Source: standard definition (used on the IMH market-size series in the landscape
    lesson).

    >>> round(cagr(1.7, 24.0, 8), 4)
    0.3923
    """
    kind = _kind(start_value, end_value, years)
    growth = _divide(_nonneg(end_value, "end_value"), _nonneg(start_value, "start_value"))
    exponent = _divide(np.ones_like(growth), _nonneg(years, "years"))
    with np.errstate(invalid="ignore"):
        return kind.wrap(np.power(growth, exponent) - 1.0)
