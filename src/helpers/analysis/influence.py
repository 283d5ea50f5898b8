"""What makes someone an influencer (lesson 02, "Who is an influencer").

Influence here is the power to change what an audience buys. The bundled (synthetic) creators carry
four 0-10 ratings for where that power comes from -- authority, knowledge, position and relationship
-- and the ``niches`` table sizes each niche's audience per platform, so a following can be read
relative to its niche rather than as a raw count.

Pure functions on the bundled tables (or your own tables in the same format) plus small drawing
functions that take a Matplotlib ``Axes`` and return it, in the course's house style.

Units: ``*_pct`` values are percentages (0-100); scores are ratings from 0 to 10; ``engaged``
means likes + comments per post (an account's average); money is USD.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .. import metrics, plots

__all__ = [
    "ER_BENCHMARK_KEYS",
    "SOURCES_OF_POWER",
    "NicheRanking",
    "celebrity_comparison",
    "conversions_by_fame",
    "engaged_niche_audience",
    "engagement_by_band",
    "equivalent_followers",
    "niche_reach_table",
    "niche_sizes",
    "plot_celebrity_engagement",
    "plot_celebrity_profile",
    "plot_engagement_by_band",
    "plot_power_by_tier",
    "plot_same_followers",
    "power_by_tier",
    "rank_niche",
    "same_followers_share",
]

#: The four sources of influence: column in the influencers table -> label.
SOURCES_OF_POWER: dict[str, str] = {
    "authority_score": "authority",
    "knowledge_score": "knowledge",
    "position_score": "position",
    "relationship_score": "relationship",
}
#: Keys of HypeAuditor's median Instagram ER per follower band in the ``benchmarks`` table, in the
#: order of the HypeAuditor tiers (below nano = 0-1K, nano = 1-5K, ..., mega = 1M+).
ER_BENCHMARK_KEYS: tuple[str, ...] = (
    "ig_er_median_pct_0_1k",
    "ig_er_median_pct_1k_5k",
    "ig_er_median_pct_5k_20k",
    "ig_er_median_pct_20k_100k",
    "ig_er_median_pct_100k_1m",
    "ig_er_median_pct_1m_plus",
)
CELEBRITY = "celebrities"
OTHERS = "other creators"


# --------------------------------------------------------------------------------------------------
# Four sources of power
# --------------------------------------------------------------------------------------------------
def power_by_tier(influencers: pd.DataFrame, scheme: str = "mediakix") -> pd.DataFrame:
    """Median of each source-of-power score (0-10) per follower tier under ``scheme``.

    Rows: tiers present in the data, lowest first; columns: authority, knowledge, position,
    relationship, and ``creators`` (count).
    """
    tier = metrics.assign_tier(influencers["followers"], scheme)
    scores = influencers[list(SOURCES_OF_POWER)].rename(columns=SOURCES_OF_POWER)
    table = scores.groupby(tier, observed=True).median()
    table["creators"] = tier.value_counts().reindex(table.index).to_numpy()
    table.index = table.index.astype(str)
    table.index.name = "tier"
    return table


def plot_power_by_tier(ax: Axes, influencers: pd.DataFrame) -> Axes:
    """Grouped bars: median score per Mediakix tier; the title gives the fall of relationship."""
    table = power_by_tier(influencers)
    labels = list(SOURCES_OF_POWER.values())
    plots.bar_groups(
        ax,
        list(table.index),
        {label: table[label].to_numpy() for label in labels},
        ylabel="median score (0-10)",
        value_format="{:.0f}",
    )
    ax.set_ylim(0, 12)
    ax.legend(loc="upper center", ncols=4)
    first, last = table.index[0], table.index[-1]
    start, end = table.loc[first, "relationship"], table.loc[last, "relationship"]
    trend = "falls" if end < start else "rises"
    plots.set_title(
        ax,
        f"Relationship {trend} from {start:.1f} ({first}) to {end:.1f} ({last})",
        "median rating per Mediakix tier; synthetic course data",
    )
    return ax


# --------------------------------------------------------------------------------------------------
# An engaged following
# --------------------------------------------------------------------------------------------------
def engagement_by_band(
    influencers: pd.DataFrame, benchmarks: pd.DataFrame, platform: str = "instagram"
) -> pd.DataFrame:
    """Median engagement rate by followers per HypeAuditor band, beside HypeAuditor's published median.

    ER = (avg_likes + avg_comments) / followers x 100 (percent). Bands are the HypeAuditor tiers
    (0-1K "below nano", 1-5K, 5-20K, 20-100K, 100K-1M, 1M+), the bands of its March 2018 benchmark
    of ~37K Instagram accounts, read from ``benchmarks`` with its source. Columns: ``creators``,
    ``er_median_pct`` (synthetic), ``hypeauditor_median_pct`` and ``source``.
    """
    selected = influencers[influencers["platform"].astype(str) == platform]
    er = metrics.er_by_followers(selected["avg_likes"], selected["avg_comments"], selected["followers"])
    tier = metrics.assign_tier(selected["followers"], "hypeauditor")
    labels = list(metrics.tier_labels("hypeauditor"))
    grouped = er.groupby(tier, observed=False)
    table = pd.DataFrame({"creators": grouped.size(), "er_median_pct": grouped.median()})
    table.index = table.index.astype(str)
    table = table.reindex(labels)
    rows = benchmarks.set_index("key").loc[list(ER_BENCHMARK_KEYS)]
    table["hypeauditor_median_pct"] = rows["value"].to_numpy()
    table["source"] = rows["source"].to_numpy()
    bounds = metrics.TIER_SCHEMES["hypeauditor"].lower_bounds
    ranges = ["0-1K"] + [
        f"{plots.human_number(lo)}-{plots.human_number(hi)}" for lo, hi in itertools.pairwise(bounds)
    ]
    table.index = pd.Index(
        [f"{t} ({r})" for t, r in zip(labels, [*ranges, "1M+"], strict=False)], name="band"
    )
    return table


def plot_engagement_by_band(
    ax: Axes, influencers: pd.DataFrame, benchmarks: pd.DataFrame, platform: str = "instagram"
) -> Axes:
    """Grouped bars: synthetic median ER per band beside HypeAuditor's 2018 median."""
    table = engagement_by_band(influencers, benchmarks, platform)
    short = [label.split(" (")[1].rstrip(")") for label in table.index]
    plots.bar_groups(
        ax,
        short,
        {
            "course data (synthetic)": table["er_median_pct"].to_numpy(),
            "HypeAuditor 2018 median (vendor)": table["hypeauditor_median_pct"].to_numpy(),
        },
        ylabel="median ER by followers (%)",
        value_format="{:.1f}",
    )
    ax.set_xlabel("followers")
    known = table["er_median_pct"].dropna()
    first, last = known.iloc[0], known.iloc[-1]
    finding = (
        f"The smallest accounts engage {first / last:.0f}x more of their followers"
        if first > last
        else "Engagement per follower does not fall with size here"
    )
    plots.set_title(
        ax,
        finding,
        f"{platform.capitalize()}: (likes + comments) / followers; HypeAuditor blog, March 2018",
    )
    return ax


