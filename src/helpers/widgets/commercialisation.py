"""Over-commercialisation lab (lesson 03): a TOY MODEL of what too many ads do to a creator's audience.

**This is a toy model, not a finding.** The model - its equations, parameters and what it leaves out -
is documented and computed in :mod:`helpers.analysis.commercialisation` (re-exported here:
:class:`ToyParams`, :func:`calibrate`, :func:`parameter_table`, :func:`simulate`). This module holds
the lab: its sentence (:func:`commercialisation_summary`), its table (:func:`commercialisation_table`),
the pure update composing them (:func:`commercialisation_update`) and the drawing.
"""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, MaxNLocator

from .. import plots
from ..analysis.commercialisation import (
    FIT_LABELS,
    SWEEP_PCT,
    ToyInputError,
    ToyParams,
    ToyYear,
    calibrate,
    parameter_table,
    simulate,
    toy_year,
)
from ..tables import Column
from .base import Lab, LabInputError, LabResult, dropdown, register, slider

__all__ = [
    "FIT_LABELS",
    "SWEEP_PCT",
    "CommercialisationLab",
    "ToyParams",
    "calibrate",
    "commercialisation_summary",
    "commercialisation_table",
    "commercialisation_update",
    "draw_commercialisation",
    "parameter_table",
    "simulate",
]


def commercialisation_summary(year: ToyYear, months: int) -> str:
    """The lab's sentence on one :class:`~helpers.analysis.commercialisation.ToyYear` of ``months``
    months: trust, followers and engagement over the year, and where sponsored engagements peak."""
    n = year.numbers
    summary = (
        f"Toy model, {year.share_pct:.0f}% ads for {FIT_LABELS[year.fit]} "
        f"(tolerance {year.tolerance_pct:.0f}%): after {months} months trust is "
        f"{n['trust_change_pct']:+.0f}%, "
        f"{n['unfollows']:,.0f} of {n['followers_start']:,.0f} followers unfollowed "
        f"({n['churn_pct']:.0f}% churn; "
        f"net {n['net_follower_change_pct']:+.0f}%), and engagement per post went from "
        f"{n['er_start_pct']:.2f}% to {n['er_end_pct']:.2f}%. "
        f"Sponsored engagements this year peak at {n['best_share_pct']:.0f}% ads; at the "
        f"end-of-year pace they would peak at {n['best_pace_share_pct']:.0f}%"
    )
    if n["best_pace_share_pct"] < n["best_share_pct"]:
        summary += ", a lower share: ads beyond the tolerance borrow from next year."
    elif n["best_pace_share_pct"] > n["best_share_pct"]:
        summary += ", a higher share."
    else:
        summary += ", the same share."
    if year.share_pct == 0:
        summary += " With no ads there is nothing to sell: move the share up."
    elif year.share_pct == 100:
        summary += " Every post is an ad: the feed has become a catalogue."
    return summary


def commercialisation_table(year: ToyYear) -> pd.DataFrame:
    """Trust (0-100), followers, ER of all posts (percent) and unfollows in the month, every three
    months of a year (every month of another length)."""
    return pd.DataFrame(
        {
            "trust (0-100)": 100.0 * year.trust,
            "followers": year.followers,
            "ER all posts (%)": year.er_pct,
            "unfollows in month": np.concatenate([[np.nan], year.unfollows]),
        },
        index=pd.Index(year.months, name="month"),
    ).iloc[[0, 3, 6, 9, 12] if len(year.months) == 13 else slice(None)]


def commercialisation_update(
    params: ToyParams, sponsored_share_pct: float = 30.0, tolerance_pct: float = 20.0, fit: str = "on"
) -> LabResult:
    """One year of the toy model at one sponsored share, plus a sweep over all shares.

    Numbers: :func:`helpers.analysis.commercialisation.toy_year`'s. Summary:
    :func:`commercialisation_summary`. Table: :func:`commercialisation_table` (trust, followers, ER and
    unfollows every three months). ``extra`` holds the paths (as indices) and the sweep for drawing.
    """
    try:
        year = toy_year(params, sponsored_share_pct, tolerance_pct, fit)
    except ToyInputError as err:
        raise LabInputError(str(err)) from err
    return LabResult(
        summary=commercialisation_summary(year, params.months),
        numbers=year.numbers,
        table=commercialisation_table(year),
        extra={
            "months": year.months,
            **year.indices(),
            "sweep_pct": SWEEP_PCT,
            "sweep_engagements": year.sweep_engagements,
            "sweep_pace": year.sweep_pace,
            "share_pct": float(sponsored_share_pct),
            "tolerance_pct": float(tolerance_pct),
            "fit": fit,
        },
    )


