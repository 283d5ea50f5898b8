"""Tier-scheme explorer: the same creators counted under two published tier schemes.

Follower tiers ("nano", "micro", ...) have no standard cut-offs: Mediakix, Later x Fohr and
HypeAuditor draw the lines in different places, so the same creator can be "micro" in one report
and "mid" in another. The lab counts the bundled creators under two schemes and shows who changes
tier.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from .. import metrics, plots
from .base import Lab, LabInputError, LabResult, dropdown, register

ALL = "all"


def filter_creators(influencers: pd.DataFrame, platform: str = ALL, niche: str = ALL) -> pd.DataFrame:
    """Creators on ``platform`` in ``niche`` (``"all"`` keeps every value); raises if none are left."""
    mask = pd.Series(True, index=influencers.index)
    if platform != ALL:
        mask &= influencers["platform"].astype(str) == platform
    if niche != ALL:
        mask &= influencers["niche"].astype(str) == niche
    selected = influencers[mask]
    if selected.empty:
        raise LabInputError(
            f"No creators match platform={platform!r} and niche={niche!r}. "
            "Choose 'all' for one of them or another combination."
        )
    return selected


def tier_explorer_update(
    influencers: pd.DataFrame,
    scheme_a: str = "mediakix",
    scheme_b: str = "hypeauditor",
    platform: str = ALL,
    niche: str = ALL,
) -> LabResult:
    """Count creators per tier under two schemes and measure how many change tier.

    Returns numbers ``creators`` (count), ``changed`` (count), ``changed_pct`` (percent of the
    selection whose tier label differs between the schemes) and a table with one row per tier
    label and the count under each scheme.
    """
    selected = filter_creators(influencers, platform, niche)
    tiers_a = metrics.assign_tier(selected["followers"], scheme_a).astype(str)
    tiers_b = metrics.assign_tier(selected["followers"], scheme_b).astype(str)
    name_a = f"A: {metrics.TIER_SCHEMES[scheme_a].name}"
    name_b = f"B: {metrics.TIER_SCHEMES[scheme_b].name}"
    labels = list(dict.fromkeys([*metrics.tier_labels(scheme_a), *metrics.tier_labels(scheme_b)]))
    counts = pd.DataFrame(
        {
            name_a: tiers_a.value_counts().reindex(labels, fill_value=0),
            name_b: tiers_b.value_counts().reindex(labels, fill_value=0),
        }
    )
    counts.index.name = "tier"
    changed = int((tiers_a != tiers_b).sum())
    n = len(selected)
    changed_pct = 100.0 * changed / n
    moves = (
        pd.crosstab(tiers_a.rename(name_a), tiers_b.rename(name_b)).stack().rename("creators").reset_index()
    )
    moves = moves[(moves["creators"] > 0) & (moves[name_a] != moves[name_b])]
    moves = moves.sort_values("creators", ascending=False).head(3)
    top_moves = "; ".join(f"{r.creators:,} {r[name_a]} -> {r[name_b]}" for _, r in moves.iterrows())
    summary = (
        f"{changed:,} of {n:,} creators ({changed_pct:.0f}%) get a different tier label under "
        f"{name_b[3:]} than under {name_a[3:]}."
    )
    if top_moves:
        summary += f" Largest moves: {top_moves}."
    if scheme_a == scheme_b:
        summary = f"Both controls use {name_a[3:]}: pick two different schemes to see creators move."
    return LabResult(
        summary=summary,
        numbers={"creators": float(n), "changed": float(changed), "changed_pct": changed_pct},
        table=counts,
        extra={"name_a": name_a, "name_b": name_b},
    )


def draw_tier_counts(fig: Figure, result: LabResult) -> None:
    """Grouped bars: creators per tier under each scheme."""
    ax = fig.axes[0]
    table = result.table
    assert table is not None
    plots.bar_groups(
        ax,
        [str(i) for i in table.index],
        {col: table[col].to_numpy() for col in table.columns},
        ylabel="creators",
    )
    plots.set_title(
        ax,
        f"{result.numbers['changed_pct']:.0f}% of creators change tier with the scheme",
        "synthetic course data; cut-offs from Mediakix, Later x Fohr 2021, HypeAuditor",
    )


@register
class TierExplorer(Lab):
    """Tier-scheme explorer lab (lesson 01)."""

    name = "tier-explorer"
    title = "Tier-scheme explorer: same creators, different cut-offs"
    tables = ("influencers",)

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.influencers = tables["influencers"]

    def make_controls(self) -> dict[str, w.ValueWidget]:
        schemes = [(s.name, key) for key, s in metrics.TIER_SCHEMES.items()]
        platforms = [ALL, *sorted(self.influencers["platform"].astype(str).unique())]
        niches = [ALL, *sorted(self.influencers["niche"].astype(str).unique())]
        return {
            "scheme_a": dropdown("Scheme A", schemes, "mediakix"),
            "scheme_b": dropdown("Scheme B", schemes, "hypeauditor"),
            "platform": dropdown("Platform", platforms, ALL),
            "niche": dropdown("Niche", niches, ALL),
        }

    def compute(self, **values: Any) -> LabResult:
        return tier_explorer_update(self.influencers, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_tier_counts(fig, result)
