"""Tests for helpers.metrics: worked examples, NaN rules, kinds in/out, tier boundaries, properties.

Expected values are computed by hand in the comments (not from the module's own constants), and
tier expectations are written out from the published tables: Mediakix nano 1K-10K, micro 10-50K,
mid 50-500K, macro 500K-1M, mega 1M+; Later x Fohr 2021 0-10K, 10-100K, 100-500K, 500K-1M, 1M+;
HypeAuditor 1-5K, 5-20K, 20-100K, 100K-1M, 1M+.
"""

from __future__ import annotations

import doctest
import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import metrics as m

# ---------------------------------------------------------------------------------------------
# Worked examples, one or more per function
# ---------------------------------------------------------------------------------------------
WORKED_EXAMPLES: list[tuple[str, Callable[[], Any], float]] = [
    # (1,200 + 300) / 50,000 * 100 = 3.0 %
    ("er_by_followers", lambda: m.er_by_followers(1_200, 300, 50_000), 3.0),
    # (1,000 + 200 + 100 + 300) / 40,000 * 100 = 4.0 %
    ("er_by_followers_all_counts", lambda: m.er_by_followers(1_000, 200, 40_000, shares=100, saves=300), 4.0),
    ("engagement_rate", lambda: m.engagement_rate(1_500, 50_000), 3.0),
    # (900 + 100) / 20,000 * 100 = 5.0 %; with 200 shares + 300 saves: 1,500 / 20,000 = 7.5 %
    ("er_by_reach", lambda: m.er_by_reach(900, 100, 20_000), 5.0),
    ("er_by_reach_all_counts", lambda: m.er_by_reach(900, 100, 20_000, shares=200, saves=300), 7.5),
    # (800 + 150 + 50) / 20,000 * 100 = 5.0 %
    ("er_by_views", lambda: m.er_by_views(800, 150, 50, 20_000), 5.0),
    ("frequency", lambda: m.frequency(30_000, 20_000), 1.5),
    # $500 / (100,000 / 1,000) = $5 CPM
    ("cpm", lambda: m.cpm(500, 100_000), 5.0),
    ("cpe", lambda: m.cpe(500, 2_000), 0.25),
    ("cpc", lambda: m.cpc(500, 400), 1.25),
    ("cpa", lambda: m.cpa(500, 20), 25.0),
    # (1,500 - 1,000) / 1,000 = 0.5 ; (500 - 1,000) / 1,000 = -0.5
    ("roi_gain", lambda: m.roi(1_500, 1_000), 0.5),
    ("roi_loss", lambda: m.roi(500, 1_000), -0.5),
    ("roi_total_loss", lambda: m.roi(0, 1_000), -1.0),
    ("roas", lambda: m.roas(3_000, 1_000), 3.0),
    # 200,000 / 1,000 * $10 = $2,000 ; + 5,000 * $0.10 = $2,500
    ("emv_impressions_only", lambda: m.emv(200_000, cpm_rate=10.0), 2_000.0),
    ("emv_with_engagements", lambda: m.emv(200_000, 5_000, cpm_rate=10.0, cpe_rate=0.1), 2_500.0),
    # (5,000 - 1,500) / 1,000 = 3.5
    ("emv_to_roi_gap", lambda: m.emv_to_roi_gap(5_000, 1_500, 1_000), 3.5),
    ("paid_post_performance", lambda: m.paid_post_performance(2.4, 3.0), 0.8),
    ("following_ratio", lambda: m.following_ratio(500, 2_000), 0.25),
    ("fake_follower_share", lambda: m.fake_follower_share(0.7), 0.3),
    ("real_followers", lambda: m.real_followers(50_000, 0.8), 40_000.0),
    # 1,500 / (50,000 * 0.75) * 100 = 1,500 / 37,500 * 100 = 4.0 %
    ("er_on_real_followers", lambda: m.er_on_real_followers(1_200, 300, 50_000, 0.75), 4.0),
    ("reference_er_median", lambda: m.reference_er(30_000), 2.63),
    ("reference_er_mean", lambda: m.reference_er(30_000, "mean"), 1.62),
    ("reference_er_smallest_band", lambda: m.reference_er(500), 16.99),
    ("reference_er_band_lower_bound", lambda: m.reference_er(1_000), 6.45),
    ("reference_er_largest_band", lambda: m.reference_er(5_000_000), 2.56),
    # 50,000 / 2,000,000 * 100 = 2.5 %
    ("niche_penetration", lambda: m.niche_penetration(50_000, 2_000_000), 2.5),
    ("conversion_rate", lambda: m.conversion_rate(20, 400), 5.0),
    ("conversions_per_dollar", lambda: m.conversions_per_dollar(20, 500), 0.04),
    # 100 -> 121 in 2 years: sqrt(1.21) - 1 = 0.1
    ("cagr_two_years", lambda: m.cagr(100, 121, 2), 0.1),
    # IMH market size $1.7B (2016) -> $24B (2024): (24 / 1.7) ** (1/8) - 1 = 0.39226
    ("cagr_market_size", lambda: m.cagr(1.7, 24.0, 8), 0.392260),
    ("cagr_to_zero", lambda: m.cagr(100, 0, 3), -1.0),
]


