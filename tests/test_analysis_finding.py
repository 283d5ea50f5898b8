"""helpers.analysis.finding: binned medians with bootstrap intervals, fits in log followers, sponsored
lift, the example export and the caveats of lesson 12.

Numbers computed from the bundled data are never written here (the data may be regenerated): tests on
the bundled data assert relations and ranges and print what they measured (``pytest -s``).
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers import data, metrics, paths, plots
from helpers.analysis import finding
from helpers.exports import describe_report, read_influencer_export


@pytest.fixture(scope="module")
def bundled() -> dict[str, pd.DataFrame]:
    return {"influencers": data.load_influencers(), "posts": data.load_posts()}


@pytest.fixture(scope="module")
def creators(bundled) -> pd.DataFrame:
    return finding.creator_table(bundled["influencers"], bundled["posts"])


def toy_posts() -> pd.DataFrame:
    """a: 2 sponsored (eng 30, 50) and 3 organic (eng 10, 20, 30); b: 1 sponsored, 2 organic (too few);
    c: 1 sponsored (eng 5) and 3 organic with 0 engagement (no lift: division by 0)."""
    rows = [
        ("a", True, 25, 5),
        ("a", True, 45, 5),
        ("a", False, 8, 2),
        ("a", False, 18, 2),
        ("a", False, 27, 3),
        ("b", True, 10, 0),
        ("b", False, 10, 0),
        ("b", False, 10, 0),
        ("c", True, 5, 0),
        ("c", False, 0, 0),
        ("c", False, 0, 0),
        ("c", False, 0, 0),
    ]
    return pd.DataFrame(rows, columns=["influencer_id", "sponsored", "likes", "comments"])


# --- paid-post performance (finding.sponsored_lift) ---------------------------------------------------
def test_sponsored_lift_is_mean_sponsored_over_mean_organic_engagement_per_creator():
    lift = finding.sponsored_lift(toy_posts())
    assert list(lift.index) == ["a"]  # b has 2 organic posts (< 3); c has organic engagement 0
    row = lift.loc["a"]
    assert (row["n_sponsored"], row["n_organic"]) == (2, 3)
    assert row["sponsored_eng"] == pytest.approx(40.0)  # (30 + 50) / 2
    assert row["organic_eng"] == pytest.approx(20.0)  # (10 + 20 + 30) / 3
    assert row["lift"] == pytest.approx(2.0)


def test_sponsored_lift_thresholds_are_parameters():
    lift = finding.sponsored_lift(toy_posts(), min_organic=2)
    assert set(lift.index) == {"a", "b"}
    assert lift.loc["b", "lift"] == pytest.approx(1.0)


def test_sponsored_lift_does_not_need_posts_grouped_by_creator():
    posts = toy_posts()
    shuffled = posts.sample(frac=1.0, random_state=3).reset_index(drop=True)
    assert not (shuffled["influencer_id"] == posts["influencer_id"]).all()
    pd.testing.assert_frame_equal(
        finding.sponsored_lift(shuffled).sort_index(), finding.sponsored_lift(posts).sort_index()
    )


def test_lesson_10s_lift_is_lesson_03s_paid_post_performance_creator_by_creator(bundled):
    """Review B14: lesson 12's `lift` column is the registry's paid-post performance (mean ER sponsored /
    mean ER organic of one creator, helpers.metrics), the very number lesson 03 computes - not another
    ratio under the same name (the follower count cancels, so likes + comments give the same ratio)."""
    from helpers.analysis import trust

    lesson03 = trust.paid_post_performance_by_creator(bundled["posts"], bundled["influencers"])
    lesson12 = finding.sponsored_lift(bundled["posts"])
    assert len(lesson12) > 100 and set(lesson12.index) == set(lesson03.index)
    np.testing.assert_allclose(
        lesson12["lift"], lesson03.loc[lesson12.index, "paid_post_performance"], rtol=1e-12
    )


def test_sponsored_lift_of_no_posts_is_an_empty_table():
    empty = toy_posts().iloc[:0]
    assert finding.sponsored_lift(empty).empty


def test_creator_table_has_er_in_percent_and_lift_from_posts(bundled, creators):
    inf = bundled["influencers"].set_index("influencer_id")
    expected = (inf["avg_likes"] + inf["avg_comments"]) / inf["followers"] * 100
    np.testing.assert_allclose(creators["er_pct"], expected.loc[creators.index])
    assert (creators["er_real_pct"] >= creators["er_pct"] - 1e-12).all()  # real followers <= followers
    lifts = finding.sponsored_lift(bundled["posts"])
    np.testing.assert_allclose(creators.loc[lifts.index, "lift"], lifts["lift"])
    assert creators["lift"].isna().sum() == len(creators) - len(lifts)


# --- bins ------------------------------------------------------------------------------------------------
def test_log_bin_edges_are_multiples_of_the_width_and_cover_the_data():
    followers = [500, 1_500, 9_000, 12_000, 40_000, 2_000_000]
    edges = finding.log_bin_edges(followers, width=0.5, min_count=1)
    assert np.allclose(edges / 0.5, np.round(edges / 0.5))
    x = np.log10(followers)
    assert edges[0] <= x.min() and x.max() < edges[-1]


def test_log_bin_edges_merge_sparse_bins_until_each_has_min_count():
    rng = np.random.default_rng(0)
    followers = 10 ** rng.uniform(3, 7, size=300)
    edges = finding.log_bin_edges(followers, width=0.25, min_count=40)
    counts = np.histogram(np.log10(followers), bins=edges)[0]
    assert counts.sum() == 300
    assert (counts >= 40).all()


def test_log_bin_edges_refuse_nonsense():
    with pytest.raises(ValueError, match="above 0 decades"):
        finding.log_bin_edges([1_000], width=0)
    with pytest.raises(ValueError, match="no follower count above 0"):
        finding.log_bin_edges([0, -5, np.nan])


def test_one_bin_when_there_are_fewer_creators_than_min_count():
    edges = finding.log_bin_edges([1_000, 5_000, 90_000], min_count=15)
    assert len(edges) == 2


@pytest.mark.parametrize("n", [9, 10, 61])
def test_bootstrap_median_matches_brute_force_resampling(n):
    rng = np.random.default_rng(n)
    values = rng.lognormal(size=n)
    fast = finding.bootstrap_median(values, n_boot=20_000, rng=np.random.default_rng(1))
    draws = values[np.random.default_rng(2).integers(0, n, size=(20_000, n))]
    slow = np.median(draws, axis=1)
    for q in (2.5, 25, 50, 75, 97.5):
        assert np.percentile(fast, q) == pytest.approx(np.percentile(slow, q), rel=0.06), q
    assert set(np.unique(fast)) <= set(np.unique(slow)) | {(a + b) / 2 for a in values for b in values}


def test_bootstrap_median_is_seeded_ignores_nan_and_handles_tiny_samples():
    a = finding.bootstrap_median([1.0, 2.0, np.nan, 7.0], 50, np.random.default_rng(5))
    b = finding.bootstrap_median([1.0, 2.0, 7.0], 50, np.random.default_rng(5))
    np.testing.assert_array_equal(a, b)
    assert (finding.bootstrap_median([4.2], 10) == 4.2).all()
    assert np.isnan(finding.bootstrap_median([np.nan], 3)).all()


def test_binned_medians_are_the_medians_per_bin_with_intervals_around_them(creators):
    bins = finding.binned_medians(creators["followers"], creators["er_pct"], width=0.5)
    print("\n", bins.round(3).to_string())
    assert bins["n"].sum() == creators["er_pct"].notna().sum()
    assert (bins["n"] >= finding.MIN_PER_BIN).all()
    assert (bins["ci_low"] <= bins["median"]).all() and (bins["median"] <= bins["ci_high"]).all()
    x = np.log10(creators["followers"])
    for row in bins.itertuples():
        inside = (x >= row.log10_lo) & (x < row.log10_hi)
        assert row.median == pytest.approx(creators.loc[inside, "er_pct"].median())
        assert row.followers_mid == pytest.approx(10 ** ((row.log10_lo + row.log10_hi) / 2))
    again = finding.binned_medians(creators["followers"], creators["er_pct"], width=0.5)
    pd.testing.assert_frame_equal(bins, again)  # seeded: identical on every run


def test_binned_medians_of_nothing_is_an_empty_table():
    bins = finding.binned_medians([np.nan, 0], [1.0, 2.0])
    assert bins.empty and "median" in bins.columns


def test_follower_label_writes_two_significant_digits():
    assert [finding.follower_label(x) for x in (3, 4, 4.5, 5.5, 7)] == ["1K", "10K", "32K", "320K", "10M"]
    assert finding.follower_label(float("nan")) == "n/a"


# --- fits ------------------------------------------------------------------------------------------------
def parabola_data(n: int = 400, noise: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """ln y = -0.3 (x - 4.5)^2 + 0.1 with x = log10 followers uniform in [2.5, 7]: peak at 10^4.5."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(2.5, 7, size=n)
    y = np.exp(-0.3 * (x - 4.5) ** 2 + 0.1 + rng.normal(0, noise, size=n))
    return 10**x, y


