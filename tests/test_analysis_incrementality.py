"""Incrementality against a planted truth (issue 17 item 1): the seeded region-sales generator and the
three estimates - promo-code attribution, a random holdout, EMV."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import data, generate
from helpers.analysis import incrementality as inc


def test_region_sales_is_seeded_and_hides_the_truth():
    a, truth = generate.region_sales(7)
    b, _ = generate.region_sales(7)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(generate.region_sales(8)[0])
    assert set(a.columns) == {
        "region",
        "week",
        "population",
        "held_out",
        "impressions",
        "orders",
        "code_orders",
    }
    # held-out regions see no campaign: no impressions; the truth counts only exposed regions
    assert (a.loc[a["held_out"], "impressions"] == 0).all()
    assert truth["incremental_orders"] > 0 and a["held_out"].mean() == pytest.approx(0.3, abs=0.02)


def test_region_sales_draws_from_its_own_stream_so_the_bundled_tables_do_not_move():
    before = generate.generate_all(generate.DEFAULT_SEED, 0.05)
    generate.region_sales(generate.DEFAULT_SEED)
    after = generate.generate_all(generate.DEFAULT_SEED, 0.05)
    for name, table in before.items():
        pd.testing.assert_frame_equal(table, after[name])


def test_no_lift_planted_means_no_campaign_orders():
    table, truth = generate.region_sales(3, lift_per_1000=0.0, code_leakage=0.0)
    assert truth["incremental_orders"] == 0 and table["code_orders"].sum() == 0


@pytest.mark.parametrize(("p", "df", "exact"), [(0.975, 10, 2.2281), (0.975, 30, 2.0423), (0.975, 5, 2.5706)])
def test_t_quantile_matches_the_tables(p, df, exact):
    assert inc.t_quantile(p, df) == pytest.approx(exact, abs=0.01)


def test_holdout_interval_covers_the_planted_lift_in_about_95_percent_of_seeds():
    seeds = range(200)
    covered = []
    for seed in seeds:
        table, truth = generate.region_sales(seed, n_regions=60, holdout_share=0.5, lift_per_1000=0.4)
        est = inc.holdout_estimate(table)
        covered.append(est["low_per_1000"] <= truth["lift_per_1000"] <= est["high_per_1000"])
    coverage = float(np.mean(covered))
    print(f"\nholdout 95% interval covered the planted lift in {coverage:.1%} of {len(seeds)} seeds")
    assert 0.88 <= coverage <= 0.99


def test_holdout_is_unbiased_and_narrows_with_more_regions():
    small = [
        inc.holdout_estimate(generate.region_sales(s, n_regions=20, holdout_share=0.5)[0]) for s in range(60)
    ]
    large = [
        inc.holdout_estimate(generate.region_sales(s, n_regions=200, holdout_share=0.5)[0]) for s in range(60)
    ]
    assert np.mean([e["per_1000"] for e in large]) == pytest.approx(0.4, abs=0.05)
    width = [np.mean([e["high_per_1000"] - e["low_per_1000"] for e in group]) for group in (small, large)]
    assert width[1] < width[0] / 2


@pytest.mark.parametrize(
    ("leakage", "direction"),
    [(0.0, "under"), (0.1, "over")],
    ids=["no leakage: buyers without a code are missed", "codes on coupon sites: baseline buyers counted"],
)
def test_attribution_bias_has_the_direction_the_lesson_claims(leakage, direction):
    for seed in range(20):
        table, truth = generate.region_sales(seed, code_use=0.6, code_leakage=leakage)
        error = inc.attribution_estimate(table)["orders"] - truth["incremental_orders"]
        assert (error < 0) if direction == "under" else (error > 0), (seed, error)


def test_emv_does_not_see_sales():
    with_lift, _ = generate.region_sales(5, lift_per_1000=0.8)
    without, _ = generate.region_sales(5, lift_per_1000=0.0)
    assert inc.emv_estimate(with_lift, 10.0) == inc.emv_estimate(without, 10.0)
    assert inc.emv_estimate(with_lift, 20.0)["emv_usd"] == pytest.approx(
        2 * inc.emv_estimate(with_lift, 10.0)["emv_usd"]
    )


def test_compare_estimates_puts_each_method_next_to_the_truth():
    table, truth = generate.region_sales(11, code_leakage=0.05)
    out = inc.compare_estimates(table, truth["incremental_orders"], avg_order_usd=50.0)
    assert list(out.index) == ["promo-code attribution", "holdout", "EMV"]
    hold = out.loc["holdout"]
    assert hold["low"] <= hold["orders"] <= hold["high"]
    assert out.loc["EMV", ["low", "high"]].isna().all()  # EMV estimates nothing: no interval
    code = out.loc["promo-code attribution"]
    assert code["low"] <= code["orders"] <= code["high"]
    assert (out["error"] == out["orders"] - truth["incremental_orders"]).all()
    assert out["covers_truth"].dtype == bool


def test_a_holdout_without_held_out_regions_is_explained():
    table, _ = generate.region_sales(1, holdout_share=0.0)
    with pytest.raises(ValueError, match="raise the holdout share"):
        inc.holdout_estimate(table)
    with pytest.raises(ValueError, match="share in"):
        generate.region_sales(1, code_leakage=1.5)


def test_the_bundled_table_is_the_default_experiment_without_its_answer():
    table, truth = generate.region_sales(generate.DEFAULT_SEED)
    bundled = data.load_region_sales()
    pd.testing.assert_frame_equal(bundled, table)
    assert "incremental" not in " ".join(bundled.columns) and "lift" not in " ".join(bundled.columns)
    assert inc.planted_truth() == truth
    # codes used where no creator posted are leaked codes: evidence the learner can see
    held_out_codes = inc.held_out_code_orders(bundled)
    assert 0 < held_out_codes < truth["leaked_code_orders"]


def test_group_rates_compare_exposed_and_held_out_regions():
    table, _ = generate.region_sales(4)
    groups = inc.group_rates(table)
    assert list(groups.index) == ["exposed", "held out"]
    assert groups["regions"].sum() == table["region"].nunique()
    assert groups["orders"].sum() == table["orders"].sum()
    rates = inc.region_rates(table)
    diff = groups.loc["exposed", "orders_per_1000"] - groups.loc["held out", "orders_per_1000"]
    assert diff == pytest.approx(inc.holdout_estimate(table)["per_1000"])
    first = rates.iloc[0]
    rows = table[table["region"] == rates.index[0]]
    assert first["orders_per_1000"] == pytest.approx(
        rows["orders"].sum() / (rows["population"].iloc[0] / 1000) / 8
    )


@pytest.mark.parametrize(("n_regions", "share"), [(60, 0.3), (200, 0.5)])
def test_holdout_coverage_at_the_lab_settings(n_regions, share):
    """The lab's default (60 regions, 30 % held out) and its big setting: ~95 % of 200 seeds."""
    covered = []
    for seed in range(200):
        table, truth = generate.region_sales(seed, n_regions=n_regions, holdout_share=share)
        est = inc.holdout_estimate(table)
        covered.append(est["low_per_1000"] <= truth["lift_per_1000"] <= est["high_per_1000"])
    coverage = float(np.mean(covered))
    print(
        f"\n{n_regions} regions, {share:.0%} held out: the 95% interval covered the planted effect "
        f"in {coverage:.1%}"
    )
    assert 0.88 <= coverage <= 0.99


def test_more_leakage_means_more_code_orders_and_a_bias_that_changes_sign():
    errors = []
    for leakage in (0.0, 0.01, 0.02, 0.05, 0.1):
        table, truth = generate.region_sales(9, code_leakage=leakage)
        errors.append(inc.attribution_estimate(table)["orders"] - truth["incremental_orders"])
    assert errors == sorted(errors) and errors[0] < 0 < errors[-1]


def test_the_code_count_interval_is_narrow_and_misses_the_truth():
    table, truth = generate.region_sales(2, code_leakage=0.0)
    out = inc.compare_estimates(table, truth["incremental_orders"], avg_order_usd=50.0)
    code = out.loc["promo-code attribution"]
    assert code["low"] < code["orders"] < code["high"]
    assert not code["covers_truth"]  # precise, and wrong: the error is bias, not noise
