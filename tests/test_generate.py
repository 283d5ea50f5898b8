"""helpers.generate: deterministic, fast, consistent tables; the bundled folder is exactly its output."""

from __future__ import annotations

import dataclasses
import re
import shutil
import time

import numpy as np
import pandas as pd
import pytest

from helpers import data, generate, schema
from helpers.paths import REPO_ROOT

DATASETS = REPO_ROOT / "datasets"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate.generate_all()


# --- determinism and the bundled folder ------------------------------------------------------------
def test_regenerating_into_a_new_folder_is_byte_identical_to_the_bundled_datasets(tmp_path):
    shutil.copy(DATASETS / "README.md", tmp_path / "README.md")  # its generated sections are refreshed too
    assert generate.main(["--out", str(tmp_path)]) == 0
    bundled = sorted(p.name for p in DATASETS.iterdir() if p.is_file())
    assert sorted(p.name for p in tmp_path.iterdir()) == bundled
    for name in bundled:
        assert (tmp_path / name).read_bytes() == (DATASETS / name).read_bytes(), (
            f"{name} differs: run `make data`"
        )


def test_generating_twice_gives_identical_tables(tables):
    again = generate.generate_all()
    for name in tables:
        pd.testing.assert_frame_equal(tables[name], again[name], check_exact=True)


def test_another_seed_gives_other_data(tables):
    other = generate.generate_all(seed=7, scale=0.2)
    assert not other["influencers"]["followers"].head(50).equals(tables["influencers"]["followers"].head(50))


def test_generation_neither_uses_nor_changes_the_global_random_state():
    np.random.seed(1)
    first = generate.generate_all(scale=0.05)
    next_global = np.random.random()
    np.random.seed(99)
    second = generate.generate_all(scale=0.05)
    pd.testing.assert_frame_equal(first["posts"], second["posts"])
    np.random.seed(1)
    assert np.random.random() == next_global


def test_in_memory_tables_equal_the_loaded_bundled_files(tables):
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(data.load_table(name), frame, check_exact=True)


def test_csv_text_uses_fixed_decimals_empty_cells_and_newlines(tables):
    text = generate.to_csv_text(tables["posts"].head(50), schema.POSTS)
    assert "\r" not in text and text.endswith("\n")
    assert ",nan" not in text.lower() and "<NA>" not in text
    benchmarks = generate.to_csv_text(tables["benchmarks"], schema.BENCHMARKS)
    assert re.search(r",16\.99,%,", benchmarks)


def test_default_generation_is_fast():
    began = time.perf_counter()
    generate.generate_all()
    seconds = time.perf_counter() - began
    print(f"\ndefault generation: {seconds:.2f} s")
    assert seconds < 20


# --- sizes and scale ---------------------------------------------------------------------------------
def test_tables_have_at_least_the_required_rows(tables):
    minimum = {"influencers": 2000, "posts": 40000, "campaigns": 1000, "outreach": 2000}
    for name, rows in minimum.items():
        assert len(tables[name]) >= rows, name


def test_scale_multiplies_creators_campaigns_and_outreach():
    half = generate.generate_all(scale=0.5)
    assert len(half["influencers"]) == 1000
    assert len(half["campaigns"]) == 500
    assert len(half["outreach"]) == 1250
    assert len(half["calendar"]) == len(generate.generate_all(scale=0.1)["calendar"])  # one year, not scaled


def test_scale_must_be_positive():
    with pytest.raises(ValueError, match="scale"):
        generate.generate_all(scale=0)


# --- consistency between tables -----------------------------------------------------------------------
def test_every_influencer_has_posts_and_at_least_three_organic_ones(tables):
    posts = tables["posts"]
    organic = posts[~posts["sponsored"]].groupby("influencer_id").size()
    assert set(posts["influencer_id"]) == set(tables["influencers"]["influencer_id"])
    assert organic.min() >= 3


def test_influencer_averages_are_the_means_of_their_posts(tables):
    means = tables["posts"].groupby("influencer_id")[["likes", "comments", "shares", "saves"]].mean().round(1)
    inf = tables["influencers"].set_index("influencer_id")
    for col in ("likes", "comments", "shares", "saves"):
        pd.testing.assert_series_equal(inf[f"avg_{col}"], means[col].reindex(inf.index), check_names=False)


def test_lifetime_post_counts_include_the_2025_posts(tables):
    n_2025 = tables["posts"].groupby("influencer_id").size()
    inf = tables["influencers"].set_index("influencer_id")
    assert (inf["posts_count"] >= n_2025.reindex(inf.index)).all()


