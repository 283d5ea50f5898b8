"""Discovery-approach comparison: organic search vs a subscription platform vs an agency.

A brand needs ``creators`` new creators before a launch ``deadline_days`` away. For each way of
finding them, the lab reads the bundled (synthetic) past campaigns found that way - optionally
only one niche and one campaign goal - and answers four questions:

* **cost** - what finding and signing that many creators costs: the channel's mean discovery cost
  per creator (staff time, a platform subscription share, or an agency fee) x ``creators``, USD;
* **time** - the share of past campaigns signed within the deadline, percent;
* **candidate quality** - the mean niche fit of the creators found, 0-1;
* **value** - conversions per $1,000 spent all-in (creator fees + discovery costs).

The channel medians are assumptions of the synthetic data (datasheet: "Discovery channels"), not
published figures: the lab teaches the trade-off and how to measure it, not market prices.
"""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from .. import plots
from ..analysis.planning import channel_comparison, discovery_table, trade_off_sentence
from ..tables import Column
from .base import Lab, LabInputError, LabResult, dropdown, register

#: Discovery channels in display order (the ``discovery_channel`` column of ``campaigns``).
CHANNELS: tuple[str, ...] = ("organic", "platform", "agency")
#: A channel needs at least this many past campaigns in the selection to be compared.
MIN_CAMPAIGNS = 5
ALL = "all"
#: The four panels of the figure: number key, panel title, value format.
PANELS: tuple[tuple[str, str, str], ...] = (
    ("discovery_usd", "Cost to find them (USD)", "${:,.0f}"),
    ("in_time_pct", "Signed in time (%)", "{:.0f}%"),
    ("niche_fit", "Niche fit (0-1)", "{:.2f}"),
    ("conv_per_1k_usd", "Conversions per $1K all-in", "{:.1f}"),
)


def _select(table: pd.DataFrame, niche: str, goal: str) -> pd.DataFrame:
    mask = np.ones(len(table), dtype=bool)
    if niche != ALL:
        mask &= table["niche"].to_numpy() == niche
    if goal != ALL:
        mask &= table["goal"].to_numpy() == goal
    return table[mask]


def discovery_update(
    table: pd.DataFrame,
    creators: int = 10,
    deadline_days: int = 21,
    niche: str = ALL,
    goal: str = ALL,
) -> LabResult:
    """Compare the three discovery channels for signing ``creators`` creators within ``deadline_days``.

    Args:
        table: :func:`discovery_table` output.
        creators: creators the brand needs (>= 1).
        deadline_days: days from the start of the search to the launch (>= 0).
        niche: only creators of this niche (``"all"``: every niche).
        goal: only past campaigns with this goal (``"all"``: every goal).

    Numbers, per channel ``<ch>``: ``<ch>_discovery_usd`` (cost to find and sign ``creators``
    creators, USD), ``<ch>_per_creator_usd``, ``<ch>_in_time_pct`` (percent of past campaigns
    signed within the deadline), ``<ch>_expected_signed`` (creators expected under contract in
    time), ``<ch>_niche_fit`` (mean, 0-1), ``<ch>_conv_per_1k_usd`` (conversions per $1,000 of
    fees + discovery costs), ``<ch>_campaigns`` (past campaigns used).
    """
    if creators < 1:
        raise LabInputError("Set at least 1 creator to sign.")
    if deadline_days < 0:
        raise LabInputError("The deadline cannot be in the past: set 0 days or more.")
    selected = _select(table, niche, goal)
    _check_enough_campaigns(selected, niche, goal)
    channels = channel_comparison(selected, creators, deadline_days, CHANNELS)
    numbers = {f"{ch}_{k}": float(v) for ch, row in channels.iterrows() for k, v in row.items()}
    best = _best_channels(numbers)
    return LabResult(
        summary=discovery_sentence(
            numbers, best, creators=creators, deadline_days=deadline_days, scope=(niche, goal)
        ),
        numbers=numbers,
        table=channels.rename(columns=_table_headers(creators, deadline_days)),
        extra={**best, "creators": creators, "deadline_days": deadline_days},
    )


def _check_enough_campaigns(selected: pd.DataFrame, niche: str, goal: str) -> None:
    """Raise :class:`LabInputError` when a channel has fewer than :data:`MIN_CAMPAIGNS` past campaigns."""
    channel = selected["channel"].to_numpy()
    counts = {ch: int((channel == ch).sum()) for ch in CHANNELS}
    thin = [f"{ch} ({n})" for ch, n in counts.items() if n < MIN_CAMPAIGNS]
    if thin:
        where = " and ".join(f"{k} {v!r}" for k, v in (("niche", niche), ("goal", goal)) if v != ALL)
        raise LabInputError(
            f"Too few past campaigns to compare for {where or 'this selection'}: "
            + ", ".join(thin)
            + f" (at least {MIN_CAMPAIGNS} each are needed). Set niche or goal to 'all'."
        )


