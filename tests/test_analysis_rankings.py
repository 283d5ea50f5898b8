"""Two rankings, one dataset (issue 17 item 4): the same Instagram creators ranked by engagement with
their sponsored posts (peaks in the middle tiers, Wies et al. 2023) and by revenue per follower and per
dollar (falls with size, Beichert et al. 2024)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data
from helpers.analysis import rankings


@pytest.fixture(scope="module")
def creators() -> pd.DataFrame:
    return rankings.creator_measures(data.load_posts(), data.load_influencers(), data.load_affiliate_sales())


def test_each_creator_has_both_measures(creators):
    assert len(creators) > 500 and creators.index.is_unique
    assert set(creators["tier"]) <= set(rankings.TIERS)
    row = creators.iloc[0]
    assert row["revenue_per_follower_usd"] == pytest.approx(row["revenue_usd"] / row["followers"])
    assert row["revenue_per_dollar"] == pytest.approx(row["revenue_usd"] / row["fee_usd"])


def test_the_two_rankings_disagree_on_the_best_tier(creators):
    tiers = rankings.rank_tiers(creators)
    best_engagement = tiers["rank_paid_post_performance"].idxmin()
    assert best_engagement in {"micro", "mid"}
    assert tiers["rank_revenue_per_follower_usd"].idxmin() == "nano"
    assert tiers["rank_revenue_per_dollar"].idxmin() == "nano"
    # revenue per follower falls tier by tier; a whole post still brings more revenue as creators grow
    assert tiers["revenue_per_follower_usd"].is_monotonic_decreasing
    assert tiers["revenue_per_post_usd"].is_monotonic_increasing


def test_top_lists_by_engagement_and_by_revenue_per_dollar_barely_overlap(creators):
    overlap = rankings.top_overlap(creators, n=50)
    assert overlap["shared"] < 10
    assert overlap["followers_revenue"] < overlap["followers_engagement"]


def test_a_creator_without_an_affiliate_post_is_left_out():
    posts, influencers = data.load_posts(), data.load_influencers()
    sales = data.load_affiliate_sales()
    dropped = sales["influencer_id"].iloc[:100]
    table = rankings.creator_measures(posts, influencers, sales.iloc[100:])
    assert not set(dropped) & set(table.index)
