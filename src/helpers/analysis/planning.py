"""Lesson 05 analyses: from a goal to a KPI, what a budget buys per tier, and three ways to find creators.

Pure functions on the bundled tables (or tables in the same format). Conventions:

* money in US dollars (``*_usd``); "pooled" costs are a sum of costs divided by a sum of results
  (what the whole group bought), not the mean of per-campaign ratios;
* ``*_per_1k_usd`` = results per $1,000 spent; ``*_pct`` = percent (0-100);
* "all-in" cost = the creator's fee **plus** the cost of finding and signing the creator
  (``discovery_cost_usd``: staff time, a platform subscription share or an agency fee).

Every number comes from the synthetic ``campaigns`` / ``influencers`` tables: it illustrates a
method, not the real market (see ``datasets/README.md``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import metrics, plots

__all__ = [
    "CHANNELS",
    "GOALS",
    "GOAL_KPIS",
    "GoalKPI",
    "all_in_cpa",
    "channel_comparison",
    "cheapest",
    "conversions_per_1k_spread",
    "cpm_by_platform",
    "discovery_finding",
    "discovery_summary",
    "discovery_table",
    "draw_discovery_overview",
    "fit_finding",
    "kpi_table",
    "niche_fit_bands",
    "pooled_costs",
    "signed_by_day",
    "spread_finding",
    "tier_order",
    "trade_off_sentence",
    "with_creators",
]

#: Campaign goals in funnel order (the ``goal`` column of ``campaigns``).
GOALS: tuple[str, ...] = ("awareness", "consideration", "conversion")
#: Ways of finding creators (the ``discovery_channel`` column of ``campaigns``).
CHANNELS: tuple[str, ...] = ("organic", "platform", "agency")


@dataclass(frozen=True)
class GoalKPI:
    """What a goal is judged on: the question it answers, its KPI and the matching cost metric."""

    goal: str
    question: str
    kpi: str
    cost_metric: str
    unit: str


#: Goal -> KPI -> cost metric. Metric definitions: Influencer Marketing Hub (CPM, CPE, CPA) -- P.
GOAL_KPIS: dict[str, GoalKPI] = {
    "awareness": GoalKPI(
        "awareness", "Did the right people see it?", "impressions, reach", "CPM", "USD per 1,000 impressions"
    ),
    "consideration": GoalKPI(
        "consideration", "Did they engage or click?", "engagements, clicks", "CPE", "USD per engagement"
    ),
    "conversion": GoalKPI("conversion", "Did they act?", "conversions", "CPA", "USD per conversion"),
}


def with_creators(
    campaigns: pd.DataFrame, influencers: pd.DataFrame, scheme: str = "mediakix"
) -> pd.DataFrame:
    """Campaigns with their creator's followers, platform, niche and audience authenticity.

    Adds ``tier`` (text label of the follower tier under ``scheme``) and ``all_in_cost_usd``
    (fee + discovery cost, USD). Campaigns whose creator is unknown are dropped.
    """
    creators = influencers[["influencer_id", "followers", "platform", "niche", "audience_authenticity"]]
    joined = campaigns.merge(creators, on="influencer_id", how="inner")
    joined["tier"] = metrics.assign_tier(joined["followers"], scheme).astype(str)
    joined["all_in_cost_usd"] = joined["fee_usd"] + joined["discovery_cost_usd"]
    return joined


def tier_order(labels: Sequence[str], scheme: str = "mediakix") -> list[str]:
    """The labels that occur, in tier order (below nano, nano ... mega)."""
    present = set(labels)
    return [t for t in metrics.tier_labels(scheme) if t in present]


def _order(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Rows in a meaningful order: tiers, goals and channels in their natural order."""
    labels = [str(x) for x in frame.index]
    for order in (list(metrics.TIER_LABELS), list(GOALS), list(CHANNELS)):
        if set(labels) <= set(order):
            keep = [x for x in order if x in labels]
            frame.index = pd.Index(labels, name=by)
            return frame.loc[keep]
    return frame