def _best_channels(numbers: dict[str, float]) -> dict[str, str]:
    """The channel that wins each comparison: ``cheapest``, ``fastest`` (most signed in time, then
    fewest median days), ``best_fit``, ``best_value``."""
    return {
        "cheapest": min(CHANNELS, key=lambda ch: numbers[f"{ch}_discovery_usd"]),
        "fastest": max(
            CHANNELS, key=lambda ch: (numbers[f"{ch}_in_time_pct"], -numbers[f"{ch}_days_median"])
        ),
        "best_fit": max(CHANNELS, key=lambda ch: numbers[f"{ch}_niche_fit"]),
        "best_value": max(CHANNELS, key=lambda ch: numbers[f"{ch}_conv_per_1k_usd"]),
    }


def discovery_sentence(
    numbers: dict[str, float],
    best: dict[str, str],
    *,
    creators: int,
    deadline_days: int,
    scope: tuple[str, str],
) -> str:
    """The lab's sentence: each channel's cost and share signed in time, and which channel wins what."""
    chosen = ", ".join(v for v in scope if v != ALL)
    summary = (
        f"Signing {creators} creator{'s' if creators > 1 else ''}{f' ({chosen})' if chosen else ''} "
        f"within {deadline_days} days: "
        + "; ".join(
            f"{ch} ${numbers[f'{ch}_discovery_usd']:,.0f}, {numbers[f'{ch}_in_time_pct']:.0f}% in time"
            for ch in CHANNELS
        )
        + f". Cheapest search: {best['cheapest']}; fastest: {best['fastest']}; best niche fit: "
        f"{best['best_fit']}; most conversions per $1,000 all-in: {best['best_value']}."
    )
    if all(numbers[f"{ch}_in_time_pct"] == 0 for ch in CHANNELS):
        summary += " No channel signed anyone this fast in the past: move the deadline."
    return summary


def _table_headers(creators: int, deadline_days: int) -> dict[str, str]:
    """Headers of the lab's table (one row per channel), by column of the channel comparison."""
    return {
        "campaigns": "past campaigns",
        "per_creator_usd": "cost per creator (USD)",
        "discovery_usd": f"cost for {creators} (USD)",
        "days_median": "median days to sign",
        "in_time_pct": f"% signed within {deadline_days} days",
        "expected_signed": "creators signed in time",
        "niche_fit": "mean niche fit",
        "conv_per_1k_usd": "conversions per $1,000 all-in",
    }


def _panel_label(ax: Any, label: str) -> None:
    """A bold label above the panel, kept between updates (a plain text: cheaper to render than an
    Axes title, whose position is recomputed from the tick labels on every draw)."""
    text = getattr(ax, "_course_panel_label", None)
    if text is None or text not in ax.texts:
        text = ax.text(
            0.0,
            1.04,
            "",
            transform=ax.transAxes,
            fontsize=plots.BASE_FONT_PT - 1,
            fontweight="bold",
            va="bottom",
        )
        ax._course_panel_label = text
    text.set_text(label)


def _channel_names(ax: Any) -> None:
    """Channel names under the bars and a baseline, as plain artists created once per Axes."""
    if getattr(ax, "_course_channel_names", None) and all(t in ax.texts for t in ax._course_channel_names):
        return
    under = blended_transform_factory(ax.transData, ax.transAxes)
    names = []
    for bar, channel in zip(ax.patches[: len(CHANNELS)], CHANNELS, strict=True):
        x = bar.get_x() + bar.get_width() / 2
        names.append(
            ax.text(
                x, -0.03, channel, transform=under, ha="center", va="top", fontsize=plots.BASE_FONT_PT - 2
            )
        )
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax._course_channel_names = names


