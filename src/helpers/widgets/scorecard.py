"""Popularity-trap scorecard: a weighted shortlist beside "top by followers".

Every creator with past campaigns in the bundled (synthetic) data gets four criteria, each turned
into a percentile rank from 0 (worst) to 1 (best) inside the chosen niche:

* engagement - engagement rate by followers, percent (higher is better);
* niche fit - the average niche fit of the creator's past campaigns, 0-1 (higher is better);
* audience quality - share of real followers, 0-1 (higher is better);
* cost - price per post in USD (lower is better).

The score is the weighted mean of the four ranks. The lab compares the top ``n`` by score with
the top ``n`` by followers on expected conversions per $1,000: each creator's own past conversions
per dollar of fees, weighted by their rate-card price (what booking one post each would cost).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import data, metrics, plots
from .base import Lab, LabInputError, LabResult, dropdown, register, slider

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


def scorecard_update(
    candidates: pd.DataFrame,
    weights: dict[str, float],
    n: int = 10,
    niche: str = "all",
) -> LabResult:
    """Shortlist ``n`` creators by weighted score and compare them with the ``n`` most-followed.

    Args:
        candidates: :func:`candidate_table` output.
        weights: weight per criterion in :data:`CRITERIA` (any non-negative scale).
        n: shortlist size (creators).
        niche: restrict to one niche (``"all"`` keeps every niche).

    Numbers: ``score_conv_per_1k_usd`` and ``followers_conv_per_1k_usd`` (expected conversions per
    $1,000 of fees for each shortlist), ``overlap`` (creators on both lists), ``lift_pct``.
    """
    pool = candidates if niche == "all" else candidates[candidates["niche"].astype(str) == niche]
    pool = pool.dropna(subset=[col for col, _ in CRITERIA.values()] + ["conversions_per_usd"])
    if pool.empty:
        raise LabInputError(f"No creators with past campaigns in niche {niche!r}: choose another niche.")
    total_weight = sum(max(weights.get(k, 0.0), 0.0) for k in CRITERIA)
    if total_weight <= 0:
        raise LabInputError("Every weight is 0: give at least one criterion a weight above 0.")
    if n < 1:
        raise LabInputError("The shortlist needs at least 1 creator.")
    n = min(n, len(pool))
    ranks = pd.DataFrame(
        {k: pool[col].rank(pct=True, ascending=higher) for k, (col, higher) in CRITERIA.items()}
    )
    score = sum(ranks[k] * max(weights.get(k, 0.0), 0.0) for k in CRITERIA) / total_weight
    pool = pool.assign(score=score)
    by_score = pool.sort_values(["score", "followers"], ascending=False).head(n)
    by_followers = pool.sort_values(["followers", "score"], ascending=False).head(n)

    def conv_per_1k(shortlist: pd.DataFrame) -> float:
        expected = (shortlist["conversions_per_usd"] * shortlist["price_per_post_usd"]).sum()
        return float(1000 * metrics.conversions_per_dollar(expected, shortlist["price_per_post_usd"].sum()))

    s, f = conv_per_1k(by_score), conv_per_1k(by_followers)
    overlap = len(by_score.index.intersection(by_followers.index))
    lift = 100 * (s / f - 1) if f > 0 else float("nan")
    columns = ["handle", "followers", "er_pct", "niche_fit", "audience_authenticity", "price_per_post_usd"]
    table = pd.concat(
        {
            "scorecard": by_score[columns].reset_index(drop=True),
            "top by followers": by_followers[columns].reset_index(drop=True),
        },
        axis=1,
    )
    table.index = pd.RangeIndex(1, n + 1, name="rank")
    summary = (
        f"Scorecard shortlist: {s:,.1f} expected conversions per $1,000; top {n} by followers: {f:,.1f}"
        + (f" ({lift:+.0f}%)." if np.isfinite(lift) else ".")
        + f" {overlap} of {n} creator{'s' if n != 1 else ''} {'is' if overlap == 1 else 'are'} on both lists."
    )
    return LabResult(
        summary=summary,
        numbers={
            "score_conv_per_1k_usd": s,
            "followers_conv_per_1k_usd": f,
            "overlap": float(overlap),
            "lift_pct": lift,
            "shortlist_size": float(n),
        },
        table=table,
        extra={"by_score": by_score, "by_followers": by_followers},
    )


def draw_scorecard(fig: Figure, result: LabResult) -> None:
    """Bars: expected conversions per $1,000 for the two shortlists."""
    ax = fig.axes[0]
    s, f = result.numbers["score_conv_per_1k_usd"], result.numbers["followers_conv_per_1k_usd"]
    plots.bar_groups(
        ax,
        ["expected conversions per $1,000"],
        {"scorecard shortlist": [s], "top by followers": [f]},
        value_format="{:,.1f}",
    )
    finding = (
        "The weighted scorecard buys more conversions per dollar than popularity"
        if s > f
        else "With these weights the scorecard does no better than popularity"
    )
    plots.set_title(ax, finding, "synthetic course data; each creator's own past conversions per dollar")


@register
class Scorecard(Lab):
    """Popularity-trap scorecard lab (lesson 07)."""

    name = "scorecard"
    title = "Popularity trap: a weighted scorecard vs the most-followed"
    tables = ("influencers", "campaigns")

    def __init__(
        self, influencers: pd.DataFrame | None = None, campaigns: pd.DataFrame | None = None
    ) -> None:
        influencers = data.load_influencers() if influencers is None else influencers
        campaigns = data.load_campaigns() if campaigns is None else campaigns
        self.candidates = candidate_table(influencers, campaigns)
        super().__init__()

    def make_controls(self) -> dict[str, w.ValueWidget]:
        niches = ["all", *sorted(self.candidates["niche"].astype(str).unique())]
        return {
            "engagement": slider("Engagement weight", 1.0, 0, 5, 0.5),
            "niche_fit": slider("Niche fit weight", 2.0, 0, 5, 0.5),
            "audience_quality": slider("Audience quality weight", 1.0, 0, 5, 0.5),
            "cost": slider("Low cost weight", 1.0, 0, 5, 0.5),
            "n": w.IntSlider(
                value=10,
                min=1,
                max=30,
                description="Shortlist size",
                continuous_update=False,
                style={"description_width": "initial"},
            ),
            "niche": dropdown("Niche", niches, "all"),
        }

    def compute(self, **values: Any) -> LabResult:
        weights = {k: values[k] for k in CRITERIA}
        return scorecard_update(self.candidates, weights, n=values["n"], niche=values["niche"])

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_scorecard(fig, result)
