"""One house style for every figure in the course, and functions that draw on a given Axes.

Style rules (so a figure reads from the back of a room and for colour-blind viewers):

* the Okabe-Ito palette (:data:`PALETTE`), safe for the common colour-vision deficiencies;
* every series also differs by hatch or marker (:data:`HATCHES`, :data:`MARKERS`), so no
  information is carried by colour alone and figures survive greyscale printing;
* large fonts (:data:`BASE_FONT_PT`), no top/right spines, a light grid;
* titles that state the finding ("Micro creators earn the most engagement per dollar"),
  not the chart type ("Bar chart of CPE").

Drawing functions take an ``Axes`` and return it; they never call ``plt.show()`` and never
touch global pyplot state, so widget labs can reuse one figure across updates. Importing this
module makes the house style Matplotlib's default (:func:`apply_style`).
"""

from __future__ import annotations

import functools
import io
import json
import math
import struct
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
from IPython.display import Image
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.collections import LineCollection
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.text import Text
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
#: Single-density patterns: as distinguishable as denser ones on a projector and much cheaper to
#: rasterise (a lab redraws its figure on every control change).
HATCHES: tuple[str, ...] = ("", "/", ".", "x", "\\", "o", "-", "+")
#: Markers paired with :data:`PALETTE` by position, so lines and points differ without colour.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")
#: Base font size in points; readable on a projector.
BASE_FONT_PT = 14
#: Default figure size in inches (width, height).
FIGSIZE: tuple[float, float] = (9.0, 5.0)
#: Resolution for PNGs shown in widget labs (dots per inch).
LAB_DPI = 80
#: Widget labs on a projector. A lab's figure is an SVG scaled to the width it is shown at: in
#: JupyterLab at 1024x768 with the file browser open that is about 590 CSS px, so a figure
#: :data:`LAB_WIDTH_IN` wide (562 pt) is shown at about 1.05 px per point and its text, never below
#: :data:`LAB_MIN_FONT_PT`, at 12.5 px or more. Wider screens show it at its natural size (or larger,
#: in app mode). ``tests/browser/test_projector.py`` measures it on screen.
LAB_WIDTH_IN = 7.8
#: Smallest font size (points) of any text in a lab's figure (see :func:`raise_small_text`).
LAB_MIN_FONT_PT = 12.0
#: Default size of a lab's figure (inches): the projector width, and short enough that the controls
#: and the whole figure fit 650 px of notebook height together.
LAB_FIGSIZE: tuple[float, float] = (LAB_WIDTH_IN, 4.3)
#: Smallest size (CSS px) of any figure text as rendered on screen: the course's minimum.
MIN_SCREEN_TEXT_PX = 12.0
#: Width (CSS px) of a notebook's output area in JupyterLab at 1024x768: with the file browser open
#: (a projector beside the files) and closed. A static figure wider than its output area is shrunk to
#: it, text included: a 9 in figure at 100 dpi (900 px) shows its 13 pt tick labels at 11.9 px in 592
#: px. :func:`static_min_font_pt` sets the text floor that keeps them at 12 px or more.
NOTEBOOK_OUTPUT_PX: tuple[float, float] = (592.0, 844.0)

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
    # A fixed title height (just above the axes, plus the pad): Matplotlib's automatic placement
    # measures every top tick label again at each draw, a tenth of a static figure's cost, and
    # the course never puts ticks or labels on top of an axes.
    "axes.titley": 1.0,
    "axes.labelsize": BASE_FONT_PT,
    "xtick.labelsize": BASE_FONT_PT - 1,
    "ytick.labelsize": BASE_FONT_PT - 1,
    "legend.fontsize": BASE_FONT_PT - 1,
    "legend.frameon": False,
    "font.size": BASE_FONT_PT,
    "figure.figsize": FIGSIZE,
    "figure.dpi": 100,
    "hatch.color": "#333333",
    # Money is written with "$": never read a pair of dollar signs as maths.
    "text.parse_math": False,
}


