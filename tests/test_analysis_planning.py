"""Lesson 05 analyses: goal -> KPI, pooled costs per tier, niche-fit bands, discovery channels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.analysis import planning


@pytest.fixture
def campaigns() -> pd.DataFrame:
    """Six hand-made campaigns: two per channel, easy numbers."""
    return pd.DataFrame(
        {
            "campaign_id": [f"c{i}" for i in range(6)],
            "influencer_id": ["a", "b", "c", "a", "b", "c"],
            "goal": ["awareness", "consideration", "conversion", "conversion", "awareness", "conversion"],
            "discovery_channel": ["organic", "organic", "platform", "platform", "agency", "agency"],
            "discovery_cost_usd": [100.0, 300.0, 200.0, 200.0, 500.0, 700.0],
            "days_to_sign": [30, 20, 15, 10, 5, 7],
            "niche_fit": [0.3, 0.5, 0.65, 0.7, 0.85, 0.9],
            "fee_usd": [1_000.0, 1_000.0, 2_000.0, 2_000.0, 4_000.0, 4_000.0],
            "impressions": [100_000, 50_000, 100_000, 100_000, 400_000, 400_000],
            "engagements": [2_000, 1_000, 4_000, 4_000, 10_000, 10_000],
            "clicks": [100, 50, 200, 200, 500, 500],
            "conversions": [10, 5, 20, 30, 60, 40],
        }
    )


@pytest.fixture
def influencers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "influencer_id": ["a", "b", "c"],
            "followers": [5_000, 30_000, 2_000_000],
            "platform": ["instagram", "tiktok", "youtube"],
            "niche": ["food", "food", "tech"],
            "audience_authenticity": [0.9, 0.8, 0.6],
        }
    )


def test_with_creators_adds_the_tier_and_the_all_in_cost(campaigns, influencers):
    joined = planning.with_creators(campaigns, influencers)
    assert joined.set_index("campaign_id").loc["c0", "tier"] == "nano"
    assert joined.set_index("campaign_id").loc["c2", "tier"] == "mega"
    assert (
        joined["all_in_cost_usd"].tolist()
        == (campaigns["fee_usd"] + campaigns["discovery_cost_usd"]).tolist()
    )


def test_pooled_costs_divide_sums_not_average_ratios(campaigns, influencers):
    costs = planning.pooled_costs(planning.with_creators(campaigns, influencers), by="tier")
    assert list(costs.index) == ["nano", "micro", "mega"]  # tier order, not alphabetical
    nano = costs.loc["nano"]  # campaigns c0 and c3: fees 3,000, engagements 6,000, conversions 40
    assert nano["cpe_usd"] == pytest.approx(3_000 / 6_000)
    assert nano["cpa_usd"] == pytest.approx(3_000 / 40)
    assert nano["cpm_usd"] == pytest.approx(3_000 / 200_000 * 1000)
    assert nano["conversions_per_1k_usd"] == pytest.approx(1000 * 40 / 3_000)
    assert planning.cheapest(costs, "cpa_usd") in costs.index


def test_kpi_table_has_one_row_per_goal_with_its_cost_metric(campaigns):
    table = planning.kpi_table(campaigns)
    assert list(table.index) == list(planning.GOALS)
    assert table.loc["awareness", "cost metric"] == "CPM"
    # awareness campaigns: fees 5,000, impressions 500,000 -> $10 per 1,000
    assert table.loc["awareness", "pooled value (USD)"] == pytest.approx(10.0)
    assert table.loc["conversion", "pooled value (USD)"] == pytest.approx(8_000 / 90, abs=0.01)


def test_cpm_by_platform_shows_where_the_pooled_cpm_comes_from(campaigns, influencers):
    table = planning.cpm_by_platform(planning.with_creators(campaigns, influencers))
    # awareness: c0 (a, instagram: $1,000 / 100K) and c4 (b, tiktok: $4,000 / 400K)
    assert list(table.index) == ["instagram", "tiktok", "all platforms"]
    assert table.loc["all platforms", "pooled_cpm_usd"] == pytest.approx(kpi := 5_000 / 500_000 * 1000)
    assert kpi == pytest.approx(planning.kpi_table(campaigns).loc["awareness", "pooled value (USD)"])
    assert table.loc["tiktok", "impressions_share_pct"] == pytest.approx(80.0)
    assert table.loc["instagram", "median_cpm_usd"] == pytest.approx(10.0)
    with pytest.raises(ValueError, match="goal"):
        planning.cpm_by_platform(planning.with_creators(campaigns, influencers), goal="fame")


def test_conversions_spread_brackets_the_median(campaigns, influencers):
    spread = planning.conversions_per_1k_spread(planning.with_creators(campaigns, influencers))
    assert (spread["p10"] <= spread["median"]).all() and (spread["median"] <= spread["p90"]).all()


def test_niche_fit_bands_include_a_perfect_fit_in_the_top_band():
    frame = pd.DataFrame({"niche_fit": [0.1, 0.5, 1.0], "conversions": [1, 2, 3], "fee_usd": [100.0] * 3})
    bands = planning.niche_fit_bands(frame)
    assert bands["campaigns"].sum() == 3
    assert bands.loc["0.8-1.0", "conversions_per_1k_usd"] == pytest.approx(30.0)


def test_discovery_summary_compares_cost_time_quality_and_value(campaigns):
    table = planning.discovery_summary(campaigns)
    assert list(table.index) == ["organic", "platform", "agency"]
    assert table.loc["agency", "discovery_cost_median_usd"] == pytest.approx(600)
    assert table.loc["organic", "days_to_sign_median"] == pytest.approx(25)
    # agency: fees 8,000 + discovery 1,200 = 9,200 for 100 conversions
    assert table.loc["agency", "all_in_cpa_usd"] == pytest.approx(92)
    assert table.loc["agency", "conversions_per_1k_all_in"] == pytest.approx(1000 / 92)


def test_signed_by_day_is_a_cumulative_percentage(campaigns):
    curve = planning.signed_by_day(campaigns, max_days=40)
    assert curve.loc[0].eq(0).all()
    assert curve.loc[40].eq(100).all()
    assert (curve.diff().dropna() >= 0).all().all()
    assert curve.loc[7, "agency"] == pytest.approx(100) and curve.loc[5, "agency"] == pytest.approx(50)


def test_on_the_bundled_data_agencies_sign_fastest_and_find_the_best_fit():
    """The datasheet's assumptions about discovery channels hold in the bundled data."""
    table = planning.discovery_summary(data.load_campaigns())
    print(table.round(2).to_string())
    assert table["days_to_sign_median"].idxmin() == "agency"
    assert table["niche_fit_mean"].idxmax() == "agency"
    assert table["discovery_cost_median_usd"].idxmax() == "agency"
    assert np.isfinite(table["all_in_cpa_usd"]).all()


