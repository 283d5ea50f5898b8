"""Analyses of lessons 09 (metrics and money: engagement rates, reach, costs, return, EMV) and 10
(attribution, fake followers and disclosure).

Pure functions on the bundled tables (or tables in the same format); every metric comes from
:mod:`helpers.metrics`. Conventions:

* ``*_pct`` = percent (0-100); ROI and ROAS are **fractions / ratios** (0.5 = +50 %), as
  :func:`helpers.metrics.roi` returns them; money in US dollars (``*_usd``);
* the three engagement rates share **one numerator**, likes + comments + shares, so that only the
  denominator changes: per follower (per-post average / followers), per reach (summed over the posts)
  and per view (video posts only; NaN when there is none);
* "pooled" figures are a sum divided by a sum (what a whole group bought), never the mean of
  per-campaign ratios;
* "all-in" cost = the creator's fee **plus** the cost of finding and signing the creator
  (``discovery_cost_usd``).

The bundled data is synthetic: the results illustrate methods, not the real market
(``datasets/README.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import metrics
from ..tables import Column

__all__ = [
    "ER_COLUMNS",
    "ER_LABELS",
    "ER_MEDIAN_COLUMNS",
    "FLAG_LABELS",
    "FREQUENCY_COLUMNS",
    "LADDER_COLUMNS",
    "MARGIN_COLUMNS",
    "MARGIN_INDEX",
    "FakeFollowerPurchase",
    "all_in_roi_by_goal",
    "attribution_by_platform",
    "benchmark_value",
    "buy_fakes",
    "campaign_cost",
    "campaign_costs",
    "campaign_numbers",
    "campaign_report",
    "cost_ladder",
    "disclosure_by_creator",
    "disclosure_summary",
    "emv_rate_scenarios",
    "emv_vs_revenue",
    "engagement_by_denominator",
    "flag_hit_rates",
    "frequency_by_platform",
    "margin_check",
    "median_by",
    "portfolio_roi",
    "simulate_fakes",
    "top_n_platform_mix",
]

#: The three engagement-rate columns of :func:`engagement_by_denominator`, in teaching order.
ER_COLUMNS: tuple[str, ...] = ("er_followers_pct", "er_reach_pct", "er_views_pct")
#: Reader-facing names of those columns.
ER_LABELS: dict[str, str] = {
    "er_followers_pct": "per follower",
    "er_reach_pct": "per reach",
    "er_views_pct": "per view",
}
#: Reader-facing names of the audience-quality flags of :func:`helpers.metrics.audience_quality_flags`.
FLAG_LABELS: dict[str, str] = {
    "low_authenticity": "authenticity < 75%",
    "mass_follower": "follows > 1,500",
    "high_following_ratio": "following > followers",
    "er_implausibly_low": "ER 4x below band",
    "er_implausibly_high": "ER 4x above band",
}


def _with_creator(table: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the creator's platform (text), followers and Mediakix tier (text) joined on."""
    creators = influencers[["influencer_id", "platform", "followers"]]
    joined = table.merge(creators, on="influencer_id", how="inner", validate="many_to_one")
    joined["platform"] = joined["platform"].astype(str)
    joined["tier"] = metrics.assign_tier(joined["followers"], "mediakix").astype(str)
    return joined


