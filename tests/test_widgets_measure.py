"""Campaign meter: three engagement rates and EMV vs ROI on revenue on one campaign."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import data, widgets
from helpers.analysis import measurement
from helpers.analysis.measurement import campaign_report
from helpers.widgets import LabInputError
from helpers.widgets.measure import CampaignMeter, campaign_meter_update, example_campaigns


@pytest.fixture
def report() -> pd.DataFrame:
    influencers = pd.DataFrame(
        {
            "influencer_id": ["A", "B"],
            "handle": ["anna", "bo"],
            "platform": pd.Categorical(["instagram", "youtube"]),
            "followers": [10_000, 50_000],
        }
    )
    posts = pd.DataFrame(
        {
            "post_id": ["p1", "p2", "p3"],
            "influencer_id": ["A", "A", "B"],
            "campaign_id": ["C1", "C1", "C2"],
            "likes": [300, 500, 900],
            "comments": [50, 50, 50],
            "shares": [50, 50, 50],
            "reach": [4_000, 6_000, 20_000],
            "impressions": [6_000, 6_000, 30_000],
            "views": pd.array([None, 5_000, 25_000], dtype="Int64"),
        }
    )
    campaigns = pd.DataFrame(
        {
            "campaign_id": ["C1", "C2"],
            "brand": ["Voltarc", "Ledgerly"],
            "influencer_id": ["A", "B"],
            "goal": pd.Categorical(["awareness", "conversion"]),
            "fee_usd": [1_000.0, 2_000.0],
            "discovery_cost_usd": [250.0, 0.0],
            "impressions": [12_000, 30_000],
            "reach": [10_000, 20_000],
            "engagements": [1_000, 1_000],
            "clicks": [100, 0],
            "conversions": [10, 0],
            "promo_code_uses": [4, 0],
            "revenue_usd": [500.0, 0.0],
        }
    )
    return campaign_report(campaigns, posts, influencers)


def test_three_rates_from_one_numerator_and_the_ranking_they_give(report):
    result = campaign_meter_update(report, "C1", cpm_rate=10.0, cpe_rate=0.1)
    n = result.numbers
    assert n["er_followers_pct"] == pytest.approx(1_000 / 2 / 10_000 * 100)
    assert n["er_reach_pct"] == pytest.approx(10.0)
    assert n["er_views_pct"] == pytest.approx(12.0)
    # C1 beats C2 per reach (10% vs 5%) and per view (12% vs 4%); per follower 5% vs 2%
    assert n["beats_er_reach_pct"] == 100 and n["beats_er_followers_pct"] == 100


def test_emv_is_not_revenue_and_the_lab_says_so(report):
    result = campaign_meter_update(report, "C1", cpm_rate=10.0, cpe_rate=0.1)
    n = result.numbers
    assert n["emv_usd"] == pytest.approx(12 * 10 + 1_000 * 0.1)
    assert n["roi"] == pytest.approx(-0.5) and n["roas"] == pytest.approx(0.5)
    assert n["emv_roi"] == pytest.approx(220 / 1_000 - 1)
    assert n["emv_gap"] == pytest.approx(n["emv_roi"] - n["roi"])
    assert n["cpm_usd"] == pytest.approx(1_000 / 12) and n["cpa_usd"] == pytest.approx(100)
    assert "ROI on revenue -50%" in result.summary and "reading EMV as revenue" in result.summary
    assert result.table.loc["ROI", "value"] == "-50%"


def test_higher_reference_rates_raise_emv_but_never_the_real_roi(report):
    low = campaign_meter_update(report, "C1", cpm_rate=5.0, cpe_rate=0.0).numbers
    high = campaign_meter_update(report, "C1", cpm_rate=50.0, cpe_rate=1.0).numbers
    assert high["emv_usd"] > low["emv_usd"] and high["roi"] == low["roi"]


def test_discovery_cost_counts_when_asked(report):
    result = campaign_meter_update(report, "C1", include_discovery=True)
    assert result.numbers["cost_usd"] == 1_250 and result.numbers["roi"] == pytest.approx(500 / 1_250 - 1)


def test_no_clicks_no_conversions_no_revenue_gives_na_not_errors(report):
    result = campaign_meter_update(report, "C2")
    assert math.isnan(result.numbers["cpa_usd"]) and result.numbers["roi"] == -1
    assert result.table.loc["CPA", "value"].startswith("n/a")
    assert math.isnan(result.numbers["emv_to_revenue"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"campaign_id": "C9"}, "No campaign"),
        ({"campaign_id": "C1", "cpm_rate": -1.0}, "cannot be negative"),
    ],
)
def test_impossible_controls_are_explained(report, kwargs, message):
    with pytest.raises(LabInputError, match=message):
        campaign_meter_update(report, **kwargs)


def test_examples_cover_each_platform(report):
    examples = example_campaigns(report)
    assert {cid for _, cid in examples} == {"C1", "C2"}
    assert "Voltarc x @anna (instagram, awareness)" in examples[0][0]


def test_lab_on_bundled_data_is_reachable_from_the_package_and_emv_is_shown_beside_revenue():
    lab = widgets.CampaignMeter()
    assert isinstance(lab, CampaignMeter) and lab.result.ok
    assert {"cost", "revenue", "EMV"} <= {t.get_text() for t in lab.fig.axes[1].get_xticklabels()}
    rates = [lab.result.numbers[k] for k in ("er_followers_pct", "er_reach_pct", "er_views_pct")]
    print(lab.result.summary)
    assert all(r > 0 for r in rates) and len(set(rates)) == 3
    platforms = {lab.report.loc[cid, "platform"] for _, cid in lab.examples}
    assert platforms == {"instagram", "tiktok", "youtube"}


def test_summary_says_which_rate_is_higher_and_why_for_every_example():
    """Issue 12 item 5: lesson 09 says the rate per reach is usually the higher one on Instagram; the
    meter's first example showed the opposite without a word. The summary now says, from the data,
    which way each campaign goes and how many of the followers its posts reached."""
    meter = CampaignMeter()
    for _label, cid in meter.examples:
        result = meter.set(campaign_id=cid)
        n = result.numbers
        reached = n["er_followers_pct"] / n["er_reach_pct"]
        if n["er_reach_pct"] < n["er_followers_pct"]:
            assert "the rate per reach is the lower one" in result.summary, cid
            assert f"{reached:.1f} times the creator's followers" in result.summary, cid
        else:
            assert "the rate per reach is the higher one" in result.summary, cid
            assert f"{reached:.0%} of the creator's followers" in result.summary, cid


def test_margin_turns_revenue_into_profit_after_margin(report):
    # C1: $1,000 fee, $500 of revenue; at a 40 % margin the brand keeps $200: 200 - 1,000 = -800
    result = campaign_meter_update(report, "C1", margin_pct=40)
    assert result.numbers["profit_after_margin_usd"] == pytest.approx(-800.0)
    assert result.numbers["margin_roi"] == pytest.approx(-0.8)
    assert result.numbers["break_even_roas"] == pytest.approx(2.5)
    assert "With a gross margin of 40%, profit after margin is -$800 (ROI on margin -80%" in result.summary
    assert result.table.loc["profit after margin", "value"] == "-$800"
    # the discovery cost counts here too: 200 - 1,250 = -1,050
    all_in = campaign_meter_update(report, "C1", margin_pct=40, include_discovery=True)
    assert all_in.numbers["profit_after_margin_usd"] == pytest.approx(-1_050.0)
    # at a 100 % margin nothing is spent on goods: ROI on margin is the ROI on revenue
    whole = campaign_meter_update(report, "C1", margin_pct=100)
    assert whole.numbers["margin_roi"] == pytest.approx(whole.numbers["roi"])


@pytest.mark.parametrize("margin_pct", [0.0, -5.0, 120.0])
def test_impossible_margin_is_explained(report, margin_pct):
    with pytest.raises(LabInputError, match="gross margin"):
        campaign_meter_update(report, "C1", margin_pct=margin_pct)


def test_margin_control_moves_the_profit_readout_not_the_revenue():
    lab = CampaignMeter()
    cid = lab.examples[0][1]
    thin = lab.set(campaign_id=cid, margin_pct=20)
    fat = lab.set(campaign_id=cid, margin_pct=80)
    assert thin.numbers["revenue_usd"] == fat.numbers["revenue_usd"]
    assert thin.numbers["roi"] == fat.numbers["roi"]
    assert fat.numbers["profit_after_margin_usd"] - thin.numbers["profit_after_margin_usd"] == pytest.approx(
        0.6 * fat.numbers["revenue_usd"]
    )
    assert "With a gross margin of 80%" in fat.summary


@pytest.fixture(scope="module")
def bundled_report() -> pd.DataFrame:
    return campaign_report(data.load_campaigns(), data.load_posts(), data.load_influencers())


@pytest.mark.parametrize(
    ("cpm_rate", "cpe_rate", "margin"), [(10.0, 0.1, 0.4), (0.0, 0.5, 0.15), (25.0, 0.0, 1.0)]
)
def test_campaign_numbers_hold_together_across_the_bundled_campaigns(
    bundled_report, cpm_rate, cpe_rate, margin
):
    for include_discovery in (False, True):
        for cid, row in bundled_report.iloc[::5].iterrows():  # every fifth campaign
            n = measurement.campaign_numbers(row, cpm_rate, cpe_rate, include_discovery, margin)
            cost = row["fee_usd"] + (row["discovery_cost_usd"] if include_discovery else 0.0)
            assert n["cost_usd"] == pytest.approx(cost), cid
            assert n["roi"] == pytest.approx(n["roas"] - 1), cid
            assert n["profit_after_margin_usd"] == pytest.approx(n["revenue_usd"] * margin - cost), cid
            assert n["margin_roi"] == pytest.approx(n["profit_after_margin_usd"] / cost), cid
            assert n["break_even_roas"] * margin == pytest.approx(1.0)
            assert (n["margin_roi"] < 0) == (n["roas"] < n["break_even_roas"] - 1e-12), cid
            assert n["emv_roi"] == pytest.approx(n["emv_usd"] / cost - 1), cid
            assert n["cpm_usd"] * n["impressions"] / 1000 == pytest.approx(cost), cid


def test_emv_is_linear_in_the_reference_rates_and_leaves_revenue_alone(report):
    row = report.loc["C1"]
    once = measurement.campaign_numbers(row, 10.0, 0.1)
    twice = measurement.campaign_numbers(row, 20.0, 0.2)
    assert twice["emv_usd"] == pytest.approx(2 * once["emv_usd"])
    # 12,000 impressions / 1,000 x $10 + 1,000 engagements x $0.10
    assert once["emv_usd"] == pytest.approx(120.0 + 100.0)
    assert {k: v for k, v in twice.items() if "emv" not in k} == {
        k: v for k, v in once.items() if "emv" not in k
    }


def test_sentence_and_card_show_the_same_figures_for_every_example():
    lab = CampaignMeter()
    for _, cid in lab.examples:
        result = lab.set(campaign_id=cid)
        card = result.table["value"]
        assert f"ROI on revenue {card['ROI']}." in result.summary, cid
        assert f"profit after margin is {card['profit after margin']} " in result.summary, cid
        assert f"(ROI on margin {card['ROI on margin']};" in result.summary, cid
        emv_roi = card["'ROI' from EMV"]
        assert f"would claim an ROI of {emv_roi}." in result.summary, cid
        assert f"It cost {card['cost']} (fee)" in result.summary, cid