def test_on_the_bundled_data_better_niche_fit_converts_better_per_dollar():
    bands = planning.niche_fit_bands(data.load_campaigns())
    print(bands.round(2).to_string())
    assert bands["conversions_per_1k_usd"].iloc[-1] > bands["conversions_per_1k_usd"].iloc[0]


def test_small_groups_can_be_left_out_of_comparisons(campaigns, influencers):
    joined = planning.with_creators(campaigns, influencers)
    assert "micro" in planning.pooled_costs(joined).index  # two campaigns
    assert "micro" not in planning.pooled_costs(joined, min_campaigns=3).index
    assert "micro" not in planning.conversions_per_1k_spread(joined, min_campaigns=3).index


@pytest.mark.parametrize(
    ("winners", "sentence"),
    [
        (
            ("agency", "agency", "organic"),
            "Agency signs fastest and finds the best fit; organic costs least to search",
        ),
        (
            ("agency", "platform", "organic"),
            "Agency signs fastest; platform finds the best fit; organic costs least",
        ),
        (
            ("agency", "agency", "agency"),
            "Agency signs fastest, finds the best fit and costs least to search",
        ),
    ],
)
def test_trade_off_sentence_names_each_winning_channel_once(winners, sentence):
    assert planning.trade_off_sentence(*winners).startswith(sentence)


def test_findings_are_sentences_about_the_data(campaigns, influencers):
    joined = planning.with_creators(campaigns, influencers)
    assert "tier" in planning.spread_finding(planning.conversions_per_1k_spread(joined))
    frame = pd.DataFrame({"niche_fit": [0.1, 0.9], "conversions": [1, 4], "fee_usd": [100.0, 100.0]})
    assert planning.fit_finding(planning.niche_fit_bands(frame)).startswith(
        "The best-fitting creators return 4.0x"
    )
    assert "signs fastest" in planning.discovery_finding(planning.discovery_summary(campaigns))


def test_discovery_overview_draws_three_panels(campaigns):
    from helpers import plots

    _fig, axes = plots.new_figure(1, 3)
    planning.draw_discovery_overview(
        axes, planning.signed_by_day(campaigns), planning.discovery_summary(campaigns)
    )
    assert [ax.get_title(loc="left") for ax in axes] == ["Time", "Cost", "Candidate quality"]
    assert len(axes[0].lines) == 3