@pytest.mark.parametrize(
    ("call", "expected"), [(c, e) for _, c, e in WORKED_EXAMPLES], ids=[n for n, _, _ in WORKED_EXAMPLES]
)
def test_worked_example_matches_hand_computed_value(call: Callable[[], Any], expected: float) -> None:
    result = call()
    assert isinstance(result, float)
    assert result == pytest.approx(expected, rel=1e-5)


def test_er_by_followers_of_series_gives_hand_computed_values_per_account() -> None:
    likes = pd.Series([1_200, 90, 40_000], index=["ana", "ben", "cy"])
    comments = pd.Series([300, 10, 10_000], index=["ana", "ben", "cy"])
    followers = pd.Series([50_000, 2_000, 2_500_000], index=["ana", "ben", "cy"])
    result = m.er_by_followers(likes, comments, followers)
    # 1,500 / 50,000 = 3 %; 100 / 2,000 = 5 %; 50,000 / 2,500,000 = 2 %
    pd.testing.assert_series_equal(result, pd.Series([3.0, 5.0, 2.0], index=["ana", "ben", "cy"]))


def test_er_on_real_followers_equals_er_by_followers_divided_by_authenticity() -> None:
    er = m.er_by_followers(1_200, 300, 50_000)
    assert m.er_on_real_followers(1_200, 300, 50_000, 0.6) == pytest.approx(er / 0.6)


