"""helpers.plots: house style, drawing functions on a given Axes, and figure rendering."""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image as PILImage

from helpers import plots


@pytest.fixture
def fig_ax():
    fig, ax = plots.new_figure()
    return fig, ax


def _png_size(data: bytes) -> tuple[int, int]:
    with PILImage.open(io.BytesIO(data)) as img:
        return img.size


def test_importing_plots_makes_the_house_style_the_default():
    assert mpl.rcParams["font.size"] == plots.BASE_FONT_PT
    assert mpl.rcParams["axes.spines.top"] is False
    assert mpl.rcParams["text.parse_math"] is False  # "$5 to $10" stays text, not maths


def test_palette_hatches_and_markers_pair_up_and_are_distinct():
    assert len(plots.PALETTE) == len(plots.HATCHES) == len(plots.MARKERS) == 8
    for seq in (plots.PALETTE, plots.HATCHES, plots.MARKERS):
        assert len(set(seq)) == len(seq)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (950, "950"),
        (12_300, "12.3K"),
        (4_500_000, "4.5M"),
        (2_000_000_000, "2B"),
        (-1500, "-1.5K"),
        (np.nan, ""),
    ],
)
def test_human_number_formats_counts_compactly(value, text):
    assert plots.human_number(value) == text


def test_money_and_percent_formatters():
    assert plots.usd(1500) == "$1.5K"
    assert plots.percent(3.456) == "3.5%"


def test_show_renders_the_whole_figure_at_its_size_without_trimming(fig_ax):
    fig, ax = fig_ax
    plots.bar_groups(ax, ["nano", "micro"], {"ER": [5.0, 3.0]}, ylabel="Engagement rate (%)")
    plots.set_title(ax, "Smaller creators earn higher engagement", "Synthetic data")
    image = plots.show(fig, dpi=50)
    assert image.format == "png"
    width_in, height_in = plots.FIGSIZE
    assert _png_size(image.data) == (round(width_in * 50), round(height_in * 50))


def test_show_keeps_every_label_inside_the_figure(fig_ax):
    fig, ax = fig_ax
    plots.bar_groups(
        ax, ["a very long category name", "b"], {"x": [1e6, 2e6], "y": [3e6, 1e6]}, ylabel="Reach"
    )
    plots.set_title(ax, "A long finding that states what the chart shows", "and a subtitle")
    plots.show(fig)  # draws with the constrained layout
    renderer = FigureCanvasAgg(fig).get_renderer()
    box = fig.get_tightbbox(renderer)  # inches
    width_in, height_in = fig.get_size_inches()
    assert box.x0 >= -0.01 and box.y0 >= -0.01
    assert box.x1 <= width_in + 0.01 and box.y1 <= height_in + 0.01


def test_show_is_deterministic_for_the_same_drawing():
    images = []
    for _ in range(2):
        fig, ax = plots.new_figure()
        plots.bar_groups(ax, ["a", "b"], {"s": [1, 2]})
        images.append(plots.show(fig).data)
    assert images[0] == images[1]


def test_figure_svg_has_live_text_and_no_date():
    fig, ax = plots.new_figure(fixed_margins=True)
    plots.set_title(ax, "Finding in words")
    svg = plots.figure_svg(fig).decode()
    assert "Finding in words" in svg
    assert "<dc:date>" not in svg
    assert plots.figure_svg(fig).decode() == svg


def test_bar_groups_gives_each_series_its_own_colour_and_hatch(fig_ax):
    _, ax = fig_ax
    plots.bar_groups(ax, ["a", "b", "c"], {"one": [1, 2, 3], "two": [3, 2, 1], "three": [2, 2, 2]})
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["one", "two", "three"]
    hatches = [h.patches[0].get_hatch() or "" for h in handles]
    colours = [mpl.colors.to_hex(h.patches[0].get_facecolor()) for h in handles]
    assert len(set(hatches)) == 3 and len(set(colours)) == 3


