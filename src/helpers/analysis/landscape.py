"""The landscape lesson (04): reading the REAL published figures of the ``landscape`` table honestly.

Every function takes the table as :func:`helpers.data.load_landscape` returns it (columns ``metric``,
``series``, ``year``, ``period``, ``value``, ``unit``, ``definition``, ``source``, ``confidence``,
``is_vendor_estimate``) and never invents a figure: there is no interpolation or extrapolation
here. A *series* is one publisher's figures measured one way; figures of different series use
different definitions (brand accounts vs creators, likes vs all interactions, mean vs median), so
they are compared only inside a series.

Units: ``value`` keeps the unit of its row (``%``, ``USD billion``, ``million users``); growth rates
are **fractions per year** (0.25 = +25 % a year), as :func:`helpers.metrics.cagr` returns them;
follower counts are accounts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from .. import metrics, plots

__all__ = [
    "LEGEND_LOC",
    "METRIC_LABELS",
    "SERIES_SHORT",
    "PublishedFigure",
    "as_of",
    "draw_metric",
    "engagement_changes",
    "figures_by_series",
    "figures_numbers",
    "followers_to_match",
    "metric_rows",
    "published_figures",
    "publisher",
    "series_cagr",
    "series_overview",
    "series_trend",
    "short_name",
    "source_note",
    "source_note_from",
]

#: Reader-facing names of the table's metrics.
METRIC_LABELS: dict[str, str] = {
    "market_size": "Influencer-marketing market size",
    "instagram_monthly_active_users": "Instagram monthly active users",
    "engagement_rate": "Engagement rates (IG + TikTok)",
}

#: Short labels for the series (legends); a series not listed keeps its full name.
SERIES_SHORT: dict[str, str] = {
    "Forrester top-50 brands interaction rate": "Forrester, top-50 brands (IG)",
    "Influencer Marketing Hub market size": "Influencer Marketing Hub",
    "InfluencerDB organic like-follower ratio": "InfluencerDB, organic posts (likes only)",
    "InfluencerDB sponsored like-follower ratio": "InfluencerDB, sponsored posts (likes only)",
    "Instagram monthly active users": "Instagram (company announcements)",
    "Jumper Media average Instagram engagement": "Jumper Media, average IG",
    "Rival IQ brand Instagram engagement rate": "Rival IQ, brand accounts (IG)",
    "Rival IQ brand TikTok median engagement rate": "Rival IQ, brand accounts (TikTok)",
}


def short_name(series: str) -> str:
    """A short legend label for a series name (the full name when none is defined)."""
    return SERIES_SHORT.get(series, series)


def metric_rows(landscape: pd.DataFrame, metric: str, include_vendor: bool = True) -> pd.DataFrame:
    """The rows of one metric, sorted by series then year; vendor estimates dropped when asked.

    Raises ``KeyError`` for a metric the table does not hold (the message lists the ones it does).
    """
    known = sorted(landscape["metric"].astype(str).unique())
    if metric not in known:
        raise KeyError(f"no metric {metric!r} in the landscape table; it holds {known}")
    rows = landscape[landscape["metric"].astype(str) == metric]
    if not include_vendor:
        rows = rows[~rows["is_vendor_estimate"].astype(bool)]
    return rows.sort_values(["series", "year", "period"]).reset_index(drop=True)


def series_overview(landscape: pd.DataFrame) -> pd.DataFrame:
    """One row per series: what it measures, who published it, how sure we are, and its span.

    Columns: ``metric``, ``unit``, ``figures`` (count), ``first`` / ``last`` (periods as published),
    ``first_value`` / ``last_value`` (in ``unit``), ``change_pct`` (last vs first, percent; shown
    only when the series has two or more figures), ``source``, ``confidence`` (P/S, joined when
    mixed), ``vendor`` (True when the publisher sells influencer-marketing services or tools).
    Index: series name. Sorted by metric, then series.
    """
    rows = []
    for series, part in landscape.sort_values(["year", "period"]).groupby("series", sort=True):
        first, last = part.iloc[0], part.iloc[-1]
        change = 100.0 * (last["value"] / first["value"] - 1.0) if len(part) > 1 else float("nan")
        rows.append(
            {
                "series": series,
                "metric": str(first["metric"]),
                "unit": first["unit"],
                "figures": len(part),
                "first": first["period"],
                "first_value": float(first["value"]),
                "last": last["period"],
                "last_value": float(last["value"]),
                "change_pct": change,
                "source": first["source"],
                "confidence": "/".join(sorted(part["confidence"].astype(str).unique())),
                "vendor": bool(part["is_vendor_estimate"].any()),
            }
        )
    return pd.DataFrame(rows).set_index("series").sort_values(["metric", "series"])


def as_of(landscape: pd.DataFrame, year: int, include_vendor: bool = True) -> pd.DataFrame:
    """What a reader could know at the end of ``year``: the latest figure of every series dated
    ``year`` or earlier (series that start later are left out; nothing is extrapolated).

    Columns: ``metric``, ``period``, ``value``, ``unit``, ``age_years`` (``year`` minus the figure's
    year: how stale it is), ``source``, ``confidence``, ``vendor``. Index: series name, sorted by
    metric then series. Empty when no series has a figure by then.
    """
    known = landscape[landscape["year"] <= year]
    if not include_vendor:
        known = known[~known["is_vendor_estimate"].astype(bool)]
    latest = known.sort_values(["year", "period"]).groupby("series", sort=True).tail(1)
    table = pd.DataFrame(
        {
            "metric": latest["metric"].astype(str).to_numpy(),
            "period": latest["period"].to_numpy(),
            "value": latest["value"].to_numpy(dtype=float),
            "unit": latest["unit"].to_numpy(),
            "age_years": (year - latest["year"]).to_numpy(dtype=int),
            "source": latest["source"].to_numpy(),
            "confidence": latest["confidence"].astype(str).to_numpy(),
            "vendor": latest["is_vendor_estimate"].astype(bool).to_numpy(),
        },
        index=pd.Index(latest["series"].to_numpy(), name="series"),
    )
    return table.sort_values(["metric", "series"])


@dataclass(frozen=True)
class PublishedFigure:
    """One row of the landscape table as plain Python values (the lab works on ~20 rows, where
    pandas' per-call overhead would dominate an update)."""

    metric: str
    series: str
    year: int
    period: str
    value: float
    unit: str
    source: str
    confidence: str
    vendor: bool


def published_figures(landscape: pd.DataFrame) -> list[PublishedFigure]:
    """The table's rows as :class:`PublishedFigure`, sorted by series, year and period."""
    columns = ("metric", "series", "year", "period", "value", "unit", "source", "confidence")
    values = [landscape[c].astype(str if c not in ("year", "value") else object).tolist() for c in columns]
    vendor = landscape["is_vendor_estimate"].astype(bool).tolist()
    rows = [
        PublishedFigure(m, s, int(y), p, float(v), u, src, c, bool(vd))
        for m, s, y, p, v, u, src, c, vd in zip(*values, vendor, strict=True)
    ]
    return sorted(rows, key=lambda f: (f.series, f.year, f.period))


def figures_by_series(figures: list[PublishedFigure]) -> dict[str, list[PublishedFigure]]:
    """Figures grouped by series (series in name order, figures in date order)."""
    groups: dict[str, list[PublishedFigure]] = {}
    for f in sorted(figures, key=lambda f: (f.series, f.year, f.period)):
        groups.setdefault(f.series, []).append(f)
    return groups


def series_trend(figures: list[PublishedFigure]) -> tuple[int, int]:
    """(series with two or more figures, how many of them end lower than they start)."""
    groups = [g for g in figures_by_series(figures).values() if len(g) >= 2]
    return len(groups), sum(g[-1].value < g[0].value for g in groups)


def figures_numbers(shown: list[PublishedFigure], year: int) -> dict[str, float]:
    """What the figures ``shown`` for ``year`` or earlier (date order) add up to: ``year``,
    ``series_shown``, ``figures_shown``, ``vendor_figures_pct`` (percent that are vendor estimates),
    ``series_with_trend``, ``series_falling`` (:func:`series_trend`) and ``latest_value`` (the most
    recent figure, in its unit; NaN when none)."""
    with_trend, falling = series_trend(shown)
    return {
        "year": float(year),
        "series_shown": float(len({f.series for f in shown})),
        "figures_shown": float(len(shown)),
        "vendor_figures_pct": 100.0 * sum(f.vendor for f in shown) / len(shown) if shown else float("nan"),
        "series_with_trend": float(with_trend),
        "series_falling": float(falling),
        "latest_value": shown[-1].value if shown else float("nan"),
    }


def series_cagr(
    landscape: pd.DataFrame, series: str, start_year: int | None = None, end_year: int | None = None
) -> float:
    """Compound annual growth of one series between two of its years, as a **fraction per year**.

    ``(value_end / value_start) ** (1 / (end_year - start_year)) - 1`` (:func:`helpers.metrics.cagr`);
    the defaults are the series' first and last years. Both years must be figures of the series:
    a missing year raises ``KeyError`` (we never fill a gap silently).
    """
    rows = landscape[landscape["series"] == series]
    if rows.empty:
        raise KeyError(f"no series {series!r} in the landscape table")
    by_year = rows.groupby("year")["value"].last()
    start = int(by_year.index.min()) if start_year is None else start_year
    end = int(by_year.index.max()) if end_year is None else end_year
    for y in (start, end):
        if y not in by_year.index:
            raise KeyError(f"{series!r} has no figure for {y}; it has {sorted(by_year.index.tolist())}")
    if end <= start:
        raise ValueError(f"end_year ({end}) must be after start_year ({start})")
    return float(metrics.cagr(by_year[start], by_year[end], end - start))


def followers_to_match(landscape: pd.DataFrame, series: str, base_followers: float) -> pd.DataFrame:
    """Followers needed in each year of an engagement series to get as many interactions per post
    as ``base_followers`` did in the series' first year.

    Interactions per post = followers x rate / 100, so the followers needed are
    ``base_followers x first_rate / rate``. Only years the series covers; one series only (rates
    of different series use different definitions). Columns: ``period``, ``rate_pct``,
    ``followers_needed`` (accounts), ``times_base`` (ratio). Index: year.
    """
    rows = landscape[landscape["series"] == series].sort_values(["year", "period"])
    if rows.empty:
        raise KeyError(f"no series {series!r} in the landscape table")
    if set(rows["unit"]) != {"%"}:
        raise ValueError(f"{series!r} is not a rate in percent; choose an engagement-rate series")
    first = float(rows["value"].iloc[0])
    needed = base_followers * first / rows["value"].to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "period": rows["period"].to_numpy(),
            "rate_pct": rows["value"].to_numpy(dtype=float),
            "followers_needed": needed,
            "times_base": needed / base_followers,
        },
        index=pd.Index(rows["year"].to_numpy(dtype=int), name="year"),
    )


