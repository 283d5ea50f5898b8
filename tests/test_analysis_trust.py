"""Lesson 03's analyses: paid-post performance within creators, disclosure, credibility."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data
from helpers.analysis import trust


@pytest.fixture
def creators() -> pd.DataFrame:
    # small: 1,000 followers, ER 10 % organic and 8 % on ads; big: 1M followers, ER 2 % / 1 %.
    return pd.DataFrame(
        {
            "influencer_id": ["small", "big", "quiet"],
            "followers": [1_000, 1_000_000, 5_000],
            "platform": ["instagram", "instagram", "tiktok"],
        }
    )


def _post(pid, who, sponsored, likes, comments=0, disclosed=False):
    return {
        "post_id": pid,
        "influencer_id": who,
        "sponsored": sponsored,
        "disclosed": disclosed,
        "likes": likes,
        "comments": comments,
    }


@pytest.fixture
def posts() -> pd.DataFrame:
    rows = [_post(f"s{i}", "small", False, 90, 10) for i in range(3)]
    rows += [_post("s-ad", "small", True, 80, 0, disclosed=True)]
    rows += [_post(f"b{i}", "big", False, 20_000) for i in range(3)]
    rows += [_post(f"b-ad{i}", "big", True, 10_000, disclosed=(i == 0)) for i in range(5)]
    rows += [_post(f"q{i}", "quiet", False, 100) for i in range(3)]
    return pd.DataFrame(rows)


def test_paid_post_performance_compares_each_creator_with_themself(posts, creators):
    table = trust.paid_post_performance_by_creator(posts, creators)
    assert set(table.index) == {"small", "big"}, "quiet has no ads"
    assert table.loc["small", "er_organic_pct"] == pytest.approx(10.0)
    assert table.loc["small", "paid_post_performance"] == pytest.approx(0.8)
    assert table.loc["big", "paid_post_performance"] == pytest.approx(0.5)
    assert table.loc["big", "sponsored_posts"] == 5 and table.loc["big", "organic_posts"] == 3


def test_pooled_ratio_mixes_creators_and_looks_worse_than_any_creator(posts, creators):
    # ads come mostly from the big, low-ER account: the pooled ratio falls below both creators' own.
    pooled = trust.pooled_er_ratio(posts, creators)
    within = trust.paid_post_performance_by_creator(posts, creators)["paid_post_performance"]
    assert pooled < within.min()


def test_paid_post_performance_by_tier_reports_median_and_share_below_one(posts, creators):
    table = trust.paid_post_performance_by_tier(trust.paid_post_performance_by_creator(posts, creators))
    assert table.loc["nano", "median_ratio"] == pytest.approx(0.8)
    assert table.loc["mega", "share_below_1_pct"] == pytest.approx(100.0)


def test_compliance_share_counts_creators_who_disclose_every_ad(posts):
    assert trust.compliance_share(posts) == pytest.approx(50.0)  # small yes, big no; quiet not counted
    assert pd.isna(trust.compliance_share(posts[~posts["sponsored"]]))


def test_disclosure_by_tier_separates_posts_from_creators(posts, creators):
    table = trust.disclosure_by_tier(posts, creators)
    assert table.loc["mega", "sponsored_posts"] == 5
    assert table.loc["mega", "disclosed_posts_pct"] == pytest.approx(20.0)
    assert table.loc["mega", "fully_compliant_pct"] == pytest.approx(0.0)
    assert table.loc["nano", "fully_compliant_pct"] == pytest.approx(100.0)


def test_conversion_by_credibility_weights_by_clicks():
    influencers = pd.DataFrame(
        {
            "influencer_id": ["a", "b", "c", "d"],
            "knowledge_score": [1.0, 3.0, 6.0, 9.0],
            "authority_score": [1.0, 3.0, 6.0, 9.0],
        }
    )
    campaigns = pd.DataFrame(
        {"influencer_id": ["a", "b", "c", "d"], "clicks": [100, 100, 100, 200], "conversions": [2, 3, 5, 20]}
    )
    table = trust.conversion_by_credibility(campaigns, influencers)
    assert list(table.index) == ["lowest", "low", "high", "highest"]
    assert table["conversion_rate_pct"].tolist() == pytest.approx([2.0, 3.0, 5.0, 10.0])


def test_brand_vs_creator_engagement_reads_published_figures_with_sources():
    table = trust.brand_vs_creator_engagement(data.load_landscape(), data.load_benchmarks())
    assert set(table["accounts"]) == {"brand accounts", "creators"}
    assert table["source"].str.len().min() > 3 and table["vendor"].all()
    brands = table.loc[table["accounts"] == "brand accounts", "er_pct"]
    creators = table.loc[table["accounts"] == "creators", "er_pct"]
    assert brands.min() < creators.min()
    fig = Figure()
    trust.draw_brand_vs_creator(fig.subplots(), table)


def test_brand_vs_creator_engagement_names_a_missing_figure():
    benchmarks = data.load_benchmarks()
    with pytest.raises(KeyError, match="er_pct_instagram_nano_2023"):
        trust.brand_vs_creator_engagement(
            data.load_landscape(), benchmarks[benchmarks["key"] != "er_pct_instagram_nano_2023"]
        )


def test_bundled_posts_show_the_calibrated_effects():
    posts, influencers = data.load_posts(), data.load_influencers()
    creators = trust.paid_post_performance_by_creator(posts, influencers)
    by_tier = trust.paid_post_performance_by_tier(creators)
    compliance = trust.compliance_share(posts)
    pooled = trust.pooled_er_ratio(posts, influencers)
    print(by_tier, f"\ncompliance {compliance:.1f}%  pooled IG ratio {pooled:.2f}")
    assert 14.0 <= compliance < 50.0, "datasheet effect 11"
    assert pooled < creators.loc[creators["platform"] == "instagram", "paid_post_performance"].median()
    ranks = trust.conversion_by_credibility(data.load_campaigns(), influencers)["conversion_rate_pct"]
    assert ranks.iloc[-1] > ranks.iloc[0], "credibility raises conversion (built in, datasheet)"