def apply_style() -> None:
    """Make the house style the default for every later figure in this kernel."""
    mpl.rcParams.update(STYLE)


@contextmanager
def house_style() -> Iterator[None]:
    """Context manager: draw with the house style without changing global defaults."""
    with mpl.rc_context(STYLE):
        yield


#: Fixed margins (fractions of the figure) for lab figures: a constrained layout would be
#: recomputed on every redraw and costs more than the drawing itself. :func:`lab_margins` gives a
#: figure at least :data:`LAB_MARGINS_PT` (room for a wrapped title, the x tick and axis labels).
LAB_MARGINS: dict[str, float] = {"left": 0.1, "right": 0.98, "bottom": 0.12, "top": 0.84, "wspace": 0.3}
LAB_MARGINS_PT: dict[str, float] = {"left": 64.0, "bottom": 46.0, "top": 62.0}


def lab_margins(figsize: tuple[float, float]) -> dict[str, float]:
    """:data:`LAB_MARGINS` for a figure of ``figsize`` inches, widened to :data:`LAB_MARGINS_PT` points
    where the fractions would leave less (a projector-width lab figure is smaller than 9 x 5 in)."""
    width_pt, height_pt = figsize[0] * 72, figsize[1] * 72
    return {
        **LAB_MARGINS,
        "left": max(LAB_MARGINS["left"], LAB_MARGINS_PT["left"] / width_pt),
        "bottom": max(LAB_MARGINS["bottom"], LAB_MARGINS_PT["bottom"] / height_pt),
        "top": min(LAB_MARGINS["top"], 1 - LAB_MARGINS_PT["top"] / height_pt),
    }


def new_figure(
    nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = FIGSIZE, *, fixed_margins: bool = False
) -> tuple[Figure, np.ndarray | Axes]:
    """A pyplot-free Figure in the house style (safe to keep and redraw in a widget lab).

    ``fixed_margins=True`` uses :func:`lab_margins` instead of a constrained layout (faster redraws).
    """
    with house_style():
        fig = Figure(figsize=figsize, layout=None if fixed_margins else "constrained")
        axes = fig.subplots(nrows, ncols)
        if fixed_margins:
            fig.subplots_adjust(**lab_margins(figsize))
    return fig, axes


#: Room (points) a stacked lab panel keeps above itself for its title and subtitle, below itself for
#: its tick labels and axis label, and at the figure's left for the y tick labels and axis label.
PANEL_TOP_PT, PANEL_BOTTOM_PT, PANEL_LEFT_PT = 58.0, 50.0, 64.0


def lab_panels(
    fig: Figure,
    n: int,
    heights: Sequence[float] | None = None,
    *,
    left_pt: float = PANEL_LEFT_PT,
    gap_pt: float = PANEL_TOP_PT + PANEL_BOTTOM_PT,
) -> list[Axes]:
    """A lab figure's ``n`` panels, stacked top to bottom at the projector width (created on first use;
    the same Axes on later calls). Stacked, each panel keeps the figure's width, so its text stays at
    the lab's type size on a narrow screen; side by side, two panels would each get half of it.
    ``gap_pt``: points between two panels (the upper one's tick and axis labels, the lower one's title
    and subtitle); ``left_pt``: the left margin, for the y tick labels."""
    if len(fig.axes) == n and getattr(fig, "_course_panels", None) == n:
        return list(fig.axes)
    for ax in list(fig.axes):
        ax.remove()
    with house_style():
        grid = fig.subplots(n, 1, squeeze=False, gridspec_kw={"height_ratios": heights} if heights else None)
    axes = list(grid[:, 0])
    height_pt, width_pt = fig.get_figheight() * 72, fig.get_figwidth() * 72
    panel = (height_pt - PANEL_TOP_PT - PANEL_BOTTOM_PT - (n - 1) * gap_pt) / n
    fig.subplots_adjust(
        left=left_pt / width_pt,
        right=0.98,
        top=1 - PANEL_TOP_PT / height_pt,
        bottom=PANEL_BOTTOM_PT / height_pt,
        hspace=gap_pt / panel if n > 1 else 0.2,
    )
    fig._course_panels = n  # type: ignore[attr-defined]
    return axes


