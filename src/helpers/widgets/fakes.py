"""Fake-follower simulator: buy N fake followers and watch the numbers an auditor looks at.

Start from a (synthetic) creator who bought no followers, then buy ``fakes`` fake followers and
follow back a share of them (follow-for-follow schemes). The simulation's assumptions, stated:

* fake accounts never like, comment or share, so the creator's engagements per post stay the same;
* the creator's real audience does not change, so audience authenticity (share of real followers)
  becomes ``real / (followers + fakes)``;
* following back ``follow_back_pct`` % of the fakes adds that many accounts to ``following``.

The lab recomputes follower count, engagement rate by followers, authenticity and the
audience-quality flags of :func:`helpers.metrics.audience_quality_flags` (Modash credibility < 75 %,
HypeAuditor's 1,500 mass-follower cut-off, following > followers, ER 4x away from the HypeAuditor
2018 median of the follower band), before and after. The price of the fakes uses SRF Data's 2017
finding, $5-15 per 1,000 followers; HypeAuditor's 2021 share of accounts that engaged in fraud comes
from the ``benchmarks`` table too (HypeAuditor sells audit tools: a vendor figure).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import metrics, plots
from ..analysis import measurement
from .base import Lab, LabInputError, LabResult, dropdown, register
from .measure import few_ticks, legend_on_top, plain_dollars, two_panels

#: Numbers of fake followers a learner can buy (the slider's stops).
FAKE_STOPS: tuple[int, ...] = (
    0,
    1_000,
    2_000,
    5_000,
    10_000,
    20_000,
    50_000,
    100_000,
    200_000,
    500_000,
    1_000_000,
)
#: Mediakix tiers offered as example creators, smallest first.
EXAMPLE_TIERS: tuple[str, ...] = ("nano", "micro", "mid", "macro", "mega")
#: Benchmark keys (``benchmarks`` table) the lab cites.
PRICE_KEYS = ("fake_followers_cost_usd_per_1000_low", "fake_followers_cost_usd_per_1000_high")
FRAUD_KEYS = ("fraud_accounts_pct_1k_5k", "fraud_accounts_pct_1m_plus")
#: Reader-facing names of the flags, in table order.
FLAGS: dict[str, str] = measurement.FLAG_LABELS
#: Where each flag's rule comes from (a flag is a reason to look closer, not proof).
FLAG_SOURCES: dict[str, str] = {
    "low_authenticity": "Modash: credibility < 75% often signals fraud",
    "mass_follower": "HypeAuditor mass-follower cut-off, applied to the creator",
    "high_following_ratio": "course rule; the ratio is a Modash / SRF Data signal",
    "er_implausibly_low": "course rule vs HypeAuditor 2018 band median",
    "er_implausibly_high": "course rule vs HypeAuditor 2018 band median",
}


def example_creators(influencers: pd.DataFrame, per_tier: int = 2) -> pd.DataFrame:
    """Honest creators to experiment on: Instagram accounts that bought no followers (the synthetic
    ground truth) and raise no audience-quality flag, ``per_tier`` per Mediakix tier, those closest
    to the tier's median follower count. Falls back to any creator when none qualifies.

    Returns the creators' rows (index ``influencer_id``) with ``tier``, ``er_pct`` (ER by followers,
    likes + comments, percent) and ``label`` (what the dropdown shows).
    """
    table = influencers.set_index("influencer_id")
    table = table.assign(
        tier=metrics.assign_tier(table["followers"], "mediakix").astype(str),
        er_pct=metrics.er_by_followers(table["avg_likes"], table["avg_comments"], table["followers"]),
    )
    flags = metrics.audience_quality_flags(
        table["followers"],
        following=table["following"],
        authenticity=table["audience_authenticity"],
        er_pct=table["er_pct"],
    )
    honest = table[
        (table["platform"].astype(str) == "instagram")
        & ~table["has_bought_followers"].astype(bool)
        & (flags["n_flags"] == 0)
    ]
    pool = honest if not honest.empty else table
    picked = []
    for tier in EXAMPLE_TIERS:
        group = pool[pool["tier"] == tier]
        if group.empty:
            continue
        distance = (np.log(group["followers"]) - np.log(group["followers"].median())).abs()
        picked.extend(distance.sort_values(kind="stable").index[:per_tier])
    if not picked:
        picked = list(pool.index[:per_tier])
    chosen = table.loc[picked].copy()
    chosen["label"] = [
        f"@{r.handle} · {r.tier}, {plots.human_number(r.followers)}" for r in chosen.itertuples()
    ]
    return chosen


def fake_follower_update(
    creators: pd.DataFrame,
    benchmarks: dict[str, float],
    creator_id: str,
    fakes: int = 10_000,
    follow_back_pct: float = 0.0,
) -> LabResult:
    """Buy ``fakes`` fake followers for one creator and recompute what an auditor sees.

    Args:
        creators: :func:`example_creators` output (or influencers indexed by ``influencer_id`` with
            ``tier`` and the influencers columns).
        benchmarks: published figures by key (:data:`PRICE_KEYS`, :data:`FRAUD_KEYS`).
        creator_id: the creator.
        fakes: fake followers bought (count, >= 0).
        follow_back_pct: share of the fakes the creator follows back, percent (0-100).

    Numbers: ``followers_before/after``, ``er_before_pct/after_pct``, ``authenticity_before/after``
    (fractions), ``following_after``, ``flags_before/after`` (counts), ``cost_low_usd`` /
    ``cost_high_usd`` (price of the fakes). Table: each signal before and after, with its rule.
    """
    if creator_id not in creators.index:
        raise LabInputError(f"No creator {creator_id!r} in the list: choose one from the menu.")
    if fakes < 0:
        raise LabInputError("You cannot buy a negative number of followers: choose 0 or more.")
    if not 0 <= follow_back_pct <= 100:
        raise LabInputError("The follow-back share is a percentage: choose a value from 0 to 100.")
    creator = creators.loc[creator_id]
    price_low, price_high = (benchmarks[k] for k in PRICE_KEYS)
    audit = measurement.buy_fakes(creator, fakes, follow_back_pct, price_low, price_high)
    handle = f"@{creator['handle']}"
    return LabResult(
        summary=fakes_summary(handle, audit, benchmarks),
        numbers=audit.numbers(),
        table=fakes_table(audit),
        extra={"sim": audit.sim, "handle": handle},
    )


def fakes_summary(handle: str, audit: measurement.FakeFollowerPurchase, benchmarks: dict[str, float]) -> str:
    """The lab's sentence: where the creator stands (no fakes bought), or what the fakes cost and did
    to followers, ER, authenticity and the flags; then the vendor's fraud shares."""
    before, after = audit.sim.loc["before"], audit.sim.loc["after"]
    fraud = (
        f"HypeAuditor (2021, a vendor) reports fraud at {benchmarks[FRAUD_KEYS[0]]:.0f}% of 1K-5K and "
        f"{benchmarks[FRAUD_KEYS[1]]:.0f}% of 1M+ Instagram accounts."
    )
    if audit.fakes == 0:
        return (
            f"{handle} has {before['followers']:,.0f} followers, an engagement rate of "
            f"{before['er_pct']:.1f}% and {before['authenticity']:.0%} real followers. "
            f"Move the slider to buy fake followers. {fraud}"
        )
    new_flags = [FLAGS[k] for k in audit.new_flags]
    raised = f"New flags: {', '.join(new_flags)}." if new_flags else "No new flag is raised."
    return (
        f"{audit.fakes:,} fake followers cost about ${audit.cost_low_usd:,.0f}-${audit.cost_high_usd:,.0f} "
        f"(SRF Data 2017: ${audit.price_low_usd:g}-{audit.price_high_usd:g} per 1,000) and take {handle} "
        f"from {before['followers']:,.0f} to {after['followers']:,.0f} followers "
        f"({audit.tiers[0]} -> {audit.tiers[1]}). Nobody new engages: "
        f"ER by followers falls from {before['er_pct']:.2f}% to {after['er_pct']:.2f}% and real "
        f"followers from {before['authenticity']:.0%} to {after['authenticity']:.0%}. {raised} {fraud}"
    )


