"""Figure text a learner reads is whole and uncovered (issue 14 item 4).

Every widget lab's figure (first view) and every analysis figure a notebook shows (the builders of
``tests/test_accessibility.py``) is drawn, and the window extents of its texts and legends are
compared (Matplotlib's renderer, as the saved image lays them out):

* no text (title, subtitle, labels, tick labels, annotations, legend) reaches outside the figure;
* the title, the subtitle and the legend do not overlap each other, and a legend covers no data label
  and no plotted point;
* no text shows a TeX escape such as ``\\$`` (the house style draws ``$`` literally).

The first tests feed the checker figures with each defect, so a checker that stopped finding them
would fail.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from helpers import plots
from test_accessibility import FIGURES

#: Pixels a text may overhang the figure edge or another box before it counts (anti-aliasing).
TOLERANCE_PX = 1.0
TEX_ESCAPE = re.compile(r"\\[$%&#_{}]")


def _drawn_tick_labels(axis) -> list[Text]:
    """Tick labels the axis draws (ticks outside the view limits keep their Text but are not drawn)."""
    labels = []
    for tick in axis._update_ticks():  # the ticks Axis.draw draws
        labels += [label for label in (tick.label1, tick.label2) if label.get_visible()]
    return labels


def _visible_texts(fig: Figure) -> list[Text]:
    """Every text the figure draws: figure texts, and per visible Axes its titles, texts, axis labels,
    drawn tick labels, offset texts and legend texts."""
    texts: list[Text] = list(fig.texts)
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts]
        if ax.axison:
            for axis in (ax.xaxis, ax.yaxis):
                if axis.get_visible():
                    texts += [axis.label, axis.get_offset_text(), *_drawn_tick_labels(axis)]
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            texts += [*legend.texts, legend.get_title()]
    for legend in fig.legends:
        texts += [*legend.texts, legend.get_title()]
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def _shrunk(box: Bbox, px: float = TOLERANCE_PX) -> Bbox:
    return Bbox.from_extents(box.x0 + px, box.y0 + px, box.x1 - px, box.y1 - px)


def _label(t: Text) -> str:
    text = t.get_text().replace("\n", " ")
    return repr(text if len(text) <= 50 else text[:47] + "...")


def figure_text_problems(fig: Figure) -> list[str]:
    """Texts outside the figure, title/subtitle/legend overlaps, legends over data, TeX escapes."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    problems: list[str] = []
    frame = fig.bbox
    texts = _visible_texts(fig)
    for t in texts:
        if TEX_ESCAPE.search(t.get_text()):
            problems.append(f"text {_label(t)} shows a TeX escape")
        box = t.get_window_extent(renderer)
        if box.width == 0 or not np.isfinite(box.get_points()).all():
            continue
        if (
            box.x0 < frame.x0 - TOLERANCE_PX
            or box.x1 > frame.x1 + TOLERANCE_PX
            or box.y0 < frame.y0 - TOLERANCE_PX
            or box.y1 > frame.y1 + TOLERANCE_PX
        ):
            problems.append(f"text {_label(t)} reaches outside the figure ({_px(box)} vs {_px(frame)})")
    heads: list[tuple[str, Bbox]] = []
    for n, ax in enumerate(fig.axes):
        if not ax.get_visible():
            continue
        where = f"axes {n}"
        problems += _axes_problems(ax, where, renderer, frame)
        heads += [(f"{where} {name}", box) for name, box in _head_boxes(ax, renderer).items()]
    for (a, box_a), (b, box_b) in itertools.combinations(heads, 2):
        if a.split()[1] != b.split()[1] and _shrunk(box_a).overlaps(_shrunk(box_b)):
            problems.append(f"{a} overlaps {b}")
    return problems


def _px(box: Bbox) -> str:
    return f"[{box.x0:.0f},{box.y0:.0f} - {box.x1:.0f},{box.y1:.0f}]"


def _head_boxes(ax, renderer) -> dict[str, Bbox]:
    """Window extents of the Axes' titles, subtitle and legend (what sits above or on a chart)."""
    boxes: dict[str, Bbox] = {}
    for title in (ax.title, ax._left_title, ax._right_title):
        if title.get_visible() and title.get_text().strip():
            boxes[f"title {title.get_text()[:40]!r}"] = title.get_window_extent(renderer)
    sub = getattr(ax, "_course_subtitle", None)
    if sub is not None and sub.get_visible() and sub.get_text().strip() and sub in ax.texts:
        boxes[f"subtitle {sub.get_text()[:40]!r}"] = sub.get_window_extent(renderer)
    legend = ax.get_legend()
    if legend is not None and legend.get_visible():
        boxes["legend"] = legend.get_window_extent(renderer)
    return boxes


