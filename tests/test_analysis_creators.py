"""Lesson 01 analyses: who the creators are, tiers under three schemes, who posts sponsored content."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data, plots
from helpers.analysis import creators


@pytest.fixture
def influencers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "influencer_id": ["a", "b", "c", "d"],
            "followers": [3_000, 30_000, 200_000, 2_000_000],
            "platform": ["instagram", "instagram", "instagram", "tiktok"],
            "is_celebrity": [False, False, False, True],
        }
    )


@pytest.fixture
def posts() -> pd.DataFrame:
    # a: 2 organic; b: 1 organic + 2 sponsored (1 disclosed); c and d: 1 sponsored disclosed each
    return pd.DataFrame(
        {
            "post_id": [f"p{i}" for i in range(7)],
            "influencer_id": ["a", "a", "b", "b", "b", "c", "d"],
            "format": ["image", "reel", "image", "image", "reel", "carousel", "video"],
            "sponsored": [False, False, False, True, True, True, True],
            "disclosed": [False, False, False, True, False, True, True],
        }
    )


def test_creator_overview_counts_celebrities_and_small_accounts(influencers):
    overview = creators.creator_overview(influencers)
    assert overview["creators"] == 4 and overview["celebrities"] == 1
    assert overview["celebrity_pct"] == pytest.approx(25.0)
    assert overview["under_10k_pct"] == pytest.approx(25.0)
    assert overview["under_100k_pct"] == pytest.approx(50.0)
    assert overview["median_followers"] == pytest.approx(115_000)


def test_follower_histogram_keeps_every_creator_and_trims_empty_ends(influencers):
    table = creators.follower_histogram(influencers)
    assert table["other creators"].sum() == 3 and table["celebrities"].sum() == 1
    first, last = table.iloc[0], table.iloc[-1]
    assert first["other creators"] + first["celebrities"] > 0
    assert last["other creators"] + last["celebrities"] > 0
    assert (table["upper"] > table["lower"]).all()


def test_tier_scheme_ranges_show_the_published_cut_offs():
    ranges = creators.tier_scheme_ranges()
    assert ranges.loc["micro", "Mediakix"] == "10K-50K"
    assert ranges.loc["micro", "Later x Fohr (2021)"] == "10K-100K"
    assert ranges.loc["micro", "HypeAuditor"] == "5K-20K"
    assert ranges.loc["mega"].tolist() == ["1M+"] * 3


def test_tier_counts_by_scheme_counts_every_creator_once_per_scheme(influencers):
    table = creators.tier_counts_by_scheme(influencers["followers"])
    assert table.sum().tolist() == [4, 4, 4]
    assert table.loc["micro", "Mediakix"] == 1  # 30K
    assert table.loc["mid", "HypeAuditor"] == 1  # 30K is mid (20K-100K) for HypeAuditor


def test_format_mix_columns_sum_to_100(posts):
    mix = creators.format_mix(posts)
    assert list(mix.columns) == ["organic", "sponsored"]
    assert mix.sum().tolist() == pytest.approx([100.0, 100.0])
    assert mix.loc["image", "organic"] == pytest.approx(100 * 2 / 3)


def test_sponsored_share_by_tier(posts, influencers):
    table = creators.sponsored_share_by_tier(posts, influencers)
    assert table.loc["nano", "sponsored_pct"] == 0  # a: 3K followers, organic only
    assert table.loc["micro", "sponsored_pct"] == pytest.approx(100 * 2 / 3)
    assert table["posts"].sum() == len(posts)


def test_sponsored_posts_by_size_follows_hypr_definition(posts, influencers):
    # HYPR: disclosed sponsored Instagram posts -> b (1) and c (1)
    share = creators.sponsored_posts_by_size(posts, influencers)
    assert share.tolist() == pytest.approx([50.0, 50.0, 0.0])
    every = creators.sponsored_posts_by_size(posts, influencers, platform=None, disclosed_only=False)
    assert every.tolist() == pytest.approx([50.0, 25.0, 25.0])


def test_size_band_is_lower_bound_inclusive():
    bands = creators.size_band(pd.Series([99_999, 100_000, 999_999, 1_000_000]))
    assert bands.astype(str).tolist() == ["under 100K", "100K-1M", "100K-1M", "1M+"]


def test_hypr_benchmark_reads_the_published_figures_with_their_source():
    table = creators.hypr_benchmark(data.load_benchmarks())
    assert table.index.tolist() == list(creators.HYPR_BANDS)
    assert table["value"].sum() == pytest.approx(100)
    assert table["source"].str.contains("HYPR").all()
    assert table["is_vendor_estimate"].all()


def test_bundled_data_sponsored_posts_split_resembles_hypr():
    tables = data.load_all(check_keys=False)
    share = creators.sponsored_posts_by_size(tables["posts"], tables["influencers"])
    hypr = creators.hypr_benchmark(tables["benchmarks"])["value"]
    print("\nsynthetic vs HYPR:", share.round(1).tolist(), hypr.tolist())
    assert share.iloc[0] > 50  # most disclosed sponsored posts come from accounts under 100K
    head_count = creators.size_split(tables["influencers"]).iloc[0]
    assert share.iloc[0] < head_count  # but fewer than their share of the creators


def test_drawing_functions_title_the_finding():
    tables = data.load_all(check_keys=False)
    inf, posts = tables["influencers"], tables["posts"]
    draws = [
        lambda ax: creators.plot_follower_histogram(ax, inf),
        lambda ax: creators.plot_tier_counts(ax, inf["followers"]),
        lambda ax: creators.plot_format_mix(ax, posts),
        lambda ax: creators.plot_sponsored_share_by_tier(ax, posts, inf),
        lambda ax: creators.plot_size_split(ax, inf, tables["benchmarks"]),
    ]
    for draw in draws:
        _, ax = plots.new_figure()
        draw(ax)
        assert ax.get_title(loc="left") and ax._course_subtitle.get_text()
        assert len(ax.get_title(loc="left")) <= 64, ax.get_title(loc="left")


def test_readable_formats_like_the_figure_titles():
    table = creators.readable(
        pd.Series({"creators": 2000, "celebrity_pct": 1.15, "median_followers": 10797.0})
    )
    assert table.iloc[:, 0].tolist() == ["2,000", f"{1.15:.1f}%", "10,797"]
    assert table.index.tolist() == ["creators", "celebrities, % of creators", "median followers"]
