"""Who the creators are and who posts sponsored content (lesson 01, "What influencer marketing is").

Pure functions on the bundled tables (or your own tables in the same format) plus small drawing
functions that take a Matplotlib ``Axes`` and return it, in the course's house style.

Units: counts are numbers of creators or posts; every ``*_pct`` value is a percentage (0-100).
Follower size bands for sponsored posts follow HYPR's report (Q4 2016): under 100K, 100K-1M and
1M or more followers (lower bound inclusive, like every tier in :mod:`helpers.metrics`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .. import metrics, plots

__all__ = [
    "HYPR_BANDS",
    "HYPR_KEYS",
    "LABELS",
    "campaign_overview",
    "creator_overview",
    "follower_histogram",
    "format_mix",
    "hypr_benchmark",
    "plot_follower_histogram",
    "plot_format_mix",
    "plot_size_split",
    "plot_sponsored_share_by_tier",
    "plot_tier_counts",
    "readable",
    "size_band",
    "size_split",
    "sponsored_posts_by_size",
    "sponsored_share_by_tier",
    "tier_counts_by_scheme",
    "tier_scheme_ranges",
]

#: HYPR's follower size bands (labels, lowest first) and their lower bounds (inclusive).
HYPR_BANDS: tuple[str, ...] = ("under 100K", "100K-1M", "1M+")
_HYPR_BOUNDS: tuple[float, ...] = (0, 100_000, 1_000_000, math.inf)
#: Keys of the HYPR rows in the ``benchmarks`` table, in the order of :data:`HYPR_BANDS`.
HYPR_KEYS: tuple[str, ...] = (
    "sponsored_posts_pct_under_100k",
    "sponsored_posts_pct_100k_1m",
    "sponsored_posts_pct_over_1m",
)


#: Readable labels for the headline figures of :func:`creator_overview` and :func:`campaign_overview`.
LABELS: dict[str, str] = {
    "creators": "creators",
    "celebrities": "celebrities (famous offline)",
    "celebrity_pct": "celebrities, % of creators",
    "median_followers": "median followers",
    "under_10k_pct": "creators under 10K followers, %",
    "under_100k_pct": "creators under 100K followers, %",
    "campaigns": "campaigns (one brand + one creator each)",
    "brands": "brands",
    "long_term_pct": "long-term partnerships, % of campaigns",
    "median_posts_per_campaign": "median sponsored posts per campaign",
    "awareness_goal_pct": "goal: awareness, % of campaigns",
    "consideration_goal_pct": "goal: consideration, % of campaigns",
    "conversion_goal_pct": "goal: conversion, % of campaigns",
}


def readable(figures: pd.Series, column: str = "course data (synthetic)") -> pd.DataFrame:
    """Headline figures as a one-column table with readable labels and formatted values.

    Percentages (keys ending in ``_pct``) get one decimal and a % sign, other values thousands
    separators - the same formatting the figure titles use, so a table and a title never disagree.
    """
    values = [f"{value:.1f}%" if key.endswith("_pct") else f"{value:,.0f}" for key, value in figures.items()]
    labels = [LABELS.get(str(key), str(key)) for key in figures.index]
    return pd.DataFrame({column: values}, index=pd.Index(labels, name=""))


# --------------------------------------------------------------------------------------------------
# Creators: size and fame
# --------------------------------------------------------------------------------------------------
def creator_overview(influencers: pd.DataFrame) -> pd.Series:
    """Headline figures about the creators: how many, how many are famous offline, how big.

    Returns a Series with ``creators`` (count), ``celebrities`` (count), ``celebrity_pct`` (percent
    of creators famous offline), ``median_followers`` (followers), ``under_10k_pct`` and
    ``under_100k_pct`` (percent of creators with fewer than 10,000 / 100,000 followers).
    """
    followers = influencers["followers"]
    celebrities = int(influencers["is_celebrity"].sum())
    n = len(influencers)
    return pd.Series(
        {
            "creators": n,
            "celebrities": celebrities,
            "celebrity_pct": 100 * celebrities / n if n else np.nan,
            "median_followers": float(followers.median()),
            "under_10k_pct": 100 * float((followers < 10_000).mean()),
            "under_100k_pct": 100 * float((followers < 100_000).mean()),
        }
    )


def follower_histogram(influencers: pd.DataFrame, bins_per_decade: int = 4) -> pd.DataFrame:
    """Creators per follower bin (log-spaced), split into celebrities and other creators.

    Bins are ``bins_per_decade`` equal steps in log10(followers) from the decade below the smallest
    account to the decade above the largest. Returns one row per bin: ``lower`` and ``upper``
    (followers; lower inclusive), ``other creators`` and ``celebrities`` (counts).
    """
    followers = influencers["followers"].astype(float).clip(lower=1)
    lo = math.floor(np.log10(followers.min()))
    hi = math.ceil(np.log10(followers.max())) if len(followers) else lo + 1
    hi = max(hi, lo + 1)
    edges = np.logspace(lo, hi, (hi - lo) * bins_per_decade + 1)
    celeb = influencers["is_celebrity"].astype(bool).to_numpy()
    others, _ = np.histogram(followers[~celeb], bins=edges)
    celebs, _ = np.histogram(followers[celeb], bins=edges)
    table = pd.DataFrame(
        {"lower": edges[:-1], "upper": edges[1:], "other creators": others, "celebrities": celebs}
    )
    filled = np.flatnonzero((others + celebs) > 0)
    if len(filled):  # drop empty bins at both ends
        table = table.iloc[filled[0] : filled[-1] + 1].reset_index(drop=True)
    return table


def plot_follower_histogram(ax: Axes, influencers: pd.DataFrame) -> Axes:
    """Stacked histogram of followers (log axis): celebrities vs other creators, finding in the title."""
    table = follower_histogram(influencers)
    overview = creator_overview(influencers)
    plots.style_axes(ax)
    widths = table["upper"] - table["lower"]
    bottom = np.zeros(len(table))
    for i, column in enumerate(("other creators", "celebrities")):
        ax.bar(
            table["lower"],
            table[column],
            width=widths,
            bottom=bottom,
            align="edge",
            label=column,
            color=plots.PALETTE[i],
            hatch=plots.HATCHES[i],
            edgecolor="#333333",
            linewidth=0.6,
        )
        bottom = bottom + table[column].to_numpy()
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(plots.HUMAN)
    ax.set_xlabel("followers (log scale)")
    ax.set_ylabel("creators")
    ax.legend(loc="upper right")
    plots.set_title(
        ax,
        f"Only {overview['celebrity_pct']:.1f}% are famous offline; "
        f"half have < {plots.human_number(overview['median_followers'])} followers",
        f"{int(overview['creators']):,} creators, synthetic course data",
    )
    return ax


# --------------------------------------------------------------------------------------------------
# Tiers
# --------------------------------------------------------------------------------------------------
def _range_text(lower: int, upper: float | None) -> str:
    low = plots.human_number(lower)
    if upper is None or pd.isna(upper):
        return f"{low}+"
    return f"{low}-{plots.human_number(float(upper))}"


def tier_scheme_ranges() -> pd.DataFrame:
    """The follower range of every tier under every scheme, as text ("10K-50K"; lower bound included).

    Rows: tier labels nano .. mega; columns: scheme names (Mediakix, Later x Fohr (2021), HypeAuditor).
    """
    long = metrics.tier_scheme_table()
    long["range"] = [_range_text(lo, up) for lo, up in zip(long["lower"], long["upper"], strict=True)]
    wide = long.pivot(index="tier", columns="scheme_name", values="range")
    wide = wide.reindex(columns=[s.name for s in metrics.TIER_SCHEMES.values()])
    wide.index = wide.index.astype(str)
    wide.columns.name = None
    return wide


def tier_counts_by_scheme(followers: pd.Series) -> pd.DataFrame:
    """Creators per tier under every scheme: rows are the six tier labels, columns the scheme names."""
    counts = {s.name: metrics.tier_counts(followers, key) for key, s in metrics.TIER_SCHEMES.items()}
    table = pd.DataFrame(counts)
    table.index = table.index.astype(str)
    table.index.name = "tier"
    return table


def plot_tier_counts(ax: Axes, followers: pd.Series) -> Axes:
    """Grouped bars: creators per tier under each scheme; the title gives the range of 'micro'."""
    table = tier_counts_by_scheme(followers)
    plots.bar_groups(
        ax, list(table.index), {c: table[c].to_numpy() for c in table.columns}, ylabel="creators"
    )
    micro = table.loc["micro"]
    plots.set_title(
        ax,
        f"'Micro' covers {micro.min():,} to {micro.max():,} creators, by scheme",
        "synthetic course data; cut-offs from Mediakix, Later x Fohr 2021, HypeAuditor 2018",
    )
    return ax


# --------------------------------------------------------------------------------------------------
# Sponsored content inside the creator's feed
# --------------------------------------------------------------------------------------------------
def _with_followers(posts: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    columns = ["influencer_id", "followers", "platform"]
    return posts.merge(influencers[columns], on="influencer_id", how="inner", validate="many_to_one")


def format_mix(posts: pd.DataFrame) -> pd.DataFrame:
    """Share of each post format among organic and among sponsored posts, in percent.

    Rows: formats (image, carousel, reel, video, short); columns ``organic`` and ``sponsored``, each
    summing to 100.
    """
    kind = posts["sponsored"].map({True: "sponsored", False: "organic"})
    table = pd.crosstab(posts["format"].astype(str), kind, normalize="columns") * 100
    formats = [f for f in ("image", "carousel", "reel", "video", "short") if f in table.index]
    table = table.reindex(index=formats + [f for f in table.index if f not in formats])
    table = table.reindex(columns=["organic", "sponsored"], fill_value=0.0)
    table.index.name = "format"
    table.columns.name = None
    return table


def plot_format_mix(ax: Axes, posts: pd.DataFrame) -> Axes:
    """Grouped bars of :func:`format_mix`; the title gives the largest gap in points."""
    table = format_mix(posts)
    plots.bar_groups(
        ax,
        list(table.index),
        {c: table[c].to_numpy() for c in table.columns},
        ylabel="% of posts",
        value_format="{:.0f}%",
    )
    gap = float((table["sponsored"] - table["organic"]).abs().max())
    plots.set_title(
        ax,
        "Sponsored posts come in the creators' usual formats",
        f"{len(posts):,} posts; mix within {math.ceil(gap)} points of organic; synthetic course data",
    )
    return ax


def sponsored_share_by_tier(
    posts: pd.DataFrame, influencers: pd.DataFrame, scheme: str = "mediakix"
) -> pd.DataFrame:
    """Per follower tier: posts, sponsored posts and the sponsored share of posts (percent).

    Tiers under ``scheme`` (see :func:`helpers.metrics.assign_tier`); tiers with no posts are left out.
    """
    joined = _with_followers(posts, influencers)
    tier = metrics.assign_tier(joined["followers"], scheme)
    table = joined.groupby(tier, observed=True).agg(
        posts=("post_id", "size"), sponsored_posts=("sponsored", "sum")
    )
    table["sponsored_pct"] = 100 * table["sponsored_posts"] / table["posts"]
    table.index = table.index.astype(str)
    table.index.name = "tier"
    return table


def plot_sponsored_share_by_tier(ax: Axes, posts: pd.DataFrame, influencers: pd.DataFrame) -> Axes:
    """Bars: sponsored share of posts per Mediakix tier; the title gives the highest share."""
    table = sponsored_share_by_tier(posts, influencers)
    plots.bar_groups(
        ax,
        list(table.index),
        {"sponsored posts": table["sponsored_pct"].to_numpy()},
        ylabel="% of the tier's posts",
        value_format="{:.0f}%",
    )
    top = float(table["sponsored_pct"].max())
    plots.set_title(
        ax,
        f"Even the most commercial tier keeps {100 - top:.0f}% of posts its own",
        "share of posts that are sponsored, Mediakix tiers; synthetic course data",
    )
    return ax


def campaign_overview(campaigns: pd.DataFrame) -> pd.Series:
    """Headline figures about the collaborations: campaigns, brands, creators, long-term share (%),
    median posts per campaign and the goals' shares (percent)."""
    goals = campaigns["goal"].astype(str).value_counts(normalize=True) * 100
    out = {
        "campaigns": len(campaigns),
        "brands": campaigns["brand"].nunique(),
        "creators": campaigns["influencer_id"].nunique(),
        "long_term_pct": 100 * float((campaigns["partnership"].astype(str) == "long_term").mean()),
        "median_posts_per_campaign": float(campaigns["n_posts"].median()),
    }
    for goal in ("awareness", "consideration", "conversion"):
        out[f"{goal}_goal_pct"] = float(goals.get(goal, 0.0))
    return pd.Series(out)


