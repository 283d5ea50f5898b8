"""Pay models, rate ranges and audience fit (helpers.analysis.deals): who carries the risk, where
affiliate beats a flat fee, and the arithmetic of the two real cases."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.analysis import deals


def _history(sales: list[float]) -> deals.SalesHistory:
    values = np.asarray(sales, dtype=float)
    return deals.SalesHistory("instagram", "mid", values, np.full(len(values), 1_000.0))


SPREAD = _history([2, 5, 10, 20, 40, 80, 160])
TERMS = {"fee_usd": 1_000.0, "commission_pct": 10.0, "order_value_usd": 50.0}


def test_flat_fee_leaves_the_risk_with_the_brand_and_affiliate_with_the_creator():
    table = deals.compare_pay_models(SPREAD, **TERMS)
    flat, affiliate = table.loc["flat fee"], table.loc["affiliate"]
    assert flat["creator_sd"] == 0 and flat["creator_p10"] == flat["creator_p90"] == 1_000
    assert flat["cost_per_sale_spread"] > 0
    assert affiliate["creator_sd"] > 0
    assert affiliate["cost_per_sale_spread"] == 0 and affiliate["cost_per_sale_p50"] == pytest.approx(5.0)


def test_more_commission_means_more_creator_earnings_variance():
    sds = [
        deals.compare_pay_models(SPREAD, **{**TERMS, "commission_pct": c}).loc[
            ["affiliate", "hybrid"], "creator_sd"
        ]
        for c in (5, 10, 20, 40)
    ]
    for model in ("affiliate", "hybrid"):
        values = [s[model] for s in sds]
        assert values == sorted(values) and values[0] < values[-1]


def test_the_crossover_is_where_affiliate_pays_the_creator_exactly_the_fee():
    cross = deals.crossover_sales(**TERMS)
    assert cross == pytest.approx(200)  # 1,000 / (10 % of 50)
    at = np.array([cross - 1, cross, cross + 1])
    _, _, affiliate = deals.pay("affiliate", at, **TERMS)
    _, _, flat = deals.pay("flat fee", at, **TERMS)
    assert affiliate[0] < flat[0] and affiliate[1] == pytest.approx(flat[1]) and affiliate[2] > flat[2]
    assert math.isinf(deals.crossover_sales(1_000, 0, 50))


def test_beats_flat_share_counts_outcomes_above_the_crossover():
    history = _history([100, 150, 250, 300])  # crossover 200: half the draws are above it
    row = deals.compare_pay_models(history, **TERMS).loc["affiliate"]
    sales, _ = deals.draw_outcomes(history)
    assert row["beats_flat_pct"] == pytest.approx(100 * (sales > 200).mean())
    assert 30 < row["beats_flat_pct"] < 70


def test_gifting_buys_no_post_in_some_outcomes_and_its_cost_per_sale_is_then_infinite():
    table = deals.compare_pay_models(SPREAD, **TERMS)
    gift = table.loc["gifting"]
    assert gift["creator_sd"] == 0 and gift["creator_p50"] == 50  # the product at retail
    assert 35 < gift["no_sale_pct"] < 65  # GIFT_POST_CHANCE = 0.5
    assert math.isinf(gift["cost_per_sale_p90"])


def test_an_affiliate_post_without_sales_costs_the_brand_nothing_per_sale():
    history = _history([0, 0, 0, 10])
    row = deals.compare_pay_models(history, **TERMS).loc["affiliate"]
    assert row["cost_per_sale_p50"] == pytest.approx(5.0) and row["no_sale_pct"] > 50
    flat = deals.compare_pay_models(history, **TERMS).loc["flat fee"]
    assert math.isinf(flat["cost_per_sale_p50"])  # the brand paid and sold nothing


def test_draws_are_seeded_and_shared_by_every_model():
    a = deals.draw_outcomes(SPREAD)
    b = deals.draw_outcomes(SPREAD)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    with pytest.raises(ValueError, match="unknown pay model"):
        deals.pay("barter", a[0], **TERMS)


def test_rate_ranges_come_from_the_benchmarks_table():
    benchmarks = data.load_benchmarks()
    mid = deals.rate_range(benchmarks, "instagram", "mid")
    assert (mid.low_usd, mid.high_usd) == (500, 5_000) and "Influencer Marketing Hub" in mid.source
    assert deals.rate_range(benchmarks, "instagram", "mega").describe() == "USD 10,000 and up"
    assert not deals.rate_range(benchmarks, "tiktok", "macro").quoted
    table = deals.rate_table(benchmarks)
    assert table.loc["micro", "youtube"] == "USD 200-1,000"


def test_sales_histories_group_by_platform_and_mediakix_tier():
    campaigns = pd.DataFrame(
        {"influencer_id": ["a", "b"], "n_posts": [2, 1], "conversions": [10, 3], "fee_usd": [800.0, 50.0]}
    )
    influencers = pd.DataFrame(
        {"influencer_id": ["a", "b"], "followers": [120_000, 5_000], "platform": ["youtube", "tiktok"]}
    )
    found = deals.sales_histories(campaigns, influencers)
    assert set(found) == {("youtube", "mid"), ("tiktok", "nano")}
    assert found[("youtube", "mid")].sales_per_post.tolist() == [5.0]
    assert found[("youtube", "mid")].fee_per_post_usd.tolist() == [400.0]


def test_cost_per_thousand_reached_of_lord_and_taylor():
    case = deals.CASES["Lord & Taylor"]
    low = deals.cost_per_thousand_reached(case["creators"] * case["fee_low_usd"], case["reached"])
    assert low == pytest.approx(50_000 / 11_400)
    with pytest.raises(ValueError):
        deals.cost_per_thousand_reached(1_000, 0)


def test_audience_fit_counts_real_followers_in_the_market():
    kit = pd.DataFrame(
        {
            "followers": [100_000, 10_000],
            "audience_authenticity": [0.5, 1.0],
            "audience_in_market": [0.2, 0.9],
            "fee_usd": [1_000, 100],
        },
        index=pd.Index(["big", "small"], name="handle"),
    )
    fit = deals.audience_fit(kit)
    assert fit.loc["big", "in_market"] == pytest.approx(10_000)
    assert fit.loc["small", "in_market"] == pytest.approx(9_000)
    assert list(fit.index) == ["small", "big"]  # best per USD 1,000 first