def test_campaign_totals_are_the_sums_of_their_posts(tables):
    posts = tables["posts"].dropna(subset=["campaign_id"])
    sums = posts.groupby("campaign_id").agg(
        n_posts=("post_id", "size"),
        impressions=("impressions", "sum"),
        reach=("reach", "sum"),
        start_date=("date", "min"),
        end_date=("date", "max"),
    )
    sums["engagements"] = (
        posts.groupby("campaign_id")[["likes", "comments", "shares", "saves"]].sum().sum(axis=1)
    )
    camp = tables["campaigns"].set_index("campaign_id")
    for col in sums.columns:
        assert (camp[col] == sums[col].reindex(camp.index)).all(), col


def test_campaign_posts_are_sponsored_and_by_the_campaign_creator(tables):
    posts = tables["posts"].dropna(subset=["campaign_id"])
    assert posts["sponsored"].all()
    owner = tables["campaigns"].set_index("campaign_id")["influencer_id"]
    assert (posts["influencer_id"].to_numpy() == owner.reindex(posts["campaign_id"]).to_numpy()).all()


def test_views_exist_exactly_for_video_formats(tables):
    posts = tables["posts"]
    video = posts["format"].isin(schema.VIDEO_FORMATS)
    assert posts.loc[video, "views"].notna().all()
    assert posts.loc[~video, "views"].isna().all()


def test_formats_fit_the_platform(tables):
    posts = tables["posts"].merge(tables["influencers"][["influencer_id", "platform"]], on="influencer_id")
    allowed = {
        "instagram": {"image", "carousel", "reel"},
        "tiktok": {"video", "carousel"},
        "youtube": {"video", "short"},
    }
    for platform, formats in allowed.items():
        used = set(posts.loc[posts["platform"] == platform, "format"].astype(str))
        assert used <= formats, platform


def test_engagements_never_exceed_the_reach_of_a_post(tables):
    posts = tables["posts"]
    assert (posts["likes"] + posts["comments"] <= posts["reach"]).all()
    assert (posts["impressions"] >= posts["reach"]).all()


def test_dates_lie_in_2025(tables):
    for name, cols in {
        "posts": ["date"],
        "campaigns": ["start_date", "end_date"],
        "outreach": ["sent_date"],
    }.items():
        for col in cols:
            years = tables[name][col].dt.year
            assert (years == 2025).all(), f"{name}.{col}"


def test_followers_stay_below_the_niche_audience(tables):
    joined = tables["influencers"].merge(tables["niches"], on=["niche", "platform"])
    assert (joined["followers"] < joined["niche_audience"]).all()


def test_followers_span_nano_to_tens_of_millions_with_most_creators_small(tables):
    followers = tables["influencers"]["followers"]
    assert followers.min() >= 500 and followers.max() >= 10_000_000
    assert (followers < 100_000).mean() > 0.75


def test_instagram_is_the_majority_platform(tables):
    assert tables["influencers"]["platform"].value_counts(normalize=True)["instagram"] > 0.5


def test_celebrities_are_few_and_mostly_mega(tables):
    inf = tables["influencers"]
    celebs = inf[inf["is_celebrity"]]
    assert 0 < len(celebs) < 0.05 * len(inf)
    assert (celebs["followers"] >= 1_000_000).mean() > 0.6


def test_handles_are_unique(tables):
    assert tables["influencers"]["handle"].is_unique


def test_contact_preferences_follow_their_shares_and_change_nothing_else(tables):
    """Every creator has a preferred cadence and format, drawn in the documented shares from a stream
    of its own: changing those shares changes those two columns and no other value anywhere."""
    creators = tables["influencers"]
    params = generate.DEFAULT_PARAMS
    cadence = creators["preferred_cadence"].astype(str).value_counts(normalize=True)
    for name, share in zip(schema.PREFERRED_CADENCES, params.preferred_cadence_shares, strict=True):
        assert abs(cadence[name] - share) < 0.04, (name, cadence[name], share)
    calls = (creators["preferred_format"].astype(str) == "call").mean()
    assert abs(calls - params.preferred_call_share) < 0.04
    other = generate.generate_all(
        params=dataclasses.replace(params, preferred_cadence_shares=(0.8, 0.1, 0.1), preferred_call_share=0.1)
    )
    moved = ["preferred_cadence", "preferred_format"]
    assert (other["influencers"]["preferred_cadence"].astype(str) == "monthly").mean() > 0.7
    pd.testing.assert_frame_equal(
        other["influencers"].drop(columns=moved), creators.drop(columns=moved), check_exact=True
    )
    for name in tables:
        if name != "influencers":
            pd.testing.assert_frame_equal(other[name], tables[name], check_exact=True)