def engagement_changes(landscape: pd.DataFrame, platform_word: str = "Instagram") -> pd.DataFrame:
    """First and last figure of every engagement series whose definition mentions ``platform_word``,
    with the change in percent (series with one figure are left out). Columns as
    :func:`series_overview`."""
    overview = series_overview(landscape)
    rows = landscape[landscape["metric"].astype(str) == "engagement_rate"]
    names = rows.loc[rows["definition"].str.contains(platform_word, case=False), "series"].unique()
    out = overview.loc[overview.index.isin(names) & (overview["figures"] > 1)]
    return out.sort_values("change_pct")


def source_note(rows: pd.DataFrame) -> str:
    """A one-line source note for a figure: each publisher once with its confidence tags, a star
    after vendors, e.g. ``"Sources: Forrester (P); InfluencerDB (S)*; * vendor estimate"``."""
    return source_note_from(
        zip(
            rows["source"].astype(str),
            rows["confidence"].astype(str),
            rows["is_vendor_estimate"].astype(bool),
            strict=True,
        )
    )


def source_note_from(figures: Iterable[tuple[str, str, bool]]) -> str:
    """:func:`source_note` from ``(source, confidence, is_vendor_estimate)`` triples (no pandas:
    the lab calls it on every update)."""
    tags: dict[str, set[str]] = {}
    vendors: set[str] = set()
    for source, confidence, vendor in figures:
        name = publisher(source)
        tags.setdefault(name, set()).add(confidence)
        if vendor:
            vendors.add(name)
    parts = [
        f"{name} ({'/'.join(sorted(tags[name]))})" + ("*" if name in vendors else "") for name in sorted(tags)
    ]
    return "Sources: " + "; ".join(parts) + ("; * vendor estimate" if vendors else "")


