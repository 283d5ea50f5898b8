"""Scorecard maths (lesson 07, reused by the capstone): creators with a track record, their four
criteria, and a weighted shortlist beside the most-followed.

Each criterion becomes a percentile rank from 0 (worst) to 1 (best) inside the pool; the score is the
weighted mean of the ranks. Units: ``er_pct`` percent, ``niche_fit`` and ``audience_authenticity``
shares 0-1, ``price_per_post_usd`` US dollars, ``conversions_per_usd`` purchases per dollar of fees.

The scorecard lab (:mod:`helpers.widgets.scorecard`) is controls plus a call to
:func:`score_candidates` and :func:`compare_shortlists`; the capstone calls :func:`score_candidates`
directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import metrics
from . import pitfalls


class ScorecardInputError(ValueError):
    """A pool or weighting that cannot be scored; the message says what to change."""


#: Criteria of the scorecard: column in the candidate table, and whether higher is better.
CRITERIA: dict[str, tuple[str, bool]] = {
    "engagement": ("er_pct", True),
    "niche_fit": ("niche_fit", True),
    "audience_quality": ("audience_authenticity", True),
    "cost": ("price_per_post_usd", False),
}


def candidate_table(influencers: pd.DataFrame, campaigns: pd.DataFrame) -> pd.DataFrame:
    """One row per creator with past campaigns: the four criteria and historical conversions per dollar."""
    history = campaigns.groupby("influencer_id", observed=True).agg(
        niche_fit=("niche_fit", "mean"),
        past_fees_usd=("fee_usd", "sum"),
        past_conversions=("conversions", "sum"),
        campaigns=("campaign_id", "count"),
    )
    table = influencers.set_index("influencer_id").join(history, how="inner")
    table["er_pct"] = metrics.er_by_followers(table["avg_likes"], table["avg_comments"], table["followers"])
    table["conversions_per_usd"] = metrics.conversions_per_dollar(
        table["past_conversions"], table["past_fees_usd"]
    )
    return table


@dataclass(frozen=True)
class Shortlists:
    """The ``n`` best creators by weighted ``score`` (0-1, column added) and the ``n`` most-followed,
    from the same pool (rows of :func:`candidate_table`), best first."""

    by_score: pd.DataFrame
    by_followers: pd.DataFrame
    n: int


def score_candidates(
    candidates: pd.DataFrame, weights: dict[str, float], n: int = 10, niche: str = "all"
) -> Shortlists:
    """Rank ``candidates`` (:func:`candidate_table`) by the weighted mean of their criteria's percentile
    ranks (``weights`` per criterion in :data:`CRITERIA`, any non-negative scale) and return the top
    ``n`` by score and by followers; ``niche="all"`` keeps every niche. Creators missing a criterion
    are left out. Raises :class:`ScorecardInputError` for an empty pool, all weights 0 or ``n < 1``.
    """
    pool = candidates if niche == "all" else candidates[candidates["niche"].astype(str) == niche]
    pool = pool.dropna(subset=[col for col, _ in CRITERIA.values()] + ["conversions_per_usd"])
    if pool.empty:
        raise ScorecardInputError(
            f"No creators with past campaigns in niche {niche!r}: choose another niche."
        )
    total_weight = sum(max(weights.get(k, 0.0), 0.0) for k in CRITERIA)
    if total_weight <= 0:
        raise ScorecardInputError("Every weight is 0: give at least one criterion a weight above 0.")
    if n < 1:
        raise ScorecardInputError("The shortlist needs at least 1 creator.")
    n = min(n, len(pool))
    ranks = pd.DataFrame(
        {k: pool[col].rank(pct=True, ascending=higher) for k, (col, higher) in CRITERIA.items()}
    )
    score = sum(ranks[k] * max(weights.get(k, 0.0), 0.0) for k in CRITERIA) / total_weight
    pool = pool.assign(score=score)
    by_score = pool.sort_values(["score", "followers"], ascending=False).head(n)
    by_followers = pool.sort_values(["followers", "score"], ascending=False).head(n)
    return Shortlists(by_score=by_score, by_followers=by_followers, n=n)


@dataclass(frozen=True)
class ShortlistComparison:
    """The scorecard's shortlist beside the most-followed, in expected conversions per $1,000.

    Attributes:
        lists: the two :class:`Shortlists`.
        score_conv_per_1k_usd, followers_conv_per_1k_usd: expected conversions per $1,000 of fees
            (:func:`helpers.analysis.pitfalls.conversions_per_1k`).
        overlap: creators on both lists (count).
        lift_pct: the scorecard's gain over the most-followed, percent (NaN when they buy nothing).
        check: :func:`helpers.analysis.pitfalls.shortlist_check` (None when the most-followed buy nothing).
    """

    lists: Shortlists
    score_conv_per_1k_usd: float
    followers_conv_per_1k_usd: float
    overlap: int
    lift_pct: float
    check: dict[str, object] | None

    def numbers(self) -> dict[str, float]:
        """``score_conv_per_1k_usd``, ``followers_conv_per_1k_usd``, ``overlap``, ``lift_pct``,
        ``shortlist_size``, ``spend_score_usd`` and ``spend_followers_usd`` (one post per creator,
        USD), ``single_campaign_score`` (picks resting on one past campaign), ``top_spend_share_pct``
        and ``gain_without_top_pct`` (NaN without a check)."""
        by_score, by_followers, check = self.lists.by_score, self.lists.by_followers, self.check
        return {
            "score_conv_per_1k_usd": self.score_conv_per_1k_usd,
            "followers_conv_per_1k_usd": self.followers_conv_per_1k_usd,
            "overlap": float(self.overlap),
            "lift_pct": self.lift_pct,
            "shortlist_size": float(self.lists.n),
            "spend_score_usd": float(by_score["price_per_post_usd"].sum()),
            "spend_followers_usd": float(by_followers["price_per_post_usd"].sum()),
            "single_campaign_score": float((by_score["campaigns"] == 1).sum()),
            "top_spend_share_pct": float(check["top_spend_share_pct"]) if check else float("nan"),
            "gain_without_top_pct": float(check["gain_without_top_pct"]) if check else float("nan"),
        }


def compare_shortlists(lists: Shortlists) -> ShortlistComparison:
    """Expected conversions per $1,000 of each list, their overlap, the scorecard's lift and, when the
    most-followed buy any conversions, how far to trust the comparison (:class:`ShortlistComparison`)."""
    s = pitfalls.conversions_per_1k(lists.by_score)
    f = pitfalls.conversions_per_1k(lists.by_followers)
    return ShortlistComparison(
        lists=lists,
        score_conv_per_1k_usd=s,
        followers_conv_per_1k_usd=f,
        overlap=len(lists.by_score.index.intersection(lists.by_followers.index)),
        lift_pct=100 * (s / f - 1) if f > 0 else float("nan"),
        check=pitfalls.shortlist_check(lists.by_score, lists.by_followers) if f > 0 else None,
    )
