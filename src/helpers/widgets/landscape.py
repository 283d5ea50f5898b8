"""Then-and-now lab (lesson 04): a year slider across the REAL published figures of ``landscape``.

Pick a metric (market size, Instagram users, engagement rates) and a year: the lab shows the
figures that refer to that year or earlier, solid, and later ones hollow, with a table of the
latest figure of *every* series up to that year, its age,
source, confidence tag (P/S) and whether a vendor published it. Nothing is interpolated or
extrapolated: a year before a series starts simply has no figure. Untick "include vendor
estimates" to see how little remains without them (for the market size, nothing at all: the lab
then says so instead of drawing).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd
from matplotlib.figure import Figure

from .. import plots
from ..analysis import landscape as la
from .base import Lab, LabInputError, LabResult, dropdown, register


def _figure_text(value: float, unit: str) -> str:
    """A published figure with its unit, e.g. ``'4.20 %'``, ``'32.55 USD billion'``."""
    if unit == "%":
        return f"{value:.2f} %"
    return f"{value:,.2f} {unit}".replace(".00 ", " ")


def _title(metric: str, year: int, shown: list[la.PublishedFigure]) -> str:
    """The finding for the figure's title, from the figures for ``year`` or earlier (date order)."""
    if not shown:
        return f"No figure refers to {year} or earlier"
    first, last = shown[0], shown[-1]
    if metric == "market_size":
        if len(shown) == 1:
            return f"Up to {year}: one estimate, ${last.value:,.1f}B ({last.period})"
        return (
            f"Up to {year}: ${last.value:,.1f}B, {last.value / first.value:.0f}x the {first.period} estimate"
        )
    if metric == "instagram_monthly_active_users":
        text = f"{last.value / 1000:,.1f}B monthly Instagram users by {last.period}"
        if len(shown) > 1:
            text += f" ({last.value / first.value:.0f}x {first.period})"
        return text
    with_trend, falling = la.series_trend(shown)
    if with_trend == 0:
        return f"Up to {year}, no series has two figures yet: no trend to read"
    if falling == with_trend:
        return f"Up to {year}, every series with two figures falls ({falling} of {with_trend})"
    return f"Up to {year}, {falling} of {with_trend} series with two figures fall"


def _latest_table(figures: list[la.PublishedFigure], year: int, include_vendor: bool) -> pd.DataFrame:
    """The latest figure of every series for ``year`` or earlier, readable columns (the same rows
    as :func:`helpers.analysis.landscape.as_of`)."""
    known = [f for f in figures if f.year <= year and (include_vendor or not f.vendor)]
    latest = [g[-1] for g in la.figures_by_series(known).values()]
    latest.sort(key=lambda f: (f.metric, f.series))
    return pd.DataFrame(
        {
            "metric": [la.METRIC_LABELS.get(f.metric, f.metric) for f in latest],
            "latest figure": [_figure_text(f.value, f.unit) for f in latest],
            "period": [f.period for f in latest],
            "years old": [year - f.year for f in latest],
            "vendor estimate": ["yes" if f.vendor else "no" for f in latest],
            "confidence": [f.confidence for f in latest],
            "source": [f.source for f in latest],
        },
        index=pd.Index([la.short_name(f.series) for f in latest], name="series"),
    )


def _metric_figures(
    figures: list[la.PublishedFigure], landscape: pd.DataFrame, metric: str, include_vendor: bool
) -> list[la.PublishedFigure]:
    """The metric's figures the vendor filter keeps; a ``KeyError`` naming the table's metrics for an
    unknown metric, :class:`LabInputError` when the filter leaves none."""
    if all(f.metric != metric for f in figures):
        la.metric_rows(landscape, metric)  # raises a KeyError naming the metrics the table holds
    rows = [f for f in figures if f.metric == metric and (include_vendor or not f.vendor)]
    if not rows:
        label = la.METRIC_LABELS.get(metric, metric)
        raise LabInputError(
            f"Every '{label}' figure in the table comes from a vendor. Tick 'Include vendor estimates' "
            "to see them - and read them as estimates by companies that sell influencer marketing."
        )
    return rows