def test_quadratic_fit_recovers_a_known_parabola_and_its_vertex():
    followers, values = parabola_data()
    fit = finding.fit_log_followers(followers, values, degree=2)
    assert fit.coef[0] == pytest.approx(-0.3)
    assert fit.vertex == pytest.approx(4.5)
    assert fit.shape == "inverted U"
    assert fit.predict([10**4.5])[0] == pytest.approx(math.exp(0.1))


def test_bootstrap_intervals_cover_the_truth_and_contain_the_estimate():
    followers, values = parabola_data(noise=0.4, seed=1)
    fit = finding.fit_log_followers(followers, values, degree=2)
    lo, hi = fit.vertex_ci
    assert lo < 4.5 < hi and lo < fit.vertex < hi
    for coef, (c_lo, c_hi) in zip(fit.coef, fit.coef_ci, strict=True):
        assert c_lo < coef < c_hi
    assert fit.peak_share >= 0.95


def test_bootstrap_intervals_agree_with_resampling_creators(creators):
    d = creators.dropna(subset=["lift"])
    x, y = np.log10(d["followers"].to_numpy()), np.log(d["lift"].to_numpy())
    fit = finding.fit_log_followers(d["followers"], d["lift"], degree=2, n_boot=1_000)
    rng = np.random.default_rng(11)
    pairs = np.array([np.polyfit(x[i], y[i], 2) for i in rng.integers(0, len(x), size=(1_000, len(x)))])
    width_pairs = np.subtract(*np.percentile(pairs, [97.5, 2.5], axis=0))
    width_fit = np.array([hi - lo for lo, hi in fit.coef_ci])
    print(f"\nCI widths: Bayesian bootstrap {width_fit.round(4)}, pairs bootstrap {width_pairs.round(4)}")
    np.testing.assert_allclose(width_fit, width_pairs, rtol=0.2)


