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
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import data, plots
from ..analysis import landscape as la
from .base import Lab, LabInputError, LabResult, dropdown, register


def _figure_text(value: float, unit: str) -> str:
    """A published figure with its unit, e.g. ``'4.20 %'``, ``'32.55 USD billion'``."""
    if unit == "%":
        return f"{value:.2f} %"
    return f"{value:,.2f} {unit}".replace(".00 ", " ")


def _trend(rows: pd.DataFrame) -> tuple[int, int]:
    """(series with two or more figures, how many of them end lower than they start)."""
    with_trend = falling = 0
    for _, part in rows.groupby("series"):
        if len(part) < 2:
            continue
        with_trend += 1
        falling += int(part["value"].iloc[-1] < part["value"].iloc[0])
    return with_trend, falling


def _title(metric: str, year: int, shown: pd.DataFrame) -> str:
    """The finding for the figure's title, from the figures known by ``year``."""
    if shown.empty:
        return f"No figure refers to {year} or earlier"
    last, first = shown.iloc[-1], shown.iloc[0]
    if metric == "market_size":
        if len(shown) == 1:
            return f"Up to {year}: one estimate, ${last['value']:,.1f}B ({last['period']})"
        growth = last["value"] / first["value"]
        return f"Up to {year}: ${last['value']:,.1f}B, {growth:.0f}x the {first['period']} estimate"
    if metric == "instagram_monthly_active_users":
        text = f"{last['value'] / 1000:,.1f}B monthly Instagram users by {last['period']}"
        if len(shown) > 1:
            text += f" ({last['value'] / first['value']:.0f}x {first['period']})"
        return text
    with_trend, falling = _trend(shown)
    if with_trend == 0:
        return f"Up to {year}, no series has two figures yet: no trend to read"
    if falling == with_trend:
        return f"Up to {year}, every series with two figures falls ({falling} of {with_trend})"
    return f"Up to {year}, {falling} of {with_trend} series with two figures fall"


def landscape_update(
    landscape: pd.DataFrame, metric: str = "engagement_rate", year: int = 2016, include_vendor: bool = True
) -> LabResult:
    """What was published about ``metric`` by the end of ``year``, and the latest figure of every
    series as of then.

    Numbers: ``year``; ``series_shown`` and ``figures_shown`` (series and figures of the metric dated
    ``year`` or earlier); ``vendor_figures_pct`` (percent of those figures that are vendor
    estimates); ``series_with_trend`` and ``series_falling`` (series with two or more figures, and
    how many of them end lower than they start); ``latest_value`` (the most recent figure of the
    metric, in its unit; NaN when none). Table: :func:`helpers.analysis.landscape.as_of` for every
    metric, with readable columns. Raises :class:`LabInputError` when the vendor filter leaves no
    figure of the metric at all.
    """
    label = la.METRIC_LABELS.get(metric, metric)
    rows = la.metric_rows(landscape, metric, include_vendor)
    if rows.empty:
        raise LabInputError(
            f"Every '{label}' figure in the table comes from a vendor. Tick 'Include vendor estimates' "
            "to see them - and read them as estimates by companies that sell influencer marketing."
        )
    shown = rows[rows["year"] <= year].sort_values(["year", "period"])
    with_trend, falling = _trend(shown)
    vendor_pct = 100.0 * float(shown["is_vendor_estimate"].mean()) if len(shown) else float("nan")
    numbers = {
        "year": float(year),
        "series_shown": float(shown["series"].nunique()),
        "figures_shown": float(len(shown)),
        "vendor_figures_pct": vendor_pct,
        "series_with_trend": float(with_trend),
        "series_falling": float(falling),
        "latest_value": float(shown["value"].iloc[-1]) if len(shown) else float("nan"),
    }
    if shown.empty:
        first = rows.sort_values("year").iloc[0]
        summary = (
            f"No {label.lower()} figure in the table refers to {year} or earlier: the first is from "
            f"{first['period']}. Move the year on - the course does not extrapolate backwards."
        )
    else:
        parts = []
        for series, part in shown.groupby("series", sort=True):
            latest, first = part.iloc[-1], part.iloc[0]
            figure = _figure_text(latest["value"], latest["unit"])
            text = f"{la.short_name(str(series))}: {figure} ({latest['period']}"
            text += ", vendor estimate)" if bool(latest["is_vendor_estimate"]) else ")"
            if len(part) > 1:
                text += f", {100 * (latest['value'] / first['value'] - 1):+.0f}% since {first['period']}"
            parts.append(text)
        summary = f"{label}, figures for {year} or earlier: " + "; ".join(parts) + "."
        later = int((rows["year"] > year).sum())
        if later:
            summary += f" {later} figure(s) for later years are drawn hollow."
    known = la.as_of(landscape, year, include_vendor)
    table = pd.DataFrame(
        {
            "metric": [la.METRIC_LABELS.get(m, m) for m in known["metric"]],
            "latest figure": [_figure_text(v, u) for v, u in zip(known["value"], known["unit"], strict=True)],
            "period": known["period"].to_numpy(),
            "years old": known["age_years"].to_numpy(),
            "vendor estimate": np.where(known["vendor"], "yes", "no"),
            "confidence": known["confidence"].to_numpy(),
            "source": known["source"].to_numpy(),
        },
        index=pd.Index([la.short_name(str(s)) for s in known.index], name="series"),
    )
    return LabResult(
        summary=summary,
        numbers=numbers,
        table=table,
        extra={
            "metric": metric,
            "year": year,
            "include_vendor": include_vendor,
            "title": _title(metric, year, shown),
            "sources": la.source_note(rows),
        },
    )


@register
class LandscapeLab(Lab):
    """Then-and-now lab (lesson 04): a year slider across the real landscape figures."""

    name = "landscape"
    title = "Then and now: real published figures, year by year (sources in the table)"
    figsize = (10.5, 5.0)
    tables = ("landscape",)

    def __init__(self, landscape: pd.DataFrame | None = None) -> None:
        self.landscape = data.load_landscape() if landscape is None else landscape
        super().__init__()

    def make_controls(self) -> dict[str, w.ValueWidget]:
        years = self.landscape["year"]
        metrics = [m for m in la.METRIC_LABELS if m in set(self.landscape["metric"].astype(str))]
        first, last = int(years.min()), int(years.max())
        return {
            "metric": dropdown("Figure", [(la.METRIC_LABELS[m], m) for m in metrics], metrics[-1]),
            "year": w.IntSlider(
                value=min(max(2016, first), last),
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
        return landscape_update(self.landscape, **values)

    def draw(self, fig: Figure, result: LabResult) -> None:
        ax = fig.axes[0]
        x = result.extra
        la.draw_metric(
            ax, self.landscape, x["metric"], include_vendor=x["include_vendor"], up_to_year=x["year"]
        )
        plots.set_title(ax, x["title"], x["sources"])