def draw_discovery(fig: Figure, result: LabResult) -> None:
    """Four small panels - cost, time, niche fit, value - one bar per channel.

    Channels are named under the bars and keep one colour and hatch each across the panels; the
    value is written on every bar, so the panels need no axes at all (the axis machinery is the
    slowest part of a redraw).
    """
    for ax, (key, label, fmt) in zip(fig.axes, PANELS, strict=True):
        values = [result.numbers[f"{ch}_{key}"] for ch in CHANNELS]
        plots.bar_groups(ax, list(CHANNELS), {label: values}, value_format=fmt)
        for i, bar in enumerate(ax.patches[: len(CHANNELS)]):
            bar.set_facecolor(plots.PALETTE[i])
            bar.set_hatch(plots.HATCHES[i])
        ax.set_axis_off()
        _panel_label(ax, label)
        _channel_names(ax)
    extra = result.extra
    finding = trade_off_sentence(extra["fastest"], extra["best_fit"], extra["cheapest"])
    room = fig.get_figwidth() * fig.dpi * 0.97
    finding = plots.wrap_to_width(finding, plots.BASE_FONT_PT + 1, room, fig.dpi, "bold")
    fig.suptitle(finding, x=0.01, ha="left", fontsize=plots.BASE_FONT_PT + 1, fontweight="bold")
    text = (
        f"{extra['creators']} creators, {extra['deadline_days']}-day deadline; synthetic past campaigns "
        "(channel costs and delays are course assumptions)"
    )
    text = plots.wrap_to_width(text, plots.LAB_MIN_FONT_PT, room, fig.dpi)
    sub = getattr(fig, "_course_subtitle", None)
    if sub is None:
        sub = fig._course_subtitle = fig.text(  # type: ignore[attr-defined]
            0.01, 0.0, text, fontsize=plots.LAB_MIN_FONT_PT, color="#444444", ha="left", va="top"
        )
    sub.set_text(text)
    # under the finding's lines (the suptitle hangs from 98% of the height)
    sub.set_y(0.98 - (finding.count("\n") + 1) * (plots.BASE_FONT_PT + 1) * 1.25 / (fig.get_figheight() * 72))


@register
class DiscoveryComparison(Lab):
    """Discovery-approach comparison lab (lesson 05)."""

    name = "discovery"
    title = "Finding creators: organic search, a platform or an agency?"
    figsize: ClassVar[tuple[float, float]] = (plots.LAB_WIDTH_IN, 6.4)
    tables = ("campaigns", "influencers")
    table_index = "channel"
    table_columns: ClassVar[dict[str, Column]] = {
        "past campaigns": Column("past campaigns", fmt="count"),
        "cost per creator (USD)": Column("cost per creator", "USD", "usd0"),
        "median days to sign": Column("median days to sign", fmt="decimal1"),
        "% signed within 21 days": Column("signed within 21 days", "%", "percent"),
        "creators signed in time": Column("creators signed in time", fmt="decimal1"),
        "mean niche fit": Column("mean niche fit", "0-1", "decimal2"),
        "conversions per $1,000 all-in": Column("conversions per $1,000 all-in", fmt="decimal1"),
    }

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.table = discovery_table(tables["campaigns"], tables["influencers"])

    def make_controls(self) -> dict[str, w.ValueWidget]:
        niches = [ALL, *sorted(self.table["niche"].unique())]
        goals = [
            ALL,
            *[g for g in ("awareness", "consideration", "conversion") if g in set(self.table["goal"])],
        ]
        return {
            "creators": w.IntSlider(
                value=10,
                min=1,
                max=50,
                description="Creators to sign",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="360px"),
            ),
            "deadline_days": w.IntSlider(
                value=21,
                min=0,
                max=60,
                description="Days until launch",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="360px"),
            ),
            "niche": dropdown("Niche", niches, ALL),
            "goal": dropdown("Goal", goals, ALL),
        }

    def compute(self, **values: Any) -> LabResult:
        return discovery_update(self.table, **values)

    def _ensure_panels(self) -> None:
        """Replace the base class's single Axes by one Axes per panel (once)."""
        fig = self.fig
        if len(fig.axes) == len(PANELS):
            return
        for ax in list(fig.axes):
            fig.delaxes(ax)
        with plots.house_style():
            fig.subplots(2, len(PANELS) // 2)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.07, top=0.72, wspace=0.12, hspace=0.45)
        self._message = fig.text(
            0.5, 0.45, "", ha="center", va="center", fontsize=plots.BASE_FONT_PT, wrap=True
        )

    def render(self, result: LabResult) -> bytes:
        """As :meth:`Lab.render`, but a message spans the whole figure (not the first panel)."""
        self._ensure_panels()
        if result.ok:
            self._message.set_text("")
            return super().render(result)
        for ax in self.fig.axes:
            plots.message_axes(ax, "")
        self.fig.suptitle("")
        subtitle = getattr(self.fig, "_course_subtitle", None)
        if subtitle is not None:
            subtitle.set_text("")
        self._message.set_text(result.message or "")
        return plots.figure_svg(self.fig)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_discovery(fig, result)