def style_axes(ax: Axes) -> Axes:
    """Apply the house style to an Axes created elsewhere (e.g. one that was ``clear()``-ed)."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=BASE_FONT_PT - 1)
    return ax


#: Smallest size (points) a title or subtitle is shrunk to so that it fits the figure's width.
MIN_TITLE_PT = 12


@functools.lru_cache(maxsize=4)
def _measurer(dpi: float) -> RendererAgg:
    return RendererAgg(8, 8, dpi)


@functools.lru_cache(maxsize=1024)
def text_width_px(text: str, size: float, dpi: float, weight: str = "normal") -> float:
    """Width in pixels of the widest line of ``text`` at ``size`` points (the Agg renderer's measure;
    remembered, since a lab measures the same titles and labels on every redraw)."""
    props = FontProperties(size=size, weight=weight)
    return max(
        (
            _measurer(dpi).get_text_width_height_descent(line, props, ismath=False)[0]
            for line in text.split("\n")
        ),
        default=0.0,
    )


def fitting_size(
    text: str, size: float, width_px: float, dpi: float, weight: str = "normal", min_pt: float = MIN_TITLE_PT
) -> float:
    """``size``, or the smaller size (not below ``min_pt``) at which ``text`` fits ``width_px``."""
    if not text:
        return size
    wide = text_width_px(text, size, dpi, weight)
    if wide <= width_px:
        return size
    return max(min_pt, size * width_px / wide * 0.98)


def _room_px(ax: Axes) -> float:
    """Pixels from the Axes' left edge to the figure's right edge - or to the next Axes on its right
    in the same row, whose own title starts there - less a small margin."""
    fig = ax.get_figure()
    width = fig.get_figwidth() * fig.dpi
    here = ax.get_position()
    right = 1.0
    for other in fig.axes:
        there = other.get_position()
        if other is not ax and there.x0 > here.x0 and there.y0 < here.y1 and there.y1 > here.y0:
            right = min(right, there.x0)
    return width * (right - here.x0) - 6.0


def wrap_to_width(text: str, size: float, width_px: float, dpi: float, weight: str = "normal") -> str:
    """``text`` with line breaks between words so that each line fits ``width_px`` at ``size`` points."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width_px(candidate, size, dpi, weight) > width_px:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


def _fitted(
    text: str, size: float, room: float, dpi: float, weight: str = "normal", min_pt: float = MIN_TITLE_PT
) -> tuple[str, float]:
    """``text`` at ``size`` points if it fits ``room`` px, else smaller (not below ``min_pt``), else
    wrapped onto more lines at ``min_pt``."""
    fitted = fitting_size(text, size, room, dpi, weight, min_pt)
    if text_width_px(text, fitted, dpi, weight) <= room:
        return text, fitted
    return wrap_to_width(text, min_pt, room, dpi, weight), min_pt


