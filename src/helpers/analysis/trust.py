"""Why influencer marketing works (lesson 03): trust, people rather than brands, ads and disclosure.

Pure functions on the bundled tables (synthetic ``posts``, ``influencers``, ``campaigns``; real
``landscape`` and ``benchmarks``) plus small drawing functions that take an ``Axes``.

Units and definitions used throughout:

* **ER** (engagement rate by followers) is in **percent**: ``(likes + comments) / followers x 100``
  per post (:func:`helpers.metrics.er_by_followers`);
* **paid-post performance** is a plain **ratio**: a creator's mean ER on sponsored posts divided by
  their mean ER on organic posts (Modash's definition, :func:`helpers.metrics.paid_post_performance`);
  1.0 = ads engage as well as the creator's other posts, 0.8 = 20 % less;
* the **pooled ER ratio** (:func:`helpers.metrics.pooled_er_ratio`) mixes every creator's posts: the
  trap that lesson 03 contrasts with paid-post performance;
* **disclosure compliance** is in **percent** of creators (or of sponsored posts);
* **conversion rate** is in **percent**: conversions / clicks x 100.

What the synthetic data can and cannot show is written next to each function: the generator
builds some effects in on purpose (documented in ``datasets/README.md``), and a built-in effect
illustrates a mechanism, it is not evidence that the mechanism exists.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .. import metrics, plots

__all__ = [
    "BRAND_VS_CREATOR_KEYS",
    "brand_vs_creator_engagement",
    "compliance_share",
    "conversion_by_credibility",
    "disclosure_by_tier",
    "draw_brand_vs_creator",
    "paid_post_performance_by_creator",
    "paid_post_performance_by_tier",
    "pooled_er_ratio",
    "post_engagement",
]


def post_engagement(posts: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    """Posts with their creator's ``followers`` and ``platform`` and the post's ``er_pct``
    (likes + comments per 100 followers)."""
    joined = posts.merge(
        influencers[["influencer_id", "followers", "platform"]], on="influencer_id", how="inner"
    )
    joined["er_pct"] = metrics.er_by_followers(joined["likes"], joined["comments"], joined["followers"])
    return joined


def paid_post_performance_by_creator(
    posts: pd.DataFrame,
    influencers: pd.DataFrame,
    *,
    platform: str = "all",
    min_sponsored: int = 1,
    min_organic: int = 3,
) -> pd.DataFrame:
    """One row per creator with enough posts of both kinds: mean ER of organic and of sponsored
    posts (percent) and their ratio, the paid-post performance.

    Creators need at least ``min_sponsored`` sponsored and ``min_organic`` organic posts (the same
    filter as the datasheet's calibration check). Columns: ``platform``, ``followers``,
    ``er_organic_pct``, ``er_sponsored_pct``, ``sponsored_posts``, ``organic_posts``,
    ``paid_post_performance`` (ratio). Index: ``influencer_id``.
    """
    joined = post_engagement(posts, influencers)
    if platform != "all":
        joined = joined[joined["platform"].astype(str) == platform]
    grouped = joined.groupby(["influencer_id", "sponsored"])["er_pct"].agg(["mean", "count"]).unstack()
    grouped = grouped.reindex(columns=pd.MultiIndex.from_product([["mean", "count"], [False, True]]))
    counts = grouped["count"].fillna(0)
    keep = (counts[True] >= min_sponsored) & (counts[False] >= min_organic)
    means = grouped["mean"][keep]
    table = pd.DataFrame(
        {
            "er_organic_pct": means[False],
            "er_sponsored_pct": means[True],
            "sponsored_posts": counts.loc[keep, True].astype(int),
            "organic_posts": counts.loc[keep, False].astype(int),
        }
    )
    table["paid_post_performance"] = metrics.paid_post_performance(
        table["er_sponsored_pct"], table["er_organic_pct"]
    )
    creators = influencers.set_index("influencer_id")[["platform", "followers"]]
    return creators.join(table, how="inner")


def pooled_er_ratio(posts: pd.DataFrame, influencers: pd.DataFrame, platform: str = "instagram") -> float:
    """The *misleading* comparison, the **pooled ER ratio** (:func:`helpers.metrics.pooled_er_ratio`):
    mean ER of all sponsored posts / mean ER of all organic posts, pooled over creators (ratio).

    It mixes creators: larger accounts publish more of the ads and have lower ER, so the pooled
    ratio looks worse for ads than the within-creator comparison. Shown next to the median of
    :func:`paid_post_performance_by_creator` to teach why Modash compares each creator with
    themself.
    """
    joined = post_engagement(posts, influencers)
    if platform != "all":
        joined = joined[joined["platform"].astype(str) == platform]
    sponsored = joined["sponsored"].astype(bool)
    return metrics.pooled_er_ratio(joined.loc[sponsored, "er_pct"], joined.loc[~sponsored, "er_pct"])


def paid_post_performance_by_tier(creators: pd.DataFrame, scheme: str = "mediakix") -> pd.DataFrame:
    """Median paid-post performance (ratio) per follower tier, from
    :func:`paid_post_performance_by_creator` output.

    Columns: ``creators`` (count), ``median_ratio``, ``share_below_1_pct`` (percent of creators whose
    ads engage less than their organic posts). Index: tier labels present, in tier order.
    """
    tiers = metrics.assign_tier(creators["followers"], scheme)
    grouped = creators.assign(tier=tiers).groupby("tier", observed=True)["paid_post_performance"]
    table = pd.DataFrame(
        {
            "creators": grouped.size(),
            "median_ratio": grouped.median(),
            "share_below_1_pct": grouped.apply(lambda r: 100.0 * float((r < 1).mean())),
        }
    )
    table.index = table.index.astype(str)
    table.index.name = "tier"
    return table


def compliance_share(posts: pd.DataFrame) -> float:
    """Percent of creators with at least one sponsored post who disclosed **every** sponsored post.

    The measure of IMH 2020's "only 14 % of influencers fully compliant". Creators without sponsored
    posts are not in the denominator (they have nothing to disclose). NaN when nobody posted an ad.
    """
    sponsored = posts[posts["sponsored"].astype(bool)]
    if sponsored.empty:
        return float("nan")
    per_creator = sponsored.groupby("influencer_id")["disclosed"].all()
    return 100.0 * float(per_creator.mean())


def disclosure_by_tier(
    posts: pd.DataFrame, influencers: pd.DataFrame, scheme: str = "mediakix"
) -> pd.DataFrame:
    """Disclosure per follower tier: how many sponsored posts carry a clear label, and how many
    creators label all of them.

    Columns: ``sponsored_posts`` (count), ``disclosed_posts_pct`` (percent of sponsored posts),
    ``creators`` (with at least one sponsored post), ``fully_compliant_pct`` (percent of those
    creators). Index: tier labels present, in tier order.
    """
    sponsored = posts[posts["sponsored"].astype(bool)].merge(
        influencers[["influencer_id", "followers"]], on="influencer_id", how="inner"
    )
    sponsored["tier"] = metrics.assign_tier(sponsored["followers"], scheme)
    by_creator = sponsored.groupby(["tier", "influencer_id"], observed=True)["disclosed"].all()
    by_tier = sponsored.groupby("tier", observed=True)
    table = pd.DataFrame(
        {
            "sponsored_posts": by_tier.size(),
            "disclosed_posts_pct": 100.0 * by_tier["disclosed"].mean(),
            "creators": by_creator.groupby(level="tier", observed=True).size(),
            "fully_compliant_pct": 100.0 * by_creator.groupby(level="tier", observed=True).mean(),
        }
    )
    table.index = table.index.astype(str)
    table.index.name = "tier"
    return table


def conversion_by_credibility(
    campaigns: pd.DataFrame, influencers: pd.DataFrame, groups: int = 4
) -> pd.DataFrame:
    """Conversion rate of campaigns grouped by the creator's credibility.

    Credibility = mean of ``knowledge_score`` and ``authority_score`` (0-10), cut into ``groups``
    equal-count groups (quartiles by default). Conversion rate = total conversions / total clicks
    x 100 (percent) per group, so big campaigns weigh more. Columns: ``credibility`` (the score
    range as text), ``campaigns``, ``clicks``, ``conversions``, ``conversion_rate_pct``. Index:
    ``"lowest"`` .. ``"highest"`` (or ``"group 1"``.. for other group counts).

    In the synthetic data this effect is **built in** (the generator's ``credibility_effect``,
    after the meta-analysis of Pan et al. 2024-25, where follower social identity is the strongest
    driver and source credibility mediates): the figure illustrates the mechanism, it does not prove
    it.
    """
    joined = campaigns.merge(
        influencers[["influencer_id", "knowledge_score", "authority_score"]], on="influencer_id", how="inner"
    )
    credibility = (joined["knowledge_score"] + joined["authority_score"]) / 2
    bins = pd.qcut(credibility, groups, duplicates="drop")
    grouped = joined.groupby(bins, observed=True)
    table = pd.DataFrame(
        {
            "credibility": [f"{iv.left:.1f}-{iv.right:.1f}" for iv in grouped.size().index],
            "campaigns": grouped.size().to_numpy(),
            "clicks": grouped["clicks"].sum().to_numpy(),
            "conversions": grouped["conversions"].sum().to_numpy(),
        }
    )
    table["conversion_rate_pct"] = metrics.conversion_rate(table["conversions"], table["clicks"])
    n = len(table)
    names = {4: ["lowest", "low", "high", "highest"]}.get(n, [f"group {i + 1}" for i in range(n)])
    table.index = pd.Index(names, name="credibility group")
    return table


#: The published figures compared in :func:`brand_vs_creator_engagement`:
#: (table, key or (series, period), account type, short label).
BRAND_VS_CREATOR_KEYS: tuple[tuple[str, str | tuple[str, str], str, str], ...] = (
    ("landscape", ("Rival IQ brand Instagram engagement rate", "2019"), "brand accounts", "Rival IQ 2019"),
    ("landscape", ("Rival IQ brand Instagram engagement rate", "2022"), "brand accounts", "Rival IQ 2022"),
    ("benchmarks", "er_pct_instagram_mega_2021", "creators", "IMH 2021, mega"),
    ("benchmarks", "er_pct_instagram_micro_2021", "creators", "IMH 2021, micro"),
    ("benchmarks", "er_pct_instagram_nano_2023", "creators", "HypeAuditor 2023, nano"),
)


def brand_vs_creator_engagement(landscape: pd.DataFrame, benchmarks: pd.DataFrame) -> pd.DataFrame:
    """Published Instagram engagement rates of brand accounts next to those of creators (percent).

    Real figures from the bundled ``landscape`` and ``benchmarks`` tables (see
    :data:`BRAND_VS_CREATOR_KEYS`), each with its source, year, definition and vendor flag. They
    come from different vendors, samples and definitions: read the direction (creators' audiences
    engage more than brands'), not the exact gap. Columns: ``accounts``, ``er_pct``, ``year``,
    ``source``, ``confidence``, ``vendor``, ``definition``. Index: short label.
    Raises ``KeyError`` naming a figure that is missing from the tables.
    """
    rows = []
    for table_name, key, accounts, label in BRAND_VS_CREATOR_KEYS:
        if table_name == "landscape":
            series, period = key  # type: ignore[misc]
            match = landscape[(landscape["series"] == series) & (landscape["period"] == period)]
        else:
            match = benchmarks[benchmarks["key"] == key]
        if match.empty:
            raise KeyError(f"published figure {key!r} is missing from the {table_name} table")
        row = match.iloc[0]
        rows.append(
            {
                "label": label,
                "accounts": accounts,
                "er_pct": float(row["value"]),
                "year": int(row["year"]),
                "source": row["source"],
                "confidence": str(row["confidence"]),
                "vendor": bool(row["is_vendor_estimate"]),
                "definition": row["definition"],
            }
        )
    return pd.DataFrame(rows).set_index("label")


def draw_brand_vs_creator(ax: Axes, table: pd.DataFrame) -> Axes:
    """Horizontal bars of :func:`brand_vs_creator_engagement`: brand accounts hatched, creators plain."""
    plots.style_axes(ax)
    ax.grid(False)
    ax.grid(True, axis="x", color="#DDDDDD", linewidth=0.8)
    y = np.arange(len(table))
    brands = (table["accounts"] == "brand accounts").to_numpy()
    colours = [plots.PALETTE[1] if b else plots.PALETTE[0] for b in brands]
    hatches = [plots.HATCHES[1] if b else plots.HATCHES[0] for b in brands]
    bars = ax.barh(y, table["er_pct"], color=colours, edgecolor="#333333", linewidth=0.6)
    for bar, hatch in zip(bars, hatches, strict=True):
        bar.set_hatch(hatch)
    for yi, value in zip(y, table["er_pct"], strict=True):
        ax.annotate(f"{value:.2f}%", (value, yi), xytext=(4, 0), textcoords="offset points", va="center")
    labels = [f"{label}\n{acc}" for label, acc in zip(table.index, table["accounts"], strict=True)]
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel("Instagram engagement rate, %")
    ax.set_xlim(0, float(table["er_pct"].max()) * 1.25)
    return ax