def _axes_problems(ax, where: str, renderer, frame: Bbox) -> list[str]:
    problems = []
    boxes: dict[str, Bbox] = {}
    for loc in ("left", "center", "right"):
        title = ax.get_title(loc)
        if title.strip():
            boxes[f"title {title[:40]!r}"] = (
                ax.title.get_window_extent(renderer)
                if loc == "center"
                else getattr(ax, f"_{loc}_title").get_window_extent(renderer)
            )
    sub = getattr(ax, "_course_subtitle", None)
    if sub is not None and sub.get_visible() and sub.get_text().strip() and sub in ax.texts:
        boxes[f"subtitle {sub.get_text()[:40]!r}"] = sub.get_window_extent(renderer)
    legend = ax.get_legend()
    if legend is not None and legend.get_visible():
        box = legend.get_window_extent(renderer)
        boxes["legend"] = box
        if (
            box.x0 < frame.x0 - TOLERANCE_PX
            or box.x1 > frame.x1 + TOLERANCE_PX
            or box.y1 > frame.y1 + TOLERANCE_PX
        ):
            problems.append(f"{where}: the legend reaches outside the figure ({_px(box)})")
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        if _shrunk(box_a).overlaps(_shrunk(box_b)):
            problems.append(f"{where}: {a} overlaps {b}")
    if "legend" in boxes:
        problems += _covered_by_legend(ax, legend, _shrunk(boxes["legend"]), where, renderer)
    return problems + _half_clipped_markers(ax, where)


def _half_clipped_markers(ax, where: str) -> list[str]:
    """Markers of lines whose centre is inside the Axes but closer to its left or right edge than
    half the marker: the Axes clips them in half (e.g. a calendar's last day)."""
    box = ax.get_window_extent()
    dpi = ax.get_figure().dpi
    problems = []
    for line in ax.lines:
        if not (line.get_visible() and line.get_clip_on()) or line.get_marker() in (None, "None", "none", ""):
            continue
        x = np.asarray(line.get_xdata(), float)
        if not x.size:
            continue
        y = np.asarray(line.get_ydata(), float)
        px = line.get_transform().transform(np.column_stack([x, y]))[:, 0]
        half = line.get_markersize() * dpi / 72 / 2
        inside = (px >= box.x0) & (px <= box.x1)
        cut = inside & ((px - box.x0 < half - TOLERANCE_PX) | (box.x1 - px < half - TOLERANCE_PX))
        if cut.any():
            problems.append(
                f"{where}: {int(cut.sum())} marker(s) {line.get_marker()!r} cut in half at the Axes edge"
            )
    return problems


def _covered_by_legend(ax, legend: Legend, box: Bbox, where: str, renderer) -> list[str]:
    problems = []
    sub = getattr(ax, "_course_subtitle", None)
    for t in ax.texts:
        if t is sub or not t.get_visible() or not t.get_text().strip():
            continue
        if _shrunk(t.get_window_extent(renderer)).overlaps(box):
            problems.append(f"{where}: the legend covers the label {_label(t)}")
    points = []
    for line in ax.lines:
        marked = line.get_marker() not in (None, "None", "none", "", " ")
        if line.get_visible() and (marked or len(line.get_xdata()) > 1):  # its points (and vertices)
            xy = np.column_stack([np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)])
            points.append(line.get_transform().transform(xy))
    for coll in ax.collections:
        if isinstance(coll, PathCollection) and coll.get_visible() and len(coll.get_offsets()):
            points.append(coll.get_offset_transform().transform(np.asarray(coll.get_offsets(), float)))
    inside = 0
    for pts in points:
        pts = pts[np.isfinite(pts).all(axis=1)]
        inside += int(
            ((pts[:, 0] > box.x0) & (pts[:, 0] < box.x1) & (pts[:, 1] > box.y0) & (pts[:, 1] < box.y1)).sum()
        )
    if inside:
        problems.append(f"{where}: the legend covers {inside} plotted point(s)")
    return problems


# --- the checker finds each defect ------------------------------------------------------------------


def _lab_fig() -> tuple[Figure, object]:
    fig, ax = plots.new_figure(figsize=(6, 4), fixed_margins=True)
    return fig, ax


def test_checker_flags_a_title_cut_off_at_the_right_edge():
    fig, ax = _lab_fig()
    plots.set_title(ax, "A finding that is far too long to fit on this narrow figure at all, really")
    assert any("reaches outside the figure" in p for p in figure_text_problems(fig))


def test_checker_flags_a_legend_over_a_data_label_and_over_points():
    fig, ax = _lab_fig()
    ax.plot([0, 1, 2], [1, 1, 1], marker="o", label="a")
    ax.plot([0, 1, 2], [0, 0.5, 0.2], marker="s", label="b")
    ax.annotate("44", (0.05, 1.0))
    ax.legend(loc="upper left")
    problems = figure_text_problems(fig)
    assert any("covers the label '44'" in p for p in problems)
    assert any("plotted point" in p for p in problems)


def test_checker_flags_a_subtitle_under_the_legend_and_a_tex_escape():
    fig, ax = _lab_fig()
    ax.plot([0, 1], [0, 1], marker="o", label="series")
    plots.set_title(ax, "Short", r"cost in \$ per post")
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0))
    problems = figure_text_problems(fig)
    assert any("TeX escape" in p for p in problems)
    assert any("overlaps legend" in p or "legend overlaps" in p for p in problems)