def set_title(ax: Axes, finding: str, subtitle: str | None = None, *, min_pt: float = MIN_TITLE_PT) -> Axes:
    """Title the Axes with the finding it shows (and an optional smaller subtitle line).

    Both start at the Axes' left edge; a line too long for the figure's width is set smaller (not
    below ``min_pt``, default :data:`MIN_TITLE_PT`), and wrapped onto a second line if it still does not
    fit, instead of running off the edge. Safe to call on every redraw: the subtitle text artist is
    reused, not stacked. :func:`fit_for_screen` calls it again with a larger ``min_pt`` for a static figure.
    """
    room = _room_px(ax)
    dpi = ax.get_figure().dpi
    sub_text, sub_pt = _fitted(subtitle or "", max(BASE_FONT_PT - 2, min_pt), room, dpi, min_pt=min_pt)
    title_text, title_pt = _fitted(finding, max(BASE_FONT_PT + 2, min_pt), room, dpi, "bold", min_pt)
    # the title sits above the subtitle's lines (1.2 line heights each, plus the gap of one line)
    pad = (sub_text.count("\n") + 1) * sub_pt * 1.2 + 7.6 if subtitle else 6
    ax.set_title(title_text, loc="left", fontsize=title_pt, fontweight="bold", pad=pad)
    sub: Text | None = getattr(ax, "_course_subtitle", None)
    if sub is None or sub.axes is not ax or sub not in ax.texts:
        sub = ax.text(
            0.0, 1.01, "", transform=ax.transAxes, fontsize=BASE_FONT_PT - 2, color="#444444", va="bottom"
        )
        ax._course_subtitle = sub  # type: ignore[attr-defined]
    sub.set_text(sub_text)
    sub.set_fontsize(sub_pt)
    ax._course_title = (finding, subtitle, title_text)  # type: ignore[attr-defined]
    return ax


def static_min_font_pt(width_in: float, dpi: float = 100) -> float:
    """Smallest font size (points, rounded up to 0.1) of a static figure ``width_in`` inches wide shown as
    a PNG of ``dpi``, so that its text renders at :data:`MIN_SCREEN_TEXT_PX` or more in JupyterLab at
    1024x768: for a figure up to the default width (:data:`FIGSIZE`) with the file browser open, for any
    figure with it closed, and for a figure shown at its natural size. 13.2 pt for figures up to
    12.3 in wide; a 14 in figure needs 14.4 pt. (A figure wider than the default still shrinks below
    12 px with the file browser open: draw it narrower, or its panels stacked.)"""
    narrow, wide = NOTEBOOK_OUTPUT_PX
    px_per_pt_shrunk = min(narrow / min(width_in, FIGSIZE[0]), wide / width_in) / 72
    px_per_pt = min(dpi / 72, px_per_pt_shrunk)
    return math.ceil(MIN_SCREEN_TEXT_PX / px_per_pt * 10 - 1e-9) / 10


def fit_for_screen(fig: Figure, dpi: float = 100) -> Figure:
    """Raise every text of a static figure to :func:`static_min_font_pt` (what :func:`show` does before
    saving): titles and subtitles of :func:`set_title` are fitted again (smaller lines wrap instead of
    running off), then tick labels, value labels, legends and notes are raised and long axis labels
    wrapped. A figure whose text is all at or above the floor is left as it is."""
    floor = static_min_font_pt(fig.get_figwidth(), dpi)
    for ax in fig.axes:
        title = getattr(ax, "_course_title", None)
        if title is not None and ax.get_title("left") == title[2]:  # not retitled since
            set_title(ax, title[0], title[1], min_pt=floor)
    raised = [
        ax.get_legend()
        for ax in fig.axes
        if ax.get_legend() is not None
        and min((t.get_fontsize() for t in ax.get_legend().texts), default=floor) < floor
    ]
    raise_small_text(fig, floor)
    fit_axis_labels(fig)
    for legend in raised:
        _fit_legend_columns(legend)
    return fig