def publisher(source: str) -> str:
    """The publisher part of a citation: ``"Rival IQ, Social Media ... 2023"`` -> ``"Rival IQ"``,
    ``"Forrester press release (...)"`` -> ``"Forrester"``, ``"Jumper Media 2019"`` -> ``"Jumper Media"``."""
    name = source.split(",")[0].split(" (")[0].strip()
    name = re.sub(r"\s+press release$", "", name)
    return re.sub(r"\s+\d{4}$", "", name)


#: Legend position, columns and head room (y-axis top as a multiple of the largest figure) per
#: metric, chosen where that metric's figures leave room. A fixed position also keeps lab redraws
#: fast (``loc="best"`` searches the figure on every draw).
LEGEND_LOC: dict[str, tuple[str, int, float]] = {
    "engagement_rate": ("upper center", 2, 1.75),
    "market_size": ("upper left", 1, 1.45),
    "instagram_monthly_active_users": ("upper left", 1, 1.45),
}


def draw_metric(
    ax: Axes,
    landscape: pd.DataFrame,
    metric: str,
    *,
    include_vendor: bool = True,
    up_to_year: int | None = None,
) -> Axes:
    """One line per series of ``metric`` (colour AND marker per series; vendor series dashed).

    Figures dated after ``up_to_year`` are drawn hollow and a dotted vertical line marks the year.
    Faint lines join the figures of one series, thin and dotted across gaps of more than a year;
    a gap inside a yearly series is labelled "no verified figure" (nothing is interpolated).
    Called again on the same Axes for the same metric and vendor filter, it only moves the markers
    and the year line (fast lab updates). Returns the Axes (the caller sets the title with
    :func:`helpers.plots.set_title`).
    """
    key = (metric, include_vendor, id(landscape))
    state = getattr(ax, "_course_landscape", None)
    if state is None or state["key"] != key or any(a not in ax.lines for a in state["artists"]):
        state = _build_metric(ax, landscape, metric, include_vendor)
        state["key"] = key
        ax._course_landscape = state  # type: ignore[attr-defined]
    year = up_to_year if up_to_year is not None else np.inf
    for (x, y), solid, hollow in state["series"]:
        known = x <= year
        solid.set_data(x[known], y[known])
        hollow.set_data(x[~known], y[~known])
    state["year_line"].set_visible(up_to_year is not None)
    if up_to_year is not None:
        state["year_line"].set_xdata([up_to_year, up_to_year])
    return ax


