"""Then-and-now lab: a year slider over the real landscape figures, no extrapolation."""

from __future__ import annotations

import pytest

from helpers import data
from helpers.widgets import LabInputError
from helpers.widgets.landscape import LandscapeLab, landscape_update


@pytest.fixture(scope="module")
def landscape():
    return data.load_landscape()


def test_a_year_shows_only_figures_for_that_year_or_earlier(landscape):
    result = landscape_update(landscape, "market_size", 2021)
    known = landscape[(landscape["metric"] == "market_size") & (landscape["year"] <= 2021)]
    assert result.numbers["figures_shown"] == len(known)
    assert result.numbers["latest_value"] == pytest.approx(known.sort_values("year")["value"].iloc[-1])
    assert "hollow" in result.summary, "later figures exist and are drawn hollow"


def test_before_a_series_starts_there_is_no_figure_and_no_extrapolation(landscape):
    first = int(landscape.loc[landscape["metric"] == "market_size", "year"].min())
    result = landscape_update(landscape, "market_size", first - 1)
    assert result.ok and result.numbers["figures_shown"] == 0
    assert "does not extrapolate" in result.summary


def test_market_size_without_vendor_estimates_is_a_friendly_message(landscape):
    with pytest.raises(LabInputError, match="Include vendor estimates"):
        landscape_update(landscape, "market_size", 2025, include_vendor=False)


def test_engagement_series_all_fall_by_the_last_year(landscape):
    result = landscape_update(landscape, "engagement_rate", int(landscape["year"].max()))
    assert result.numbers["series_with_trend"] >= 2
    assert result.numbers["series_falling"] == result.numbers["series_with_trend"]
    assert result.numbers["vendor_figures_pct"] > 50


def test_table_covers_every_metric_with_source_and_vendor_flag(landscape):
    result = landscape_update(landscape, "engagement_rate", 2025)
    table = result.table
    assert set(table["vendor estimate"]) <= {"yes", "no"}
    assert table["source"].str.len().min() > 3
    assert table["metric"].nunique() == landscape["metric"].nunique()


def test_lab_moves_markers_when_the_year_changes(landscape):
    lab = LandscapeLab(landscape)
    state = lab.fig.axes[0]._course_landscape
    lab.set(year=int(landscape["year"].max()))
    assert lab.fig.axes[0]._course_landscape is state
    assert lab.set(metric="market_size", include_vendor=False).message
    assert lab.set(include_vendor=True).ok
    assert "Sources:" in lab.fig.axes[0]._course_subtitle.get_text()


def test_lab_reuses_the_result_of_a_control_combination_it_has_seen(landscape):
    lab = LandscapeLab(landscape)
    first = lab.set(year=2015)
    lab.set(year=2020)
    assert lab.set(year=2015) is first


@pytest.mark.parametrize("include_vendor", [True, False])
@pytest.mark.parametrize("year", [2014, 2017, 2020, 2025])
def test_lab_table_lists_the_same_figures_as_the_analysis(landscape, year, include_vendor):
    from helpers.analysis import landscape as la

    table = landscape_update(landscape, "engagement_rate", year, include_vendor).table
    expected = la.as_of(landscape, year, include_vendor)
    assert list(table.index) == [la.short_name(s) for s in expected.index]
    assert list(table["years old"]) == list(expected["age_years"])
    assert list(table["period"]) == list(expected["period"])


def test_lab_source_note_matches_the_analysis(landscape):
    from helpers.analysis import landscape as la

    result = landscape_update(landscape, "engagement_rate", 2025)
    assert result.extra["sources"] == la.source_note(la.metric_rows(landscape, "engagement_rate"))


def test_unknown_metric_names_the_known_ones(landscape):
    with pytest.raises(KeyError, match="market_size"):
        landscape_update(landscape, "followers", 2020)