def test_checker_accepts_a_tidy_figure():
    fig, ax = plots.new_figure(figsize=(8, 4.5))
    ax.plot([0, 1, 2], [0, 1, 2], marker="o", label="rising")
    ax.plot([0, 1, 2], [2, 1.5, 1.8], marker="s", label="flat")
    ax.annotate("2", (2, 2), xytext=(0, 3), textcoords="offset points", ha="center")
    plots.set_title(ax, "Rising wins", "synthetic; $5 per post")
    ax.set_ylim(-3, 3)
    ax.legend(loc="lower right")
    assert figure_text_problems(fig) == []


# --- the course's figures -------------------------------------------------------------------------


def _lab_names() -> list[str]:
    from helpers.widgets import LABS

    return sorted(LABS)


def lab_states(lab) -> list[dict]:
    """Control settings to look at: the first view, then each control alone at its extremes and,
    for a menu, each option (up to six)."""
    from helpers.widgets.base import control_values

    states: list[dict] = [{}]
    for key, control in lab.controls.items():
        try:
            values = control_values(control)
        except TypeError:
            continue
        picked = values[:6] if len(values) <= 6 else [values[0], values[len(values) // 2], values[-1]]
        states += [{key: v} for v in picked if v != control.value]
    return states


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
@pytest.mark.parametrize("name", _lab_names())
def test_lab_figure_text_is_whole_uncovered_and_plain(name):
    from helpers.widgets import LABS

    lab = LABS[name]()
    assert lab.result.ok, lab.result.message
    first = lab.values()
    problems = {}
    for state in lab_states(lab):
        lab.set(**first)
        result = lab.set(**state) if state else lab.result
        if result.ok:
            found = figure_text_problems(lab.fig)
            if found:
                problems[str(state or "first view")] = found
    assert problems == {}


@pytest.mark.parametrize("case", sorted(FIGURES))
def test_analysis_figure_text_is_whole_uncovered_and_plain(case):
    _, build = FIGURES[case]
    assert figure_text_problems(plots.fit_for_screen(build())) == []  # as plots.show saves it


def _fig_disclosure(old_layout: bool = False) -> Figure:
    """Notebook 03's disclosure chart (drawn in the notebook with plots.bar_groups); ``old_layout``
    draws it as before issue 14 (legend in one column at the top right, 18% headroom)."""
    from helpers.analysis import trust
    from test_accessibility import _tables

    t = _tables()
    disclosure = trust.disclosure_by_tier(t["posts"], t["influencers"])
    fig, ax = plots.new_figure()
    shares = {
        "sponsored posts disclosed": disclosure["disclosed_posts_pct"],
        "creators disclosing every ad": disclosure["fully_compliant_pct"],
    }
    plots.bar_groups(ax, list(disclosure.index), shares, ylabel="percent", value_format="{:.0f}")
    if old_layout:
        ax.legend(loc="upper right")
        ax.set_ylim(0, ax.get_ylim()[1] / plots.LEGEND_HEADROOM * 1.18)
    plots.set_title(ax, "Most creators with ads leave at least one unlabelled", "synthetic posts")
    return fig


def test_nb03_disclosure_legend_sits_above_the_bars_and_their_labels():
    assert figure_text_problems(_fig_disclosure()) == []
    assert any("covers the label" in p for p in figure_text_problems(_fig_disclosure(old_layout=True)))


def test_capstone_timeline_key_gives_each_event_type_its_own_symbol():
    from helpers.analysis import capstone

    markers = [style[1] for style in capstone._TIMELINE_STYLES.values()]
    assert len(set(markers)) == len(markers), f"two event types share a marker: {markers}"
    entries = [e.strip() for part in capstone.TIMELINE_KEY.split("·") for e in part.split(",")]
    symbols = [e.split()[0] for e in entries if not e.startswith("shaded")]
    assert len(set(symbols)) == len(symbols), f"two key entries share a symbol: {entries}"


def test_capstone_lab_forecast_panel_without_an_axis_writes_each_interval():
    from helpers.widgets import LABS

    lab = LABS["capstone-planner"]()
    ax = lab.fig.axes[0]
    assert not ax.axison  # the lab's panel has no y axis, so the numbers must be on the bars
    table = lab.result.extra["plan"].forecast_table
    written = {t.get_text() for t in ax.texts}
    for _, row in table.iterrows():
        p10, p50, p90 = (row[f"conversions_{p}"] for p in ("p10", "p50", "p90"))
        assert f"{p50:,.0f}\n({p10:,.0f}-{p90:,.0f})" in written
    assert "80% interval" in lab.fig.axes[0]._course_subtitle.get_text()


def test_nb10_published_figure_title_fits():
    """Notebook 12's published-benchmark chart (drawn in the notebook): its long title used to end
    '... as accou' at the figure's edge."""
    from helpers.analysis import finding

    published = finding.published_er_table()
    fig, ax = plots.new_figure()
    finding.draw_published_er(ax, published)
    title = finding.published_er_title(published)
    assert figure_text_problems(fig) == []
    ax.set_title(title, loc="left", fontsize=plots.BASE_FONT_PT + 2, fontweight="bold")  # unfitted
    assert any("reaches outside the figure" in p for p in figure_text_problems(fig))