def test_module_docstring_examples_pass() -> None:
    failures, attempted = doctest.testmod(m, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert attempted > 20
    assert failures == 0


# ---------------------------------------------------------------------------------------------
# Zero and missing denominators -> NaN, without warnings
# ---------------------------------------------------------------------------------------------
# Each entry builds a call from a denominator value; the numerators are valid positive numbers.
DENOMINATOR_CALLS: dict[str, Callable[[Any], Any]] = {
    "engagement_rate": lambda d: m.engagement_rate(100, d),
    "er_by_followers": lambda d: m.er_by_followers(100, 10, d),
    "er_by_reach": lambda d: m.er_by_reach(100, 10, d),
    "er_by_views": lambda d: m.er_by_views(100, 10, 5, d),
    "frequency": lambda d: m.frequency(100, d),
    "cpm": lambda d: m.cpm(100, d),
    "cpe": lambda d: m.cpe(100, d),
    "cpc": lambda d: m.cpc(100, d),
    "cpa": lambda d: m.cpa(100, d),
    "roi": lambda d: m.roi(100, d),
    "roas": lambda d: m.roas(100, d),
    "emv_to_roi_gap": lambda d: m.emv_to_roi_gap(500, 100, d),
    "paid_post_performance": lambda d: m.paid_post_performance(2.0, d),
    "following_ratio": lambda d: m.following_ratio(100, d),
    "er_on_real_followers_followers": lambda d: m.er_on_real_followers(100, 10, d, 0.8),
    "er_on_real_followers_authenticity": lambda d: m.er_on_real_followers(100, 10, 1_000, d),
    "niche_penetration": lambda d: m.niche_penetration(100, d),
    "conversion_rate": lambda d: m.conversion_rate(10, d),
    "conversions_per_dollar": lambda d: m.conversions_per_dollar(10, d),
    "cagr_start": lambda d: m.cagr(d, 100, 2),
    "cagr_years": lambda d: m.cagr(100, 121, d),
}
MISSING_OR_ZERO: dict[str, Any] = {"zero": 0, "zero_float": 0.0, "nan": np.nan, "none": None, "pd_na": pd.NA}


@pytest.mark.parametrize("value", MISSING_OR_ZERO.values(), ids=MISSING_OR_ZERO.keys())
@pytest.mark.parametrize("call", DENOMINATOR_CALLS.values(), ids=DENOMINATOR_CALLS.keys())
def test_zero_or_missing_scalar_denominator_gives_nan_without_warning(
    call: Callable[[Any], Any], value: Any
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = call(value)
    assert isinstance(result, float)
    assert math.isnan(result)


@pytest.mark.parametrize("call", DENOMINATOR_CALLS.values(), ids=DENOMINATOR_CALLS.keys())
def test_zero_and_missing_in_a_series_give_nan_only_there_without_warning(call: Callable[[Any], Any]) -> None:
    denominator = pd.Series([0.0, np.nan, 0.5, 0.8], index=[10, 20, 30, 40])  # 0.8: valid authenticity
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = call(denominator)
    assert list(result.index) == [10, 20, 30, 40]
    assert result.isna().tolist() == [True, True, False, False]
    assert np.isfinite(result.iloc[2:]).all()


def test_nullable_integer_series_with_na_gives_nan_without_warning() -> None:
    followers = pd.Series([50_000, pd.NA, 0], dtype="Int64")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = m.er_by_followers(1_200, 300, followers)
    assert result.iloc[0] == pytest.approx(3.0)
    assert result.iloc[1:].isna().all()


def test_missing_numerator_gives_nan_not_zero() -> None:
    assert math.isnan(m.er_by_followers(np.nan, 300, 50_000))
    assert math.isnan(m.cpm(None, 1_000))
    assert math.isnan(m.emv(pd.NA, cpm_rate=10.0))


def test_optional_counts_left_out_are_not_counted_but_missing_ones_give_nan() -> None:
    assert m.er_by_followers(1_200, 300, 50_000, shares=None) == pytest.approx(3.0)
    assert math.isnan(m.er_by_followers(1_200, 300, 50_000, shares=np.nan))


def test_zero_start_value_and_zero_years_in_cagr_give_nan_without_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = m.cagr(np.array([0.0, 100.0, 100.0]), np.array([10.0, 121.0, 121.0]), np.array([2, 0, 2]))
    assert np.isnan(result[:2]).all()
    assert result[2] == pytest.approx(0.1)


# ---------------------------------------------------------------------------------------------
# Invalid input
# ---------------------------------------------------------------------------------------------
NEGATIVE_CALLS: list[tuple[str, Callable[[], Any]]] = [
    ("likes", lambda: m.er_by_followers(-1, 300, 50_000)),
    ("comments", lambda: m.er_by_followers(1, -300, 50_000)),
    ("followers", lambda: m.er_by_followers(1, 300, pd.Series([50_000, -5]))),
    ("shares", lambda: m.er_by_followers(1, 300, 50_000, shares=-1)),
    ("saves", lambda: m.er_by_reach(1, 300, 50_000, saves=-1)),
    ("reach", lambda: m.er_by_reach(1, 300, -50_000)),
    ("views", lambda: m.er_by_views(1, 1, 1, -10)),
    ("interactions", lambda: m.engagement_rate(-1, 10)),
    ("impressions", lambda: m.frequency(-1, 10)),
    ("cost", lambda: m.cpm(-1, 1_000)),
    ("engagements", lambda: m.cpe(1, -1)),
    ("clicks", lambda: m.cpc(1, -1)),
    ("conversions", lambda: m.cpa(1, -1)),
    ("revenue", lambda: m.roi(-1, 1)),
    ("spend", lambda: m.roas(1, -1)),
    ("cpm_rate", lambda: m.emv(1_000, cpm_rate=-5.0)),
    ("cpe_rate", lambda: m.emv(1_000, 10, cpm_rate=5.0, cpe_rate=-0.1)),
    ("er_organic", lambda: m.paid_post_performance(1.0, -1.0)),
    ("following", lambda: m.following_ratio(-1, 10)),
    ("authenticity", lambda: m.real_followers(10, -0.1)),
    ("followers", lambda: m.assign_tier(-1)),
    ("er_pct", lambda: m.er_quality_band(-0.5)),
    ("niche_audience", lambda: m.niche_penetration(1, -1)),
    ("years", lambda: m.cagr(1, 2, -1)),
]


@pytest.mark.parametrize(("name", "call"), NEGATIVE_CALLS, ids=[n for n, _ in NEGATIVE_CALLS])
def test_negative_value_raises_value_error_naming_the_argument(name: str, call: Callable[[], Any]) -> None:
    with pytest.raises(ValueError, match=rf"^{name} must not be negative"):
        call()


def test_infinite_value_raises_value_error() -> None:
    with pytest.raises(ValueError, match="impressions must be finite"):
        m.cpm(100, np.inf)


def test_authenticity_given_in_percent_raises_with_hint() -> None:
    with pytest.raises(ValueError, match="divide by 100"):
        m.fake_follower_share(75)


def test_non_numeric_strings_raise_type_error_naming_the_argument() -> None:
    with pytest.raises(TypeError, match="followers must be numeric"):
        m.er_by_followers(1, 1, pd.Series(["3.3k", "475.8m"]))


def test_dataframe_argument_raises_type_error() -> None:
    with pytest.raises(TypeError, match="not a DataFrame"):
        m.cpm(pd.DataFrame({"a": [1]}), 10)


def test_series_with_different_indexes_raise_instead_of_silently_aligning() -> None:
    with pytest.raises(ValueError, match="same index"):
        m.roi(pd.Series([1.0, 2.0], index=[0, 1]), pd.Series([1.0, 2.0], index=[1, 2]))


def test_emv_requires_explicit_cpm_rate() -> None:
    with pytest.raises(TypeError):
        m.emv(1_000)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "kwargs", [{"engagements": 10}, {"cpe_rate": 0.1}], ids=["engagements_without_rate", "rate_alone"]
)
def test_emv_requires_engagements_and_cpe_rate_together(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="together"):
        m.emv(1_000, cpm_rate=10.0, **kwargs)


def test_er_by_followers_optional_counts_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        m.er_by_followers(1, 2, 3, 4)  # type: ignore[misc]


def test_reference_er_rejects_unknown_statistic() -> None:
    with pytest.raises(ValueError, match="median"):
        m.reference_er(1_000, "mode")


# ---------------------------------------------------------------------------------------------
# Kinds in and out
# ---------------------------------------------------------------------------------------------
KIND_CALLS: dict[str, Callable[[Any], Any]] = {
    "engagement_rate": lambda x: m.engagement_rate(x, 1_000),
    "er_by_followers": lambda x: m.er_by_followers(x, 10, 1_000),
    "er_by_reach": lambda x: m.er_by_reach(x, 10, 1_000),
    "er_by_views": lambda x: m.er_by_views(x, 10, 5, 1_000),
    "frequency": lambda x: m.frequency(x, 1_000),
    "cpm": lambda x: m.cpm(x, 1_000),
    "cpe": lambda x: m.cpe(x, 10),
    "cpc": lambda x: m.cpc(x, 10),
    "cpa": lambda x: m.cpa(x, 10),
    "roi": lambda x: m.roi(x, 100),
    "roas": lambda x: m.roas(x, 100),
    "emv": lambda x: m.emv(x, cpm_rate=10.0),
    "emv_to_roi_gap": lambda x: m.emv_to_roi_gap(x, 100, 100),
    "paid_post_performance": lambda x: m.paid_post_performance(x, 2.0),
    "following_ratio": lambda x: m.following_ratio(x, 1_000),
    "fake_follower_share": lambda x: m.fake_follower_share(x / 1_000),
    "real_followers": lambda x: m.real_followers(x, 0.8),
    "er_on_real_followers": lambda x: m.er_on_real_followers(x, 10, 1_000, 0.8),
    "reference_er": lambda x: m.reference_er(x),
    "niche_penetration": lambda x: m.niche_penetration(x, 1_000),
    "conversion_rate": lambda x: m.conversion_rate(x, 1_000),
    "conversions_per_dollar": lambda x: m.conversions_per_dollar(x, 100),
    "cagr": lambda x: m.cagr(100, x, 2),
}


@pytest.mark.parametrize("call", KIND_CALLS.values(), ids=KIND_CALLS.keys())
def test_series_in_gives_series_out_with_the_same_index(call: Callable[[Any], Any]) -> None:
    x = pd.Series([100, 250, 400], index=pd.Index(["c", "a", "b"], name="creator"))
    result = call(x)
    assert isinstance(result, pd.Series)
    pd.testing.assert_index_equal(result.index, x.index)
    expected = [call(v) for v in [100, 250, 400]]
    np.testing.assert_allclose(result.to_numpy(), expected)


@pytest.mark.parametrize("call", KIND_CALLS.values(), ids=KIND_CALLS.keys())
def test_scalar_in_gives_float_out(call: Callable[[Any], Any]) -> None:
    assert type(call(100)) is float
    assert type(call(np.int64(100))) is float


@pytest.mark.parametrize("call", KIND_CALLS.values(), ids=KIND_CALLS.keys())
def test_array_in_gives_array_out(call: Callable[[Any], Any]) -> None:
    result = call(np.array([100, 250]))
    assert isinstance(result, np.ndarray)
    assert result.shape == (2,)


def test_list_in_gives_array_out() -> None:
    np.testing.assert_allclose(m.cpm([500, 1_000], 100_000), [5.0, 10.0])


def test_series_keeps_index_when_mixed_with_scalars_and_other_series() -> None:
    idx = pd.Index([7, 3, 9])
    result = m.er_by_followers(pd.Series([10, 20, 30], index=idx), 0, pd.Series([1_000] * 3, index=idx))
    pd.testing.assert_series_equal(result, pd.Series([1.0, 2.0, 3.0], index=idx))


# ---------------------------------------------------------------------------------------------
# Tiers
# ---------------------------------------------------------------------------------------------
# Written out from the published tables; each cut-off is checked at the bound and just below it.
TIER_BOUNDARY_CASES: dict[str, list[tuple[float, str]]] = {
    "mediakix": [
        (0, "below nano"),
        (999, "below nano"),
        (1_000, "nano"),
        (9_999, "nano"),
        (10_000, "micro"),
        (49_999, "micro"),
        (50_000, "mid"),
        (499_999, "mid"),
        (500_000, "macro"),
        (999_999, "macro"),
        (1_000_000, "mega"),
        (500_000_000, "mega"),
    ],
    "later_fohr": [
        (0, "nano"),
        (9_999, "nano"),
        (10_000, "micro"),
        (99_999, "micro"),
        (100_000, "mid"),
        (499_999, "mid"),
        (500_000, "macro"),
        (999_999, "macro"),
        (1_000_000, "mega"),
    ],
    "hypeauditor": [
        (0, "below nano"),
        (999, "below nano"),
        (1_000, "nano"),
        (4_999, "nano"),
        (5_000, "micro"),
        (19_999, "micro"),
        (20_000, "mid"),
        (99_999, "mid"),
        (100_000, "macro"),
        (999_999, "macro"),
        (1_000_000, "mega"),
    ],
}
BOUNDARY_PARAMS = [
    pytest.param(scheme, followers, label, id=f"{scheme}-{followers:g}")
    for scheme, cases in TIER_BOUNDARY_CASES.items()
    for followers, label in cases
]


@pytest.mark.parametrize(("scheme", "followers", "label"), BOUNDARY_PARAMS)
def test_assign_tier_at_and_just_below_each_cutoff(scheme: str, followers: float, label: str) -> None:
    assert m.assign_tier(followers, scheme) == label


@pytest.mark.parametrize(
    ("scheme", "followers", "label"),
    [
        ("mediakix", 999.5, "below nano"),
        ("mediakix", 9_999.5, "nano"),
        ("later_fohr", 99_999.5, "micro"),
        ("hypeauditor", 4_999.5, "nano"),
        ("hypeauditor", 999_999.5, "macro"),
    ],
)
def test_assign_tier_fractional_count_just_below_a_bound_stays_in_the_lower_tier(
    scheme: str, followers: float, label: str
) -> None:
    assert m.assign_tier(followers, scheme) == label


@pytest.mark.parametrize(
    ("followers", "mediakix", "later_fohr", "hypeauditor"),
    [
        (500, "below nano", "nano", "below nano"),
        (3_000, "nano", "nano", "nano"),
        (7_500, "nano", "nano", "micro"),
        (30_000, "micro", "micro", "mid"),
        (75_000, "mid", "micro", "mid"),
        (200_000, "mid", "mid", "macro"),
        (750_000, "macro", "macro", "macro"),
        (2_000_000, "mega", "mega", "mega"),
    ],
)
def test_the_three_schemes_disagree_as_the_published_tables_say(
    followers: int, mediakix: str, later_fohr: str, hypeauditor: str
) -> None:
    assert m.assign_tier(followers, "mediakix") == mediakix
    assert m.assign_tier(followers, "later_fohr") == later_fohr
    assert m.assign_tier(followers, "hypeauditor") == hypeauditor


def test_assign_tier_default_scheme_is_mediakix() -> None:
    assert m.assign_tier(30_000) == "micro"
    assert m.assign_tier(75_000) == "mid"


def test_assign_tier_unknown_scheme_raises_listing_valid_schemes() -> None:
    with pytest.raises(
        ValueError, match=r"unknown tier scheme 'fohr'.*'mediakix', 'later_fohr', 'hypeauditor'"
    ):
        m.assign_tier(1_000, "fohr")


def test_assign_tier_series_gives_ordered_categorical_with_index_and_nan_for_missing() -> None:
    followers = pd.Series([2_000_000, None, 500, 30_000], index=["a", "b", "c", "d"])
    result = m.assign_tier(followers, "hypeauditor")
    assert isinstance(result, pd.Series)
    assert result.dtype == m.TIER_DTYPE
    assert result.cat.ordered
    assert list(result.index) == ["a", "b", "c", "d"]
    assert result.isna().tolist() == [False, True, False, False]
    codes = result.cat.codes  # compare by tier order, not alphabetically
    assert codes["a"] > codes["d"] > codes["c"]


def test_assign_tier_array_gives_categorical_and_scalar_gives_label() -> None:
    result = m.assign_tier(np.array([5_000, 50_000]), "mediakix")
    assert isinstance(result, pd.Categorical)
    assert list(result) == ["nano", "mid"]
    assert m.assign_tier(5_000) == "nano"
    assert isinstance(m.assign_tier(5_000), str)
    assert pd.isna(m.assign_tier(np.nan))


def test_tier_labels_are_the_same_ordered_categories_for_every_scheme() -> None:
    assert m.TIER_LABELS == ("below nano", "nano", "micro", "mid", "macro", "mega")
    for scheme in m.TIER_SCHEMES:
        assert m.assign_tier([1_000_000], scheme).categories.tolist() == list(m.TIER_LABELS)


@pytest.mark.parametrize(
    ("scheme", "labels"),
    [
        ("mediakix", ("below nano", "nano", "micro", "mid", "macro", "mega")),
        ("later_fohr", ("nano", "micro", "mid", "macro", "mega")),
        ("hypeauditor", ("below nano", "nano", "micro", "mid", "macro", "mega")),
    ],
)
def test_tier_labels_lists_the_labels_a_scheme_can_assign_in_order(
    scheme: str, labels: tuple[str, ...]
) -> None:
    assert m.tier_labels(scheme) == labels
    assert m.tier_labels(scheme, include_below=False) == ("nano", "micro", "mid", "macro", "mega")
    assigned = m.assign_tier(np.arange(0, 2_000_000, 250), scheme)
    assert set(assigned.astype(str)) == set(labels)


def test_tier_labels_unknown_scheme_raises() -> None:
    with pytest.raises(ValueError, match="valid schemes"):
        m.tier_labels("statista")


def test_tier_schemes_hold_name_source_and_increasing_lower_bounds() -> None:
    assert list(m.TIER_SCHEMES) == ["mediakix", "later_fohr", "hypeauditor"]
    expected_bounds = {
        "mediakix": (1_000, 10_000, 50_000, 500_000, 1_000_000),
        "later_fohr": (0, 10_000, 100_000, 500_000, 1_000_000),
        "hypeauditor": (1_000, 5_000, 20_000, 100_000, 1_000_000),
    }
    for key, scheme in m.TIER_SCHEMES.items():
        assert scheme.key == key
        assert scheme.name
        assert scheme.source
        assert scheme.lower_bounds == expected_bounds[key]
        assert scheme.labels == ("nano", "micro", "mid", "macro", "mega")


def test_tier_schemes_cannot_be_modified() -> None:
    with pytest.raises(TypeError):
        m.TIER_SCHEMES["custom"] = m.TIER_SCHEMES["mediakix"]  # type: ignore[index]


def test_tier_counts_counts_each_tier_in_order_and_skips_missing() -> None:
    followers = pd.Series([500, 5_000, 15_000, 30_000, 2_000_000, np.nan])
    counts = m.tier_counts(followers, "mediakix")
    assert counts.index.tolist() == list(m.TIER_LABELS)
    assert counts.tolist() == [1, 1, 2, 0, 0, 1]
    assert counts.name == "mediakix"


def test_tier_changes_crosstab_shows_who_changes_tier() -> None:
    followers = [500, 7_500, 30_000, 75_000, 200_000, np.nan]
    table = m.tier_changes(followers, "mediakix", "hypeauditor")
    assert table.index.name == "mediakix"
    assert table.columns.name == "hypeauditor"
    assert table.to_numpy().sum() == 5
    assert table.loc["below nano", "below nano"] == 1  # 500
    assert table.loc["nano", "micro"] == 1  # 7,500
    assert table.loc["micro", "mid"] == 1  # 30,000
    assert table.loc["mid", "mid"] == 1  # 75,000
    assert table.loc["mid", "macro"] == 1  # 200,000


def test_tier_changes_of_a_scheme_with_itself_is_diagonal() -> None:
    followers = np.array([0, 10_000, 99_999, 100_000, 3_000_000])
    table = m.tier_changes(followers, "later_fohr", "later_fohr").to_numpy()
    assert (table == np.diag(np.diag(table))).all()
    assert table.sum() == 5


def test_tier_scheme_table_lists_five_tiers_per_scheme_with_open_top() -> None:
    table = m.tier_scheme_table()
    assert len(table) == 15
    hype = table[table["scheme"] == "hypeauditor"]
    assert hype["source_label"].tolist() == ["Rookie", "Up-and-Coming", "Prosumer", "Maven", "Celebrity"]
    assert hype["lower"].tolist() == [1_000, 5_000, 20_000, 100_000, 1_000_000]
    assert pd.isna(hype["upper"].iloc[-1])
    assert hype["upper"].iloc[0] == 5_000


# ---------------------------------------------------------------------------------------------
# Audience quality
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("er_pct", "band"),
    [
        (0.0, "low"),
        (0.999, "low"),
        (1.0, "average"),
        (3.499, "average"),
        (3.5, "high"),
        (5.999, "high"),
        (6.0, "very high"),
        (40.0, "very high"),
    ],
)
def test_er_quality_band_boundaries_are_lower_inclusive(er_pct: float, band: str) -> None:
    assert m.er_quality_band(er_pct) == band