# --------------------------------------------------------------------------------------------------
# Who posts sponsored content: HYPR's bands
# --------------------------------------------------------------------------------------------------
def size_band(followers: pd.Series) -> pd.Series:
    """HYPR's size band of each account: 'under 100K', '100K-1M' or '1M+' (ordered categorical)."""
    return pd.cut(followers, list(_HYPR_BOUNDS), right=False, labels=list(HYPR_BANDS))


def sponsored_posts_by_size(
    posts: pd.DataFrame,
    influencers: pd.DataFrame,
    *,
    platform: str | None = "instagram",
    disclosed_only: bool = True,
) -> pd.Series:
    """Share of sponsored posts published by accounts in each HYPR size band, in percent.

    HYPR counted *disclosed* sponsored *Instagram* posts (the defaults); pass ``platform=None`` for
    every platform and ``disclosed_only=False`` to count undisclosed sponsored posts too. Returns a
    Series indexed by :data:`HYPR_BANDS` summing to 100 (NaN if no post qualifies).
    """
    joined = _with_followers(posts, influencers)
    mask = joined["sponsored"].astype(bool)
    if disclosed_only:
        mask &= joined["disclosed"].astype(bool)
    if platform is not None:
        mask &= joined["platform"].astype(str) == platform
    selected = joined[mask]
    counts = size_band(selected["followers"]).value_counts().reindex(list(HYPR_BANDS), fill_value=0)
    total = counts.sum()
    share = counts / total * 100 if total else counts * np.nan
    return share.rename("sponsored_posts_pct").rename_axis("size band")