# --------------------------------------------------------------------------------------------------
# Size relative to the niche
# --------------------------------------------------------------------------------------------------
def niche_reach_table(influencers: pd.DataFrame, niches: pd.DataFrame) -> pd.DataFrame:
    """Every creator with the size of their niche's audience on their platform.

    Adds ``niche_audience`` (people), ``niche_share_pct`` (followers / niche audience x 100, see
    :func:`helpers.metrics.niche_penetration`), ``engaged_per_post`` (avg likes + comments),
    ``engaged_share_pct`` (engaged_per_post / niche audience x 100), ``er_pct`` (ER by followers)
    and ``largest_niche_audience`` (the biggest niche on the creator's platform, people).
    Creators whose (niche, platform) is not in ``niches`` are dropped. The index is kept.
    """
    keys = niches.assign(
        niche=niches["niche"].astype(str), platform=niches["platform"].astype(str)
    ).set_index(["niche", "platform"])["niche_audience"]
    largest = keys.groupby(level="platform").max()
    pairs = pd.MultiIndex.from_arrays(
        [influencers["niche"].astype(str), influencers["platform"].astype(str)], names=["niche", "platform"]
    )
    audience = keys.reindex(pairs).to_numpy(dtype=float)
    table = influencers.assign(niche_audience=audience).dropna(subset=["niche_audience"])
    table["largest_niche_audience"] = largest.reindex(table["platform"].astype(str)).to_numpy(dtype=float)
    table["niche_share_pct"] = metrics.niche_penetration(table["followers"], table["niche_audience"])
    table["engaged_per_post"] = table["avg_likes"] + table["avg_comments"]
    table["engaged_share_pct"] = metrics.niche_penetration(table["engaged_per_post"], table["niche_audience"])
    table["er_pct"] = metrics.er_by_followers(table["avg_likes"], table["avg_comments"], table["followers"])
    return table


