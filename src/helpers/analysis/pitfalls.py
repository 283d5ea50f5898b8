"""Lesson 07 analyses: one approach for every creator, and judging creators by popularity.

Pure functions on the bundled tables (or tables in the same format). Conventions: rates and shares
in percent (0-100) where the name ends in ``_pct``; ``*_per_1k_usd`` = results per $1,000;
correlations are Spearman rank correlations (-1 to 1). Every number comes from the synthetic data:
it illustrates a method, not the real market (see ``datasets/README.md``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .. import metrics, plots

__all__ = [
    "DOMINANCE_PCT",
    "INFLUENCE_SOURCES",
    "VALUE_DRIVERS",
    "conversions_per_1k",
    "draw_drivers",
    "draw_reply_rates",
    "draw_sources",
    "drivers_finding",
    "fake_followers_by_tier",
    "fakes_finding",
    "influence_sources_by_tier",
    "popularity_reshuffle",
    "reply_rates",
    "return_by_style",
    "robustness_finding",
    "shortlist_check",
    "shortlist_profile",
    "signing_by_style",
    "sources_finding",
    "spearman",
    "style_return_finding",
    "template_finding",
    "template_gap_by_segment",
    "value_by_tier",
    "value_drivers",
    "wilson_interval",
    "with_tier",
]

#: The four sources of influence in ``influencers`` (ratings 0-10), as in the source article.
INFLUENCE_SOURCES: tuple[str, ...] = ("authority", "knowledge", "position", "relationship")
#: Candidate columns compared with conversions per dollar in :func:`value_drivers`: label -> column.
VALUE_DRIVERS: dict[str, str] = {
    "followers": "followers",
    "engagement rate": "er_pct",
    "niche fit": "niche_fit",
    "audience authenticity": "audience_authenticity",
    "price per post": "price_per_post_usd",
}


def wilson_interval(
    successes: Sequence[float] | np.ndarray, trials: Sequence[float] | np.ndarray, z: float = 1.96
) -> tuple[np.ndarray, np.ndarray]:
    """95% Wilson score interval of a proportion, in percent: returns ``(low, high)`` arrays.

    Better than "p +- 1.96 standard errors" for small groups and rates near 0 or 100 %. Trials of
    0 give NaN. Source: Wilson (1927), J. Am. Stat. Assoc. 22(158).
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    low = np.where(n > 0, 100 * (centre - half), np.nan)
    high = np.where(n > 0, 100 * (centre + half), np.nan)
    return low, high


def with_tier(frame: pd.DataFrame, influencers: pd.DataFrame, scheme: str = "mediakix") -> pd.DataFrame:
    """Any table with ``influencer_id`` plus the creator's followers and follower ``tier`` (text)."""
    joined = frame.merge(influencers[["influencer_id", "followers"]], on="influencer_id", how="inner")
    joined["tier"] = metrics.assign_tier(joined["followers"], scheme).astype(str)
    return joined


