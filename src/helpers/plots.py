"""One house style for every figure in the course, and functions that draw on a given Axes.

Style rules (so a figure reads from the back of a room and for colour-blind viewers):

* the Okabe-Ito palette (:data:`PALETTE`), safe for the common colour-vision deficiencies;
* every series also differs by hatch or marker (:data:`HATCHES`, :data:`MARKERS`), so no
  information is carried by colour alone and figures survive greyscale printing;
* large fonts (:data:`BASE_FONT_PT`), no top/right spines, a light grid;
* titles that state the finding ("Micro creators earn the most engagement per dollar"),
  not the chart type ("Bar chart of CPE").

Drawing functions take an ``Axes`` and return it; they never call ``plt.show()`` and never
touch global pyplot state, so widget labs can reuse one figure across updates.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

#: Okabe & Ito (2008) colour-blind-safe palette: blue, orange, bluish green, vermillion,
#: reddish purple, sky blue, yellow, black.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
#: Hatches paired with :data:`PALETTE` by position, so bars differ without colour.
HATCHES: tuple[str, ...] = ("", "//", "..", "xx", "\\\\", "oo", "--", "++")
#: Markers paired with :data:`PALETTE` by position, so lines and points differ without colour.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")
#: Base font size in points; readable on a projector.
BASE_FONT_PT = 14
#: Default figure size in inches (width, height).
FIGSIZE: tuple[float, float] = (9.0, 5.0)
#: Resolution for PNGs shown in widget labs (dots per inch).
LAB_DPI = 80

STYLE: dict[str, object] = {
    "axes.prop_cycle": mpl.cycler(color=list(PALETTE)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "axes.titlesize": BASE_FONT_PT + 2,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": BASE_FONT_PT,
    "xtick.labelsize": BASE_FONT_PT - 1,
    "ytick.labelsize": BASE_FONT_PT - 1,
    "legend.fontsize": BASE_FONT_PT - 1,
    "legend.frameon": False,
    "font.size": BASE_FONT_PT,
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "savefig.bbox": "tight",
    "hatch.color": "#333333",
}


def apply_style() -> None:
    """Make the house style the default for every later figure in this kernel."""
    mpl.rcParams.update(STYLE)


@contextmanager
def house_style() -> Iterator[None]:
    """Context manager: draw with the house style without changing global defaults."""
    with mpl.rc_context(STYLE):
        yield


def new_figure(
    nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = FIGSIZE
) -> tuple[Figure, np.ndarray | Axes]:
    """A pyplot-free Figure in the house style (safe to keep and redraw in a widget lab)."""
    with house_style():
        fig = Figure(figsize=figsize, layout="constrained")
        axes = fig.subplots(nrows, ncols)
    return fig, axes


def style_axes(ax: Axes) -> Axes:
    """Apply the house style to an Axes created elsewhere (e.g. one that was ``clear()``-ed)."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=BASE_FONT_PT - 1)
    return ax


def set_title(ax: Axes, finding: str, subtitle: str | None = None) -> Axes:
    """Title the Axes with the finding it shows (and an optional smaller subtitle line)."""
    ax.set_title(finding, loc="left", fontsize=BASE_FONT_PT + 2, fontweight="bold")
    if subtitle:
        ax.text(
            0.0,
            1.005,
            subtitle,
            transform=ax.transAxes,
            fontsize=BASE_FONT_PT - 2,
            color="#444444",
            va="bottom",
        )
    return ax


def human_number(value: float, _pos: object = None) -> str:
    """Format a count compactly: 950 -> '950', 12_300 -> '12.3K', 4_500_000 -> '4.5M'."""
    if value is None or not np.isfinite(value):
        return ""
    sign = "-" if value < 0 else ""
    v = abs(float(value))
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if v >= div:
            return f"{sign}{v / div:.1f}".rstrip("0").rstrip(".") + suffix
    return f"{sign}{v:.0f}"


def usd(value: float, _pos: object = None) -> str:
    """Format US dollars compactly: 1500 -> '$1.5K'."""
    return "$" + human_number(value)


def percent(value: float, _pos: object = None) -> str:
    """Format a value already in percent: 3.456 -> '3.5%'."""
    return f"{value:.1f}%"


HUMAN = FuncFormatter(human_number)
USD = FuncFormatter(usd)
PERCENT = FuncFormatter(percent)


def bar_groups(
    ax: Axes,
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    ylabel: str = "",
    value_format: str = "{:,.0f}",
    errors: dict[str, tuple[Sequence[float], Sequence[float]]] | None = None,
) -> Axes:
    """Grouped bars: one group per category, one bar per series, each series with colour AND hatch.

    ``errors`` optionally maps a series name to (low, high) absolute bounds drawn as error bars.
    Values are written on the bars so nobody has to read them off the axis.
    """
    style_axes(ax)
    n = max(len(series), 1)
    width = 0.8 / n
    x = np.arange(len(categories))
    for i, (name, values) in enumerate(series.items()):
        vals = np.asarray(values, dtype=float)
        pos = x - 0.4 + width * (i + 0.5)
        yerr = None
        if errors and name in errors:
            lo, hi = (np.asarray(b, dtype=float) for b in errors[name])
            yerr = np.vstack([np.clip(vals - lo, 0, None), np.clip(hi - vals, 0, None)])
        bars = ax.bar(
            pos,
            vals,
            width,
            label=name,
            color=PALETTE[i % len(PALETTE)],
            hatch=HATCHES[i % len(HATCHES)],
            edgecolor="#333333",
            linewidth=0.6,
            yerr=yerr,
            capsize=4 if yerr is not None else 0,
        )
        ax.bar_label(
            bars,
            labels=[value_format.format(v) if np.isfinite(v) else "n/a" for v in vals],
            fontsize=BASE_FONT_PT - 3,
            padding=2,
        )
    ax.set_xticks(x, list(categories))
    ax.set_ylabel(ylabel)
    if len(series) > 1:
        ax.legend(loc="upper right")
    return ax


def scatter_groups(
    ax: Axes,
    groups: dict[str, tuple[Sequence[float], Sequence[float]]],
    *,
    xlabel: str = "",
    ylabel: str = "",
    logx: bool = False,
    alpha: float = 0.6,
) -> Axes:
    """Scatter several groups, each with its own colour AND marker."""
    style_axes(ax)
    for i, (name, (xs, ys)) in enumerate(groups.items()):
        ax.scatter(
            xs,
            ys,
            label=name,
            color=PALETTE[i % len(PALETTE)],
            marker=MARKERS[i % len(MARKERS)],
            alpha=alpha,
            s=36,
            edgecolors="none",
        )
    if logx:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(HUMAN)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if len(groups) > 1:
        ax.legend(loc="best")
    return ax


def message_axes(ax: Axes, message: str) -> Axes:
    """Replace a plot by a short, friendly message (used when a selection is empty)."""
    ax.clear()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=BASE_FONT_PT, wrap=True)
    return ax


def figure_png(fig: Figure, dpi: int = LAB_DPI) -> bytes:
    """Render a Figure to PNG bytes (what a widget lab shows); deterministic for the same drawing."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()
