"""The research lab (lesson 12): reproduce a published finding, on the course data and on your own export.

Two findings, stated in the literature and built into the synthetic data (datasheet effects 1 and 2):

1. **Engagement falls as followers grow.** HypeAuditor's 2018 Instagram benchmark (about 37K accounts)
   reports median engagement rates of 16.99 % for accounts under 1K followers down to 2.56 % above 1M.
2. **Sponsored engagement is an inverted U in followers** (Wies, Bleier & Edeling 2023, *Journal of
   Marketing* 87(3)): as followers grow, a sponsored post reaches more people but the relationship with
   each follower weakens, so engagement with sponsored content first rises, then falls.

The method, the same for both and for any data set:

* **Binned statistics.** Creators are grouped by log10 followers into bins of equal width (in
  *decades*: a width of 0.5 means each bin spans a factor of about 3.2); a bin with too few creators is
  merged into its neighbour. Each bin reports the median and a **95 % bootstrap confidence interval**.
* **A fit in log followers.** ``ln(value) = c0 + c1 x`` (engagement rate) or ``ln(value) = c0 + c1 x +
  c2 x²`` (paid-post performance) with ``x = log10(followers)``, by least squares (``numpy.polyfit``). For the
  quadratic, the **vertex** ``x* = -c1 / (2 c2)`` is the follower count with the highest fitted value.
  Intervals for the coefficients and the vertex come from a seeded bootstrap of creators.

Measures and units:

* ``followers``: accounts (a count); ``x``: log10 followers (4 = 10K, 5 = 100K, 6 = 1M).
* ``er_pct``: engagement rate by followers, **percent**: (avg likes + avg comments) / followers x 100.
* ``lift``: **paid-post performance** (:func:`helpers.metrics.paid_post_performance`), a ratio: mean
  (likes + comments) of a creator's sponsored posts / the same for their organic posts (Modash's
  definition; datasheet effect 2). 1.0 = sponsored posts
  engage as much as organic ones. Creators need at least 1 sponsored and 3 organic posts.

Bootstrap details (all seeded, so results repeat exactly):

* bin medians: the percentile bootstrap of the median, simulated *exactly* and cheaply from order
  statistics: the median of a resample of n sorted values is the value at rank ``floor(n U)``, where
  ``U`` is the middle order statistic of n uniforms, a Beta(m, n + 1 - m) variable; no resample has to
  be built, so bins of 100,000 creators cost as little as bins of 10;
* fits: the Bayesian bootstrap (Rubin 1981): each replicate gives every creator a random weight drawn
  from an exponential distribution and refits by weighted least squares; it behaves like resampling
  creators with replacement and is vectorised as one matrix product per block of replicates.

Everything is vectorised: :func:`analyse_posts` turns 1,000,000 posts into both findings in well under a
second (``tools/bench.py`` reports ``metrics_1m_posts_s``).

Caveats taught with these functions: the data are observational (bigger accounts differ in many ways
besides size, e.g. fake followers: :func:`creator_table` adds ER on real followers); a "top creators"
list is selected on followers and is not a sample (:func:`select_sample`); tier cut-offs change
conclusions (:func:`tier_medians`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from .. import metrics, paths, plots
from ..exports import parse_number

__all__ = [
    "CI",
    "EXACT_WEIGHTS_LIMIT",
    "EXAMPLE_EXPORT",
    "MEASURES",
    "MIN_FIT",
    "MIN_PER_BIN",
    "N_BOOT",
    "SAMPLES",
    "SEED",
    "Finding",
    "LogFit",
    "analyse",
    "analyse_posts",
    "best_tiers",
    "binned_medians",
    "bootstrap_median",
    "creator_table",
    "draw_finding",
    "draw_published",
    "draw_published_er",
    "draw_series",
    "draw_tier_medians",
    "example_export",
    "example_export_path",
    "export_creators",
    "fit_log_followers",
    "fit_numbers",
    "follower_label",
    "headline",
    "interval_text",
    "log_bin_edges",
    "published_er_table",
    "published_er_title",
    "resample_creators",
    "select_sample",
    "sponsored_lift",
    "tier_headline",
    "tier_medians",
    "tier_sentence",
]

#: Seed of every bootstrap (results repeat exactly for the same data).
SEED = 2023
#: Bootstrap replicates per interval.
N_BOOT = 500
#: Confidence level of the intervals.
CI = 0.95
#: Default bin width in decades of followers (0.5: each bin spans a factor of about 3.2).
BIN_WIDTH = 0.5
#: A bin with fewer creators is merged into its neighbour.
MIN_PER_BIN = 15
#: Fewer creators than this: no fit (the bootstrap of a curve needs data across sizes).
MIN_FIT = 10
#: Thresholds for a creator's paid-post performance: at least this many sponsored and organic posts.
MIN_SPONSORED_POSTS = 1
MIN_ORGANIC_POSTS = 3

#: The two measures: column, reader-facing name, unit text, degree of the fit in log followers.
MEASURES: dict[str, dict[str, Any]] = {
    "er": {"column": "er_pct", "name": "engagement rate", "unit": "% of followers", "degree": 1},
    "lift": {"column": "lift", "name": "paid-post performance", "unit": "sponsored / organic", "degree": 2},
}
#: Samples the lab can draw: every creator, the 200 most followed (a "top list"), 200 at random.
SAMPLES: dict[str, str] = {
    "all": "all creators",
    "top200": "top 200 by followers",
    "random200": "200 at random",
}
#: File name of the bundled example export (synthetic), in ``datasets/examples/``.
EXAMPLE_EXPORT = "creator_search_export.csv"
#: Columns read as a per-creator paid-post performance: the reader's canonical column
#: (:data:`helpers.exports.HEADER_ALIASES` maps "Paid Post Performance", "Sponsored Lift", ... to it), then
#: snake_case headers the reader kept as is (a second such column in one file).
LIFT_HEADERS: tuple[str, ...] = (
    "paid_post_performance",
    "sponsored_lift",
    "paid_performance",
    "sponsored_vs_organic",
)


# =====================================================================================================
# Per-creator tables
# =====================================================================================================
def _group_codes(ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, labels)``: an integer code per row and the distinct labels, in order of appearance.

    Posts tables usually list each creator's posts together; then the groups are found by comparing
    neighbours (linear, no hashing). Otherwise ``pandas.factorize`` does it.
    """
    values = ids.to_numpy(dtype=object)
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64), np.asarray([], dtype=object)
    starts = np.flatnonzero(values[1:] != values[:-1]) + 1
    labels = values[np.concatenate([[0], starts])]
    if len(pd.unique(labels)) == len(labels):
        lengths = np.diff(np.concatenate([[0], starts, [len(values)]]))
        return np.repeat(np.arange(len(labels), dtype=np.int64), lengths), labels
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def sponsored_lift(
    posts: pd.DataFrame,
    *,
    min_sponsored: int = MIN_SPONSORED_POSTS,
    min_organic: int = MIN_ORGANIC_POSTS,
) -> pd.DataFrame:
    """Paid-post performance per creator from a posts table (influencer_id, sponsored, likes, comments).

    Returns one row per creator with at least ``min_sponsored`` sponsored and ``min_organic`` organic
    posts and organic engagement above 0, indexed by ``influencer_id`` (in order of appearance):
    ``n_sponsored``, ``n_organic`` (posts), ``sponsored_eng`` and ``organic_eng`` (mean likes + comments
    per post) and ``lift`` (sponsored_eng / organic_eng, a ratio). Vectorised (two bincounts): a million
    posts take a fraction of a second.
    """
    codes, ids = _group_codes(posts["influencer_id"])
    sponsored = posts["sponsored"].to_numpy(dtype=bool)
    eng = posts["likes"].to_numpy(dtype=float) + posts["comments"].to_numpy(dtype=float)
    k = len(ids)
    key = codes * 2 + sponsored
    counts = np.bincount(key, minlength=2 * k).reshape(k, 2)
    sums = np.bincount(key, weights=eng, minlength=2 * k).reshape(k, 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = sums / counts
    keep = (counts[:, 1] >= min_sponsored) & (counts[:, 0] >= min_organic) & (means[:, 0] > 0)
    out = pd.DataFrame(
        {
            "n_sponsored": counts[keep, 1],
            "n_organic": counts[keep, 0],
            "sponsored_eng": means[keep, 1],
            "organic_eng": means[keep, 0],
        },
        index=pd.Index(pd.array(ids[keep], dtype="str"), name="influencer_id"),
    )
    out["lift"] = metrics.paid_post_performance(out["sponsored_eng"], out["organic_eng"])
    return out


def creator_table(influencers: pd.DataFrame, posts: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per bundled creator with what the findings need, indexed by ``influencer_id``.

    Columns: ``handle``, ``platform``, ``is_celebrity``, ``followers`` (float), ``er_pct`` (engagement
    rate by followers, percent), ``er_real_pct`` (the same on estimated real followers, percent:
    followers x audience_authenticity) and, when ``posts`` is given, ``lift`` (paid-post performance, ratio;
    NaN for creators without enough posts, see :func:`sponsored_lift`).
    """
    table = influencers.set_index("influencer_id")
    out = pd.DataFrame(index=table.index)
    for col in ("handle", "platform", "is_celebrity"):
        if col in table:
            out[col] = table[col]
    out["followers"] = table["followers"].astype(float)
    out["er_pct"] = metrics.er_by_followers(table["avg_likes"], table["avg_comments"], out["followers"])
    if "audience_authenticity" in table:
        out["er_real_pct"] = metrics.er_on_real_followers(
            table["avg_likes"], table["avg_comments"], out["followers"], table["audience_authenticity"]
        )
    if posts is not None:
        out["lift"] = sponsored_lift(posts)["lift"].reindex(out.index)
    return out


def _lift_column(df: pd.DataFrame) -> tuple[np.ndarray | None, str | None]:
    """A per-creator paid-post performance from a kept export column (ratio; '80%' reads as 0.8), if any."""
    for name in LIFT_HEADERS:
        if name not in df.columns:
            continue
        values = []
        for cell in df[name].astype("object"):
            text = "" if cell is None or (isinstance(cell, float) and math.isnan(cell)) else str(cell)
            try:
                value = parse_number(text)
            except ValueError:
                value = math.nan
            values.append(value / 100 if text.strip().endswith("%") else value)
        return np.asarray(values, dtype=float), name
    return None, None


def export_creators(df: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The creators of a read export (:func:`helpers.exports.read_influencer_export`) ready for analysis.

    Returns ``(table, notes)``: ``table`` has ``handle`` (when the file has one), ``followers`` (float),
    ``er_pct`` (percent: the file's engagement rate, or the one the reader derived from avg likes) and
    ``lift`` (ratio, NaN unless the file has a column such as ``Paid Post Performance`` or
    ``Sponsored Lift``; a value with a % sign is divided by 100). Rows without a follower count above 0
    are left out; ``notes`` says how many and why, in words.
    """
    notes: list[str] = []
    followers = pd.to_numeric(df["followers"], errors="coerce").astype(float)
    er = (
        pd.to_numeric(df["engagement_rate_pct"], errors="coerce").astype(float)
        if "engagement_rate_pct" in df
        else pd.Series(np.nan, index=df.index)
    )
    table = pd.DataFrame({"followers": followers.to_numpy(), "er_pct": er.to_numpy()}, index=df.index)
    if "handle" in df:
        table.insert(0, "handle", df["handle"].to_numpy())
    lift, lift_name = _lift_column(df)
    table["lift"] = lift if lift is not None else np.nan
    if lift_name:
        notes.append(
            f"paid-post performance read from the column '{lift_name}' (ratio; 1 = as organic posts)"
        )
    usable = table["followers"].notna() & (table["followers"] > 0)
    if (~usable).any():
        dropped = int((~usable).sum())
        notes.append(
            f"{dropped} row{'s' if dropped > 1 else ''} without a follower count above 0 "
            f"{'were' if dropped > 1 else 'was'} left out"
        )
    table = table[usable]
    if "engagement_rate_pct" not in df:
        notes.append("the file has no engagement rate and no average likes: the ER finding cannot run")
    else:
        missing = int(table["er_pct"].isna().sum())
        if missing:
            notes.append(
                f"{missing} creator{'s have' if missing > 1 else ' has'} no engagement rate "
                "(missing in the file)"
            )
    return table, notes


# =====================================================================================================
# Binned statistics with bootstrap intervals
# =====================================================================================================
def follower_label(log10_value: float) -> str:
    """A follower count given as log10, written with two significant digits: 4.0 -> '10K', 5.5 -> '320K'."""
    if not math.isfinite(log10_value):
        return "n/a"
    return plots.human_number(float(f"{10.0**log10_value:.2g}"))


def log_bin_edges(
    followers: Sequence[float] | np.ndarray | pd.Series,
    width: float = BIN_WIDTH,
    min_count: int = MIN_PER_BIN,
) -> np.ndarray:
    """Bin edges in log10 followers: multiples of ``width`` (decades) covering the data.

    Bins are merged from small to large followers until each holds at least ``min_count`` creators;
    a short last bin is merged into the one before it. Returns the edges (length = bins + 1); the last
    edge is above the largest value so every creator falls in a bin ``[lo, hi)``.
    Raises ValueError for no positive follower count or a width that is not above 0.
    """
    if not width > 0:
        raise ValueError(f"width must be above 0 decades, got {width!r}")
    f = np.asarray(followers, dtype=float)
    x = np.log10(f[np.isfinite(f) & (f > 0)])
    if x.size == 0:
        raise ValueError("no follower count above 0: nothing to bin")
    lo = math.floor(x.min() / width + 1e-9) * width
    hi = (math.floor(x.max() / width + 1e-9) + 1) * width
    grid = lo + width * np.arange(round((hi - lo) / width) + 1)
    counts = np.histogram(x, bins=grid)[0]
    edges = [grid[0]]
    running = 0
    for count, right in zip(counts, grid[1:], strict=True):
        running += count
        if running >= min_count:
            edges.append(right)
            running = 0
    if running > 0:  # the leftover creators join the last closed bin (or form the only bin)
        if len(edges) > 1:
            edges[-1] = grid[-1]
        else:
            edges.append(grid[-1])
    return np.asarray(edges, dtype=float)


def bootstrap_median(
    values: Sequence[float] | np.ndarray, n_boot: int = N_BOOT, rng: np.random.Generator | None = None
) -> np.ndarray:
    """``n_boot`` bootstrap replicates of the median of ``values`` (NaN ignored), exactly and in O(n_boot).

    A resample of n values drawn with replacement from the sorted values ``v`` has its order statistics
    at ranks ``floor(n U)`` of sorted uniforms ``U``, so its median is ``v[floor(n U_(m))]`` with
    ``U_(m) ~ Beta(m, n + 1 - m)``, m = (n + 1) / 2, for odd n; for even n the mean of ranks k = n / 2 and
    k + 1, where ``U_(k+1) = U_(k) + (1 - U_(k)) Beta(1, n - k)``. Same distribution as resampling.
    """
    rng = np.random.default_rng(SEED) if rng is None else rng
    v = np.sort(np.asarray(values, dtype=float))
    v = v[~np.isnan(v)]
    n = v.size
    if n == 0:
        return np.full(n_boot, np.nan)
    if n % 2:
        m = (n + 1) // 2
        u = rng.beta(m, n + 1 - m, size=n_boot)
        return v[np.minimum((n * u).astype(np.int64), n - 1)]
    k = n // 2
    u1 = rng.beta(k, n + 1 - k, size=n_boot)
    u2 = u1 + (1 - u1) * rng.beta(1, n - k, size=n_boot)
    i1 = np.minimum((n * u1).astype(np.int64), n - 1)
    i2 = np.minimum((n * u2).astype(np.int64), n - 1)
    return (v[i1] + v[i2]) / 2


def binned_medians(
    followers: Sequence[float] | np.ndarray | pd.Series,
    values: Sequence[float] | np.ndarray | pd.Series,
    *,
    width: float = BIN_WIDTH,
    min_count: int = MIN_PER_BIN,
    n_boot: int = N_BOOT,
    ci: float = CI,
    seed: int = SEED,
) -> pd.DataFrame:
    """Median of ``values`` per bin of log10 followers, with a bootstrap confidence interval.

    Creators with a missing value or no follower count above 0 are left out. Columns: ``bin`` (label,
    e.g. '10K-32K'), ``log10_lo``, ``log10_hi``, ``log10_mid`` (decades), ``followers_mid`` (accounts, the
    geometric middle of the bin), ``n`` (creators), ``median``, ``ci_low``, ``ci_high`` (same unit as
    ``values``; ``ci`` is the confidence level, 0.95 = 95 %). Bins: :func:`log_bin_edges`.
    """
    f = np.asarray(followers, dtype=float)
    v = np.asarray(values, dtype=float)
    ok = np.isfinite(f) & (f > 0) & np.isfinite(v)
    f, v = f[ok], v[ok]
    columns = [
        "bin",
        "log10_lo",
        "log10_hi",
        "log10_mid",
        "followers_mid",
        "n",
        "median",
        "ci_low",
        "ci_high",
    ]
    if f.size == 0:
        return pd.DataFrame(columns=columns)
    edges = log_bin_edges(f, width, min_count)
    x = np.log10(f)
    which = np.clip(np.searchsorted(edges, x, side="right") - 1, 0, len(edges) - 2)
    order = np.argsort(which, kind="stable")
    starts = np.searchsorted(which[order], np.arange(len(edges)))
    rng = np.random.default_rng(seed)
    tail = (1 - ci) / 2 * 100
    rows = []
    for b in range(len(edges) - 1):
        group = v[order[starts[b] : starts[b + 1]]]
        if group.size == 0:
            continue
        boot = bootstrap_median(group, n_boot, rng)
        lo_ci, hi_ci = np.percentile(boot, [tail, 100 - tail])
        lo, hi = float(edges[b]), float(edges[b + 1])
        rows.append(
            {
                "bin": f"{follower_label(lo)}-{follower_label(hi)}",
                "log10_lo": lo,
                "log10_hi": hi,
                "log10_mid": (lo + hi) / 2,
                "followers_mid": 10 ** ((lo + hi) / 2),
                "n": int(group.size),
                "median": float(np.median(group)),
                "ci_low": float(lo_ci),
                "ci_high": float(hi_ci),
            }
        )
    return pd.DataFrame(rows, columns=columns)


# =====================================================================================================
# Fits in log followers
# =====================================================================================================
@dataclass(frozen=True)
class LogFit:
    """A polynomial fit of ln(value) on x = log10(followers), with bootstrap intervals.

    Attributes:
        degree: 1 (a straight line) or 2 (a parabola).
        coef: coefficients in ``numpy.polyfit`` order (highest power first), for ln(value) on x.
        coef_ci: (low, high) per coefficient, same order.
        n: creators in the fit.
        x_min, x_max: the observed range of x (decades of followers).
        n_boot, ci: replicates and confidence level of the intervals.
        boot: the bootstrap coefficients (one row per replicate, polyfit order).
    """

    degree: int
    coef: tuple[float, ...]
    coef_ci: tuple[tuple[float, float], ...]
    n: int
    x_min: float
    x_max: float
    n_boot: int
    ci: float
    boot: np.ndarray = field(repr=False, compare=False)

    def predict(self, followers: Sequence[float] | np.ndarray | float) -> np.ndarray:
        """The fitted value (original units, e.g. percent) at these follower counts."""
        x = np.log10(np.asarray(followers, dtype=float))
        return np.exp(np.polyval(self.coef, x))

    @property
    def change_per_decade_pct(self) -> float:
        """Degree 1: percent change of the fitted value per tenfold followers, ``(e^c1 - 1) x 100``."""
        return float(np.expm1(self.coef[-2]) * 100)

    @property
    def change_per_decade_ci(self) -> tuple[float, float]:
        """Interval of :attr:`change_per_decade_pct` (percent)."""
        lo, hi = self.coef_ci[-2]
        return float(np.expm1(lo) * 100), float(np.expm1(hi) * 100)

    @property
    def vertex(self) -> float:
        """Degree 2: x of the turning point, ``-c1 / (2 c2)`` (log10 followers); NaN for degree 1."""
        if self.degree != 2 or self.coef[0] == 0:
            return math.nan
        return float(-self.coef[1] / (2 * self.coef[0]))

    @property
    def vertex_ci(self) -> tuple[float, float]:
        """Interval of the vertex over the bootstrap fits that curve downwards (log10 followers)."""
        if self.degree != 2:
            return math.nan, math.nan
        c2, c1 = self.boot[:, 0], self.boot[:, 1]
        down = c2 < 0
        if not down.any():
            return math.nan, math.nan
        tail = (1 - self.ci) / 2 * 100
        lo, hi = np.percentile(-c1[down] / (2 * c2[down]), [tail, 100 - tail])
        return float(lo), float(hi)

    def _turn_share(self, down: bool) -> float:
        """Share of bootstrap fits (0-1) that curve down (or up) with their turning point inside the data."""
        if self.degree != 2:
            return 0.0
        c2, c1 = self.boot[:, 0], self.boot[:, 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            v = -c1 / (2 * c2)
        curved = c2 < 0 if down else c2 > 0
        return float(np.mean(curved & (v > self.x_min) & (v < self.x_max)))

    @property
    def peak_share(self) -> float:
        """Share of bootstrap fits (0-1) that curve downwards with their peak inside the observed range."""
        return self._turn_share(down=True)

    @property
    def shape(self) -> str:
        """'inverted U', 'U', 'falls', 'rises' or 'flat': what the fit says, judged with the bootstrap.

        Degree 2 is an inverted U (a U) when at least ``ci`` of the bootstrap fits (95 %) curve down (up)
        with their turning point inside the observed range of followers. Otherwise, and for a line, the
        slope decides (for a parabola, the slope at the middle of the range): 'falls' or 'rises' when its
        interval excludes 0, else 'flat'.
        """
        tail = (1 - self.ci) / 2 * 100
        if self.degree == 2:
            if self._turn_share(down=True) >= self.ci:
                return "inverted U"
            if self._turn_share(down=False) >= self.ci:
                return "U"
            mid = (self.x_min + self.x_max) / 2
            slope_lo, slope_hi = np.percentile(
                2 * self.boot[:, 0] * mid + self.boot[:, 1], [tail, 100 - tail]
            )
        else:
            slope_lo, slope_hi = self.coef_ci[0]
        if slope_hi < 0:
            return "falls"
        if slope_lo > 0:
            return "rises"
        return "flat"


#: Up to this many creators x replicates, the bootstrap weighs every creator explicitly; above it the
#: weighted sums are drawn from their normal limit (they are sums of thousands of independent terms).
EXACT_WEIGHTS_LIMIT = 2_500_000


def _bootstrap_wls(
    x: np.ndarray, y: np.ndarray, degree: int, n_boot: int, seed: int, exact_limit: int = EXACT_WEIGHTS_LIMIT
) -> np.ndarray:
    """Bayesian-bootstrap polynomial coefficients (n_boot x (degree + 1), polyfit order).

    Each replicate weighs the creators with independent Exp(1) weights (mean 1, variance 1) and solves
    the weighted least-squares normal equations, on centred x and y for numerical stability. The normal
    equations only need the weighted sums ``M = sum_i w_i F_i`` of a few features per creator
    (powers of x, and y times powers of x). With ``n x n_boot <= exact_limit`` the weights are drawn
    one by one (one float32 matrix product per block of replicates, on ``w - 1`` so that rounding stays
    negligible); above it ``M`` is drawn from its normal limit, mean ``sum_i F_i`` and covariance
    ``sum_i F_i F_i^T`` (the central limit theorem: thousands of independent terms), which costs the
    same for 2,000 or 2,000,000 creators.
    """
    rng = np.random.default_rng(seed)
    centre, y_centre = float(x.mean()), float(y.mean())
    xc = x - centre
    powers = xc[:, None] ** np.arange(2 * degree + 1)
    features = np.hstack([powers, (y - y_centre)[:, None] * powers[:, : degree + 1]])
    total = features.sum(axis=0)
    if len(x) * n_boot <= exact_limit:
        block = max(1, min(n_boot, 1_000_000 // max(len(x), 1)))
        f32 = features.astype(np.float32)
        parts = []
        for start in range(0, n_boot, block):
            size = min(block, n_boot - start)
            deviations = rng.standard_exponential(size=(size, len(x)), dtype=np.float32) - np.float32(1)
            parts.append((deviations @ f32).astype(np.float64))
        moments = total + np.vstack(parts)
    else:
        values, vectors = np.linalg.eigh(features.T @ features)
        root = vectors * np.sqrt(np.clip(values, 0, None))
        moments = total + rng.standard_normal((n_boot, features.shape[1])) @ root.T
    idx = np.add.outer(np.arange(degree + 1), np.arange(degree + 1))
    a = moments[:, idx]
    rhs = moments[:, 2 * degree + 1 :]
    centred = np.linalg.solve(a, rhs[..., None])[..., 0]  # lowest power first, in xc, for y - y_centre
    centred[:, 0] += y_centre
    return _uncentre(centred, centre)


def _uncentre(centred: np.ndarray, centre: float) -> np.ndarray:
    """Coefficients of p(x - centre) (lowest power first, rows) as polyfit-order coefficients in x."""
    degree = centred.shape[1] - 1
    raw = np.zeros_like(centred)
    for k in range(degree + 1):
        for j in range(k + 1):  # (x - m)^k = sum_j C(k, j) x^j (-m)^(k-j)
            raw[:, j] += centred[:, k] * math.comb(k, j) * (-centre) ** (k - j)
    return raw[:, ::-1]


def fit_log_followers(
    followers: Sequence[float] | np.ndarray | pd.Series,
    values: Sequence[float] | np.ndarray | pd.Series,
    *,
    degree: int = 1,
    n_boot: int = N_BOOT,
    ci: float = CI,
    seed: int = SEED,
) -> LogFit:
    """Fit ln(values) as a polynomial of log10(followers) (``numpy.polyfit``) with bootstrap intervals.

    Creators with a value or follower count that is missing or not above 0 are left out (a logarithm
    needs positive numbers). Raises ValueError with fewer than :data:`MIN_FIT` creators or with all
    creators at the same follower count (no slope can be estimated).
    """
    if degree not in (1, 2):
        raise ValueError(f"degree must be 1 or 2, got {degree!r}")
    f = np.asarray(followers, dtype=float)
    v = np.asarray(values, dtype=float)
    ok = np.isfinite(f) & (f > 0) & np.isfinite(v) & (v > 0)
    if ok.sum() < MIN_FIT:
        raise ValueError(
            f"a fit needs at least {MIN_FIT} creators with followers and a value above 0; "
            f"found {int(ok.sum())}"
        )
    x, y = np.log10(f[ok]), np.log(v[ok])
    if np.unique(x).size <= degree:
        raise ValueError("every creator has (nearly) the same follower count: no curve can be fitted")
    coef = np.polyfit(x, y, degree)
    boot = _bootstrap_wls(x, y, degree, n_boot, seed)
    tail = (1 - ci) / 2 * 100
    lo, hi = np.percentile(boot, [tail, 100 - tail], axis=0)
    return LogFit(
        degree=degree,
        coef=tuple(float(c) for c in coef),
        coef_ci=tuple((float(a), float(b)) for a, b in zip(lo, hi, strict=True)),
        n=int(ok.sum()),
        x_min=float(x.min()),
        x_max=float(x.max()),
        n_boot=n_boot,
        ci=ci,
        boot=boot,
    )


# =====================================================================================================
# The whole analysis
# =====================================================================================================
@dataclass(frozen=True)
class Finding:
    """Both findings on one set of creators.

    Attributes:
        creators: creators with a follower count above 0.
        er_bins, er_fit: engagement rate (percent) by follower bin, and its straight-line fit in log
            followers (None when fewer than :data:`MIN_FIT` creators have an ER).
        lift_bins, lift_fit: paid-post performance by bin and its quadratic fit (None without enough lifts).
    """

    creators: int
    er_bins: pd.DataFrame | None
    er_fit: LogFit | None
    lift_bins: pd.DataFrame | None
    lift_fit: LogFit | None

    def summary(self) -> str:
        """Two sentences: what each finding looks like in these data."""
        parts = [f"{self.creators:,} creators."]
        if self.er_fit is not None:
            parts.append(f"{headline('er', self.er_fit)} ({interval_text('er', self.er_fit)}).")
        if self.lift_fit is not None:
            parts.append(f"{headline('lift', self.lift_fit)} ({interval_text('lift', self.lift_fit)}).")
        return " ".join(parts)


def _measure_part(
    table: pd.DataFrame, measure: str, width: float, min_count: int, n_boot: int, seed: int
) -> tuple[pd.DataFrame | None, LogFit | None]:
    spec = MEASURES[measure]
    if spec["column"] not in table:
        return None, None
    sub = table[table[spec["column"]].notna() & (table[spec["column"]] > 0)]
    if len(sub) < MIN_FIT:
        return None, None
    bins = binned_medians(
        sub["followers"], sub[spec["column"]], width=width, min_count=min_count, n_boot=n_boot, seed=seed
    )
    try:
        fit = fit_log_followers(
            sub["followers"], sub[spec["column"]], degree=spec["degree"], n_boot=n_boot, seed=seed
        )
    except ValueError:
        fit = None
    return bins, fit


def analyse(
    creators: pd.DataFrame,
    *,
    width: float = BIN_WIDTH,
    min_count: int = MIN_PER_BIN,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> Finding:
    """Both findings on a creator table with ``followers`` and ``er_pct`` and/or ``lift`` columns.

    Works on :func:`creator_table` (bundled data) and :func:`export_creators` (a learner's file) alike.
    """
    table = creators[creators["followers"].notna() & (creators["followers"] > 0)]
    er_bins, er_fit = _measure_part(table, "er", width, min_count, n_boot, seed)
    lift_bins, lift_fit = _measure_part(table, "lift", width, min_count, n_boot, seed)
    return Finding(len(table), er_bins, er_fit, lift_bins, lift_fit)


def analyse_posts(
    influencers: pd.DataFrame,
    posts: pd.DataFrame,
    *,
    width: float = BIN_WIDTH,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> Finding:
    """:func:`analyse` straight from the influencers and posts tables (the 1M-post benchmark path)."""
    return analyse(creator_table(influencers, posts), width=width, n_boot=n_boot, seed=seed)


def fit_numbers(measure: str, fit: LogFit, *, bins: int) -> dict[str, float]:
    """A fit's figures by name: ``creators``, ``bins`` (counts), ``followers_min``, ``followers_max``
    (accounts), ``decades`` (log10 range); for ``"er"`` also ``change_per_decade_pct`` with
    ``_low``/``_high`` (percent per tenfold followers); for ``"lift"`` ``peak_followers`` with
    ``_low``/``_high`` (accounts, NaN without a peak inside the range) and ``peak_share`` (share of
    bootstrap fits with a peak inside, 0-1)."""
    numbers: dict[str, float] = {
        "creators": float(fit.n),
        "bins": float(bins),
        "followers_min": float(10**fit.x_min),
        "followers_max": float(10**fit.x_max),
        "decades": float(fit.x_max - fit.x_min),
    }
    if measure == "er":
        lo, hi = fit.change_per_decade_ci
        return numbers | {
            "change_per_decade_pct": fit.change_per_decade_pct,
            "change_per_decade_pct_low": lo,
            "change_per_decade_pct_high": hi,
        }
    peak = fit.shape == "inverted U"
    v_lo, v_hi = fit.vertex_ci
    return numbers | {
        "peak_followers": float(10**fit.vertex) if peak else float("nan"),
        "peak_followers_low": float(10**v_lo) if peak else float("nan"),
        "peak_followers_high": float(10**v_hi) if peak else float("nan"),
        "peak_share": fit.peak_share,
    }


def headline(measure: str, fit: LogFit) -> str:
    """The finding a fit shows, short enough for a figure title.

    E.g. 'Engagement rate falls 44% per tenfold followers' or 'Paid-post performance peaks near 40K
    followers: an inverted U'; judged with the bootstrap intervals (:attr:`LogFit.shape`).
    """
    shape = fit.shape
    if measure == "er":
        change = fit.change_per_decade_pct
        if shape == "flat":
            return "Engagement rate shows no clear trend with followers"
        verb = "falls" if change < 0 else "rises"
        return f"Engagement rate {verb} {abs(change):.0f}% per tenfold followers"
    if shape == "inverted U":
        return f"Paid-post performance peaks near {follower_label(fit.vertex)} followers: an inverted U"
    if shape == "U":
        return f"Paid-post performance is U-shaped, lowest near {follower_label(fit.vertex)} followers"
    if shape == "flat":
        return "Paid-post performance shows no clear trend or peak here"
    return f"Paid-post performance {shape} with followers, no clear peak"


def interval_text(measure: str, fit: LogFit, *, short: bool = False) -> str:
    """The uncertainty behind :func:`headline`, in words (95 % bootstrap intervals by default).

    ``short=True`` gives a figure-subtitle version.
    """
    level = f"{fit.ci:.0%}"
    if measure == "er":
        lo, hi = fit.change_per_decade_ci
        if short:
            return f"{level} CI {lo:+.0f}% to {hi:+.0f}% per tenfold followers"
        return f"{level} CI of the change per tenfold followers: {lo:+.0f}% to {hi:+.0f}%"
    share = f"{fit.peak_share:.0%} of {fit.n_boot} bootstrap fits peak inside the data"
    if fit.shape in ("inverted U", "U"):
        lo, hi = fit.vertex_ci
        span = f"{follower_label(lo)}-{follower_label(hi)} followers"
        return (
            f"turning point {level} CI {span}"
            if short
            else f"{level} CI of the turning point: {span}; {share}"
        )
    return f"{share} ({level} needed)" if short else f"{share}; a clear peak needs {level}"


# =====================================================================================================
# Caveats
# =====================================================================================================
def select_sample(
    creators: pd.DataFrame, sample: str = "all", n: int = 200, seed: int = SEED
) -> pd.DataFrame:
    """``"all"`` creators, the ``n`` most followed (``"top200"``: a "top creators" list, selected on
    followers, so not a sample of creators) or ``n`` at random (``"random200"``, seeded)."""
    if sample == "all":
        return creators
    if sample == "top200":
        return creators.sort_values("followers", ascending=False, kind="stable").head(n)
    if sample == "random200":
        return creators.sample(n=min(n, len(creators)), random_state=seed)
    raise ValueError(f"sample must be one of {sorted(SAMPLES)}, got {sample!r}")


def compare_samples(
    creators: pd.DataFrame, column: str = "er_pct", samples: Sequence[str] = tuple(SAMPLES)
) -> dict[str, tuple[pd.DataFrame, LogFit]]:
    """The same analysis on several samples of ``creators``: per sample (keyed by its label in
    :data:`SAMPLES`), the binned medians and the log-followers fit of ``column`` (e.g. ER in %),
    ready for :func:`draw_series`."""
    comparison = {}
    for sample in samples:
        chosen = select_sample(creators, sample)
        comparison[SAMPLES[sample]] = (
            binned_medians(chosen["followers"], chosen[column]),
            fit_log_followers(chosen["followers"], chosen[column]),
        )
    return comparison


def tier_medians(
    creators: pd.DataFrame, column: str, schemes: Sequence[str] = tuple(metrics.TIER_SCHEMES)
) -> pd.DataFrame:
    """Median of ``column`` per follower tier under each scheme (rows: tiers; columns: scheme names).

    Tier cut-offs differ between Mediakix, Later x Fohr and HypeAuditor (:data:`helpers.metrics.
    TIER_SCHEMES`), so the same creators give different medians, and possibly a different "best tier".
    Also has one ``n <scheme>`` column per scheme with the creators per tier.
    """
    data = creators[creators[column].notna()]
    out = {}
    for key in schemes:
        tiers = metrics.assign_tier(data["followers"], key)
        name = metrics.TIER_SCHEMES[key].name
        grouped = data[column].groupby(tiers, observed=False)
        out[name] = grouped.median()
        out[f"n {name}"] = grouped.size()
    table = pd.DataFrame(out)
    table.index = table.index.astype(str)
    table.index.name = "tier"
    return table[(table.filter(like="n ").sum(axis=1) > 0)]


def best_tiers(table: pd.DataFrame, schemes: Sequence[str] = tuple(metrics.TIER_SCHEMES)) -> pd.DataFrame:
    """The tier with the highest median under each scheme of a :func:`tier_medians` table.

    Rows: scheme names; columns ``tier`` (label), ``followers`` (its range, e.g. '20K-100K' or '1M+'),
    ``median`` (the value).
    """
    rows = {}
    for key in schemes:
        scheme = metrics.TIER_SCHEMES[key]
        column = table[scheme.name].dropna()
        if column.empty:
            continue
        best = str(column.idxmax())
        bounds = (0, *scheme.lower_bounds)
        i = metrics.TIER_LABELS.index(best)
        lo = plots.human_number(bounds[i])
        span = f"{lo}+" if i + 1 >= len(bounds) else f"{lo}-{plots.human_number(bounds[i + 1])}"
        rows[scheme.name] = {"tier": best, "followers": span, "median": float(column.max())}
    return pd.DataFrame.from_dict(rows, orient="index")


def tier_sentence(table: pd.DataFrame, schemes: Sequence[str] = tuple(metrics.TIER_SCHEMES)) -> str:
    """Which tier has the highest median under each scheme, with its follower range, in one sentence."""
    best = best_tiers(table, schemes)
    parts = [f"{name}: {row.tier} ({row.followers} followers)" for name, row in best.iterrows()]
    return "Highest median per scheme - " + "; ".join(parts) + "."


def tier_headline(table: pd.DataFrame, schemes: Sequence[str] = tuple(metrics.TIER_SCHEMES)) -> str:
    """A figure title saying whether 'the best tier' survives a change of tier scheme."""
    best = best_tiers(table, schemes)
    labels, spans = best["tier"].unique(), best["followers"].unique()
    if len(labels) > 1:
        return "The 'best tier' changes with the scheme: " + ", ".join(
            f"{row.tier} for {name}" for name, row in best.iterrows()
        )
    if len(spans) > 1:
        return f"'{labels[0]}' wins under every scheme, but it means different follower counts"
    return f"'{labels[0]}' ({spans[0]} followers) wins under every scheme"


def published_er_table() -> pd.DataFrame:
    """HypeAuditor's published Instagram engagement rates by follower band (percent), with the source.

    From :data:`helpers.metrics.ER_BENCHMARK_MEDIAN_PCT` and ``..._MEAN_PCT`` (HypeAuditor blog, March
    2018, ~37K accounts; read in the primary source).
    """
    bounds = metrics.ER_BENCHMARK_LOWER_BOUNDS
    labels = [
        f"{plots.human_number(lo)}-{plots.human_number(hi)}" for lo, hi in itertools.pairwise(bounds)
    ] + [f"{plots.human_number(bounds[-1])}+"]
    return pd.DataFrame(
        {
            "median ER %": metrics.ER_BENCHMARK_MEDIAN_PCT,
            "mean ER %": metrics.ER_BENCHMARK_MEAN_PCT,
        },
        index=pd.Index(labels, name="followers"),
    )


#: How far (fraction of its own value) a falling curve may still drop after a band for
#: :func:`flattens_above` to call it flat from that band on.
FLAT_TOLERANCE = 0.10


def flattens_above(
    lower_bounds: Sequence[float], values: Sequence[float], tolerance: float = FLAT_TOLERANCE
) -> float:
    """Where a curve that falls with followers flattens: the lower bound (followers) of the first
    band from which no later band's value lies more than ``tolerance`` (a fraction, 0.10 = 10 %)
    below that band's value.

    ``lower_bounds`` are the bands' lower edges in followers, ascending, one per value. The last band
    always qualifies, so a curve that keeps falling returns the last lower bound. ValueError for
    lengths that differ or no bands.

    >>> flattens_above([0, 1_000, 20_000, 100_000], [10.0, 4.0, 2.6, 2.5])
    20000.0
    """
    if len(lower_bounds) != len(values) or not len(values):
        raise ValueError("give one value per band lower bound, and at least one band")
    v = np.asarray(values, dtype=float)
    for i in range(len(v)):
        if float(v[i:].min()) >= (1.0 - tolerance) * v[i]:
            return float(lower_bounds[i])
    return float(lower_bounds[-1])  # not reached: the last band always qualifies


def published_er_flattens_above(statistic: str = "median") -> float:
    """Followers above which HypeAuditor's published Instagram ER (``"median"`` or ``"mean"`` per
    band, :func:`published_er_table`) stops falling, by :func:`flattens_above`."""
    column = {"median": "median ER %", "mean": "mean ER %"}
    if statistic not in column:
        raise ValueError(f"statistic must be 'median' or 'mean', got {statistic!r}")
    table = published_er_table()
    return flattens_above(metrics.ER_BENCHMARK_LOWER_BOUNDS, table[column[statistic]].to_list())


# =====================================================================================================
# Bring your own data: the bundled example, and a way to build a million posts
# =====================================================================================================
def example_export_path() -> Path:
    """Path of the bundled example export (synthetic, see its first line and the datasheet)."""
    return paths.bundled_data_dir() / "examples" / EXAMPLE_EXPORT


#: Country written in the example export for each bundled city (local spellings, to exercise UTF-8).
_COUNTRIES = {
    "New York": "United States",
    "Los Angeles": "United States",
    "Toronto": "Canada",
    "Mexico City": "México",
    "Sao Paulo": "Brasil",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Deutschland",
    "Lagos": "Nigeria",
    "Dubai": "United Arab Emirates",
    "Mumbai": "India",
    "Singapore": "Singapore",
    "Tokyo": "Japan",
    "Sydney": "Australia",
}


def _eu(value: float, decimals: int) -> str:
    """A number with a decimal comma: 12.5 -> '12,5'."""
    return f"{value:.{decimals}f}".replace(".", ",")


def _eu_count(value: float) -> str:
    """A count the way a European tool writes it: '1,2M', '12,5k', '950'."""
    if value >= 1e6:
        return _eu(value / 1e6, 1) + "M"
    if value >= 1e4:
        return _eu(value / 1e3, 1) + "k"
    return f"{value:.0f}"


def example_export(
    influencers: pd.DataFrame,
    posts: pd.DataFrame,
    *,
    n: int = 300,
    min_followers: int = 10_000,
    platform: str = "instagram",
    seed: int = SEED,
) -> bytes:
    """A messy creator-search export built from the (synthetic) bundled creators, as UTF-8 bytes with BOM.

    ``n`` random creators of ``platform`` with at least ``min_followers`` (a search filter, as discovery
    tools offer), ranked by followers and written the way a European tool exports: ``;``-separated,
    decimal commas, ``12,5k`` / ``1,2M``, ``3,41%``, a few ``NaN%`` and empty cells, one unreadable
    follower count, a title line above the header and a footer line below the data. Columns: Rank,
    Channel Info, Followers, Following, Posts, Avg. Likes, Avg. Comments, Eng. Rate (percent), Paid Post
    Performance (paid-post performance in percent: 94% = sponsored posts get 0.94 times the organic
    engagement), Country, Category. ``datasets/examples/creator_search_export.csv`` was written with it.
    """
    rng = np.random.default_rng(seed)
    table = creator_table(influencers, posts).join(
        influencers.set_index("influencer_id")[
            ["following", "posts_count", "avg_likes", "avg_comments", "city", "niche"]
        ]
    )
    pool = table[(table["platform"].astype(str) == platform) & (table["followers"] >= min_followers)]
    chosen = pool.iloc[np.sort(rng.choice(len(pool), size=min(n, len(pool)), replace=False))]
    chosen = chosen.sort_values("followers", ascending=False, kind="stable")
    lines = [
        f"Creator search export - {platform.title()} - followers >= {plots.human_number(min_followers)} - "
        f"{len(chosen)} results "
        "- SYNTHETIC example made for the course from its simulated creators (no real accounts)",
        "",
        "Rank;Channel Info;Followers;Following;Posts;Avg. Likes;Avg. Comments;Eng. Rate;"
        "Paid Post Performance;Country;Category",
    ]
    nan_er = rng.random(len(chosen)) < 0.03
    no_country = rng.random(len(chosen)) < 0.05
    broken = int(rng.integers(len(chosen)))
    for i, (row, er_missing, country_missing) in enumerate(
        zip(chosen.itertuples(), nan_er, no_country, strict=True)
    ):
        lift = "-" if not np.isfinite(row.lift) else f"{row.lift * 100:.0f}%"
        cells = [
            str(i + 1),
            str(row.handle),
            "n/a" if i == broken else _eu_count(row.followers),
            f"{row.following:,}".replace(",", "."),
            str(row.posts_count),
            _eu_count(row.avg_likes) if row.avg_likes >= 1e4 else _eu(row.avg_likes, 1),
            _eu(row.avg_comments, 1),
            "NaN%" if er_missing else _eu(row.er_pct, 2) + "%",
            lift,
            "" if country_missing else _COUNTRIES.get(str(row.city), ""),
            str(row.niche).title(),
        ]
        lines.append(";".join(cells))
    lines.append("Exported with ExampleTool - synthetic demo data")
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def resample_creators(
    influencers: pd.DataFrame, posts: pd.DataFrame, n_posts: int, seed: int = SEED
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A bigger data set: creators drawn with replacement (each copy a new creator) until ``n_posts``.

    Returns ``(influencers, posts)`` with fresh ids ``R0000001``...; every copy keeps its original's
    followers, averages and posts. The last creator's posts are cut so that exactly ``n_posts`` remain.
    Used by ``tools/bench.py`` to time the analysis on a million posts.
    """
    rng = np.random.default_rng(seed)
    order = np.argsort(posts["influencer_id"].to_numpy(dtype=object), kind="stable")
    sorted_ids = posts["influencer_id"].to_numpy(dtype=object)[order]
    ids, starts, counts = np.unique(sorted_ids, return_index=True, return_counts=True)
    inf = influencers.set_index("influencer_id").loc[ids].reset_index()
    picks_list: list[np.ndarray] = []
    total = 0
    while total < n_posts:
        draw = rng.integers(0, len(ids), size=max(16, int((n_posts - total) / counts.mean() * 1.05) + 1))
        picks_list.append(draw)
        total += int(counts[draw].sum())
    picks = np.concatenate(picks_list)
    cum = np.cumsum(counts[picks])
    picks = picks[: int(np.searchsorted(cum, n_posts)) + 1]
    lengths = counts[picks].copy()
    lengths[-1] -= int(lengths.sum()) - n_posts
    offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    rows = order[np.repeat(starts[picks], lengths) + offsets]
    new_ids = np.array([f"R{i:07d}" for i in range(1, len(picks) + 1)], dtype=object)
    big_posts = posts.iloc[rows].reset_index(drop=True)
    big_posts["influencer_id"] = pd.array(np.repeat(new_ids, lengths), dtype="str")
    big_inf = inf.iloc[picks].reset_index(drop=True)
    big_inf["influencer_id"] = pd.array(new_ids, dtype="str")
    return big_inf, big_posts


# =====================================================================================================
# Drawing
# =====================================================================================================
@dataclass
class _FindingArtists:
    """The artists of one finding chart, kept so that a lab update only moves them."""

    medians: Line2D
    intervals: LineCollection
    curve: Line2D
    peak: Rectangle
    baseline: Line2D
    legend: Legend | None = None
    legend_key: tuple[bool, ...] = ()


def _build_artists(ax: Axes, colour: int) -> _FindingArtists:
    plots.reset_axes(ax)
    plots.style_axes(ax)
    ink = plots.PALETTE[colour]
    intervals = LineCollection([], colors=ink, linewidths=2.0, zorder=3)
    ax.add_collection(intervals)
    (medians,) = ax.plot([], [], ls="none", marker=plots.MARKERS[colour], ms=9, color=ink, zorder=4)
    (curve,) = ax.plot([], [], color=ink, lw=2.4, ls="-" if colour == 0 else "--", zorder=2)
    peak = Rectangle((0, 0), 0, 1, transform=ax.get_xaxis_transform(), color=ink, alpha=0.14, lw=0)
    ax.add_patch(peak)
    baseline = ax.axhline(1.0, color="#999999", lw=1, zorder=1)
    return _FindingArtists(medians, intervals, curve, peak, baseline)


def _decade_axis(ax: Axes, x_lo: float, x_hi: float) -> None:
    """An x axis in log10 followers with ticks at whole decades labelled 1K, 10K, 100K..."""
    ax.set_xlim(x_lo - 0.1, x_hi + 0.1)
    ticks = np.arange(math.ceil(x_lo - 0.1), math.floor(x_hi + 0.1) + 1)
    ax.set_xticks(ticks, [follower_label(t) for t in ticks])
    ax.set_xlabel("followers (log scale)")


def published_er_title(published: pd.DataFrame) -> str:
    """The finding of the published-benchmark chart: the median ER (%) of the smallest and the largest
    follower band of :func:`published_er_table`."""
    median = published["median ER %"]
    return (
        f"Published: median Instagram ER falls from {median.iloc[0]:.0f}% "
        f"to {median.iloc[-1]:.1f}% as accounts grow"
    )


def draw_published_er(ax: Axes, published: pd.DataFrame) -> Axes:
    """Lesson 12's chart of the published benchmark: median and mean Instagram engagement rate
    (% of followers) per follower band of :func:`published_er_table`, titled with its finding."""
    plots.bar_groups(
        ax,
        list(published.index),
        {"median": published["median ER %"], "mean": published["mean ER %"]},
        ylabel="engagement rate (% of followers)",
        value_format="{:.1f}",
    )
    ax.set_xlabel("followers")
    plots.set_title(
        ax,
        published_er_title(published),
        "HypeAuditor blog, March 2018, ~37K Instagram accounts (vendor benchmark)",
    )
    return ax


def draw_series(
    ax: Axes, series: dict[str, tuple[pd.DataFrame, LogFit | None]], *, measure: str = "er"
) -> Axes:
    """Several analyses on one chart (notebook comparisons): per series, bin medians with 95 % intervals
    (colour and marker of its own) and its fitted curve (solid, dashed, dotted...)."""
    plots.style_axes(ax)
    styles = ("-", "--", ":", "-.")
    x_lo, x_hi, tops = math.inf, -math.inf, [0.0]
    for i, (label, (bins, fit)) in enumerate(series.items()):
        ink = plots.PALETTE[i % len(plots.PALETTE)]
        x = bins["log10_mid"].to_numpy(float) + (i - (len(series) - 1) / 2) * 0.04  # side by side
        y = bins["median"].to_numpy(float)
        err = np.vstack([y - bins["ci_low"].to_numpy(float), bins["ci_high"].to_numpy(float) - y])
        ax.errorbar(
            x, y, yerr=np.clip(err, 0, None), fmt=plots.MARKERS[i], color=ink, ms=8, lw=1.8, label=label
        )
        tops.append(float(bins["ci_high"].max()))
        x_lo, x_hi = min(x_lo, float(bins["log10_lo"].min())), max(x_hi, float(bins["log10_hi"].max()))
        if fit is not None:
            grid = np.linspace(fit.x_min, fit.x_max, 60)
            ax.plot(grid, fit.predict(10**grid), color=ink, lw=2.2, ls=styles[i % len(styles)])
    _decade_axis(ax, x_lo, x_hi)
    spec = MEASURES[measure]
    ax.set_ylabel(f"{spec['name']} ({spec['unit']})")
    if measure == "er":
        ax.set_ylim(0, max(tops) * 1.1)
    else:
        ax.axhline(1.0, color="#999999", lw=1, zorder=1)
    ax.legend(loc="upper right", title="median per bin, 95% CI; line: fit")
    return ax


def draw_tier_medians(ax: Axes, table: pd.DataFrame, *, ylabel: str = "median paid-post performance") -> Axes:
    """Grouped bars of a :func:`tier_medians` table: one group per tier, one bar per scheme (values on
    the bars, 'n/a' where a scheme has no such tier), legend in one row above the bars."""
    schemes = [c for c in table.columns if not c.startswith("n ")]
    plots.bar_groups(
        ax, list(table.index), {name: table[name] for name in schemes}, ylabel=ylabel, value_format="{:.2f}"
    )
    ax.set_ylim(0, ax.get_ylim()[1] * 1.15)
    ax.legend(loc="upper center", ncol=len(schemes))
    ax.set_xlabel("tier (each scheme's own cut-offs)")
    return ax


def draw_finding(
    ax: Axes, bins: pd.DataFrame, fit: LogFit | None, *, measure: str = "er", colour: int = 0
) -> Axes:
    """Bin medians with their 95 % intervals and the fitted curve, against log10 followers.

    The x axis is in decades (ticks labelled 1K, 10K, 100K...); for a quadratic fit with a peak inside
    the data the peak's interval is shaded; for paid-post performance a grey line marks 1 (as much engagement
    as organic posts). Called again on the same Axes it only moves its artists (fast lab updates).
    """
    artists: _FindingArtists | None = getattr(ax, "_finding_artists", None)
    if artists is None or artists.curve.axes is not ax or artists.curve not in ax.lines:
        artists = _build_artists(ax, colour)
        ax._finding_artists = artists  # type: ignore[attr-defined]
    spec = MEASURES[measure]
    x = bins["log10_mid"].to_numpy(float)
    y = bins["median"].to_numpy(float)
    lo, hi = bins["ci_low"].to_numpy(float), bins["ci_high"].to_numpy(float)
    artists.medians.set_data(x, y)
    artists.intervals.set_segments([[(a, b), (a, c)] for a, b, c in zip(x, lo, hi, strict=True)])
    values = [lo, hi]
    if fit is not None:
        grid = np.linspace(fit.x_min, fit.x_max, 60)
        fitted = np.exp(np.polyval(fit.coef, grid))
        artists.curve.set_data(grid, fitted)
        values.append(fitted)
    else:
        artists.curve.set_data([], [])
    peak = fit is not None and fit.shape == "inverted U"
    if peak:
        v_lo, v_hi = fit.vertex_ci
        artists.peak.set_x(v_lo)
        artists.peak.set_width(v_hi - v_lo)
    artists.peak.set_visible(peak)
    artists.baseline.set_visible(measure == "lift")
    key = (fit is not None, peak)
    label = f"fit in log followers (n={fit.n:,})" if fit is not None else ""
    if artists.legend is None or artists.legend_key != key or artists.legend not in ax.get_children():
        entries = [(artists.medians, "median per bin, 95% CI")]
        entries += [(artists.curve, label)] if fit is not None else []
        entries += [(artists.peak, "turning point, 95% CI")] if peak else []
        artists.legend = ax.legend(*zip(*entries, strict=True), loc="upper right")
        artists.legend_key = key
    elif fit is not None:
        artists.legend.texts[1].set_text(label)
    x_lo = float(bins["log10_lo"].min()) if len(bins) else 2.0
    x_hi = float(bins["log10_hi"].max()) if len(bins) else 8.0
    _decade_axis(ax, x_lo, x_hi)
    finite = np.concatenate(
        [np.asarray(v, dtype=float).ravel() for v in values] + [[1.0] if measure == "lift" else [0.0]]
    )
    finite = finite[np.isfinite(finite)]
    top, bottom = float(finite.max()), float(finite.min())
    pad = (top - bottom) * 0.12 or 1.0
    ax.set_ylim(0 if measure == "er" else max(0.0, bottom - pad), top + pad * 2.2)
    ax.set_ylabel(f"{spec['name']} ({spec['unit']})")
    return ax


def draw_published(ax: Axes, table: pd.DataFrame | None = None, column: str = "median ER %") -> Axes:
    """HypeAuditor's published band values (:func:`published_er_table`) as grey steps on a finding chart.

    For notebook figures, after :func:`draw_finding`; the legend gains a line for the published values.
    """
    table = published_er_table() if table is None else table
    bounds = np.log10(np.asarray(metrics.ER_BENCHMARK_LOWER_BOUNDS[1:], dtype=float))
    x_lo, x_hi = ax.get_xlim()
    edges = np.concatenate([[min(x_lo, bounds[0] - 0.5)], bounds, [max(x_hi, bounds[-1] + 0.5)]])
    (step,) = ax.plot([], [], color="#555555", lw=2, ls=":")
    ax.stairs(table[column].to_numpy(float), edges, baseline=None, color="#555555", lw=2, ls=":", zorder=1)
    ax.set_xlim(x_lo, x_hi)
    handles: list[Any] = [step]
    labels = [f"published: HypeAuditor 2018, {column}"]
    artists: _FindingArtists | None = getattr(ax, "_finding_artists", None)
    if artists is not None and artists.legend is not None:
        handles = [*artists.legend.legend_handles, *handles]
        labels = [t.get_text() for t in artists.legend.texts] + labels
    ax.legend(handles, labels, loc="upper right")
    ax.set_ylim(0, max(ax.get_ylim()[1], float(table[column].max()) * 1.15))
    return ax
