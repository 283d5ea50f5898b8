"""The incrementality lab (issue 17 item 1): three estimates of what the creators caused, against the
planted truth. The update function is pure; the lab drives it as a learner does."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data, generate
from helpers.widgets import LABS, LabInputError
from helpers.widgets import incrementality_lab as lab_module
from helpers.widgets.incrementality_lab import DEFAULTS, IncrementalityLab, incrementality_update


def test_the_lab_is_registered_and_its_defaults_are_the_bundled_experiment():
    assert LABS["incrementality"] is IncrementalityLab
    table, truth = generate.region_sales(generate.DEFAULT_SEED)
    pd.testing.assert_frame_equal(data.load_region_sales(), table)
    result = incrementality_update(**DEFAULTS)
    assert result.numbers["true_orders"] == truth["incremental_orders"]
    assert result.numbers["code_orders"] == data.load_region_sales()["code_orders"].sum()
    # the learner's table does not hold the answer
    assert not {"lift_per_1000", "incremental_orders", "incremental"} & set(data.load_region_sales().columns)


def test_update_is_pure_and_deterministic():
    a = incrementality_update(regions=100, holdout_pct=40, leakage_pct=2.0, effect_per_1000=0.2, draw=3)
    b = incrementality_update(regions=100, holdout_pct=40, leakage_pct=2.0, effect_per_1000=0.2, draw=3)
    assert a.numbers == b.numbers and a.summary == b.summary
    assert incrementality_update(draw=4).numbers != a.numbers


@pytest.mark.parametrize("draw", [1, 2, 3])
def test_codes_undercount_without_leakage_and_overcount_with_much(draw):
    low = incrementality_update(leakage_pct=0.0, draw=draw).numbers
    high = incrementality_update(leakage_pct=10.0, draw=draw).numbers
    assert low["code_orders"] < low["true_orders"] < high["code_orders"]
    # more leakage, more code uses; the planted truth and the holdout do not move
    assert high["true_orders"] == low["true_orders"]
    assert high["holdout_orders"] == pytest.approx(low["holdout_orders"])


def test_emv_does_not_move_with_what_the_campaign_caused():
    none = incrementality_update(effect_per_1000=0.0).numbers
    lots = incrementality_update(effect_per_1000=0.8).numbers
    assert none["true_orders"] == 0 < lots["true_orders"]
    assert none["emv_usd"] == lots["emv_usd"] > 0
    assert "every one a leaked code" in incrementality_update(effect_per_1000=0.0).summary


def test_a_bigger_campaign_with_a_half_holdout_narrows_the_interval():
    def width(**kw):
        n = incrementality_update(**kw).numbers
        return n["holdout_high"] - n["holdout_low"], n["true_orders"]

    small, small_truth = width(regions=20, holdout_pct=20)
    big, big_truth = width(regions=400, holdout_pct=50)
    assert big / big_truth < small / small_truth / 3


def test_summary_states_each_estimate_against_the_truth():
    result = incrementality_update(**DEFAULTS)
    n = result.numbers
    assert f"{n['true_orders']:,.0f} orders" in result.summary
    assert f"Promo codes count {n['code_orders']:,.0f}" in result.summary
    assert ("covers" if n["holdout_covers"] else "misses") in result.summary
    assert list(result.table.index) == ["planted truth", *lab_module.inc.METHODS]


def test_too_few_held_out_regions_is_explained():
    with pytest.raises(LabInputError, match="Raise the holdout share or the campaign size"):
        incrementality_update(regions=10, holdout_pct=10)
    with pytest.raises(LabInputError, match="percentages"):
        incrementality_update(leakage_pct=150.0)


def test_the_lab_follows_its_controls():
    lab = IncrementalityLab()
    first = lab.result.numbers["code_orders"]
    result = lab.set(leakage_pct=10.0)
    assert result.numbers["code_orders"] > first
    message = lab.set(regions=10, holdout_pct=10)
    assert not message.ok and "holdout" in message.message
    assert lab.set(**DEFAULTS).numbers["code_orders"] == first


@pytest.mark.parametrize("effect", [0.0, 0.4])
@pytest.mark.parametrize("leakage", [0.0, 5.0])
def test_experiment_numbers_hold_together_on_every_campaign_size(effect, leakage):
    for regions in lab_module.SIZES:
        experiment = lab_module.inc.run_experiment(
            regions, 50, leakage, effect, draw=2, seed=generate.DEFAULT_SEED
        )
        n = lab_module.inc.experiment_numbers(experiment)
        assert n["code_low"] <= n["code_orders"] <= n["code_high"], regions
        assert n["holdout_low"] <= n["holdout_orders"] <= n["holdout_high"], regions
        assert bool(n["holdout_covers"]) == (n["holdout_low"] <= n["true_orders"] <= n["holdout_high"]), (
            regions
        )
        assert n["emv_usd"] == pytest.approx(n["emv_orders"] * lab_module.inc.AVG_ORDER_USD)
        assert n["held_out_regions"] == experiment.held == round(regions / 2), regions
        if effect == 0:  # nothing caused: every code use is a leaked code
            assert n["true_orders"] == 0 and n["code_orders"] == n["leaked_code_orders"], regions
        if leakage == 0:  # no leaked codes: codes can only miss buyers
            assert n["leaked_code_orders"] == 0 and n["code_orders"] <= n["true_orders"], regions
        table = lab_module.estimates_table(experiment)
        assert table.loc["holdout", "orders"] == n["holdout_orders"]
        if effect > 0:
            assert table.loc["promo-code attribution", "error_pct"] == pytest.approx(
                (n["code_orders"] - n["true_orders"]) / n["true_orders"] * 100
            )