def test_er_quality_band_series_is_ordered_with_index_and_nan_for_missing() -> None:
    result = m.er_quality_band(pd.Series([7.0, np.nan, 0.5], index=[5, 6, 7]))
    assert result.dtype == m.ER_QUALITY_DTYPE
    assert list(result.index) == [5, 6, 7]
    assert pd.isna(result[6])
    assert result.cat.codes[5] > result.cat.codes[7]


def test_quality_thresholds_match_their_sources() -> None:
    assert m.AUTHENTICITY_MIN == 0.75  # Modash followers credibility < 75 %
    assert m.MASS_FOLLOWING_MIN == 1_500  # HypeAuditor mass followers follow > 1,500
    assert m.ER_QUALITY_LOWER_BOUNDS == (0.0, 1.0, 3.5, 6.0)
    assert m.ER_BENCHMARK_MEDIAN_PCT == (16.99, 6.45, 3.76, 2.63, 2.57, 2.56)
    assert m.ER_BENCHMARK_MEAN_PCT == (10.58, 4.26, 2.28, 1.62, 1.55, 1.54)


def test_audience_quality_flags_flags_each_red_flag_with_a_reason() -> None:
    idx = pd.Index(["clean", "bought", "follow4follow", "pod"])
    flags = m.audience_quality_flags(
        pd.Series([50_000, 200_000, 2_000, 30_000], index=idx),
        following=pd.Series([400, 900, 3_000, 500], index=idx),
        authenticity=pd.Series([0.9, 0.55, 0.8, 0.85], index=idx),
        # band medians: 20K-100K 2.63 %, 100K-1M 2.57 %, 1K-5K 6.45 %
        er_pct=pd.Series([3.0, 0.3, 5.0, 12.0], index=idx),
    )
    assert list(flags.index) == list(idx)
    assert flags.loc["clean", "n_flags"] == 0
    assert not flags.loc["clean", "any_flag"]
    assert flags.loc["clean", "reasons"] == ""
    assert flags.loc["bought", "low_authenticity"]
    assert flags.loc["bought", "er_implausibly_low"]  # 0.3 < 2.57 / 4 = 0.6425
    assert "Modash" in flags.loc["bought", "reasons"]
    assert flags.loc["follow4follow", "mass_follower"]  # 3,000 > 1,500
    assert flags.loc["follow4follow", "high_following_ratio"]  # 3,000 / 2,000 = 1.5 > 1
    assert "1,500" in flags.loc["follow4follow", "reasons"]
    assert flags.loc["pod", "er_implausibly_high"]  # 12 > 2.63 * 4 = 10.52
    assert flags["n_flags"].tolist() == [0, 2, 2, 1]


