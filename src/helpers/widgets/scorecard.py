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

It also says how far to trust that comparison (:func:`helpers.analysis.pitfalls.shortlist_check`):
the spend each list can absorb at one post per creator, how many picks rest on a single past
campaign, whether one creator dominates the shortlist's spend, and the gain with that creator left
out. :func:`criterion_comparison` shows what each criterion alone would have bought.
"""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import plots
from ..analysis import pitfalls
from ..analysis.scoring import (
    CRITERIA,
    ScorecardInputError,
    ShortlistComparison,
    Shortlists,
    candidate_table,
    compare_shortlists,
    score_candidates,
)
from ..tables import Column
from .base import Lab, LabInputError, LabResult, dropdown, register, slider

__all__ = ["CRITERIA", "Scorecard", "candidate_table", "criterion_comparison", "scorecard_update"]


#: The shortlist columns the lab's table shows for each list.
TABLE_COLUMNS: tuple[str, ...] = (
    "handle",
    "followers",
    "er_pct",
    "niche_fit",
    "audience_authenticity",
    "price_per_post_usd",
    "campaigns",
)


def scorecard_summary(comparison: ShortlistComparison) -> str:
    """The lab's sentence: conversions per $1,000 of both lists, their overlap, and a warning when
    one creator takes more than :data:`~helpers.analysis.pitfalls.DOMINANCE_PCT` % of the spend."""
    s, f = comparison.score_conv_per_1k_usd, comparison.followers_conv_per_1k_usd
    lift, overlap, n, check = comparison.lift_pct, comparison.overlap, comparison.lists.n, comparison.check
    summary = (
        f"Scorecard shortlist: {s:,.1f} expected conversions per $1,000; top {n} by followers: {f:,.1f}"
        + (f" ({lift:+.0f}%)." if np.isfinite(lift) else ".")
        + f" {overlap} of {n} creator{'s' if n != 1 else ''} {'is' if overlap == 1 else 'are'} on both lists."
    )
    if check is not None and check["dominated"] and n > 1:
        summary += (
            f" Careful: {check['top_handle']} ({check['top_campaigns']} past campaign"
            f"{'s' if check['top_campaigns'] != 1 else ''}) is {check['top_spend_share_pct']:.0f}% of the"
            f" shortlist's spend; without them the gain is {check['gain_without_top_pct']:+.0f}%."
        )
    return summary


def scorecard_table(lists: Shortlists) -> pd.DataFrame:
    """Both lists side by side, ranked from 1: :data:`TABLE_COLUMNS` under "scorecard" and
    "top by followers"."""
    columns = list(TABLE_COLUMNS)
    table = pd.concat(
        {
            "scorecard": lists.by_score[columns].reset_index(drop=True),
            "top by followers": lists.by_followers[columns].reset_index(drop=True),
        },
        axis=1,
    )
    table.index = pd.RangeIndex(1, lists.n + 1, name="rank")
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
    $1,000 of fees for each shortlist), ``overlap`` (creators on both lists), ``lift_pct``, and from
    :func:`helpers.analysis.pitfalls.shortlist_check`: ``spend_score_usd``, ``spend_followers_usd``
    (one post per creator, USD), ``single_campaign_score``, ``top_spend_share_pct`` and
    ``gain_without_top_pct`` (:meth:`helpers.analysis.scoring.ShortlistComparison.numbers`). The
    summary (:func:`scorecard_summary`) warns when one creator takes more than
    :data:`~helpers.analysis.pitfalls.DOMINANCE_PCT` % of the shortlist's spend. The table
    (:func:`scorecard_table`) shows each creator's past ``campaigns``.
    """
    try:
        lists = score_candidates(candidates, weights, n, niche)
    except ScorecardInputError as err:
        raise LabInputError(str(err)) from err
    comparison = compare_shortlists(lists)
    return LabResult(
        summary=scorecard_summary(comparison),
        numbers=comparison.numbers(),
        table=scorecard_table(lists),
        extra={"by_score": lists.by_score, "by_followers": lists.by_followers},
    )