def _lines(ax: Any, n: int) -> list:
    """``n`` reusable line artists on ``ax`` (created once, found again after a redraw)."""
    existing = getattr(ax, "_course_lines", None)
    if existing and all(line in ax.lines for line in existing) and len(existing) == n:
        return existing
    return []


def _clear(ax: Any, xticks: list[float]) -> None:
    """Clear ``ax`` for a rebuild: house style and few fixed ticks.

    Every text costs layout time on each redraw, so the lab keeps its texts few."""
    plots.reset_axes(ax)
    plots.style_axes(ax)
    ax.xaxis.set_major_locator(FixedLocator(xticks))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4))


def _path_lines(ax: Any, n_months: int) -> list:
    """The left panel's three lines (trust, followers, engagements per post), set up on first use."""
    lines = _lines(ax, 3)
    if lines:
        return lines
    _clear(ax, list(range(0, n_months, 3)))
    names = ("trust", "followers", "engagements per post")
    lines = [
        ax.plot([], [], color=plots.PALETTE[i], marker=plots.MARKERS[i], markersize=6, linewidth=2.2,
                label=name)[0]
        for i, name in enumerate(names)
    ]  # fmt: skip
    ax._course_lines = lines
    ax.set_xlim(-0.3, n_months - 0.7)
    ax.set_xlabel("month")
    ax.set_ylabel("index (start = 100)")
    ax.axhline(100, color="#888888", linewidth=0.8)
    ax.legend(loc="upper center", ncol=3, fontsize=plots.BASE_FONT_PT - 4, handlelength=1.5,
              columnspacing=0.8)  # fmt: skip
    return lines


def _draw_paths(ax: Any, result: LabResult) -> None:
    """Left: trust, followers and engagements per post over the months (index, start = 100)."""
    x, n = result.extra, result.numbers
    keys = ("trust_index", "followers_index", "engagements_index")
    for line, key in zip(_path_lines(ax, len(x["months"])), keys, strict=True):
        line.set_data(x["months"], x[key])
    low = np.nanmin([np.nanmin(x[k]) for k in keys])
    high = np.nanmax([np.nanmax(x[k]) for k in keys])
    bottom = 0.0 if low < 30 else low - 10
    ax.set_ylim(bottom, max(high, 100.0) + 0.4 * (max(high, 100.0) - bottom))
    plots.set_title(
        ax,
        f"{x['share_pct']:.0f}% ads: trust {n['trust_change_pct']:+.0f}%, followers "
        f"{n['net_follower_change_pct']:+.0f}% in a year",
        "TOY MODEL: assumed equations; ER and ad ratio from synthetic posts",
    )


def _sweep_lines(ax: Any) -> list:
    """The right panel's five artists (this year, next year's pace, your share at each, the peaks)
    and the tolerance line, set up on first use."""
    lines = _lines(ax, 5)
    if lines:
        return lines
    _clear(ax, [0, 25, 50, 75, 100])
    styles = (
        dict(color=plots.PALETTE[3], linewidth=2.2, label="this year"),
        dict(color=plots.PALETTE[0], linewidth=2.0, linestyle="--", label="next year at year-end pace"),
        dict(linestyle="none", marker="o", markersize=11, color=plots.PALETTE[7], label="your share"),
        dict(linestyle="none", marker="o", markersize=11, markerfacecolor="white",
             markeredgecolor=plots.PALETTE[7]),
        dict(linestyle="none", marker="*", markersize=17, color=plots.PALETTE[6],
             markeredgecolor="#333333"),
    )  # fmt: skip
    lines = [ax.plot([], [], **style)[0] for style in styles]
    ax._course_lines = lines
    ax._course_tolerance = ax.axvline(0, color="#888888", linestyle=":", linewidth=1.2)
    ax.set_xlim(-3, 103)
    ax.set_xlabel("share of posts that are ads, %")
    ax.set_ylabel("sponsored engagements")
    ax.yaxis.set_major_formatter(plots.HUMAN)
    ax.legend(loc="upper center", ncol=3, fontsize=plots.BASE_FONT_PT - 4, handlelength=1.5,
              columnspacing=0.8)  # fmt: skip
    return lines


