"""Two rankings, one dataset: creator tiers ranked by engagement with sponsored posts and by revenue.

Two published findings pull in different directions, and the synthetic course data carries both:

* engagement with sponsored posts, relative to the creator's own organic posts (**paid-post
  performance**, :func:`helpers.metrics.paid_post_performance`), is an inverted U in followers: it
  peaks in the middle tiers (Wies, Bleier & Edeling 2023, Journal of Marketing 87(3));
* revenue per follower falls steeply with size: nano creators bring about an order of magnitude more
  revenue per follower, and per dollar of fee, than macro creators (Beichert, Bayerl, Goldenberg &
  Lanz 2024, Journal of Marketing 88(4)). The course's ``affiliate_sales`` table (one sponsored
  Instagram post per creator, synthetic) carries this mechanism.

Which tier "wins" depends on the goal and on what a result costs. Units: ratios (paid-post
performance, revenue per dollar of fee = ROAS on revenue), USD per follower, USD.
"""

from __future__ import annotations

import pandas as pd

from .. import metrics
from ..tables import Column
from .trust import paid_post_performance_by_creator

__all__ = ["RANKING_COLUMNS", "TABLE_COLUMNS", "TIERS", "creator_measures", "rank_tiers", "top_overlap"]

#: Mediakix tiers compared, smallest first (creators under 1,000 followers are left out).
TIERS: tuple[str, ...] = ("nano", "micro", "mid", "macro", "mega")
#: The three measures a tier is ranked by: column -> what it is.
RANKING_COLUMNS: dict[str, str] = {
    "paid_post_performance": "paid-post performance (median ratio)",
    "revenue_per_follower_usd": "revenue per follower (median, USD)",
    "revenue_per_dollar": "revenue per dollar of fee (median ROAS)",
}
#: How :func:`rank_tiers` is shown: each measure next to the rank it gives the tier.
TABLE_COLUMNS: dict[str, Column] = {
    "creators": Column("creators", fmt="count"),
    "paid_post_performance": Column("paid-post performance", fmt="decimal2"),
    "rank_paid_post_performance": Column("rank by engagement", fmt="plain"),
    "revenue_per_follower_usd": Column("revenue per follower", "USD", "decimal"),
    "rank_revenue_per_follower_usd": Column("rank per follower", fmt="plain"),
    "revenue_per_dollar": Column("revenue per dollar of fee", fmt="decimal1"),
    "rank_revenue_per_dollar": Column("rank per dollar", fmt="plain"),
    "revenue_per_post_usd": Column("revenue per post", "USD", "usd0"),
}


def creator_measures(
    posts: pd.DataFrame, influencers: pd.DataFrame, affiliate_sales: pd.DataFrame
) -> pd.DataFrame:
    """One row per Instagram creator with both measures: ``followers``, ``tier`` (Mediakix),
    ``paid_post_performance`` (ratio, from ``posts``), and from ``affiliate_sales`` ``fee_usd``,
    ``revenue_usd`` (USD), ``revenue_per_follower_usd`` (USD per follower) and
    ``revenue_per_dollar`` (revenue / fee, the ROAS on revenue). Creators without enough posts of
    both kinds (1 sponsored, 3 organic) or without an affiliate post are left out. Index:
    ``influencer_id``."""
    ppp = paid_post_performance_by_creator(posts, influencers, platform="instagram")
    sales = affiliate_sales.set_index("influencer_id")[["fee_usd", "revenue_usd"]]
    table = ppp[["followers", "paid_post_performance"]].join(sales, how="inner")
    table["tier"] = metrics.assign_tier(table["followers"], "mediakix").astype(str)
    table["revenue_per_follower_usd"] = table["revenue_usd"] / table["followers"]
    table["revenue_per_dollar"] = metrics.roas(table["revenue_usd"], table["fee_usd"])
    return table[table["tier"].isin(TIERS)]


def rank_tiers(creators: pd.DataFrame) -> pd.DataFrame:
    """Per Mediakix tier (:data:`TIERS` order): ``creators`` (count), the median of each
    :data:`RANKING_COLUMNS` measure, ``revenue_per_post_usd`` (median USD per post) and, per
    measure, ``rank_<measure>`` (1 = best tier)."""
    grouped = creators.groupby("tier", observed=True)
    out = pd.DataFrame({"creators": grouped.size()})
    for col in (*RANKING_COLUMNS, "revenue_usd"):
        out[col] = grouped[col].median()
    out = out.rename(columns={"revenue_usd": "revenue_per_post_usd"}).reindex(
        [t for t in TIERS if t in out.index]
    )
    for col in RANKING_COLUMNS:
        out[f"rank_{col}"] = out[col].rank(ascending=False, method="min").astype(int)
    out.index.name = "tier"
    return out


def top_overlap(creators: pd.DataFrame, n: int = 50) -> dict[str, float]:
    """The ``n`` creators with the highest paid-post performance vs the ``n`` with the highest
    revenue per dollar: ``shared`` (creators in both lists, count) and the median followers of each
    list (``followers_engagement``, ``followers_revenue``)."""
    by_engagement = creators.nlargest(n, "paid_post_performance")
    by_revenue = creators.nlargest(n, "revenue_per_dollar")
    return {
        "n": float(n),
        "shared": float(len(by_engagement.index.intersection(by_revenue.index))),
        "followers_engagement": float(by_engagement["followers"].median()),
        "followers_revenue": float(by_revenue["followers"].median()),
    }
