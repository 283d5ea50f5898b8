"""The landscape lesson's analyses: real figures read inside their series, never filled in."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis import landscape as la

MARKET = "Influencer Marketing Hub market size"


def _row(metric, series, year, value, unit="%", vendor=True, period=None, source=None, conf="S"):
    return {
        "metric": metric,
        "series": series,
        "year": year,
        "period": period or str(year),
        "value": value,
        "unit": unit,
        "definition": f"{series} definition (Instagram)",
        "source": source or f"{series.split()[0]}, report {year}",
        "confidence": conf,
        "is_vendor_estimate": vendor,
    }


@pytest.fixture
def table() -> pd.DataFrame:
    rows = [
        _row("market_size", "M", 2016, 2.0, "USD billion"),
        _row("market_size", "M", 2018, 8.0, "USD billion", conf="P"),
        _row("market_size", "M", 2019, 9.0, "USD billion"),
        _row("market_size", "M", 2020, 10.0, "USD billion"),
        _row(
            "engagement_rate",
            "Brand ER",
            2014,
            4.0,
            vendor=False,
            source="Analyst press release (x)",
            conf="P",
        ),
        _row(
            "engagement_rate",
            "Brand ER",
            2015,
            2.0,
            vendor=False,
            source="Analyst press release (x)",
            conf="P",
        ),
        _row("engagement_rate", "Vendor ER", 2019, 1.5, period="2019-Q1"),
        _row("instagram_monthly_active_users", "Users", 2014, 300.0, "million users", vendor=False),
    ]
    return pd.DataFrame(rows)


def test_series_overview_has_one_row_per_series_with_change_and_vendor_flag(table):
    overview = la.series_overview(table)
    assert set(overview.index) == {"M", "Brand ER", "Vendor ER", "Users"}
    assert overview.loc["M", "figures"] == 4
    assert overview.loc["M", "change_pct"] == pytest.approx(400.0)
    assert overview.loc["M", "confidence"] == "P/S"
    assert bool(overview.loc["M", "vendor"]) and not bool(overview.loc["Brand ER", "vendor"])
    assert pd.isna(overview.loc["Users", "change_pct"]), "one figure: no change to report"


def test_as_of_keeps_the_latest_figure_per_series_and_never_invents_later_ones(table):
    known = la.as_of(table, 2017)
    assert set(known.index) == {"M", "Brand ER", "Users"}, "Vendor ER starts in 2019"
    assert known.loc["M", "value"] == 2.0 and known.loc["M", "age_years"] == 1
    assert known.loc["Brand ER", "value"] == 2.0
    assert la.as_of(table, 2010).empty


def test_as_of_without_vendor_estimates_drops_them(table):
    known = la.as_of(table, 2025, include_vendor=False)
    assert set(known.index) == {"Brand ER", "Users"}
    assert not known["vendor"].any()


def test_series_cagr_matches_the_compound_growth_definition(table):
    growth = la.series_cagr(table, "M")
    assert 2.0 * (1 + growth) ** 4 == pytest.approx(10.0)
    assert la.series_cagr(table, "M", 2018, 2020) == pytest.approx((10 / 8) ** 0.5 - 1)


def test_series_cagr_refuses_a_year_the_series_does_not_have(table):
    with pytest.raises(KeyError, match="no figure for 2017"):
        la.series_cagr(table, "M", 2017, 2020)
    with pytest.raises(KeyError, match="no series"):
        la.series_cagr(table, "nope")


def test_followers_to_match_scales_inversely_with_the_rate(table):
    needed = la.followers_to_match(table, "Brand ER", 10_000)
    assert needed.loc[2014, "followers_needed"] == pytest.approx(10_000)
    assert needed.loc[2015, "followers_needed"] == pytest.approx(20_000)
    assert needed.loc[2015, "times_base"] == pytest.approx(2.0)
    with pytest.raises(ValueError, match="not a rate"):
        la.followers_to_match(table, "M", 10_000)


def test_source_note_names_each_publisher_once_with_vendor_and_confidence(table):
    note = la.source_note(la.metric_rows(table, "market_size"))
    assert note == "Sources: M (P/S)*; * vendor estimate"
    assert la.source_note(la.metric_rows(table, "instagram_monthly_active_users")) == "Sources: Users (S)"
    assert la.publisher("Forrester press release (top 50 brands)") == "Forrester"
    assert la.publisher("Jumper Media 2019") == "Jumper Media"
    assert la.publisher("Rival IQ, Social Media Industry Benchmark Report 2023") == "Rival IQ"


def test_metric_rows_names_the_known_metrics_for_an_unknown_one(table):
    with pytest.raises(KeyError, match="market_size"):
        la.metric_rows(table, "followers")


def test_engagement_changes_lists_falling_instagram_series(table):
    changes = la.engagement_changes(table)
    assert list(changes.index) == ["Brand ER"]
    assert changes.loc["Brand ER", "change_pct"] == pytest.approx(-50.0)


def test_draw_metric_marks_later_figures_hollow_and_leaves_gaps_open(table):
    fig = Figure()
    ax = fig.subplots()
    la.draw_metric(ax, table, "market_size", up_to_year=2018)
    state = ax._course_landscape
    (_, solid, hollow) = state["series"][0]
    assert list(solid.get_xdata()) == [2016, 2018] and list(hollow.get_xdata()) == [2019, 2020]
    guides = [line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_alpha() == 0.35]
    gaps = [line for line in guides if abs(line.get_xdata()[1] - line.get_xdata()[0]) > 1]
    assert gaps and all(line.get_linestyle() == ":" for line in gaps), "gaps are dotted, not solid"
    assert any("no verified" in t.get_text() for t in ax.texts), "the 2017 gap of a yearly series is labelled"
    la.draw_metric(ax, table, "market_size", up_to_year=2020)
    assert ax._course_landscape is state, "same metric: artists are reused"
    assert list(solid.get_xdata()) == [2016, 2018, 2019, 2020]


def test_bundled_landscape_is_real_sourced_and_the_market_grows():
    landscape = data.load_landscape()
    assert landscape["source"].str.len().min() > 3
    overview = la.series_overview(landscape)
    print(overview[["figures", "first", "last", "change_pct", "vendor"]])
    assert overview.loc[MARKET, "vendor"] and overview.loc[MARKET, "change_pct"] > 0
    assert la.series_cagr(landscape, MARKET) > 0
    assert (la.engagement_changes(landscape)["change_pct"] < 0).all(), "published IG engagement fell"