def test_the_exact_and_the_normal_limit_bootstraps_agree():
    followers, values = parabola_data(n=3_000, noise=0.5, seed=4)
    x, y = np.log10(followers), np.log(values)
    exact = finding._bootstrap_wls(x, y, 2, 2_000, seed=1, exact_limit=10**12)
    limit = finding._bootstrap_wls(x, y, 2, 2_000, seed=1, exact_limit=0)
    for q in (2.5, 50, 97.5):
        np.testing.assert_allclose(
            np.percentile(exact, q, axis=0), np.percentile(limit, q, axis=0), rtol=0.05, atol=0.01
        )


def test_linear_fit_gives_the_change_per_tenfold_followers():
    rng = np.random.default_rng(2)
    followers = 10 ** rng.uniform(3, 7, size=500)
    er = 8.0 * (followers / 1_000) ** -0.25  # ln ER slope per decade = -0.25 ln 10
    fit = finding.fit_log_followers(followers, er, degree=1)
    assert fit.change_per_decade_pct == pytest.approx((10**-0.25 - 1) * 100)
    lo, hi = fit.change_per_decade_ci
    assert lo <= fit.change_per_decade_pct <= hi
    assert fit.shape == "falls"
    assert math.isnan(fit.vertex) and fit.peak_share == 0.0