def pooled_costs(joined: pd.DataFrame, by: str = "tier", min_campaigns: int = 0) -> pd.DataFrame:
    """Pooled cost metrics per group (sum of fees / sum of results), creator fees only.

    Groups with fewer than ``min_campaigns`` campaigns are left out (too few to compare).

    Columns: ``campaigns``; ``fee_usd`` (total); ``cpm_usd`` (USD per 1,000 impressions);
    ``cpe_usd`` (USD per engagement); ``cpc_usd`` (USD per click); ``cpa_usd`` (USD per
    conversion); ``conversions_per_1k_usd`` (conversions per $1,000 of fees). A group with no
    results of a kind gets NaN for that metric.
    """
    totals = joined.groupby(by, observed=True).agg(
        campaigns=("campaign_id", "count"),
        fee_usd=("fee_usd", "sum"),
        impressions=("impressions", "sum"),
        engagements=("engagements", "sum"),
        clicks=("clicks", "sum"),
        conversions=("conversions", "sum"),
    )
    table = pd.DataFrame(
        {
            "campaigns": totals["campaigns"],
            "fee_usd": totals["fee_usd"],
            "cpm_usd": metrics.cpm(totals["fee_usd"], totals["impressions"]),
            "cpe_usd": metrics.cpe(totals["fee_usd"], totals["engagements"]),
            "cpc_usd": metrics.cpc(totals["fee_usd"], totals["clicks"]),
            "cpa_usd": metrics.cpa(totals["fee_usd"], totals["conversions"]),
            "conversions_per_1k_usd": 1000
            * metrics.conversions_per_dollar(totals["conversions"], totals["fee_usd"]),
        }
    )
    return _order(table[table["campaigns"] >= min_campaigns], by)


def cheapest(costs: pd.DataFrame, column: str) -> str:
    """The group (row label) with the lowest value of ``column``, ignoring NaN."""
    return str(costs[column].astype(float).idxmin())


def kpi_table(campaigns: pd.DataFrame) -> pd.DataFrame:
    """One row per goal: the question it answers, its KPI, its cost metric and the pooled value
    of that metric over the past campaigns with that goal (USD, creator fees only)."""
    costs = pooled_costs(campaigns, by="goal")
    column = {"CPM": "cpm_usd", "CPE": "cpe_usd", "CPA": "cpa_usd"}
    rows = []
    for goal, spec in GOAL_KPIS.items():
        if goal not in costs.index:
            continue
        rows.append(
            {
                "goal": goal,
                "question it answers": spec.question,
                "KPI": spec.kpi,
                "cost metric": spec.cost_metric,
                "past campaigns": int(costs.loc[goal, "campaigns"]),
                "pooled value (USD)": round(float(costs.loc[goal, column[spec.cost_metric]]), 2),
                "unit": spec.unit,
            }
        )
    return pd.DataFrame(rows).set_index("goal")


def cpm_by_platform(joined: pd.DataFrame, goal: str = "awareness") -> pd.DataFrame:
    """Where a pooled CPM comes from: one goal's campaigns, per platform.

    ``joined`` is :func:`with_creators` output. Rows: platforms with campaigns of ``goal``, plus
    ``"all platforms"`` (the pooled value :func:`kpi_table` shows). Columns: ``campaigns``,
    ``pooled_cpm_usd`` (sum of fees / sum of impressions x 1,000; large campaigns weigh most),
    ``median_cpm_usd`` (the median campaign's CPM, USD per 1,000 impressions) and
    ``impressions_share_pct`` (percent of the goal's impressions).
    """
    rows = joined[joined["goal"].astype(str) == goal]
    if rows.empty:
        raise ValueError(f"no campaigns with the goal {goal!r}; the goals are {', '.join(GOALS)}")
    groups = {str(p): g for p, g in rows.groupby("platform", observed=True)}
    groups["all platforms"] = rows
    total = float(rows["impressions"].sum())
    table = pd.DataFrame(
        {
            name: {
                "campaigns": len(g),
                "pooled_cpm_usd": float(
                    metrics.cpm(float(g["fee_usd"].sum()), float(g["impressions"].sum()))
                ),
                "median_cpm_usd": float(metrics.cpm(g["fee_usd"], g["impressions"]).median()),
                "impressions_share_pct": 100 * float(g["impressions"].sum()) / total if total else np.nan,
            }
            for name, g in groups.items()
        }
    ).T
    table["campaigns"] = table["campaigns"].astype(int)
    table.index.name = f"{goal} campaigns"
    return table