def equivalent_followers(niche_share_pct: float, niche_audience: float) -> float:
    """Followers needed to hold ``niche_share_pct`` percent of a niche of ``niche_audience`` people."""
    return float(niche_share_pct) / 100.0 * float(niche_audience)


@dataclass(frozen=True)
class NicheRanking:
    """The top creators of a niche and platform by one measure (:func:`rank_niche`).

    Attributes:
        creators: creators in the selection (count).
        ranked: the top rows of the reach table by the measure (ties by followers), at most ``top_n``.
        overlap: how many of them are also in the top ``top_n`` by raw followers.
        medians: median score (0-10) of each source of influence in the selection, by its label.
    """

    creators: int
    ranked: pd.DataFrame
    overlap: int
    medians: dict[str, float]


def rank_niche(
    reach: pd.DataFrame, column: str, niche: str | None = None, platform: str | None = None, top_n: int = 8
) -> NicheRanking:
    """Rank the creators of ``niche`` on ``platform`` (``None``: every one) by ``column`` of
    :func:`niche_reach_table`, largest first. An empty selection gives ``creators == 0`` and an empty
    ``ranked``."""
    mask = np.ones(len(reach), dtype=bool)
    if niche is not None:
        mask &= (reach["niche"].astype(str) == niche).to_numpy()
    if platform is not None:
        mask &= (reach["platform"].astype(str) == platform).to_numpy()
    rows = np.flatnonzero(mask)  # positions of the selection (numpy: fast on every update)
    if not len(rows):
        return NicheRanking(0, reach.iloc[:0], 0, {})
    values = reach[column].to_numpy(dtype=float)[rows]
    followers = reach["followers"].to_numpy(dtype=float)[rows]
    top = rows[np.lexsort((-followers, -values))[:top_n]]  # by the ranking, ties by followers
    top_by_followers = rows[np.argsort(-followers, kind="stable")[:top_n]]
    pool = reach[list(SOURCES_OF_POWER)].to_numpy(dtype=float)[rows]
    medians = dict(zip(SOURCES_OF_POWER.values(), np.median(pool, axis=0).tolist(), strict=True))
    overlap = len(set(top.tolist()) & set(top_by_followers.tolist()))
    return NicheRanking(len(rows), reach.iloc[top], overlap, medians)


def niche_sizes(niches: pd.DataFrame) -> pd.DataFrame:
    """Each niche's audience per platform in **millions of people** (niches x platforms, whole numbers),
    largest niche on the first platform first."""
    wide = niches.pivot_table(index="niche", columns="platform", values="niche_audience", observed=True)
    wide = (wide / 1e6).round().astype("Int64")  # <NA> where a niche is missing on a platform
    wide.index = wide.index.astype(str)
    wide.columns = [f"{c} (millions)" for c in wide.columns.astype(str)]
    return wide.sort_values(wide.columns[0], ascending=False)


def same_followers_share(niches: pd.DataFrame, followers: float = 100_000) -> pd.DataFrame:
    """What ``followers`` followers are as a share of every niche (percent): niches x platforms."""
    table = niches.assign(share_pct=metrics.niche_penetration(followers, niches["niche_audience"]))
    wide = table.pivot_table(index="niche", columns="platform", values="share_pct", observed=True)
    wide.index = wide.index.astype(str)
    wide.columns = wide.columns.astype(str)
    wide.columns.name = None
    return wide.sort_values(wide.columns[0], ascending=False)


def plot_same_followers(
    ax: Axes, niches: pd.DataFrame, followers: float = 100_000, platform: str = "instagram"
) -> Axes:
    """Bars: the share of each niche on ``platform`` that ``followers`` followers represent (percent)."""
    share = same_followers_share(niches, followers)[platform].sort_values(ascending=False)
    plots.bar_groups(
        ax,
        list(share.index),
        {f"{plots.human_number(followers)} followers on {platform}": share.to_numpy()},
        ylabel="% of the niche's audience",
        value_format="{:.3f}%",
    )
    ax.tick_params(axis="x", labelrotation=30)
    plots.set_title(
        ax,
        f"{plots.human_number(followers)} followers: {share.iloc[0]:.3f}% of {share.index[0]}, "
        f"{share.iloc[-1]:.3f}% of {share.index[-1]}",
        f"{platform.capitalize()}; niche sizes are synthetic orders of magnitude",
    )
    return ax


