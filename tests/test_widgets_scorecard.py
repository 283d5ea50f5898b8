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


def test_the_summary_warns_when_one_creator_dominates_the_shortlist_spend(candidates):
    from helpers.analysis import pitfalls

    result = scorecard_update(candidates, {"engagement": 1}, n=2)  # fit ($800) and star ($50,000)
    shares = result.extra["by_score"]["price_per_post_usd"] / result.numbers["spend_score_usd"]
    assert shares.max() * 100 > pitfalls.DOMINANCE_PCT
    assert "Careful:" in result.summary and "without them the gain is" in result.summary
    assert "campaigns" in result.table["scorecard"].columns
    balanced = scorecard_update(candidates, {"engagement": 1}, n=1)
    assert "Careful" not in balanced.summary


def test_on_the_bundled_data_the_fitness_gain_rests_on_one_creator_and_the_comparison_says_so():
    from helpers.widgets.scorecard import criterion_comparison

    lab = Scorecard()
    weights = {"engagement": 1, "niche_fit": 2, "audience_quality": 1, "cost": 1}
    result = lab.set(**weights, n=10, niche="fitness")
    n = result.numbers
    print(result.summary)
    assert n["top_spend_share_pct"] > 50 and "Careful:" in result.summary
    assert n["gain_without_top_pct"] < n["lift_pct"]
    assert n["spend_score_usd"] < n["spend_followers_usd"] / 5
    table = criterion_comparison(lab.candidates, weights, n=10, niche="fitness")
    assert table.loc["scorecard (these weights)", "conversions_per_1k_usd"] == pytest.approx(
        n["score_conv_per_1k_usd"]
    )
    assert table.loc["top by followers", "conversions_per_1k_usd"] == pytest.approx(
        n["followers_conv_per_1k_usd"]
    )
    assert list(table.index[1:5]) == [
        "engagement only",
        "niche fit only",
        "audience quality only",
        "cost only",
    ]


def test_criterion_finding_names_the_closest_single_criterion_and_the_sturdiest_gain():
    from helpers.widgets.scorecard import criterion_finding

    table = pd.DataFrame(
        {
            "conversions_per_1k_usd": [40.0, 39.0, 30.0, 25.0, 12.0, 10.0],
            "gain_pct": [300.0, 290.0, 200.0, 150.0, 20.0, 0.0],
            "top_spend_share_pct": [80.0, 75.0, 30.0, 40.0, 20.0, 45.0],
            "gain_without_top_pct": [50.0, 10.0, 190.0, 120.0, 5.0, float("nan")],
        },
        index=[
            "scorecard (these weights)",
            "engagement only",
            "niche fit only",
            "audience quality only",
            "cost only",
            "top by followers",
        ],
    )
    text = criterion_finding(table)
    assert text.startswith("Engagement only comes closest to the full scorecard: 39.0 vs 40.0")
    assert "both lists put over 50% of their spend on one creator (80% and 75%)" in text
    assert "niche fit only (+200%, +190% without it)" in text and "falls from +300% to +50%" in text
    table.loc["engagement only", "top_spend_share_pct"] = 20.0
    assert "both lists" not in criterion_finding(table)


def test_the_figure_title_flags_a_dominating_creator(candidates):
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    from helpers.widgets.scorecard import draw_scorecard

    def title_of(result) -> str:
        fig = Figure()
        fig.add_subplot()
        draw_scorecard(fig, result)
        return " ".join(t.get_text() for t in fig.findobj(Text))

    dominated = scorecard_update(candidates, {"engagement": 1}, n=2)  # @star is most of the spend
    assert "but one creator is" in title_of(dominated)
    single = scorecard_update(candidates, {"engagement": 1}, n=1)
    assert "but one creator" not in title_of(single)