def engagement_by_denominator(
    posts: pd.DataFrame, influencers: pd.DataFrame, by: str = "influencer_id"
) -> pd.DataFrame:
    """Engagement rate of each creator (or campaign) under three denominators, in percent.

    Args:
        posts: the posts table (likes, comments, shares, reach, impressions, views per post).
        influencers: the influencers table (followers, platform).
        by: ``"influencer_id"`` (every post of a creator) or ``"campaign_id"`` (the posts of a
            campaign; posts without a campaign are left out).

    Returns one row per group, indexed by ``by``: ``platform``, ``tier`` (Mediakix), ``followers``,
    ``posts``, ``interactions`` (likes + comments + shares, summed), ``reach`` and ``impressions``
    (summed over posts: people reached by two posts count twice), ``video_posts``, ``views``, and

    * ``er_followers_pct`` = mean interactions per post / followers x 100;
    * ``er_reach_pct`` = interactions / reach x 100;
    * ``er_views_pct`` = interactions of video posts / their views x 100 (NaN without video posts);
    * ``frequency`` = impressions / reach (times each reached account saw a post, on average).
    """
    if by not in ("influencer_id", "campaign_id"):
        raise ValueError(f"by must be 'influencer_id' or 'campaign_id', got {by!r}")
    rows = posts if by == "influencer_id" else posts[posts["campaign_id"].notna()]
    counts = ["likes", "comments", "shares", "reach", "impressions"]
    frame = rows[counts].astype("float64")
    views = rows["views"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    is_video = ~np.isnan(views)
    frame = frame.assign(
        views=np.where(is_video, views, 0.0),
        video_posts=is_video.astype("int64"),
        **{f"video_{c}": np.where(is_video, frame[c], 0.0) for c in ("likes", "comments", "shares")},
    )
    keys = rows[by].astype(str).rename(by)
    grouped = frame.groupby(keys)
    sums = grouped.sum()
    sums["posts"] = grouped.size()
    if by != "influencer_id":
        sums["influencer_id"] = rows["influencer_id"].astype(str).groupby(keys).first()
    table = _with_creator(sums.reset_index(), influencers).set_index(by)
    n = table["posts"]
    table["interactions"] = table["likes"] + table["comments"] + table["shares"]
    table["er_followers_pct"] = metrics.er_by_followers(
        table["likes"] / n, table["comments"] / n, table["followers"], shares=table["shares"] / n
    )
    table["er_reach_pct"] = metrics.er_by_reach(
        table["likes"], table["comments"], table["reach"], shares=table["shares"]
    )
    table["er_views_pct"] = metrics.er_by_views(
        table["video_likes"], table["video_comments"], table["video_shares"], table["views"]
    )
    table["frequency"] = metrics.frequency(table["impressions"], table["reach"])
    columns = [
        "platform",
        "tier",
        "followers",
        "posts",
        "interactions",
        "reach",
        "impressions",
        "video_posts",
        "views",
        *ER_COLUMNS,
        "frequency",
    ]
    return table[columns].sort_index()


def median_by(
    table: pd.DataFrame, by: str, columns: Sequence[str], order: Sequence[str] = ()
) -> pd.DataFrame:
    """Median of ``columns`` per value of ``by`` (rows in ``order`` when given), plus a ``count`` column."""
    grouped = table.groupby(by, observed=True)
    out = grouped[list(columns)].median()
    out["count"] = grouped.size()
    if order:
        out = out.reindex([o for o in order if o in out.index])
    return out


def top_n_platform_mix(table: pd.DataFrame, n: int = 100) -> pd.DataFrame:
    """How many of the ``n`` highest engagement rates each platform holds, per denominator.

    Rows: platforms; columns: the labels of :data:`ER_LABELS`; values: counts (each column sums to
    ``n``, or fewer when fewer rows have that rate). Ties are broken by the index (stable order).
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    platforms = sorted(table["platform"].astype(str).unique())
    mix = {}
    for column, label in ER_LABELS.items():
        top = table[column].dropna().sort_values(ascending=False, kind="stable").head(n)
        mix[label] = (
            table.loc[top.index, "platform"].astype(str).value_counts().reindex(platforms, fill_value=0)
        )
    out = pd.DataFrame(mix)
    out.index.name = "platform"
    return out


def frequency_by_platform(posts: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    """Per platform: median reach and impressions of one post, and the median frequency.

    Columns ``reach``, ``impressions`` (counts per post), ``frequency`` (impressions / reach per post)
    and ``count`` (posts).
    """
    table = _with_creator(posts[["influencer_id", "reach", "impressions"]], influencers)
    table["frequency"] = metrics.frequency(table["impressions"], table["reach"])
    return median_by(table, "platform", ["reach", "impressions", "frequency"])


def campaign_costs(campaigns: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    """Every campaign with its creator and its cost ladder.

    Adds ``platform``, ``tier`` (Mediakix), ``followers``, ``all_in_usd`` (fee + discovery cost),
    ``cpm_usd`` (fee per 1,000 impressions), ``cpe_usd``, ``cpc_usd``, ``cpa_usd`` (fee per
    engagement / click / conversion; NaN when there are none), ``roas`` (revenue / fee), ``roi``
    (fee only) and ``roi_all_in`` (fee + discovery cost); ROI and ROAS are fractions/ratios.
    """
    table = _with_creator(campaigns, influencers)
    fee = table["fee_usd"]
    table["all_in_usd"] = fee + table["discovery_cost_usd"]
    table["cpm_usd"] = metrics.cpm(fee, table["impressions"])
    table["cpe_usd"] = metrics.cpe(fee, table["engagements"])
    table["cpc_usd"] = metrics.cpc(fee, table["clicks"])
    table["cpa_usd"] = metrics.cpa(fee, table["conversions"])
    table["roas"] = metrics.roas(table["revenue_usd"], fee)
    table["roi"] = metrics.roi(table["revenue_usd"], fee)
    table["roi_all_in"] = metrics.roi(table["revenue_usd"], table["all_in_usd"])
    return table


#: How ``median_by(engagement_by_denominator(...), "platform", ER_COLUMNS)`` is shown: medians per creator.
ER_MEDIAN_COLUMNS: dict[str, Column] = {
    **{c: Column(f"ER {label}, median", "%", "percent") for c, label in ER_LABELS.items()},
    "count": Column("creators", fmt="count"),
}
#: How :func:`frequency_by_platform`'s table is shown: each column is its own median over the posts.
FREQUENCY_COLUMNS: dict[str, Column] = {
    "reach": Column("reach of a post, median", fmt="count"),
    "impressions": Column("impressions of a post, median", fmt="count"),
    "frequency": Column("frequency of a post, median", fmt="decimal2"),
    "count": Column("posts", fmt="count"),
}
#: How :func:`cost_ladder`'s table is shown (``tables.show(ladder, LADDER_COLUMNS)``).
LADDER_COLUMNS: dict[str, Column] = {
    "cpm_usd": Column("CPM, median", "USD", "usd"),
    "cpe_usd": Column("CPE, median", "USD", "usd"),
    "cpc_usd": Column("CPC, median", "USD", "usd"),
    "cpa_usd": Column("CPA, median of campaigns with a sale", "USD", "usd"),
    "cpa_all_usd": Column("CPA, median with no-sale campaigns counted", "USD", "usd"),
    "campaigns": Column("campaigns", fmt="count"),
    "with_sale": Column("campaigns (with a sale)", fmt="count"),
}


def cost_ladder(costs: pd.DataFrame, by: str = "tier", order: Sequence[str] = ()) -> pd.DataFrame:
    """Median cost ladder per value of ``by``, with the campaigns that sold nothing counted or not.

    ``costs`` is :func:`campaign_costs` output. Columns ``cpm_usd``, ``cpe_usd``, ``cpc_usd`` (medians,
    USD), ``cpa_usd`` (median CPA of the campaigns with at least one conversion: a campaign that sold
    nothing has no CPA), ``cpa_all_usd`` (median CPA with every no-sale campaign counted as infinitely
    expensive per conversion; infinite when more than half sold nothing), ``campaigns`` (all campaigns)
    and ``with_sale`` (campaigns with at least one conversion).
    """
    table = costs.assign(
        cpa_all_usd=np.where(costs["conversions"] > 0, costs["cpa_usd"], np.inf),
        with_sale=costs["conversions"] > 0,
    )
    grouped = table.groupby(by, observed=True)
    out = grouped[["cpm_usd", "cpe_usd", "cpc_usd", "cpa_usd", "cpa_all_usd"]].median()
    out["campaigns"] = grouped.size()
    out["with_sale"] = grouped["with_sale"].sum().astype("int64")
    if order:
        out = out.reindex([o for o in order if o in out.index])
    return out


def all_in_roi_by_goal(costs: pd.DataFrame, goals: Sequence[str] = ()) -> pd.DataFrame:
    """Per campaign goal: median ROI and the share of campaigns whose revenue exceeds their cost, fee
    only vs all-in.

    ``costs`` is :func:`campaign_costs` output. Columns ``median_roi_fee``, ``median_roi_all_in``
    (fractions), ``revenue_above_fee_pct``, ``revenue_above_all_in_pct`` (percent of campaigns with
    ROI > 0) and ``campaigns`` (count). ROI here is on revenue: a campaign whose revenue exceeds its
    cost has not necessarily made a profit, because the goods sold cost money too.
    """
    table = costs.assign(goal=costs["goal"].astype(str))
    grouped = table.groupby("goal")
    out = pd.DataFrame(
        {
            "median_roi_fee": grouped["roi"].median(),
            "median_roi_all_in": grouped["roi_all_in"].median(),
            "revenue_above_fee_pct": grouped["roi"].apply(lambda r: 100.0 * (r > 0).mean()),
            "revenue_above_all_in_pct": grouped["roi_all_in"].apply(lambda r: 100.0 * (r > 0).mean()),
            "campaigns": grouped.size(),
        }
    )
    if goals:
        out = out.reindex([g for g in goals if g in out.index])
    return out


def portfolio_roi(campaigns: pd.DataFrame, all_in: bool = True) -> float:
    """ROI of a set of campaigns taken together (a fraction): total revenue vs total cost.

    ``all_in`` adds the discovery costs to the fees. Not the mean of the campaigns' ROIs: a few
    campaigns with a huge ROI on a tiny fee would dominate that mean.
    """
    cost = campaigns["fee_usd"].sum() + (campaigns["discovery_cost_usd"].sum() if all_in else 0.0)
    return float(metrics.roi(float(campaigns["revenue_usd"].sum()), float(cost)))


#: How :func:`margin_check`'s table is shown (``tables.show(table, MARGIN_COLUMNS, index=MARGIN_INDEX)``).
MARGIN_COLUMNS: dict[str, Column] = {
    "break_even_roas": Column("break-even ROAS", fmt="decimal2"),
    "revenue_above_cost_pct": Column("revenue above cost", "% of campaigns", "percent"),
    "profit_after_margin_pct": Column("profit after margin above 0", "% of campaigns", "percent"),
    "above_cost_but_losing": Column("above cost on revenue, losing after margin", "campaigns", "count"),
    "profit_after_margin_usd": Column("profit after margin, all campaigns", "USD", "usd_compact"),
}
MARGIN_INDEX = Column("gross margin", fmt="share")


def margin_check(
    costs: pd.DataFrame, margins: Sequence[float], goal: str | None = "conversion"
) -> pd.DataFrame:
    """Per gross margin: how many campaigns bring revenue above their all-in cost, and how many are
    still above it once only the margin of each sale is counted.

    ``costs`` is :func:`campaign_costs` output; ``margins`` are fractions (0.4 = 40 %); ``goal``
    keeps the campaigns of one goal (None: all). Indexed by ``margin``; columns
    ``break_even_roas`` (1 / margin), ``revenue_above_cost_pct`` (percent of campaigns with ROI on
    revenue > 0, the same for every margin), ``profit_after_margin_pct`` (percent with
    :func:`helpers.metrics.profit_after_margin` > 0), ``above_cost_but_losing`` (campaigns whose
    revenue exceeds their cost yet lose money after the margin: ROAS between 1 and the break-even
    ROAS), ``profit_after_margin_usd`` (summed over the campaigns, USD) and ``campaigns``.
    """
    table = costs if goal is None else costs[costs["goal"].astype(str) == goal]
    if table.empty:
        raise ValueError(
            f"no campaign with goal {goal!r}: use one of {sorted(costs['goal'].astype(str).unique())}"
        )
    revenue, cost = table["revenue_usd"], table["all_in_usd"]
    above_cost = revenue > cost
    rows = []
    for margin in margins:
        profit = metrics.profit_after_margin(revenue, margin, cost)
        rows.append(
            {
                "margin": margin,
                "break_even_roas": metrics.break_even_roas(margin),
                "revenue_above_cost_pct": 100.0 * above_cost.mean(),
                "profit_after_margin_pct": 100.0 * (profit > 0).mean(),
                "above_cost_but_losing": int((above_cost & (profit < 0)).sum()),
                "profit_after_margin_usd": float(profit.sum()),
                "campaigns": len(table),
            }
        )
    return pd.DataFrame(rows).set_index("margin")


def campaign_report(campaigns: pd.DataFrame, posts: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    """One row per campaign with everything the campaign meter shows, computed once.

    Columns: the campaign's own columns, ``handle``, the three engagement rates and ``frequency``
    from :func:`engagement_by_denominator` (posts of the campaign),
    ``beats_<rate>`` (percent of the other campaigns with a lower rate under that denominator) and
    ``median_<rate>`` (median of the campaign's platform), indexed by ``campaign_id``.
    """
    rates = engagement_by_denominator(posts, influencers, by="campaign_id")
    table = campaigns.set_index("campaign_id").join(
        rates[["platform", "followers", "video_posts", "views", *ER_COLUMNS, "frequency"]],
        how="inner",
    )
    handles = influencers.set_index("influencer_id")["handle"].astype(str)
    table["handle"] = handles.reindex(table["influencer_id"].astype(str)).to_numpy()
    for column in ER_COLUMNS:
        others = max(int(table[column].count()) - 1, 1)
        table[f"beats_{column}"] = 100.0 * (table[column].rank(method="min") - 1) / others
        table[f"median_{column}"] = table.groupby("platform")[column].transform("median")
    return table


def campaign_cost(campaign: pd.Series, include_discovery: bool = False) -> float:
    """What one campaign cost in USD: its fee, plus the cost of finding the creator
    (``discovery_cost_usd``) when ``include_discovery``."""
    return float(campaign["fee_usd"] + (campaign["discovery_cost_usd"] if include_discovery else 0.0))


def campaign_numbers(
    campaign: pd.Series,
    cpm_rate: float,
    cpe_rate: float,
    include_discovery: bool = False,
    margin: float = 0.4,
) -> dict[str, float]:
    """Every figure the campaign meter shows for one campaign, by name.

    Args:
        campaign: one row of the meter's campaign report (the campaign's columns, its three
            engagement rates, ``beats_<rate>`` and ``frequency``).
        cpm_rate: EMV reference rate, USD per 1,000 impressions.
        cpe_rate: EMV reference rate, USD per engagement.
        include_discovery: count the discovery cost in the cost (see :func:`campaign_cost`).
        margin: the product's gross margin, a fraction of the price (0 < margin <= 1).

    Returns the engagement rates (percent), ``beats_*`` (percent of campaigns with a lower rate),
    ``reach``, ``impressions`` (counts), ``frequency``, money in USD (``cost_usd``, ``revenue_usd``,
    ``emv_usd``, ``cpm_usd``, ``cpe_usd``, ``cpc_usd``, ``cpa_usd``, ``profit_after_margin_usd``), ratios
    (``roas``, ``emv_to_revenue``, ``break_even_roas``) and fractions (``roi``, ``emv_roi``, ``emv_gap``,
    ``margin``, ``margin_roi``). The cost must be above 0.
    """
    cost = campaign_cost(campaign, include_discovery)
    revenue = float(campaign["revenue_usd"])
    impressions, reach, engagements = (float(campaign[c]) for c in ("impressions", "reach", "engagements"))
    emv = float(metrics.emv(impressions, engagements, cpm_rate=cpm_rate, cpe_rate=cpe_rate))
    return {
        **{c: float(campaign[c]) for c in ER_COLUMNS},
        **{f"beats_{c}": float(campaign[f"beats_{c}"]) for c in ER_COLUMNS},
        "reach": reach,
        "impressions": impressions,
        "frequency": float(campaign["frequency"]),
        "cost_usd": cost,
        "revenue_usd": revenue,
        "emv_usd": emv,
        "cpm_usd": float(metrics.cpm(cost, impressions)),
        "cpe_usd": float(metrics.cpe(cost, engagements)),
        "cpc_usd": float(metrics.cpc(cost, float(campaign["clicks"]))),
        "cpa_usd": float(metrics.cpa(cost, float(campaign["conversions"]))),
        "roas": float(metrics.roas(revenue, cost)),
        "roi": float(metrics.roi(revenue, cost)),
        "emv_roi": float(metrics.roi(emv, cost)),
        "emv_gap": float(metrics.emv_to_roi_gap(emv, revenue, cost)),
        "emv_to_revenue": emv / revenue if revenue > 0 else float("nan"),
        "margin": margin,
        "profit_after_margin_usd": float(metrics.profit_after_margin(revenue, margin, cost)),
        "margin_roi": float(metrics.margin_roi(revenue, margin, cost)),
        "break_even_roas": float(metrics.break_even_roas(margin)),
    }


def emv_vs_revenue(campaigns: pd.DataFrame, cpm_rate: float, cpe_rate: float) -> pd.DataFrame:
    """EMV next to the revenue each campaign really brought.

    EMV = impressions / 1000 x ``cpm_rate`` + engagements x ``cpe_rate`` (USD; the reference rates
    are the analyst's choice). Columns ``emv_usd``, ``revenue_usd``, ``fee_usd``, ``roi`` (real,
    from revenue), ``emv_roi`` (what ROI would be if EMV were revenue, which it is not) and
    ``emv_gap`` (= ``emv_roi - roi``, fraction of the fee: ROI that exists only on paper); indexed
    by ``campaign_id``.
    """
    table = campaigns.set_index("campaign_id")
    emv = metrics.emv(table["impressions"], table["engagements"], cpm_rate=cpm_rate, cpe_rate=cpe_rate)
    return pd.DataFrame(
        {
            "emv_usd": emv,
            "revenue_usd": table["revenue_usd"],
            "fee_usd": table["fee_usd"],
            "roi": metrics.roi(table["revenue_usd"], table["fee_usd"]),
            "emv_roi": metrics.roi(emv, table["fee_usd"]),
            "emv_gap": metrics.emv_to_roi_gap(emv, table["revenue_usd"], table["fee_usd"]),
        }
    )


def emv_rate_scenarios(campaigns: pd.DataFrame, scenarios: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """Total EMV of the same campaigns under several choices of reference rates.

    ``scenarios`` maps a name to ``(cpm_rate, cpe_rate)`` (USD per 1,000 impressions, USD per
    engagement). Columns ``cpm_rate``, ``cpe_rate``, ``emv_usd`` (total), ``revenue_usd`` (total, the
    same in every row) and ``emv_to_revenue`` (ratio), one row per scenario.
    """
    revenue = float(campaigns["revenue_usd"].sum())
    rows = []
    for name, (cpm_rate, cpe_rate) in scenarios.items():
        total = float(emv_vs_revenue(campaigns, cpm_rate, cpe_rate)["emv_usd"].sum())
        rows.append(
            {
                "scenario": name,
                "cpm_rate": cpm_rate,
                "cpe_rate": cpe_rate,
                "emv_usd": total,
                "revenue_usd": revenue,
                "emv_to_revenue": total / revenue if revenue > 0 else np.nan,
            }
        )
    return pd.DataFrame(rows).set_index("scenario")


#: How :func:`attribution_by_platform` is shown to learners (:func:`helpers.tables.show`).
ATTRIBUTION_COLUMNS: dict[str, Column] = {
    "clicks": Column("clicks", fmt="count"),
    "conversions": Column("conversions", fmt="count"),
    "promo_code_uses": Column("promo-code uses", fmt="count"),
    "link_only": Column("link only", fmt="count"),
    "promo_share_pct": Column("code share", "%", "percent"),
    "conversion_rate_pct": Column("conversion rate", "%", "percent2"),
    "cpa_usd": Column("CPA", "USD", "usd"),
    "cpa_codes_only_usd": Column("CPA, codes only", "USD", "usd"),
}


def attribution_by_platform(costs: pd.DataFrame) -> pd.DataFrame:
    """Where attributed conversions come from, per platform (pooled over campaigns).

    ``costs`` is :func:`campaign_costs` output (or campaigns with a ``platform`` column). Columns:
    ``clicks``, ``conversions``, ``promo_code_uses`` (counts), ``link_only`` (conversions without the
    code), ``promo_share_pct`` (code uses / conversions x 100), ``conversion_rate_pct`` (conversions
    / clicks x 100), ``cpa_usd`` (fees / all conversions) and ``cpa_codes_only_usd`` (fees / code
    uses: what CPA looks like when only promo codes are counted).
    """
    grouped = costs.groupby("platform", observed=True)
    sums = grouped[["fee_usd", "clicks", "conversions", "promo_code_uses"]].sum()
    out = sums[["clicks", "conversions", "promo_code_uses"]].copy()
    out["link_only"] = sums["conversions"] - sums["promo_code_uses"]
    out["promo_share_pct"] = metrics.engagement_rate(sums["promo_code_uses"], sums["conversions"])
    out["conversion_rate_pct"] = metrics.conversion_rate(sums["conversions"], sums["clicks"])
    out["cpa_usd"] = metrics.cpa(sums["fee_usd"], sums["conversions"])
    out["cpa_codes_only_usd"] = metrics.cpa(sums["fee_usd"], sums["promo_code_uses"])
    return out


def flag_hit_rates(influencers: pd.DataFrame, platform: str = "instagram") -> pd.DataFrame:
    """How often each audience-quality flag fires for creators who bought followers and for those who
    did not (the synthetic data's ground truth, ``has_bought_followers``), in percent.

    ``platform`` keeps one platform (``"all"`` keeps every creator); the default is Instagram because
    the ER flags compare with Instagram benchmarks (HypeAuditor 2018), which TikTok's higher rates
    would trip. Rows: :data:`FLAG_LABELS` values plus ``"any flag"``; columns ``bought_pct`` and
    ``did_not_buy_pct`` (share of each group flagged). A missing flag counts as not raised.
    """
    if platform != "all":
        influencers = influencers[influencers["platform"].astype(str) == platform]
    if influencers.empty:
        raise ValueError(f"no creators on platform {platform!r}")
    er = metrics.er_by_followers(
        influencers["avg_likes"], influencers["avg_comments"], influencers["followers"]
    )
    flags = metrics.audience_quality_flags(
        influencers["followers"],
        following=influencers["following"],
        authenticity=influencers["audience_authenticity"],
        er_pct=er,
    )
    bought = influencers["has_bought_followers"].astype(bool).to_numpy()
    rows = {}
    for column, label in {**FLAG_LABELS, "any_flag": "any flag"}.items():
        raised = flags[column].fillna(False).to_numpy(dtype=bool)
        rows[label] = {
            "bought_pct": 100.0 * raised[bought].mean() if bought.any() else np.nan,
            "did_not_buy_pct": 100.0 * raised[~bought].mean() if (~bought).any() else np.nan,
        }
    out = pd.DataFrame(rows).T
    out.index.name = "flag"
    return out


def disclosure_by_creator(posts: pd.DataFrame) -> pd.DataFrame:
    """Per creator with at least one sponsored post: ``sponsored`` and ``disclosed`` post counts and
    ``disclosed_pct`` (disclosed / sponsored x 100)."""
    sponsored = posts[posts["sponsored"].astype(bool)]
    grouped = sponsored.groupby("influencer_id")
    out = pd.DataFrame({"sponsored": grouped.size(), "disclosed": grouped["disclosed"].sum().astype("int64")})
    out["disclosed_pct"] = metrics.engagement_rate(out["disclosed"], out["sponsored"])
    return out


def disclosure_summary(posts: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    """Per platform (and ``"all"``): sponsored posts, the share disclosed, and the share of creators
    who disclosed every sponsored post.

    Columns ``sponsored_posts`` (count), ``disclosed_pct`` (disclosed sponsored posts / sponsored
    posts x 100; organic posts are not in the denominator: they have nothing to disclose),
    ``creators`` (with a sponsored post) and ``fully_compliant_pct`` (creators who disclosed all).
    """
    per_creator = disclosure_by_creator(posts).join(
        influencers.set_index("influencer_id")["platform"].astype(str), how="inner"
    )

    def summarise(group: pd.DataFrame) -> dict[str, float]:
        return {
            "sponsored_posts": float(group["sponsored"].sum()),
            "disclosed_pct": float(
                metrics.engagement_rate(group["disclosed"].sum(), group["sponsored"].sum())
            ),
            "creators": float(len(group)),
            "fully_compliant_pct": 100.0 * float((group["disclosed"] == group["sponsored"]).mean()),
        }

    rows = {platform: summarise(group) for platform, group in per_creator.groupby("platform")}
    rows["all"] = summarise(per_creator)
    out = pd.DataFrame(rows).T
    out.index.name = "platform"
    return out.astype({"sponsored_posts": "int64", "creators": "int64"})


def benchmark_value(benchmarks: pd.DataFrame, key: str) -> float:
    """The published figure stored under ``key`` in the benchmarks table (its unit is in the row).

    Raises ``KeyError`` naming similar keys when ``key`` is not there.
    """
    rows = benchmarks.loc[benchmarks["key"].astype(str) == key, "value"]
    if rows.empty:
        stem = key.split("_")[0]
        similar = sorted(k for k in benchmarks["key"].astype(str) if k.startswith(stem))[:8]
        raise KeyError(f"no benchmark {key!r}; similar keys: {similar}")
    return float(rows.iloc[0])


def simulate_fakes(creator: pd.Series, fakes: int, follow_back_pct: float) -> pd.DataFrame:
    """The creator's audience numbers before and after buying ``fakes`` fake followers.

    Rows ``before`` / ``after``; columns ``followers``, ``real_followers``, ``fake_followers``,
    ``following`` (counts), ``authenticity`` (fraction real), ``er_pct`` (ER by followers, percent,
    likes + comments per post), ``er_real_pct`` (ER on real followers, percent; unchanged) and
    ``band_median_er_pct`` (HypeAuditor 2018 median ER of the follower band).
    """
    followers = float(creator["followers"])
    real = float(metrics.real_followers(followers, float(creator["audience_authenticity"])))
    engagements = float(creator["avg_likes"] + creator["avg_comments"])
    after_followers = followers + fakes
    frame = pd.DataFrame(
        {
            "followers": [followers, after_followers],
            "real_followers": [real, real],
            "following": [
                float(creator["following"]),
                float(creator["following"]) + fakes * follow_back_pct / 100,
            ],
        },
        index=pd.Index(["before", "after"], name="state"),
    )
    frame["fake_followers"] = frame["followers"] - frame["real_followers"]
    frame["authenticity"] = (frame["real_followers"] / frame["followers"]).clip(0.0, 1.0)
    frame["er_pct"] = metrics.engagement_rate(engagements, frame["followers"])
    frame["er_real_pct"] = metrics.engagement_rate(engagements, frame["real_followers"])
    frame["band_median_er_pct"] = metrics.reference_er(frame["followers"])
    return frame


@dataclass(frozen=True)
class FakeFollowerPurchase:
    """What buying fake followers does to one creator's audit figures (:func:`buy_fakes`).

    Attributes:
        fakes: fake followers bought (count).
        sim: :func:`simulate_fakes` output (rows ``before`` / ``after``).
        flags: :func:`helpers.metrics.audience_quality_flags` of both states (same rows).
        tiers: the creator's Mediakix tier before and after.
        new_flags: keys of the flags raised after the purchase and not before.
        price_low_usd, price_high_usd: price of 1,000 fake followers, USD (low, high).
    """

    fakes: int
    sim: pd.DataFrame
    flags: pd.DataFrame
    tiers: tuple[str, str]
    new_flags: list[str]
    price_low_usd: float
    price_high_usd: float

    @property
    def cost_low_usd(self) -> float:
        """What the fakes cost at the low price, USD."""
        return self.fakes / 1000 * self.price_low_usd

    @property
    def cost_high_usd(self) -> float:
        """What the fakes cost at the high price, USD."""
        return self.fakes / 1000 * self.price_high_usd

    def numbers(self) -> dict[str, float]:
        """The figures by name: ``followers_before/after``, ``er_before_pct/after_pct`` (percent),
        ``authenticity_before/after`` (fractions), ``following_after``, ``flags_before/after``
        (counts), ``cost_low_usd`` / ``cost_high_usd``."""
        before, after = self.sim.loc["before"], self.sim.loc["after"]
        return {
            "followers_before": float(before["followers"]),
            "followers_after": float(after["followers"]),
            "er_before_pct": float(before["er_pct"]),
            "er_after_pct": float(after["er_pct"]),
            "authenticity_before": float(before["authenticity"]),
            "authenticity_after": float(after["authenticity"]),
            "following_after": float(after["following"]),
            "flags_before": float(self.flags.loc["before", "n_flags"]),
            "flags_after": float(self.flags.loc["after", "n_flags"]),
            "cost_low_usd": self.cost_low_usd,
            "cost_high_usd": self.cost_high_usd,
        }


def buy_fakes(
    creator: pd.Series, fakes: int, follow_back_pct: float, price_low_usd: float, price_high_usd: float
) -> FakeFollowerPurchase:
    """Buy ``fakes`` fake followers for ``creator`` (following back ``follow_back_pct`` percent of them)
    at ``price_low_usd``-``price_high_usd`` per 1,000, and recompute the audience-quality flags."""
    sim = simulate_fakes(creator, fakes, follow_back_pct)
    flags = metrics.audience_quality_flags(
        sim["followers"].to_numpy(),
        following=sim["following"].to_numpy(),
        authenticity=sim["authenticity"].to_numpy(),
        er_pct=sim["er_pct"].to_numpy(),
    )
    flags.index = sim.index
    tiers = tuple(str(metrics.assign_tier(v, "mediakix")) for v in sim["followers"])
    new_flags = [k for k in FLAG_LABELS if bool(flags.loc["after", k]) and not bool(flags.loc["before", k])]
    return FakeFollowerPurchase(
        fakes, sim, flags, (tiers[0], tiers[1]), new_flags, price_low_usd, price_high_usd
    )
