"""Follower-audit tables: own seed stream, deterministic, consistent with the creators, no truth in them."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data, generate, schema


@pytest.fixture(scope="module")
def small() -> dict[str, pd.DataFrame]:
    return generate.generate_all(scale=0.5)


def test_same_seed_gives_the_same_bytes_and_another_seed_other_data():
    influencers, posts = data.load_influencers(), data.load_posts()
    growth, sample, truth = generate.follower_audit(influencers, posts, seed=generate.DEFAULT_SEED)
    again, sample_again, truth_again = generate.follower_audit(influencers, posts, seed=generate.DEFAULT_SEED)
    for name, first, second in (
        ("follower_growth", growth, again),
        ("follower_sample", sample, sample_again),
    ):
        table = schema.TABLES[name]
        typed = [data.validate(f, name) for f in (first, second)]
        assert generate.to_csv_text(typed[0], table) == generate.to_csv_text(typed[1], table)
    pd.testing.assert_series_equal(truth.bought, truth_again.bought)
    other = generate.follower_audit(influencers, posts, seed=7)
    assert not other[1]["posts"].equals(sample["posts"])
    assert not other[2].bought.equals(truth.bought)


def test_the_bundled_tables_are_what_the_generator_draws_from_the_bundled_creators_and_posts():
    growth, sample, _ = generate.follower_audit(data.load_influencers(), data.load_posts())
    pd.testing.assert_frame_equal(
        data.validate(growth, "follower_growth")
        .sort_values(["influencer_id", "date"])
        .reset_index(drop=True),
        data.load_follower_growth(),
    )
    pd.testing.assert_frame_equal(data.validate(sample, "follower_sample"), data.load_follower_sample())


def test_the_audit_stream_changes_no_value_of_the_other_tables(small, monkeypatch):
    monkeypatch.setattr(generate, "AUDIT_STREAM_KEY", generate.AUDIT_STREAM_KEY + 1000)
    moved = generate.generate_all(scale=0.5)
    for name in schema.TABLES:
        if name in generate.AUDIT_TABLES:
            assert not moved[name].equals(small[name]), f"{name} should come from the audit stream"
        else:
            pd.testing.assert_frame_equal(moved[name], small[name], check_exact=True)


def test_series_end_at_the_creators_followers_and_cover_every_day(small):
    growth, inf = small["follower_growth"], small["influencers"].set_index("influencer_id")
    last = growth.groupby("influencer_id")["followers"].last()
    assert (last == inf.loc[last.index, "followers"]).all()
    days = growth.groupby("influencer_id")["date"].agg(["min", "max", "size"])
    assert (days["size"] == generate.AUDIT_DAYS).all()
    assert (days["max"] == pd.Timestamp(f"{generate.YEAR}-12-31")).all()
    audited = inf.loc[last.index]
    assert (audited["platform"].astype(str) == "instagram").all()
    assert (audited["followers"] >= generate.AUDIT_MIN_FOLLOWERS).all()


def test_the_truth_stays_out_of_the_learners_tables(small):
    for name in generate.AUDIT_TABLES:
        columns = " ".join(schema.TABLES[name].column_names)
        assert "fake" not in columns and "bought" not in columns and "bump" not in columns
        assert schema.TABLES[name].synthetic
    truth = generate.follower_audit_truth(small["influencers"], small["posts"])
    assert set(truth.fake.index) == set(small["follower_sample"]["follower_id"])
    assert set(truth.bought.index) == set(small["follower_growth"]["influencer_id"])


def test_only_creators_who_ever_bought_followers_buy_in_the_window(small):
    truth = generate.follower_audit_truth(small["influencers"], small["posts"])
    ever = small["influencers"].set_index("influencer_id")["has_bought_followers"]
    buyers = truth.bought[truth.bought].index
    assert len(buyers) > 0 and ever.loc[buyers].all()
    assert set(truth.purchases["influencer_id"]) == set(buyers)