def criterion_comparison(
    candidates: pd.DataFrame, weights: dict[str, float], n: int = 10, niche: str = "all"
) -> pd.DataFrame:
    """What the full scorecard buys over each criterion alone (and over the most-followed).

    One row per shortlist - ``"scorecard (these weights)"``, ``"<criterion> only"`` for each of
    :data:`CRITERIA`, ``"top by followers"`` - with ``conversions_per_1k_usd`` (expected, as in
    :func:`scorecard_update`), ``gain_pct`` (vs top by followers, percent), ``spend_usd`` (one post
    per creator, USD), ``single_campaign`` (picks whose rate rests on one past campaign),
    ``top_spend_share_pct`` and ``gain_without_top_pct`` (see
    :func:`helpers.analysis.pitfalls.shortlist_check`).
    """
    runs = {"scorecard (these weights)": weights}
    for key in CRITERIA:
        runs[f"{key.replace('_', ' ')} only"] = {k: float(k == key) for k in CRITERIA}
    rows = {}
    followers = None
    for label, w_ in runs.items():
        result = scorecard_update(candidates, w_, n=n, niche=niche)
        check = pitfalls.shortlist_check(result.extra["by_score"], result.extra["by_followers"])
        followers = result.extra["by_followers"]
        rows[label] = {
            "conversions_per_1k_usd": result.numbers["score_conv_per_1k_usd"],
            "gain_pct": check["gain_pct"],
            "spend_usd": check["spend_score_usd"],
            "single_campaign": check["single_campaign_score"],
            "top_spend_share_pct": check["top_spend_share_pct"],
            "gain_without_top_pct": check["gain_without_top_pct"],
        }
    assert followers is not None
    rows["top by followers"] = {
        "conversions_per_1k_usd": pitfalls.conversions_per_1k(followers),
        "gain_pct": 0.0,
        "spend_usd": float(followers["price_per_post_usd"].sum()),
        "single_campaign": int((followers["campaigns"] == 1).sum()),
        "top_spend_share_pct": float(
            100 * followers["price_per_post_usd"].max() / followers["price_per_post_usd"].sum()
        ),
        "gain_without_top_pct": float("nan"),
    }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "shortlist"
    return table


def criterion_finding(table: pd.DataFrame) -> str:
    """Two computed sentences on :func:`criterion_comparison`: which single criterion comes closest
    to the full scorecard (and whether both lean on the same dominating spender), and whose gain
    survives best when its biggest spender is left out."""
    full = table.iloc[0]
    singles = table.iloc[1:-1]
    closest = (singles["conversions_per_1k_usd"] - full["conversions_per_1k_usd"]).abs().idxmin()
    c = singles.loc[closest]
    first = (
        f"{closest.capitalize()} comes closest to the full scorecard: {c['conversions_per_1k_usd']:.1f} vs "
        f"{full['conversions_per_1k_usd']:.1f} expected conversions per $1,000"
    )
    if min(c["top_spend_share_pct"], full["top_spend_share_pct"]) > pitfalls.DOMINANCE_PCT:
        first += (
            f", and both lists put over {pitfalls.DOMINANCE_PCT:.0f}% of their spend on one creator "
            f"({full['top_spend_share_pct']:.0f}% and {c['top_spend_share_pct']:.0f}%)"
        )
    sturdiest = table.iloc[:-1]["gain_without_top_pct"].idxmax()
    t = table.loc[sturdiest]
    second = (
        f"The gain that best survives leaving out the list's biggest spender: {sturdiest} "
        f"({t['gain_pct']:+.0f}%, {t['gain_without_top_pct']:+.0f}% without it) - the full scorecard "
        f"falls from {full['gain_pct']:+.0f}% to {full['gain_without_top_pct']:+.0f}%."
    )
    return first + ".\n" + second


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
    share = result.numbers.get("top_spend_share_pct", float("nan"))
    if s > f and share > pitfalls.DOMINANCE_PCT and result.numbers["shortlist_size"] > 1:
        finding = f"The scorecard beats popularity per dollar, but one creator is {share:.0f}% of its spend"
    plots.set_title(ax, finding, "synthetic course data; each creator's own past conversions per dollar")


@register
class Scorecard(Lab):
    """Popularity-trap scorecard lab (lesson 07)."""

    name = "scorecard"
    title = "Popularity trap: a weighted scorecard vs the most-followed"
    tables = ("influencers", "campaigns")
    table_index = "rank"
    table_columns: ClassVar[dict[str, Column]] = {
        "handle": Column("creator", fmt="text"),
        "followers": Column("followers", fmt="compact"),
        "er_pct": Column("engagement rate", "%", "percent"),
        "niche_fit": Column("niche fit", "0-1", "decimal2"),
        "audience_authenticity": Column("real audience", "%", "share"),
        "price_per_post_usd": Column("price per post", "USD", "usd0"),
        "campaigns": Column("past campaigns", fmt="count"),
    }

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.candidates = candidate_table(tables["influencers"], tables["campaigns"])

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