def test_a_flat_cloud_is_called_flat():
    rng = np.random.default_rng(3)
    followers = 10 ** rng.uniform(3, 7, size=200)
    fit = finding.fit_log_followers(followers, rng.lognormal(size=200), degree=2)
    assert fit.shape == "flat"
    assert "no clear" in finding.headline("lift", fit)


def test_fits_are_seeded_and_refuse_too_little_data():
    followers, values = parabola_data(n=50, noise=0.3)
    a = finding.fit_log_followers(followers, values, degree=2)
    b = finding.fit_log_followers(followers, values, degree=2)
    assert a.coef_ci == b.coef_ci
    with pytest.raises(ValueError, match="at least 10 creators"):
        finding.fit_log_followers(followers[:5], values[:5])
    with pytest.raises(ValueError, match="same follower count"):
        finding.fit_log_followers(np.full(20, 5_000.0), values[:20], degree=1)
    with pytest.raises(ValueError, match="degree"):
        finding.fit_log_followers(followers, values, degree=3)


def test_values_that_cannot_be_logged_are_left_out_of_the_fit():
    followers, values = parabola_data(n=60)
    values = values.copy()
    values[:5] = [0.0, -1.0, np.nan, np.inf, 0.0]
    fit = finding.fit_log_followers(followers, values, degree=2)
    assert fit.n == 55  # 0, negative, NaN and infinite values are all left out


# --- both findings on the bundled data --------------------------------------------------------------------
def test_the_bundled_data_reproduce_both_findings(creators):
    result = finding.analyse(creators)
    print("\n" + result.summary())
    er, lift = result.er_fit, result.lift_fit
    assert er.shape == "falls" and er.change_per_decade_ci[1] < 0
    assert lift.shape == "inverted U"
    lo, hi = lift.vertex_ci
    assert lift.x_min < lo < lift.vertex < hi < lift.x_max
    assert "inverted U" in result.summary() and "falls" in result.summary()


def test_a_top_list_cannot_show_the_small_accounts(creators):
    top = finding.select_sample(creators, "top200")
    assert len(top) == 200 and top["followers"].min() >= creators["followers"].quantile(0.8)
    random = finding.select_sample(creators, "random200")
    assert len(random) == 200 and random["followers"].min() < top["followers"].min()
    all_fit = finding.fit_log_followers(creators["followers"], creators["er_pct"])
    top_fit = finding.fit_log_followers(top["followers"], top["er_pct"])
    change = (all_fit.change_per_decade_pct, top_fit.change_per_decade_pct)
    print(f"\nER change per decade: all creators {change[0]:.1f}%, top 200 {change[1]:.1f}%")
    assert top_fit.x_max - top_fit.x_min < all_fit.x_max - all_fit.x_min
    with pytest.raises(ValueError, match="sample must be"):
        finding.select_sample(creators, "best")


def test_ten_times_the_posts_give_the_same_findings_with_narrower_intervals(bundled, creators):
    big_inf, big_posts = finding.resample_creators(bundled["influencers"], bundled["posts"], 400_000)
    big = finding.analyse_posts(big_inf, big_posts)
    small = finding.analyse(creators)
    assert big.lift_fit.shape == "inverted U"
    assert abs(big.lift_fit.vertex - small.lift_fit.vertex) < 0.5
    width = lambda fit: np.subtract(*fit.coef_ci[0][::-1])  # noqa: E731
    assert width(big.lift_fit) < width(small.lift_fit)


def test_resample_creators_builds_exactly_n_posts_with_new_creator_ids(bundled):
    inf, posts = finding.resample_creators(bundled["influencers"], bundled["posts"], 12_345, seed=7)
    assert len(posts) == 12_345
    assert set(posts["influencer_id"]) == set(inf["influencer_id"])
    assert inf["influencer_id"].is_unique
    original = bundled["influencers"].set_index("handle")
    sample = inf.iloc[0]
    assert sample["followers"] == original.loc[sample["handle"], "followers"]
    counts = posts.groupby("influencer_id").size()
    full = bundled["posts"].groupby("influencer_id").size()
    first_original = bundled["influencers"].set_index("handle").loc[sample["handle"], "influencer_id"]
    assert counts[sample["influencer_id"]] == full[first_original]


