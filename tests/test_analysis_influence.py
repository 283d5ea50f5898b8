"""Lesson 02 analyses: sources of influence, engagement, size relative to the niche, celebrities."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data, plots
from helpers.analysis import influence


@pytest.fixture
def influencers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "influencer_id": ["fin", "fash", "star", "big"],
            "handle": ["@fin", "@fash", "@star", "@big"],
            "niche": ["finance", "fashion", "fashion", "fashion"],
            "platform": ["tiktok", "instagram", "instagram", "instagram"],
            "followers": [75_000, 560_000, 2_000_000, 1_500_000],
            "avg_likes": [2_000.0, 8_000.0, 20_000.0, 30_000.0],
            "avg_comments": [100.0, 400.0, 500.0, 1_000.0],
            "is_celebrity": [False, False, True, False],
            "authority_score": [7.0, 5.0, 8.0, 6.0],
            "knowledge_score": [9.0, 5.0, 3.0, 6.0],
            "position_score": [2.0, 4.0, 9.0, 6.0],
            "relationship_score": [8.0, 5.0, 1.0, 3.0],
        }
    )


@pytest.fixture
def niches() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "niche": ["finance", "fashion", "fashion"],
            "platform": ["tiktok", "instagram", "tiktok"],
            "niche_audience": [75_000_000, 560_000_000, 336_000_000],
        }
    )


def test_niche_reach_table_measures_followers_against_their_own_niche(influencers, niches):
    table = influence.niche_reach_table(influencers, niches).set_index("influencer_id")
    assert table.loc["fin", "niche_share_pct"] == pytest.approx(0.1)  # 75K of 75M
    assert table.loc["fash", "niche_share_pct"] == pytest.approx(0.1)  # 560K of 560M
    assert table.loc["fin", "engaged_per_post"] == pytest.approx(2_100)
    assert table.loc["fin", "engaged_share_pct"] == pytest.approx(2_100 / 75_000_000 * 100)
    assert table.loc["fin", "largest_niche_audience"] == 336_000_000  # largest TikTok niche here
    assert table.loc["fin", "er_pct"] == pytest.approx(2.8)


def test_niche_reach_table_drops_creators_without_a_known_niche(influencers, niches):
    table = influence.niche_reach_table(influencers, niches[niches["niche"] == "finance"])
    assert table["influencer_id"].tolist() == ["fin"]


def test_equivalent_followers_converts_a_share_to_another_niche():
    assert influence.equivalent_followers(0.1, 560_000_000) == pytest.approx(560_000)


def test_same_followers_share_is_larger_in_smaller_niches(niches):
    table = influence.same_followers_share(niches, 75_000)
    assert table.loc["finance", "tiktok"] == pytest.approx(0.1)
    assert table.loc["fashion", "tiktok"] < table.loc["finance", "tiktok"]


def test_niche_sizes_are_in_millions(niches):
    table = influence.niche_sizes(niches)
    assert table.loc["finance", "tiktok (millions)"] == 75
    assert table.loc["fashion", "instagram (millions)"] == 560


def test_engaged_niche_audience_scales_by_interest_share():
    assert influence.engaged_niche_audience(19_000, 0.05) == pytest.approx(950)
    with pytest.raises(ValueError, match="fraction"):
        influence.engaged_niche_audience(19_000, 5)


def test_power_by_tier_takes_medians_per_tier(influencers):
    table = influence.power_by_tier(influencers)
    assert table.loc["mega", "relationship"] == pytest.approx(2.0)  # star 1, big 3
    assert table.loc["mid", "knowledge"] == pytest.approx(9.0)  # 75K is mid under Mediakix
    assert table["creators"].sum() == 4


def test_celebrity_comparison_pools_engagement_per_group(influencers):
    posts = pd.DataFrame(
        {
            "influencer_id": ["star", "star", "big", "big"],
            "sponsored": [False, True, False, True],
            "likes": [900, 90, 800, 300],
            "comments": [100, 10, 200, 100],
            "reach": [10_000, 10_000, 10_000, 10_000],
        }
    )
    table = influence.celebrity_comparison(influencers, posts, min_followers=1_000_000)
    assert table.index.tolist() == ["celebrities", "other creators"]
    assert table["creators"].tolist() == [1, 1]
    assert table.loc["celebrities", "organic_er_by_reach_pct"] == pytest.approx(10.0)
    assert table.loc["celebrities", "sponsored_er_by_reach_pct"] == pytest.approx(1.0)
    assert table.loc["celebrities", "pooled_reach_er_ratio"] == pytest.approx(0.1)
    assert table.loc["other creators", "pooled_reach_er_ratio"] == pytest.approx(0.4)
    assert table.loc["celebrities", "median_position"] == 9.0


def test_boosted_sponsored_reach_lowers_the_pooled_ratio_not_paid_post_performance(influencers):
    """Issue 12 item 2: a pooled ER-by-reach ratio of 0.25 is not 'ads keep 25 % of the engagement'."""
    posts = pd.DataFrame(
        {
            "influencer_id": ["big"] * 4,
            "sponsored": [False, False, False, True],
            "likes": [900, 900, 900, 450],
            "comments": [100, 100, 100, 50],
            "reach": [10_000, 10_000, 10_000, 20_000],  # the ad was pushed to twice the people
        }
    )
    row = influence.celebrity_comparison(influencers, posts, min_followers=1_000_000).loc["other creators"]
    assert row["sponsored_reach_ratio"] == pytest.approx(2.0)
    assert row["median_paid_post_performance"] == pytest.approx(0.5)  # half the usual engagement
    assert row["pooled_reach_er_ratio"] == pytest.approx(0.25)  # halved again by the boosted reach


def test_conversions_by_fame_pools_fees(influencers):
    campaigns = pd.DataFrame(
        {
            "influencer_id": ["star", "fin", "fin"],
            "fee_usd": [50_000.0, 1_000.0, 1_000.0],
            "conversions": [100, 30, 10],
        }
    )
    table = influence.conversions_by_fame(influencers, campaigns)
    assert table["campaigns"].tolist() == [1, 2]
    assert table["conversions_per_1k_usd"].tolist() == pytest.approx([2.0, 20.0])


def test_engagement_by_band_sits_beside_hypeauditor_medians():
    tables = data.load_all(check_keys=False)
    table = influence.engagement_by_band(tables["influencers"], tables["benchmarks"])
    print("\n", table[["creators", "er_median_pct", "hypeauditor_median_pct"]].round(2))
    assert len(table) == 6 and table["source"].str.contains("HypeAuditor").all()
    assert table["er_median_pct"].iloc[0] > table["er_median_pct"].iloc[-1]


def test_bundled_celebrities_have_more_position_and_less_relationship_than_big_creators():
    tables = data.load_all(check_keys=False)
    table = influence.celebrity_comparison(tables["influencers"], tables["posts"])
    print("\n", table.T.round(2))
    celeb, other = table.loc["celebrities"], table.loc["other creators"]
    assert celeb["median_position"] > other["median_position"]
    assert celeb["median_relationship"] < other["median_relationship"]
    assert celeb["pooled_reach_er_ratio"] < other["pooled_reach_er_ratio"]
    assert celeb["median_paid_post_performance"] < other["median_paid_post_performance"]
    assert (table["median_paid_post_performance"] > table["pooled_reach_er_ratio"]).all()
    assert celeb["sponsored_er_by_reach_pct"] < other["sponsored_er_by_reach_pct"]  # 02.q3's ratio is > 1


def test_drawing_functions_title_the_finding():
    tables = data.load_all(check_keys=False)
    inf = tables["influencers"]
    comparison = influence.celebrity_comparison(inf, tables["posts"])
    draws = [
        lambda ax: influence.plot_power_by_tier(ax, inf),
        lambda ax: influence.plot_engagement_by_band(ax, inf, tables["benchmarks"]),
        lambda ax: influence.plot_same_followers(ax, tables["niches"]),
        lambda ax: influence.plot_celebrity_profile(ax, comparison),
        lambda ax: influence.plot_celebrity_engagement(ax, comparison),
    ]
    for draw in draws:
        _, ax = plots.new_figure()
        draw(ax)
        assert ax.get_title(loc="left") and ax._course_subtitle.get_text()
        assert len(ax.get_title(loc="left")) <= 64, ax.get_title(loc="left")