def test_replies_have_a_delay_and_non_replies_none(tables):
    out = tables["outreach"]
    assert out.loc[out["replied"], "days_to_reply"].notna().all()
    assert out.loc[~out["replied"], "days_to_reply"].isna().all()


def test_every_launch_has_an_embargo_ending_the_day_before(tables):
    cal = tables["calendar"]
    launches = cal[cal["event_type"] == "product_launch"]
    embargoes = cal[cal["event_type"] == "embargo"]
    keys = set(zip(embargoes["brand"], embargoes["end_date"] + pd.Timedelta(days=1), strict=True))
    for brand, day in zip(launches["brand"], launches["start_date"], strict=True):
        assert (brand, day) in keys


def test_most_campaign_posts_avoid_their_brands_embargoes_but_some_conflicts_remain(tables):
    posts = (
        tables["posts"].dropna(subset=["campaign_id"]).merge(tables["campaigns"][["campaign_id", "brand"]])
    )
    cal = tables["calendar"]
    embargoes = cal.loc[cal["event_type"] == "embargo", ["brand", "start_date", "end_date"]]
    pairs = posts.merge(embargoes, on="brand")
    conflicts = pairs["date"].between(pairs["start_date"], pairs["end_date"]).sum()
    print(f"\ncampaign posts inside their brand's embargo: {conflicts} of {len(posts)}")
    assert 0 < conflicts < 0.1 * len(posts)


def test_discovery_channels_trade_cost_against_speed_and_fit(tables):
    by = tables["campaigns"].groupby("discovery_channel", observed=True)
    cost, days, fit = by["discovery_cost_usd"].median(), by["days_to_sign"].median(), by["niche_fit"].mean()
    print(
        f"\nmedian cost {cost.round(0).to_dict()}, median days {days.to_dict()}, "
        f"mean fit {fit.round(3).to_dict()}"
    )
    assert cost["organic"] < cost["platform"] < cost["agency"]
    assert days["organic"] > days["platform"] > days["agency"]
    assert fit["organic"] < fit["platform"] < fit["agency"]


def test_fees_are_the_rate_card_times_posts_with_bounded_negotiation(tables):
    c = tables["campaigns"].merge(tables["influencers"][["influencer_id", "price_per_post_usd"]])
    ratio = c["fee_usd"] / (c["price_per_post_usd"] * c["n_posts"])
    bound = 2 * generate.DEFAULT_PARAMS.fee_negotiation_sd
    print(f"\nfee / (price x posts): {ratio.quantile([0, 0.5, 1]).round(3).tolist()}")
    assert ratio.between(np.exp(-bound) - 0.01, np.exp(bound) + 0.01).all()
    assert abs(np.log(ratio).median()) < 0.05


def test_funnel_rates_stay_bounded_even_with_extreme_parameters():
    p = generate.DEFAULT_PARAMS
    extreme = dataclasses.replace(
        p, click_through_rates=(10.0, 10.0, 10.0), base_conversion_rate=10.0, long_term_uplift=0.0
    )
    c = generate.generate_all(scale=0.2, params=extreme)["campaigns"]
    ctr = c["clicks"].sum() / c["reach"].sum()
    cvr = c["conversions"].sum() / c["clicks"].sum()
    print(
        f"\npooled CTR {ctr:.4f} (cap {p.ctr_max}), conversion rate {cvr:.4f} (cap {p.conversion_rate_max})"
    )
    assert ctr == pytest.approx(p.ctr_max, rel=0.05)
    assert cvr == pytest.approx(p.conversion_rate_max, rel=0.05)


# --- the real-figure tables and the single source of truth -----------------------------------------
def test_benchmarks_csv_holds_exactly_the_generator_constants(tables):
    bench = tables["benchmarks"].set_index("key")
    assert set(bench.index) == {f.key for f in generate.BENCHMARK_FIGURES}
    for figure in generate.BENCHMARK_FIGURES:
        assert bench.loc[figure.key, "value"] == pytest.approx(figure.value)
        assert bench.loc[figure.key, "source"] == figure.source