def test_audience_quality_flags_thresholds_are_strict_as_published() -> None:
    flags = m.audience_quality_flags(
        np.array([10_000, 10_000]), following=np.array([1_500, 1_501]), authenticity=np.array([0.75, 0.7499])
    )
    assert flags["mass_follower"].tolist() == [False, True]
    assert flags["low_authenticity"].tolist() == [False, True]


def test_audience_quality_flags_are_unknown_not_false_when_inputs_are_missing() -> None:
    flags = m.audience_quality_flags(pd.Series([10_000, 10_000]), authenticity=pd.Series([np.nan, 0.5]))
    assert flags["mass_follower"].isna().all()  # following not given
    assert flags["er_implausibly_low"].isna().all()  # er_pct not given
    assert pd.isna(flags.loc[0, "low_authenticity"])
    assert pd.isna(flags.loc[0, "any_flag"])  # nothing known to be wrong, nothing known to be fine
    assert flags.loc[1, "any_flag"]
    assert flags["n_flags"].tolist() == [0, 1]


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------
counts = st.integers(min_value=0, max_value=10**9)
positive_counts = st.integers(min_value=1, max_value=10**9)
money = st.floats(min_value=0, max_value=1e9, allow_nan=False)
positive_money = st.floats(min_value=0.01, max_value=1e9, allow_nan=False)
followers_values = st.floats(min_value=0, max_value=1e10, allow_nan=False)


