"""Fake-follower simulator: buying followers dilutes engagement and trips audience-quality flags."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import data, widgets
from helpers.analysis import measurement
from helpers.analysis.measurement import buy_fakes, simulate_fakes
from helpers.widgets import LabInputError
from helpers.widgets.fakes import (
    FRAUD_KEYS,
    PRICE_KEYS,
    FakeFollowerSimulator,
    example_creators,
    fake_follower_update,
)

BENCHMARKS = dict(zip((*PRICE_KEYS, *FRAUD_KEYS), (5.0, 15.0, 42.0, 66.0), strict=True))


@pytest.fixture
def creators() -> pd.DataFrame:
    influencers = pd.DataFrame(
        {
            "influencer_id": ["honest", "buyer"],
            "handle": ["honest", "buyer"],
            "platform": pd.Categorical(["instagram", "instagram"]),
            "niche": ["food", "food"],
            "followers": [20_000, 20_000],
            "following": [600, 5_000],
            "avg_likes": [700.0, 700.0],
            "avg_comments": [100.0, 100.0],
            "audience_authenticity": [0.8, 0.5],
            "has_bought_followers": [False, True],
        }
    )
    return example_creators(influencers)


def test_examples_are_honest_unflagged_instagram_creators(creators):
    assert list(creators.index) == ["honest"]
    assert creators.loc["honest", "er_pct"] == pytest.approx(4.0)


def test_fakes_dilute_engagement_and_authenticity_but_not_the_real_audience(creators):
    sim = simulate_fakes(creators.loc["honest"], fakes=10_000, follow_back_pct=50)
    before, after = sim.loc["before"], sim.loc["after"]
    assert after["followers"] == 30_000 and after["real_followers"] == before["real_followers"] == 16_000
    assert after["er_pct"] == pytest.approx(800 / 30_000 * 100) and before["er_pct"] == pytest.approx(4.0)
    assert after["authenticity"] == pytest.approx(16_000 / 30_000)
    assert after["er_real_pct"] == before["er_real_pct"] == pytest.approx(5.0)
    assert after["following"] == 600 + 5_000


def test_buying_trips_the_flags_and_prices_the_fakes(creators):
    result = fake_follower_update(creators, BENCHMARKS, "honest", fakes=10_000, follow_back_pct=50)
    n = result.numbers
    assert n["flags_before"] == 0 and n["flags_after"] >= 2  # authenticity < 75%, follows > 1,500
    assert (n["cost_low_usd"], n["cost_high_usd"]) == (50, 150)
    assert result.table.loc["flag: authenticity < 75%", "after"] == "FLAG"
    assert result.table.loc["flag: follows > 1,500", "after"] == "FLAG"
    assert "SRF Data 2017" in result.summary and "HypeAuditor" in result.summary


def test_a_million_fakes_make_engagement_implausibly_low(creators):
    result = fake_follower_update(creators, BENCHMARKS, "honest", fakes=1_000_000)
    assert result.table.loc["flag: ER 4x below band", "after"] == "FLAG"
    assert "micro -> mega" in result.summary


def test_buying_nothing_changes_nothing(creators):
    result = fake_follower_update(creators, BENCHMARKS, "honest", fakes=0)
    n = result.numbers
    assert n["followers_after"] == n["followers_before"] and n["er_after_pct"] == n["er_before_pct"]
    assert "Move the slider" in result.summary


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"creator_id": "nobody"}, "No creator"),
        ({"creator_id": "honest", "fakes": -5}, "negative"),
        ({"creator_id": "honest", "follow_back_pct": 150}, "percentage"),
    ],
)
def test_impossible_controls_are_explained(creators, kwargs, message):
    with pytest.raises(LabInputError, match=message):
        fake_follower_update(creators, BENCHMARKS, **kwargs)


def test_lab_on_bundled_data_cites_the_benchmarks_table():
    lab = widgets.FakeFollowerSimulator()
    assert isinstance(lab, FakeFollowerSimulator) and lab.result.ok
    table = data.load_benchmarks().set_index("key")["value"]
    assert lab.benchmarks == {k: table[k] for k in (*PRICE_KEYS, *FRAUD_KEYS)}
    result = lab.set(fakes=100_000, follow_back_pct=30)
    print(result.summary)
    assert result.numbers["er_after_pct"] < result.numbers["er_before_pct"]
    assert result.numbers["flags_after"] > result.numbers["flags_before"] == 0


@pytest.mark.parametrize("fakes", [0, 1_000, 50_000, 1_000_000])
@pytest.mark.parametrize("follow_back_pct", [0.0, 40.0])
def test_a_purchase_adds_fakes_only_and_keeps_engagement_and_the_real_audience(fakes, follow_back_pct):
    creators = example_creators(data.load_influencers())
    for cid, creator in creators.iterrows():
        bought = buy_fakes(creator, fakes, follow_back_pct, 5.0, 15.0)
        n = bought.numbers()
        assert n["followers_after"] - n["followers_before"] == fakes, cid
        # nobody new engages: ER x followers (the engagements per post) is the same before and after
        assert n["er_after_pct"] * n["followers_after"] == pytest.approx(
            n["er_before_pct"] * n["followers_before"]
        )
        # the real audience is the same: authenticity x followers
        assert n["authenticity_after"] * n["followers_after"] == pytest.approx(
            n["authenticity_before"] * n["followers_before"]
        )
        assert n["following_after"] - creator["following"] == pytest.approx(fakes * follow_back_pct / 100)
        assert (n["cost_low_usd"], n["cost_high_usd"]) == pytest.approx((fakes * 0.005, fakes * 0.015))
        raised = [k for k in measurement.FLAG_LABELS if bought.flags.loc["after", k]]
        assert set(bought.new_flags) <= set(raised), cid
        assert n["flags_after"] == len(raised), cid
        if fakes == 0:
            assert bought.new_flags == [] and n["flags_after"] == n["flags_before"], cid
