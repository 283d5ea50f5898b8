"""Deal lab (lesson 08): the pure update function compares the pay models and says where affiliate
beats a flat fee; impossible selections give a message."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import deals
from helpers.widgets import LABS, LabInputError
from helpers.widgets.deal_lab import DealLab, deal_lab_update, fee_position, fixed_or_varies


def _histories() -> dict[tuple[str, str], deals.SalesHistory]:
    sales = np.array([2, 5, 10, 20, 40, 80, 160], dtype=float)
    return {("instagram", "mid"): deals.SalesHistory("instagram", "mid", sales, np.full(7, 1_000.0))}


RANGES = {("instagram", "mid"): deals.RateRange("instagram", "mid", 500, 5_000, "IMH")}


def test_summary_states_the_crossover_and_how_often_it_is_reached():
    result = deal_lab_update(
        _histories(), RANGES, pay_model="affiliate", fee_usd=1_000, commission_pct=10, order_value_usd=50
    )
    n = result.numbers
    assert n["crossover_sales"] == pytest.approx(200)
    sales, _ = deals.draw_outcomes(_histories()[("instagram", "mid")])
    assert n["affiliate_beats_flat_pct"] == pytest.approx(100 * (sales > 200).mean())
    assert "above 200 sales per post" in result.summary
    assert "inside the cited range (USD 500-5,000 per post)" in result.summary
    assert list(result.table.index) == list(deals.PAY_MODELS)


def test_more_commission_widens_the_creators_spread_and_flat_fee_keeps_it_at_zero():
    low, high = (
        deal_lab_update(_histories(), RANGES, pay_model="hybrid", commission_pct=c).numbers for c in (5, 30)
    )
    assert high["creator_sd_hybrid"] > low["creator_sd_hybrid"] > 0
    assert high["creator_sd_affiliate"] > low["creator_sd_affiliate"]
    assert low["creator_sd_flat_fee"] == high["creator_sd_flat_fee"] == 0
    assert low["cost_per_sale_spread_flat_fee"] > 0 and low["cost_per_sale_spread_affiliate"] == 0


def test_chosen_model_numbers_are_its_row():
    result = deal_lab_update(_histories(), RANGES, pay_model="flat fee", fee_usd=2_500)
    assert result.numbers["creator_p50"] == 2_500 == result.numbers["creator_p50_flat_fee"]


def test_a_tier_without_enough_past_campaigns_gives_a_message():
    with pytest.raises(LabInputError, match="too few"):
        deal_lab_update(_histories(), RANGES, platform="tiktok", tier="mega")


def test_zero_commission_says_affiliate_pays_nothing():
    result = deal_lab_update(_histories(), RANGES, commission_pct=0)
    assert math.isinf(result.numbers["crossover_sales"]) and "pays the creator nothing" in result.summary


def test_fee_position_against_the_cited_range():
    cited = RANGES[("instagram", "mid")]
    assert fee_position(100, cited) == "below the cited range"
    assert fee_position(9_000, cited) == "above the cited range"
    assert "quotes no range" in fee_position(100, deals.RateRange("tiktok", "mega", math.nan, math.nan, ""))


def test_lab_is_registered_and_its_figure_names_the_riskiest_model_per_side():
    assert LABS["deal-lab"] is DealLab
    lab = DealLab()
    assert lab.result.ok
    left, right = lab.fig.axes
    assert left.get_title(loc="left") == "Creator's pay varies: affiliate, hybrid"
    assert right.get_title(loc="left") == "Brand's cost per sale is fixed: affiliate"
    lab.set(commission_pct=0)
    assert left.get_title(loc="left") == "Creator's pay is fixed under every model"


def test_fixed_or_varies_names_the_shorter_list():
    spread = pd.Series({"gifting": float("inf"), "flat fee": 3.0, "affiliate": 0.0, "hybrid": float("nan")})
    assert fixed_or_varies("Cost", spread) == "Cost is fixed: affiliate"
    assert fixed_or_varies("Cost", spread.drop("affiliate")) == "Cost varies under every model"


def test_summary_says_in_every_outcome_instead_of_a_range_of_one_value():
    """A fixed amount reads "in every outcome", never "$10.00 to $10.00"; earnings in whole dollars,
    cost per sale in dollars and cents, the same in every phrase."""
    affiliate = deal_lab_update(
        _histories(), RANGES, pay_model="affiliate", fee_usd=1_000, commission_pct=10, order_value_usd=50
    ).summary
    assert "the brand pays $5.00 per sale in every outcome with a sale" in affiliate
    assert "a median $100 per post (80% of outcomes $10 to $800)" in affiliate
    flat = deal_lab_update(_histories(), RANGES, pay_model="flat fee", fee_usd=1_000).summary
    assert "the creator earns $1,000 per post in every outcome" in flat
    assert "a median $50.00 per sale (80% of outcomes $6.25 to $500.00)" in flat
    for summary in (affiliate, flat):
        assert " to $" in summary and not any(f"{v} to {v}" in summary for v in ("$5.00", "$1,000"))


def test_gifting_summary_says_the_gift_is_costed_at_retail_and_no_sale_has_no_bound():
    summary = deal_lab_update(
        _histories(), RANGES, pay_model="gifting", fee_usd=1_000, commission_pct=10, order_value_usd=50
    ).summary
    assert "the creator earns $50 per post in every outcome" in summary
    assert "no sale at all in 50% of outcomes" in summary and "no upper bound" in summary
    assert "retail price" in summary
    flat = deal_lab_update(_histories(), RANGES, pay_model="flat fee").summary
    assert "retail price" not in flat


def test_table_leaves_out_a_row_that_is_true_by_construction():
    """The hybrid is the flat fee plus a commission, so "earns more than the flat fee" would read 100 %
    for it whatever the data: the lab's table does not show it."""
    assert "beats_flat_pct" not in DealLab.table_columns
    lab = DealLab()
    shown = lab.table_view().data
    assert "flat fee" in shown and "beats flat" not in shown and "more than the flat fee" not in shown
    assert "beats_flat_pct_hybrid" in lab.result.numbers
    assert DealLab.table_columns["cost_per_sale"].fmt == "decimal2"
