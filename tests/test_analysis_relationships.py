"""Outreach replies, patience and the long-term partnership hypothesis (lesson 06)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.analysis import relationships


@pytest.fixture
def outreach() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "template_style": ["generic"] * 4 + ["personalised"] * 4,
            "sender_role": ["coordinator", "coordinator", "executive", "executive"] * 2,
            "replied": [False, True, False, False, True, True, True, False],
            "days_to_reply": pd.array([None, 1, None, None, 2, 5, 9, None], dtype="Int64"),
        }
    )


def test_wilson_interval_contains_the_rate_and_stays_inside_zero_and_one():
    low, high = relationships.wilson_interval(np.array([0, 5, 10]), np.array([10, 10, 10]))
    assert low[0] == pytest.approx(0.0, abs=1e-12) and 0 < high[0] < 0.35
    assert low[1] < 0.5 < high[1] and (0.5 - low[1]) == pytest.approx(high[1] - 0.5)
    assert high[2] == pytest.approx(1.0) and low[2] > 0.65
    nan_low, _ = relationships.wilson_interval(np.array([0]), np.array([0]))
    assert np.isnan(nan_low[0])


def test_reply_rates_per_group_in_percent_with_intervals(outreach):
    table = relationships.reply_rates(outreach, "template_style")
    assert table.loc["generic", "messages"] == 4 and table.loc["generic", "replies"] == 1
    assert table.loc["personalised", "reply_rate_pct"] == pytest.approx(75.0)
    assert (table["ci_low_pct"] <= table["reply_rate_pct"]).all()
    assert (table["reply_rate_pct"] <= table["ci_high_pct"]).all()


def test_reply_rate_pivot_has_styles_down_and_senders_across(outreach):
    pivot = relationships.reply_rate_pivot(outreach)
    assert list(pivot.index) == ["generic", "personalised"]
    assert list(pivot.columns) == ["coordinator", "executive"]
    assert pivot.loc["personalised", "coordinator"] == pytest.approx(100.0)
    assert pivot.loc["generic", "executive"] == pytest.approx(0.0)


def test_late_reply_share_counts_only_replies_and_strictly_later(outreach):
    # replies after 1, 2, 5, 9 days: more than 3 days -> 2 of 4
    assert relationships.late_reply_share(outreach, 3) == pytest.approx(50.0)
    assert relationships.late_reply_share(outreach, 5) == pytest.approx(25.0)
    assert np.isnan(relationships.late_reply_share(outreach.assign(replied=False), 3))


def test_reply_delay_curve_rises_to_100_percent(outreach):
    curve = relationships.reply_delay_curve(outreach, "template_style", max_days=10)
    assert list(curve.index) == list(range(11))
    assert (curve.diff().dropna() >= 0).all().all()
    assert curve.iloc[-1].tolist() == [100.0, 100.0]
    assert curve.loc[2, "personalised"] == pytest.approx(100 / 3)


def _campaigns(uplift: float, n: int = 400) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Campaigns whose conversions per click are exp(2 x fit) x (1 + uplift) for long-term ones; the
    long-term partners have a better fit, so the raw comparison is biased upwards."""
    rng = np.random.default_rng(3)
    long_term = np.arange(n) % 2 == 0
    fit = np.where(long_term, 0.7, 0.4) + rng.uniform(-0.1, 0.1, n)
    clicks = np.full(n, 20_000)
    rate = 0.02 * np.exp(2 * fit) * np.where(long_term, 1 + uplift, 1.0)
    campaigns = pd.DataFrame(
        {
            "influencer_id": [f"I{i}" for i in range(n)],
            "partnership": np.where(long_term, "long_term", "one_off"),
            "niche_fit": fit,
            "clicks": clicks,
            "conversions": np.round(clicks * rate).astype(int),
        }
    )
    influencers = pd.DataFrame(
        {"influencer_id": campaigns["influencer_id"], "knowledge_score": 5.0, "authority_score": 5.0}
    )
    return campaigns, influencers


@pytest.mark.parametrize("uplift", [0.0, 0.15, 0.5])
def test_adjusted_uplift_recovers_the_effect_that_the_raw_ratio_overstates(uplift):
    campaigns, influencers = _campaigns(uplift)
    assert relationships.adjusted_uplift(campaigns, influencers) == pytest.approx(uplift, abs=0.01)
    assert relationships.raw_uplift(campaigns) > uplift + 0.3, "fit differences inflate the raw ratio"


def test_partnership_conversion_table(outreach):
    campaigns, _ = _campaigns(0.2, n=10)
    table = relationships.partnership_conversion(campaigns)
    assert set(table.index) == {"long_term", "one_off"} and (table["campaigns"] == 5).all()
    rate = 100 * table["conversions"] / table["clicks"]
    assert table["conversion_rate_pct"].tolist() == pytest.approx(rate.tolist())


def test_bundled_outreach_replies_more_to_personalised_and_executive_messages():
    """The datasheet's effect 5 (an assumption built into the synthetic data)."""
    pivot = relationships.reply_rate_pivot(data.load_outreach())
    print("\nreply rate (%) by style and sender:\n", pivot.round(1))
    assert (pivot.loc["personalised"] > pivot.loc["generic"]).all()
    assert (pivot["executive"] > pivot["coordinator"]).all()


def test_the_uplift_experiment_reads_back_the_hypothesis_it_was_given():
    table = relationships.uplift_experiment([0.0, 0.4])
    print("\n", table.round(1))
    assert list(table.index) == [0.0, 40.0]
    assert abs(table.loc[0.0, "adjusted_uplift_pct"]) <= 5
    assert abs(table.loc[40.0, "adjusted_uplift_pct"] - 40) <= 8
    with pytest.raises(ValueError, match=">= 0"):
        relationships.uplift_experiment([-0.1])


def test_findings_state_the_result_in_words(outreach):
    rates = relationships.reply_rates(outreach, "template_style")
    assert (
        relationships.personalisation_finding(rates)
        == "Personalised first messages got 3.0x the replies of templates"
    )
    same = rates.assign(reply_rate_pct=[20.0, 20.0])
    assert "about the same" in relationships.personalisation_finding(same)
    pivot = pd.DataFrame(
        {"coordinator": [10.0, 20.0], "executive": [15.0, 30.0]}, index=["generic", "personalised"]
    )
    assert relationships.sender_finding(pivot) == "An executive's signature added 5-10 points in both styles"
    assert "did not help" in relationships.sender_finding(pivot.assign(executive=[5.0, 30.0]))
    assert (
        relationships.patience_finding(outreach, 3) == "Giving up after 3 days would miss 50% of the replies"
    )


def test_draw_helpers_draw_one_line_per_series(outreach):
    from helpers import plots

    _fig, ax = plots.new_figure()
    relationships.draw_reply_curve(ax, relationships.reply_delay_curve(outreach, "template_style", 10))
    assert len(ax.get_lines()) == 3  # two groups + the day marker
    _fig, ax = plots.new_figure()
    table = pd.DataFrame(
        {"raw_uplift_pct": [1.0, 20.0], "adjusted_uplift_pct": [0.5, 15.5]}, index=pd.Index([0.0, 15.0])
    )
    relationships.draw_uplift_experiment(ax, table)
    assert len(ax.get_lines()) == 3  # identity line + two estimates


def test_generator_hypothesis_is_the_documented_default():
    from helpers import generate

    assert relationships.generator_hypothesis() == generate.DEFAULT_PARAMS.long_term_uplift