def _fit_legend_columns(legend: Legend) -> None:
    """A key of several columns that its larger text made wider than its axes gets one column fewer
    (its entries in more rows) until it fits: the same key, otherwise as the drawing made it.

    Measured without drawing the figure: a layout pass with a key wider than the figure would collapse
    the axes (Matplotlib's "axes sizes collapsed to zero") and leave the drawing squeezed to one side.
    """
    ax, fig = legend.axes, legend.figure
    renderer = fig._get_renderer()  # the figure's own (it has no pyplot canvas)
    while legend._ncols > 1:
        if legend.get_window_extent(renderer).width <= ax.get_window_extent(renderer).width + 1:
            return
        handles, labels = list(legend.legend_handles), [t.get_text() for t in legend.texts]
        legend = ax.legend(
            handles,
            labels,
            loc=legend._loc,
            bbox_to_anchor=legend._bbox_to_anchor,
            ncols=legend._ncols - 1,
            fontsize=legend.texts[0].get_fontsize(),
            columnspacing=legend.columnspacing,
            handlelength=legend.handlelength,
            handletextpad=legend.handletextpad,
            borderaxespad=legend.borderaxespad,
            labelspacing=legend.labelspacing,
            frameon=legend.get_frame_on(),
            title=legend.get_title().get_text() or None,
        )


def smallest_text(fig: Figure) -> tuple[float, str]:
    """The smallest font size (points) of the texts a drawn figure shows, and that text."""
    sizes = [
        (text.get_fontsize(), text.get_text().strip())
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip()
    ]
    return min(sizes, default=(0.0, ""))


def raise_small_text(fig: Figure, min_pt: float = LAB_MIN_FONT_PT) -> Figure:
    """Set every text of ``fig`` smaller than ``min_pt`` points (tick labels, value labels, legends,
    notes) to ``min_pt``: what a widget lab does after each drawing, so no text on a projector is too
    small to read whatever size a drawing function chose. Visits the figure's texts directly (a
    search of every artist would cost a timeline lab 15 ms per update)."""
    texts: list[Text] = list(fig.texts)
    if getattr(fig, "_suptitle", None) is not None:
        texts.append(fig._suptitle)
    legends = list(fig.legends)
    for ax in fig.axes:
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts, ax.xaxis.label, ax.yaxis.label]
        legends.append(ax.get_legend())
        for name, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            ticks = axis.get_majorticklabels()
            if ticks and min(t.get_fontsize() for t in ticks) < min_pt:
                ax.tick_params(axis=name, labelsize=min_pt)
    for legend in legends:
        if legend is not None:
            texts += [*legend.texts, legend.get_title()]
    for text in texts:
        if text.get_fontsize() < min_pt:
            text.set_fontsize(min_pt)
    return fig


#: Points a lab figure keeps under its axes for :func:`legend_below`: the x tick and axis labels, then
#: one key entry per row.
def legend_room_pt(entries: int) -> float:
    """Bottom margin (points) for the x tick and axis labels and a one-column key of ``entries`` rows."""
    return 54.0 + entries * LAB_MIN_FONT_PT * 1.75


def legend_below(ax: Axes) -> Axes:
    """Put the Axes' key under its x axis label, one entry per row (the figure keeps
    :func:`legend_room_pt` for it): at the projector width a lab's long series names do not fit beside
    each other, and a key inside the axes would cover some points. Safe to call on every redraw."""
    legend = ax.get_legend()
    if legend is not None:  # the key the drawing made (its handles may be proxies, not labelled artists)
        handles, labels = list(legend.legend_handles), [t.get_text() for t in legend.texts]
    else:
        handles, labels = ax.get_legend_handles_labels()
    if handles:
        axes_pt = ax.get_position().height * ax.get_figure().get_figheight() * 72
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(0.0, -46.0 / axes_pt), borderaxespad=0)
    return ax


def fit_axis_labels(fig: Figure) -> Figure:
    """Wrap an axis label that would run past the figure's edge (a y label, centred on a short panel,
    taller than the room above and below it) onto more lines, between words. Safe on every redraw."""
    width, height = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    for ax in fig.axes:
        box = ax.get_position()
        middle_y, middle_x = (box.y0 + box.y1) / 2 * height, (box.x0 + box.x1) / 2 * width
        for label, room in (
            (ax.yaxis.label, 2 * min(middle_y, height - middle_y) - 8),
            (ax.xaxis.label, 2 * min(middle_x, width - middle_x) - 8),
        ):
            text = " ".join(label.get_text().split())
            if text and text_width_px(text, label.get_fontsize(), fig.dpi) > room:
                label.set_text(wrap_to_width(text, label.get_fontsize(), room, fig.dpi))
    return fig


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