def fakes_table(audit: measurement.FakeFollowerPurchase) -> pd.DataFrame:
    """The lab's table: each signal an auditor reads, before and after, with its rule or source."""
    sim, flags, tiers = audit.sim, audit.flags, audit.tiers

    def yes(state: str, key: str) -> str:
        return "FLAG" if bool(flags.loc[state, key]) else "-"

    def row(label: str, column: str, fmt: str, rule: str) -> tuple[str, str, str, str]:
        return (label, fmt.format(sim.loc["before", column]), fmt.format(sim.loc["after", column]), rule)

    rows = [
        row("followers", "followers", "{:,.0f}", f"Mediakix tier: {tiers[0]} -> {tiers[1]}"),
        row("real followers", "authenticity", "{:.0%}", "Modash: < 75% often signals fraud"),
        row("following", "following", "{:,.0f}", "follow-for-follow adds to it"),
        row("ER by followers", "er_pct", "{:.2f}%", "(likes + comments) / followers x 100"),
        row("band median ER", "band_median_er_pct", "{:.2f}%", "HypeAuditor 2018, by follower band"),
        row("ER on real followers", "er_real_pct", "{:.2f}%", "fakes never engage: unchanged"),
        *[
            (f"flag: {label}", yes("before", k), yes("after", k), "a reason to look closer, not proof")
            for k, label in FLAGS.items()
        ],
    ]
    return pd.DataFrame(rows, columns=["signal", "before", "after", "rule / source"]).set_index("signal")