def conversions_per_1k_spread(joined: pd.DataFrame, by: str = "tier", min_campaigns: int = 0) -> pd.DataFrame:
    """Per-campaign conversions per $1,000 of fee: 10th, 25th, 50th, 75th, 90th percentile per group.

    Campaigns with a zero fee are left out (no rate can be computed), and so are groups with fewer
    than ``min_campaigns`` campaigns. Also ``pooled`` (all the group's conversions per $1,000 of all
    its fees) and ``campaigns``.
    """
    paid = joined[joined["fee_usd"] > 0]
    rate = 1000 * metrics.conversions_per_dollar(paid["conversions"], paid["fee_usd"])
    grouped = rate.groupby(paid[by], observed=True)
    table = pd.DataFrame(
        {
            "campaigns": grouped.size(),
            "p10": grouped.quantile(0.10),
            "p25": grouped.quantile(0.25),
            "median": grouped.median(),
            "p75": grouped.quantile(0.75),
            "p90": grouped.quantile(0.90),
        }
    )
    totals = paid.groupby(by, observed=True)[["conversions", "fee_usd"]].sum()
    table["pooled"] = 1000 * metrics.conversions_per_dollar(totals["conversions"], totals["fee_usd"])
    return _order(table[table["campaigns"] >= min_campaigns], by)


#: Niche-fit bands for :func:`niche_fit_bands` (lower bound inclusive, share 0-1).
FIT_EDGES: tuple[float, ...] = (0.0, 0.4, 0.6, 0.8, 1.0)


def niche_fit_bands(campaigns: pd.DataFrame, edges: Sequence[float] = FIT_EDGES) -> pd.DataFrame:
    """Pooled conversions per $1,000 of fee by niche-fit band ("0.0-0.4", ...).

    Bands are lower-bound inclusive; the last band includes its upper bound (1.0). Columns:
    ``campaigns``, ``mean_niche_fit`` (0-1), ``conversions_per_1k_usd``.
    """
    labels = [f"{lo:.1f}-{hi:.1f}" for lo, hi in itertools.pairwise(edges)]
    bins = [*edges[:-1], np.inf]
    band = pd.cut(campaigns["niche_fit"], bins=bins, labels=labels, right=False)
    grouped = campaigns.groupby(band, observed=True)
    totals = grouped[["conversions", "fee_usd"]].sum()
    table = pd.DataFrame(
        {
            "campaigns": grouped.size(),
            "mean_niche_fit": grouped["niche_fit"].mean(),
            "conversions_per_1k_usd": 1000
            * metrics.conversions_per_dollar(totals["conversions"], totals["fee_usd"]),
        }
    )
    table.index = pd.Index([str(x) for x in table.index], name="niche fit")
    return table


def all_in_cpa(campaigns: pd.DataFrame, by: str = "discovery_channel") -> pd.Series:
    """Pooled all-in cost per conversion per group: (fees + discovery costs) / conversions, USD."""
    totals = campaigns.assign(all_in=campaigns["fee_usd"] + campaigns["discovery_cost_usd"])
    totals = totals.groupby(by, observed=True)[["all_in", "conversions"]].sum()
    cpa = metrics.cpa(totals["all_in"], totals["conversions"]).rename("all_in_cpa_usd")
    return _order(cpa.to_frame(), by)["all_in_cpa_usd"]