@dataclass
class _BarArtists:
    """The artists of one grouped-bar chart, kept so an update only moves and renames them."""

    shape: tuple  # (categories, series, positions of the series with intervals): a change rebuilds
    categories: tuple[str, ...]
    names: tuple[str, ...]
    containers: list[BarContainer]  # per series, in order
    labels: list[list[Text]]  # the value written on each bar, per series
    errors: dict[int, LineCollection]  # interval lines by series position


def _bar_shape(categories: Sequence[str], series: dict, errors: dict | None) -> tuple:
    return (len(categories), len(series), tuple(i for i, name in enumerate(series) if name in (errors or {})))


def is_blank(ax: Axes) -> bool:
    """True when nothing has been drawn on ``ax`` yet (no data, texts, legend, title or hidden axis)."""
    return not (
        ax.has_data()
        or ax.texts
        or ax.artists
        or ax.tables
        or ax.child_axes
        or ax.get_legend() is not None
        or any(ax.get_title(loc) for loc in ("left", "center", "right"))
        or not ax.axison
    )


def reset_axes(ax: Axes) -> Axes:
    """Empty ``ax`` for a new drawing; a blank Axes (e.g. fresh from :func:`new_figure`) is kept.

    ``Axes.clear`` rebuilds the tick machinery of both axes, which is wasted on an Axes that has
    nothing to remove: a static figure draws once on fresh axes; a lab rebuilds on used ones.
    """
    if not is_blank(ax):
        ax.clear()
    return ax


def _build_bars(ax: Axes, shape: tuple, categories: Sequence[str], series: dict, ylabel: str) -> _BarArtists:
    reset_axes(ax)
    style_axes(ax)
    n = max(len(series), 1)
    width = 0.8 / n
    x = np.arange(len(categories))
    artists = _BarArtists(
        shape=shape, categories=tuple(categories), names=tuple(series), containers=[], labels=[], errors={}
    )
    for i, name in enumerate(series):
        pos = x - 0.4 + width * (i + 0.5)
        container = ax.bar(
            pos,
            np.zeros(len(categories)),
            width,
            label=name,
            color=PALETTE[i % len(PALETTE)],
            hatch=HATCHES[i % len(HATCHES)],
            edgecolor="#333333",
            linewidth=0.6,
        )
        artists.containers.append(container)
        artists.labels.append(
            [
                ax.annotate(
                    "",
                    (p, 0.0),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=BASE_FONT_PT - 3,
                )
                for p in pos
            ]
        )
        if i in shape[2]:
            lines = LineCollection([], colors="#222222", linewidths=1.6)
            ax.add_collection(lines)
            artists.errors[i] = lines
    ax.set_xticks(x, list(categories))
    ax.set_ylabel(ylabel)
    if len(series) > 1:  # one row in the headroom above the tallest bar (see LEGEND_HEADROOM)
        ax.legend(loc="upper right", ncols=min(len(series), 3))
    return artists


def _rename_bars(
    ax: Axes, artists: _BarArtists, categories: Sequence[str], series: dict, ylabel: str
) -> None:
    """Same shape, other names: relabel the existing ticks, legend entries and y label (no rebuild)."""
    if artists.categories != tuple(categories):
        ax.set_xticks(np.arange(len(categories)), list(categories))
        artists.categories = tuple(categories)
    if artists.names != tuple(series):
        renamed = dict(zip(artists.names, series, strict=True))
        for container, name in zip(artists.containers, series, strict=True):
            container.set_label(name)
        legend = ax.get_legend()  # may hold other entries too (e.g. a labelled reference line)
        for entry in legend.get_texts() if legend is not None else []:
            entry.set_text(renamed.get(entry.get_text(), entry.get_text()))
        artists.names = tuple(series)
    if ax.get_ylabel() != ylabel:
        ax.set_ylabel(ylabel)