def draw_fakes(fig: Figure, result: LabResult) -> None:
    """Left: real and fake followers before/after; right: ER by followers before/after next to the
    HypeAuditor 2018 median ER of the follower band."""
    left, right = two_panels(fig)
    sim = result.extra["sim"]
    n = result.numbers
    plots.bar_groups(
        left,
        ["before", "after"],
        {
            "real followers": sim["real_followers"].to_numpy(),
            "fake followers": sim["fake_followers"].to_numpy(),
        },
        ylabel="followers",
    )
    legend_on_top(left)
    left.yaxis.set_major_formatter(plots.HUMAN)
    growth = f"{plots.human_number(n['followers_before'])} -> {plots.human_number(n['followers_after'])}"
    plots.set_title(
        left,
        f"{growth} followers, {n['authenticity_after']:.0%} real",
        plain_dollars(
            f"{result.extra['handle']}; fakes cost ${n['cost_low_usd']:,.0f}-${n['cost_high_usd']:,.0f}"
        ),
    )
    plots.bar_groups(
        right,
        ["ER by followers", "band median ER"],
        {
            "before": [n["er_before_pct"], float(sim.loc["before", "band_median_er_pct"])],
            "after": [n["er_after_pct"], float(sim.loc["after", "band_median_er_pct"])],
        },
        ylabel="engagement rate (%)",
        value_format="{:.2f}%",
    )
    legend_on_top(right)
    flags = f"flags {n['flags_before']:.0f} -> {n['flags_after']:.0f}"
    plots.set_title(
        right,
        f"ER {n['er_before_pct']:.1f}% -> {n['er_after_pct']:.1f}%, {flags}",
        "band median: HypeAuditor 2018 (Instagram); synthetic creator",
    )
    few_ticks(left, right)


@register
class FakeFollowerSimulator(Lab):
    """Fake-follower simulator (lesson 10)."""

    name = "fake-followers"
    title = "Fake-follower simulator: buy followers, watch the audit signals"
    tables = ("influencers", "benchmarks")
    figsize = (plots.LAB_WIDTH_IN, 6.2)

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.creators = example_creators(tables["influencers"])
        self.benchmarks = {
            k: measurement.benchmark_value(tables["benchmarks"], k) for k in (*PRICE_KEYS, *FRAUD_KEYS)
        }

    def make_controls(self) -> dict[str, w.ValueWidget]:
        options = list(zip(self.creators["label"], self.creators.index, strict=True))
        creator = dropdown("Creator", options, options[min(2, len(options) - 1)][1])
        creator.layout.width = "560px"
        return {
            "creator_id": creator,
            "fakes": w.SelectionSlider(
                options=[(f"{v:,}", v) for v in FAKE_STOPS],
                value=10_000,
                description="Fake followers bought",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="460px"),
            ),
            "follow_back_pct": w.IntSlider(
                value=0,
                min=0,
                max=100,
                step=10,
                description="Follow back (% of fakes)",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="360px"),
            ),
        }

    def compute(self, **values: Any) -> LabResult:
        return fake_follower_update(self.creators, self.benchmarks, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_fakes(fig, result)
