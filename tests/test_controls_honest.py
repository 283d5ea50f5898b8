"""Controls that say what they do (issue 14 item 6): a constraint is shown where it binds, and a
control either changes what the learner sees or says why it does not."""

from __future__ import annotations

import itertools

import pytest

from helpers.widgets import LABS

# --- budget planner: tier shares that do not add up to 100% ----------------------------------------


def test_budget_planner_says_when_tier_shares_do_not_add_up_and_shows_the_split_used():
    lab = LABS["budget-planner"]()
    assert "add up to 100%" in lab.split_note.value
    assert "warning" not in lab.split_note.value
    result = lab.set(share_nano=50, share_micro=50, share_mid=30, share_macro=20, share_mega=0)
    assert result.numbers["share_total_pct"] == pytest.approx(150)
    assert "150%" in result.summary and "not 100%" in result.summary
    assert "nano 33%, micro 33%, mid 20%, macro 13%" in result.summary
    assert "course-lab-split-warning" in lab.split_note.value and "150%" in lab.split_note.value
    used = [result.numbers[f"share_used_pct_{t}"] for t in ("nano", "micro", "mid", "macro", "mega")]
    assert sum(used) == pytest.approx(100)
    assert "share used (%)" in lab._table.value


def test_budget_planner_split_note_clears_when_the_shares_add_up_again():
    lab = LABS["budget-planner"]()
    lab.set(share_nano=90)
    assert "course-lab-split-warning" in lab.split_note.value
    result = lab.set(share_nano=20)
    assert "course-lab-split-warning" not in lab.split_note.value
    assert "not 100%" not in result.summary


# --- landscape lab: the first view -----------------------------------------------------------------


def test_landscape_lab_opens_on_the_fullest_chart_not_a_nearly_empty_one():
    lab = LABS["landscape"]()
    counts = lab.landscape["metric"].astype(str).value_counts()
    first = lab.values()
    assert first["metric"] == counts.idxmax()
    assert lab.result.numbers["figures_shown"] == counts.max(), "some figures of the first view are hidden"


# --- capstone planner: brand and authenticity screen ----------------------------------------------


@pytest.fixture(scope="module")
def capstone_lab():
    return LABS["capstone-planner"]()


def test_capstone_brand_change_shows_who_signs_and_why_the_forecast_holds(capstone_lab):
    brands = capstone_lab.bench.brands[:6]
    seen = {}
    for brand in brands:
        result = capstone_lab.set(brand=brand, screen=True)
        assert result.ok, result.message
        seen[brand] = result
    same = [
        (a, b)
        for a, b in itertools.combinations(brands, 2)
        if seen[a].numbers["kpi_p50"] == seen[b].numbers["kpi_p50"]
    ]
    assert same, "no two brands share a forecast: update this test's premise"
    a, b = same[0]
    # the forecast is the same, so what changed must be on screen, with the reason
    assert seen[a].extra["plan"].signed["handle"].tolist() != seen[b].extra["plan"].signed["handle"].tolist()
    for brand in (a, b):
        assert "Who signs" in seen[brand].summary
        assert "not with which ones" in seen[brand].summary
        fit = seen[brand].numbers["signed_median_niche_fit"]
        assert f"median niche fit {fit:.2f}" in seen[brand].summary


def test_capstone_authenticity_screen_shows_what_it_removed(capstone_lab):
    on = capstone_lab.set(brand=capstone_lab.bench.brands[0], screen=True)
    off = capstone_lab.set(screen=False)
    assert on.numbers["signed_lowest_real_audience_pct"] >= 75
    assert off.numbers["signed_lowest_real_audience_pct"] < on.numbers["signed_lowest_real_audience_pct"]
    assert f"lowest {off.numbers['signed_lowest_real_audience_pct']:.0f}%" in off.summary
    assert "screen off" in off.summary and "none under 75%" in on.summary


#: App mode's type size (tools/app.py's template; tests/browser/test_app_mode.py checks it), the widest
#: slider readout at it, and the narrowest track a learner can drag, in px.
APP_FONT_PX = 18
READOUT_PX = 80
MIN_TRACK_PX = 120


def _controls_grids(widget):
    """Every shared controls grid (``course-lab-controls``) under ``widget``."""
    found = [widget] if "course-lab-controls" in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += _controls_grids(child)
    return found


def test_capstone_first_post_slider_keeps_room_for_its_track(capstone_lab):
    """Its long label once squashed the track to a dot in app mode. In the shared layout
    (helpers.widgets.base.controls_grid) it fills a grid cell with no fixed width, its label on the line
    above (LAB_CSS), so the track gets the cell's width less the readout whatever the label's length;
    tests/browser/test_projector.py measures the rendered track."""
    from helpers.widgets.base import CONTROL_COLUMN_EM, LAB_CSS

    slider = capstone_lab.controls["post_offset_days"]
    grids = [g for g in _controls_grids(capstone_lab.widget) if slider in g.children]
    assert len(grids) == 1, "the slider is not in the lab's shared controls grid"
    assert slider.layout.width == "auto" and slider.layout.min_width is None, slider.layout
    assert "widget-label { flex: 1 0 100%" in LAB_CSS, "labels no longer take their own line"
    assert CONTROL_COLUMN_EM * APP_FONT_PX - READOUT_PX >= MIN_TRACK_PX