def test_bar_groups_writes_values_on_bars_and_marks_missing_ones(fig_ax):
    _, ax = fig_ax
    plots.bar_groups(ax, ["a", "b"], {"s": [1234.0, float("nan")]}, value_format="{:,.0f}")
    texts = [t.get_text() for t in ax.texts if t.get_text()]
    assert texts == ["1,234", "n/a"]


def test_bar_groups_reuses_its_artists_when_only_values_change(fig_ax):
    _, ax = fig_ax
    plots.bar_groups(ax, ["a", "b"], {"s": [1, 2]})
    first = list(ax.patches)
    plots.bar_groups(ax, ["a", "b"], {"s": [5, 1]})
    assert list(ax.patches) == first
    assert [p.get_height() for p in ax.patches] == [5, 1]
    plots.bar_groups(ax, ["a", "b", "c"], {"s": [5, 1, 2]})  # new categories: rebuilt
    assert len(ax.patches) == 3


def test_bar_groups_relabels_instead_of_rebuilding_when_only_names_change(fig_ax):
    """Another tier scheme in the tier explorer: same shape, new series and category names."""
    fig, ax = fig_ax
    plots.bar_groups(ax, ["nano", "micro"], {"A: Mediakix": [3, 4], "B: Later": [5, 6]}, ylabel="creators")
    first = list(ax.patches)
    plots.bar_groups(ax, ["micro", "nano"], {"A: HypeAuditor": [7, 8], "B: Later": [1, 2]}, ylabel="people")
    assert list(ax.patches) == first and [p.get_height() for p in ax.patches] == [7, 8, 1, 2]
    plots.show(fig, dpi=30)  # tick labels are only final once drawn
    assert [t.get_text() for t in ax.get_xticklabels()] == ["micro", "nano"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A: HypeAuditor", "B: Later"]
    assert ax.get_legend_handles_labels()[1] == ["A: HypeAuditor", "B: Later"]
    assert ax.get_ylabel() == "people"
    assert [t.get_text() for t in ax.texts if t.get_text()] == ["7", "8", "1", "2"]


def test_bar_groups_renames_only_its_own_entries_in_a_legend_with_others(fig_ax):
    _, ax = fig_ax
    plots.bar_groups(ax, ["a", "b"], {"s": [1, 2], "t": [3, 4]})
    ax.axhline(2, label="benchmark")
    ax.legend()
    plots.bar_groups(ax, ["a", "b"], {"u": [1, 2], "t": [3, 4]})
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["benchmark", "u", "t"]


def test_bar_groups_rebuilds_when_intervals_move_to_another_series(fig_ax):
    _, ax = fig_ax
    plots.bar_groups(ax, ["a", "b"], {"s": [10, 20], "t": [1, 2]}, errors={"s": ([8, 15], [12, 40])})
    first = list(ax.patches)
    plots.bar_groups(ax, ["a", "b"], {"s": [10, 20], "t": [1, 2]}, errors={"t": ([0, 1], [2, 3])})
    assert list(ax.patches) != first and len(ax.collections) == 1
    assert [tuple(seg[:, 1]) for seg in ax.collections[0].get_segments()] == [(0, 2), (1, 3)]


def test_bar_groups_draws_intervals_and_makes_room_for_them(fig_ax):
    _, ax = fig_ax
    plots.bar_groups(ax, ["a", "b"], {"s": [10, 20]}, errors={"s": ([8, 15], [12, 40])})
    segments = ax.collections[0].get_segments()
    assert [tuple(seg[:, 1]) for seg in segments] == [(8, 12), (15, 40)]
    assert ax.get_ylim()[1] >= 40


def test_scatter_groups_pairs_colour_with_marker(fig_ax):
    _, ax = fig_ax
    plots.scatter_groups(ax, {"g1": ([1, 2], [1, 2]), "g2": ([1, 10], [3, 4])}, logx=True)
    assert ax.get_xscale() == "log"
    paths = [c.get_paths()[0].vertices.shape for c in ax.collections]
    assert paths[0] != paths[1]  # circle vs square: different markers


def test_set_title_reuses_one_subtitle_artist(fig_ax):
    _, ax = fig_ax
    for i in range(3):
        plots.set_title(ax, f"Finding {i}", f"subtitle {i}")
    subtitles = [t for t in ax.texts if t.get_text().startswith("subtitle")]
    assert len(subtitles) == 1 and subtitles[0].get_text() == "subtitle 2"
    assert ax.get_title(loc="left") == "Finding 2"


def test_message_axes_replaces_the_plot_with_a_message(fig_ax):
    _, ax = fig_ax
    plots.bar_groups(ax, ["a"], {"s": [1]})
    plots.message_axes(ax, "No creators match: widen the filter.")
    assert not ax.patches and not ax.axison
    assert [t.get_text() for t in ax.texts] == ["No creators match: widen the filter."]


def test_titles_sit_at_a_fixed_height_clear_of_the_subtitle_and_the_plot(fig_ax):
    fig, ax = fig_ax
    plots.bar_groups(ax, ["nano", "micro"], {"ER": [5.0, 3.0]})
    plots.set_title(ax, "Smaller creators earn higher engagement", "Synthetic data")
    plots.show(fig, dpi=50)
    renderer = FigureCanvasAgg(fig).get_renderer()
    # a fixed title height, not Matplotlib's automatic one (which re-measures every tick label)
    assert mpl.rcParams["axes.titley"] == 1.0 and ax.title.get_position()[1] == 1.0
    title = ax.title.get_window_extent(renderer)
    subtitle = ax._course_subtitle.get_window_extent(renderer)
    plot = ax.get_window_extent(renderer)
    assert title.y0 >= subtitle.y1 - 0.5 and subtitle.y0 >= plot.y1 - 0.5


def test_a_fresh_axes_is_blank_and_any_drawing_makes_it_used():
    draws = [
        lambda ax: ax.plot([1, 2]),
        lambda ax: ax.text(0, 0, "note"),
        lambda ax: ax.set_title("finding"),
        lambda ax: ax.set_axis_off(),
        lambda ax: ax.bar([0], [1], label="s") and ax.legend(),
    ]
    for draw in draws:
        _, ax = plots.new_figure()
        assert plots.is_blank(ax)
        draw(ax)
        assert not plots.is_blank(ax)


def test_reset_axes_keeps_a_blank_axes_and_empties_a_used_one(fig_ax):
    _, ax = fig_ax
    xaxis_ticks = ax.xaxis.majorTicks
    assert plots.reset_axes(ax) is ax and ax.xaxis.majorTicks is xaxis_ticks  # nothing rebuilt
    plots.bar_groups(ax, ["a", "b"], {"s": [1, 2]})
    plots.set_title(ax, "finding")
    plots.reset_axes(ax)
    assert plots.is_blank(ax) and not ax.patches and ax.get_title(loc="left") == ""


def test_bar_groups_on_an_axes_with_other_drawings_starts_from_a_clean_axes(fig_ax):
    _, ax = fig_ax
    ax.plot([0, 1], [5, 6], label="an earlier line")
    plots.bar_groups(ax, ["a", "b"], {"s": [1, 2]})
    assert not ax.lines and len(ax.patches) == 2


def test_ranked_bars_put_the_first_name_on_top_label_each_bar_and_lay_out_before_the_title():
    _fig, ax = plots.new_figure(figsize=(9, 5))
    names = ["a very long brand name indeed", "short", "middle name"]
    plots.ranked_bars(ax, [12, 7, 3], names, xlabel="posts")
    ticks = sorted(ax.get_yticklabels(), key=lambda t: t.get_position()[1], reverse=True)
    assert [t.get_text() for t in ticks] == names  # the first name on the top row
    assert [t.get_text() for t in ax.texts[-3:]] == ["3", "7", "12"]  # each bar's value at its end
    assert ax.get_xlabel() == "posts"
    # laid out: the Axes already start right of the long names (0.125 of the width before a layout), so
    # a title set now measures the room beside them
    assert ax.get_position().x0 > 0.25