def engaged_niche_audience(engaged_per_post: float, niche_interest_share: float = 1.0) -> float:
    """People in the niche who engage with a typical post: engaged per post x share of the
    audience interested in the niche (a fraction, 0-1)."""
    if not 0 <= niche_interest_share <= 1:
        raise ValueError(f"niche_interest_share is a fraction in [0, 1]; got {niche_interest_share}")
    return float(engaged_per_post) * float(niche_interest_share)


# --------------------------------------------------------------------------------------------------
# Celebrities vs online creators
# --------------------------------------------------------------------------------------------------
def _fame_group(is_celebrity: pd.Series) -> np.ndarray:
    return np.where(is_celebrity.astype(bool), CELEBRITY, OTHERS)


def celebrity_comparison(
    influencers: pd.DataFrame, posts: pd.DataFrame, min_followers: int = 1_000_000
) -> pd.DataFrame:
    """Celebrities vs other creators with at least ``min_followers`` followers, side by side.

    Rows: ``celebrities``, ``other creators``. Columns: ``creators``, ``median_followers``, the
    median of each source-of-power score (``median_authority`` ...), ``median_er_pct`` (ER by
    followers, percent), ``organic_er_by_reach_pct`` and ``sponsored_er_by_reach_pct`` (likes +
    comments / reach x 100, pooled over the group's organic / sponsored posts), ``sponsored_posts``
    (count), ``pooled_reach_er_ratio`` (the two pooled rates' ratio,
    :func:`helpers.metrics.pooled_reach_er_ratio`), ``sponsored_reach_ratio`` (mean reach per
    sponsored post / mean reach per organic post: how much further the ads were pushed) and
    ``median_paid_post_performance`` (median over the group's creators of each creator's own
    sponsored / organic ER, :func:`helpers.metrics.paid_post_performance`; creators with >= 1
    sponsored and >= 3 organic posts, as in lesson 03). The pooled ratio falls when sponsored reach
    is boosted; the per-creator median answers "how much of a creator's usual engagement does an ad
    keep".
    """
    big = influencers[influencers["followers"] >= min_followers].copy()
    big["group"] = _fame_group(big["is_celebrity"])
    big["er_pct"] = metrics.er_by_followers(big["avg_likes"], big["avg_comments"], big["followers"])
    grouped = big.groupby("group")
    table = pd.DataFrame({"creators": grouped.size(), "median_followers": grouped["followers"].median()})
    for column, label in SOURCES_OF_POWER.items():
        table[f"median_{label}"] = grouped[column].median()
    table["median_er_pct"] = grouped["er_pct"].median()
    joined = posts.merge(big[["influencer_id", "group"]], on="influencer_id", how="inner")
    joined["kind"] = np.where(joined["sponsored"].astype(bool), "sponsored", "organic")
    sums = joined.groupby(["group", "kind"])[["likes", "comments", "reach"]].sum()
    rates = metrics.er_by_reach(sums["likes"], sums["comments"], sums["reach"]).unstack("kind")
    rates = rates.reindex(columns=["organic", "sponsored"])
    table["organic_er_by_reach_pct"] = rates["organic"]
    table["sponsored_er_by_reach_pct"] = rates["sponsored"]
    counts = joined.groupby(["group", "kind"]).size().unstack("kind").reindex(columns=["sponsored"])
    table["sponsored_posts"] = counts["sponsored"]
    joined["interactions"] = joined["likes"] + joined["comments"]
    pooled, reach_ratio, per_creator = {}, {}, {}
    for group, rows in joined.groupby("group"):
        ads, own = rows[rows["kind"] == "sponsored"], rows[rows["kind"] == "organic"]
        pooled[group] = metrics.pooled_reach_er_ratio(
            ads["interactions"], ads["reach"], own["interactions"], own["reach"]
        )
        reach_ratio[group] = float(ads["reach"].mean() / own["reach"].mean()) if len(own) else np.nan
        means = rows.groupby(["influencer_id", "kind"])["interactions"].agg(["mean", "size"]).unstack("kind")
        means = means.reindex(
            columns=pd.MultiIndex.from_product([["mean", "size"], ["organic", "sponsored"]])
        )
        enough = (means[("size", "sponsored")] >= 1) & (means[("size", "organic")] >= 3)
        ratios = metrics.paid_post_performance(
            means.loc[enough, ("mean", "sponsored")], means.loc[enough, ("mean", "organic")]
        )
        per_creator[group] = float(ratios.median()) if len(ratios) else np.nan
    table["pooled_reach_er_ratio"] = pd.Series(pooled)
    table["sponsored_reach_ratio"] = pd.Series(reach_ratio)
    table["median_paid_post_performance"] = pd.Series(per_creator)
    table = table.reindex([CELEBRITY, OTHERS])
    for column in ("creators", "sponsored_posts"):
        table[column] = table[column].fillna(0).astype(int)
    table.index.name = f"{plots.human_number(min_followers)}+ followers"
    return table