def discovery_summary(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Organic search vs platform vs agency, one row each: cost, time, candidate quality, value.

    Columns: ``campaigns``; ``discovery_cost_median_usd`` and ``discovery_cost_mean_usd`` (cost of
    finding and signing one creator, USD); ``days_to_sign_median`` (days); ``niche_fit_mean``
    (0-1); ``conversions_per_1k_all_in`` (conversions per $1,000 of fee + discovery cost);
    ``all_in_cpa_usd`` (USD per conversion, fee + discovery cost).
    """
    grouped = campaigns.groupby("discovery_channel", observed=True)
    table = pd.DataFrame(
        {
            "campaigns": grouped.size(),
            "discovery_cost_median_usd": grouped["discovery_cost_usd"].median(),
            "discovery_cost_mean_usd": grouped["discovery_cost_usd"].mean(),
            "days_to_sign_median": grouped["days_to_sign"].median(),
            "niche_fit_mean": grouped["niche_fit"].mean(),
        }
    )
    table = _order(table, "discovery_channel")
    cpa = all_in_cpa(campaigns)
    table["all_in_cpa_usd"] = cpa
    table["conversions_per_1k_all_in"] = 1000 / cpa
    return table


def discovery_table(campaigns: pd.DataFrame, influencers: pd.DataFrame) -> pd.DataFrame:
    """The columns the discovery lab needs: campaigns with the creator's niche, channel and goal as text."""
    niches = influencers[["influencer_id", "niche"]]
    table = campaigns.merge(niches, on="influencer_id", how="inner")
    out = pd.DataFrame(
        {
            "channel": table["discovery_channel"].astype(str).to_numpy(),
            "niche": table["niche"].astype(str).to_numpy(),
            "goal": table["goal"].astype(str).to_numpy(),
            "discovery_cost_usd": table["discovery_cost_usd"].to_numpy(dtype=float),
            "days_to_sign": table["days_to_sign"].to_numpy(dtype=float),
            "niche_fit": table["niche_fit"].to_numpy(dtype=float),
            "fee_usd": table["fee_usd"].to_numpy(dtype=float),
            "conversions": table["conversions"].to_numpy(dtype=float),
        }
    )
    return out


def channel_comparison(
    campaigns: pd.DataFrame, creators: int, deadline_days: float, channels: Sequence[str] = CHANNELS
) -> pd.DataFrame:
    """What each discovery channel would cost and deliver for signing ``creators`` creators within
    ``deadline_days``, from past campaigns found that way.

    ``campaigns`` needs ``channel``, ``discovery_cost_usd``, ``days_to_sign``, ``niche_fit``, ``fee_usd``
    and ``conversions``, with at least one campaign per channel. One row per channel (in ``channels``
    order): ``campaigns`` (past campaigns used), ``per_creator_usd`` (mean discovery cost),
    ``discovery_usd`` (that x ``creators``), ``days_median`` (median days to sign), ``in_time_pct``
    (percent signed within the deadline), ``expected_signed`` (creators expected in time),
    ``niche_fit`` (mean, 0-1), ``conv_per_1k_usd`` (conversions per $1,000 of fees + discovery costs).
    """
    channel = campaigns["channel"].to_numpy()
    rows = []
    for ch in channels:
        rows_ch = campaigns[channel == ch]
        per_creator = float(rows_ch["discovery_cost_usd"].mean())
        in_time = 100.0 * float((rows_ch["days_to_sign"].to_numpy() <= deadline_days).mean())
        all_in = float(rows_ch["fee_usd"].sum() + rows_ch["discovery_cost_usd"].sum())
        conv_per_1k = 1000.0 * float(metrics.conversions_per_dollar(rows_ch["conversions"].sum(), all_in))
        rows.append(
            {
                "channel": ch,
                "campaigns": float(len(rows_ch)),
                "per_creator_usd": per_creator,
                "discovery_usd": per_creator * creators,
                "days_median": float(rows_ch["days_to_sign"].median()),
                "in_time_pct": in_time,
                "expected_signed": creators * in_time / 100.0,
                "niche_fit": float(rows_ch["niche_fit"].mean()),
                "conv_per_1k_usd": conv_per_1k,
            }
        )
    return pd.DataFrame(rows).set_index("channel")


def signed_by_day(campaigns: pd.DataFrame, max_days: int = 60) -> pd.DataFrame:
    """Percent of each channel's campaigns signed within ``d`` days, for d = 0 .. ``max_days``.

    Index ``day``; one column per discovery channel (percent 0-100): the cumulative share of
    creators under contract after that many days of searching.
    """
    days = np.arange(max_days + 1)
    columns = {}
    for channel, rows in campaigns.groupby("discovery_channel", observed=True):
        signed = np.sort(rows["days_to_sign"].to_numpy())
        columns[str(channel)] = 100 * np.searchsorted(signed, days, side="right") / len(signed)
    table = pd.DataFrame(columns, index=pd.Index(days, name="day"))
    return table[[c for c in CHANNELS if c in table.columns]]


# --------------------------------------------------------------------------------------------------
# Findings in words and figures (titles state the finding, computed from the data)
# --------------------------------------------------------------------------------------------------


def spread_finding(spread: pd.DataFrame) -> str:
    """One sentence comparing the spread inside tiers with the gap between tier medians.

    ``spread`` is :func:`conversions_per_1k_spread` output.
    """
    inside = float((spread["p90"] - spread["p10"]).median())
    between = float(spread["median"].max() - spread["median"].min())
    if inside > between:
        return "Campaigns differ more inside a tier than the tiers differ from each other"
    return "The tiers differ more than campaigns inside a tier do"


def fit_finding(bands: pd.DataFrame) -> str:
    """One sentence: conversions per $1,000 of the best-fit band relative to the worst-fit band.

    ``bands`` is :func:`niche_fit_bands` output.
    """
    low = float(bands["conversions_per_1k_usd"].iloc[0])
    high = float(bands["conversions_per_1k_usd"].iloc[-1])
    if low > 0 and high > low:
        return f"The best-fitting creators return {high / low:.1f}x the conversions per dollar of the worst"
    if high <= low:
        return "Better niche fit does not buy more conversions per dollar here"
    return "Only creators who fit the niche convert at all here"


def discovery_finding(summary: pd.DataFrame) -> str:
    """One sentence naming the fastest, best-fitting and cheapest discovery channel.

    ``summary`` is :func:`discovery_summary` output.
    """
    return trade_off_sentence(
        fastest=str(summary["days_to_sign_median"].idxmin()),
        best_fit=str(summary["niche_fit_mean"].idxmax()),
        cheapest=str(summary["discovery_cost_median_usd"].idxmin()),
    )


def trade_off_sentence(fastest: str, best_fit: str, cheapest: str) -> str:
    """A finding in words, e.g. 'Agency signs fastest and finds the best fit; organic costs least to
    search' (a channel that wins several criteria is named once)."""
    wins: dict[str, list[str]] = {}
    for channel, win in (
        (fastest, "signs fastest"),
        (best_fit, "finds the best fit"),
        (cheapest, "costs least to search"),
    ):
        wins.setdefault(channel, []).append(win)
    parts = [
        f"{channel} {what[0] if len(what) == 1 else ', '.join(what[:-1]) + ' and ' + what[-1]}"
        for channel, what in wins.items()
    ]
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:]


