"""The capstone's figures and display helpers: the forecast, the campaign timeline, the EMV check, the
shortlist's track record, and Markdown shown in a notebook.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ... import metrics, plots
from .kpis import main_kpi
from .measurement_step import emv_check
from .plan import CampaignPlan
from .settings import FOLLOW_UP_DAYS, LEAD_DAYS
from .workbench import Workbench

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def draw_forecast(ax: Axes, plan: CampaignPlan, *, plain: bool = False) -> Axes:
    """Median of the goal's main count per tier, with the 80% interval (lesson 05's bars).

    ``plain=True`` (the lab) switches the axis machinery off - the medians are written on the bars and
    the tiers under them as plain text - for faster redraws."""
    kpi = main_kpi(plan.brief.goal)
    table = plan.forecast_table
    label = f"{kpi} (median)"
    plots.bar_groups(
        ax,
        [str(t) for t in table.index],
        {label: table[f"{kpi}_p50"].to_numpy(dtype=float)},
        errors={
            label: (table[f"{kpi}_p10"].to_numpy(dtype=float), table[f"{kpi}_p90"].to_numpy(dtype=float))
        },
        ylabel=f"{kpi} (bars: 80% interval)",
        value_format="{:,.0f}",
    )
    ax.yaxis.set_major_formatter(plots.HUMAN)
    if plain:
        _plain_bars(ax, [str(t) for t in table.index])
        # no y axis here: each bar says its median and its 80% interval in words
        labels = ax._course_bars.labels[0]  # type: ignore[attr-defined]
        for text, tier in zip(labels, table.index, strict=True):
            row = table.loc[tier]
            text.set_text(f"{row[f'{kpi}_p50']:,.0f}\n({row[f'{kpi}_p10']:,.0f}-{row[f'{kpi}_p90']:,.0f})")
    f = plan.forecast
    plots.set_title(
        ax,
        f"{plots.human_number(f[kpi + '_p50'])} {kpi} expected "
        f"({plots.human_number(f[kpi + '_p10'])}-{plots.human_number(f[kpi + '_p90'])})",
        f"${plan.spent_usd:,.0f} in fees; per tier: median (80% interval); synthetic replay"
        if plain  # the lab: no y axis, and the panel beside it starts where this line must end
        else f"${plan.spent_usd:,.0f} in fees; synthetic past {plan.brief.goal} campaigns replayed",
    )
    return ax


def _plain_bars(ax: Axes, categories: list[str]) -> None:
    """Category names under the bars and a baseline as plain artists (created once per bar layout);
    the axes themselves are switched off."""
    from matplotlib.transforms import blended_transform_factory

    names = getattr(ax, "_capstone_names", None)
    if not (names and all(t in ax.texts for t in names) and [t.get_text() for t in names] == categories):
        under = blended_transform_factory(ax.transData, ax.transAxes)
        bars = ax.patches[: len(categories)]
        names = [
            ax.text(b.get_x() + b.get_width() / 2, -0.02, c, transform=under, ha="center", va="top",
                    fontsize=plots.BASE_FONT_PT - 1)
            for b, c in zip(bars, categories, strict=True)
        ]  # fmt: skip
        ax.axhline(0, color="#333333", linewidth=0.8)
        ax._capstone_names = names  # type: ignore[attr-defined]
    ax.set_axis_off()


#: What the timeline's markers mean (for a caption or a lab's key).
TIMELINE_KEY = (
    "▲ launch, ◆ PR event, ■ trade show (brand calendar) · | campaign post · ▼ briefing · "
    "● call, ⬢ newsletter · ★ executive email · ▶ executive trip · ✖ conflict · shaded: embargo"
)
#: Rows of the campaign timeline, top to bottom.
TIMELINE_ROWS: tuple[tuple[str, str], ...] = (
    ("calendar", "brand calendar"),
    ("posts", "campaign posts"),
    ("briefing", "briefings"),
    ("regular", "calls / newsletters"),
    ("exec_email", "executive email"),
    ("trip", "executive trips"),
    ("conflict", "conflicts"),
)


_TIMELINE_STYLES: dict[str, tuple[str, str, str, float]] = {
    "product_launch": ("calendar", "^", plots.PALETTE[7], 11),
    "pr_event": ("calendar", "D", plots.PALETTE[4], 8),
    "trade_show": ("calendar", "s", plots.PALETTE[5], 8),
    "post": ("posts", "|", plots.PALETTE[0], 14),
    "briefing": ("briefing", "v", plots.PALETTE[2], 9),
    "call": ("regular", "o", plots.PALETTE[1], 7),
    "newsletter": ("regular", "h", plots.PALETTE[1], 8),  # not the trade show's square
    "exec_email": ("exec_email", "*", plots.PALETTE[7], 13),
    "trip": ("trip", ">", plots.PALETTE[3], 9),
}
_ROW_Y: dict[str, int] = {key: len(TIMELINE_ROWS) - 1 - i for i, (key, _) in enumerate(TIMELINE_ROWS)}


@dataclass
class _TimelineArtists:
    """The timeline's artists, created once per Axes and moved on every redraw (fast lab updates)."""

    embargo: Any
    points: dict[str, Any]
    conflicts: Any