def conversions_by_fame(
    influencers: pd.DataFrame, campaigns: pd.DataFrame, min_followers: int = 0
) -> pd.DataFrame:
    """Campaign results of celebrities vs other creators (with at least ``min_followers`` followers).

    Rows: ``celebrities``, ``other creators``; columns ``campaigns`` (count), ``fees_usd``,
    ``conversions`` (sums) and ``conversions_per_1k_usd`` (conversions / fees x 1,000, pooled).
    Few celebrities run campaigns: read the ``campaigns`` column before the rate.
    """
    creators = influencers[influencers["followers"] >= min_followers]
    joined = campaigns.merge(creators[["influencer_id", "is_celebrity"]], on="influencer_id", how="inner")
    joined["group"] = _fame_group(joined["is_celebrity"])
    grouped = joined.groupby("group")
    table = pd.DataFrame(
        {
            "campaigns": grouped.size(),
            "fees_usd": grouped["fee_usd"].sum(),
            "conversions": grouped["conversions"].sum(),
        }
    ).reindex([CELEBRITY, OTHERS])
    table["campaigns"] = table["campaigns"].fillna(0).astype(int)
    table["conversions_per_1k_usd"] = 1000 * metrics.conversions_per_dollar(
        table["conversions"], table["fees_usd"]
    )
    return table


def plot_celebrity_profile(ax: Axes, comparison: pd.DataFrame, labels: Sequence[str] | None = None) -> Axes:
    """Grouped bars: median source-of-power scores of celebrities vs other big creators."""
    labels = list(labels or SOURCES_OF_POWER.values())
    plots.bar_groups(
        ax,
        labels,
        {group: [comparison.loc[group, f"median_{s}"] for s in labels] for group in comparison.index},
        ylabel="median score (0-10)",
        value_format="{:.1f}",
    )
    ax.set_ylim(0, 12)
    celeb, other = comparison.loc[CELEBRITY], comparison.loc[OTHERS]
    if celeb["median_position"] > other["median_position"] and (
        celeb["median_relationship"] < other["median_relationship"]
    ):
        finding = "Fame brings position, not relationship"
    else:
        finding = "Celebrities vs other big creators: four sources of power"
    plots.set_title(
        ax,
        finding,
        f"creators with {comparison.index.name}; synthetic course data",
    )
    return ax


def plot_celebrity_engagement(ax: Axes, comparison: pd.DataFrame) -> Axes:
    """Grouped bars: ER by reach of organic and sponsored posts, celebrities vs other big creators."""
    kinds = {"own (organic) posts": "organic_er_by_reach_pct", "sponsored posts": "sponsored_er_by_reach_pct"}
    plots.bar_groups(
        ax,
        list(kinds),
        {group: [comparison.loc[group, c] for c in kinds.values()] for group in comparison.index},
        ylabel="ER by reach (%)",
        value_format="{:.1f}%",
    )
    celeb, other = comparison.loc[CELEBRITY], comparison.loc[OTHERS]
    if celeb["pooled_reach_er_ratio"] < other["pooled_reach_er_ratio"]:
        finding = "Celebrities' ads trail their own posts more than others' ads do"
    else:
        finding = "Celebrities' sponsored posts hold up as well as other creators' here"
    plots.set_title(
        ax,
        finding,
        f"(likes + comments) / reach, pooled; creators with {comparison.index.name}; synthetic course data",
    )
    return ax