def landscape_summary(
    label: str, year: int, rows: list[la.PublishedFigure], shown: list[la.PublishedFigure]
) -> str:
    """The lab's sentence: each series' latest figure for ``year`` or earlier and its change since
    the series' first figure, or where the first figure is when none is that old."""
    if not shown:
        first = min(rows, key=lambda f: (f.year, f.period))
        return (
            f"No {label.lower()} figure in the table refers to {year} or earlier: the first is from "
            f"{first.period}. Move the year on - the course does not extrapolate backwards."
        )
    parts = []
    for series, part in la.figures_by_series(shown).items():
        first, latest = part[0], part[-1]
        text = f"{la.short_name(series)}: {_figure_text(latest.value, latest.unit)} ({latest.period}"
        text += ", vendor estimate)" if latest.vendor else ")"
        if len(part) > 1:
            text += f", {100 * (latest.value / first.value - 1):+.0f}% since {first.period}"
        parts.append(text)
    summary = f"{label}, figures for {year} or earlier: " + "; ".join(parts) + "."
    later = sum(f.year > year for f in rows)
    if later:
        summary += f" {later} figure(s) for later years are drawn hollow."
    return summary


def landscape_update(
    landscape: pd.DataFrame, metric: str = "engagement_rate", year: int = 2016, include_vendor: bool = True
) -> LabResult:
    """What was published about ``metric`` for ``year`` or earlier, and the latest figure of every
    series up to then.

    Numbers: ``year``; ``series_shown`` and ``figures_shown`` (series and figures of the metric dated
    ``year`` or earlier); ``vendor_figures_pct`` (percent of those figures that are vendor
    estimates); ``series_with_trend`` and ``series_falling`` (series with two or more figures, and
    how many of them end lower than they start); ``latest_value`` (the most recent figure of the
    metric, in its unit; NaN when none) - :func:`helpers.analysis.landscape.figures_numbers`. Table:
    the rows of :func:`helpers.analysis.landscape.as_of` for every metric, with readable columns.
    Raises :class:`LabInputError` when the vendor filter leaves no figure of the metric at all.
    """
    figures = la.published_figures(landscape)
    rows = _metric_figures(figures, landscape, metric, include_vendor)
    shown = sorted((f for f in rows if f.year <= year), key=lambda f: (f.year, f.period))
    return LabResult(
        summary=landscape_summary(la.METRIC_LABELS.get(metric, metric), year, rows, shown),
        numbers=la.figures_numbers(shown, year),
        table=_latest_table(figures, year, include_vendor),
        extra={
            "metric": metric,
            "year": year,
            "include_vendor": include_vendor,
            "title": _title(metric, year, shown),
            "sources": la.source_note_from((f.source, f.confidence, f.vendor) for f in rows),
        },
    )


@register
class LandscapeLab(Lab):
    """Then-and-now lab (lesson 04): a year slider across the real landscape figures."""

    name = "landscape"
    title = "Then and now: real published figures, year by year (sources in the table)"
    figsize = (plots.LAB_WIDTH_IN, 5.6)
    tables = ("landscape",)

    def __init__(self, *frames: pd.DataFrame | None, **tables: pd.DataFrame | None) -> None:
        super().__init__(*frames, **tables)
        # room under the axes for the key, one series per row (the fullest figure has 6)
        self.fig.subplots_adjust(bottom=plots.legend_room_pt(6) / (self.fig.get_figheight() * 72))

    def prepare(self, tables: dict[str, pd.DataFrame]) -> None:
        self.landscape = tables["landscape"]
        self._results: dict[tuple, LabResult] = {}

    def make_controls(self) -> dict[str, w.ValueWidget]:
        years = self.landscape["year"]
        metrics = [m for m in la.METRIC_LABELS if m in set(self.landscape["metric"].astype(str))]
        first, last = int(years.min()), int(years.max())
        # First view: the figure with the most published numbers, up to the latest year - every
        # point drawn - so the chart opens full and the learner steps back in time from there.
        counts = self.landscape["metric"].astype(str).value_counts()
        fullest = max(metrics, key=lambda m: (int(counts.get(m, 0)), -metrics.index(m)))
        return {
            "metric": dropdown("Figure", [(la.METRIC_LABELS[m], m) for m in metrics], fullest),
            "year": w.IntSlider(
                value=last,
                min=first,
                max=last,
                step=1,
                description="Year",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="420px"),
            ),
            "include_vendor": w.Checkbox(
                value=True, description="Include vendor estimates", style={"description_width": "initial"}
            ),
        }

    def compute(self, **values: Any) -> LabResult:
        """The pure update, kept per control combination (the table is small and fixed, so a slider
        moved back and forth answers from memory). A :class:`LabInputError` is not kept."""
        key = tuple(sorted(values.items()))
        if key not in self._results:
            self._results[key] = landscape_update(self.landscape, **values)
        return self._results[key]

    def draw(self, fig: Figure, result: LabResult) -> None:
        ax = fig.axes[0]
        x = result.extra
        la.draw_metric(
            ax, self.landscape, x["metric"], include_vendor=x["include_vendor"], up_to_year=x["year"]
        )
        plots.set_title(ax, x["title"], x["sources"])
        plots.legend_below(ax)