def test_benchmarks_hold_the_calibration_targets(tables):
    bench = tables["benchmarks"].set_index("key")["value"]
    medians = [bench[key] for key in generate.ER_BAND_KEYS]
    assert medians == [16.99, 6.45, 3.76, 2.63, 2.57, 2.56]
    assert bench["fully_compliant_influencers_pct"] == 14
    assert [bench[f"sponsored_posts_pct_{k}"] for k in ("under_100k", "100k_1m", "over_1m")] == [63, 31, 6]
    assert bench["price_usd_instagram_nano_low"] == 10 and bench["price_usd_instagram_nano_high"] == 100


def test_landscape_holds_the_published_figures_only(tables):
    land = tables["landscape"]
    market = land[land["metric"] == "market_size"].set_index("year")["value"]
    assert market.to_dict() == {
        2016: 1.7,
        2020: 9.7,
        2021: 13.8,
        2022: 16.4,
        2023: 21.1,
        2024: 24.0,
        2025: 32.55,
    }
    assert not {2017, 2018, 2019} & set(market.index), "figures tagged U must be left out"
    users = land[land["metric"] == "instagram_monthly_active_users"].set_index("period")["value"]
    assert users.to_dict() == {"2014-12": 300, "2018-06": 1000, "2021-12": 2000, "2025-09": 3000}
    assert set(land["confidence"].astype(str)) <= {"P", "S"}
    assert land["source"].str.len().min() > 5


def test_every_publisher_is_classified_as_vendor_or_not():
    publishers = {f.publisher for f in generate.BENCHMARK_FIGURES} | {
        f.publisher for f in generate.LANDSCAPE_FIGURES
    }
    assert publishers <= set(generate.PUBLISHER_IS_VENDOR)
    assert generate.PUBLISHER_IS_VENDOR["Forrester"] is False
    assert generate.PUBLISHER_IS_VENDOR["HypeAuditor"] is True


def test_every_brand_has_a_profile():
    assert set(generate._BRAND_PROFILE) == set(schema.BRANDS)
    assert {niche for niche, _ in generate._BRAND_PROFILE.values()} <= set(schema.NICHES)


# --- parameters and the datasheet -----------------------------------------------------------------------
def test_every_parameter_is_documented():
    assert [f.name for f in dataclasses.fields(generate.Params)] == list(generate.PARAM_DOCS)


def test_datasheet_generated_sections_are_in_sync(tables):
    text = (DATASETS / "README.md").read_text(encoding="utf-8")

    def section(begin: str, end: str) -> str:
        return text[text.index(begin) + len(begin) : text.index(end)]

    assert section(generate.PARAMS_BEGIN, generate.PARAMS_END) == "\n" + generate.params_markdown()
    sizes = generate.sizes_markdown(tables, generate.DEFAULT_SEED, 1.0)
    assert section(generate.SIZES_BEGIN, generate.SIZES_END) == "\n" + sizes


def test_datasheet_says_synthetic_and_gives_seed_command_and_licence():
    text = (DATASETS / "README.md").read_text(encoding="utf-8")
    assert "SYNTHETIC" in text
    assert f"seed {generate.DEFAULT_SEED}" in text and "make data" in text
    assert "CC BY 4.0" in text
    for name in ("landscape.csv", "benchmarks.csv"):
        assert name in text


def test_update_datasheet_refuses_a_file_without_markers(tmp_path, tables):
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    with pytest.raises(ValueError, match="markers"):
        generate.update_datasheet(readme, tables, 1, 1.0, generate.DEFAULT_PARAMS)
    assert readme.read_text(encoding="utf-8") == "# no markers\n"


@pytest.mark.slow  # not in `make test-fast` (the contributor's loop); `make test` runs it
def test_uplift_variants_equal_a_full_generation_at_each_uplift():
    influencers, variants = generate.generate_uplift_variants([0.0, 0.5, 0.0])
    assert list(variants) == [0.0, 0.5]
    for uplift in (0.0, 0.5):
        full = generate.generate_all(long_term_uplift=uplift)
        pd.testing.assert_frame_equal(variants[uplift], full["campaigns"], check_exact=True)
        pd.testing.assert_frame_equal(influencers, full["influencers"], check_exact=True)


def test_uplift_variants_with_no_uplift_still_give_the_creators(tables):
    influencers, variants = generate.generate_uplift_variants([])
    assert variants == {}
    pd.testing.assert_frame_equal(influencers, tables["influencers"], check_exact=True)