#: Top of a grouped-bar chart with a legend, as a multiple of the tallest bar: the value labels and
#: the one-row legend sit above the bars, so the legend covers no bar and no label.
LEGEND_HEADROOM = 1.5


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

    ``errors`` optionally maps a series name to (low, high) absolute bounds drawn as interval lines.
    Values are written on the bars so nobody has to read them off the axis.

    Called again on the same Axes with as many categories and series (and intervals on the same
    series), it moves and relabels the existing bars, value labels, interval lines, ticks and legend
    entries (fast redraws for widget labs, e.g. another tier scheme); otherwise it rebuilds.
    """
    shape = _bar_shape(categories, series, errors)
    artists: _BarArtists | None = getattr(ax, "_course_bars", None)
    if artists is None or artists.shape != shape or not ax.patches:
        artists = _build_bars(ax, shape, categories, series, ylabel)
        ax._course_bars = artists  # type: ignore[attr-defined]
    else:
        _rename_bars(ax, artists, categories, series, ylabel)
    top = 0.0
    for i, (name, values) in enumerate(series.items()):
        vals = np.asarray(values, dtype=float)
        heights = np.where(np.isfinite(vals), vals, 0.0)
        label_y = heights.copy()
        bars = artists.containers[i].patches
        if i in artists.errors and errors:
            lo, hi = (np.asarray(b, dtype=float) for b in errors[name])
            xs = [bar.get_x() + bar.get_width() / 2 for bar in bars]
            artists.errors[i].set_segments([[(x, a), (x, b)] for x, a, b in zip(xs, lo, hi, strict=True)])
            label_y = np.maximum(label_y, np.nan_to_num(hi))
        for bar, text, h, y, v in zip(bars, artists.labels[i], heights, label_y, vals, strict=True):
            bar.set_height(h)
            text.xy = (bar.get_x() + bar.get_width() / 2, y)
            text.set_text(value_format.format(v) if np.isfinite(v) else "n/a")
        top = max(top, float(np.max(label_y, initial=0.0)))
    headroom = LEGEND_HEADROOM if len(series) > 1 else 1.18  # room for the value labels (and legend)
    ax.set_ylim(0, top * headroom if top > 0 else 1.0)
    return make_room_for_value_labels(ax)


def ranked_bars(ax: Axes, values: Sequence[float], names: Sequence[str], *, xlabel: str) -> Axes:
    """Horizontal bars, one row per name in the order given, the first on top (a ranking whose names are
    too many or too long to sit side by side under vertical bars), each with its value written at its end
    and light vertical grid lines behind the bars.

    The figure is laid out once at the end, so that a title set afterwards (:func:`set_title`) measures
    the room right of the names, not the whole width.
    """
    bars = ax.barh(
        list(names)[::-1], list(values)[::-1], color=PALETTE[0], edgecolor="#333333", linewidth=0.6
    )
    ax.bar_label(bars, padding=4)
    ax.grid(True, axis="x", color="#DDDDDD")
    ax.grid(False, axis="y")
    ax.set_axisbelow(True)
    ax.set_xlabel(xlabel)
    ax.get_figure().draw_without_rendering()
    return ax


def make_room_for_value_labels(ax: Axes) -> Axes:
    """Raise the top of a :func:`bar_groups` chart so its value labels (however many lines, at the
    lab's type size) end inside the axes: what a short panel - a lab's stacked panels - needs on top
    of the usual headroom. Call it again after changing the labels' text."""
    artists: _BarArtists | None = getattr(ax, "_course_bars", None)
    low, high = ax.get_ylim()
    if artists is None or high <= 0:
        return ax
    texts = [t for row in artists.labels for t in row if t.get_text()]
    if not texts:
        return ax
    top = max(float(t.xy[1]) for t in texts)
    lines = max(t.get_text().count("\n") + 1 for t in texts)
    size = max(max(t.get_fontsize() for t in texts), LAB_MIN_FONT_PT)
    axes_pt = ax.get_position().height * ax.get_figure().get_figheight() * 72
    share = (lines * size * 1.25 + 6) / max(axes_pt, 1.0)  # of the axes' height, above the top value
    if top > 0 and share < 0.8 and high < top / (1 - share):
        ax.set_ylim(low, top / (1 - share))
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
    ax._course_bars = None  # type: ignore[attr-defined]
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=BASE_FONT_PT, wrap=True)
    return ax