# --- caveat: tier cut-offs -------------------------------------------------------------------------------
def test_tier_medians_follow_each_schemes_cut_offs():
    table = pd.DataFrame({"followers": [3_000, 30_000, 30_000, 200_000], "lift": [0.8, 1.2, 1.0, 0.9]})
    medians = finding.tier_medians(table, "lift")
    # 30K is micro under Mediakix and Later x Fohr (10K-50K / 10K-100K) but mid under HypeAuditor (20K-100K)
    assert medians.loc["micro", "Mediakix"] == pytest.approx(1.1)
    assert medians.loc["mid", "HypeAuditor"] == pytest.approx(1.1)
    assert medians.loc["nano", "HypeAuditor"] == pytest.approx(0.8)
    assert medians.loc["mid", "n Mediakix"] == 1
    sentence = finding.tier_sentence(medians)
    assert "Mediakix: micro (10K-50K followers)" in sentence
    assert "HypeAuditor: mid (20K-100K followers)" in sentence


def test_tier_sentence_names_the_open_top_tier():
    table = pd.DataFrame({"followers": [2_000, 5_000_000], "lift": [0.5, 2.0]})
    assert "mega (1M+ followers)" in finding.tier_sentence(finding.tier_medians(table, "lift"))


def test_published_er_table_is_hypeauditors_2018_benchmark():
    table = finding.published_er_table()
    assert list(table["median ER %"]) == list(metrics.ER_BENCHMARK_MEDIAN_PCT)
    assert list(table.index) == ["0-1K", "1K-5K", "5K-20K", "20K-100K", "100K-1M", "1M+"]


def test_flattens_above_is_the_first_band_after_which_the_curve_stops_falling():
    bounds = [0, 1_000, 5_000, 20_000]
    assert finding.flattens_above(bounds, [10.0, 5.0, 4.8, 4.6]) == 1_000  # 4.6 is 8 % below 5.0
    assert finding.flattens_above(bounds, [10.0, 5.0, 4.0, 3.9]) == 5_000  # 3.9 is 22 % below 5.0
    assert finding.flattens_above(bounds, [10.0, 5.0, 2.5, 1.0]) == 20_000  # keeps falling: last band
    assert finding.flattens_above(bounds, [10.0, 5.0, 4.0, 3.9], tolerance=0.25) == 1_000
    assert finding.flattens_above(bounds, [2.0, 9.0, 9.5, 9.0]) == 0  # rising is not falling
    with pytest.raises(ValueError, match="one value per band"):
        finding.flattens_above(bounds, [1.0, 2.0])


def test_hypeauditors_medians_and_means_flatten_where_the_benchmark_rows_say():
    bench = data.load_benchmarks().set_index("key")["value"]
    bands = ["0_1k", "1k_5k", "5k_20k", "20k_100k", "100k_1m", "1m_plus"]
    for statistic in ("median", "mean"):
        rows = [bench[f"ig_er_{statistic}_pct_{band}"] for band in bands]
        expected = finding.flattens_above(metrics.ER_BENCHMARK_LOWER_BOUNDS, rows)
        assert finding.published_er_flattens_above(statistic) == expected
        print(statistic, "flattens above", expected)
    with pytest.raises(ValueError, match="median' or 'mean"):
        finding.published_er_flattens_above("mode")


@pytest.mark.parametrize("notebook", ["02_who_is_an_influencer", "12_research_lab"])
def test_lessons_02_and_10_state_the_same_flattening_threshold(notebook):
    """Lesson 02's trainer note and lesson 12's Step 2 describe the same HypeAuditor benchmark: both
    must give the threshold :func:`finding.published_er_flattens_above` computes (they once said
    20K and 100K)."""
    stored = paths.REPO_ROOT / "notebooks" / f"{notebook}.ipynb"
    cells = json.loads(stored.read_text(encoding="utf-8"))["cells"]
    text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    text = re.sub(r"\s+", " ", text)
    stated = re.findall(r"(?:flatten\w* above about|up to about) (\S+) followers", text)
    assert stated, f"{notebook}: no sentence says where engagement flattens"
    assert set(stated) == {plots.human_number(finding.published_er_flattens_above())}, stated


