"""Lesson 09 analyses: engagement denominators, costs, ROI, EMV, attribution, flags, disclosure."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.analysis import measurement as m


@pytest.fixture
def influencers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "influencer_id": ["A", "B"],
            "platform": pd.Categorical(["instagram", "tiktok"]),
            "followers": [10_000, 20_000],
        }
    )


@pytest.fixture
def posts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "post_id": ["p1", "p2", "p3", "p4"],
            "influencer_id": ["A", "A", "B", "B"],
            "campaign_id": ["C1", None, "C2", "C2"],
            "sponsored": [True, False, True, True],
            "disclosed": [True, False, False, True],
            "likes": [300, 500, 2_000, 1_000],
            "comments": [50, 50, 100, 100],
            "shares": [50, 50, 100, 100],
            "reach": [4_000, 6_000, 40_000, 20_000],
            "impressions": [6_000, 6_000, 60_000, 20_000],
            "views": pd.array([None, 5_000, 50_000, None], dtype="Int64"),
        }
    )


def test_one_numerator_three_denominators_per_creator(posts, influencers):
    table = m.engagement_by_denominator(posts, influencers)
    a = table.loc["A"]
    # A: interactions 400 + 600 = 1,000 over 2 posts; reach 10,000; one video post (600 / 5,000)
    assert a["er_followers_pct"] == pytest.approx(1_000 / 2 / 10_000 * 100)
    assert a["er_reach_pct"] == pytest.approx(1_000 / 10_000 * 100)
    assert a["er_views_pct"] == pytest.approx(600 / 5_000 * 100)
    assert a["frequency"] == pytest.approx(12_000 / 10_000)
    assert a["tier"] == "micro" and a["platform"] == "instagram"


def test_per_campaign_rates_use_only_the_campaigns_posts(posts, influencers):
    table = m.engagement_by_denominator(posts, influencers, by="campaign_id")
    assert sorted(table.index) == ["C1", "C2"]
    c1, c2 = table.loc["C1"], table.loc["C2"]
    assert c1["posts"] == 1 and math.isnan(c1["er_views_pct"]), "no video post -> no rate per view"
    assert c2["er_followers_pct"] == pytest.approx(3_400 / 2 / 20_000 * 100)
    assert c2["er_reach_pct"] == pytest.approx(3_400 / 60_000 * 100)
    assert c2["er_views_pct"] == pytest.approx(2_200 / 50_000 * 100)


def test_unknown_grouping_is_refused(posts, influencers):
    with pytest.raises(ValueError, match="by must be"):
        m.engagement_by_denominator(posts, influencers, by="brand")


def test_top_n_mix_counts_platforms_per_denominator(posts, influencers):
    table = m.engagement_by_denominator(posts, influencers)
    mix = m.top_n_platform_mix(table, n=1)
    # per follower B wins (8.5% vs 5%); per reach A wins (10% vs 5.67%)
    assert mix.loc["tiktok", "per follower"] == 1 and mix.loc["instagram", "per reach"] == 1
    assert (mix.sum() == 1).all()


def test_disclosure_counts_only_sponsored_posts(posts, influencers):
    per_creator = m.disclosure_by_creator(posts)
    assert per_creator.loc["A", "disclosed_pct"] == 100 and per_creator.loc["B", "disclosed_pct"] == 50
    summary = m.disclosure_summary(posts, influencers)
    assert summary.loc["all", "sponsored_posts"] == 3
    assert summary.loc["all", "disclosed_pct"] == pytest.approx(200 / 3)
    assert summary.loc["all", "fully_compliant_pct"] == 50


@pytest.fixture
def campaigns() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "campaign_id": ["C1", "C2"],
            "influencer_id": ["A", "B"],
            "goal": pd.Categorical(["awareness", "conversion"]),
            "fee_usd": [1_000.0, 100.0],
            "discovery_cost_usd": [500.0, 100.0],
            "impressions": [200_000, 10_000],
            "engagements": [5_000, 1_000],
            "clicks": [400, 100],
            "conversions": [20, 10],
            "promo_code_uses": [5, 5],
            "revenue_usd": [800.0, 1_000.0],
        }
    )


def test_cost_ladder_and_returns(campaigns, influencers):
    costs = m.campaign_costs(campaigns, influencers).set_index("campaign_id")
    c1 = costs.loc["C1"]
    assert c1["cpm_usd"] == pytest.approx(5.0) and c1["cpe_usd"] == pytest.approx(0.2)
    assert c1["cpc_usd"] == pytest.approx(2.5) and c1["cpa_usd"] == pytest.approx(50)
    assert c1["roas"] == pytest.approx(0.8) and c1["roi"] == pytest.approx(-0.2)
    assert c1["roi_all_in"] == pytest.approx(800 / 1_500 - 1)


def test_roi_by_goal_fee_only_vs_all_in(campaigns, influencers):
    table = m.all_in_roi_by_goal(m.campaign_costs(campaigns, influencers), ("awareness", "conversion"))
    assert list(table.index) == ["awareness", "conversion"]
    assert table.loc["conversion", "median_roi_fee"] == pytest.approx(9.0)
    assert table.loc["conversion", "median_roi_all_in"] == pytest.approx(4.0)
    assert table.loc["awareness", "revenue_above_fee_pct"] == 0


def test_portfolio_roi_pools_money_instead_of_averaging_ratios(campaigns):
    assert m.portfolio_roi(campaigns, all_in=False) == pytest.approx(1_800 / 1_100 - 1)
    assert m.portfolio_roi(campaigns) == pytest.approx(1_800 / 1_700 - 1)
    mean_of_rois = np.mean([800 / 1_000 - 1, 1_000 / 100 - 1])
    assert m.portfolio_roi(campaigns, all_in=False) < mean_of_rois


def test_emv_is_set_beside_revenue_and_the_gap_is_paper_roi(campaigns):
    table = m.emv_vs_revenue(campaigns, cpm_rate=10.0, cpe_rate=0.1)
    c1 = table.loc["C1"]
    assert c1["emv_usd"] == pytest.approx(2_000 + 500)
    assert c1["emv_roi"] == pytest.approx(1.5) and c1["roi"] == pytest.approx(-0.2)
    assert c1["emv_gap"] == pytest.approx(c1["emv_roi"] - c1["roi"])


def test_emv_depends_on_the_chosen_rates(campaigns):
    table = m.emv_rate_scenarios(campaigns, {"low": (5.0, 0.0), "high": (15.0, 0.3)})
    assert table.loc["low", "emv_usd"] == pytest.approx(1_050)
    assert table.loc["high", "emv_usd"] > 3 * table.loc["low", "emv_usd"]
    assert (table["revenue_usd"] == 1_800).all()


def test_attribution_pools_conversions_and_prices_code_only_counting(campaigns, influencers):
    table = m.attribution_by_platform(m.campaign_costs(campaigns, influencers))
    ig = table.loc["instagram"]
    assert ig["link_only"] == 15 and ig["promo_share_pct"] == pytest.approx(25)
    assert ig["cpa_usd"] == pytest.approx(50) and ig["cpa_codes_only_usd"] == pytest.approx(200)
    assert ig["conversion_rate_pct"] == pytest.approx(5)


def test_flag_hit_rates_compare_buyers_with_honest_creators():
    creators = pd.DataFrame(
        {
            "platform": ["instagram"] * 4,
            "followers": [10_000, 10_000, 10_000, 10_000],
            "following": [3_000, 500, 500, 500],
            "avg_likes": [300.0, 300.0, 300.0, 300.0],
            "avg_comments": [10.0, 10.0, 10.0, 10.0],
            "audience_authenticity": [0.5, 0.9, 0.9, 0.6],
            "has_bought_followers": [True, False, False, False],
        }
    )
    table = m.flag_hit_rates(creators)
    assert table.loc["any flag", "bought_pct"] == 100
    assert table.loc["authenticity < 75%", "did_not_buy_pct"] == pytest.approx(100 / 3)
    with pytest.raises(ValueError, match="no creators"):
        m.flag_hit_rates(creators, platform="youtube")


def test_benchmark_value_reads_a_published_figure_or_names_similar_keys():
    benchmarks = data.load_benchmarks()
    assert m.benchmark_value(benchmarks, "fake_followers_cost_usd_per_1000_low") == 5.0
    with pytest.raises(KeyError, match="similar keys"):
        m.benchmark_value(benchmarks, "fake_followers_cost_per_follower")


# -- on the bundled (synthetic) data: relations the lesson's prose relies on ------------------------


@pytest.fixture(scope="module")
def bundled() -> dict[str, pd.DataFrame]:
    return {name: data.load_table(name) for name in ("influencers", "posts", "campaigns")}


def test_bundled_tiktok_reach_exceeds_followers_so_its_rate_per_reach_is_lower(bundled):
    table = m.engagement_by_denominator(bundled["posts"], bundled["influencers"])
    medians = m.median_by(table, "platform", m.ER_COLUMNS)
    print(medians.round(2))
    assert medians.loc["tiktok", "er_reach_pct"] < medians.loc["tiktok", "er_followers_pct"]
    assert medians.loc["instagram", "er_reach_pct"] > medians.loc["instagram", "er_followers_pct"]
    assert medians.loc["youtube", "er_reach_pct"] > medians.loc["youtube", "er_followers_pct"]
    mix = m.top_n_platform_mix(table, 100)
    print(mix)
    assert mix.loc["tiktok", "per follower"] > mix.loc["tiktok", "per reach"]


def test_bundled_frequency_is_above_one(bundled):
    table = m.frequency_by_platform(bundled["posts"], bundled["influencers"])
    print(table.round(2))
    assert (table["frequency"] > 1).all() and (table["impressions"] >= table["reach"]).all()


def test_bundled_big_creators_cheaper_per_impression_but_not_per_customer(bundled):
    costs = m.campaign_costs(bundled["campaigns"], bundled["influencers"])
    ladder = m.median_by(
        costs, "tier", ["cpm_usd", "cpa_usd"], order=("nano", "micro", "mid", "macro", "mega")
    )
    print(ladder.round(2))
    assert ladder.loc["mega", "cpm_usd"] < ladder.loc["nano", "cpm_usd"]
    assert ladder.loc["mega", "cpa_usd"] > ladder.loc["nano", "cpa_usd"]


def test_cost_ladder_counts_campaigns_that_sold_nothing():
    costs = pd.DataFrame(
        {
            "tier": ["a", "a", "a", "b", "b"],
            "cpm_usd": [1.0, 2.0, 3.0, 4.0, 5.0],
            "cpe_usd": [1.0] * 5,
            "cpc_usd": [1.0] * 5,
            "conversions": [2, 0, 4, 1, 0],
            "cpa_usd": [10.0, float("nan"), 30.0, 50.0, float("nan")],
        }
    )
    ladder = m.cost_ladder(costs, order=("b", "a"))
    assert list(ladder.index) == ["b", "a"]
    assert ladder.loc["a", "cpa_usd"] == 20.0  # median of the two with a sale
    assert ladder.loc["a", "cpa_all_usd"] == 30.0  # median of 10, 30 and an infinite one
    assert ladder.loc["b", "cpa_all_usd"] == float("inf")  # half sold nothing
    assert ladder.loc["a", "campaigns"] == 3 and ladder.loc["a", "with_sale"] == 2


def test_bundled_nano_cpa_reverses_once_no_sale_campaigns_count(bundled):
    costs = m.campaign_costs(bundled["campaigns"], bundled["influencers"])
    ladder = m.cost_ladder(costs, order=("nano", "micro", "mid", "macro", "mega"))
    print(ladder.round(2))
    assert ladder["cpa_usd"].idxmin() == "nano" and ladder["cpa_all_usd"].idxmax() == "nano"
    assert (ladder["with_sale"] <= ladder["campaigns"]).all()


def test_bundled_discovery_costs_lower_roi_and_emv_mostly_exceeds_revenue(bundled):
    costs = m.campaign_costs(bundled["campaigns"], bundled["influencers"])
    goals = m.all_in_roi_by_goal(costs, ("awareness", "consideration", "conversion"))
    print(goals.round(2))
    assert (goals["revenue_above_all_in_pct"] <= goals["revenue_above_fee_pct"]).all()
    assert goals["revenue_above_fee_pct"].idxmin() == "awareness"
    emv = m.emv_vs_revenue(bundled["campaigns"], 10.0, 0.1)
    share = (emv["emv_usd"] > emv["revenue_usd"]).mean()
    print(f"EMV > revenue in {share:.0%} of campaigns")
    assert share > 0.5


def test_bundled_flags_fire_more_for_buyers_but_not_only_for_them(bundled):
    table = m.flag_hit_rates(bundled["influencers"])
    print(table.round(1))
    assert table.loc["any flag", "bought_pct"] > table.loc["any flag", "did_not_buy_pct"] > 0


def test_bundled_er_flags_are_instagram_calibrated_so_tiktok_looks_implausibly_high(bundled):
    tiktok = m.flag_hit_rates(bundled["influencers"], platform="tiktok")
    instagram = m.flag_hit_rates(bundled["influencers"], platform="instagram")
    print(tiktok.round(1))
    assert (
        tiktok.loc["ER 4x above band", "did_not_buy_pct"]
        > 4 * instagram.loc["ER 4x above band", "did_not_buy_pct"]
    )
    assert tiktok.loc["ER 4x above band", "did_not_buy_pct"] > 25


def test_bundled_codes_only_attribution_inflates_cpa_and_most_customers_cost_less_than_codes_say(bundled):
    table = m.attribution_by_platform(m.campaign_costs(bundled["campaigns"], bundled["influencers"]))
    print(table.round(2))
    assert (table["cpa_codes_only_usd"] > table["cpa_usd"]).all()
    assert ((table["promo_share_pct"] > 0) & (table["promo_share_pct"] < 100)).all()


def test_bundled_disclosure_is_incomplete(bundled):
    per_creator = m.disclosure_by_creator(bundled["posts"])
    compliant = (per_creator["disclosed_pct"] == 100).mean() * 100
    print(f"{compliant:.0f}% of creators disclosed every sponsored post")
    assert 0 < compliant < 50


def _costs(revenue: list[float], all_in: list[float], goal: str = "conversion") -> pd.DataFrame:
    return pd.DataFrame({"revenue_usd": revenue, "all_in_usd": all_in, "goal": [goal] * len(revenue)})


def test_margin_check_counts_campaigns_above_cost_that_lose_money_after_the_margin():
    # ROAS 0.5, 1.7, 2.0, 3.0 on $1,000 each; at a 40 % margin only ROAS 3.0 (>= 2.5) is left above cost
    costs = pd.concat(
        [_costs([500, 1_700, 2_000, 3_000], [1_000] * 4), _costs([9_000], [1_000], "awareness")]
    )
    table = m.margin_check(costs, [0.4, 0.6])
    row = table.loc[0.4]
    assert row["campaigns"] == 4  # the awareness campaign is left out
    assert row["break_even_roas"] == pytest.approx(2.5)
    assert row["revenue_above_cost_pct"] == pytest.approx(75.0)  # 1.7, 2.0 and 3.0
    assert row["profit_after_margin_pct"] == pytest.approx(25.0)  # only 3.0
    assert row["above_cost_but_losing"] == 2  # 1.7 and 2.0
    # 200 + 680 + 800 + 1,200 kept minus 4,000 spent
    assert row["profit_after_margin_usd"] == pytest.approx(-1_120.0)
    # a fatter margin: ROAS 2.0 and 3.0 clear the break-even ROAS of 1.67, 1.7 clears it too
    assert table.loc[0.6, "profit_after_margin_pct"] == pytest.approx(75.0)
    assert table.loc[0.6, "above_cost_but_losing"] == 0


def test_margin_check_on_the_course_data_loses_campaigns_as_the_margin_shrinks():
    costs = m.campaign_costs(data.load_campaigns(), data.load_influencers())
    table = m.margin_check(costs, [0.3, 0.4, 0.6, 1.0])
    above = table["profit_after_margin_pct"]
    assert above.is_monotonic_increasing and above[1.0] == pytest.approx(
        table.loc[1.0, "revenue_above_cost_pct"]
    )
    assert (table["above_cost_but_losing"].loc[[0.3, 0.4, 0.6]] > 0).all()


def test_margin_check_names_the_goals_when_none_matches():
    with pytest.raises(ValueError, match="conversion"):
        m.margin_check(_costs([1.0], [1.0]), [0.4], goal="sales")
