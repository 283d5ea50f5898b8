"""Follower audit: flag suspicious follower growth and suspicious followers, then score the flags.

Two audits, each a rule with a threshold the learner can tune:

* **Growth.** :func:`growth_scores` turns each creator's daily follower counts into daily gains
  (followers per day) and scores every day against the creator's own recent past: the gain minus
  the median gain of the previous ``window`` days, divided by a robust spread (1.4826 x the median
  absolute deviation of those days, so that it matches a standard deviation for normal noise). A
  score of 10 means "ten typical day-to-day wobbles above the usual gain". A day is *excused* when the
  creator published a strong post (engagement at least ``viral_ratio`` times their median post) on
  that day or the ``post_days`` days before: organic bumps follow a post people loved and fade over
  a few days, while bought followers arrive as a step with no such post.
  :func:`creator_flags` flags a creator when any (unexcused) day scores at or above the threshold.
* **Followers.** :func:`follower_signals` checks each sampled follower account for the fake-account
  signs audit tools name (no profile picture, few posts, following more than 1,500 accounts,
  following many more accounts than follow it, a young account, an empty bio, many digits in the
  username); :func:`flag_followers` flags accounts with at least ``signals_needed`` of them.

:func:`score_flags` compares flags with the truth - which the bundled synthetic data knows
(:func:`planted_truth`) and real audits never do: precision (share of the
flagged who are guilty), recall (share of the guilty who are flagged) and the number of innocents
accused. A flag is a reason to look closer, not proof.

Units: followers (counts), followers per day (``gain``, ``baseline``, ``spread``), scores are
dimensionless (robust z), shares 0-1, percentages are named ``*_pct``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from numpy.lib.stride_tricks import sliding_window_view

from .. import generate, metrics, plots

__all__ = [
    "FOLLOWER_SIGNALS",
    "FlagScore",
    "FollowerRules",
    "creator_flags",
    "draw_tradeoff",
    "flag_followers",
    "follower_signals",
    "growth_scores",
    "planted_truth",
    "score_flags",
    "signal_rates",
    "strong_posts",
    "tradeoff",
    "worst_scores",
]

#: Robust spread: 1.4826 x MAD estimates the standard deviation of normal noise.
MAD_TO_SD = 1.4826


def planted_truth(influencers: pd.DataFrame, posts: pd.DataFrame) -> generate.FollowerAuditTruth:
    """What the generator planted in the bundled follower-audit tables (who bought followers in the
    180 days, which sampled followers are fake), recomputed from the bundled ``influencers`` and
    ``posts`` with the default seed. Only synthetic data has such a truth; a real audit never does."""
    return generate.follower_audit_truth(influencers, posts, generate.DEFAULT_SEED)


def strong_posts(posts: pd.DataFrame, viral_ratio: float = 2.0) -> pd.DataFrame:
    """Posts whose engagement (likes + comments + shares + saves, a count) is at least ``viral_ratio``
    times the median engagement of the same creator's posts.

    Returns the posts (``influencer_id``, ``date``, ``engagements``, ``ratio``), sorted by creator and date.
    """
    if viral_ratio <= 0:
        raise ValueError(
            f"viral_ratio must be > 0 (a multiple of the creator's median post); got {viral_ratio!r}"
        )
    engagements = posts[["likes", "comments", "shares", "saves"]].sum(axis=1).astype(float)
    median = engagements.groupby(posts["influencer_id"].astype(str)).transform("median")
    ratio = engagements / median.where(median > 0)
    out = pd.DataFrame(
        {
            "influencer_id": posts["influencer_id"].astype(str),
            "date": pd.to_datetime(posts["date"]),
            "engagements": engagements,
            "ratio": ratio,
        }
    )
    out = out[out["ratio"] >= viral_ratio]
    return out.sort_values(["influencer_id", "date"], kind="stable").reset_index(drop=True)


def _wide(growth: pd.DataFrame) -> pd.DataFrame:
    """Followers as a creators x days table (every calendar day from the first to the last date)."""
    for col in ("influencer_id", "date", "followers"):
        if col not in growth.columns:
            raise ValueError(
                f"the follower-growth table needs a {col!r} column (influencer_id, date, followers)"
            )
    if growth.empty:
        raise ValueError("the follower-growth table is empty: it needs daily follower counts")
    frame = growth.assign(
        influencer_id=growth["influencer_id"].astype(str), date=pd.to_datetime(growth["date"])
    )
    if frame.duplicated(["influencer_id", "date"]).any():
        raise ValueError("the follower-growth table has two rows for the same creator and day: keep one")
    wide = frame.pivot(index="influencer_id", columns="date", values="followers").astype(float)
    days = pd.date_range(wide.columns.min(), wide.columns.max(), freq="D")
    return wide.reindex(columns=days)


def growth_scores(
    growth: pd.DataFrame,
    posts: pd.DataFrame | None = None,
    *,
    window: int = 28,
    min_history: int = 14,
    viral_ratio: float = 2.0,
    post_days: int = 2,
    min_spread: float = 1.0,
) -> pd.DataFrame:
    """Score every creator-day's follower gain against the creator's previous ``window`` days.

    Args:
        growth: one row per creator and day: ``influencer_id``, ``date``, ``followers`` (count).
        posts: the posts table (``influencer_id``, ``date``, likes, comments, shares, saves); without
            it no day is excused.
        window: days of history the baseline and spread are computed over (days, >= 3).
        min_history: fewest days of history needed to score a day (days); earlier days get no score.
        viral_ratio: a strong post has at least this many times the creator's median engagement.
        post_days: a day is excused when a strong post went live that day or up to this many days
            before (days, >= 0).
        min_spread: floor of the spread (followers per day), so a perfectly steady series does not
            divide by zero.

    Returns one row per creator and day: ``influencer_id``, ``date``, ``followers``, ``gain``
    (followers gained since the day before, per day), ``baseline`` (median gain of the previous
    ``window`` days), ``spread`` (1.4826 x their median absolute deviation, followers per day),
    ``score`` (``(gain - baseline) / spread``, dimensionless; NaN without enough history) and
    ``after_strong_post`` (bool).
    """
    if window < 3 or not 1 <= min_history <= window:
        raise ValueError("window must be >= 3 days and min_history between 1 and window")
    if post_days < 0:
        raise ValueError("post_days cannot be negative")
    wide = _wide(growth)
    level = wide.to_numpy()
    n, days = level.shape
    gain = np.full_like(level, np.nan)
    gain[:, 1:] = np.diff(level, axis=1)
    baseline, spread = _window_baseline(gain, window, min_history, min_spread)
    score = (gain - baseline) / spread

    excused = np.zeros_like(level, dtype=bool)
    if posts is not None and not posts.empty:
        strong = strong_posts(posts, viral_ratio)
        row = pd.Index(wide.index).get_indexer(strong["influencer_id"])
        col = (strong["date"] - wide.columns[0]).dt.days.to_numpy()
        for lag in range(post_days + 1):
            ok = (row >= 0) & (col + lag >= 0) & (col + lag < days)
            excused[row[ok], col[ok] + lag] = True

    return pd.DataFrame(
        {
            "influencer_id": np.repeat(wide.index.to_numpy(), days),
            "date": np.tile(wide.columns.to_numpy(), n),
            "followers": level.ravel(),
            "gain": gain.ravel(),
            "baseline": baseline.ravel(),
            "spread": spread.ravel(),
            "score": score.ravel(),
            "after_strong_post": excused.ravel(),
        }
    )


#: Creators whose windows are sorted at once in :func:`_window_baseline`: the windows of a block
#: (creators x days x ``window`` floats) are copied several times over, so whole tables at once
#: would cost tens of MB for a moment (and a notebook kernel keeps most of it: freed memory is not
#: always given back); blocks of 16 creators x 180 days x 28 days cost well under 1 MB each.
_WINDOW_BLOCK = 16


def _window_baseline(
    gain: np.ndarray, window: int, min_history: int, min_spread: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per creator (row) and day (column) of ``gain`` (followers per day): the median gain of the
    previous ``window`` days and 1.4826 x their median absolute deviation floored at ``min_spread``
    (followers per day); both NaN where fewer than ``min_history`` of those days have a gain.
    Computed a block of rows at a time (:data:`_WINDOW_BLOCK`); every row is independent."""
    n, days = gain.shape
    baseline = np.full(gain.shape, np.nan)
    spread = np.full(gain.shape, np.nan)
    for start in range(0, n, _WINDOW_BLOCK):
        rows = slice(start, start + _WINDOW_BLOCK)
        block = gain[rows]
        # history of day t: the gains of days t-window .. t-1 (NaN-padded on the left)
        padded = np.concatenate([np.full((len(block), window), np.nan), block], axis=1)
        history = sliding_window_view(padded[:, : days + window - 1], window, axis=1)[:, :days]
        enough = (~np.isnan(history)).sum(axis=2) >= min_history
        median = _nan_median(history)
        mad = _nan_median(np.abs(history - median[..., None]))
        baseline[rows] = np.where(enough, median, np.nan)
        spread[rows] = np.where(enough, np.maximum(MAD_TO_SD * mad, min_spread), np.nan)
    return baseline, spread