@settings(deadline=None)
@given(
    likes=counts, comments=counts, followers=positive_counts, factor=st.integers(min_value=1, max_value=1_000)
)
def test_er_is_non_negative_and_scales_inversely_with_the_denominator(
    likes: int, comments: int, followers: int, factor: int
) -> None:
    er = m.er_by_followers(likes, comments, followers)
    assert er >= 0
    assert m.er_by_followers(likes, comments, followers * factor) == pytest.approx(er / factor, rel=1e-12)
    assert m.er_by_reach(likes, comments, followers * factor) == pytest.approx(er / factor, rel=1e-12)


@settings(deadline=None)
@given(scheme=st.sampled_from(list(m.TIER_SCHEMES)), a=followers_values, b=followers_values)
def test_assign_tier_is_monotone_in_followers_for_every_scheme(scheme: str, a: float, b: float) -> None:
    low, high = sorted([a, b])
    codes = m.assign_tier(pd.Series([low, high]), scheme).cat.codes  # codes follow the tier order
    assert codes.iloc[0] <= codes.iloc[1]


@settings(deadline=None)
@given(
    scheme=st.sampled_from(list(m.TIER_SCHEMES)),
    values=st.lists(followers_values, min_size=1, max_size=50),
)
def test_assign_tier_codes_never_decrease_along_sorted_followers(scheme: str, values: list[float]) -> None:
    codes = m.assign_tier(np.sort(values), scheme).codes
    assert (np.diff(codes) >= 0).all()