def _timeline_artists(ax: Axes) -> _TimelineArtists:
    """Build the timeline once: the axis machinery is switched off (the slowest part of a redraw) and
    the row names, day labels and guide lines are plain artists that never change."""
    from matplotlib.collections import PolyCollection
    from matplotlib.transforms import blended_transform_factory

    plots.reset_axes(ax)
    ax.set_axis_off()
    ax.set_ylim(-0.6, len(TIMELINE_ROWS) - 0.4)
    ax.set_xlim(-LEAD_DAYS - 3, FOLLOW_UP_DAYS + 3)  # room for half a marker on the first and last days
    rows_x = blended_transform_factory(ax.transAxes, ax.transData)
    days_y = blended_transform_factory(ax.transData, ax.transAxes)
    size = plots.BASE_FONT_PT - 1
    for key, label in TIMELINE_ROWS:
        ax.text(-0.01, _ROW_Y[key], label, transform=rows_x, ha="right", va="center", fontsize=size)
    left, right = -LEAD_DAYS - 1, FOLLOW_UP_DAYS + 1
    ax.hlines([_ROW_Y[k] for k, _ in TIMELINE_ROWS], left, right, colors="#DDDDDD", linewidth=0.8, zorder=0)
    ticks = np.arange(-(LEAD_DAYS // 28) * 28, FOLLOW_UP_DAYS + 1, 28)
    ax.vlines(ticks, -0.6, len(TIMELINE_ROWS) - 0.4, colors="#EEEEEE", linewidth=0.8, zorder=0)
    for day in ticks:
        label = "launch" if day == 0 else f"{day:+d}"
        ax.text(day, -0.02, label, transform=days_y, ha="center", va="top", fontsize=size)
    ax.text(
        0.5,
        -0.1,
        "days from launch (shaded = embargo)",
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=plots.BASE_FONT_PT,
    )
    ax.hlines(-0.6, left, right, colors="#333333", linewidth=0.8)
    embargo = PolyCollection([], facecolors="#BBBBBB", alpha=0.35, hatch="//", edgecolors="none", zorder=0)
    ax.add_collection(embargo)
    ax.axvline(0, color=plots.PALETTE[7], linewidth=1.5, zorder=1)
    points = {}
    for kind, (_row, marker, colour, size) in _TIMELINE_STYLES.items():
        (points[kind],) = ax.plot(
            [],
            [],
            linestyle="none",
            marker=marker,
            color=colour,
            markersize=size,
            markeredgewidth=1.6 if marker == "|" else 0.5,
            markeredgecolor=colour if marker == "|" else "#333333",
            zorder=3,
        )
    (conflicts,) = ax.plot(
        [],
        [],
        linestyle="none",
        marker="X",
        markersize=12,
        color=plots.PALETTE[3],
        markeredgecolor="black",
        zorder=5,
    )
    artists = _TimelineArtists(embargo, points, conflicts)
    ax._capstone_timeline = artists  # type: ignore[attr-defined]
    return artists


def draw_timeline(ax: Axes, plan: CampaignPlan) -> Axes:
    """The campaign window on one axis, in days from launch: the embargo (shaded), launch, PR events
    and trade shows, posts, briefings, regular contacts, the executive email, trips and conflicts
    (crosses). Called again on the same Axes, it moves its artists instead of redrawing them."""
    artists: _TimelineArtists | None = getattr(ax, "_capstone_timeline", None)
    if artists is None or artists.conflicts not in ax.lines:
        artists = _timeline_artists(ax)
    b = plan.brief
    e = plan.schedule.entries
    day = (e["start"].to_numpy("datetime64[D]") - b.launch).astype("int64")
    end = (e["end"].to_numpy("datetime64[D]") - b.launch).astype("int64")
    kind = e["kind"].to_numpy(dtype=object)
    emb = kind == "embargo"
    top, bottom = len(TIMELINE_ROWS) - 0.4, -0.6
    artists.embargo.set_verts(
        [
            [(a - 0.5, bottom), (a - 0.5, top), (z + 0.5, top), (z + 0.5, bottom)]
            for a, z in zip(day[emb], end[emb], strict=True)
        ]
    )
    for k, (row, *_style) in _TIMELINE_STYLES.items():
        xs = np.unique(day[kind == k])
        artists.points[k].set_data(xs, np.full(xs.size, _ROW_Y[row]))
    cdays = np.unique((plan.schedule.conflicts["date"].to_numpy("datetime64[D]") - b.launch).astype("int64"))
    artists.conflicts.set_data(cdays, np.full(cdays.size, _ROW_Y["conflict"]))
    n = len(plan.schedule.conflicts)
    plots.set_title(
        ax,
        f"{n} conflict{'s' if n != 1 else ''} to fix before export"
        if n
        else "No schedule conflicts (the other self-checks still apply)",
        f"{b.brand}, {b.planning_start} to {b.window_end}; synthetic calendar",
    )
    return ax


def track_record(bench: Workbench, plan: CampaignPlan) -> pd.DataFrame:
    """The signed creators' past record next to the same number of most-followed creators of the niche
    (unscreened: the popularity trap of lesson 07). One row each: ``creators``, ``conversions_per_1k_usd``
    (their past campaigns' conversions per $1,000 of fees, pooled), ``median_followers``,
    ``median_niche_fit`` (0-1) and ``median_authenticity`` (share 0-1)."""
    pool = bench.candidates[bench.candidates["niche"].astype(str) == plan.brief.niche]
    n = len(plan.signed)
    groups = {
        "your shortlist": pool.loc[pool.index.intersection(plan.signed["influencer_id"])],
        f"the {n} most-followed": pool.sort_values(["followers"], ascending=False, kind="stable").head(n),
    }
    rows = {}
    for name, g in groups.items():
        rows[name] = {
            "creators": len(g),
            "conversions_per_1k_usd": 1000
            * float(
                metrics.conversions_per_dollar(
                    float(g["past_conversions"].sum()), float(g["past_fees_usd"].sum())
                )
            ),
            "median_followers": float(g["followers"].median()),
            "median_niche_fit": float(g["niche_fit"].median()),
            "median_authenticity": float(g["audience_authenticity"].median()),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "creators chosen by"
    return table


def draw_emv_check(ax: Axes, plan: CampaignPlan, cpm_rates_usd: Mapping[str, float]) -> Axes:
    """Bars: the fees, the median forecast revenue, and EMV at each reference CPM (USD per 1,000
    impressions) in ``cpm_rates_usd`` (label -> rate). The title states how far EMV is from revenue."""
    checks = {label: emv_check(plan, rate) for label, rate in cpm_rates_usd.items()}
    first = next(iter(checks.values()))
    labels = ["fees", "forecast revenue", *[f"EMV at {k}" for k in checks]]
    values = [first["spend_usd"], first["revenue_usd"], *[c["emv_usd"] for c in checks.values()]]
    plots.bar_groups(ax, labels, {"USD": values}, value_format="${:,.0f}", ylabel="USD (median forecast)")
    for bar in ax.patches[2 : len(labels)]:  # EMV bars look different: they are not money
        bar.set_facecolor(plots.PALETTE[1])
        bar.set_hatch(plots.HATCHES[1])
    ax.yaxis.set_major_formatter(plots.USD)
    low, high = min(c["emv_usd"] for c in checks.values()), max(c["emv_usd"] for c in checks.values())
    revenue = first["revenue_usd"]
    plots.set_title(
        ax,
        f"EMV would report {plots.usd(low)}-{plots.usd(high)}; the forecast revenue is {plots.usd(revenue)}",
        "EMV = impressions / 1,000 x a reference CPM: a price on attention, not money; synthetic forecast",
    )
    return ax


def show_markdown(text: str) -> Any:
    """Display Markdown text (e.g. :func:`plan_markdown`) rendered in a notebook."""
    from IPython.display import Markdown

    return Markdown(text)
