"""Lesson 07 analyses: reply rates by template and segment, popularity vs value, fake followers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.analysis import pitfalls
from helpers.widgets import candidate_table


@pytest.fixture
def influencers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "influencer_id": ["a", "b", "c", "d"],
            "followers": [5_000, 30_000, 2_000_000, 8_000],
            "audience_authenticity": [0.9, 0.8, 0.5, 0.7],
            "authority_score": [4.0, 5.0, 6.0, 4.0],
            "knowledge_score": [6.0, 5.0, 4.0, 6.0],
            "position_score": [2.0, 3.0, 7.0, 2.0],
            "relationship_score": [8.0, 6.0, 2.0, 8.0],
        }
    )


@pytest.fixture
def outreach() -> pd.DataFrame:
    # nano creators a, d: 4 generic (1 reply), 4 personalised (3 replies); mega creator c: 2 + 2
    rows = [("a", "generic", r) for r in (True, False)] + [("d", "generic", r) for r in (False, False)]
    rows += [("a", "personalised", r) for r in (True, True)] + [
        ("d", "personalised", r) for r in (True, False)
    ]
    rows += [
        ("c", "generic", False),
        ("c", "generic", False),
        ("c", "personalised", True),
        ("c", "personalised", False),
    ]
    frame = pd.DataFrame(rows, columns=["influencer_id", "template_style", "replied"])
    frame["sender_role"] = "coordinator"
    return frame


def test_wilson_interval_brackets_the_rate_and_stays_inside_0_100():
    low, high = pitfalls.wilson_interval([0, 5, 10], [10, 10, 10])
    assert low[0] == pytest.approx(0, abs=1e-9) and 0 < high[0] < 40
    assert low[1] < 50 < high[1]
    assert high[2] == pytest.approx(100) and low[2] > 60
    nan_low, _ = pitfalls.wilson_interval([0], [0])
    assert np.isnan(nan_low[0])


def test_reply_rates_count_messages_and_replies(outreach):
    table = pitfalls.reply_rates(outreach, "template_style")
    assert table.loc["generic", "messages"] == 6 and table.loc["generic", "replies"] == 1
    assert table.loc["personalised", "reply_rate_pct"] == pytest.approx(100 * 4 / 6)
    assert (table["low_pct"] <= table["reply_rate_pct"]).all()


def test_template_gap_by_tier_is_personalised_minus_generic(outreach, influencers):
    gap = pitfalls.template_gap_by_segment(outreach, influencers)
    assert list(gap.index) == ["nano", "mega"]  # tier order
    assert gap.loc["nano", "generic_pct"] == pytest.approx(25)
    assert gap.loc["nano", "personalised_pct"] == pytest.approx(75)
    assert gap.loc["nano", "gap_points"] == pytest.approx(50)
    assert gap.loc["mega", "messages"] == 4


def test_signing_by_style_compares_days_and_value():
    campaigns = pd.DataFrame(
        {
            "outreach_style": ["generic", "generic", "personalised", "personalised"],
            "days_to_sign": [20, 10, 12, 8],
            "conversions": [10, 10, 20, 20],
            "fee_usd": [1_000.0, 1_000.0, 1_000.0, 1_000.0],
        }
    )
    table = pitfalls.signing_by_style(campaigns)
    assert table.loc["generic", "days_to_sign_median"] == 15
    assert table.loc["personalised", "signed_within_14_days_pct"] == 100
    assert table.loc["generic", "signed_within_14_days_pct"] == 50
    assert table.loc["personalised", "conversions_per_1k_usd"] == pytest.approx(20)


def test_spearman_is_one_for_any_increasing_relation():
    x = pd.Series([1.0, 2.0, 3.0, 4.0])
    assert pitfalls.spearman(x, x**3) == pytest.approx(1.0)
    assert pitfalls.spearman(x, -x) == pytest.approx(-1.0)
    assert np.isnan(pitfalls.spearman(x.iloc[:2], x.iloc[:2]))


def test_influence_sources_and_fake_followers_by_tier(influencers):
    sources = pitfalls.influence_sources_by_tier(influencers)
    assert list(sources.columns) == list(pitfalls.INFLUENCE_SOURCES)
    assert sources.loc["nano", "relationship"] == 8 and sources.loc["mega", "position"] == 7
    fakes = pitfalls.fake_followers_by_tier(influencers)
    assert fakes.loc["mega", "median_fake_share_pct"] == pytest.approx(50)
    assert fakes.loc["nano", "below_threshold_pct"] == pytest.approx(50)  # d: 0.7 < 0.75
    assert fakes.loc["mega", "median_real_followers"] == pytest.approx(1_000_000)


def test_on_the_bundled_data_personalised_messages_are_replied_to_more():
    gap = pitfalls.template_gap_by_segment(data.load_outreach(), data.load_influencers(), "sender_role")
    print(gap.round(1).to_string())
    assert (gap["gap_points"] > 0).all()


def test_on_the_bundled_data_niche_fit_predicts_value_better_than_followers():
    drivers = pitfalls.value_drivers(candidate_table(data.load_influencers(), data.load_campaigns()))
    print(drivers.round(3).to_string())
    assert abs(drivers["niche fit"]) > abs(drivers["followers"])
    assert abs(drivers["audience authenticity"]) > abs(drivers["followers"])


def test_on_the_bundled_data_bigger_tiers_carry_more_fake_followers():
    fakes = pitfalls.fake_followers_by_tier(data.load_influencers())
    print(fakes.round(1).to_string())
    assert fakes.loc["mega", "median_fake_share_pct"] > fakes.loc["nano", "median_fake_share_pct"]


def test_value_by_tier_is_in_tier_order():
    table = pitfalls.value_by_tier(candidate_table(data.load_influencers(), data.load_campaigns()))
    assert list(table.index) == [
        t for t in ("below nano", "nano", "micro", "mid", "macro", "mega") if t in table.index
    ]
    assert (table["creators"] > 0).all()


def test_popularity_reshuffle_lists_who_drops_out_and_who_moves_in():
    candidates = pd.DataFrame(
        {
            "handle": ["big_fake", "big_real", "mid_real", "small"],
            "followers": [1_000_000, 900_000, 700_000, 10_000],
            "audience_authenticity": [0.4, 0.95, 0.9, 0.9],
        }
    )
    table = pitfalls.popularity_reshuffle(candidates, n=2)
    assert dict(zip(table["handle"], table["change"], strict=True)) == {
        "big_fake": "drops out",
        "mid_real": "moves in",
    }
    assert pitfalls.popularity_reshuffle(candidates, n=4).empty


def test_findings_are_sentences_that_follow_the_numbers():
    gap = pd.DataFrame(
        {"generic_pct": [10.0, 20.0], "personalised_pct": [20.0, 40.0], "gap_points": [10.0, 20.0]},
        index=["coordinator", "executive"],
    )
    assert (
        pitfalls.template_finding(gap)
        == "Personalised messages got about 2.0x the replies at every sender level"
    )
    # the ratio differs between segments (2.0x and 1.6x): the title gives the range, not one typical value
    uneven = gap.assign(personalised_pct=[20.0, 32.0])
    assert (
        pitfalls.template_finding(uneven)
        == "Personalised messages got 1.6-2.0x the replies at every sender level"
    )
    worse = gap.assign(gap_points=[-1.0, 20.0])
    assert pitfalls.template_finding(worse).endswith("except for: coordinator")
    drivers = pd.Series({"niche fit": 0.5, "followers": 0.1})
    assert (
        pitfalls.drivers_finding(drivers)
        == "Niche fit tracks conversions per dollar best; followers far less"
    )
    sources = pd.DataFrame(
        {"relationship": [9.0, 8.0, 3.0], "position": [1.0, 2.0, 6.0]}, index=["below nano", "nano", "mega"]
    )
    assert pitfalls.sources_finding(sources) == (
        "From nano to mega, relationship falls 5.0 points while position rises 4.0"
    )
    fakes = pd.DataFrame({"below_threshold_pct": [30.0, 80.0]}, index=["nano", "mega"])
    assert pitfalls.fakes_finding(fakes).startswith("80% of mega creators fail")


def test_template_gap_by_tier_needs_the_influencers(outreach):
    with pytest.raises(ValueError, match="influencers"):
        pitfalls.template_gap_by_segment(outreach)


def test_figures_draw_bars_lines_and_return_the_gap(outreach):
    from helpers import plots

    _fig, ax = plots.new_figure()
    gap = pitfalls.draw_reply_rates(ax, outreach, "sender_role")
    assert gap.loc["coordinator", "gap_points"] == pytest.approx(100 * (4 / 6 - 1 / 6))
    assert len(ax.patches) == 2  # one segment, two styles
    _fig, ax = plots.new_figure()
    pitfalls.draw_drivers(ax, pd.Series({"niche fit": 0.5, "followers": -0.1}))
    assert len(ax.patches) == 2 and ax.get_xlim()[0] < -0.1
    _fig, ax = plots.new_figure()
    sources = pd.DataFrame({s: [5.0, 4.0] for s in pitfalls.INFLUENCE_SOURCES}, index=["nano", "mega"])
    pitfalls.draw_sources(ax, sources)
    assert len(ax.lines) == 4


# --- issue 12 item 6: personalised vs generic per $1,000 -------------------------------------------------
def _style_campaigns(personalised_rate: float) -> pd.DataFrame:
    """40 campaigns per style, fees $1,000; generic convert 20 each, personalised at the given rate."""
    rng = np.random.default_rng(3)
    conv = np.r_[rng.poisson(20, 40), rng.poisson(personalised_rate, 40)]
    return pd.DataFrame(
        {
            "outreach_style": ["generic"] * 40 + ["personalised"] * 40,
            "conversions": conv.astype(float),
            "fee_usd": 1000.0,
            "discovery_cost_usd": np.r_[np.full(40, 50.0), np.full(40, 100.0)],
        }
    )


def test_return_by_style_pools_brackets_and_reports_medians_and_concentration():
    frame = _style_campaigns(20)
    table = pitfalls.return_by_style(frame, n_boot=500)
    g = table.loc["generic"]
    assert g["conversions_per_1k_usd"] == pytest.approx(frame["conversions"][:40].sum() / 40)
    assert g["ci_low"] < g["conversions_per_1k_usd"] < g["ci_high"]
    assert g["median_campaign_per_1k_usd"] == pytest.approx(np.median(frame["conversions"][:40]))
    assert g["top5_fee_share_pct"] == pytest.approx(100 * 5 / 40)
    assert table.loc["personalised", "discovery_cost_per_1k_fees_usd"] == pytest.approx(100.0)
    again = pitfalls.return_by_style(frame, n_boot=500)
    pd.testing.assert_frame_equal(table, again)  # seeded


def test_style_finding_calls_noise_noise_and_a_real_gap_a_gap():
    same = pitfalls.style_return_finding(pitfalls.return_by_style(_style_campaigns(20), n_boot=500))
    assert "intervals overlap" in same and "no real difference" in same
    gap = pitfalls.style_return_finding(pitfalls.return_by_style(_style_campaigns(40), n_boot=500))
    assert "more conversions" in gap and "do not overlap" in gap


def test_on_the_bundled_data_the_style_gap_per_1k_is_within_noise():
    table = pitfalls.return_by_style(data.load_campaigns())
    p, g = table.loc["personalised"], table.loc["generic"]
    assert p["ci_low"] <= g["ci_high"] and g["ci_low"] <= p["ci_high"]
    assert "no real difference" in pitfalls.style_return_finding(table)


# --- issue 12 item 7: how far to trust the scorecard's gain ------------------------------------------------
def _shortlist(handles, prices, rates, campaigns) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "handle": handles,
            "price_per_post_usd": np.asarray(prices, dtype=float),
            "conversions_per_usd": np.asarray(rates, dtype=float),
            "campaigns": campaigns,
        },
        index=pd.Index(handles, name="influencer_id"),
    )


def test_shortlist_check_finds_the_dominant_creator_and_the_leave_one_out_gain():
    # star: $8,000 of $10,000 at 0.05/$; two small creators at 0.01/$ ($1,000 each)
    score = _shortlist(["star", "s1", "s2"], [8000, 1000, 1000], [0.05, 0.01, 0.01], [1, 3, 1])
    follow = _shortlist(["big1", "big2"], [50_000, 50_000], [0.01, 0.01], [2, 1])
    assert pitfalls.conversions_per_1k(score) == pytest.approx(1000 * (400 + 10 + 10) / 10_000)
    check = pitfalls.shortlist_check(score, follow)
    assert check["gain_pct"] == pytest.approx(100 * (42 / 10 - 1))
    assert check["spend_score_usd"] == 10_000 and check["spend_followers_usd"] == 100_000
    assert check["single_campaign_score"] == 2 and check["single_campaign_followers"] == 1
    assert check["top_handle"] == "star" and check["top_spend_share_pct"] == pytest.approx(80)
    assert check["dominated"] and check["top_campaigns"] == 1
    assert check["gain_without_top_pct"] == pytest.approx(0.0)  # without her: 10 per $1,000, like popularity
    assert check["gain_leave_one_out_min_pct"] == pytest.approx(0.0)
    assert check["gain_leave_one_out_max_pct"] == pytest.approx(100 * ((1000 * 410 / 9000) / 10 - 1))
    text = pitfalls.robustness_finding(check)
    assert "Warning: star (1 past campaign) takes 80%" in text and "Without them: +0%" in text
    assert "$10,000 (scorecard) vs $100,000" in text


def test_a_balanced_shortlist_is_not_flagged():
    score = _shortlist(["a", "b", "c"], [1000, 1000, 1000], [0.03, 0.02, 0.04], [4, 5, 6])
    follow = _shortlist(["x"], [9000], [0.01], [2])
    check = pitfalls.shortlist_check(score, follow)
    assert not check["dominated"] and check["single_campaign_score"] == 0
    assert "Warning" not in pitfalls.robustness_finding(check)


def test_shortlist_profile_shares_add_up_and_sort_by_spend():
    score = _shortlist(["star", "s1", "s2"], [8000, 1000, 1000], [0.05, 0.01, 0.02], [1, 3, 1])
    profile = pitfalls.shortlist_profile(score)
    assert profile["handle"].tolist()[0] == "star"
    assert profile["spend_share_pct"].sum() == pytest.approx(100)
    assert profile["conversion_share_pct"].sum() == pytest.approx(100)
    assert profile.loc["s2", "conversions_per_1k_usd"] == pytest.approx(20)
    assert profile["campaigns"].tolist() == [1, 3, 1]