# --- bring your own data: the example export ------------------------------------------------------------
def test_the_bundled_example_export_reads_with_a_report_and_both_measures():
    df = read_influencer_export(finding.example_export_path())
    report = df.attrs["report"]
    assert report.header_line == 3 and any("skipped 1 line" in n for n in report.notes)
    assert "SYNTHETIC" in finding.example_export_path().read_text(encoding="utf-8-sig").splitlines()[0]
    assert sum(len(v) for v in report.dropped.values()) == 1  # the footer line
    creators, notes = finding.export_creators(df)
    assert len(creators) == len(df) - 1  # the one unreadable follower count
    assert any("left out" in n for n in notes) and any("paid_post_performance" in n for n in notes)
    assert creators["lift"].between(0.05, 5).all() or creators["lift"].isna().any()
    # review B15: the reader recognises the column the analysis reads, so its report never calls it
    # "not recognised" one cell before the analysis uses it as the metric
    assert report.renamed.get("Paid Post Performance") == "paid_post_performance"
    assert "paid_post_performance" not in report.kept_as_is.values()
    assert "Kept as is" not in describe_report(df)
    result = finding.analyse(creators)
    print("\n" + result.summary())
    assert result.er_fit is not None and result.lift_fit is not None


def test_example_export_round_trips_through_the_reader(bundled, creators):
    raw = finding.example_export(bundled["influencers"], bundled["posts"], n=120, min_followers=5_000, seed=9)
    df = read_influencer_export(raw, name="example.csv")
    assert len(df) == 120
    read, _ = finding.export_creators(df)
    truth = creators.reset_index()[["handle", "followers", "er_pct", "lift"]]
    joined = read.merge(truth, on="handle", how="left", suffixes=("", "_true"), validate="one_to_one")
    ok = joined["followers"].notna()
    true = joined.loc[ok, "followers_true"].to_numpy()
    unit = np.where(true >= 1e6, 1e6, np.where(true >= 1e4, 1e3, 1.0))  # '1,3M', '12,5k', '950'
    assert (np.abs(joined.loc[ok, "followers"].to_numpy() - true) <= 0.05 * unit + 0.5).all()
    er = joined["er_pct"].notna()
    assert er.mean() > 0.9
    np.testing.assert_allclose(joined.loc[er, "er_pct"], joined.loc[er, "er_pct_true"], atol=0.006)
    lift = joined["lift"].notna()
    np.testing.assert_allclose(joined.loc[lift, "lift"], joined.loc[lift, "lift_true"], atol=0.006)
    assert (joined["followers"].to_numpy() >= 5_000 * 0.99).all()


def test_export_creators_without_engagement_says_so():
    df = read_influencer_export(b"handle,followers\na,1000\nb,2000\n", name="bare.csv")
    creators, notes = finding.export_creators(df)
    assert creators["er_pct"].isna().all() and creators["lift"].isna().all()
    assert any("no engagement rate" in n for n in notes)
    assert finding.analyse(creators).er_fit is None


def test_a_lift_column_in_percent_or_as_a_ratio_is_read():
    text = "handle,followers,Sponsored Lift\na,1000,80%\nb,2000,1.25\nc,3000,-\n"
    creators, _ = finding.export_creators(read_influencer_export(text.encode(), name="lift.csv"))
    np.testing.assert_allclose(creators["lift"].to_numpy(), [0.8, 1.25, np.nan])


# --- drawing -------------------------------------------------------------------------------------------
def test_draw_finding_reuses_its_artists_and_shows_the_peak_only_when_there_is_one(creators):
    fig = Figure()
    ax = fig.subplots()
    result = finding.analyse(creators)
    finding.draw_finding(ax, result.lift_bins, result.lift_fit, measure="lift")
    artists = ax._finding_artists
    assert artists.peak.get_visible() and artists.baseline.get_visible()
    assert len(artists.legend.texts) == 3
    finding.draw_finding(ax, result.er_bins, result.er_fit, measure="er")
    assert ax._finding_artists is artists  # moved, not rebuilt
    assert not artists.peak.get_visible() and not artists.baseline.get_visible()
    assert len(artists.legend.texts) == 2
    assert ax.get_ylim()[0] == 0
    finding.draw_published(ax)
    assert "HypeAuditor" in ax.get_legend().texts[-1].get_text()