@settings(deadline=None)
@given(cost=money, impressions=positive_counts)
def test_cpm_times_impressions_over_1000_gives_back_the_cost(cost: float, impressions: int) -> None:
    assert m.cpm(cost, impressions) * impressions / 1000 == pytest.approx(cost, rel=1e-12, abs=1e-9)


@settings(deadline=None)
@given(revenue=money, spend=positive_money)
def test_roi_equals_roas_minus_one_when_cost_equals_spend(revenue: float, spend: float) -> None:
    assert m.roi(revenue, spend) == pytest.approx(m.roas(revenue, spend) - 1, rel=1e-9, abs=1e-9)


@settings(deadline=None)
@given(
    a=counts,
    b=counts,
    k=st.floats(min_value=0, max_value=1e3, allow_nan=False),
    cpm_rate=st.floats(min_value=0, max_value=100, allow_nan=False),
)
def test_emv_is_linear_in_impressions(a: int, b: int, k: float, cpm_rate: float) -> None:
    def value(impressions: float) -> float:
        return m.emv(impressions, cpm_rate=cpm_rate)

    assert value(a + b) == pytest.approx(value(a) + value(b), rel=1e-9, abs=1e-6)
    assert value(k * a) == pytest.approx(k * value(a), rel=1e-9, abs=1e-6)