def figure_svg(fig: Figure) -> bytes:
    """Render a Figure to SVG bytes with live text (what a widget lab shows).

    Vector output stays sharp at any projector zoom, and skipping rasterisation makes it about
    twice as fast as PNG. Deterministic: fixed hash salt, no date.
    """
    buf = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "influencer-course"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def show(fig: Figure, dpi: int = 100) -> Image:
    """Display a Figure in a notebook as a PNG (works without pyplot; nbval ignores PNG bytes).

    Its text is first raised to the screen floor (:func:`fit_for_screen`). The figure's constrained
    layout already keeps every label inside it, so no ``bbox_inches`` trimming (which would draw the
    figure twice); light PNG compression (zlib level 1) costs about 7% more bytes and saves about a fifth
    of the rendering time. The PNG carries the figure's words (``Description``, see :func:`figure_text`)
    and its smallest text (``Smallest text``: JSON ``{"pt": size, "text": text}``), which the browser
    tests turn into rendered pixels.
    """
    fit_for_screen(fig, dpi)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, pil_kwargs={"compress_level": 1})
    size, text = smallest_text(fig)  # after drawing: the tick labels are set
    png = _with_text(buf.getvalue(), "Description", figure_text(fig))
    png = _with_text(png, "Smallest text", json.dumps({"pt": round(float(size), 2), "text": text[:40]}))
    return Image(data=png, format="png")


def figure_text(fig: Figure) -> str:
    """Every visible text of a figure except tick labels, one per line: titles, subtitles, axis labels,
    value labels, annotations, legend entries (tick labels are the axes' scale, not what the figure says).

    :func:`show` stores it in the PNG's ``Description`` text chunk, so what a learner reads in a stored
    figure can be searched: the course test that no exercise's answer is on screen above the exercise
    reads it (tests/test_answers_hidden.py).
    """
    ticks = {
        id(label)
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        for label in (*axis.get_ticklabels(which="both"), axis.get_offset_text())
    }
    lines = []
    for artist in fig.findobj(Text):
        text = artist.get_text().strip()
        if text and artist.get_visible() and id(artist) not in ticks:
            lines.append(" ".join(text.split()))
    return "\n".join(dict.fromkeys(lines))


def _with_text(png: bytes, keyword: str, text: str) -> bytes:
    """The PNG with an international text chunk (iTXt, UTF-8) ``keyword`` = ``text``, before IEND."""
    if not text:
        return png
    payload = keyword.encode("latin-1") + b"\x00\x00\x00\x00\x00" + text.encode("utf-8")
    chunk = struct.pack(">I", len(payload)) + b"iTXt" + payload
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + payload) & 0xFFFFFFFF)
    end = png.rindex(b"IEND") - 4  # the IEND chunk starts with its 4-byte length
    return png[:end] + chunk + png[end:]


def figure_png(fig: Figure, dpi: int = LAB_DPI) -> bytes:
    """Render a Figure to PNG bytes (what a widget lab shows); deterministic for the same drawing."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


# The course has one look: importing helpers.plots (every lab and notebook does) makes the house
# style the default, so labels and ticks drawn later keep its sizes and colours.
apply_style()
