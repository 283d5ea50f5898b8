"""Popularity-trap scorecard: weighted shortlist vs top by followers."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.widgets import LabInputError, Scorecard, candidate_table, scorecard_update


@pytest.fixture
def candidates() -> pd.DataFrame:
    influencers = pd.DataFrame(
        {
            "influencer_id": ["star", "fit", "fake"],
            "handle": ["@star", "@fit", "@fake"],
            "niche": ["beauty", "beauty", "beauty"],
            "followers": [5_000_000, 40_000, 900_000],
            "avg_likes": [40_000.0, 1_600.0, 2_000.0],
            "avg_comments": [1_000.0, 200.0, 10.0],
            "audience_authenticity": [0.7, 0.95, 0.4],
            "price_per_post_usd": [50_000.0, 800.0, 6_000.0],
        }
    )
    campaigns = pd.DataFrame(
        {
            "campaign_id": ["c1", "c2", "c3", "c4"],
            "influencer_id": ["star", "fit", "fit", "fake"],
            "niche_fit": [0.3, 0.9, 0.8, 0.2],
            "fee_usd": [50_000.0, 800.0, 800.0, 6_000.0],
            "conversions": [500.0, 40.0, 30.0, 5.0],
        }
    )
    return candidate_table(influencers, campaigns)


def test_candidate_table_computes_er_and_conversions_per_dollar(candidates):
    assert candidates.loc["fit", "er_pct"] == pytest.approx((1_600 + 200) / 40_000 * 100)
    assert candidates.loc["fit", "conversions_per_usd"] == pytest.approx(70 / 1_600)
    assert candidates.loc["fit", "niche_fit"] == pytest.approx(0.85)


def test_scorecard_beats_popularity_when_fit_and_quality_are_weighted(candidates):
    result = scorecard_update(
        candidates, {"engagement": 1, "niche_fit": 2, "audience_quality": 1, "cost": 1}, n=1
    )
    assert result.extra["by_score"].index.tolist() == ["fit"]
    assert result.extra["by_followers"].index.tolist() == ["star"]
    assert result.numbers["score_conv_per_1k_usd"] == pytest.approx(1000 * 70 / 1_600)
    assert result.numbers["followers_conv_per_1k_usd"] == pytest.approx(1000 * 500 / 50_000)
    assert result.numbers["score_conv_per_1k_usd"] > result.numbers["followers_conv_per_1k_usd"]
    assert result.numbers["overlap"] == 0


def test_scorecard_shortlist_larger_than_pool_is_capped(candidates):
    result = scorecard_update(candidates, {"engagement": 1}, n=10)
    assert result.numbers["shortlist_size"] == 3 and result.numbers["overlap"] == 3


@pytest.mark.parametrize(
    ("weights", "niche", "message"),
    [
        ({"engagement": 0, "niche_fit": 0, "audience_quality": 0, "cost": 0}, "all", "Every weight is 0"),
        ({"engagement": 1}, "gaming", "No creators with past campaigns"),
    ],
)
def test_scorecard_explains_impossible_controls(candidates, weights, niche, message):
    with pytest.raises(LabInputError, match=message):
        scorecard_update(candidates, weights, n=3, niche=niche)


def test_scorecard_lab_on_bundled_data_beats_top_by_followers_with_default_weights():
    lab = Scorecard()
    n = lab.result.numbers
    s, f = n["score_conv_per_1k_usd"], n["followers_conv_per_1k_usd"]
    print(f"scorecard {s:.2f} vs followers {f:.2f} conversions per $1K")
    assert n["score_conv_per_1k_usd"] > n["followers_conv_per_1k_usd"]