def _nan_median(values: np.ndarray) -> np.ndarray:
    """Median over the last axis ignoring NaN (NaN where a row has no value); as ``np.nanmedian``,
    but sorting once instead of masking, which is several times faster on many short windows."""
    ordered = np.sort(values, axis=-1)  # NaN sort last
    count = (~np.isnan(values)).sum(axis=-1, keepdims=True)
    low = np.take_along_axis(ordered, np.maximum(count - 1, 0) // 2, axis=-1)
    high = np.take_along_axis(ordered, count // 2 - (count == 0), axis=-1)
    median = (low + high) / 2
    return np.where(count > 0, median, np.nan)[..., 0]


def worst_scores(scores: pd.DataFrame, excuse_strong_posts: bool = True) -> pd.Series:
    """Each creator's highest daily score (dimensionless), ignoring excused days when
    ``excuse_strong_posts``; ``-inf`` for a creator with no scored day. Index ``influencer_id``."""
    values = scores["score"].where(~scores["after_strong_post"]) if excuse_strong_posts else scores["score"]
    worst = values.groupby(scores["influencer_id"], sort=True).max()
    return worst.fillna(-math.inf)


def creator_flags(scores: pd.DataFrame, threshold: float, excuse_strong_posts: bool = True) -> pd.Series:
    """True for each creator with a day scoring at least ``threshold`` (robust z, dimensionless),
    not counting days after a strong post when ``excuse_strong_posts``. Index ``influencer_id``."""
    return worst_scores(scores, excuse_strong_posts) >= threshold


@dataclass(frozen=True)
class FollowerRules:
    """Thresholds of the fake-account signals (see :func:`follower_signals`).

    Attributes:
        min_posts: fewer posts than this is a signal (posts).
        mass_following: following more accounts than this is a signal (HypeAuditor's "mass
            follower" cut-off, 1,500 accounts).
        max_following_ratio: following more than this many times as many accounts as follow it is
            a signal (ratio; SRF Data 2017 and Modash use the following/followers ratio).
        min_age_days: an account younger than this is a signal (days).
        min_digits: this many digits or more in the username is a signal (digits).
    """

    min_posts: int = 3
    mass_following: int = metrics.MASS_FOLLOWING_MIN
    max_following_ratio: float = 10.0
    min_age_days: int = 180
    min_digits: int = 3


#: The signals in :func:`follower_signals`' column order, with the words the course uses for them.
FOLLOWER_SIGNALS: dict[str, str] = {
    "no_picture": "no profile picture",
    "few_posts": "few posts",
    "mass_following": "follows > 1,500 accounts",
    "following_ratio": "follows far more than follow it",
    "young_account": "young account",
    "empty_bio": "empty bio",
    "digits": "many digits in the name",
}


def follower_signals(sample: pd.DataFrame, rules: FollowerRules = FollowerRules()) -> pd.DataFrame:
    """The fake-account signals of each sampled follower (bool columns, :data:`FOLLOWER_SIGNALS`),
    plus ``n_signals`` (count). ``sample`` needs ``posts``, ``followers``, ``following``,
    ``has_profile_picture``, ``account_age_days``, ``bio_length`` and ``digits_in_username``."""
    needed = [
        "posts",
        "followers",
        "following",
        "has_profile_picture",
        "account_age_days",
        "bio_length",
        "digits_in_username",
    ]
    if missing := [c for c in needed if c not in sample.columns]:
        raise ValueError(f"the follower sample lacks the column(s) {missing}; it needs {needed}")
    following = sample["following"].astype(float)
    out = pd.DataFrame(
        {
            "no_picture": ~sample["has_profile_picture"].astype(bool),
            "few_posts": sample["posts"] < rules.min_posts,
            "mass_following": following > rules.mass_following,
            "following_ratio": following > rules.max_following_ratio * sample["followers"].clip(lower=1),
            "young_account": sample["account_age_days"] < rules.min_age_days,
            "empty_bio": sample["bio_length"] == 0,
            "digits": sample["digits_in_username"] >= rules.min_digits,
        },
        index=sample.index,
    )
    out["n_signals"] = out.sum(axis=1).astype(int)
    return out


def flag_followers(
    sample: pd.DataFrame, signals_needed: int = 3, rules: FollowerRules = FollowerRules()
) -> pd.Series:
    """True for each sampled follower with at least ``signals_needed`` of the seven signals (count)."""
    return follower_signals(sample, rules)["n_signals"] >= signals_needed


@dataclass(frozen=True)
class FlagScore:
    """Flags checked against the truth.

    Attributes:
        flagged: how many were flagged (count).
        guilty: how many are truly guilty (bought followers / fake accounts; count).
        caught: flagged and guilty (true positives, count).
        accused: flagged but innocent (false positives, count) - the honest creators or real
            people a rule accuses.
        innocent: how many are innocent (count).
        precision: caught / flagged (share 0-1; NaN when nobody is flagged).
        recall: caught / guilty (share 0-1; NaN when nobody is guilty).
    """

    flagged: int
    guilty: int
    caught: int
    accused: int
    innocent: int
    precision: float
    recall: float

    @property
    def accused_share(self) -> float:
        """Share of the innocent who are flagged (0-1; NaN when nobody is innocent)."""
        return self.accused / self.innocent if self.innocent else math.nan


def score_flags(flags: pd.Series, truth: pd.Series) -> FlagScore:
    """Compare boolean ``flags`` with the boolean ``truth`` (both indexed by the same ids).

    Raises ValueError when the ids differ (the flags would be scored against someone else's truth).
    """
    if not flags.index.sort_values().equals(truth.index.sort_values()):
        raise ValueError("flags and truth must cover the same ids (creators or follower accounts)")
    flagged = flags.astype(bool)
    guilty = truth.reindex(flags.index).astype(bool)
    caught = int((flagged & guilty).sum())
    n_flagged, n_guilty = int(flagged.sum()), int(guilty.sum())
    return FlagScore(
        flagged=n_flagged,
        guilty=n_guilty,
        caught=caught,
        accused=n_flagged - caught,
        innocent=len(flags) - n_guilty,
        precision=caught / n_flagged if n_flagged else math.nan,
        recall=caught / n_guilty if n_guilty else math.nan,
    )


def tradeoff(values: pd.Series, truth: pd.Series, thresholds: Sequence[float]) -> pd.DataFrame:
    """Precision and recall of the rule "flag when ``values`` >= threshold" at each threshold.

    ``values`` is a score per id (e.g. :func:`worst_scores`, or the number of fake-account signals);
    ``truth`` the boolean truth per id. Returns one row per threshold (index ``threshold``):
    ``flagged``, ``caught``, ``accused`` (counts), ``precision_pct`` and ``recall_pct`` (percent;
    NaN precision when nobody is flagged).
    """
    rows = []
    for threshold in thresholds:
        s = score_flags(values >= threshold, truth)
        rows.append(
            {
                "threshold": float(threshold),
                "flagged": s.flagged,
                "caught": s.caught,
                "accused": s.accused,
                "precision_pct": 100 * s.precision,
                "recall_pct": 100 * s.recall,
            }
        )
    return pd.DataFrame(rows).set_index("threshold")


def signal_rates(
    sample: pd.DataFrame, fake: pd.Series, rules: FollowerRules = FollowerRules()
) -> pd.DataFrame:
    """How often each fake-account signal fires on fake and on real sampled accounts, in percent.

    ``fake`` is the truth of each sampled account in the sample's row order (e.g.
    ``truth.fake.reindex(sample["follower_id"])``). Rows: the :data:`FOLLOWER_SIGNALS` names;
    columns ``fake_pct`` and ``real_pct`` (share of each group showing the signal, percent).
    """
    if len(fake) != len(sample):
        raise ValueError("fake needs one value per sampled account, in the sample's row order")
    signals = follower_signals(sample, rules)
    truth = fake.to_numpy(dtype=bool)
    rows = {
        label: {
            "fake_pct": 100.0 * signals.loc[truth, key].mean() if truth.any() else math.nan,
            "real_pct": 100.0 * signals.loc[~truth, key].mean() if (~truth).any() else math.nan,
        }
        for key, label in FOLLOWER_SIGNALS.items()
    }
    out = pd.DataFrame(rows).T
    out.index.name = "signal"
    return out


def draw_tradeoff(ax: Axes, table: pd.DataFrame, marks: Sequence[float] = ()) -> Axes:
    """Precision and recall (percent) against the threshold, from :func:`tradeoff`; a dotted line at
    each threshold in ``marks``. The thresholds are spaced evenly (their values label the axis)."""
    plots.style_axes(ax)
    xs = np.arange(len(table))
    ax.plot(xs, table["precision_pct"], color=plots.PALETTE[0], marker="o", label="precision")
    ax.plot(xs, table["recall_pct"], color=plots.PALETTE[1], marker="s", linestyle="--", label="recall")
    for mark in marks:
        x = int(np.flatnonzero(np.isclose(table.index.to_numpy(dtype=float), mark))[0])
        ax.plot([x, x], [0, 100], color=plots.PALETTE[7], linestyle=":", linewidth=1.5)
    ax.set_xticks(xs, [plots.human_number(v) for v in table.index])
    ax.set_xlim(-0.5, len(table) - 0.5)
    ax.set_ylim(-4, 135)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.set_xlabel("threshold (spreads above the usual gain)")
    ax.set_ylabel("% of creators")
    ax.legend(loc="upper center", ncols=2, frameon=False)
    return ax
