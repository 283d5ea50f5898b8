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


def _px(value: str) -> float:
    assert value.endswith("px"), value
    return float(value.removesuffix("px"))


#: App mode's type size (tools/app.py's template; tests/browser/test_app_mode.py checks it) and a
#: generous average character width for it, in px.
APP_FONT_PX = 18
CHAR_PX = 0.62 * APP_FONT_PX


def test_capstone_first_post_slider_keeps_room_for_its_track(capstone_lab):
    slider = capstone_lab.controls["post_offset_days"]
    width = _px(slider.layout.width)
    assert _px(slider.layout.min_width) == width, "the row may not shrink the slider"
    label = len(slider.description) * CHAR_PX
    assert width - label >= 200, f"{width - label:.0f}px left for the track and readout in app mode"
