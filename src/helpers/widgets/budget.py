"""Budget planner: split a budget across follower tiers -> reach, engagements, conversions.

The forecast is built from the bundled (synthetic) past campaigns: each tier's money buys as many
creators as its average fee allows, and every simulated creator delivers the outcome of a past
campaign of that tier drawn at random. Repeating the draw gives an 80% interval (10th-90th
percentile) as well as the median, so the learner sees the uncertainty, not one number.
"""

from __future__ import annotations

import html
from typing import Any, ClassVar

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from .. import metrics, plots
from ..analysis.budget import (
    EXACT_DRAW_LIMIT,
    N_SIMS,
    OUTCOMES,
    SEED,
    BudgetInputError,
    TierHistory,
    adds_up,
    forecast_split,
    simulate_tier,
    tier_histories,
)
from ..tables import Column
from .base import Lab, LabInputError, LabResult, dropdown, register, slider

__all__ = [
    "EXACT_DRAW_LIMIT",
    "N_SIMS",
    "OUTCOMES",
    "SEED",
    "BudgetPlanner",
    "TierHistory",
    "budget_planner_update",
    "simulate_tier",
    "split_message",
    "tier_histories",
]


def budget_planner_update(
    histories: dict[str, TierHistory], budget_usd: float, shares_pct: dict[str, float]
) -> LabResult:
    """Forecast outcomes for a budget split across tiers.

    Args:
        histories: past campaigns per tier (:func:`tier_histories`).
        budget_usd: total budget in US dollars (> 0).
        shares_pct: share of the budget per tier in percent; normalised to sum to 100.

    Returns numbers ``<outcome>_p10/_p50/_p90`` for the whole plan, ``creators``, ``unspent_usd``,
    ``share_total_pct`` (what the shares add up to) and ``share_used_pct_<tier>`` (the split used),
    and a table per tier: share used, money, creators bought, median and 80% interval of each
    outcome. Shares that do not add up to 100% are scaled to 100%, and the summary says so.
    """
    try:
        forecast = forecast_split(histories, budget_usd, shares_pct)
    except BudgetInputError as err:
        raise LabInputError(str(err)) from err
    numbers, table, notes = forecast.numbers, forecast.table, forecast.notes
    total_share = numbers["share_total_pct"]
    summary = (
        f"${budget_usd:,.0f} buys about {numbers['creators']:,.0f} creators: a median of "
        f"{numbers['conversions_p50']:,.0f} conversions (80% interval {numbers['conversions_p10']:,.0f}-"
        f"{numbers['conversions_p90']:,.0f}) and {plots.human_number(numbers['reach_p50'])} reach."
    )
    if notes:
        summary += " Note: " + "; ".join(notes) + "."
    if not adds_up(total_share):
        summary = f"{split_message(shares_pct)} {summary}"
    return LabResult(summary=summary, numbers=numbers, table=table.round(0))


def split_message(shares_pct: dict[str, float]) -> str:
    """What the planner does with shares that do not add up to 100% (empty when they do)."""
    total = sum(max(v, 0.0) for v in shares_pct.values())
    if total <= 0 or adds_up(total):
        return ""
    used = ", ".join(f"{tier} {100 * v / total:.0f}%" for tier, v in shares_pct.items() if v > 0)
    return f"The tier shares add up to {total:.0f}%, not 100%: the plan below scales them to {used}."


def split_note_html(shares_pct: dict[str, float]) -> str:
    """The line under the tier sliders: their total, and the split used when it is not 100%."""
    total = sum(max(v, 0.0) for v in shares_pct.values())
    if adds_up(total):
        return f'<div class="course-lab-split">Tier shares add up to {total:.0f}% of the budget.</div>'
    text = split_message(shares_pct) if total > 0 else "Every tier is at 0%: move a slider above 0%."
    return (
        '<div class="course-lab-split course-lab-split-warning" role="status" '
        f'style="border-left:6px solid #E69F00;padding:2px 8px">&#9888; {html.escape(text)}</div>'
    )


def draw_budget(fig: Figure, result: LabResult) -> None:
    """Median conversions per tier with 80% intervals."""
    ax = fig.axes[0]
    table = result.table
    assert table is not None
    plots.bar_groups(
        ax,
        list(table.index),
        {"conversions (median)": table["conversions_p50"].to_numpy()},
        errors={
            "conversions (median)": (table["conversions_p10"].to_numpy(), table["conversions_p90"].to_numpy())
        },
        ylabel="conversions (bars: 80% interval)",
    )
    best = table["conversions_p50"].idxmax()
    plots.set_title(
        ax,
        f"Most conversions come from the {best} tier in this split",
        "forecast from synthetic past campaigns; bars show the 10th-90th percentile",
    )


@register
class BudgetPlanner(Lab):
    """Budget planner lab (lesson 05)."""

    name = "budget-planner"
    title = "Budget planner: split a budget across tiers"
    tables = ("campaigns", "influencers")
    table_index = "tier"
    table_columns: ClassVar[dict[str, Column]] = {
        "share_pct": Column("share used", "%", "percent"),
        "budget_usd": Column("budget", "USD", "usd0"),
        "creators": Column("creators bought", fmt="count"),
        "reach": Column(
            "reach: median (80% interval)", "accounts", "compact", ("reach_p50", "reach_p10", "reach_p90")
        ),
        "engagements": Column(
            "engagements: median (80% interval)",
            fmt="compact",
            source=("engagements_p50", "engagements_p10", "engagements_p90"),
        ),
        "conversions": Column(
            "conversions: median (80% interval)",
            fmt="count",
            source=("conversions_p50", "conversions_p10", "conversions_p90"),
        ),
    }

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.campaigns = tables["campaigns"]
        self.influencers = tables["influencers"]
        self._histories: dict[tuple[str, str], dict[str, TierHistory]] = {}
        self.split_note = w.HTML()  # under the tier sliders: their total and the split used

    def histories(self, scheme: str, platform: str) -> dict[str, TierHistory]:
        """Per-tier history for a scheme and platform, computed once and cached."""
        key = (scheme, platform)
        if key not in self._histories:
            self._histories[key] = tier_histories(self.campaigns, self.influencers, scheme, platform)
        return self._histories[key]

    def make_controls(self) -> dict[str, w.ValueWidget]:
        platforms = ["all", *sorted(self.influencers["platform"].astype(str).unique())]
        controls: dict[str, w.ValueWidget] = {
            "budget_usd": w.IntSlider(
                value=50_000,
                min=0,
                max=1_000_000,
                step=5_000,
                description="Budget (USD)",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="420px"),
            ),
            "platform": dropdown("Platform", platforms, "all"),
        }
        defaults = {"nano": 20.0, "micro": 40.0, "mid": 30.0, "macro": 10.0, "mega": 0.0}
        for tier in metrics.tier_labels("mediakix", include_below=False):
            controls[f"share_{tier}"] = slider(f"{tier} %", defaults.get(tier, 0.0), 0, 100, 5)
        return controls

    def layout_controls(self) -> w.Widget:
        return w.VBox([super().layout_controls(), self.split_note])

    def update(self) -> LabResult:
        result = super().update()
        shares = {k.removeprefix("share_"): v for k, v in self.values().items() if k.startswith("share_")}
        self.split_note.value = split_note_html(shares)
        return result

    def compute(self, **values: Any) -> LabResult:
        shares = {k.removeprefix("share_"): v for k, v in values.items() if k.startswith("share_")}
        return budget_planner_update(
            self.histories("mediakix", values["platform"]), values["budget_usd"], shares
        )

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_budget(fig, result)