def test_headlines_state_the_finding_and_intervals_state_the_uncertainty(creators):
    result = finding.analyse(creators)
    assert finding.headline("er", result.er_fit).startswith("Engagement rate falls")
    assert "per tenfold" in finding.interval_text("er", result.er_fit)
    assert finding.headline("lift", result.lift_fit).startswith("Paid-post performance peaks near")
    assert "turning point" in finding.interval_text("lift", result.lift_fit, short=True)


def test_best_tiers_and_the_headline_say_whether_the_best_tier_depends_on_the_scheme():
    # 30K wins: micro for Mediakix and Later x Fohr, mid for HypeAuditor -> the label changes
    table = pd.DataFrame({"followers": [3_000, 30_000, 30_000, 200_000], "lift": [0.8, 1.2, 1.0, 0.9]})
    medians = finding.tier_medians(table, "lift")
    best = finding.best_tiers(medians)
    assert best.loc["Mediakix", "tier"] == "micro" and best.loc["HypeAuditor", "tier"] == "mid"
    assert finding.tier_headline(medians).startswith("The 'best tier' changes with the scheme")
    # 200K wins: mid under Mediakix and Later x Fohr, macro under HypeAuditor (100K-1M)
    table = pd.DataFrame({"followers": [3_000, 200_000, 300_000], "lift": [0.8, 1.2, 1.3]})
    assert "changes" in finding.tier_headline(finding.tier_medians(table, "lift"))
    # 2M wins everywhere, and mega means 1M+ in every scheme
    table = pd.DataFrame({"followers": [3_000, 2_000_000], "lift": [0.8, 1.3]})
    assert (
        finding.tier_headline(finding.tier_medians(table, "lift"))
        == "'mega' (1M+ followers) wins under every scheme"
    )
    # 600K is macro everywhere: 500K-1M (Mediakix, Later x Fohr) but 100K-1M (HypeAuditor)
    table = pd.DataFrame({"followers": [3_000, 600_000], "lift": [0.8, 1.3]})
    assert "means different follower counts" in finding.tier_headline(finding.tier_medians(table, "lift"))


def test_compare_samples_runs_one_analysis_per_sample_keyed_by_its_label(creators):
    comparison = finding.compare_samples(creators, "er_pct")
    assert list(comparison) == ["all creators", "top 200 by followers", "200 at random"]
    top = finding.select_sample(creators, "top200")
    bins, fit = comparison["top 200 by followers"]
    expected = finding.fit_log_followers(top["followers"], top["er_pct"])
    assert fit.change_per_decade_pct == pytest.approx(expected.change_per_decade_pct)
    assert bins.equals(finding.binned_medians(top["followers"], top["er_pct"]))
    assert list(finding.compare_samples(creators, samples=["top200"])) == ["top 200 by followers"]


def test_draw_series_puts_each_analysis_on_one_chart(creators):
    fig = Figure()
    ax = fig.subplots()
    series = {}
    for sample in ("all", "top200"):
        chosen = finding.select_sample(creators, sample)
        series[sample] = (
            finding.binned_medians(chosen["followers"], chosen["er_pct"]),
            finding.fit_log_followers(chosen["followers"], chosen["er_pct"]),
        )
    finding.draw_series(ax, series)
    assert [t.get_text() for t in ax.get_legend().texts] == ["all", "top200"]
    assert len(ax.lines) >= 2 and ax.get_ylim()[0] == 0


def test_draw_tier_medians_draws_one_bar_per_scheme_and_tier():
    table = pd.DataFrame({"followers": [3_000, 30_000, 200_000, 2_000_000], "lift": [0.8, 1.2, 0.9, 0.7]})
    medians = finding.tier_medians(table, "lift")
    fig = Figure()
    ax = fig.subplots()
    finding.draw_tier_medians(ax, medians)
    assert len(ax.patches) == 3 * len(medians)
    assert [t.get_text() for t in ax.get_legend().texts] == [s.name for s in metrics.TIER_SCHEMES.values()]