def size_split(influencers: pd.DataFrame, platform: str | None = "instagram") -> pd.Series:
    """Share of creators in each HYPR size band, in percent (optionally one platform)."""
    selected = influencers
    if platform is not None:
        selected = influencers[influencers["platform"].astype(str) == platform]
    counts = size_band(selected["followers"]).value_counts().reindex(list(HYPR_BANDS), fill_value=0)
    return (counts / max(int(counts.sum()), 1) * 100).rename("creators_pct").rename_axis("size band")


def hypr_benchmark(benchmarks: pd.DataFrame) -> pd.DataFrame:
    """HYPR's published split of disclosed sponsored Instagram posts by account size (Q4 2016).

    Read from the ``benchmarks`` table so that the source travels with the number: one row per size
    band with ``value`` (percent), ``source``, ``year``, ``confidence`` (P = read in the primary
    source) and ``is_vendor_estimate`` (HYPR sells influencer-marketing software).
    """
    rows = benchmarks.set_index("key").loc[list(HYPR_KEYS)]
    table = rows[["value", "unit", "source", "year", "confidence", "is_vendor_estimate"]].copy()
    table.index = pd.Index(list(HYPR_BANDS), name="size band")
    return table


def plot_size_split(
    ax: Axes, influencers: pd.DataFrame, benchmarks: pd.DataFrame, platform: str = "instagram"
) -> Axes:
    """Bars per size band: share of the bundled creators vs HYPR's share of sponsored posts."""
    creators = size_split(influencers, platform)
    hypr = hypr_benchmark(benchmarks)["value"]
    plots.bar_groups(
        ax,
        list(HYPR_BANDS),
        {
            f"{platform.capitalize()} creators in the course data (synthetic)": creators.to_numpy(),
            "disclosed sponsored IG posts, HYPR Q4 2016 (vendor)": hypr.to_numpy(),
        },
        ylabel="% of the total",
        value_format="{:.0f}%",
    )
    plots.set_title(
        ax,
        f"Accounts under 100K made {hypr.iloc[0]:.0f}% of sponsored posts (HYPR)",
        "published figure: HYPR, disclosed sponsored Instagram posts, Q4 2016",
    )
    return ax