def _in_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of a tier-indexed (or tier-first multi-indexed) table in tier order."""
    level = frame.index.get_level_values(0).astype(str)
    order = {t: i for i, t in enumerate(metrics.TIER_LABELS)}
    if not set(level) <= set(order):
        return frame
    position = np.argsort([order[t] for t in level], kind="stable")
    return frame.iloc[position]


def reply_rates(outreach: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
    """Reply rate per group of first messages, with a 95% Wilson interval.

    Columns: ``messages``, ``replies``, ``reply_rate_pct``, ``low_pct``, ``high_pct`` (percent).
    """
    grouped = outreach.groupby(by, observed=True)["replied"]
    table = pd.DataFrame({"messages": grouped.size(), "replies": grouped.sum().astype(int)})
    table["reply_rate_pct"] = 100 * table["replies"] / table["messages"]
    table["low_pct"], table["high_pct"] = wilson_interval(table["replies"], table["messages"])
    return _in_order(table)


def template_gap_by_segment(
    outreach: pd.DataFrame, influencers: pd.DataFrame | None = None, segment: str = "tier"
) -> pd.DataFrame:
    """Generic template vs personalised message, reply rate per segment of creators.

    ``segment`` is ``"tier"`` (Mediakix follower tier; needs ``influencers``) or a column of
    ``outreach`` (e.g. ``"sender_role"``, ``"channel"``). Columns: ``generic_pct``,
    ``personalised_pct`` (reply rates, percent), ``gap_points`` (personalised - generic, percentage
    points), ``messages``.
    """
    if segment == "tier" and influencers is None:
        raise ValueError("segment='tier' needs the influencers table (followers decide the tier)")
    frame = with_tier(outreach, influencers) if segment == "tier" else outreach
    rates = reply_rates(frame, [segment, "template_style"])["reply_rate_pct"].unstack("template_style")
    counts = frame.groupby(segment, observed=True).size()
    table = pd.DataFrame(
        {
            "generic_pct": rates.get("generic"),
            "personalised_pct": rates.get("personalised"),
        }
    )
    table["gap_points"] = table["personalised_pct"] - table["generic_pct"]
    table["messages"] = counts.reindex(table.index)
    table.index = pd.Index([str(x) for x in table.index], name=segment)
    return _in_order(table)


def signing_by_style(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Campaigns by first-message style: how fast creators signed, and what the campaigns returned.

    Columns: ``campaigns``; ``days_to_sign_median`` (days); ``signed_within_14_days_pct``
    (percent); ``conversions_per_1k_usd`` (pooled, per $1,000 of creator fees).
    """
    grouped = campaigns.groupby("outreach_style", observed=True)
    totals = grouped[["conversions", "fee_usd"]].sum()
    table = pd.DataFrame(
        {
            "campaigns": grouped.size(),
            "days_to_sign_median": grouped["days_to_sign"].median(),
            "signed_within_14_days_pct": grouped["days_to_sign"].apply(
                lambda d: 100 * float((d <= 14).mean())
            ),
            "conversions_per_1k_usd": 1000
            * metrics.conversions_per_dollar(totals["conversions"], totals["fee_usd"]),
        }
    )
    table.index = pd.Index([str(x) for x in table.index], name="outreach_style")
    return table