@settings(deadline=None)
@given(
    start=st.floats(min_value=1, max_value=1e6, allow_nan=False),
    end=st.floats(min_value=1, max_value=1e6, allow_nan=False),
    years=st.floats(min_value=1, max_value=50, allow_nan=False),
)
def test_cagr_round_trips_to_the_end_value(start: float, end: float, years: float) -> None:
    growth = m.cagr(start, end, years)
    assert start * (1 + growth) ** years == pytest.approx(end, rel=1e-6)


# ---------------------------------------------------------------------------------------------
# Return on the gross margin (issue 17 item 3)
# ---------------------------------------------------------------------------------------------
def test_roas_of_1_7_at_a_40_percent_margin_loses_32_cents_per_dollar() -> None:
    # $1,000 spent, $1,700 of sales (ROAS 1.7): 40 % of 1,700 = 680 kept, 680 - 1,000 = -320
    assert m.roas(1_700, 1_000) == pytest.approx(1.7)
    assert m.roi(1_700, 1_000) == pytest.approx(0.7)  # on revenue it looks like +70 %
    assert m.profit_after_margin(1_700, 0.4, 1_000) == pytest.approx(-320.0)
    assert m.margin_roi(1_700, 0.4, 1_000) == pytest.approx(-0.32)
    assert m.break_even_roas(0.4) == pytest.approx(2.5)  # 1 / 0.4


def test_margin_metrics_keep_the_input_kind_and_nan_rules() -> None:
    index = pd.Index(["a", "b", "c"])
    revenue = pd.Series([2_500.0, 1_000.0, np.nan], index=index)
    cost = pd.Series([1_000.0, 0.0, 500.0], index=index)
    profit = m.profit_after_margin(revenue, 0.4, cost)
    assert list(profit.index) == list(index)
    assert profit["a"] == pytest.approx(0.0)  # 2,500 x 0.4 - 1,000: exactly break-even
    assert profit["b"] == pytest.approx(400.0)  # nothing spent, all margin kept
    assert math.isnan(profit["c"])
    ratio = m.margin_roi(revenue, 0.4, cost)
    assert ratio["a"] == pytest.approx(0.0) and math.isnan(ratio["b"]) and math.isnan(ratio["c"])
    assert np.isnan(m.break_even_roas([0.5, 0.0])).tolist() == [False, True]


@pytest.mark.parametrize("function", [m.profit_after_margin, m.margin_roi])
def test_a_margin_in_percent_is_refused_with_a_hint(function: Callable[..., Any]) -> None:
    with pytest.raises(ValueError, match="divide by 100"):
        function(1_700, 40, 1_000)
    with pytest.raises(ValueError, match="cost must not be negative"):
        function(1_700, 0.4, -1)


@settings(deadline=None)
@given(
    revenue=money,
    spend=positive_money,
    margin=st.floats(min_value=0.01, max_value=1, allow_nan=False),
)
def test_margin_roi_is_roas_times_margin_minus_one_and_never_above_roi(
    revenue: float, spend: float, margin: float
) -> None:
    value = m.margin_roi(revenue, margin, spend)
    assert value == pytest.approx(m.roas(revenue, spend) * margin - 1, rel=1e-9, abs=1e-9)
    assert value <= m.roi(revenue, spend) + 1e-9  # a margin below 100 % never raises the return
    # it is 0 exactly where ROAS reaches the break-even ROAS
    at_break_even = m.break_even_roas(margin) * spend
    assert m.margin_roi(at_break_even, margin, spend) == pytest.approx(0.0, abs=1e-9)