def _draw_sweep(ax: Any, result: LabResult) -> None:
    """Right: sponsored engagements over the year for every share of ads, with the chosen share and
    the peaks marked."""
    x, n = result.extra, result.numbers
    year_curve, pace_curve, chosen, chosen_pace, peaks = _sweep_lines(ax)
    sweep = x["sweep_pct"]
    year_curve.set_data(sweep, x["sweep_engagements"])
    pace_curve.set_data(sweep, x["sweep_pace"])
    chosen.set_data([x["share_pct"]], [n["sponsored_engagements"]])
    chosen_pace.set_data([x["share_pct"]], [n["pace_sponsored_engagements"]])
    i_year, i_pace = int(np.argmax(x["sweep_engagements"])), int(np.argmax(x["sweep_pace"]))
    peaks.set_data([sweep[i_year], sweep[i_pace]], [x["sweep_engagements"][i_year], x["sweep_pace"][i_pace]])
    ax._course_tolerance.set_xdata([x["tolerance_pct"], x["tolerance_pct"]])
    top = max(float(np.max(x["sweep_engagements"])), float(np.max(x["sweep_pace"])), 1.0)
    ax.set_ylim(0, top * 1.45)  # a legend row above the curves
    ax.set_title(
        f"peaks (stars): {n['best_share_pct']:.0f}% this year, {n['best_pace_share_pct']:.0f}% next year",
        loc="left", fontsize=plots.BASE_FONT_PT - 3, fontweight="normal", pad=8,
    )  # fmt: skip


def draw_commercialisation(fig: Figure, result: LabResult) -> None:
    """Left: trust, followers and engagements per post (followers x ER) over the months (index,
    start = 100).
    Right: sponsored engagements over the year for every share of ads, with the chosen share and
    the peak marked. Artists are created once and moved on later updates."""
    left, right = plots.lab_panels(fig, 2)
    _draw_paths(left, result)
    _draw_sweep(right, result)


@register
class CommercialisationLab(Lab):
    """Over-commercialisation lab (lesson 03): a documented toy model, labelled as one."""

    name = "commercialisation"
    title = "Over-commercialisation - a TOY MODEL: more ads -> trust, engagement and followers over a year"
    figsize = (plots.LAB_WIDTH_IN, 6.4)
    tables = ("posts", "influencers")
    table_index = "month"
    table_columns: ClassVar[dict[str, Column]] = {
        "trust (0-100)": Column("trust", "0-100", "decimal1"),
        "followers": Column("followers", fmt="count"),
        "ER all posts (%)": Column("ER, all posts", "%", "percent2"),
        "unfollows in month": Column("unfollows in the month", fmt="count"),
    }

    def __init__(
        self, *frames: pd.DataFrame | None, params: ToyParams | None = None, **tables: pd.DataFrame | None
    ) -> None:
        """Tables as in :class:`Lab`; ``params``: the toy's starting parameters (calibrated on the tables)."""
        self._base_params = params
        super().__init__(*frames, **tables)

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.params = calibrate(tables["posts"], tables["influencers"], base=self._base_params)

    def make_controls(self) -> dict[str, w.ValueWidget]:
        return {
            "sponsored_share_pct": slider("Share of posts that are ads (%)", 30, 0, 100, 5),
            "tolerance_pct": slider("Audience tolerance (%)", 20, 0, 50, 5),
            "fit": dropdown("Sponsors", [(v, k) for k, v in FIT_LABELS.items()], "on"),
        }

    def compute(self, **values: Any) -> LabResult:
        return commercialisation_update(self.params, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        draw_commercialisation(fig, result)