def return_by_style(campaigns: pd.DataFrame, n_boot: int = 2000, seed: int = 7) -> pd.DataFrame:
    """Conversions per $1,000 of creator fees by first-message style, with how much to trust the gap.

    Columns: ``campaigns``; ``conversions_per_1k_usd`` (pooled: all conversions / all fees, as in
    :func:`signing_by_style`); ``ci_low``/``ci_high`` (95% bootstrap interval of that pooled figure:
    ``n_boot`` resamples of the style's campaigns, seeded); ``median_campaign_per_1k_usd`` (the
    median campaign's own conversions per $1,000); ``top5_fee_share_pct`` (share of the style's
    fees paid in its five largest campaigns, percent - how far a few big campaigns move the pooled
    figure); ``discovery_cost_per_1k_fees_usd`` (discovery cost per $1,000 of fees, USD).
    """
    rng = np.random.default_rng(seed)
    rows = {}
    for style, group in campaigns.groupby("outreach_style", observed=True):
        conv = group["conversions"].to_numpy(dtype=float)
        fee = group["fee_usd"].to_numpy(dtype=float)
        draws = rng.integers(0, len(group), size=(n_boot, len(group)))
        boot = 1000 * conv[draws].sum(axis=1) / fee[draws].sum(axis=1)
        rows[str(style)] = {
            "campaigns": len(group),
            "conversions_per_1k_usd": 1000 * float(metrics.conversions_per_dollar(conv.sum(), fee.sum())),
            "ci_low": float(np.percentile(boot, 2.5)),
            "ci_high": float(np.percentile(boot, 97.5)),
            "median_campaign_per_1k_usd": float(1000 * np.median(conv / fee)),
            "top5_fee_share_pct": float(100 * np.sort(fee)[-5:].sum() / fee.sum()),
            "discovery_cost_per_1k_fees_usd": float(1000 * group["discovery_cost_usd"].sum() / fee.sum()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "outreach_style"
    return table


def style_return_finding(table: pd.DataFrame) -> str:
    """One honest sentence on :func:`return_by_style`: is the per-$1,000 gap between personalised and
    generic first messages bigger than its noise?"""
    p, g = table.loc["personalised"], table.loc["generic"]
    overlap = p["ci_low"] <= g["ci_high"] and g["ci_low"] <= p["ci_high"]
    better = "more" if p["conversions_per_1k_usd"] > g["conversions_per_1k_usd"] else "fewer"
    head = (
        f"Personalised first messages led to {better} conversions per $1,000 "
        f"({p['conversions_per_1k_usd']:.1f} vs {g['conversions_per_1k_usd']:.1f})"
    )
    if not overlap:
        return head + ", and the 95% intervals do not overlap: a gap worth investigating."
    return (
        head + f", but the 95% intervals overlap ({p['ci_low']:.1f}-{p['ci_high']:.1f} vs "
        f"{g['ci_low']:.1f}-{g['ci_high']:.1f}) and the median campaign returned "
        f"{p['median_campaign_per_1k_usd']:.1f} vs {g['median_campaign_per_1k_usd']:.1f}: "
        "no real difference."
    )


# --- how far to trust a shortlist comparison (lesson 07's scorecard) ------------------------------------
#: A creator taking more than this share of a shortlist's spend (percent) dominates its result.
DOMINANCE_PCT = 50.0


def conversions_per_1k(shortlist: pd.DataFrame) -> float:
    """Expected conversions per $1,000 of a shortlist that books one post from each creator at their
    rate card (``price_per_post_usd``), each converting at their own past ``conversions_per_usd``:
    ``1000 x sum(rate x price) / sum(price)``. NaN for an empty list."""
    price = shortlist["price_per_post_usd"].to_numpy(dtype=float)
    expected = (shortlist["conversions_per_usd"].to_numpy(dtype=float) * price).sum()
    return (
        float(1000 * metrics.conversions_per_dollar(expected, price.sum()))
        if price.sum() > 0
        else float("nan")
    )


def shortlist_profile(shortlist: pd.DataFrame) -> pd.DataFrame:
    """Per creator of a shortlist: what its result rests on.

    Columns ``handle``; ``campaigns`` (past campaigns the creator's rate is measured on);
    ``price_per_post_usd`` (what one post costs, USD); ``spend_share_pct`` (that price as a share of
    the list's spend, one post each, percent); ``conversions_per_1k_usd`` (the creator's own past
    rate); ``conversion_share_pct`` (share of the list's expected conversions, percent). Sorted by
    spend share, largest first.
    """
    price = shortlist["price_per_post_usd"].astype(float)
    expected = shortlist["conversions_per_usd"].astype(float) * price
    table = pd.DataFrame(
        {
            "handle": shortlist["handle"].astype(str),
            "campaigns": shortlist["campaigns"].astype("int64"),
            "price_per_post_usd": price,
            "spend_share_pct": 100 * price / price.sum(),
            "conversions_per_1k_usd": 1000 * shortlist["conversions_per_usd"].astype(float),
            "conversion_share_pct": 100 * expected / expected.sum() if expected.sum() > 0 else np.nan,
        }
    )
    return table.sort_values("spend_share_pct", ascending=False, kind="stable")


def shortlist_check(by_score: pd.DataFrame, by_followers: pd.DataFrame) -> dict[str, object]:
    """How fragile is "the scorecard beats popularity by X %"? Numbers for the two shortlists.

    Keys: ``gain_pct`` (scorecard vs top by followers, conversions per $1,000, percent);
    ``spend_score_usd`` / ``spend_followers_usd`` (what each list can absorb at one post per creator,
    USD); ``single_campaign_score`` / ``single_campaign_followers`` (creators whose rate rests on one
    past campaign); ``n_score`` / ``n_followers``; ``top_handle``, ``top_campaigns`` and
    ``top_spend_share_pct`` (the scorecard list's biggest spender); ``dominated`` (that share is above
    :data:`DOMINANCE_PCT`); ``gain_without_top_pct`` (the gain with that creator left out);
    ``gain_leave_one_out_min_pct`` / ``_max_pct`` (the gain with any one scorecard creator left out:
    the smallest and the largest).
    """
    follow = conversions_per_1k(by_followers)
    gain = 100 * (conversions_per_1k(by_score) / follow - 1)
    price = by_score["price_per_post_usd"].to_numpy(dtype=float)
    expected = by_score["conversions_per_usd"].to_numpy(dtype=float) * price
    with np.errstate(invalid="ignore", divide="ignore"):
        loo = 100 * ((1000 * (expected.sum() - expected) / (price.sum() - price)) / follow - 1)
    top = int(np.argmax(price))
    return {
        "gain_pct": float(gain),
        "spend_score_usd": float(price.sum()),
        "spend_followers_usd": float(by_followers["price_per_post_usd"].sum()),
        "n_score": len(by_score),
        "n_followers": len(by_followers),
        "single_campaign_score": int((by_score["campaigns"] == 1).sum()),
        "single_campaign_followers": int((by_followers["campaigns"] == 1).sum()),
        "top_handle": str(by_score["handle"].iloc[top]),
        "top_campaigns": int(by_score["campaigns"].iloc[top]),
        "top_spend_share_pct": float(100 * price[top] / price.sum()),
        "dominated": bool(100 * price[top] / price.sum() > DOMINANCE_PCT),
        "gain_without_top_pct": float(loo[top]),
        "gain_leave_one_out_min_pct": float(np.nanmin(loo)) if len(loo) > 1 else float("nan"),
        "gain_leave_one_out_max_pct": float(np.nanmax(loo)) if len(loo) > 1 else float("nan"),
    }


def robustness_finding(check: dict[str, object]) -> str:
    """Plain-language reading of :func:`shortlist_check` (every number computed)."""
    c = check
    lines = [
        f"Gain of the scorecard list over the most-followed: {c['gain_pct']:+.0f}% conversions per $1,000.",
        f"Spend at one post per creator: ${c['spend_score_usd']:,.0f} (scorecard) vs "
        f"${c['spend_followers_usd']:,.0f} (most-followed) - per $1,000 compares rates, not what each "
        "list can take of a real budget.",
        f"Creators whose rate rests on a single past campaign: {c['single_campaign_score']} of "
        f"{c['n_score']} (scorecard), {c['single_campaign_followers']} of {c['n_followers']} "
        "(most-followed).",
    ]
    top = (
        f"{c['top_handle']} ({c['top_campaigns']} past campaign{'s' if c['top_campaigns'] != 1 else ''}) "
        f"takes {c['top_spend_share_pct']:.0f}% of the scorecard list's spend"
    )
    if c["dominated"]:
        lines.append(
            f"Warning: {top} - one creator decides the result. "
            f"Without them: {c['gain_without_top_pct']:+.0f}%."
        )
    else:
        lines.append(f"Largest spender: {top}. Without them: {c['gain_without_top_pct']:+.0f}%.")
    lines.append(
        "Leaving out any one scorecard creator, the gain ranges from "
        f"{c['gain_leave_one_out_min_pct']:+.0f}% to {c['gain_leave_one_out_max_pct']:+.0f}%."
    )
    return "\n".join(lines)


def spearman(x: pd.Series, y: pd.Series) -> float:
    """Spearman rank correlation of two aligned Series (pairs with a missing value are dropped)."""
    both = pd.concat([x, y], axis=1).dropna()
    if len(both) < 3:
        return float("nan")
    ranks = both.rank()
    return float(np.corrcoef(ranks.iloc[:, 0], ranks.iloc[:, 1])[0, 1])


def value_drivers(candidates: pd.DataFrame) -> pd.Series:
    """Spearman correlation of each creator's past conversions per dollar with the criteria in
    :data:`VALUE_DRIVERS`, strongest (by absolute value) first.

    ``candidates`` is :func:`helpers.analysis.scoring.candidate_table` output (one row per creator with
    past campaigns).
    """
    target = candidates["conversions_per_usd"]
    rho = {label: spearman(candidates[col], target) for label, col in VALUE_DRIVERS.items()}
    series = pd.Series(rho, name="spearman_rho")
    return series.reindex(series.abs().sort_values(ascending=False).index)


def value_by_tier(candidates: pd.DataFrame, scheme: str = "mediakix") -> pd.DataFrame:
    """Creators with past campaigns per follower tier: how many, and their conversions per $1,000.

    Columns: ``creators``; ``median_conversions_per_1k_usd`` (median of each creator's own past
    conversions per $1,000 of fees); ``pooled_conversions_per_1k_usd`` (all the tier's past
    conversions per $1,000 of all its fees); ``median_niche_fit`` (0-1).
    """
    tier = metrics.assign_tier(candidates["followers"], scheme).astype(str)
    grouped = candidates.groupby(tier)
    totals = grouped[["past_conversions", "past_fees_usd"]].sum()
    table = pd.DataFrame(
        {
            "creators": grouped.size(),
            "median_conversions_per_1k_usd": 1000 * grouped["conversions_per_usd"].median(),
            "pooled_conversions_per_1k_usd": 1000
            * metrics.conversions_per_dollar(totals["past_conversions"], totals["past_fees_usd"]),
            "median_niche_fit": grouped["niche_fit"].median(),
        }
    )
    table.index.name = "tier"
    return _in_order(table)


def influence_sources_by_tier(influencers: pd.DataFrame, scheme: str = "mediakix") -> pd.DataFrame:
    """Median rating (0-10) of each source of influence per follower tier; one column per source."""
    tier = metrics.assign_tier(influencers["followers"], scheme).astype(str)
    columns = {s: influencers[f"{s}_score"] for s in INFLUENCE_SOURCES}
    table = pd.DataFrame(columns).groupby(tier).median()
    table.index.name = "tier"
    return _in_order(table)


def fake_followers_by_tier(influencers: pd.DataFrame, scheme: str = "mediakix") -> pd.DataFrame:
    """Audience quality per follower tier.

    Columns: ``creators``; ``median_fake_share_pct`` (percent of followers that are not real people);
    ``below_threshold_pct`` (percent of creators whose audience authenticity is under
    :data:`helpers.metrics.AUTHENTICITY_MIN`, Modash's 75 % fraud signal); ``median_followers`` and
    ``median_real_followers`` (counts).
    """
    tier = metrics.assign_tier(influencers["followers"], scheme).astype(str)
    auth = influencers["audience_authenticity"]
    frame = pd.DataFrame(
        {
            "fake_pct": 100 * metrics.fake_follower_share(auth),
            "below": (auth < metrics.AUTHENTICITY_MIN).astype(float) * 100,
            "followers": influencers["followers"].astype(float),
            "real": metrics.real_followers(influencers["followers"], auth),
        }
    )
    grouped = frame.groupby(tier)
    table = pd.DataFrame(
        {
            "creators": grouped.size(),
            "median_fake_share_pct": grouped["fake_pct"].median(),
            "below_threshold_pct": grouped["below"].mean(),
            "median_followers": grouped["followers"].median(),
            "median_real_followers": grouped["real"].median(),
        }
    )
    table.index.name = "tier"
    return _in_order(table)


def popularity_reshuffle(candidates: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """Who enters and who leaves the top ``n`` when creators are ranked by estimated *real* followers
    (followers x audience authenticity) instead of by followers.

    One row per creator in either top ``n`` whose membership changes: ``handle``, ``followers``,
    ``audience_authenticity`` (0-1), ``real_followers``, ``rank_by_followers``, ``rank_by_real``
    (1 = largest) and ``change`` ("drops out" / "moves in"). Empty when both lists hold the same creators.
    """
    table = candidates.assign(
        real_followers=metrics.real_followers(candidates["followers"], candidates["audience_authenticity"])
    )
    table["rank_by_followers"] = table["followers"].rank(ascending=False, method="first").astype(int)
    table["rank_by_real"] = table["real_followers"].rank(ascending=False, method="first").astype(int)
    top_f = table["rank_by_followers"] <= n
    top_r = table["rank_by_real"] <= n
    changed = table[top_f != top_r].copy()
    changed["change"] = np.where(top_f[top_f != top_r], "drops out", "moves in")
    columns = [
        "handle",
        "followers",
        "audience_authenticity",
        "real_followers",
        "rank_by_followers",
        "rank_by_real",
        "change",
    ]
    return changed.sort_values(["change", "rank_by_followers"])[columns]


# --------------------------------------------------------------------------------------------------
# Findings in words (figure titles state the finding, computed from the data)
# --------------------------------------------------------------------------------------------------


def _ends(tiers: pd.Index) -> tuple[str, str]:
    """The tiers to compare: nano and mega when present (below nano is a small, odd group), else the
    first and last rows."""
    labels = [str(t) for t in tiers]
    first = "nano" if "nano" in labels else labels[0]
    last = "mega" if "mega" in labels else labels[-1]
    return first, last


def template_finding(gap: pd.DataFrame, segment_name: str = "sender level") -> str:
    """'Personalised messages got more replies at every sender level' - or where they did not.

    ``gap`` is :func:`template_gap_by_segment` output.
    """
    better = gap["gap_points"] > 0
    if better.all():
        ratios = gap["personalised_pct"] / gap["generic_pct"]
        low, high = f"{float(ratios.min()):.1f}", f"{float(ratios.max()):.1f}"
        times = f"about {low}x" if low == high else f"{low}-{high}x"
        return f"Personalised messages got {times} the replies at every {segment_name}"
    if not better.any():
        return f"Personalised messages did no better at any {segment_name}"
    worse = ", ".join(str(x) for x in gap.index[~better])
    return f"Personalised messages got more replies except for: {worse}"


def drivers_finding(drivers: pd.Series) -> str:
    """Which criterion tracks conversions per dollar best, and how followers compare.

    ``drivers`` is :func:`value_drivers` output.
    """
    top = str(drivers.index[0])
    if top == "followers":
        return "Here, followers track conversions per dollar best"
    followers = abs(float(drivers.get("followers", np.nan)))
    strongest = abs(float(drivers.iloc[0]))
    how = "far less" if followers < strongest / 2 else "less"
    return f"{top.capitalize()} tracks conversions per dollar best; followers {how}"


def sources_finding(sources: pd.DataFrame) -> str:
    """How relationship and position ratings change from the smallest to the largest tier.

    ``sources`` is :func:`influence_sources_by_tier` output; nano and mega are compared when present.
    """
    first, last = _ends(sources.index)
    rel = float(sources.loc[last, "relationship"] - sources.loc[first, "relationship"])
    pos = float(sources.loc[last, "position"] - sources.loc[first, "position"])
    rel_word = "falls" if rel < 0 else "rises"
    pos_word = "rises" if pos > 0 else "falls"
    return (
        f"From {first} to {last}, relationship {rel_word} {abs(rel):.1f} points "
        f"while position {pos_word} {abs(pos):.1f}"
    )


def fakes_finding(fakes: pd.DataFrame) -> str:
    """Share of the largest and smallest tiers' creators under the authenticity threshold.

    ``fakes`` is :func:`fake_followers_by_tier` output; nano and mega are compared when present.
    """
    first, last = _ends(fakes.index)
    a = float(fakes.loc[last, "below_threshold_pct"])
    b = float(fakes.loc[first, "below_threshold_pct"])
    return f"{a:.0f}% of {last} creators fail the 75% authenticity test, vs {b:.0f}% of {first} creators"


# --------------------------------------------------------------------------------------------------
# Figures (house style; each function draws on the Axes it is given)
# --------------------------------------------------------------------------------------------------


def draw_reply_rates(ax: Axes, outreach: pd.DataFrame, segment: str = "sender_role") -> pd.DataFrame:
    """Grouped bars: reply rate of generic vs personalised first messages per ``segment`` (a column
    of ``outreach``), with 95% Wilson intervals. Returns :func:`template_gap_by_segment` output."""
    rates = reply_rates(outreach, [segment, "template_style"])
    segments = [str(s) for s in rates.index.get_level_values(0).unique()]
    series, errors = {}, {}
    for style in ("generic", "personalised"):
        part = rates.xs(style, level="template_style").reindex(segments)
        series[style] = part["reply_rate_pct"].to_numpy()
        errors[style] = (part["low_pct"].to_numpy(), part["high_pct"].to_numpy())
    plots.bar_groups(ax, segments, series, errors=errors, value_format="{:.0f}%", ylabel="reply rate (%)")
    ax.legend(loc="upper left")
    return template_gap_by_segment(outreach, None, segment)


def draw_drivers(ax: Axes, drivers: pd.Series) -> Axes:
    """Horizontal bars of the rank correlations of :func:`value_drivers` (negative values allowed),
    strongest on top, each labelled with its value."""
    plots.style_axes(ax)
    ax.grid(True, axis="x", color="#DDDDDD", linewidth=0.8)
    ax.grid(False, axis="y")
    labels = list(drivers.index)[::-1]
    values = drivers.to_numpy()[::-1]
    colours = [plots.PALETTE[2] if label != "followers" else plots.PALETTE[3] for label in labels]
    hatches = ["" if label != "followers" else "x" for label in labels]
    bars = ax.barh(labels, values, color=colours, edgecolor="#333333", linewidth=0.6)
    for bar, hatch, value in zip(bars, hatches, values, strict=True):
        bar.set_hatch(hatch)
        ax.annotate(
            f"{value:+.2f}",
            (value, bar.get_y() + bar.get_height() / 2),
            xytext=(6 if value >= 0 else -6, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=plots.BASE_FONT_PT - 2,
        )
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlim(min(-0.1, float(values.min()) - 0.1), max(0.1, float(values.max()) + 0.15))
    ax.set_xlabel("Spearman rank correlation with conversions per dollar")
    return ax


def draw_sources(ax: Axes, sources: pd.DataFrame) -> Axes:
    """One line per source of influence (median rating 0-10) across the follower tiers."""
    plots.style_axes(ax)
    x = np.arange(len(sources.index))
    for i, source in enumerate(sources.columns):
        ax.plot(
            x,
            sources[source],
            label=source,
            color=plots.PALETTE[i],
            marker=plots.MARKERS[i],
            linewidth=2.2,
            markersize=8,
        )
    ax.set_xticks(x, [str(t) for t in sources.index])
    ax.set_ylim(0, 10)
    ax.set_ylabel("median rating (0-10)")
    # beside the Axes: the ratings span the whole 0-10 range, so any corner inside covers points
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), title="source")
    return ax