def _guide_lines(ax: Axes, x: np.ndarray, y: np.ndarray, colour: str, style: str) -> None:
    """Faint lines joining consecutive figures of one series: solid (or dashed for vendors) when they
    are at most a year apart, thin dotted across a wider gap (nothing was published in between,
    and the dots do not pretend otherwise); in a yearly series a gap is labelled "no verified
    figure"."""
    steps = np.diff(x)
    for i in range(len(steps)):
        gap = steps[i] > 1
        ax.plot(
            x[i : i + 2], y[i : i + 2], color=colour, linestyle=":" if gap else style,
            linewidth=1.2 if gap else 1.8, alpha=0.35,
        )  # fmt: skip
    if len(steps) >= 3 and np.median(steps) <= 1:
        for i in np.flatnonzero(steps > 1):
            first, last = int(x[i]) + 1, int(x[i + 1]) - 1
            years = str(first) if first == last else f"{first}-{last}"
            ax.annotate(
                f"no verified\nfigure {years}", ((x[i] + x[i + 1]) / 2, max(y[i], y[i + 1])), xytext=(0, 8),
                textcoords="offset points", ha="center", va="bottom", fontsize=plots.BASE_FONT_PT - 4,
                color="#555555",
            )  # fmt: skip


def _build_metric(ax: Axes, landscape: pd.DataFrame, metric: str, include_vendor: bool) -> dict:
    """Draw the static part of :func:`draw_metric` and return the artists it moves later."""
    rows = metric_rows(landscape, metric, include_vendor)
    plots.reset_axes(ax)
    plots.style_axes(ax)
    series_artists = []
    for i, (series, part) in enumerate(rows.groupby("series", sort=True)):
        colour, marker = plots.PALETTE[i % len(plots.PALETTE)], plots.MARKERS[i % len(plots.MARKERS)]
        vendor = bool(part["is_vendor_estimate"].any())
        label = short_name(str(series)) + (" - vendor" if vendor else "")
        x, y = part["year"].to_numpy(dtype=float), part["value"].to_numpy(dtype=float)
        _guide_lines(ax, x, y, colour, "--" if vendor else "-")
        solid = ax.plot([], [], color=colour, marker=marker, linestyle="none", markersize=9, label=label)[0]
        hollow = ax.plot(
            [], [], marker=marker, linestyle="none", markersize=9, markerfacecolor="white",
            markeredgecolor=colour, alpha=0.7,
        )[0]  # fmt: skip
        series_artists.append(((x, y), solid, hollow))
    year_line = ax.axvline(0, color="#444444", linewidth=1.2, linestyle=":")
    ax.set_ylabel(str(rows["unit"].iloc[0]) if not rows.empty else "")
    ax.set_xlabel("year the figure refers to")
    years = landscape["year"]
    ax.set_xlim(int(years.min()) - 0.5, int(years.max()) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=7, integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
    loc, ncol, head = LEGEND_LOC.get(metric, ("upper right", 1, 1.45))
    top = float(rows["value"].max()) if len(rows) else 1.0
    ax.set_ylim(0, top * head)
    if len(rows):
        ax.legend(loc=loc, ncol=ncol, fontsize=plots.BASE_FONT_PT - 4, columnspacing=1.0)
    artists = [a for _, solid, hollow in series_artists for a in (solid, hollow)] + [year_line]
    return {"series": series_artists, "year_line": year_line, "artists": artists}