def draw_discovery_overview(axes: Sequence, curve: pd.DataFrame, summary: pd.DataFrame) -> None:
    """Three panels on ``axes``: time (percent signed by day), cost (median USD) and quality (fit).

    ``curve`` is :func:`signed_by_day` output, ``summary`` :func:`discovery_summary` output. Each
    channel keeps one colour and marker or hatch across the panels.
    """
    time_ax, cost_ax, fit_ax = axes
    plots.style_axes(time_ax)
    for i, channel in enumerate(curve.columns):
        time_ax.plot(
            curve.index,
            curve[channel],
            label=channel,
            color=plots.PALETTE[i],
            marker=plots.MARKERS[i],
            markevery=7,
            linewidth=2.2,
        )
    time_ax.set_xlabel("days since the search began")
    time_ax.set_ylabel("% of creators signed")
    time_ax.legend(loc="lower right")
    plots.set_title(time_ax, "Time", "share signed by each day")
    channels = [str(c) for c in summary.index]
    for ax, column, title, subtitle, fmt in (
        (cost_ax, "discovery_cost_median_usd", "Cost", "median cost to find one creator", "${:,.0f}"),
        (fit_ax, "niche_fit_mean", "Candidate quality", "mean niche fit of creators found (0-1)", "{:.2f}"),
    ):
        plots.bar_groups(ax, channels, {title: summary[column].to_numpy()}, value_format=fmt)
        for i, bar in enumerate(ax.patches[: len(channels)]):
            bar.set_facecolor(plots.PALETTE[i])
            bar.set_hatch(plots.HATCHES[i])
        plots.set_title(ax, title, subtitle)
    cost_ax.yaxis.set_major_formatter(plots.USD)
